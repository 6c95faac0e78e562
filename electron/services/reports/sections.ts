/**
 * The report's sections counted in SQL: each is a query of its records (the customer joined as `c`, a
 * deleted customer's records left out) and, per measure, the condition that counts a record in it. The
 * counts group the same query the records list filters, so a number and the records it opens agree.
 */
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely'
import { CHURN_SOURCES, type ReportSection } from '../../domain/report'
import { PROVISIONING_CLASSES } from '../../domain/sla'
import { periodsBetween } from '../../domain/periods'
import type { ServiceContext } from '../context'

// Each section's query joins different tables; Kysely cannot type the union of their shapes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RecordQuery = SelectQueryBuilder<any, any, any>

export interface ReportWindow {
  from: string
  to: string
  /** The desk's date: a deadline not yet passed cannot have been missed. */
  today: string
}

export interface SqlMeasure {
  key: string
  /** The aggregate over a group's records. */
  aggregate: RawBuilder<number>
  /** Which records stand behind the number. */
  when: RawBuilder<boolean>
  /** The number counts customers, not records: it opens one row per customer, with its records counted. */
  perCustomer?: boolean
}

/** The columns a record shows in the list a number opens (see ReportRecord). */
export interface RecordColumns {
  id: RawBuilder<string>
  reference: RawBuilder<string>
  date: RawBuilder<string | null>
  status: RawBuilder<string | null>
  figure: RawBuilder<number | null>
}

export interface SqlSection {
  section: ReportSection
  records: RecordQuery
  measures: SqlMeasure[]
  columns: RecordColumns
  /** The customer's page tab that shows these records. */
  tab: string
}

const always = sql<boolean>`1 = 1`

function countWhen(key: string, when: RawBuilder<boolean>): SqlMeasure {
  return { key, aggregate: sql<number>`coalesce(sum(case when ${when} then 1 else 0 end), 0)`, when }
}

function sumWhen(key: string, when: RawBuilder<boolean>, value: RawBuilder<number>): SqlMeasure {
  return { key, aggregate: sql<number>`coalesce(sum(case when ${when} then ${value} else 0 end), 0)`, when }
}

function columns(
  id: string,
  reference: string,
  date: string,
  status: RawBuilder<string | null> | string,
  figure?: string,
): RecordColumns {
  return {
    id: sql<string>`${sql.ref(id)}`,
    reference: sql<string>`${sql.ref(reference)}`,
    date: sql<string | null>`${sql.ref(date)}`,
    status: typeof status === 'string' ? sql<string | null>`${sql.ref(status)}` : status,
    figure: figure ? sql<number | null>`${sql.ref(figure)}` : sql<number | null>`null`,
  }
}

function liveRecords(ctx: ServiceContext, table: string, alias: string) {
  return ctx.db
    .selectFrom(`${table} as ${alias}` as 'customer as c')
    .innerJoin('customer as c', 'c.id', sql.ref(`${alias}.customer_id`) as never)
    .where(sql.ref(`${alias}.deleted_at`), 'is', null)
    .where('c.deletedAt', 'is', null) as RecordQuery
}

/** A table's live records whose date `column` (alias.column) falls in the window. */
function recordsIn(ctx: ServiceContext, table: string, column: string, window: ReportWindow) {
  const alias = column.split('.')[0]!
  return liveRecords(ctx, table, alias).where(column, '>=', window.from).where(column, '<=', window.to)
}

/** Customers as they are now (the file keeps no history of tier and status), by tier and by status. */
export async function customersSection(ctx: ServiceContext): Promise<SqlSection> {
  const records = ctx.db.selectFrom('customer as c').where('c.deletedAt', 'is', null) as RecordQuery
  // The tiers customers hold, in their scheme's order (a customer may keep a tier of another scheme).
  const tiers = await ctx.db
    .selectFrom('tier as t')
    .select(['t.id', 't.scheme', 't.rank'])
    .where((eb) => eb.exists(records.select('c.id').whereRef('c.tierId', '=', 't.id')))
    .orderBy('t.scheme')
    .orderBy('t.rank')
    .execute()
  return {
    section: 'customers',
    records,
    measures: [
      ...tiers.map((tier) => countWhen(`tier.${tier.id}`, sql<boolean>`c.tier_id = ${tier.id}`)),
      countWhen('tier.none', sql<boolean>`c.tier_id is null`),
      ...(['active', 'at_risk', 'lost'] as const).map((status) =>
        countWhen(status, sql<boolean>`c.status = ${status}`),
      ),
      countWhen('total', always),
    ],
    columns: { ...columns('c.id', 'c.code', 'c.id', 'c.status'), date: sql<string | null>`null` },
    tab: 'profile',
  }
}

/** Orders opened (completed) in the window, per provisioning class, and whether within their limit. */
export function ordersSection(ctx: ServiceContext, window: ReportWindow): SqlSection {
  const met = sql<boolean>`o.status = 'met'`
  return {
    section: 'orders',
    records: recordsIn(ctx, 'provisioning_order', 'o.completed_on', window),
    measures: [
      ...PROVISIONING_CLASSES.flatMap((cls) => {
        const inClass = sql<boolean>`o.provisioning_class = ${cls}`
        return [
          countWhen(`opened.${cls}`, inClass),
          countWhen(`onTime.${cls}`, sql<boolean>`${inClass} and ${met}`),
        ]
      }),
      countWhen('opened', always),
      countWhen('onTime', met),
      countWhen('late', sql<boolean>`o.status = 'missed'`),
    ],
    columns: columns('o.id', 'o.number', 'o.completed_on', 'o.status'),
    tab: 'orders',
  }
}

