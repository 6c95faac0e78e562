/**
 * The customers grid's columns, as data. Filters and sorts run in SQL, so only the columns the contract
 * lists as sortable sort, and only its text and number columns get a column filter; list columns (tier,
 * branch, industry, status, manager) are filtered from the toolbar.
 */
import type { ColDef } from 'ag-grid-community'
import type { TFunction } from 'i18next'
import type { CustomerRow, Lookups } from '../../../../electron/api/contract'
import {
  CUSTOMER_NUMBER_COLUMNS,
  CUSTOMER_SORT_COLUMNS,
  CUSTOMER_TEXT_COLUMNS,
  NUMBER_OPERATORS,
  TEXT_OPERATORS,
} from '../../../../electron/api/schemas'
import type { Formatters } from '../../format'
import { label } from '../../session'

const TEXT_FILTER = {
  filter: 'agTextColumnFilter',
  filterParams: { filterOptions: [...TEXT_OPERATORS], maxNumConditions: 2 },
}
const NUMBER_FILTER = {
  filter: 'agNumberColumnFilter',
  filterParams: { filterOptions: [...NUMBER_OPERATORS], maxNumConditions: 2 },
}

/** Columns a person may hide; code and name always show. */
export const OPTIONAL_COLUMNS = [
  'tier',
  'industry',
  'branch',
  'accountManager',
  'status',
  'keyContact',
  'keyContactPhone',
  'employees',
  'monthlyRevenueFen',
  'ourSubscribers',
  'competitorSubscribers',
  'leader',
  'address',
  'updatedAt',
] as const

/** Shown until the operator picks their own. */
export const DEFAULT_HIDDEN = ['ourSubscribers', 'competitorSubscribers', 'leader', 'address']

export function customerColumns(
  t: TFunction,
  format: Formatters,
  lookups: Lookups,
  language: string,
): ColDef<CustomerRow>[] {
  const find = <T extends { id: string }>(list: T[], id: string | null | undefined) =>
    list.find((item) => item.id === id)
  const base: ColDef<CustomerRow>[] = [
    { field: 'code', width: 150, pinned: 'left' },
    { field: 'name', minWidth: 220, flex: 2, pinned: 'left' },
    {
      colId: 'tier',
      field: 'tierId',
      width: 110,
      valueFormatter: ({ value }) => label(find(lookups.tiers, value), language),
    },
    {
      colId: 'industry',
      field: 'industryId',
      width: 150,
      valueFormatter: ({ value }) => label(find(lookups.industries, value), language),
    },
    {
      colId: 'branch',
      field: 'branchId',
      width: 150,
      valueFormatter: ({ value }) => label(find(lookups.branches, value), language),
    },
    { field: 'accountManager', width: 150 },
    {
      field: 'status',
      width: 90,
      valueFormatter: ({ value }) => (value ? t(`customerStatus.${value}`) : ''),
    },
    { field: 'keyContact', width: 130 },
    { field: 'keyContactPhone', width: 140 },
    {
      field: 'employees',
      width: 110,
      type: 'rightAligned',
      valueFormatter: ({ value }) => format.count(value),
    },
    {
      field: 'monthlyRevenueFen',
      width: 150,
      type: 'rightAligned',
      valueFormatter: ({ value }) => format.money(value),
    },
    {
      field: 'ourSubscribers',
      width: 130,
      type: 'rightAligned',
      valueFormatter: ({ value }) => format.count(value),
    },
    {
      field: 'competitorSubscribers',
      width: 150,
      type: 'rightAligned',
      valueFormatter: ({ value }) => format.count(value),
    },
    { field: 'leader', width: 100 },
    { field: 'address', width: 240 },
    { field: 'updatedAt', width: 170, valueFormatter: ({ value }) => format.instant(value) },
  ]
  return base.map((column) => {
    const colId = column.colId ?? (column.field as string)
    return {
      ...column,
      colId,
      headerName: t(`fields.${colId}`),
      sortable: (CUSTOMER_SORT_COLUMNS as readonly string[]).includes(colId),
      ...((CUSTOMER_TEXT_COLUMNS as readonly string[]).includes(colId) && TEXT_FILTER),
      ...((CUSTOMER_NUMBER_COLUMNS as readonly string[]).includes(colId) && NUMBER_FILTER),
    }
  })
}
