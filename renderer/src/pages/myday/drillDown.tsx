/**
 * My day's drill-downs: which list each number opens (the route and its filter). The lists apply the same
 * conditions as My day's counts (electron/services/delivery/figures.ts) and show the filter above them
 * (components/listFilter.tsx).
 */
import type { MyDayMeasure } from '../../../../electron/api/contract'
import type { ListFilter, Route } from '../../router'

type ListRoute = Extract<Route, { page: 'sla' | 'delivery' }>

/** The list behind each number, before the scope's branch or account manager is added. */
const TARGETS: Record<MyDayMeasure, ListRoute> = {
  deliveriesDue: { page: 'delivery', tab: 'deliveries', filter: { status: 'upcoming,due_soon' } },
  deliveriesOverdue: { page: 'delivery', tab: 'deliveries', filter: { status: 'overdue' } },
  followUpsDue: { page: 'delivery', tab: 'followups', filter: { status: 'upcoming,due_soon' } },
  followUpsOverdue: { page: 'delivery', tab: 'followups', filter: { status: 'overdue' } },
  issuesOpen: { page: 'delivery', tab: 'followups', filter: { issues: 'open' } },
  ordersDueSoon: { page: 'sla', tab: 'orders', filter: { status: 'due_soon' } },
  ordersLate: { page: 'sla', tab: 'orders', filter: { status: 'late' } },
  agreementsExpiring: { page: 'sla', tab: 'agreements', filter: { expiring: '1' } },
}

/** The records behind a number: `owner` narrows to a branch or account manager (an id, or `none`). */
export function drillDown(measure: MyDayMeasure, owner: Pick<ListFilter, 'branch' | 'manager'>): ListRoute {
  const target = TARGETS[measure]
  return { ...target, filter: { ...target.filter, ...owner } }
}
