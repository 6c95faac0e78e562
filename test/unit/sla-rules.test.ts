/**
 * The SLA conventions of domain.md ("How the rules count") on the official calendar the app ships:
 * due dates across Spring Festival and National Day 2025 and 2026 with their make-up working days,
 * late days (a rest-day completion included), charged fees and compensation up to the cap.
 */
import { describe, expect, it } from 'vitest'
import { SHIPPED_CALENDAR, SHIPPED_YEARS } from '../../db/seed/calendar'
import {
  addDays,
  addWorkingDays,
  buildCalendar,
  classifyDay,
  workingDaysAfter,
  type WorkCalendar,
} from '../../electron/domain/calendar'
import {
  evaluateOrder,
  mulDiv,
  resolveTerms,
  type ProvisioningClass,
  type ProvisioningTerms,
} from '../../electron/domain/sla'

const calendar: WorkCalendar = buildCalendar(SHIPPED_YEARS, SHIPPED_CALENDAR)

/** The defaults of domain.md §4: limits per class for digital / DDN / FR / ATM, factor, rate, cap. */
const LIMITS: Record<string, Record<ProvisioningClass, number>> = {
  digital: { urgent: 5, expedited: 10, normal: 20 },
  ddn: { urgent: 8, expedited: 13, normal: 20 },
  fr: { urgent: 8, expedited: 13, normal: 20 },
  atm: { urgent: 8, expedited: 13, normal: 20 },
}
const MONEY: Record<ProvisioningClass, Omit<ProvisioningTerms, 'limitDays'>> = {
  urgent: { priceFactorBp: 15_000, rateBp: 500, capBp: 10_000 },
  expedited: { priceFactorBp: 13_000, rateBp: 500, capBp: 10_000 },
  normal: { priceFactorBp: 10_000, rateBp: 200, capBp: 10_000 },
}
function terms(provisioningClass: ProvisioningClass, product: string): ProvisioningTerms {
  return { limitDays: LIMITS[product]![provisioningClass], ...MONEY[provisioningClass] }
}

function evaluate(
  provisioningClass: ProvisioningClass,
  product: string,
  acceptedOn: string,
  completedOn: string | null = null,
  standardFeeFen: number | null = 1_000_000,
) {
  return evaluateOrder(
    calendar,
    { acceptedOn, completedOn, standardFeeFen, terms: terms(provisioningClass, product), pauses: [] },
    completedOn ?? acceptedOn,
    2,
  )
}

describe('the shipped official calendar', () => {
  it.each([
    ['2025-01-26', true, 'makeup_workday'], // Sunday worked before Spring Festival 2025
    ['2025-01-28', false, 'holiday'],
    ['2025-02-04', false, 'holiday'],
    ['2025-02-08', true, 'makeup_workday'], // Saturday worked after it
    ['2025-09-28', true, 'makeup_workday'],
    ['2025-10-08', false, 'holiday'],
    ['2025-10-11', true, 'makeup_workday'],
    ['2026-02-14', true, 'makeup_workday'],
    ['2026-02-23', false, 'holiday'], // a Monday off
    ['2026-02-28', true, 'makeup_workday'],
    ['2026-09-20', true, 'makeup_workday'],
    ['2026-10-07', false, 'holiday'],
    ['2026-10-10', true, 'makeup_workday'],
    ['2026-11-21', false, 'weekend'],
    ['2026-11-23', true, undefined],
  ])('%s is working: %s (%s)', (date, working, reason) => {
    const day = classifyDay(calendar, date)
    expect(day.working).toBe(working)
    expect(day.note?.reason).toBe(reason)
  })

  it('names the holiday a day belongs to', () => {
    expect(classifyDay(calendar, '2026-02-17').note).toMatchObject({
      nameZh: '春节',
      nameEn: 'Spring Festival',
    })
  })
})

