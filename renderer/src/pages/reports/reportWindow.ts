/**
 * The report's window and grouping as the route carries them: a quarter (`2026Q3`; the last complete one
 * by default) or a range of days (`from`, `to`), by branch or by account manager.
 */
import dayjs from 'dayjs'
import { isCalendarDate } from '../../../../electron/api/schemas'
import type { ReportQuery } from '../../router'

export type Grouping = 'branch' | 'manager'

export interface ReportWindow {
  from: string
  to: string
  /** The quarter's key (`2026Q3`); null for a range of days. */
  quarter: string | null
}

/** The first quarter offered: the desk has no figures before 2025. */
const FIRST_DAY = '2025-01-01'
const QUARTER_KEY = /^(\d{4})Q([1-4])$/
const CHINA_OFFSET_MS = 8 * 3_600_000

/** The desk's date: China's (UTC+8, no daylight saving), as the main process judges "today". */
export function deskToday(): string {
  return new Date(Date.now() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

/** A quarter by its year and index (0–3; others roll over into the years around). */
function quarterAt(year: number, index: number): ReportWindow {
  const start = dayjs(`${year}-01-01`).add(index * 3, 'month')
  return {
    from: start.format('YYYY-MM-DD'),
    to: start.add(3, 'month').subtract(1, 'day').format('YYYY-MM-DD'),
    quarter: `${start.year()}Q${start.month() / 3 + 1}`,
  }
}

const yearAndIndex = (day: string) => ({
  year: Number(day.slice(0, 4)),
  index: Math.floor((Number(day.slice(5, 7)) - 1) / 3),
})

/** The quarter a day falls in. */
export function quarterOf(day: string): ReportWindow {
  const { year, index } = yearAndIndex(day)
  return quarterAt(year, index)
}

function isDay(value: string | undefined): value is string {
  return value !== undefined && isCalendarDate(value)
}

function quarterNamed(key: string | undefined): ReportWindow | null {
  const match = QUARTER_KEY.exec(key ?? '')
  return match ? quarterAt(Number(match[1]), Number(match[2]) - 1) : null
}

export function windowOf(query: ReportQuery | undefined, today: string): ReportWindow {
  if (isDay(query?.from) && isDay(query?.to)) return { from: query.from, to: query.to, quarter: null }
  const { year, index } = yearAndIndex(today)
  // The last complete quarter by default.
  return quarterNamed(query?.quarter) ?? quarterAt(year, index - 1)
}

export function groupingOf(query: ReportQuery | undefined): Grouping {
  return query?.by === 'manager' ? 'manager' : 'branch'
}

/** The route's query for a window and a grouping (by branch, the default, is left out). */
export function reportQuery(window: ReportWindow, grouping: Grouping): ReportQuery {
  return {
    ...(window.quarter ? { quarter: window.quarter } : { from: window.from, to: window.to }),
    ...(grouping === 'manager' && { by: grouping }),
  }
}

/** The quarters offered, newest first: from 2025 (or the window's, when earlier) to the current one. */
export function quartersOffered(window: ReportWindow, today: string): ReportWindow[] {
  const first = yearAndIndex(window.from < FIRST_DAY ? window.from : FIRST_DAY)
  const last = yearAndIndex(today)
  const count = (last.year - first.year) * 4 + last.index - first.index + 1
  return Array.from({ length: Math.max(count, 1) }, (_, n) => quarterAt(last.year, last.index - n))
}
