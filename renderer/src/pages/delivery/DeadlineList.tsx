/**
 * What the deliveries and the follow-ups lists share: the on-time share over the list, the filter (statuses,
 * branch, account manager and the list's own), the paged grid, and the drawer a row opens. With no filter
 * in the route the desk's queue opens on what is still to do; a customer's page shows all its records.
 */
import type { ColDef } from 'ag-grid-community'
import { useCallback, useState, type ComponentType, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeadlineStatus, ExportGrid, Page } from '../../../../electron/api/contract'
import { DEADLINE_STATUSES } from '../../../../electron/api/schemas'
import {
  OwnerFilter,
  ownerQuery,
  StatusSelect,
  useListFilter,
  useStatuses,
  type OwnerQuery,
} from '../../components/listFilter'
import type { PageRequest } from '../../components/PagedGrid'
import type { ListFilter } from '../../router'
import { ListPage } from '../sla/ListPage'
import { OnTimeCard } from './OnTimeCard'

/** What to do: overdue first in its own sort by due date. */
const QUEUE: ListFilter = { status: 'overdue,due_soon,upcoming' }

/** One page of a list as both channels take it. */
export type DeadlineQuery = PageRequest & {
  search: string
  statuses: DeadlineStatus[]
  customerId?: string
} & OwnerQuery

/** The props of the tab on the delivery page (the route's filter) and on a customer's page. */
export interface DeadlineTabProps {
  customerId?: string
  filter?: ListFilter | undefined
  /** On the delivery page: a changed filter goes into the route. */
  onFilterChange?: ((next: ListFilter) => void) | undefined
}

const TEST_IDS = {
  deliveries: { grid: 'deliveries-grid', status: 'delivery-status-filter' },
  followups: { grid: 'followups-grid', status: 'followup-status-filter' },
} as const

export function DeadlineList<T extends { id: string }>({
  kind,
  customerId,
  filter: routeFilter,
  onFilterChange,
  columns,
  input,
  list,
  grid,
  filters,
  Drawer,
}: DeadlineTabProps & {
  kind: 'deliveries' | 'followups'
  columns: ColDef<T>[]
  /** The list channel's request for a page; `filter` for what the list's own filter adds. Stable. */
  input: (query: DeadlineQuery, filter: ListFilter) => object
  /** One page, from the list's channel, for the request `input` made. Stable. */
  list: (query: DeadlineQuery, filter: ListFilter) => Promise<Page<T>>
  /** The grid it exports as (the request `input` makes, less paging). */
  grid: ExportGrid
  /** The list's own filter controls, between the statuses and the owners. */
  filters?: (filter: ListFilter, setFilter: (patch: ListFilter) => void) => ReactNode
  Drawer: ComponentType<{ id: string | null; onClose: () => void; onSaved: () => void }>
}) {
  const { t } = useTranslation()
  const [filter, setFilter] = useListFilter(routeFilter, onFilterChange, customerId ? undefined : QUEUE)
  const statuses = useStatuses<DeadlineStatus>(filter.status, DEADLINE_STATUSES)
  const { branch, manager } = filter
  const [open, setOpen] = useState<string | null>(null)
  const [reloads, setReloads] = useState(0)

  const deadlineQuery = useCallback(
    (request: PageRequest & { search: string }): DeadlineQuery => ({
      ...request,
      statuses,
      ...ownerQuery({ branch, manager }),
      ...(customerId && { customerId }),
    }),
    [statuses, branch, manager, customerId],
  )
  const load = useCallback(
    (request: PageRequest & { search: string }) => list(deadlineQuery(request), filter),
    // A save asks for a new load function, which reloads the grid.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [list, filter, deadlineQuery, reloads],
  )
  const query = useCallback(
    (request: PageRequest & { search: string }) => input(deadlineQuery(request), filter),
    [input, filter, deadlineQuery],
  )

  return (
    <>
      <OnTimeCard kind={kind} customerId={customerId} owners={{ branch, manager }} reloads={reloads} />
      <ListPage<T>
        testId={TEST_IDS[kind].grid}
        columns={columns}
        load={load}
        exportAs={{ grid, query }}
        newLabel=""
        onOpen={(row) => setOpen(row.id)}
        filters={
          <>
            <StatusSelect
              value={statuses}
              onChange={(next) => setFilter({ status: next.join(',') || undefined })}
              statuses={DEADLINE_STATUSES}
              optionLabel={(status) => t(`delivery.status.${status}`)}
              placeholder={t('delivery.filters.status')}
              testId={TEST_IDS[kind].status}
            />
            {filters?.(filter, setFilter)}
            <OwnerFilter filter={filter} onChange={setFilter} owners={!customerId} />
          </>
        }
      />
      <Drawer
        key={open ?? 'closed'}
        id={open}
        onClose={() => setOpen(null)}
        onSaved={() => setReloads((n) => n + 1)}
      />
    </>
  )
}
