/**
 * The deadlines of deliveries and follow-ups (domain.md §3, "How the rules count"): a delivery 3 working
 * days after opening across National Day and Spring Festival 2026 with their make-up working days, a
 * follow-up 7 or 3 calendar days after, a year with no official calendar flagged, and where a record
 * stands against its deadline.
 */
import { describe, expect, it } from 'vitest'
import { SHIPPED_CALENDAR, SHIPPED_YEARS } from '../../db/seed/calendar'
import { addDays, buildCalendar, classifyDay, workingDaysAfter } from '../../electron/domain/calendar'
import { deadlineAfter, deadlineStatus, dueSoonUntil, onTimeShare } from '../../electron/domain/deadlines'

const calendar = buildCalendar(SHIPPED_YEARS, SHIPPED_CALENDAR)
const DELIVERY = { days: 3, dayCount: 'working' } as const
const FOLLOW_UP_OPENING = { days: 7, dayCount: 'calendar' } as const
const FOLLOW_UP_REPAIR = { days: 3, dayCount: 'calendar' } as const

describe('the calendar the cases rely on (2026 official notice)', () => {
  it.each([
    ['2026-09-20', true, 'makeup_workday'],
    ['2026-10-01', false, 'holiday'],
    ['2026-10-07', false, 'holiday'],
    ['2026-10-10', true, 'makeup_workday'],
    ['2026-02-14', true, 'makeup_workday'],
    ['2026-02-16', false, 'holiday'],
    ['2026-02-23', false, 'holiday'],
  ])('%s is working: %s (%s)', (date, working, reason) => {
    const day = classifyDay(calendar, date)
    expect(day.working).toBe(working)
    expect(day.note?.reason).toBe(reason)
  })
})

describe('a delivery, due 3 working days after opening', () => {
  it.each([
    // An ordinary week: Monday → Thursday.
    ['2026-11-16', '2026-11-19'],
    // Friday: the weekend is skipped.
    ['2026-11-20', '2026-11-25'],
    // The eve of National Day: 1–7 October off, Thursday 8 and Friday 9, then the make-up Saturday 10.
    ['2026-09-30', '2026-10-10'],
    // Friday 18 September: Saturday off, the make-up Sunday 20 counts, then Monday and Tuesday.
    ['2026-09-18', '2026-09-22'],
    // Thursday 12 February: Friday, the make-up Saturday 14, then Spring Festival until Tuesday 24.
    ['2026-02-12', '2026-02-24'],
  ])('opened %s → due %s', (openedOn, dueOn) => {
    const deadline = deadlineAfter(calendar, openedOn, DELIVERY)
    expect(deadline.dueOn).toBe(dueOn)
    expect(deadline.calendarWarnings).toEqual([])
  })

  it('names the holidays and make-up days it met', () => {
    const { notes } = deadlineAfter(calendar, '2026-09-30', DELIVERY)
    expect(notes.filter((note) => note.reason === 'holiday')).toHaveLength(7)
    expect(notes.filter((note) => note.reason === 'makeup_workday').map((note) => note.date)).toEqual([
      '2026-10-10',
    ])
  })

  it('into a year with no official calendar: weekends only, and says so', () => {
    // 1 January 2027 is a Friday; without the 2027 notice it counts as a working day.
    const deadline = deadlineAfter(calendar, '2026-12-30', DELIVERY)
    expect(deadline.dueOn).toBe('2027-01-04')
    expect(deadline.calendarWarnings).toEqual([2027])
  })

  it('follows the rule data: 5 working days, or 0 (the same day)', () => {
    expect(deadlineAfter(calendar, '2026-09-30', { days: 5, dayCount: 'working' }).dueOn).toBe('2026-10-13')
    expect(deadlineAfter(calendar, '2026-09-30', { days: 0, dayCount: 'working' }).dueOn).toBe('2026-09-30')
  })
})

describe('follow-ups, due in calendar days', () => {
  it.each([
    // Holidays do not stop the clock: a week after 30 September is 7 October.
    [FOLLOW_UP_OPENING, '2026-09-30', '2026-10-07'],
    [FOLLOW_UP_OPENING, '2026-02-12', '2026-02-19'],
    [FOLLOW_UP_REPAIR, '2026-10-01', '2026-10-04'],
    // Across the year end, with no calendar needed (and no warning).
    [FOLLOW_UP_REPAIR, '2026-12-30', '2027-01-02'],
  ])('%o after %s → due %s', (rule, start, dueOn) => {
    expect(deadlineAfter(calendar, start, rule)).toEqual({ dueOn, notes: [], calendarWarnings: [] })
  })

  it('can be counted in working days when the rule says so', () => {
    expect(deadlineAfter(calendar, '2026-09-30', { days: 3, dayCount: 'working' }).dueOn).toBe('2026-10-10')
  })
})

describe('where a record stands', () => {
  const soonUntil = '2026-11-25'
  it.each([
    ['2026-11-30', null, 'upcoming'],
    ['2026-11-25', null, 'due_soon'],
    ['2026-11-23', null, 'due_soon'],
    ['2026-11-20', null, 'overdue'],
    ['2026-11-20', '2026-11-20', 'on_time'],
    ['2026-11-20', '2026-11-19', 'on_time'],
    ['2026-11-20', '2026-11-21', 'late'],
  ])('due %s, done %s, on 2026-11-23 → %s', (dueOn, doneOn, status) => {
    expect(deadlineStatus(dueOn, doneOn, '2026-11-23', soonUntil)).toBe(status)
  })

  it('is due soon in the same window as an order: at most N working days after today', () => {
    // Wednesday 25 November, 2 working days: Thursday, Friday, and the weekend before Monday with them.
    expect(dueSoonUntil(calendar, '2026-11-25', 2)).toBe('2026-11-29')
    expect(dueSoonUntil(calendar, '2026-09-29', 2)).toBe('2026-10-08')
    for (let today = '2026-09-01'; today <= '2026-12-31'; today = addDays(today, 1)) {
      for (const days of [0, 1, 2, 5]) {
        const until = dueSoonUntil(calendar, today, days)
        for (let dueOn = today; dueOn <= addDays(today, 20); dueOn = addDays(dueOn, 1)) {
          const asOrders = workingDaysAfter(calendar, today, dueOn).count <= days
          expect(dueOn <= until, `${today} +${days}: ${dueOn}`).toBe(asOrders)
        }
      }
    }
  })

  it('shares done on time in basis points, rounded down, none when nothing counts', () => {
    expect(onTimeShare(3, 2)).toEqual({ counted: 3, onTime: 2, shareBp: 6666 })
    expect(onTimeShare(20_000, 19_999).shareBp).toBe(9999)
    expect(onTimeShare(4, 4).shareBp).toBe(10_000)
    expect(onTimeShare(0, 0).shareBp).toBeNull()
  })
})
