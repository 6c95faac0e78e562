/** One customer's churn warnings, open and handled: record a follow-up, add crisis news or a cancellation. */
import { AlertOutlined, StopOutlined } from '@ant-design/icons'
import { App, Button, Card, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChurnWarningRecord } from '../../../../electron/api/contract'
import { call } from '../../api'
import { Grid } from '../../components/Grid'
import { errorMessage } from '../../errors'
import { useFormat } from '../../format'
import { FollowUpModal, useWarningColumns } from './ChurnTab'
import { TextModal } from './common'

type NoteSource = 'crisis' | 'cancellation'

export function WarningsCard({ customerId, reloads }: { customerId: string; reloads: number }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormat()
  const [rows, setRows] = useState<ChurnWarningRecord[]>([])
  const [ownReloads, setOwnReloads] = useState(0)
  const [following, setFollowing] = useState<ChurnWarningRecord | null>(null)
  const [noting, setNoting] = useState<NoteSource | null>(null)

  useEffect(() => {
    call('churn.list', { customerId, openOnly: false })
      .then(setRows)
      .catch((error: unknown) => void message.error(errorMessage(t, error)))
  }, [customerId, reloads, ownReloads, message, t])

  const columns = useWarningColumns({ withCustomer: false, onFollowUp: setFollowing })
  const cancellations = rows.filter((row) => row.source === 'cancellation').length
  const open = rows.filter((row) => !row.handledOn).length

  return (
    <Card
      size="small"
      title={t('value.warnings.title')}
      style={{ height: '100%' }}
      extra={
        <Space>
          <Button size="small" icon={<AlertOutlined />} onClick={() => setNoting('crisis')}>
            {t('value.warnings.addCrisis')}
          </Button>
          <Button size="small" icon={<StopOutlined />} onClick={() => setNoting('cancellation')}>
            {t('value.warnings.addCancellation')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Space size={16}>
          <Typography.Text type={open > 0 ? 'danger' : 'secondary'} data-testid="warnings-open">
            {t('value.warnings.openCount', { count: open, formatted: format.count(open) })}
          </Typography.Text>
          <Typography.Text type="secondary" data-testid="warnings-cancellations">
            {t('value.warnings.cancellations', {
              count: cancellations,
              formatted: format.count(cancellations),
            })}
          </Typography.Text>
        </Space>
        <div style={{ height: 316 }} data-testid="warnings-grid">
          <Grid<ChurnWarningRecord>
            rowData={rows}
            columnDefs={columns}
            getRowId={({ data }) => data.id}
            overlayNoRowsTemplate={t('value.warnings.empty')}
          />
        </div>
      </Space>
      <FollowUpModal
        warning={following}
        onClose={() => setFollowing(null)}
        onSaved={() => {
          setFollowing(null)
          setOwnReloads((n) => n + 1)
        }}
      />
      <NoteModal
        customerId={customerId}
        source={noting}
        onClose={() => setNoting(null)}
        onSaved={(next) => {
          setNoting(null)
          setRows(next)
        }}
      />
    </Card>
  )
}

function NoteModal(props: {
  customerId: string
  source: NoteSource | null
  onClose: () => void
  onSaved: (rows: ChurnWarningRecord[]) => void
}) {
  const { t } = useTranslation()
  const { source } = props
  const crisis = source !== 'cancellation'
  return (
    <TextModal<ChurnWarningRecord[]>
      open={source !== null}
      title={t(crisis ? 'value.warnings.addCrisis' : 'value.warnings.addCancellation')}
      label={t(crisis ? 'value.warnings.crisisNote' : 'value.warnings.cancellationNote')}
      hint={t(crisis ? 'value.warnings.crisisHint' : 'value.warnings.cancellationHint')}
      field="note"
      testId="churn-note"
      save={(note) =>
        call('churn.addNote', { customerId: props.customerId, source: source ?? 'crisis', note })
      }
      onClose={props.onClose}
      onSaved={props.onSaved}
    />
  )
}
