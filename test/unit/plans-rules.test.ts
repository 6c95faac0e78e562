/** Ten-day periods, churn thresholds and value scores: the rules of domain.md §1–2, table-driven. */
import { describe, expect, it } from 'vitest'
import { revenueDrops } from '../../electron/domain/churn'
import { compliance, countKey, sumCompliance } from '../../electron/domain/compliance'
import { periodOf, periodsBetween } from '../../electron/domain/periods'
import { valueScore, weightsAreWhole, type ValueSettings } from '../../electron/domain/value'

describe('ten-day periods (旬)', () => {
  it.each([
    ['2026-02-10', '2026-02-1', '2026-02-01', '2026-02-10'],
    ['2026-02-11', '2026-02-2', '2026-02-11', '2026-02-20'],
    ['2026-02-21', '2026-02-3', '2026-02-21', '2026-02-28'], // 28 days
    ['2028-02-29', '2028-02-3', '2028-02-21', '2028-02-29'], // a leap February: 29
    ['2026-04-30', '2026-04-3', '2026-04-21', '2026-04-30'], // 30
    ['2026-01-31', '2026-01-3', '2026-01-21', '2026-01-31'], // 31
    ['2026-12-25', '2026-12-3', '2026-12-21', '2026-12-31'],
  ])('%s falls in %s (%s to %s)', (date, key, start, end) => {
    expect(periodOf('ten_days', date)).toEqual({ kind: 'ten_days', key, start, end })
  })

  it('cover a quarter in nine periods with no gap and no overlap', () => {
    const periods = periodsBetween('ten_days', '2026-01-01', '2026-03-31')
    expect(periods.map((period) => period.key)).toEqual(
      ['01', '02', '03'].flatMap((month) => [1, 2, 3].map((third) => `2026-${month}-${third}`)),
    )
    periods.slice(1).forEach((period, index) => {
      const before = new Date(`${periods[index]!.end}T00:00:00Z`).getTime()
      expect(new Date(`${period.start}T00:00:00Z`).getTime() - before).toBe(86_400_000)
    })
  })

  it.each([
    ['month', '2026-11-23', '2026-11', '2026-11-01', '2026-11-30'],
    ['quarter', '2026-11-23', '2026Q4', '2026-10-01', '2026-12-31'],
    ['quarter', '2026-02-01', '2026Q1', '2026-01-01', '2026-03-31'],
    ['year', '2026-11-23', '2026', '2026-01-01', '2026-12-31'],
  ] as const)('a %s: %s falls in %s', (kind, date, key, start, end) => {
    expect(periodOf(kind, date)).toEqual({ kind, key, start, end })
  })
})

describe('churn warning: a month more than the share below the trailing three-month average', () => {
  const history = (last: number) => [
    { month: '2026-06', revenueFen: 100_000 },
    { month: '2026-07', revenueFen: 110_000 },
    { month: '2026-08', revenueFen: 90_000 }, // average 100,000
    { month: '2026-09', revenueFen: last },
  ]
  it.each([
    [80_001, false], // 19.999 % down
    [80_000, false], // exactly 20 %: not more than the share
    [79_999, true], // 20.001 %
    [50_000, true],
    [0, true],
  ])('September at %i fen warns: %s', (september, warns) => {
    const drops = revenueDrops(history(september), 2000)
    expect(drops.map((drop) => drop.month)).toEqual(warns ? ['2026-09'] : [])
  })

  it('reports the average and the drop', () => {
    expect(revenueDrops(history(70_000), 2000)).toEqual([
      { month: '2026-09', revenueFen: 70_000, averageFen: 100_000, dropBp: 3000 },
    ])
  })

  it('needs three consecutive months before', () => {
    const gap = [
      { month: '2026-05', revenueFen: 100_000 },
      { month: '2026-07', revenueFen: 100_000 },
      { month: '2026-08', revenueFen: 100_000 },
      { month: '2026-09', revenueFen: 10_000 },
    ]
    expect(revenueDrops(gap, 2000)).toEqual([])
    expect(revenueDrops(history(10_000).slice(1), 2000)).toEqual([])
  })

  it('follows the share a supervisor sets', () => {
    expect(revenueDrops(history(85_000), 1000).map((drop) => drop.dropBp)).toEqual([1500])
    expect(revenueDrops(history(85_000), 2000)).toEqual([])
  })
})

