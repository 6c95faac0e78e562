/** The columns every history grid shares: when, who, then the grid's own, what was done and what changed. */
import type { ColDef } from 'ag-grid-community'
import type { TFunction } from 'i18next'
import type { AuditEntry } from '../../../electron/api/contract'
import type { Formatters } from '../format'

export function auditColumns(
  t: TFunction,
  format: Formatters,
  middle: ColDef<AuditEntry>[],
  describe: (entry: AuditEntry) => string,
): ColDef<AuditEntry>[] {
  return [
    {
      field: 'at',
      headerName: t('history.at'),
      width: 170,
      valueFormatter: ({ value }) => format.instant(value),
    },
    { field: 'operatorName', headerName: t('history.operator'), width: 150 },
    ...middle,
    {
      field: 'action',
      headerName: t('history.action'),
      width: 90,
      valueFormatter: ({ value }) => t(`history.actions.${value}`),
    },
    {
      colId: 'changes',
      headerName: t('history.changes'),
      flex: 1,
      minWidth: 300,
      wrapText: true,
      autoHeight: true,
      valueGetter: ({ data }) => (data ? describe(data) : ''),
    },
  ]
}
