/** A commit under way (its progress and Cancel) and what it wrote (the counts and the rejected rows). */
import { StopOutlined } from '@ant-design/icons'
import { Button, Card, Progress, Result, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type {
  ImportKind,
  ImportPreview,
  ImportProgress,
  ImportResult,
  SavedDocument,
} from '../../../../electron/api/contract'
import { useFormat } from '../../format'
import { navigate, type Route } from '../../router'
import { CountRow, RejectedGrid, SaveRejectedButton } from './PreviewView'

export function CommitProgress({
  progress,
  cancelling,
  onCancel,
}: {
  progress: ImportProgress | null
  cancelling: boolean
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const total = progress?.total ?? 0
  const done = progress?.done ?? 0
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0
  const phase = progress?.phase ?? 'reading'
  return (
    <Card size="small" title={t('transfer.progress.title')} data-testid="import-progress">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Progress
          percent={percent}
          status={phase === 'failed' ? 'exception' : 'active'}
          data-testid="import-progress-bar"
        />
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text data-testid="import-progress-text">
            {cancelling
              ? t('transfer.progress.cancelling')
              : // done and total count steps (each row checked, then written), not rows.
                t(`transfer.progress.phases.${phase}`, { percent })}
          </Typography.Text>
          <Button
            danger
            icon={<StopOutlined />}
            disabled={cancelling}
            onClick={onCancel}
            data-testid="import-cancel"
          >
            {t('transfer.progress.cancel')}
          </Button>
        </Space>
        <Typography.Text type="secondary">{t('transfer.progress.hint')}</Typography.Text>
      </Space>
    </Card>
  )
}

/** Where the records a kind imports are listed. */
const LISTS: Record<ImportKind, Route> = {
  customers: { page: 'customers' },
  contacts: { page: 'customers' },
  circuits: { page: 'sla', tab: 'circuits' },
  revenue: { page: 'customers' },
}

export function ResultView({
  kind,
  preview,
  result,
  onSaveRejected,
  onAgain,
}: {
  kind: ImportKind
  preview: ImportPreview
  result: ImportResult
  onSaveRejected: () => Promise<SavedDocument | null>
  onAgain: () => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const written = result.imported + result.updated
  return (
    <Card size="small" data-testid="import-result">
      <Result
        status={result.rejected > 0 ? 'warning' : 'success'}
        title={t('transfer.result.title', { count: written, formatted: format.count(written) })}
        subTitle={t('transfer.result.subTitle', {
          fileName: preview.fileName,
          kind: t(`transfer.kinds.${kind}`),
        })}
        extra={[
          <Button
            key="list"
            type="primary"
            onClick={() => navigate(LISTS[kind])}
            data-testid="import-to-list"
          >
            {t(`transfer.result.toList.${kind}`)}
          </Button>,
          <SaveRejectedButton key="rejected" disabled={result.rejected === 0} onSave={onSaveRejected} />,
          <Button key="again" onClick={onAgain} data-testid="import-again">
            {t('transfer.result.again')}
          </Button>,
        ]}
        style={{ padding: '16px 0' }}
      >
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <CountRow counts={result} testId="import-result-counts" />
          {result.rejected > 0 && (
            <>
              <Typography.Text strong>
                {t('transfer.result.rejected', {
                  count: result.rejected,
                  formatted: format.count(result.rejected),
                })}
              </Typography.Text>
              <RejectedGrid
                kind={kind}
                rows={result.rejectedRows}
                height={Math.min(300, 44 + 46 * result.rejectedRows.length)}
              />
            </>
          )}
        </Space>
      </Result>
    </Card>
  )
}