describe('due date: the N-th working day after acceptance', () => {
  it.each([
    // Spring Festival 2026: 15–23 Feb off, Saturdays 14 and 28 Feb worked.
    ['urgent', 'digital', '2026-02-12', '2026-02-26'],
    ['urgent', 'ddn', '2026-02-12', '2026-03-02'],
    ['normal', 'digital', '2026-02-10', '2026-03-16'],
    // Spring Festival 2025: 28 Jan – 4 Feb off, Sunday 26 Jan and Saturday 8 Feb worked.
    ['expedited', 'digital', '2025-01-23', '2025-02-12'],
    ['urgent', 'atm', '2025-01-27', '2025-02-13'],
    // National Day 2025: 1–8 Oct off, Sunday 28 Sep and Saturday 11 Oct worked.
    ['urgent', 'fr', '2025-09-26', '2025-10-14'],
    ['normal', 'ddn', '2025-09-25', '2025-10-29'],
    // Mid-autumn and National Day 2026: 25–27 Sep and 1–7 Oct off, 20 Sep and 10 Oct worked.
    ['expedited', 'atm', '2026-09-18', '2026-10-13'],
    ['urgent', 'digital', '2026-09-29', '2026-10-12'],
  ] as const)('%s %s accepted %s is due %s', (provisioningClass, product, acceptedOn, dueOn) => {
    const outcome = evaluate(provisioningClass, product, acceptedOn)
    expect(outcome.dueOn).toBe(dueOn)
    expect(outcome.calendarWarnings).toEqual([])
  })

  // Every class × product in an ordinary fortnight: Monday 2 November 2026.
  it.each(
    Object.keys(LIMITS).flatMap((product) =>
      (['urgent', 'expedited', 'normal'] as const).map((provisioningClass) => [provisioningClass, product]),
    ),
  )('%s %s counts its limit in working days', (provisioningClass, product) => {
    const expected: Record<number, string> = {
      5: '2026-11-09',
      8: '2026-11-12',
      10: '2026-11-16',
      13: '2026-11-19',
      20: '2026-11-30',
    }
    const limit = LIMITS[product]![provisioningClass as ProvisioningClass]
    expect(evaluate(provisioningClass as ProvisioningClass, product, '2026-11-02').dueOn).toBe(
      expected[limit],
    )
  })

  it('lists the days it skipped and the weekend days it counted, with the reason', () => {
    const walk = addWorkingDays(calendar, '2026-02-12', 5)
    expect(walk.notes.map((note) => `${note.date} ${note.reason}`)).toEqual([
      '2026-02-14 makeup_workday',
      ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((day) => `2026-02-${day} holiday`),
    ])
  })

  it('warns when the count reaches a year with no official calendar loaded', () => {
    const outcome = evaluate('normal', 'digital', '2026-12-20')
    expect(outcome.dueOn).toBe('2027-01-15') // weekends only: a guess, and said to be one
    expect(outcome.calendarWarnings).toEqual([2027])
  })
})

describe('late working days', () => {
  it.each([
    // due Friday 13 March 2026
    ['2026-03-13', 0, 'met'],
    ['2026-03-14', 1, 'missed'], // a Saturday: late, by at least one day
    ['2026-03-15', 1, 'missed'],
    ['2026-03-16', 1, 'missed'],
    ['2026-03-17', 2, 'missed'],
  ])('completed %s: %i late working days', (completedOn, late, status) => {
    const outcome = evaluate('urgent', 'digital', '2026-03-06', completedOn)
    expect(outcome.dueOn).toBe('2026-03-13')
    expect(outcome.lateWorkingDays).toBe(late)
    expect(outcome.status).toBe(status)
  })

  it('counts a completion on a holiday after the due date as one day late', () => {
    // due Wednesday 30 September 2026; completed on 5 October, inside the National Day holiday
    const outcome = evaluate('normal', 'digital', '2026-09-02', '2026-10-05')
    expect(outcome.dueOn).toBe('2026-09-30')
    expect(outcome.lateWorkingDays).toBe(1)
  })

  it('counts the make-up Saturday after Spring Festival as a late working day', () => {
    expect(workingDaysAfter(calendar, '2026-02-26', '2026-03-01').count).toBe(2) // Fri 27, Sat 28
    expect(evaluate('urgent', 'digital', '2026-02-12', '2026-03-01').lateWorkingDays).toBe(2)
  })
})

describe('charged fee and compensation in fen', () => {
  it.each([
    // class, late days, charged, compensation
    ['urgent', 1, 1_500_000, 75_000],
    ['urgent', 3, 1_500_000, 225_000],
    ['expedited', 2, 1_300_000, 130_000],
    ['normal', 3, 1_000_000, 60_000],
    ['urgent', 20, 1_500_000, 1_500_000], // 20 × 5 % reaches the cap exactly
    ['urgent', 25, 1_500_000, 1_500_000], // capped at the whole charged fee
    ['normal', 60, 1_000_000, 1_000_000],
  ] as const)('%s, %i days late: charged %i, compensation %i', (provisioningClass, late, charged, owed) => {
    const due = evaluate(provisioningClass, 'digital', '2026-11-02').dueOn
    const completedOn = addWorkingDays(calendar, due, late).date
    const outcome = evaluate(provisioningClass, 'digital', '2026-11-02', completedOn)
    expect(outcome.lateWorkingDays).toBe(late)
    expect(outcome.chargedFeeFen).toBe(charged)
    expect(outcome.compensationFen).toBe(owed)
    expect(outcome.capped).toBe(late * MONEY[provisioningClass].rateBp > 10_000)
  })

  it('rounds half a fen up, once', () => {
    expect(mulDiv(33_333, 15_000, 10_000)).toBe(50_000) // 49 999.5
    expect(mulDiv(33_331, 15_000, 10_000)).toBe(49_997) // 49 996.5
    expect(mulDiv(1, 1, 3)).toBe(0)
  })

  it('stays exact where floats would not', () => {
    const fen = 9_000_000_000_000 // 90 billion yuan
    expect(mulDiv(fen, 15_000, 10_000)).toBe(13_500_000_000_000)
  })

  it('owes nothing on an order without a fee, and nothing yet on an open late order', () => {
    expect(evaluate('urgent', 'digital', '2026-03-06', '2026-03-20', null)).toMatchObject({
      chargedFeeFen: null,
      compensationFen: 0,
      lateWorkingDays: 5,
    })
    const open = evaluateOrder(
      calendar,
      {
        acceptedOn: '2026-03-06',
        completedOn: null,
        standardFeeFen: 100,
        terms: terms('urgent', 'digital'),
        pauses: [],
      },
      '2026-03-18',
      2,
    )
    expect(open).toMatchObject({ status: 'late', lateWorkingDays: 3, compensationFen: 0 })
  })
})

