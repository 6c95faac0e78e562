/**
 * The periods service standards are checked over (domain.md §2): ten-day periods (旬: the 1st–10th,
 * 11th–20th and 21st to the month's end, whatever its length), months, quarters and years. Dates are
 * calendar dates `YYYY-MM-DD`, compared as text.
 */
import { addDays, type IsoDate } from './calendar'

export const PERIOD_KINDS = ['ten_days', 'month', 'quarter', 'year'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

export interface DatePeriod {
  kind: PeriodKind
  /** `2026-11-2` (second ten days of November), `2026-11`, `2026Q4`, `2026`. */
  key: string
  start: IsoDate
  /** Inclusive. */
  end: IsoDate
}

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/** The last day of a month: the day before the next month's first. */
export function monthEnd(year: number, month: number): IsoDate {
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`
  return addDays(next, -1)
}

function parts(date: IsoDate): [year: number, month: number, day: number] {
  return date.split('-').map(Number) as [number, number, number]
}

/** The period of the given kind that a date falls in. */
export function periodOf(kind: PeriodKind, date: IsoDate): DatePeriod {
  const [year, month, day] = parts(date)
  const ym = `${year}-${pad(month)}`
  if (kind === 'ten_days') {
    const third = day <= 10 ? 1 : day <= 20 ? 2 : 3
    const start = `${ym}-${pad((third - 1) * 10 + 1)}`
    const end = third === 3 ? monthEnd(year, month) : `${ym}-${pad(third * 10)}`
    return { kind, key: `${ym}-${third}`, start, end }
  }
  if (kind === 'month') return { kind, key: ym, start: `${ym}-01`, end: monthEnd(year, month) }
  if (kind === 'quarter') {
    const quarter = Math.ceil(month / 3)
    const first = (quarter - 1) * 3 + 1
    return {
      kind,
      key: `${year}Q${quarter}`,
      start: `${year}-${pad(first)}-01`,
      end: monthEnd(year, first + 2),
    }
  }
  return { kind, key: String(year), start: `${year}-01-01`, end: `${year}-12-31` }
}

/** Every period of a kind that overlaps `from`–`to` (inclusive), in order. */
export function periodsBetween(kind: PeriodKind, from: IsoDate, to: IsoDate): DatePeriod[] {
  const periods: DatePeriod[] = []
  for (
    let period = periodOf(kind, from);
    period.start <= to;
    period = periodOf(kind, addDays(period.end, 1))
  ) {
    periods.push(period)
  }
  return periods
}

/** The quarter's key (`2026Q3`) when `from`–`to` is exactly one quarter, else null. */
export function exactQuarter(from: IsoDate, to: IsoDate): string | null {
  const quarter = periodOf('quarter', from)
  return quarter.start === from && quarter.end === to ? quarter.key : null
}
