/** Deliveries (交付): everyone's in the delivery area, or one customer's on the customer page. */
import type { ColDef } from 'ag-grid-community'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeadlineStatus, DeliveryRecord } from '../../../../electron/api/contract'
import { call } from '../../api'
import type { PageRequest } from '../../components/PagedGrid'
import { useFormat } from '../../format'
import type { ListFilter } from '../../router'
import { columnMakers } from '../sla/columns'
import { ListPage } from '../sla/ListPage'
import { DeliveryDrawer } from './DeliveryDrawer'
import { OnTimeCard } from './OnTimeCard'
import {
  DeadlineTag,
  withHeaders,
  filtersOf,
  OwnerSelects,
  ownerInput,
  StatusFilter,
  type OwnerFilters,
} from './shared'

type SortColumn = 'number' | 'customerName' | 'openedOn' | 'dueOn' | 'deliveredOn'

export function DeliveriesTab({
  customerId,
  filter,
}: {
  customerId?: string
  filter?: ListFilter | undefined
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const [initial] = useState(() => filtersOf(filter, !customerId))
  const [statuses, setStatuses] = useState<DeadlineStatus[]>(initial.statuses)
  const [owners, setOwners] = useState<OwnerFilters>(customerId ? {} : initial)
  const [open, setOpen] = useState<string | null>(null)
  const [reloads, setReloads] = useState(0)

  const columns = useMemo<ColDef<DeliveryRecord>[]>(() => {
    const col = columnMakers<DeliveryRecord>(t, format)
    const text = (key: string) => t(`delivery.deliveries.${key}`)
    return withHeaders([
      col.text('number', text('number'), { width: 122, sortable: true, pinned: 'left' }),
      ...(customerId
        ? []
        : [col.text('customerName', t('delivery.customer'), { flex: 1, minWidth: 140, sortable: true })]),
      col.text('circuitNumber', text('circuit'), { width: 125 }),
      col.text('orderNumber', text('order'), { width: 125 }),
      col.date('openedOn', text('openedOn'), { width: 120, sortable: true }),
      col.date('dueOn', text('dueOn'), { width: 126, sortable: true, sort: 'asc' }),
      {
        colId: 'status',
        headerName: text('status'),
        width: 92,
        cellRenderer: ({ data }: { data?: DeliveryRecord }) => data && <DeadlineTag status={data.status} />,
      },
      col.date('deliveredOn', text('deliveredOn'), { width: 120, sortable: true }),
      col.text('deliveredByName', text('deliveredBy'), { width: 90 }),
      col.text('receiverName', text('receiverShort'), { width: 90 }),
      {
        colId: 'pack',
        headerName: text('pack'),
        width: 60,
        type: 'rightAligned',
        headerTooltip: text('packHint'),
        valueGetter: ({ data }) =>
          data &&
          t('delivery.deliveries.packProgress', {
            done: format.count(data.pack.filter((item) => item.handedOver).length),
            total: format.count(data.pack.length),
          }),
      },
    ])
  }, [t, format, customerId])

  const { branchId, accountManagerId } = owners
  const load = useCallback(
    (request: PageRequest & { search: string }) =>
      call('deliveries.list', {
        ...request,
        sort: request.sort as { colId: SortColumn; sort: 'asc' | 'desc' }[],
        statuses,
        ...ownerInput({ branchId, accountManagerId }),
        ...(customerId && { customerId }),
      }),
    // A save asks for a new load function, which reloads the grid.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [statuses, branchId, accountManagerId, customerId, reloads],
  )

  return (
    <>
      <OnTimeCard kind="deliveries" customerId={customerId} owners={owners} reloads={reloads} />
      <ListPage<DeliveryRecord>
        testId="deliveries-grid"
        columns={columns}
        load={load}
        newLabel=""
        onOpen={(row) => setOpen(row.id)}
        filters={
          <>
            <StatusFilter value={statuses} onChange={setStatuses} testId="delivery-status-filter" />
            {!customerId && <OwnerSelects value={owners} onChange={setOwners} testId="delivery-filter" />}
          </>
        }
      />
      <DeliveryDrawer
        key={open ?? 'closed'}
        id={open}
        onClose={() => setOpen(null)}
        onSaved={() => setReloads((n) => n + 1)}
      />
    </>
  )
}