describe('value assessment', () => {
  const settings: ValueSettings = {
    weights: { currentBp: 5000, potentialBp: 3000, intangibleBp: 2000 },
    fullCurrentFen: 100_000_000, // ¥1,000,000 a year scores 100
    thresholds: [
      { rank: 1, minScore: 75 },
      { rank: 2, minScore: 50 },
      { rank: 3, minScore: 25 },
      { rank: 4, minScore: 0 },
    ],
  }
  const base = {
    directFen: 60_000_000,
    additionalFen: 20_000_000,
    employees: 1000,
    ourSubscribers: 600,
    productsTaken: 3,
    productsOffered: 6,
    intangibleScore: 90,
  }

  it.each([
    // current 80, potential (0.4 + 0.5) / 2 = 45, intangible 90: 40 + 13.5 + 18 = 71.5 → rank 2
    [base, 71.5, 2],
    [{ ...base, directFen: 120_000_000 }, 81.5, 1], // current capped at 100
    [{ ...base, directFen: 0, additionalFen: 0, intangibleScore: 0 }, 13.5, 4],
    [{ ...base, directFen: 10_000_000, additionalFen: 0, intangibleScore: 40 }, 26.5, 3],
  ])('%o scores %d, suggesting rank %i', (inputs, score, rank) => {
    const result = valueScore(inputs, settings)
    expect(result.score).toBe(score)
    expect(result.suggestedRank).toBe(rank)
  })

  it('puts a score exactly on a threshold in the higher tier', () => {
    expect(valueScore({ ...base, directFen: 70_000_000, additionalFen: 0 }, settings)).toMatchObject({
      score: 66.5,
      suggestedRank: 2,
    })
    const atFifty = valueScore(
      { ...base, directFen: 0, additionalFen: 0, employees: null, productsOffered: 0, intangibleScore: 100 },
      { ...settings, weights: { currentBp: 0, potentialBp: 5000, intangibleBp: 5000 } },
    )
    expect(atFifty).toMatchObject({ score: 50, suggestedRank: 2 })
  })

  it('knows weights that do not make 100 %', () => {
    expect(weightsAreWhole(settings.weights)).toBe(true)
    expect(weightsAreWhole({ currentBp: 5000, potentialBp: 3000, intangibleBp: 1000 })).toBe(false)
  })
})

describe('compliance: done against target over a window', () => {
  const targets = [
    { itemId: 'visit', frequency: 2, period: 'month' as const },
    { itemId: 'desk', frequency: 1, period: 'ten_days' as const },
    { itemId: 'greeting', frequency: 4, period: 'year' as const },
  ]
  const counts = new Map([
    [countKey('visit', '2026-10'), 3], // more than wanted: counts 2
    [countKey('visit', '2026-11'), 1],
    [countKey('desk', '2026-11-1'), 1],
    [countKey('desk', '2026-11-3'), 1],
  ])

  it('a month counts its monthly and ten-day items, not the yearly one (not due inside it)', () => {
    const figure = compliance(targets, counts, periodOf('month', '2026-11-15'), '2026-11-23')
    // visit: 1 of 2; desk: 2 of 3 ten-day periods → 3 of 5
    expect(figure).toMatchObject({ target: 5, done: 3, shareBp: 6000 })
    expect(figure.overdue).toEqual([
      { itemId: 'desk', periodKey: '2026-11-2', end: '2026-11-20', done: 0, wanted: 1 },
    ])
  })

  it('a quarter adds its months; doing more in one month does not make up for another', () => {
    const figure = compliance(targets, counts, periodOf('quarter', '2026-11-15'), '2026-12-31')
    // visit: Oct 2 (3 capped), Nov 1, Dec 0 of 6; desk: 2 of 9; the year's 4 greetings fall due in Q4
    expect(figure).toMatchObject({ target: 19, done: 5 })
    expect(compliance(targets, counts, periodOf('quarter', '2026-08-15'), '2026-12-31').target).toBe(15)
  })

  it('a ten-day period counts a monthly item only in the month’s last ten days', () => {
    expect(compliance(targets, counts, periodOf('ten_days', '2026-11-05'), '2026-11-23')).toMatchObject({
      target: 1,
      done: 1,
    })
    expect(compliance(targets, counts, periodOf('ten_days', '2026-11-25'), '2026-11-23')).toMatchObject({
      target: 3,
      done: 2,
      overdue: [],
    })
  })

  it('adds figures up for a manager or a branch', () => {
    const month = periodOf('month', '2026-11-15')
    const one = compliance(targets, counts, month, '2026-11-23')
    expect(sumCompliance([one, one])).toEqual({ target: 10, done: 6, shareBp: 6000, overdue: 2 })
    expect(sumCompliance([])).toMatchObject({ shareBp: null })
  })
})
