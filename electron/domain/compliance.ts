/**
 * Plan compliance (domain.md §2): standard actions done against the plan's targets over a window (a
 * ten-day period, a month, a quarter). An item wanted N times per month counts in a window for each of
 * its months that ends inside the window; within one of its periods, doing it more than N times does
 * not make up for another period. A period that has ended with fewer than N done is overdue.
 */
import type { IsoDate } from './calendar'
import { periodsBetween, type DatePeriod, type PeriodKind } from './periods'

export interface PlanTarget {
  itemId: string
  frequency: number
  period: PeriodKind
}

/** How many times an item was done in one of its periods, keyed `itemId|periodKey`. */
export type DoneCounts = ReadonlyMap<string, number>

export interface OverduePeriod {
  itemId: string
  periodKey: string
  end: IsoDate
  done: number
  wanted: number
}

export interface ComplianceFigure {
  target: number
  done: number
  /** done / target in basis points; null when nothing was due in the window. */
  shareBp: number | null
  overdue: OverduePeriod[]
}

export function countKey(itemId: string, periodKey: string): string {
  return `${itemId}|${periodKey}`
}

const dueCache = new Map<string, DatePeriod[]>()

/**
 * The periods of each item's kind that end inside the window: those whose targets fall due in it.
 * Remembered per kind and window, since every customer's every item asks the same question.
 */
function duePeriods(kind: PeriodKind, window: DatePeriod): DatePeriod[] {
  const key = `${kind}|${window.start}|${window.end}`
  let periods = dueCache.get(key)
  if (!periods) {
    if (dueCache.size > 1000) dueCache.clear()
    periods = periodsBetween(kind, window.start, window.end).filter((period) => period.end <= window.end)
    dueCache.set(key, periods)
  }
  return periods
}

export function compliance(
  targets: PlanTarget[],
  counts: DoneCounts,
  window: DatePeriod,
  today: IsoDate,
): ComplianceFigure {
  let [target, done] = [0, 0]
  const overdue: OverduePeriod[] = []
  for (const item of targets) {
    for (const period of duePeriods(item.period, window)) {
      const count = counts.get(countKey(item.itemId, period.key)) ?? 0
      target += item.frequency
      done += Math.min(count, item.frequency)
      if (period.end < today && count < item.frequency) {
        overdue.push({
          itemId: item.itemId,
          periodKey: period.key,
          end: period.end,
          done: count,
          wanted: item.frequency,
        })
      }
    }
  }
  return { target, done, shareBp: target === 0 ? null : Math.floor((done * 10_000) / target), overdue }
}

/** Adds figures up (a manager's customers, a branch's managers). */
export function sumCompliance(
  figures: ComplianceFigure[],
): Omit<ComplianceFigure, 'overdue'> & { overdue: number } {
  const target = figures.reduce((sum, figure) => sum + figure.target, 0)
  const done = figures.reduce((sum, figure) => sum + figure.done, 0)
  return {
    target,
    done,
    shareBp: target === 0 ? null : Math.floor((done * 10_000) / target),
    overdue: figures.reduce((sum, figure) => sum + figure.overdue.length, 0),
  }
}
