/** Who changed the SLA rules, lists and calendar, and when: the audit rows of the rule data. */
import { HistoryOutlined } from '@ant-design/icons'
import { Button, Modal } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditEntry, RuleRow } from '../../../../electron/api/contract'
import { call } from '../../api'
import { auditColumns } from '../../components/auditColumns'
import { Grid } from '../../components/Grid'
import { useFormat } from '../../format'
import { label, useSession } from '../../session'

/** Rates and factors are basis points, availability parts per million: shown as percentages. */
function shownNumber(field: string, value: number): string {
  if (field.endsWith('Bp')) return `${value / 100}%`
  if (field.endsWith('Ppm')) return `${value / 10_000}%`
  return String(value)
}

export function RuleHistory({ rules }: { rules: RuleRow[] }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const { lookups } = useSession()
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)

  // A rule row has no name of its own: it is its product and class.
  const recordName = (entry: AuditEntry) => {
    const rule = rules.find((row) => row.id === entry.rowId)
    if (!rule) {
      // Settings are named by their key, deadline rules by their code.
      const name = entry.recordName ?? entry.rowId
      return t(`calendar.history.records.${name}`, { defaultValue: name })
    }
    const product = label(
      lookups.products.find((p) => p.id === rule.productId),
      i18n.language,
    )
    return `${product} · ${t(`sla.provisioningClass.${rule.provisioningClass}`)}`
  }
  const shownValue = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—'
    // Pack membership is stored as 0 or 1.
    if (field.startsWith('inHq') || field.startsWith('inBranch')) return value ? '✓' : '—'
    if (typeof value === 'number') return shownNumber(field, value)
    if (field === 'dayCount') return t(`calendar.history.dayCount.${String(value)}`)
    if (field === 'provisioningClass') return t(`sla.provisioningClass.${String(value)}`)
    if (field === 'productId')
      return label(
        lookups.products.find((p) => p.id === value),
        i18n.language,
      )
    return typeof value === 'object' ? JSON.stringify(value) : String(value)
  }
  const changes = (entry: AuditEntry) =>
    entry.changes
      .filter((change) => change.field !== 'deletedAt')
      .map(({ field, before, after }) => {
        const name = t(`calendar.history.fields.${field}`, { defaultValue: field })
        const to = shownValue(field, after)
        return entry.action === 'update' ? `${name}: ${shownValue(field, before)} → ${to}` : `${name}: ${to}`
      })
      .join(t('common.separator'))

  const columns = auditColumns(
    t,
    format,
    [
      {
        colId: 'table',
        headerName: t('calendar.history.table'),
        width: 130,
        valueGetter: ({ data }) => data && t(`calendar.history.tables.${data.tableName}`),
      },
      {
        colId: 'record',
        headerName: t('history.record'),
        width: 200,
        valueGetter: ({ data }) => data && recordName(data),
      },
    ],
    changes,
  )

  return (
    <>
      <Button
        icon={<HistoryOutlined />}
        onClick={() => void call('sla.ruleHistory').then(setEntries)}
        data-testid="rule-history"
      >
        {t('calendar.history.open')}
      </Button>
      <Modal
        open={entries !== null}
        onCancel={() => setEntries(null)}
        footer={null}
        width={1100}
        title={t('calendar.history.title')}
      >
        <div style={{ height: 480 }} data-testid="rule-history-grid">
          <Grid<AuditEntry>
            rowData={entries ?? []}
            columnDefs={columns}
            overlayNoRowsTemplate={t('history.empty')}
          />
        </div>
      </Modal>
    </>
  )
}
