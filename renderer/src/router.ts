/** Hash routes, so that a reload stays on the same page. */
import { useEffect, useState } from 'react'

export const SLA_TABS = ['orders', 'agreements', 'circuits', 'faults', 'slips', 'calculator'] as const
export type SlaTab = (typeof SLA_TABS)[number]

export const SERVICE_TABS = ['activities', 'compliance', 'churn'] as const
export type ServiceTab = (typeof SERVICE_TABS)[number]

export type Route =
  | { page: 'customers' }
  | { page: 'customer'; id: string | null; tab?: string }
  | { page: 'sla'; tab: SlaTab }
  | { page: 'service'; tab: ServiceTab }
  | { page: 'standards' }
  | { page: 'settings' }

export function parseRoute(hash: string): Route {
  const [page, id, tab] = hash.replace(/^#\/?/, '').split('/')
  if (page === 'settings') return { page: 'settings' }
  if (page === 'standards') return { page: 'standards' }
  if (page === 'service')
    return { page: 'service', tab: SERVICE_TABS.find((name) => name === id) ?? 'activities' }
  if (page === 'sla') return { page: 'sla', tab: SLA_TABS.find((name) => name === id) ?? 'orders' }
  if (page === 'customer')
    return { page: 'customer', id: id && id !== 'new' ? id : null, ...(tab && { tab }) }
  return { page: 'customers' }
}

export function routeHash(route: Route): string {
  if (route.page === 'customer') return `#/customer/${route.id ?? 'new'}${route.tab ? `/${route.tab}` : ''}`
  if (route.page === 'sla' || route.page === 'service') return `#/${route.page}/${route.tab}`
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
