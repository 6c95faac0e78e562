/**
 * Follow-ups (回访): one desk's queue of calls after openings and repairs, soonest due first; everyone's
 * in the delivery area, or one customer's on the customer page.
 */
import type { ColDef } from 'ag-grid-community'
import { Space, Switch, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { FollowUpRecord } from '../../../../electron/api/contract'
import { call } from '../../api'
import { useFormat } from '../../format'
import type { ListFilter } from '../../router'
import { columnMakers } from '../sla/columns'
import { DeadlineList, type DeadlineQuery, type DeadlineTabProps } from './DeadlineList'
import { FollowUpDrawer } from './FollowUpDrawer'
import { DeadlineTag, IssueTag, issueState, Stars, withHeaders } from './shared'

type SortColumn = 'number' | 'customerName' | 'triggerOn' | 'dueOn' | 'doneOn' | 'satisfaction'

const followUpsInput = (query: DeadlineQuery, filter: ListFilter) => ({
  ...query,
  sort: query.sort as { colId: SortColumn; sort: 'asc' | 'desc' }[],
  issuesOpen: filter.issues === 'open',
})
const listFollowUps = (query: DeadlineQuery, filter: ListFilter) =>
  call('followUps.list', followUpsInput(query, filter))

/** The follow-ups' own filter: only those whose issues are still open (route key `issues=open`). */
function IssuesOpenSwitch({
  filter,
  setFilter,
}: {
  filter: ListFilter
  setFilter: (patch: ListFilter) => void
}) {
  const { t } = useTranslation()
  return (
    <Space size={6}>
      <Switch
        checked={filter.issues === 'open'}
        onChange={(on) => setFilter({ issues: on ? 'open' : undefined })}
        aria-label={t('delivery.filters.issuesOpen')}
        data-testid="followup-issues-open"
      />
      <Typography.Text>{t('delivery.filters.issuesOpen')}</Typography.Text>
    </Space>
  )
}

export function FollowUpsTab(props: DeadlineTabProps) {
  const { customerId } = props
  const { t } = useTranslation()
  const format = useFormat()

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

  return (
    <DeadlineList<FollowUpRecord>
      {...props}
      kind="followups"
      columns={columns}
      input={followUpsInput}
      list={listFollowUps}
      grid="followUps"
      filters={(filter, setFilter) => <IssuesOpenSwitch filter={filter} setFilter={setFilter} />}
      Drawer={FollowUpDrawer}
    />
  )
}