describe('order status as of today', () => {
  const open = (today: string) =>
    evaluateOrder(
      calendar,
      {
        acceptedOn: '2026-11-02',
        completedOn: null,
        standardFeeFen: null,
        terms: terms('urgent', 'digital'),
        pauses: [],
      },
      today,
      2,
    ).status
  it.each([
    ['2026-11-03', 'on_track'],
    ['2026-11-05', 'due_soon'], // Thu: Fri and Mon left
    ['2026-11-09', 'due_soon'], // the due date itself
    ['2026-11-10', 'late'],
  ])('on %s the order is %s', (today, status) => expect(open(today)).toBe(status))
})

describe('pauses caused by the customer', () => {
  it('move the due date by the paused working days', () => {
    const outcome = evaluateOrder(
      calendar,
      {
        acceptedOn: '2026-11-02',
        completedOn: null,
        standardFeeFen: null,
        terms: terms('urgent', 'digital'),
        pauses: [{ startOn: '2026-11-04', endOn: '2026-11-06' }], // Wed–Fri: 3 working days
      },
      '2026-11-03',
      2,
    )
    expect(outcome.pausedWorkingDays).toBe(3)
    expect(outcome.dueOn).toBe('2026-11-12') // 9 Nov + 3 working days
    expect(outcome.dueNotes.filter((note) => note.reason === 'paused')).toHaveLength(3)
  })

  it('do not count paused weekend days, and do not count paused days as late', () => {
    const outcome = evaluateOrder(
      calendar,
      {
        acceptedOn: '2026-11-02',
        completedOn: '2026-11-13',
        standardFeeFen: 1_000_000,
        terms: terms('urgent', 'digital'),
        pauses: [{ startOn: '2026-11-06', endOn: '2026-11-08' }], // Fri–Sun: 1 working day
      },
      '2026-11-13',
      2,
    )
    expect(outcome.pausedWorkingDays).toBe(1)
    expect(outcome.dueOn).toBe('2026-11-10')
    expect(outcome.lateWorkingDays).toBe(3) // 11, 12, 13 Nov
  })
})

describe('an agreement’s own terms', () => {
  it('win over the rule table term by term', () => {
    const merged = resolveTerms(terms('urgent', 'digital'), { limitDays: 4, rateBp: 250 })
    expect(merged).toEqual({ limitDays: 4, priceFactorBp: 15_000, rateBp: 250, capBp: 10_000 })
    expect(resolveTerms(terms('normal', 'ddn'), null)).toEqual(terms('normal', 'ddn'))
  })
})

describe('the day index (the fast path a recompute takes) agrees with the day-by-day walk', () => {
  it('for every start day of 2025–2026 and limits of 0 to 30 working days', () => {
    const disagreements: string[] = []
    for (let start = '2024-12-01'; start <= '2026-12-31'; start = addDays(start, 1)) {
      for (const count of [0, 1, 5, 8, 13, 20, 30]) {
        const walked = addWorkingDays(calendar, start, count).date
        const indexed = addWorkingDays(calendar, start, count, new Set(), false).date
        if (walked !== indexed) disagreements.push(`${start}+${count}: ${walked} vs ${indexed}`)
        const through = addDays(start, count * 2)
        const a = workingDaysAfter(calendar, start, through).count
        const b = workingDaysAfter(calendar, start, through, new Set(), false).count
        if (a !== b) disagreements.push(`${start}..${through}: ${a} vs ${b}`)
      }
    }
    expect(disagreements).toEqual([])
  })

  it('falls back to the walk outside the indexed years', () => {
    expect(addWorkingDays(calendar, '2101-01-01', 1, new Set(), false).date).toBe('2101-01-03')
  })
})
