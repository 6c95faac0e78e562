/** Compensation slips: searched, filtered by status and sorted in SQL; a row opens the slip. */
import type { ColDef } from 'ag-grid-community'
import { Select } from 'antd'
import type { TFunction } from 'i18next'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InputOf, SlipRecord, SlipStatus } from '../../../../electron/api/contract'
import { SLIP_STATUSES, slipListSchema } from '../../../../electron/api/schemas'
import { call } from '../../api'
import type { PageRequest } from '../../components/PagedGrid'
import { columnMakers } from './columns'
import { ListPage } from './ListPage'
import { SlipDrawer, useFigures, type Figures } from './SlipDrawer'

/** The columns the main process sorts by, straight from the contract. */
const SORTABLE: readonly string[] = slipListSchema.shape.sort.unwrap().element.shape.colId.options

function slipColumns(t: TFunction, f: Figures, withCustomer: boolean): ColDef<SlipRecord>[] {
  const make = columnMakers<SlipRecord>(t, f)
  const header = (key: string) => t(`slips.list.${key}`)
  const instant = (field: 'createdAt' | 'confirmedAt' | 'paidAt'): ColDef<SlipRecord> => ({
    colId: field,
    headerName: header(field),
    width: 160,
    valueGetter: ({ data }) => f.instant(data?.[field]),
  })
  const columns: ColDef<SlipRecord>[] = [
    make.text('number', header('number'), { width: 150, pinned: 'left' }),
    {
      colId: 'kind',
      headerName: header('kind'),
      width: 150,
      valueGetter: ({ data }) => (data ? t(`sla.slipKind.${data.kind}`) : ''),
    },
    make.text('customerName', header('customer'), { flex: 1, minWidth: 200, hide: !withCustomer }),
    make.text('circuitNumber', header('circuit'), { width: 170 }),
    {
      colId: 'source',
      headerName: header('source'),
      width: 140,
      valueGetter: ({ data }) => data?.orderNumber ?? f.period(data?.period ?? null),
    },
    make.money('amountFen', header('amount'), { width: 120 }),
    make.status('status', 'slipStatus', header('state'), { width: 120 }),
    make.text('responsibleUnit', header('responsibleUnit'), { width: 130 }),
    instant('createdAt'),
    make.text('confirmedBy', header('confirmedBy'), { width: 110 }),
    instant('confirmedAt'),
    instant('paidAt'),
  ]
  return columns.map((column) => ({ ...column, sortable: SORTABLE.includes(column.colId!) }))
}

export function SlipsTab({ customerId }: { customerId?: string }) {
  const { t } = useTranslation()
  const figures = useFigures()
  // A new filter object reloads the grid: after a slip moves on, `reloads` counts up for that.
  const [filter, setFilter] = useState<{ statuses: SlipStatus[]; reloads: number }>({
    statuses: [],
    reloads: 0,
  })
  const [openId, setOpenId] = useState<string | null>(null)
  const columns = useMemo(() => slipColumns(t, figures, !customerId), [t, figures, customerId])
  // The list request for a page: the grid's, and an export's (less paging).
  const query = useCallback(
    (request: PageRequest & { search: string }) => ({
      ...request,
      sort: request.sort as InputOf<'slips.list'>['sort'],
      statuses: filter.statuses,
      ...(customerId && { customerId }),
    }),
    [filter, customerId],
  )
  const load = useCallback(
    (request: PageRequest & { search: string }) => call('slips.list', query(request)),
    [query],
  )
  const reload = useCallback(() => setFilter((current) => ({ ...current, reloads: current.reloads + 1 })), [])

  return (
    <>
      <ListPage<SlipRecord>
        testId="slips"
        columns={columns}
        load={load}
        exportAs={{ grid: 'slips', query }}
        newLabel=""
        onOpen={(row) => setOpenId(row.id)}
        filters={
          <Select<SlipStatus[]>
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            style={{ minWidth: 220 }}
            placeholder={t('slips.list.status')}
            value={filter.statuses}
            onChange={(statuses) => setFilter((current) => ({ ...current, statuses }))}
            options={SLIP_STATUSES.map((status) => ({ value: status, label: t(`sla.slipStatus.${status}`) }))}
            data-testid="slips-status"
          />
        }
      />
      <SlipDrawer id={openId} onClose={() => setOpenId(null)} onChanged={reload} />
    </>
  )
}
