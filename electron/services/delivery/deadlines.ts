/**
 * What deliveries and follow-ups share: the deadline rules (rule data, taken when a record is created
 * and kept on it), the desk's clock (today and the first day that counts as "due soon"), the status of a
 * record against its deadline as SQL, and the recompute when the calendar changes.
 */
import { sql, type RawBuilder } from 'kysely'
import type { DeadlineStatus } from '../../api/contract'
import { AppError } from '../../api/errors'
import { deadlineAfter, dueSoonUntil, type DeadlineCode, type DeadlineRule } from '../../domain/deadlines'
import type { ServiceContext } from '../context'
import { insertRecord, softDelete, updateRecord } from '../records'
import { loadCalendar } from '../sla/calendar'
import { dueSoonDays, today } from '../sla/common'

export async function deadlineRule(ctx: ServiceContext, code: DeadlineCode): Promise<DeadlineRule> {
  return ctx.db
    .selectFrom('deadlineRule')
    .select(['days', 'dayCount'])
    .where('code', '=', code)
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow()
}

/** A new record's deadline: the rule in force now, kept on the record with the date it gives. */
export async function newDeadline(ctx: ServiceContext, code: DeadlineCode, start: string) {
  const rule = await deadlineRule(ctx, code)
  const { dueOn } = deadlineAfter(await loadCalendar(ctx), start, rule)
  return { dueDays: rule.days, dayCount: rule.dayCount, dueOn }
}

export interface DeskClock {
  today: string
  /** An open record due on or before this day is due soon: the same working-day window as orders. */
  soonUntil: string
}

export async function deskClock(ctx: ServiceContext): Promise<DeskClock> {
  const date = today(ctx)
  return { today: date, soonUntil: dueSoonUntil(await loadCalendar(ctx), date, await dueSoonDays(ctx)) }
}

/** A record's status against its deadline, in SQL (the same rule as `deadlineStatus`), for lists and filters. */
export function statusSql(due: string, done: string, clock: DeskClock): RawBuilder<DeadlineStatus> {
  const [dueOn, doneOn] = [sql.ref(due), sql.ref(done)]
  return sql<DeadlineStatus>`case
    when ${doneOn} is not null then case when ${doneOn} <= ${dueOn} then 'on_time' else 'late' end
    when ${dueOn} < ${clock.today} then 'overdue'
    when ${dueOn} <= ${clock.soonUntil} then 'due_soon'
    else 'upcoming' end`
}

/**
 * Deadlines counted in working days follow the calendar: a calendar edit or import moves them, in the
 * same transaction. The due date is derived, so no version moves (an open edit window stays valid).
 */
export async function recomputeWorkingDayDeadlines(ctx: ServiceContext): Promise<void> {
  const calendar = await loadCalendar(ctx)
  const tables = [
    { table: 'delivery', start: 'openedOn' },
    { table: 'followUp', start: 'triggerOn' },
  ] as const
  for (const { table, start } of tables) {
    const rows = await ctx.db
      .selectFrom(table)
      .select(['id', 'dueDays', 'dayCount', 'dueOn', `${start} as start`])
      .where('dayCount', '=', 'working')
      .where('deletedAt', 'is', null)
      .execute()
    for (const row of rows) {
      const { dueOn } = deadlineAfter(calendar, row.start, { days: row.dueDays, dayCount: row.dayCount })
      if (dueOn !== row.dueOn)
        await ctx.db.updateTable(table).set({ dueOn }).where('id', '=', row.id).execute()
    }
  }
}

/** An event as it now stands: the day it happened and whose circuit it was; null when undone. */
export interface RecordedEvent {
  start: string
  customerId: string
  circuitId: string
}

export type EventRecord = Record<string, unknown> & {
  id: string
  version: number
  number: string
  customerId: string
  circuitId: string
  deletedAt: string | null
  dueDays: number
  dayCount: DeadlineRule['dayCount']
}

interface EventRecordSpec {
  table: 'delivery' | 'followUp'
  /** The event's link on the record: the order for an opening, the fault for a repair. */
  link: { column: 'orderId' | 'faultId'; id: string }
  startColumn: 'openedOn' | 'triggerOn'
  doneColumn: 'deliveredOn' | 'doneOn'
  /** Null when the event is undone (completion cleared, order or fault deleted, no longer a repair). */
  event: RecordedEvent | null
  /** The columns of a record made for the event: deadline and pack by the rules in force now. */
  create: (event: RecordedEvent) => Promise<Record<string, unknown>>
  /** What else follows the event's new date on a record not yet done (a delivery's billing pre-fill). */
  follow?: (existing: EventRecord, event: RecordedEvent) => Record<string, unknown>
}

function recordedAfterEvent(record: EventRecord, done: string): AppError {
  return new AppError(
    'recorded_after_event',
    `${record.number} was recorded on ${done}: its opening or repair can no longer be undone, moved after that day or moved to another circuit.`,
    { params: { number: record.number, date: done } },
  )
}

/**
 * Keeps the record an event creates (a delivery, a follow-up) in step with the event: created when it
 * happens; its deadline moved, by the rule it was created under, when the event's date is corrected;
 * removed when the event is undone. An event moved to another customer's or circuit's record, or redone
 * after an undo, makes the record afresh (keeping its number): it is a new record for the rules. Once
 * the record is done (delivered, called), the event can no longer be undone, moved past it or moved to
 * another circuit: that is refused, naming the record.
 */
export async function followEvent(ctx: ServiceContext, spec: EventRecordSpec): Promise<void> {
  const { table, link, doneColumn, event } = spec
  const existing = (await ctx.db
    .selectFrom(table)
    .selectAll()
    .where(link.column, '=', link.id)
    .executeTakeFirst()) as EventRecord | undefined
  if (!existing) {
    if (event) await insertRecord(ctx, table, await spec.create(event))
    return
  }
  const live = !existing.deletedAt
  const moved = event && (existing.customerId !== event.customerId || existing.circuitId !== event.circuitId)
  const done = live ? (existing[doneColumn] as string | null) : null
  if (done && (!event || event.start > done || moved)) throw recordedAfterEvent(existing, done)
  if (!event) {
    if (live) await softDelete(ctx, table, existing.id, existing.version)
    return
  }
  const patch = !live || moved ? await afresh(spec, event) : await sameRecord(ctx, spec, existing, event)
  await updateRecord(ctx, table, existing.id, existing.version, patch, live ? 'update' : 'restore')
}

async function afresh(spec: EventRecordSpec, event: RecordedEvent): Promise<Record<string, unknown>> {
  const { number: _kept, ...columns } = await spec.create(event)
  return { ...columns, deletedAt: null }
}

async function sameRecord(
  ctx: ServiceContext,
  spec: EventRecordSpec,
  existing: EventRecord,
  event: RecordedEvent,
): Promise<Record<string, unknown>> {
  const rule = { days: existing.dueDays, dayCount: existing.dayCount }
  const { dueOn } = deadlineAfter(await loadCalendar(ctx), event.start, rule)
  return { [spec.startColumn]: event.start, dueOn, ...spec.follow?.(existing, event) }
}
