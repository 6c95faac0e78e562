/**
 * Working days under the official calendar (domain.md §4): weekends are off, public holidays are off,
 * and some weekend days are made-up working days (调休). The calendar is data passed in; a year the data
 * does not cover is a guess (weekends only) and every result that touches one says so.
 */

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string

export type CalendarEntryKind = 'rest' | 'work'

export interface CalendarEntry {
  date: IsoDate
  /** rest: an official day off (a holiday, or a weekday given in lieu); work: a made-up working day. */
  kind: CalendarEntryKind
  nameZh: string
  nameEn: string
}

/** Why a day was not counted as a working day, or why a weekend day was counted. */
export type DayReason = 'weekend' | 'holiday' | 'makeup_workday' | 'paused'

export interface DayNote {
  date: IsoDate
  reason: DayReason
  /** The holiday's name, for holidays and make-up working days. */
  nameZh?: string
  nameEn?: string
}

export interface WorkCalendar {
  /** Years whose official notice is loaded. */
  years: ReadonlySet<number>
  entries: ReadonlyMap<IsoDate, CalendarEntry>
}

const DAY_MS = 86_400_000

export function buildCalendar(years: Iterable<number>, entries: Iterable<CalendarEntry>): WorkCalendar {
  return { years: new Set(years), entries: new Map([...entries].map((entry) => [entry.date, entry])) }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4))
}

function isWeekend(date: IsoDate): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday === 0 || weekday === 6
}

/** Whether a day is worked, and when the answer is not the plain weekday rule, why. */
export function classifyDay(calendar: WorkCalendar, date: IsoDate): { working: boolean; note?: DayNote } {
  const entry = calendar.entries.get(date)
  const names = entry && { nameZh: entry.nameZh, nameEn: entry.nameEn }
  if (entry?.kind === 'rest') return { working: false, note: { date, reason: 'holiday', ...names } }
  if (entry?.kind === 'work') {
    return isWeekend(date)
      ? { working: true, note: { date, reason: 'makeup_workday', ...names } }
      : { working: true }
  }
  return isWeekend(date) ? { working: false, note: { date, reason: 'weekend' } } : { working: true }
}

export function isWorkingDay(calendar: WorkCalendar, date: IsoDate): boolean {
  return classifyDay(calendar, date).working
}

/** The years from `from` to `to` (inclusive) whose calendar is not loaded. */
export function missingYears(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number[] {
  const missing: number[] = []
  for (let year = yearOf(from); year <= yearOf(to); year++) if (!calendar.years.has(year)) missing.push(year)
  return missing
}

/** Days the walk does not count for other reasons than the calendar (an order's paused days). */
export type ExtraRestDays = ReadonlySet<IsoDate>

export interface Walk {
  /** The day the walk ended on. */
  date: IsoDate
  /** Every day passed that was skipped, or counted although a weekend, with the reason. */
  notes: DayNote[]
}

/**
 * The `count`-th working day after `start` (`start` itself not counted); days in `paused` are skipped
 * like rest days. `count` 0 gives `start`. Without pauses and notes, the day index answers at once.
 */
export function addWorkingDays(
  calendar: WorkCalendar,
  start: IsoDate,
  count: number,
  paused: ExtraRestDays = new Set(),
  withNotes = true,
): Walk {
  if (!withNotes && paused.size === 0) {
    const date = dayIndex(calendar).nthWorkingDayAfter(start, count)
    if (date) return { date, notes: [] }
  }
  const notes: DayNote[] = []
  let date = start
  for (let counted = 0; counted < count;) {
    date = addDays(date, 1)
    if (paused.has(date)) {
      notes.push({ date, reason: 'paused' })
      continue
    }
    const { working, note } = classifyDay(calendar, date)
    if (note) notes.push(note)
    if (working) counted++
  }
  return { date, notes }
}

/** Working days after `after` up to and including `through`; 0 when `through` is not later. */
export function workingDaysAfter(
  calendar: WorkCalendar,
  after: IsoDate,
  through: IsoDate,
  paused: ExtraRestDays = new Set(),
  withNotes = true,
): { count: number; notes: DayNote[] } {
  if (!withNotes && paused.size === 0) {
    const count = dayIndex(calendar).workingDaysBetween(after, through)
    if (count !== null) return { count, notes: [] }
  }
  const notes: DayNote[] = []
  let count = 0
  for (let date = addDays(after, 1); date <= through; date = addDays(date, 1)) {
    if (paused.has(date)) {
      notes.push({ date, reason: 'paused' })
      continue
    }
    const { working, note } = classifyDay(calendar, date)
    if (note) notes.push(note)
    if (working) count++
  }
  return { count, notes }
}

/** The years the day index covers: far beyond any order's dates; outside them the walk takes over. */
const INDEX_FIRST_YEAR = 2000
const INDEX_LAST_YEAR = 2100

interface DayIndex {
  nthWorkingDayAfter(start: IsoDate, count: number): IsoDate | null
  workingDaysBetween(after: IsoDate, through: IsoDate): number | null
}

const indexes = new WeakMap<WorkCalendar, DayIndex>()

/**
 * Every day of the covered years with a running count of working days, built once per calendar: a due
 * date or a count of late days is then a lookup, not a walk (a recompute of 100,000 orders needs it).
 */
function dayIndex(calendar: WorkCalendar): DayIndex {
  const cached = indexes.get(calendar)
  if (cached) return cached
  const first = Date.UTC(INDEX_FIRST_YEAR, 0, 1) / DAY_MS
  const days = Date.UTC(INDEX_LAST_YEAR + 1, 0, 1) / DAY_MS - first
  const dates: IsoDate[] = new Array(days)
  // worked[i]: working days among the index's first i days.
  const worked = new Int32Array(days + 1)
  for (let i = 0; i < days; i++) {
    dates[i] = new Date((first + i) * DAY_MS).toISOString().slice(0, 10)
    worked[i + 1] = worked[i]! + (isWorkingDay(calendar, dates[i]!) ? 1 : 0)
  }
  const position = (date: IsoDate) => {
    const at = Date.parse(`${date}T00:00:00Z`) / DAY_MS - first
    return at >= 0 && at < days ? at : null
  }
  const index: DayIndex = {
    nthWorkingDayAfter(start, count) {
      const from = position(start)
      if (from === null) return null
      const wanted = worked[from + 1]! + count
      if (wanted > worked[days]!) return null
      // The first day whose running count reaches `wanted` (binary search; the counts never fall).
      let [low, high] = [from, days - 1]
      while (low < high) {
        const middle = (low + high) >> 1
        if (worked[middle + 1]! >= wanted) high = middle
        else low = middle + 1
      }
      return dates[low]!
    },
    workingDaysBetween(after, through) {
      if (through <= after) return 0
      const [from, to] = [position(after), position(through)]
      if (from === null || to === null) return null
      return worked[to + 1]! - worked[from + 1]!
    },
  }
  indexes.set(calendar, index)
  return index
}

/** Every date from `from` to `to` inclusive. */
export function datesFrom(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = []
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date)
  return dates
}

/** The calendar date in China (UTC+8, no daylight saving) at an instant: what "today" means at the desk. */
export function chinaDate(at: Date): IsoDate {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}
