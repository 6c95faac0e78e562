/**
 * Follow-ups (回访): one desk's queue of calls after openings and repairs, soonest due first; everyone's
 * in the delivery area, or one customer's on the customer page.
 */
import type { ColDef } from 'ag-grid-community'
import { Space, Switch, Typography } from 'antd'
import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeadlineStatus, FollowUpRecord } from '../../../../electron/api/contract'
import { call } from '../../api'
import type { PageRequest } from '../../components/PagedGrid'
import { useFormat } from '../../format'
import type { ListFilter } from '../../router'
import { columnMakers } from '../sla/columns'
import { ListPage } from '../sla/ListPage'
import { FollowUpDrawer } from './FollowUpDrawer'
import { OnTimeCard } from './OnTimeCard'
import {
  DeadlineTag,
  withHeaders,
  filtersOf,
  IssueTag,
  issueState,
  OwnerSelects,
  ownerInput,
  Stars,
  StatusFilter,
  type OwnerFilters,
} from './shared'

type SortColumn = 'number' | 'customerName' | 'triggerOn' | 'dueOn' | 'doneOn' | 'satisfaction'

export function FollowUpsTab({
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
  const [issuesOpen, setIssuesOpen] = useState(initial.issuesOpen)
  const [owners, setOwners] = useState<OwnerFilters>(customerId ? {} : initial)
  const [open, setOpen] = useState<string | null>(null)
  const [reloads, setReloads] = useState(0)

  const columns = useMemo<ColDef<FollowUpRecord>[]>(() => {
    const col = columnMakers<FollowUpRecord>(t, format)
    const text = (key: string) => t(`delivery.followUps.${key}`)
    return withHeaders([
      col.text('number', text('number'), { width: 122, sortable: true, pinned: 'left' }),
      ...(customerId
        ? []
        : [col.text('customerName', t('delivery.customer'), { flex: 1, minWidth: 140, sortable: true })]),
      {
        colId: 'source',
        headerName: text('source'),
        width: 165,
        valueGetter: ({ data }) =>
          data &&
          `${t(`delivery.source.${data.source}`)} ${(data.source === 'opening' ? data.orderNumber : data.faultNumber) ?? ''}`,
      },
      col.date('triggerOn', text('triggerOn'), { width: 120, sortable: true }),
      col.date('dueOn', text('dueOn'), { width: 126, sortable: true, sort: 'asc' }),
      {
        colId: 'status',
        headerName: text('status'),
        width: 92,
        cellRenderer: ({ data }: { data?: FollowUpRecord }) => data && <DeadlineTag status={data.status} />,
      },
      col.date('doneOn', text('doneOn'), { width: 120, sortable: true }),
      {
        colId: 'satisfaction',
        headerName: text('satisfaction'),
        width: 108,
        sortable: true,
        cellRenderer: ({ data }: { data?: FollowUpRecord }) => data && <Stars value={data.satisfaction} />,
      },
      {
        colId: 'issues',
        headerName: text('issues'),
        width: 96,
        cellRenderer: ({ data }: { data?: FollowUpRecord }) =>
          data && <IssueTag state={issueState(data)} t={t} />,
      },
      col.text('issueOwnerName', text('issueOwner'), { width: 90 }),
    ])
  }, [t, format, customerId])

  const { branchId, accountManagerId } = owners
  const load = useCallback(
    (request: PageRequest & { search: string }) =>
      call('followUps.list', {
        ...request,
        sort: request.sort as { colId: SortColumn; sort: 'asc' | 'desc' }[],
        statuses,
        issuesOpen,
        ...ownerInput({ branchId, accountManagerId }),
        ...(customerId && { customerId }),
      }),
    // A save asks for a new load function, which reloads the grid.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [statuses, issuesOpen, branchId, accountManagerId, customerId, reloads],
  )

  return (
    <>
      <OnTimeCard kind="followups" customerId={customerId} owners={owners} reloads={reloads} />
      <ListPage<FollowUpRecord>
        testId="followups-grid"
        columns={columns}
        load={load}
        newLabel=""
        onOpen={(row) => setOpen(row.id)}
        filters={
          <>
            <StatusFilter value={statuses} onChange={setStatuses} testId="followup-status-filter" />
            <Space size={6}>
              <Switch
                checked={issuesOpen}
                onChange={setIssuesOpen}
                aria-label={t('delivery.filters.issuesOpen')}
                data-testid="followup-issues-open"
              />
              <Typography.Text>{t('delivery.filters.issuesOpen')}</Typography.Text>
            </Space>
            {!customerId && <OwnerSelects value={owners} onChange={setOwners} testId="followup-filter" />}
          </>
        }
      />
      <FollowUpDrawer
        key={open ?? 'closed'}
        id={open}
        onClose={() => setOpen(null)}
        onSaved={() => setReloads((n) => n + 1)}
      />
    </>
  )
}
