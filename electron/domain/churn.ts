/**
 * Churn warning from spending (流失预警, domain.md §1): a month that falls more than a set share below
 * the average of the three months before it. Money is integer fen, the share basis points; the test
 * is done in integers so that a drop of exactly the share does not warn.
 */
export interface MonthlyRevenue {
  /** `YYYY-MM` */
  month: string
  revenueFen: number
}

export interface RevenueDrop {
  month: string
  revenueFen: number
  /** The trailing three months' average, rounded to the fen (for showing; the test uses the sum). */
  averageFen: number
  /** How far below the average, in basis points of it (2500 = 25 %). */
  dropBp: number
}

function monthIndex(month: string): number {
  const [year, index] = month.split('-').map(Number) as [number, number]
  return year * 12 + index - 1
}

/**
 * Months whose revenue is more than `shareBp` below the average of the three months right before it.
 * A month without three consecutive months of history before it cannot warn.
 */
export function revenueDrops(history: MonthlyRevenue[], shareBp: number): RevenueDrop[] {
  const sorted = [...history].sort((a, b) => a.month.localeCompare(b.month))
  const drops: RevenueDrop[] = []
  sorted.forEach((current, index) => {
    const prior = sorted.slice(Math.max(0, index - 3), index)
    if (prior.length < 3 || monthIndex(prior[0]!.month) !== monthIndex(current.month) - 3) return
    const sum = prior.reduce((total, month) => total + month.revenueFen, 0)
    // value < average × (1 − share)  ⇔  value × 3 × 10 000 < sum × (10 000 − share)
    if (sum <= 0 || current.revenueFen * 3 * 10_000 >= sum * (10_000 - shareBp)) return
    drops.push({
      month: current.month,
      revenueFen: current.revenueFen,
      averageFen: Math.round(sum / 3),
      dropBp: Math.round(((sum - current.revenueFen * 3) * 10_000) / sum),
    })
  })
  return drops
}