/** The months (`YYYY-MM`) that end inside the window: an availability slip counts in its month's. */
function monthsEndingIn(window: ReportWindow): string[] {
  return periodsBetween('month', window.from, window.to)
    .filter((month) => month.end <= window.to)
    .map((month) => month.key)
}

/**
 * Compensation slips not voided, of openings completed in the window and of months ending in it,
 * with their amounts; confirmed counts the paid ones too (a slip is paid after it is confirmed).
 */
export function slipsSection(ctx: ServiceContext, window: ReportWindow): SqlSection {
  const months = monthsEndingIn(window)
  const inMonths = months.length ? sql<boolean>`s.period in (${sql.join(months)})` : sql<boolean>`0 = 1`
  const amount = sql<number>`s.amount_fen`
  const provisioning = sql<boolean>`s.kind = 'provisioning'`
  const availability = sql<boolean>`s.kind = 'availability'`
  const confirmed = sql<boolean>`s.status in ('confirmed', 'paid')`
  const paid = sql<boolean>`s.status = 'paid'`
  return {
    section: 'slips',
    records: liveRecords(ctx, 'compensation_slip', 's')
      .leftJoin('provisioningOrder as o', 'o.id', 's.orderId')
      .where('s.status', '<>', 'void')
      // Bracketed: Kysely does not wrap a raw condition, and a bare `or` would undo the conditions before it.
      .where(
        sql<boolean>`((${provisioning} and o.completed_on between ${window.from} and ${window.to})
          or (${availability} and ${inMonths}))`,
      ),
    measures: [
      countWhen('provisioning', provisioning),
      sumWhen('provisioningFen', provisioning, amount),
      countWhen('availability', availability),
      sumWhen('availabilityFen', availability, amount),
      countWhen('slips', always),
      sumWhen('amountFen', always, amount),
      countWhen('confirmed', confirmed),
      sumWhen('confirmedFen', confirmed, amount),
      countWhen('paid', paid),
      sumWhen('paidFen', paid, amount),
    ],
    columns: {
      ...columns('s.id', 's.number', 's.period', 's.status', 's.amount_fen'),
      date: sql<string | null>`coalesce(o.completed_on, s.period)`,
    },
    tab: 'slips',
  }
}

/**
 * Deliveries or follow-ups due in the window that are done or past their deadline (one open and not
 * yet due cannot have failed the standard), and whether done within it: as the on-time cards count.
 */
function onTimeSection(
  ctx: ServiceContext,
  window: ReportWindow,
  table: 'delivery' | 'follow_up',
): SqlSection {
  const done = sql.ref(table === 'delivery' ? 'r.delivered_on' : 'r.done_on')
  const onTime = sql<boolean>`${done} <= r.due_on`
  const measures = [
    countWhen('counted', always),
    countWhen('onTime', onTime),
    countWhen('late', sql<boolean>`not coalesce(${done} <= r.due_on, 0)`),
  ]
  if (table === 'follow_up') {
    const rated = sql<boolean>`r.satisfaction is not null`
    measures.push(countWhen('rated', rated), sumWhen('satisfactionSum', rated, sql<number>`r.satisfaction`))
  }
  return {
    section: table === 'delivery' ? 'deliveries' : 'followUps',
    records: recordsIn(ctx, table, 'r.due_on', window).where(
      sql<boolean>`(${done} is not null or r.due_on < ${window.today})`,
    ),
    measures,
    columns: {
      ...columns(
        'r.id',
        'r.number',
        'r.due_on',
        'r.id',
        table === 'follow_up' ? 'r.satisfaction' : undefined,
      ),
      status: sql<string>`case when ${done} is null then 'overdue' when ${onTime} then 'on_time' else 'late' end`,
    },
    tab: table === 'delivery' ? 'deliveries' : 'followups',
  }
}

export const deliveriesSection = (ctx: ServiceContext, window: ReportWindow) =>
  onTimeSection(ctx, window, 'delivery')
export const followUpsSection = (ctx: ServiceContext, window: ReportWindow) =>
  onTimeSection(ctx, window, 'follow_up')

/** Churn warnings raised in the window, by source, and whether handled by its last day. */
export function churnSection(ctx: ServiceContext, window: ReportWindow): SqlSection {
  const handled = sql<boolean>`w.handled_on is not null and w.handled_on <= ${window.to}`
  return {
    section: 'churn',
    records: recordsIn(ctx, 'churn_warning', 'w.raised_on', window),
    measures: [
      ...CHURN_SOURCES.map((source) => countWhen(`raised.${source}`, sql<boolean>`w.source = ${source}`)),
      countWhen('raised', always),
      countWhen('handled', handled),
      countWhen('open', sql<boolean>`not (${handled})`),
    ],
    columns: {
      ...columns('w.id', 'w.source', 'w.raised_on', 'w.source'),
      reference: sql<string>`coalesce(w.month, '')`,
    },
    tab: 'value',
  }
}

/** Complaints handled (service activities of the complaint kind) in the window, and how many customers. */
export function complaintsSection(ctx: ServiceContext, window: ReportWindow): SqlSection {
  return {
    section: 'complaints',
    records: recordsIn(ctx, 'activity', 'a.occurred_on', window).where('a.kind', '=', 'complaint'),
    measures: [
      countWhen('complaints', always),
      {
        key: 'customers',
        aggregate: sql<number>`count(distinct a.customer_id)`,
        when: always,
        perCustomer: true,
      },
    ],
    columns: {
      ...columns('a.id', 'a.kind', 'a.occurred_on', 'a.kind'),
      reference: sql<string>`coalesce(a.notes, '')`,
    },
    tab: 'activities',
  }
}
