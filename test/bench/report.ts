/**
 * The report figure: the supervisors' quarterly report for 2026 Q3 through the service, against the
 * independent SQL of test/fixtures/report-sql.ts on the same file. The data: 100,000 customers with
 * 1,000,000 activities (the compliance figure's file), plus circuits, agreements with grades, orders,
 * slips, faults, deliveries, follow-ups, churn warnings, complaints and plan overrides in proportion
 * to the demo's, written with raw prepared inserts in one transaction.
 */
import { copyFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import SqliteDatabase from 'better-sqlite3'
import type { Report } from '../../electron/api/contract'
import type { AppHost } from '../../electron/host'
import type { ServiceContext } from '../../electron/services/context'
import { quarterlyReport } from '../../electron/services/reports/report'
import { reportSql, type SqlReport } from '../fixtures/report-sql'
import type { Figure } from './figure'

const Q3 = { from: '2026-07-01', to: '2026-09-30' }
const TODAY = '2026-11-23'
const CIRCUITS = 60_000
/** Circuit `i` belongs to customer `i % OWNERS`: the A and B customers hold the circuits. */
const OWNERS = 30_000
const AGREEMENTS = 20_000
const ORDERS = 80_000
const AVAILABILITY_SLIPS = 15_000
const FAULTS = 100_000
const WARNINGS = 8_000
const COMPLAINTS = 13_000
const OVERRIDES = 1_000
const DAY_MS = 86_400_000

const day = (from: string, days: number) =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

function inserts(raw: SqliteDatabase.Database) {
  const insert = (table: string, columns: string) =>
    raw.prepare(
      `insert into ${table} (id, version, created_at, updated_at, ${columns})
       values (?, 1, '2026-11-23', '2026-11-23', ${columns.replace(/[a-z_]+/g, '?')})`,
    )
  return {
    circuit: insert('circuit', 'customer_id, number, product_id, status'),
    agreement: insert('sla_agreement', 'customer_id, number, valid_from, valid_to, status, grade_id'),
    covers: raw.prepare('insert into agreement_circuit (agreement_id, circuit_id) values (?, ?)'),
    order: insert(
      'provisioning_order',
      'number, customer_id, circuit_id, provisioning_class, product_id, accepted_on, completed_on, limit_days, price_factor_bp, rate_bp, cap_bp, due_on, status',
    ),
    slip: insert(
      'compensation_slip',
      'number, kind, customer_id, circuit_id, order_id, period, amount_fen, working_json, status, confirmed_at, paid_at',
    ),
    fault: insert('fault', 'number, customer_id, circuit_id, reported_at, restored_at, cause, reported_on'),
    delivery: insert(
      'delivery',
      'number, customer_id, order_id, circuit_id, opened_on, site_kind, business_kind, due_days, day_count, due_on, delivered_on, pack_json',
    ),
    followUp: insert(
      'follow_up',
      'number, customer_id, circuit_id, source, order_id, fault_id, trigger_on, due_days, day_count, due_on, done_on, satisfaction',
    ),
    warning: insert('churn_warning', 'customer_id, source, raised_on, handled_on'),
    activity: insert('activity', 'customer_id, item_id, kind, occurred_on'),
    plan: insert('service_plan', 'customer_id, year, tier_id'),
    planItem: insert('plan_item', 'plan_id, item_id, provided, frequency, period, overridden'),
  }
}

type Inserts = ReturnType<typeof inserts>

interface Lookups {
  customers: string[]
  tiers: string[]
  product: string
  grades: string[]
  items: Map<string, string>
}

function lookups(raw: SqliteDatabase.Database): Lookups {
  const column = (sql: string) => raw.prepare(sql).pluck().all() as string[]
  const items = raw.prepare('select code, id from service_item').raw().all() as [string, string][]
  return {
    customers: column('select id from customer order by code'),
    tiers: column('select tier_id from customer order by code'),
    product: column("select id from product where code = 'digital'")[0]!,
    grades: column('select id from quality_grade order by sort_order'),
    items: new Map(items),
  }
}

/** Two circuits for each owner; an agreement for each of the first 20,000, a second one for 2,000. */
function writeCircuits(write: Inserts, data: Lookups): void {
  for (let i = 0; i < CIRCUITS; i++) {
    const status = i % 50 === 0 ? 'ceased' : 'active'
    write.circuit.run(`ci-${i}`, data.customers[i % OWNERS], `BR-${i}`, data.product, status)
  }
  for (let j = 0; j < AGREEMENTS + 2_000; j++) {
    const owner = j % AGREEMENTS
    const expired = j % 10 === 0
    const [to, status] = expired ? ['2026-08-31', 'expired'] : ['2027-12-31', 'active']
    write.agreement.run(
      `ag-${j}`,
      data.customers[owner],
      `BA-${j}`,
      '2025-01-01',
      to,
      status,
      data.grades[j % 3],
    )
    write.covers.run(`ag-${j}`, `ci-${owner}`)
    if (j < AGREEMENTS) write.covers.run(`ag-${j}`, `ci-${owner + OWNERS}`)
  }
}

const CLASSES = [
  ['urgent', 5, 15_000, 500],
  ['expedited', 10, 13_000, 500],
  ['normal', 20, 10_000, 200],
] as const
const SLIP_STATUSES = ['draft', 'confirmed', 'paid', 'void'] as const

/** Done a day early, two days late, or (one in five) not yet; nothing is done after today. */
function doneBy(deadline: string, k: number): string | null {
  const done = k % 5 === 0 ? null : day(deadline, k % 5 === 1 ? 2 : -1)
  return done && done <= TODAY ? done : null
}

function writeSlip(
  write: Inserts,
  k: number,
  kind: string,
  owner: string[],
  order: string | null,
  period: string | null,
  on: string,
) {
  // Only provisioning slips are voided here: see the report's notes in the bench's output.
  const status = SLIP_STATUSES[k % (kind === 'provisioning' ? 4 : 3)]!
  const confirmed = status === 'confirmed' || status === 'paid' ? `${on}T02:00:00.000Z` : null
  const paid = status === 'paid' ? `${on}T03:00:00.000Z` : null
  write.slip.run(
    `s-${kind}-${k}`,
    `BS-${kind}-${k}`,
    kind,
    ...owner,
    order,
    period,
    1_000 * ((k % 90) + 1),
    '{}',
    status,
    confirmed,
    paid,
  )
}

/** Orders over the last 18 months, nine in ten completed, with their delivery, follow-up and slip. */
function writeOrders(write: Inserts, data: Lookups): void {
  for (let k = 0; k < ORDERS; k++) {
    const owner = [data.customers[(k % CIRCUITS) % OWNERS]!, `ci-${k % CIRCUITS}`]
    const [cls, limit, factor, rate] = CLASSES[k % 3]!
    const accepted = day('2025-06-01', (k * 7919) % 530)
    const due = day(accepted, Math.ceil(limit * 1.4))
    const finished = k % 10 === 0 ? null : day(accepted, ((k * 31) % (limit * 2)) + 1)
    const completed = finished && finished < TODAY ? finished : null
    const status = !completed ? 'on_track' : completed <= due ? 'met' : 'missed'
    const order = `o-${k}`
    write.order.run(
      order,
      `BO-${k}`,
      ...owner,
      cls,
      data.product,
      accepted,
      completed,
      limit,
      factor,
      rate,
      10_000,
      due,
      status,
    )
    if (!completed) continue
    const delivery = day(completed, 4)
    write.delivery.run(
      `d-${k}`,
      `BD-${k}`,
      owner[0],
      order,
      owner[1],
      completed,
      'hq',
      'first',
      3,
      'working',
      delivery,
      doneBy(delivery, k),
      '[]',
    )
    const call = day(completed, 7)
    const done = doneBy(call, k + 1)
    const score = done && k % 7 !== 0 ? (k % 5) + 1 : null
    write.followUp.run(
      `fo-${k}`,
      `BFO-${k}`,
      ...owner,
      'opening',
      order,
      null,
      completed,
      7,
      'calendar',
      call,
      done,
      score,
    )
    if (status === 'missed') writeSlip(write, k, 'provisioning', owner, order, null, completed)
  }
}

/**
 * Faults over the last year, most of them ours, a few still open, every twentieth overlapping the one
 * before on its circuit; each repaired one (but planned works) with its follow-up. Availability slips
 * for months of the last year.
 */
function writeFaults(write: Inserts, data: Lookups): void {
  let reported = 0
  for (let f = 0; f < FAULTS; f++) {
    const circuit = f % 20 === 1 ? ((f - 1) * 13) % CIRCUITS : (f * 13) % CIRCUITS
    const owner = [data.customers[circuit % OWNERS]!, `ci-${circuit}`]
    reported =
      f % 20 === 1
        ? reported + 30 * 60_000
        : Date.parse('2025-11-25T00:00:00Z') + ((f * 104_729) % 363) * DAY_MS + ((f * 37) % 1440) * 60_000
    const minutes = ((f * 97) % 2880) + 5
    const restoredAt =
      f % 500 === 0
        ? null
        : new Date(Math.min(reported + minutes * 60_000, Date.parse('2026-11-22T23:00:00Z')))
    const cause = [
      'operator',
      'operator',
      'operator',
      'operator',
      'operator',
      'operator',
      'operator',
      'operator',
      'customer',
      'planned',
    ][f % 10]!
    const reportedAt = new Date(reported)
    const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
    write.fault.run(
      `f-${f}`,
      `BF-${f}`,
      ...owner,
      reportedAt.toISOString(),
      restoredAt?.toISOString() ?? null,
      cause,
      chinaDay(reportedAt),
    )
    if (!restoredAt || cause === 'planned') continue
    const call = day(chinaDay(restoredAt), 3)
    const done = doneBy(call, f)
    write.followUp.run(
      `fr-${f}`,
      `BFR-${f}`,
      ...owner,
      'repair',
      null,
      `f-${f}`,
      chinaDay(restoredAt),
      3,
      'calendar',
      call,
      done,
      done ? (f % 5) + 1 : null,
    )
  }
  for (let m = 0; m < AVAILABILITY_SLIPS; m++) {
    const circuit = (m * 4) % CIRCUITS
    const period = day('2025-12-15', (m % 11) * 30.5).slice(0, 7)
    writeSlip(
      write,
      m,
      'availability',
      [data.customers[circuit % OWNERS]!, `ci-${circuit}`],
      null,
      period,
      `${period}-28`,
    )
  }
}

/** Warnings raised over the year, half handled a few days later; complaints; plans with their own items. */
function writeService(write: Inserts, data: Lookups): void {
  const sources = ['revenue_drop', 'crisis', 'cancellation']
  for (let w = 0; w < WARNINGS; w++) {
    const raised = day('2025-11-25', (w * 7919) % 363)
    const handled = w % 2 === 0 ? day(raised, 3) : null
    write.warning.run(
      `w-${w}`,
      data.customers[(w * 11) % data.customers.length],
      sources[w % 3],
      raised,
      handled && handled <= TODAY ? handled : null,
    )
  }
  const complaint = data.items.get('complaint_response')!
  for (let a = 0; a < COMPLAINTS; a++) {
    const customer = (a * 7) % data.customers.length
    write.activity.run(
      `ac-${a}`,
      data.customers[customer],
      a % 4 === 0 ? null : complaint,
      'complaint',
      day('2025-11-25', (a * 104_729) % 363),
    )
  }
  for (let p = 0; p < OVERRIDES; p++) {
    const customer = p * 97
    write.plan.run(`p-${p}`, data.customers[customer], 2026, data.tiers[customer])
    write.planItem.run(`pi-${p}-g`, `p-${p}`, data.items.get('holiday_greeting'), 1, 6, 'year', 1)
    write.planItem.run(
      `pi-${p}-v`,
      `p-${p}`,
      data.items.get('routine_visit'),
      p % 2,
      p % 2 ? 3 : null,
      p % 2 ? 'month' : null,
      1,
    )
  }
}

/** The compliance figure's file with the rest of the report's records added. */
export async function reportDatabase(activities: () => Promise<string>, file: string): Promise<string> {
  copyFileSync(await activities(), file)
  const raw = new SqliteDatabase(file)
  try {
    const write = inserts(raw)
    const data = lookups(raw)
    raw.transaction(() => {
      writeCircuits(write, data)
      writeOrders(write, data)
      writeFaults(write, data)
      writeService(write, data)
    })()
  } finally {
    raw.close()
  }
  return file
}

interface ReportState {
  host: AppHost
  ctx: ServiceContext
  raw: SqliteDatabase.Database
  bySql: ReturnType<typeof reportSql>
}

const NOW = new Date(`${TODAY}T00:00:00Z`)

/** Each section's time through the service, from the progress it reports. */
async function timedReport(ctx: ServiceContext): Promise<{ report: Report; times: number[] }> {
  const times: number[] = []
  let last = performance.now()
  const report = await quarterlyReport(ctx, Q3, () => {
    const now = performance.now()
    times.push(now - last)
    last = now
  })
  return { report, times }
}

function differences(report: Report, sql: SqlReport): string[] {
  return report.sections.flatMap((table) => {
    const expected = sql[table.section]!
    const same = (values: object, wanted: object | undefined) =>
      JSON.stringify(values, Object.keys(values).sort()) ===
      JSON.stringify(wanted, Object.keys(values).sort())
    const rows = [
      same(table.total, expected.total.get(null)),
      ...table.byBranch.map((row) => same(row.values, expected.branch.get(row.key))),
    ]
    return rows.every(Boolean) ? [] : [table.section]
  })
}

export function reportFigure(options: {
  database: () => Promise<string>
  hostOn: (file: string) => Promise<AppHost>
}): Figure<ReportState> {
  return {
    name: `report: 2026 Q3, every section by branch and manager, 100,000 customers, 1,000,000 activities`,
    async setup() {
      const start = performance.now()
      const file = await options.database()
      const host = await options.hostOn(file)
      const raw = new SqliteDatabase(file, { readonly: true })
      console.log(`Report data built in ${((performance.now() - start) / 1000).toFixed(1)} s`)
      return { host, ctx: host.authorize('read'), raw, bySql: reportSql(raw) }
    },
    baseline: async (state) => state.bySql({ ...Q3, now: NOW }),
    ours: (state) => quarterlyReport(state.ctx, Q3),
    async check(state) {
      const { report, times } = await timedReport(state.ctx)
      const start = performance.now()
      const sql = state.bySql({ ...Q3, now: NOW })
      const baselineMs = performance.now() - start
      const wrong = differences(report, sql)
      const sections = report.sections.map(
        (table, index) => `${table.section} ${times[index]!.toFixed(0)} ms`,
      )
      const line = `sections (ours, one run): ${sections.join(', ')}; baseline ${baselineMs.toFixed(0)} ms; totals and branch rows ${wrong.length ? `DIFFER in ${wrong.join(', ')}` : 'identical in every section'}`
      if (wrong.length) throw new Error(`the two sides differ: ${line}`)
      return line
    },
    async teardown(state) {
      state.raw.close()
      await state.host.close()
    },
  }
}
