/** Who changed what in this customer file, and when: its audit rows, contacts' included. */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditEntry, Labelled } from '../../../../electron/api/contract'
import { call } from '../../api'
import { auditColumns } from '../../components/auditColumns'
import { Grid } from '../../components/Grid'
import { useFormat } from '../../format'
import { contactField } from './ContactsTab'
import { label, useSession } from '../../session'

/** What a create shows: the row's identity, not every field it was created with. */
const CREATE_SUMMARY = new Set(['code', 'name', 'position', 'phone'])
const HIDDEN_FIELDS = new Set(['deletedAt'])

export function HistoryTab({ customerId, refreshKey }: { customerId: string; refreshKey: number }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const [entries, setEntries] = useState<AuditEntry[]>([])

  useEffect(() => {
    void call('customers.history', { id: customerId }).then(setEntries)
  }, [customerId, refreshKey])

  const { lookups } = useSession()
  const lists: Record<string, Labelled[]> = {
    industryId: lookups.industries,
    branchId: lookups.branches,
    tierId: lookups.tiers,
  }
  // Values as a person reads them: list labels and names rather than ids, yuan rather than fen.
  const shown = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—'
    if (field in lists)
      return (
        label(
          lists[field]!.find((entry) => entry.id === value),
          i18n.language,
        ) || String(value)
      )
    if (field === 'accountManagerId')
      return lookups.accountManagers.find((m) => m.id === value)?.name ?? String(value)
    if (field.endsWith('Fen') && typeof value === 'number') return format.money(value)
    if (field === 'status') return t(`customerStatus.${String(value)}`)
    if (field === 'contactClass') return t(`contactClass.${String(value)}`)
    if (typeof value === 'boolean' || field === 'hasPbx') return value ? t('common.yes') : t('common.no')
    return String(value)
  }
  const describe = (entry: AuditEntry) =>
    entry.changes
      .filter((change) => !HIDDEN_FIELDS.has(change.field))
      .filter(
        (change) =>
          entry.action === 'update' ||
          (entry.action === 'create' && CREATE_SUMMARY.has(change.field) && change.after !== null),
      )
      .map((change) => {
        const field = entry.tableName === 'contact' ? contactField(change.field) : change.field
        const name = `${t(`fields.${field}`, { defaultValue: change.field })}${t('common.colon')}`
        if (entry.action === 'update')
          return `${name}${shown(change.field, change.before)} → ${shown(change.field, change.after)}`
        return `${name}${shown(change.field, change.after)}`
      })
      .join(t('common.separator'))

  const columns = auditColumns(
    t,
    format,
    [
      { field: 'host', headerName: t('history.host'), width: 120 },
      {
        colId: 'record',
        headerName: t('history.record'),
        width: 230,
        valueGetter: ({ data }) =>
          data ? [t(`history.tables.${data.tableName}`), data.recordName].filter(Boolean).join(' · ') : '',
      },
    ],
    describe,
  )

  return (
    <div style={{ height: 420 }} data-testid="history-grid">
      <Grid<AuditEntry> rowData={entries} columnDefs={columns} overlayNoRowsTemplate={t('history.empty')} />
    </div>
  )
}
