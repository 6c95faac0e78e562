/** What every page needs to know: the open database, who is working, and the lists forms choose from. */
import { createContext, useContext } from 'react'
import type { AppInfo, Labelled, Lookups, Operator } from '../../electron/api/contract'

export interface Session {
  info: AppInfo
  operator: Operator
  lookups: Lookups
  refreshLookups: (next?: Lookups) => Promise<void>
  isSupervisor: boolean
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside a signed-in page')
  return session
}

/** A list entry's label in the current language. */
export function label(entry: Labelled | undefined, language: string): string {
  if (!entry) return ''
  return language === 'en' ? entry.labelEn : entry.labelZh
}

/** The entries a form offers: those in use, plus the one the record already has (retired or not). */
export function offered<T extends { id: string; retired?: boolean }>(
  list: T[],
  current?: string | null,
): T[] {
  return list.filter((entry) => !entry.retired || entry.id === current)
}
