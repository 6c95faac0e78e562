/** Deliveries (交付): everyone's in the delivery area, or one customer's on the customer page. */
import type { ColDef } from 'ag-grid-community'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeliveryRecord } from '../../../../electron/api/contract'
import { call } from '../../api'
import { useFormat } from '../../format'
import { columnMakers } from '../sla/columns'
import { DeadlineList, type DeadlineQuery, type DeadlineTabProps } from './DeadlineList'
import { DeliveryDrawer } from './DeliveryDrawer'
import { DeadlineTag, withHeaders } from './shared'

type SortColumn = 'number' | 'customerName' | 'openedOn' | 'dueOn' | 'deliveredOn'

const deliveriesInput = (query: DeadlineQuery) => ({
  ...query,
  sort: query.sort as { colId: SortColumn; sort: 'asc' | 'desc' }[],
})
const listDeliveries = (query: DeadlineQuery) => call('deliveries.list', deliveriesInput(query))

export function DeliveriesTab(props: DeadlineTabProps) {
  const { customerId } = props
  const { t } = useTranslation()
  const format = useFormat()

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

  return (
    <DeadlineList<DeliveryRecord>
      {...props}
      kind="deliveries"
      columns={columns}
      input={deliveriesInput}
      list={listDeliveries}
      grid="deliveries"
      Drawer={DeliveryDrawer}
    />
  )
}
