/**
 * Fault recovery and circuit availability (domain.md §4). Periods are calendar months and quarters in
 * China time (UTC+8, no daylight saving); instants are ISO-8601 UTC.
 */
export const FAULT_CAUSES = ['operator', 'customer', 'planned'] as const
export type FaultCause = (typeof FAULT_CAUSES)[number]

/** Availability in parts per million: 99.99 % = 999 900. */
export const PPM = 1_000_000
const MINUTE_MS = 60_000
const CHINA_OFFSET_MS = 8 * 60 * MINUTE_MS

export interface FaultSpan {
  reportedAt: string
  /** null while the circuit is still down. */
  restoredAt: string | null
  cause: FaultCause
}

export interface QualityTarget {
  availabilityPpm: number
  recoveryMinutes: number
}

export function recoveryMinutes(fault: FaultSpan, now: Date): number {
  const end = fault.restoredAt ? Date.parse(fault.restoredAt) : now.getTime()
  return Math.max(0, Math.round((end - Date.parse(fault.reportedAt)) / MINUTE_MS))
}

/** Only faults the operator caused count against availability and recovery targets. */
export function countsAgainstOperator(cause: FaultCause): boolean {
  return cause === 'operator'
}

export interface Period {
  /** `2026-10` for a month, `2026Q4` for a quarter. */
  key: string
  start: Date
  end: Date
}

function chinaMidnight(year: number, monthIndex: number): Date {
  return new Date(Date.UTC(year, monthIndex, 1) - CHINA_OFFSET_MS)
}

export function monthPeriod(key: string): Period {
  const [year, month] = key.split('-').map(Number) as [number, number]
  return { key, start: chinaMidnight(year, month - 1), end: chinaMidnight(year, month) }
}

export function quarterPeriod(key: string): Period {
  const year = Number(key.slice(0, 4))
  const quarter = Number(key.slice(5))
  return { key, start: chinaMidnight(year, (quarter - 1) * 3), end: chinaMidnight(year, quarter * 3) }
}

/** Days from `from` to `to` (inclusive, `YYYY-MM-DD`), from China midnight to China midnight. */
export function dayRangePeriod(from: string, to: string): Period {
  const midnight = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`))
  const end = new Date(midnight(to).getTime() + 24 * 60 * MINUTE_MS)
  return { key: `${from}..${to}`, start: midnight(from), end }
}

/** The month (`YYYY-MM`) an instant falls in, in China time. */
export function monthOf(instant: string): string {
  return new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 7)
}

export interface AvailabilityFigure {
  period: string
  periodMinutes: number
  /** Down minutes inside the period, all causes, overlapping faults counted once. */
  faultMinutes: number
  /** Of those, minutes caused by the customer or by agreed planned work: not held against us. */
  excludedMinutes: number
  availabilityPpm: number
}

/** Merged [start, end) intervals of the spans, clipped to the period. */
function downMinutes(spans: FaultSpan[], period: Period, now: Date): number {
  const intervals = spans
    .map((fault) => [
      Math.max(Date.parse(fault.reportedAt), period.start.getTime()),
      Math.min(fault.restoredAt ? Date.parse(fault.restoredAt) : now.getTime(), period.end.getTime()),
    ])
    .filter(([start, end]) => end! > start!)
    .sort((a, b) => a[0]! - b[0]!)
  let total = 0
  let [openStart, openEnd] = [Number.NaN, Number.NaN]
  for (const [start, end] of intervals as [number, number][]) {
    if (Number.isNaN(openStart) || start > openEnd) {
      if (!Number.isNaN(openStart)) total += openEnd - openStart
      ;[openStart, openEnd] = [start, end]
    } else openEnd = Math.max(openEnd, end)
  }
  if (!Number.isNaN(openStart)) total += openEnd - openStart
  return Math.round(total / MINUTE_MS)
}

/** Availability = 1 − (fault minutes, less those excluded as the customer's or planned) / period minutes. */
export function availability(faults: FaultSpan[], period: Period, now: Date): AvailabilityFigure {
  const periodMinutes = Math.round((period.end.getTime() - period.start.getTime()) / MINUTE_MS)
  const faultMinutes = downMinutes(faults, period, now)
  const countedMinutes = downMinutes(
    faults.filter((fault) => countsAgainstOperator(fault.cause)),
    period,
    now,
  )
  return {
    period: period.key,
    periodMinutes,
    faultMinutes,
    excludedMinutes: faultMinutes - countedMinutes,
    availabilityPpm: Math.floor(((periodMinutes - countedMinutes) * PPM) / periodMinutes),
  }
}
