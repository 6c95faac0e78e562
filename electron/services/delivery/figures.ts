/**
 * The desk's figures: My day (what is due soon and late, for the operator's own customers or, for a
 * supervisor, per branch and account manager) and the share of deliveries and follow-ups done on time
 * against the 100 % standard.
 */
import { sql, type SelectQueryBuilder } from 'kysely'
import {
  MY_DAY_MEASURES,
  type MyDay,
  type MyDayCounts,
  type MyDayMeasure,
  type MyDayRow,
  type OnTimeFigure,
} from '../../api/contract'
import { onTimeShare } from '../../domain/deadlines'
import { periodOf } from '../../domain/periods'
import type { ServiceContext } from '../context'
import { expiringUntil } from '../sla/agreements'
import { ownedBy, OWNER_COLUMNS, type OwnerFilter } from '../sla/common'
import { ISSUE_OWNER_COLUMNS } from './followUps'
import { deskClock, type DeskClock } from './deadlines'

// Each measure's query joins the customer as `c`; Kysely cannot type the union of their shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type CustomerQuery = SelectQueryBuilder<any, any, any>

interface OwnerCount {
  branchId: string | null
  accountManagerId: string | null
  n: number
}

/**
 * The records behind each of My day's numbers: the lists its links open apply the same conditions
 * (a deleted customer's records included, as the lists show them).
 */
function measureQueries(
  ctx: ServiceContext,
  clock: DeskClock,
  expiring: string,
): Record<MyDayMeasure, CustomerQuery> {
  const deliveries = ctx.db
    .selectFrom('delivery as d')
    .innerJoin('customer as c', 'c.id', 'd.customerId')
    .where('d.deletedAt', 'is', null)
    .where('d.deliveredOn', 'is', null)
  const calls = ctx.db
    .selectFrom('followUp as u')
    .innerJoin('customer as c', 'c.id', 'u.customerId')
    .where('u.deletedAt', 'is', null)
  const openCalls = calls.where('u.doneOn', 'is', null)
  const orders = ctx.db
    .selectFrom('provisioningOrder as o')
    .innerJoin('customer as c', 'c.id', 'o.customerId')
    .where('o.deletedAt', 'is', null)
  return {
    // Deadlines of days, not weeks: every open one is work to do now, not only those nearly due.
    deliveriesDue: deliveries.where('d.dueOn', '>=', clock.today),
    deliveriesOverdue: deliveries.where('d.dueOn', '<', clock.today),
    followUpsDue: openCalls.where('u.dueOn', '>=', clock.today),
    followUpsOverdue: openCalls.where('u.dueOn', '<', clock.today),
    issuesOpen: calls.where('u.issues', 'is not', null).where('u.issueClosedOn', 'is', null),
    ordersDueSoon: orders.where('o.status', '=', 'due_soon'),
    ordersLate: orders.where('o.status', '=', 'late'),
    agreementsExpiring: ctx.db
      .selectFrom('slaAgreement as a')
      .innerJoin('customer as c', 'c.id', 'a.customerId')
      .where('a.deletedAt', 'is', null)
      .where('a.status', '=', 'active')
      .where('a.validTo', '<=', expiring),
  }
}

function countByOwner(
  query: CustomerQuery,
  owner: OwnerFilter,
  columns: Record<keyof OwnerFilter, string>,
): Promise<OwnerCount[]> {
  const [branch, manager] = [sql.ref(columns.branchId), sql.ref(columns.accountManagerId)]
  return ownedBy(query, owner, columns)
    .select([
      sql<string | null>`${branch}`.as('branchId'),
      sql<string | null>`${manager}`.as('accountManagerId'),
      sql<number>`count(*)`.as('n'),
    ])
    .groupBy([branch, manager])
    .execute() as Promise<OwnerCount[]>
}

function zeroCounts(): MyDayCounts {
  return Object.fromEntries(MY_DAY_MEASURES.map((measure) => [measure, 0])) as MyDayCounts
}

/** Rows of counts per key (a branch or an account manager), busiest first. */
function rollUp(counts: Map<MyDayMeasure, OwnerCount[]>, key: 'branchId' | 'accountManagerId'): MyDayRow[] {
  const rows = new Map<string | null, MyDayCounts>()
  for (const [measure, groups] of counts) {
    for (const group of groups) {
      const row = rows.get(group[key]) ?? zeroCounts()
      row[measure] += Number(group.n)
      rows.set(group[key], row)
    }
  }
  const total = (row: MyDayCounts) => Object.values(row).reduce((sum, n) => sum + n, 0)
  return [...rows].map(([id, row]) => ({ id, counts: row })).sort((a, b) => total(b.counts) - total(a.counts))
}

export async function myDay(ctx: ServiceContext, owner: OwnerFilter): Promise<MyDay> {
  const clock = await deskClock(ctx)
  const queries = measureQueries(ctx, clock, await expiringUntil(ctx))
  const counts = new Map<MyDayMeasure, OwnerCount[]>()
  for (const measure of MY_DAY_MEASURES) {
    const columns = measure === 'issuesOpen' ? ISSUE_OWNER_COLUMNS : OWNER_COLUMNS
    counts.set(measure, await countByOwner(queries[measure], owner, columns))
  }
  const totals = zeroCounts()
  for (const [measure, groups] of counts)
    totals[measure] = groups.reduce((sum, group) => sum + Number(group.n), 0)
  const overseer = ctx.actor.role !== 'staff'
  return {
    today: clock.today,
    counts: totals,
    byBranch: overseer ? rollUp(counts, 'branchId') : null,
    byManager: overseer ? rollUp(counts, 'accountManagerId') : null,
  }
}

interface OnTimeWindow extends OwnerFilter {
  from: string | null
  to: string | null
  customerId?: string | undefined
}

/**
 * Deliveries or follow-ups done on time, of those due in the window (default: this month)
 * that are done or past their deadline: one still open and not yet due cannot have failed the standard.
 */
export async function onTimeFigure(
  ctx: ServiceContext,
  table: 'delivery' | 'followUp',
  window: OnTimeWindow,
): Promise<OnTimeFigure> {
  const { today } = await deskClock(ctx)
  const month = periodOf('month', today)
  const [from, to] = [window.from ?? month.start, window.to ?? month.end]
  const done = table === 'delivery' ? sql.ref('r.delivered_on') : sql.ref('r.done_on')
  // Both tables have the columns read here; typed as one so that Kysely accepts either.
  let query = ctx.db
    .selectFrom(`${table} as r` as 'delivery as r')
    .innerJoin('customer as c', 'c.id', 'r.customerId')
    .where('r.deletedAt', 'is', null)
    .where('r.dueOn', '>=', from)
    .where('r.dueOn', '<=', to)
    .where((eb) => eb.or([eb(done, 'is not', null), eb('r.dueOn', '<', today)]))
  if (window.customerId) query = query.where('r.customerId', '=', window.customerId)
  const row = await ownedBy(query, window)
    .select([
      sql<number>`count(*)`.as('counted'),
      sql<number>`coalesce(sum(case when ${done} <= r.due_on then 1 else 0 end), 0)`.as('onTime'),
    ])
    .executeTakeFirstOrThrow()
  return { from, to, ...onTimeShare(Number(row.counted), Number(row.onTime)) }
}
