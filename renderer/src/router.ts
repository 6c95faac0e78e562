/** Hash routes, so that a reload stays on the same page. */
import { useEffect, useState } from 'react'

export type Route = { page: 'customers' } | { page: 'customer'; id: string | null } | { page: 'settings' }

export function parseRoute(hash: string): Route {
  const [page, id] = hash.replace(/^#\/?/, '').split('/')
  if (page === 'settings') return { page: 'settings' }
  if (page === 'customer') return { page: 'customer', id: id && id !== 'new' ? id : null }
  return { page: 'customers' }
}

export function routeHash(route: Route): string {
  if (route.page === 'customer') return `#/customer/${route.id ?? 'new'}`
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
