/**
 * Provisioning time limits, charged fees and compensation (domain.md §4, "How the rules count").
 * Money is integer fen; factors and rates are basis points (1 % = 100 bp), so that a contract's 2.5 %
 * is exact. Products of integers that may pass 2^53 are done in BigInt and rounded half up once.
 */
import {
  addWorkingDays,
  datesFrom,
  isWorkingDay,
  missingYears,
  workingDaysAfter,
  type DayNote,
  type IsoDate,
  type WorkCalendar,
} from './calendar'

export const PROVISIONING_CLASSES = ['urgent', 'expedited', 'normal'] as const
export type ProvisioningClass = (typeof PROVISIONING_CLASSES)[number]

export const ORDER_STATUSES = ['on_track', 'due_soon', 'late', 'met', 'missed'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const BASIS_POINTS = 10_000

/** What one class × product row of the rule table (or a signed agreement) fixes. */
export interface ProvisioningTerms {
  limitDays: number
  priceFactorBp: number
  /** Compensation per late working day, in basis points of the charged fee. */
  rateBp: number
  /** The most compensation can reach, in basis points of the charged fee. */
  capBp: number
}

/** An agreement's own terms for a class: any term it sets wins over the rule table's. */
export type TermsOverride = Partial<ProvisioningTerms>

export function resolveTerms(
  defaults: ProvisioningTerms,
  override?: TermsOverride | null,
): ProvisioningTerms {
  if (!override) return defaults
  return {
    limitDays: override.limitDays ?? defaults.limitDays,
    priceFactorBp: override.priceFactorBp ?? defaults.priceFactorBp,
    rateBp: override.rateBp ?? defaults.rateBp,
    capBp: override.capBp ?? defaults.capBp,
  }
}

/** a × b / c, rounded half up, exact for any fen amount. */
export function mulDiv(a: number, b: number, c: number): number {
  const product = BigInt(a) * BigInt(b)
  const divisor = BigInt(c)
  return Number((product * 2n + divisor) / (divisor * 2n))
}

/** A pause caused by the customer; `endOn` null while it lasts. */
export interface Pause {
  startOn: IsoDate
  endOn: IsoDate | null
}

export interface OrderFacts {
  acceptedOn: IsoDate
  completedOn: IsoDate | null
  standardFeeFen: number | null
  terms: ProvisioningTerms
  pauses: readonly Pause[]
}

export interface OrderOutcome {
  dueOn: IsoDate
  status: OrderStatus
  /** Working days the pauses took out of the time limit. */
  pausedWorkingDays: number
  /** For a completed order, the late working days charged; for an open one, the days late so far. */
  lateWorkingDays: number
  chargedFeeFen: number | null
  capFen: number | null
  compensationFen: number
  capped: boolean
  /** The days skipped (or counted though a weekend) between acceptance and the due date, and why. */
  dueNotes: DayNote[]
  /** The same for the days after the due date that were or were not counted late. */
  lateNotes: DayNote[]
  /** Years touched whose official calendar is not loaded: the dates there are a weekend-only guess. */
  calendarWarnings: number[]
}

/** The dates the pauses cover; a pause still running covers days up to `today`. */
export function pausedDates(pauses: readonly Pause[], today: IsoDate): Set<IsoDate> {
  const dates = new Set<IsoDate>()
  for (const pause of pauses)
    for (const date of datesFrom(pause.startOn, pause.endOn ?? today)) dates.add(date)
  return dates
}

export function chargedFee(standardFeeFen: number | null, terms: ProvisioningTerms): number | null {
  return standardFeeFen === null ? null : mulDiv(standardFeeFen, terms.priceFactorBp, BASIS_POINTS)
}

/** Compensation for `lateDays` at the terms' rate, capped; 0 when there is no fee to count from. */
export function compensation(
  chargedFeeFen: number | null,
  terms: ProvisioningTerms,
  lateDays: number,
): { compensationFen: number; capFen: number | null; capped: boolean } {
  if (chargedFeeFen === null) return { compensationFen: 0, capFen: null, capped: false }
  const capFen = mulDiv(chargedFeeFen, terms.capBp, BASIS_POINTS)
  const uncapped = mulDiv(chargedFeeFen, terms.rateBp * lateDays, BASIS_POINTS)
  return { compensationFen: Math.min(uncapped, capFen), capFen, capped: uncapped > capFen }
}

/**
 * An order's due date, status, late days, charged fee and compensation, as of `today`.
 * `dueSoonDays`: an open order this many working days or fewer from its due date is "due soon".
 */
export function evaluateOrder(
  calendar: WorkCalendar,
  order: OrderFacts,
  today: IsoDate,
  dueSoonDays: number,
  withNotes = true,
): OrderOutcome {
  const paused = pausedDates(order.pauses, order.completedOn ?? today)
  const due = addWorkingDays(calendar, order.acceptedOn, order.terms.limitDays, paused, withNotes)
  const pausedWorkingDays =
    paused.size === 0
      ? 0
      : [...paused].filter(
          (date) => date > order.acceptedOn && date <= due.date && isWorkingDay(calendar, date),
        ).length
  const end = order.completedOn ?? today
  const late = workingDaysAfter(calendar, due.date, end, paused, withNotes)
  // Completing on any day after the due date is late by at least one day, a rest day included.
  const lateWorkingDays = end > due.date ? Math.max(late.count, 1) : 0
  const chargedFeeFen = chargedFee(order.standardFeeFen, order.terms)
  // An open order owes nothing yet, however late: compensation is fixed when it completes.
  const money = compensation(chargedFeeFen, order.terms, order.completedOn ? lateWorkingDays : 0)
  return {
    dueOn: due.date,
    status: orderStatus(calendar, order.completedOn, due.date, today, dueSoonDays, paused),
    pausedWorkingDays,
    lateWorkingDays,
    chargedFeeFen,
    ...money,
    dueNotes: due.notes,
    lateNotes: late.notes,
    calendarWarnings: missingYears(calendar, order.acceptedOn, end > due.date ? end : due.date),
  }
}

function orderStatus(
  calendar: WorkCalendar,
  completedOn: IsoDate | null,
  dueOn: IsoDate,
  today: IsoDate,
  dueSoonDays: number,
  paused: Set<IsoDate>,
): OrderStatus {
  if (completedOn) return completedOn <= dueOn ? 'met' : 'missed'
  if (today > dueOn) return 'late'
  return workingDaysAfter(calendar, today, dueOn, paused, false).count <= dueSoonDays
    ? 'due_soon'
    : 'on_track'
}
