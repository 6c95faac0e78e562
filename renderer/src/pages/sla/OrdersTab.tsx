/** Provisioning orders: everyone's in the SLA area, or one customer's on the customer page. */
import type { ColDef } from 'ag-grid-community'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrderRecord, OrderStatus } from '../../../../electron/api/contract'
import { ORDER_STATUSES } from '../../../../electron/api/schemas'
import { call } from '../../api'
import {
  OwnerFilter,
  ownerQuery,
  StatusSelect,
  useListFilter,
  useStatuses,
} from '../../components/listFilter'
import type { PageRequest } from '../../components/PagedGrid'
import { useFormat } from '../../format'
import type { ListFilter } from '../../router'
import { columnMakers } from './columns'
import { ListPage } from './ListPage'
import { OrderDrawer } from './OrderDrawer'

/**
 * `filter` (statuses, branch, account manager) comes with the route, e.g. from a number on My day: on the
 * SLA page the filter lives in the route (`onFilterChange` navigates), on a customer's tab in the tab.
 */
export function OrdersTab({
  customerId,
  filter: routeFilter,
  onFilterChange,
}: {
  customerId?: string
  filter?: ListFilter | undefined
  onFilterChange?: (next: ListFilter) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const [filter, setFilter] = useListFilter(routeFilter, onFilterChange)
  const statuses = useStatuses<OrderStatus>(filter.status, ORDER_STATUSES)
  const setStatuses = (next: OrderStatus[]) => setFilter({ status: next.join(',') || undefined })
  const { branch, manager } = filter
  const [editing, setEditing] = useState<string | 'new' | null>(null)
  const [reloads, setReloads] = useState(0)

  const columns = useMemo<ColDef<OrderRecord>[]>(() => {
    const col = columnMakers<OrderRecord>(t, format)
    return [
      col.text('number', t('sla.orders.number'), { width: 150, sortable: true, pinned: 'left' }),
      ...(customerId
        ? []
        : [col.text('customerName', t('sla.customer'), { flex: 1, minWidth: 180, sortable: true })]),
      col.text('circuitNumber', t('sla.orders.circuit'), { width: 170 }),
      {
        colId: 'provisioningClass',
        headerName: t('sla.orders.class'),
        width: 110,
        valueGetter: ({ data }) => data && t(`sla.provisioningClass.${data.provisioningClass}`),
      },
      col.date('acceptedOn', t('sla.orders.acceptedOn'), { sortable: true }),
      col.date('dueOn', t('sla.orders.dueOn'), { sortable: true }),
      col.date('completedOn', t('sla.orders.completedOn'), { sortable: true }),
      col.status('status', 'orderStatus', t('sla.orders.status'), { sortable: true }),
      col.text('lateWorkingDays', t('sla.orders.lateDays'), { width: 150, type: 'rightAligned' }),
      col.money('compensationFen', t('sla.orders.compensation'), { sortable: true }),
      col.text('slipNumber', t('sla.orders.slip'), { width: 150 }),
    ]
  }, [t, format, customerId])

  // The list request for a page: the grid's, and an export's (less paging).
  const query = useCallback(
    (request: PageRequest & { search: string }) => ({
      ...request,
      sort: request.sort as { colId: 'number'; sort: 'asc' | 'desc' }[],
      statuses,
      ...ownerQuery({ branch, manager }),
      ...(customerId && { customerId }),
    }),
    [statuses, branch, manager, customerId],
  )
  const load = useCallback(
    (request: PageRequest & { search: string }) => call('orders.list', query(request)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a save asks for a new load, which reloads the grid
    [query, reloads],
  )

  return (
    <>
      <ListPage<OrderRecord>
        testId="orders-grid"
        columns={columns}
        load={load}
        exportAs={{ grid: 'orders', query }}
        newLabel={t('sla.orders.new')}
        onNew={() => setEditing('new')}
        onOpen={(row) => setEditing(row.id)}
        filters={
          <>
            <StatusSelect
              value={statuses}
              onChange={setStatuses}
              statuses={ORDER_STATUSES}
              optionLabel={(status) => t(`sla.orderStatus.${status}`)}
              placeholder={t('sla.orders.status')}
              testId="order-status-filter"
            />
            <OwnerFilter filter={filter} onChange={setFilter} owners={!customerId} />
          </>
        }
      />
      <OrderDrawer
        key={editing ?? 'closed'}
        orderId={editing}
        customerId={customerId}
        onClose={() => setEditing(null)}
        onSaved={(id) => {
          setReloads((n) => n + 1)
          setEditing(id)
        }}
      />
    </>
  )
}
