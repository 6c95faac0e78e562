/**
 * Importing customers, contacts, circuits or monthly revenue from an XLSX or CSV file: choose what and the
 * file, look at the preview (the file as read, how its columns map to fields, what would be new, updated
 * or rejected and why), then commit in one transaction with a progress bar and a Cancel button. Nothing is
 * written before the commit. Exports are on each list (导出 ▾).
 */
import { FileSearchOutlined, ImportOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Radio, Space, Steps, Typography } from 'antd'
import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ImportKind,
  ImportPreview,
  ImportProgress,
  ImportResult,
} from '../../../../electron/api/contract'
import { IMPORT_KINDS } from '../../../../electron/api/schemas'
import { ApiError, call } from '../../api'
import { errorMessage, fieldMessage } from '../../errors'
import { navigate } from '../../router'
import { useSession } from '../../session'
import { PreviewView } from './PreviewView'
import { CommitProgress, ResultView } from './ResultView'

/** How often the progress of a commit is asked for. */
const POLL_MS = 300

type Stage =
  | { step: 'choose' }
  | { step: 'preview'; preview: ImportPreview; cancelled?: boolean }
  | { step: 'writing'; preview: ImportPreview; progress: ImportProgress | null; cancelling: boolean }
  | { step: 'done'; preview: ImportPreview; result: ImportResult }

/** The step under way; done: all three finished. */
const STEP_INDEX = { choose: 0, preview: 1, writing: 2, done: 3 } as const

/** Another kind (from the radio or the route) is a new page: the shell keys it by kind. */
export function ImportPage({ kind = 'customers' }: { kind?: ImportKind | undefined }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { info, operator } = useSession()
  const [stage, setStage] = useState<Stage>({ step: 'choose' })
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  // The operator changed the mapping of this file (it is remembered on commit).
  const [remapped, setRemapped] = useState(false)
  const cancelRequested = useRef(false)
  // A trainer changes the demo database only; the main process refuses a real one anyway.
  const readOnly = operator.role === 'trainer' && !info.isDemo

  const fail = useCallback(
    (error: unknown) => {
      // A file refused whole says why in its field error (empty, an old .xls…), in the operator's words.
      const problem =
        error instanceof ApiError && error.data.code === 'file_unreadable' && error.data.fields?.[0]
      const text = problem
        ? t('errors.file_unreadable', {
            fileName: error.data.params?.['fileName'] ?? '',
            detail: fieldMessage(t, problem),
          })
        : errorMessage(t, error)
      setRefusal(text)
      void message.error(text)
    },
    [message, t],
  )

  const choose = () => {
    setBusy(true)
    setRefusal(null)
    call('import.preview', { kind })
      .then((preview) => {
        if (!preview) return
        setStage({ step: 'preview', preview })
        setRemapped(false)
      })
      .catch(fail)
      .finally(() => setBusy(false))
  }

  const remap = (mapping: (string | null)[]) => {
    if (stage.step !== 'preview') return Promise.resolve()
    return call('import.remap', { token: stage.preview.token, mapping })
      .then((preview) => {
        setStage({ step: 'preview', preview })
        setRemapped(true)
      })
      .catch(fail)
  }

  const commit = () => {
    if (stage.step !== 'preview') return
    const { preview } = stage
    const token = preview.token
    cancelRequested.current = false
    setRefusal(null)
    setStage({ step: 'writing', preview, progress: null, cancelling: false })
    const poll = setInterval(() => {
      call('import.progress', { token })
        .then((progress) =>
          setStage((current) => (current.step === 'writing' ? { ...current, progress } : current)),
        )
        .catch(() => undefined)
    }, POLL_MS)
    call('import.commit', { token })
      .then((result) => setStage({ step: 'done', preview, result }))
      .catch((error: unknown) => {
        // A cancelled commit rolls back: the preview stays, nothing was written.
        if (cancelRequested.current) setStage({ step: 'preview', preview, cancelled: true })
        else {
          setStage({ step: 'preview', preview })
          fail(error)
        }
      })
      .finally(() => clearInterval(poll))
  }

  const cancel = () => {
    if (stage.step !== 'writing') return
    cancelRequested.current = true
    setStage({ ...stage, cancelling: true })
    call('import.cancel', { token: stage.preview.token }).catch(fail)
  }

  const saveRejected = () =>
    stage.step === 'choose'
      ? Promise.resolve(null)
      : call('import.saveRejected', { token: stage.preview.token }).catch((error: unknown) => {
          fail(error)
          return null
        })

  const again = () => {
    setStage({ step: 'choose' })
    setRefusal(null)
  }

  const writing = stage.step === 'writing'
  return (
    <div className="desk-page" style={{ height: 'auto' }} data-testid="import-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('transfer.import.title')}
        </Typography.Title>
        <Steps
          size="small"
          current={STEP_INDEX[stage.step]}
          style={{ width: 560 }}
          items={[
            { title: t('transfer.import.steps.choose') },
            { title: t('transfer.import.steps.check') },
            { title: t('transfer.import.steps.write') },
          ]}
        />
      </Space>
      <Card size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap align="center">
            <Typography.Text strong>{t('transfer.import.kind')}</Typography.Text>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              value={kind}
              disabled={writing}
              onChange={(event) => navigate({ page: 'import', kind: event.target.value as ImportKind })}
              options={IMPORT_KINDS.map((value) => ({ value, label: t(`transfer.kinds.${value}`) }))}
              data-testid="import-kind"
            />
            <Button
              type={stage.step === 'choose' ? 'primary' : 'default'}
              icon={stage.step === 'choose' ? <ImportOutlined /> : <FileSearchOutlined />}
              loading={busy}
              disabled={readOnly || writing}
              onClick={choose}
              data-testid="import-choose"
            >
              {t(stage.step === 'choose' ? 'transfer.import.choose' : 'transfer.import.chooseAgain')}
            </Button>
          </Space>
          <Typography.Text type="secondary">{t(`transfer.import.kindHints.${kind}`)}</Typography.Text>
          <Typography.Text type="secondary">{t('transfer.import.formats')}</Typography.Text>
          {readOnly ? (
            <Alert
              type="warning"
              showIcon
              title={t('errors.trainer_read_only')}
              data-testid="import-readonly"
            />
          ) : (
            stage.step !== 'done' && (
              <Alert type="info" showIcon title={t('transfer.import.nothingWritten')} />
            )
          )}
          {refusal && (
            <Alert
              type="error"
              showIcon
              closable={{ onClose: () => setRefusal(null) }}
              title={refusal}
              data-testid="import-refusal"
            />
          )}
        </Space>
      </Card>
      {stage.step === 'preview' && stage.cancelled && (
        <Alert
          type="warning"
          showIcon
          title={t('transfer.import.cancelled')}
          data-testid="import-cancelled"
        />
      )}
      {stage.step === 'writing' && (
        <CommitProgress progress={stage.progress} cancelling={stage.cancelling} onCancel={cancel} />
      )}
      {stage.step === 'done' && (
        <ResultView
          kind={kind}
          preview={stage.preview}
          result={stage.result}
          onSaveRejected={saveRejected}
          onAgain={again}
        />
      )}
      {(stage.step === 'preview' || stage.step === 'writing') && (
        <PreviewView
          preview={stage.preview}
          readOnly={readOnly}
          writing={writing}
          remapped={remapped}
          onRemap={remap}
          onCommit={commit}
          onSaveRejected={saveRejected}
        />
      )}
      <Typography.Text type="secondary">{t('transfer.import.exportHint')}</Typography.Text>
    </div>
  )
}
