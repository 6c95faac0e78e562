/** Hash routes, so that a reload stays on the same page. */
import { useEffect, useState } from 'react'
import type { ImportKind } from '../../electron/api/contract'
import { IMPORT_KINDS } from '../../electron/api/schemas'

export const SLA_TABS = ['orders', 'agreements', 'circuits', 'faults', 'slips', 'calculator'] as const
export type SlaTab = (typeof SLA_TABS)[number]

export const SERVICE_TABS = ['activities', 'compliance', 'churn'] as const
export type ServiceTab = (typeof SERVICE_TABS)[number]

export const DELIVERY_TABS = ['deliveries', 'followups'] as const
export type DeliveryTab = (typeof DELIVERY_TABS)[number]

/**
 * A list's filter carried in the route (`#/delivery/deliveries?status=overdue&manager=…`), so that a
 * number on My day opens the very records behind it. Keys: status (comma-separated), branch, manager
 * (an id, or `none`), expiring (1), issues (open).
 */
export type ListFilter = Partial<Record<'status' | 'branch' | 'manager' | 'expiring' | 'issues', string>>

/**
 * The report's window and grouping in the route (`#/reports?quarter=2026Q3&by=manager`, or `from` and
 * `to` for a range of days), so that a reload and Back show the same figures.
 */
export type ReportQuery = Partial<Record<'quarter' | 'from' | 'to' | 'by', string>>

export type Route =
  | { page: 'myday' }
  | { page: 'customers' }
  | { page: 'customer'; id: string | null; tab?: string }
  | { page: 'sla'; tab: SlaTab; filter?: ListFilter }
  | { page: 'service'; tab: ServiceTab }
  | { page: 'delivery'; tab: DeliveryTab; filter?: ListFilter }
  | { page: 'standards' }
  | { page: 'import'; kind?: ImportKind }
  | { page: 'settings' }
  | { page: 'reports'; query?: ReportQuery }

const FILTER_KEYS = ['status', 'branch', 'manager', 'expiring', 'issues'] as const
const REPORT_KEYS = ['quarter', 'from', 'to', 'by'] as const

/** The route's query keys that a page knows; undefined when none is set. */
function parseParams<K extends string>(
  query: string | undefined,
  keys: readonly K[],
): Partial<Record<K, string>> | undefined {
  if (!query) return undefined
  const params = new URLSearchParams(query)
  const found: Partial<Record<K, string>> = {}
  for (const key of keys) {
    const value = params.get(key)
    if (value) found[key] = value
  }
  return Object.keys(found).length > 0 ? found : undefined
}

function routeQuery(params: Partial<Record<string, string>> | undefined): string {
  if (!params) return ''
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString()
  return query ? `?${query}` : ''
}

export function parseRoute(hash: string): Route {
  const [path, query] = hash.replace(/^#\/?/, '').split('?')
  const [page, id, tab] = (path ?? '').split('/')
  const filter = parseParams(query, FILTER_KEYS)
  if (page === 'settings') return { page: 'settings' }
  if (page === 'reports') {
    const report = parseParams(query, REPORT_KEYS)
    return { page: 'reports', ...(report && { query: report }) }
  }
  if (page === 'standards') return { page: 'standards' }
  if (page === 'import') {
    const kind = IMPORT_KINDS.find((name) => name === id)
    return { page: 'import', ...(kind && { kind }) }
  }
  if (page === 'customers') return { page: 'customers' }
  if (page === 'service')
    return { page: 'service', tab: SERVICE_TABS.find((name) => name === id) ?? 'activities' }
  if (page === 'sla')
    return { page: 'sla', tab: SLA_TABS.find((name) => name === id) ?? 'orders', ...(filter && { filter }) }
  if (page === 'delivery')
    return {
      page: 'delivery',
      tab: DELIVERY_TABS.find((name) => name === id) ?? 'deliveries',
      ...(filter && { filter }),
    }
  if (page === 'customer')
    return { page: 'customer', id: id && id !== 'new' ? id : null, ...(tab && { tab }) }
  // My day is the home page.
  return { page: 'myday' }
}

export function routeHash(route: Route): string {
  if (route.page === 'customer') return `#/customer/${route.id ?? 'new'}${route.tab ? `/${route.tab}` : ''}`
  if (route.page === 'sla' || route.page === 'delivery')
    return `#/${route.page}/${route.tab}${routeQuery(route.filter)}`
  if (route.page === 'service') return `#/${route.page}/${route.tab}`
  if (route.page === 'reports') return `#/reports${routeQuery(route.query)}`
  if (route.page === 'import') return `#/import${route.kind ? `/${route.kind}` : ''}`
  return `#/${route.page}`
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route)
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
