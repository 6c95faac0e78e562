/**
 * Deadlines of deliveries and follow-ups (domain.md §3): a number of days after an event (an opening, a
 * fault's repair), counted in working days under the official calendar or in calendar days, as the
 * rule's data says. Pure: the calendar and today's date are passed in.
 */
import {
  addDays,
  addWorkingDays,
  missingYears,
  type DayNote,
  type IsoDate,
  type WorkCalendar,
} from './calendar'

export const DAY_COUNTS = ['working', 'calendar'] as const
export type DayCount = (typeof DAY_COUNTS)[number]

export const DEADLINE_CODES = ['delivery', 'follow_up_opening', 'follow_up_repair'] as const
export type DeadlineCode = (typeof DEADLINE_CODES)[number]

export interface DeadlineRule {
  days: number
  dayCount: DayCount
}

export interface Deadline {
  dueOn: IsoDate
  /** Days skipped or counted against the plain week (holidays, make-up working days). */
  notes: DayNote[]
  /** Years the count reached with no official calendar loaded: their weekends are a guess. */
  calendarWarnings: number[]
}

/** The deadline `rule.days` days after `start` (`start` itself not counted). */
export function deadlineAfter(calendar: WorkCalendar, start: IsoDate, rule: DeadlineRule): Deadline {
  if (rule.dayCount === 'calendar')
    return { dueOn: addDays(start, rule.days), notes: [], calendarWarnings: [] }
  const walk = addWorkingDays(calendar, start, rule.days)
  return { dueOn: walk.date, notes: walk.notes, calendarWarnings: missingYears(calendar, start, walk.date) }
}

export const DEADLINE_STATUSES = ['upcoming', 'due_soon', 'overdue', 'on_time', 'late'] as const
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number]

/**
 * The last due date that is "due soon" today: the one with at most `dueSoonDays` working days after
 * today up to it, as for orders (a rest day just before the next working day counts with it).
 */
export function dueSoonUntil(calendar: WorkCalendar, today: IsoDate, dueSoonDays: number): IsoDate {
  return addDays(addWorkingDays(calendar, today, dueSoonDays + 1, undefined, false).date, -1)
}

/**
 * Where a record stands against its deadline. Open: overdue once today is past the due date, due soon
 * when due on or before `soonUntil` (see `dueSoonUntil`), upcoming after that. Done: on time when done
 * on or before the due date.
 */
export function deadlineStatus(
  dueOn: IsoDate,
  doneOn: IsoDate | null,
  today: IsoDate,
  soonUntil: IsoDate,
): DeadlineStatus {
  if (doneOn) return doneOn <= dueOn ? 'on_time' : 'late'
  if (today > dueOn) return 'overdue'
  return dueOn <= soonUntil ? 'due_soon' : 'upcoming'
}

export interface OnTimeShare {
  /** Records whose deadline has passed or that are done: the ones the standard can be held to. */
  counted: number
  onTime: number
  /** onTime / counted in basis points (10,000 = the 100 % standard); null when nothing is counted. */
  shareBp: number | null
}

/** The share done on time, rounded down so that 99.995 % never shows as meeting a 100 % standard. */
export function onTimeShare(counted: number, onTime: number): OnTimeShare {
  return { counted, onTime, shareBp: counted === 0 ? null : Math.floor((onTime * 10_000) / counted) }
}
