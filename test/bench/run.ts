/**
 * Performance figures: each one times the app's own path ("ours") against the least the work could cost
 * ("baseline"), on the same data, and prints the medians side by side.
 *   npm run bench                 all figures
 *   npm run bench -- grid         only figures whose name contains "grid"
 *   BENCH_RUNS=15 npm run bench   more timed runs per side (default 7, never fewer than 5)
 * A figure's `check` proves that both sides return the same thing; a mismatch makes the run fail.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import SqliteDatabase from 'better-sqlite3'
import { openDatabase } from '../../db/connection'
import { writeDemoData } from '../../db/seed/demo'
import type { CustomerListQuery } from '../../electron/api/schemas'
import { customerListSchema } from '../../electron/api/schemas'
import { dispatch } from '../../electron/api/handlers'
import { AppHost } from '../../electron/host'
import {
  customerCountQuery,
  customerPageQuery,
  keyContactsQuery,
} from '../../electron/services/customers/list'
import type { ServiceContext } from '../../electron/services/context'
import { buildCalendar, type CalendarEntry } from '../../electron/domain/calendar'
import { evaluateOrder } from '../../electron/domain/sla'
import { inTransaction } from '../../electron/services/records'
import { recomputeOrders } from '../../electron/services/sla/orders'
import { complianceSummary } from '../../electron/services/plans/compliance'
import { createHash } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import ExcelJS from 'exceljs'
import { newId } from '../../db/ids'
import { readTable } from '../../electron/files/tables/read'
import { commitImport, openImport } from '../../electron/services/transfer/import'
import { figure, type Figure } from './figure'
import { reportDatabase, reportFigure } from './report'

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS) || 7)
const WARMUPS = 1

export interface Measurement {
  median: number
  samples: number[]
}

/** Runs `fn` `warmups` times untimed, then `runs` times timed; returns the median in milliseconds. */
export async function measure(
  fn: () => Promise<unknown>,
  { runs = RUNS, warmups = WARMUPS } = {},
): Promise<Measurement> {
  for (let i = 0; i < warmups; i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    samples.push(performance.now() - start)
  }
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  return { median, samples }
}

// ---------------------------------------------------------------------------------------------------------
// Shared data: one temp folder per run, one demo database built on first use and reused by every figure.

const FIXED_NOW = new Date('2026-11-23T00:00:00Z')
const DEMO_CUSTOMERS = 100_000
const workDir = mkdtempSync(join(tmpdir(), 'account-desk-bench-'))
let demoFile: Promise<string> | null = null

function demoDatabase(): Promise<string> {
  demoFile ??= (async () => {
    const file = join(workDir, 'demo-100k.sqlite')
    const connection = await openDatabase(file)
    const start = performance.now()
    try {
      await writeDemoData(connection.db, { now: FIXED_NOW, customers: DEMO_CUSTOMERS, serviceRecords: false })
    } finally {
      await connection.close()
    }
    const seconds = (performance.now() - start) / 1000
    const raw = new SqliteDatabase(file, { readonly: true })
    const { count } = raw.prepare('select count(*) as count from customer').get() as { count: number }
    raw.close()
    if (count !== DEMO_CUSTOMERS)
      throw new Error(`the demo database has ${count} customers, not ${DEMO_CUSTOMERS}`)
    console.log(
      `Demo data: ${count.toLocaleString('en')} customers in the database, generated in ${seconds.toFixed(1)} s`,
    )
    return file
  })()
  return demoFile
}

/** An AppHost on `file` with a fixed actor, as the command line builds one. */
async function hostOn(file: string): Promise<AppHost> {
  const host = new AppHost({
    userDataDir: mkdtempSync(join(workDir, 'host-')),
    systemLocale: 'en',
    appVersion: 'bench',
    actor: { id: null, name: 'bench', role: 'staff' },
    now: () => FIXED_NOW,
  })
  await host.open(file)
  return host
}

// ---------------------------------------------------------------------------------------------------------
// Figures

interface Page {
  rows: { id: string }[]
  total: number
}

const GRID_INPUT: CustomerListQuery = {
  startRow: 200,
  endRow: 300,
  sort: [{ colId: 'name', sort: 'asc' }],
  quickSearch: '临江',
  statuses: ['active'],
  numberFilters: { employees: { filterType: 'number', type: 'greaterThan', filter: 100 } },
}

interface GridState {
  host: AppHost
  ctx: ServiceContext
  raw: SqliteDatabase.Database
  page: SqliteDatabase.Statement
  count: SqliteDatabase.Statement
  pageParameters: unknown[]
  countParameters: unknown[]
}

async function listThroughService(host: AppHost): Promise<Page> {
  const result = await dispatch(host, 'customers.list', GRID_INPUT)
  if (!result.ok) throw new Error(`customers.list failed: ${JSON.stringify(result.error)}`)
  return result.value as Page
}

function listOnRawSqlite(state: GridState): Page {
  const rows = state.page.all(...state.pageParameters) as { id: string }[]
  // The key contacts' statement depends on the page's ids: compiled per page, as the service does.
  const contacts = keyContactsQuery(
    state.ctx,
    rows.map((row) => row.id),
  ).compile()
  state.raw.prepare(contacts.sql).all(...contacts.parameters)
  const { total } = state.count.get(...state.countParameters) as { total: number }
  return { rows, total: Number(total) }
}

// ---------------------------------------------------------------------------------------------------------
// Order statuses: the recompute a calendar edit (or a new day) runs over every open order.

const ORDERS = 100_000

interface RecomputeState {
  host: AppHost
  ctx: ServiceContext
  raw: SqliteDatabase.Database
  file: string
}

/** 1,000 customers with a circuit each and 100,000 open orders accepted over the last 90 days. */
async function ordersDatabase(): Promise<string> {
  const file = join(workDir, 'orders-100k.sqlite')
  const connection = await openDatabase(file)
  try {
    await writeDemoData(connection.db, { now: FIXED_NOW, customers: 1000, serviceRecords: false })
  } finally {
    await connection.close()
  }
  const raw = new SqliteDatabase(file)
  const product = raw.prepare("select id from product where code = 'digital'").get() as { id: string }
  const customers = raw.prepare('select id from customer').all() as { id: string }[]
  const insertCircuit = raw.prepare(
    "insert into circuit (id, version, created_at, updated_at, customer_id, number, product_id, status) values (?, 1, '2026-01-01', '2026-01-01', ?, ?, ?, 'active')",
  )
  const insertOrder = raw.prepare(
    `insert into provisioning_order (id, version, created_at, updated_at, number, customer_id, circuit_id, provisioning_class,
       product_id, accepted_on, standard_fee_fen, limit_days, price_factor_bp, rate_bp, cap_bp, due_on, status)
     values (?, 1, '2026-01-01', '2026-01-01', ?, ?, ?, ?, ?, ?, 1000000, ?, ?, ?, 10000, '2000-01-01', 'on_track')`,
  )
  const classes = [
    ['urgent', 5, 15_000, 500],
    ['expedited', 10, 13_000, 500],
    ['normal', 20, 10_000, 200],
  ] as const
  raw.transaction(() => {
    customers.forEach((customer, index) =>
      insertCircuit.run(`c-${index}`, customer.id, `BENCH-${index}`, product.id),
    )
    for (let index = 0; index < ORDERS; index++) {
      const [name, limit, factor, rate] = classes[index % 3]!
      const accepted = new Date(FIXED_NOW.getTime() - (index % 90) * 86_400_000).toISOString().slice(0, 10)
      const circuit = index % customers.length
      insertOrder.run(
        `o-${index}`,
        `B-${index}`,
        customers[circuit]!.id,
        `c-${circuit}`,
        name,
        product.id,
        accepted,
        limit,
        factor,
        rate,
      )
    }
  })()
  raw.close()
  return file
}

/** Makes every order's derived columns stale, so that each timed run has all 100,000 to rewrite. */
function staleAll(raw: SqliteDatabase.Database): void {
  raw.prepare("update provisioning_order set due_on = '2000-01-01', status = 'on_track'").run()
}

/** The least the work costs: one prepared read, the same pure rule per order, one prepared update. */
function recomputeOnRawSqlite(state: RecomputeState): number {
  staleAll(state.raw)
  const calendarRows = state.raw
    .prepare(
      'select date, kind, name_zh as nameZh, name_en as nameEn from calendar_day where deleted_at is null',
    )
    .all() as CalendarEntry[]
  const years = (state.raw.prepare('select year from calendar_year').all() as { year: number }[]).map(
    (row) => row.year,
  )
  const calendar = buildCalendar(years, calendarRows)
  const orders = state.raw
    .prepare(
      'select id, accepted_on, completed_on, standard_fee_fen, limit_days, price_factor_bp, rate_bp, cap_bp from provisioning_order where deleted_at is null',
    )
    .raw()
    .all() as [string, string, string | null, number | null, number, number, number, number][]
  const update = state.raw.prepare(
    'update provisioning_order set due_on = ?, status = ?, paused_working_days = ?, late_working_days = ?, charged_fee_fen = ?, compensation_fen = ? where id = ?',
  )
  let changed = 0
  state.raw.transaction(() => {
    for (const [
      id,
      acceptedOn,
      completedOn,
      standardFeeFen,
      limitDays,
      priceFactorBp,
      rateBp,
      capBp,
    ] of orders) {
      const outcome = evaluateOrder(
        calendar,
        {
          acceptedOn,
          completedOn,
          standardFeeFen,
          terms: { limitDays, priceFactorBp, rateBp, capBp },
          pauses: [],
        },
        '2026-11-23',
        2,
        false,
      )
      update.run(
        outcome.dueOn,
        outcome.status,
        outcome.pausedWorkingDays,
        outcome.lateWorkingDays,
        outcome.chargedFeeFen,
        outcome.compensationFen,
        id,
      )
      changed++
    }
  })()
  return changed
}

async function recomputeThroughService(state: RecomputeState): Promise<number> {
  staleAll(state.raw)
  return inTransaction(state.ctx, (tx) => recomputeOrders(tx))
}

/** Statuses as a fingerprint, to prove that both sides wrote the same thing. */
function statusCounts(raw: SqliteDatabase.Database): string {
  return JSON.stringify(
    raw
      .prepare('select status, due_on, count(*) as n from provisioning_order group by 1, 2 order by 1, 2')
      .all(),
  )
}

// ---------------------------------------------------------------------------------------------------------
// Compliance: the quarter's standard actions done against every plan, by branch.

const ACTIVITIES = 1_000_000

interface ComplianceState {
  host: AppHost
  ctx: ServiceContext
  raw: SqliteDatabase.Database
  baseline: SqliteDatabase.Statement
}

/** The demo's 100,000 customers and 1,000,000 activities of the items their tiers plan, over 2026. */
async function activitiesDatabase(): Promise<string> {
  const file = join(workDir, 'activities-1m.sqlite')
  copyFileSync(await demoDatabase(), file)
  const raw = new SqliteDatabase(file)
  const customers = raw.prepare('select id, tier_id as tierId from customer').all() as {
    id: string
    tierId: string
  }[]
  const planned = raw
    .prepare(
      `select s.tier_id as tierId, s.item_id as itemId, i.activity_kind as kind from service_standard s
       join service_item i on i.id = s.item_id where s.provided = 1 and s.frequency is not null`,
    )
    .all() as { tierId: string; itemId: string; kind: string }[]
  const byTier = Map.groupBy(planned, (row) => row.tierId)
  const insert = raw.prepare(
    `insert into activity (id, version, created_at, updated_at, customer_id, item_id, kind, occurred_on, contact_ids)
     values (?, 1, '2026-11-23', '2026-11-23', ?, ?, ?, ?, '[]')`,
  )
  const first = Date.parse('2026-01-01T00:00:00Z')
  const days = 327 // to 23 November
  raw.transaction(() => {
    for (let index = 0; index < ACTIVITIES; index++) {
      const customer = customers[(index * 7919) % customers.length]!
      const items = byTier.get(customer.tierId)!
      const item = items[index % items.length]!
      const date = new Date(first + ((index * 104_729) % days) * 86_400_000).toISOString().slice(0, 10)
      insert.run(`a-${index}`, customer.id, item.itemId, item.kind, date)
    }
  })()
  raw.close()
  return file
}

/**
 * The same figures in one hand-written statement: each activity keyed by its item's period, counted per
 * period up to the target, and the targets as frequency × the periods of each kind due in 2026 Q4.
 */
const COMPLIANCE_SQL = `
with targets as (
  select c.id as customer_id, c.branch_id, s.item_id, s.frequency as f, s.period
  from customer c join service_standard s on s.tier_id = c.tier_id
  where c.deleted_at is null and s.deleted_at is null and s.provided = 1 and s.frequency is not null
),
keyed as (
  select t.branch_id, t.customer_id, t.item_id, t.f,
    case t.period
      when 'ten_days' then substr(a.occurred_on, 1, 7) || '-' || (case when substr(a.occurred_on, 9, 2) <= '10' then '1'
        when substr(a.occurred_on, 9, 2) <= '20' then '2' else '3' end)
      when 'month' then substr(a.occurred_on, 1, 7)
      when 'quarter' then substr(a.occurred_on, 1, 4) || 'Q' || ((cast(substr(a.occurred_on, 6, 2) as integer) + 2) / 3)
      else substr(a.occurred_on, 1, 4) end as period_key,
    t.period
  from targets t join activity a on a.customer_id = t.customer_id and a.item_id = t.item_id
  where a.deleted_at is null and a.occurred_on between '2026-01-01' and '2026-12-31'
),
done as (
  select branch_id, min(count(*), max(f)) as d from keyed
  where (period = 'ten_days' and period_key between '2026-10-1' and '2026-12-3')
     or (period = 'month' and period_key in ('2026-10', '2026-11', '2026-12'))
     or (period = 'quarter' and period_key = '2026Q4') or (period = 'year' and period_key = '2026')
  group by customer_id, item_id, period_key
),
wanted as (
  select branch_id, sum(f * (case period when 'ten_days' then 9 when 'month' then 3 else 1 end)) as target
  from targets group by branch_id
)
select w.branch_id as key, w.target, coalesce((select sum(d) from done where done.branch_id is w.branch_id), 0) as done
from wanted w order by w.branch_id`

// ---------------------------------------------------------------------------------------------------------
// Import: 100,000 customers from a CSV and from an XLSX, through the import service (the file read, every
// row checked against the form's schema and the lists, each written through insertRecord with its audit
// row, in one transaction) against the same reader alone and one prepared INSERT per row in one transaction.

const IMPORT_ROWS = 100_000
const IMPORT_INDUSTRIES = ['金融', '教育', '医疗卫生', '工业制造']

function importRow(index: number): [string, string, string, number, string, string] {
  return [
    `B${String(index).padStart(6, '0')}`,
    `临江导入客户${index}`,
    IMPORT_INDUSTRIES[index % 4]!,
    index % 500,
    `${index % 9999}.50`,
    `临江市人民路${index}号`,
  ]
}

/** A title row above the header, as branch offices write it. */
const IMPORT_TITLE = '集团客户清单（基准测试）'
const IMPORT_HEADER = ['集团编号', '集团名称', '行业', '员工数', '月收入（元）', '地址']

interface ImportFiles {
  template: string
  csv: string
  xlsx: string
}

let importFiles: Promise<ImportFiles> | null = null

/** An empty database and the same 100,000 customers as CSV and as XLSX (written with exceljs's streaming writer). */
function importSources(): Promise<ImportFiles> {
  importFiles ??= (async () => {
    const template = join(workDir, 'import-empty.sqlite')
    await (await openDatabase(template)).close()
    const csv = join(workDir, 'customers-100k.csv')
    const lines = [IMPORT_TITLE, IMPORT_HEADER.join(',')]
    for (let index = 0; index < IMPORT_ROWS; index++) lines.push(importRow(index).join(','))
    writeFileSync(csv, lines.join('\n'))
    const xlsx = join(workDir, 'customers-100k.xlsx')
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true })
    const sheet = workbook.addWorksheet('客户')
    sheet.addRow([IMPORT_TITLE]).commit()
    sheet.addRow(IMPORT_HEADER).commit()
    for (let index = 0; index < IMPORT_ROWS; index++) sheet.addRow(importRow(index)).commit()
    sheet.commit()
    await workbook.commit()
    return { template, csv, xlsx }
  })()
  return importFiles
}

interface ImportState {
  template: string
  source: string
  /** The database copy of the last run, removed at the start of the next. */
  last: string | null
  runs: number
}

/** An empty database for one run (each side's runs write 100,000 customers into a fresh copy). */
function freshImportDatabase(state: ImportState): string {
  if (state.last) for (const suffix of ['', '-wal', '-shm']) rmSync(state.last + suffix, { force: true })
  state.last = join(workDir, `import-run-${++state.runs}.sqlite`)
  copyFileSync(state.template, state.last)
  return state.last
}

async function importThroughService(state: ImportState): Promise<string> {
  const file = freshImportDatabase(state)
  const host = await hostOn(file)
  try {
    const ctx = host.authorize('write')
    const session = await openImport(ctx, state.source, 'customers')
    const result = await commitImport(ctx, session)
    if (result.imported !== IMPORT_ROWS) throw new Error(`the service imported ${result.imported} rows`)
  } finally {
    await host.close()
  }
  return file
}

/** The least the work costs: the same reader, then one prepared INSERT per row in one transaction. */
async function importOnRawSqlite(state: ImportState): Promise<string> {
  const file = freshImportDatabase(state)
  const table = await readTable(state.source, { maxRows: 200_000 })
  const raw = new SqliteDatabase(file)
  try {
    raw.pragma('journal_mode = WAL')
    raw.pragma('synchronous = NORMAL')
    const industries = new Map(
      (raw.prepare('select id, name_zh as name from industry').all() as { id: string; name: string }[]).map(
        (row) => [row.name, row.id],
      ),
    )
    const insert = raw.prepare(
      `insert into customer (id, version, created_at, updated_at, code, name, industry_id, status, employees,
         monthly_revenue_fen, address, has_pbx, search_text) values (?, 1, ?, ?, ?, ?, ?, 'active', ?, ?, ?, 0, ?)`,
    )
    const at = FIXED_NOW.toISOString()
    raw.transaction(() => {
      // Row 1 is the title, row 2 the header.
      for (const { cells } of table.rows.slice(2)) {
        const [code, name, industry, employees, revenue, address] = cells as (string | number)[]
        insert.run(
          newId(),
          at,
          at,
          String(code),
          String(name),
          industries.get(String(industry)) ?? null,
          Number(employees),
          Math.round(Number(revenue) * 100),
          String(address),
          `${code} ${name}`.toLowerCase(),
        )
      }
    })()
  } finally {
    raw.close()
  }
  return file
}

/** What both sides wrote, as one hash: every customer's business fields, in code order. */
function importedFingerprint(file: string): { count: number; hash: string } {
  const raw = new SqliteDatabase(file, { readonly: true })
  try {
    const rows = raw
      .prepare(
        'select code, name, industry_id, status, employees, monthly_revenue_fen, address, has_pbx, search_text from customer order by code',
      )
      .raw()
      .all()
    return { count: rows.length, hash: createHash('sha256').update(JSON.stringify(rows)).digest('hex') }
  } finally {
    raw.close()
  }
}

/** V8's collector, made callable without --expose-gc, so that a memory figure starts from live data only. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  ;(runInNewContext('gc') as () => void)()
}

/**
 * The process's peak memory while `work` runs, sampled every 10 ms (the import yields often enough), from
 * a heap cleared of earlier figures' garbage.
 */
async function peakMemory(
  work: () => Promise<unknown>,
): Promise<{ rss: number; heap: number; before: number; heapBefore: number }> {
  collectGarbage()
  const before = process.memoryUsage().rss
  const heapBefore = process.memoryUsage().heapUsed
  let rss = before
  let heap = heapBefore
  const sample = () => {
    const usage = process.memoryUsage()
    rss = Math.max(rss, usage.rss)
    heap = Math.max(heap, usage.heapUsed)
  }
  const timer = setInterval(sample, 10)
  try {
    await work()
  } finally {
    clearInterval(timer)
    sample()
  }
  return { rss, heap, before, heapBefore }
}

const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`

function importFigure(format: 'csv' | 'xlsx'): Figure<unknown> {
  return figure<ImportState>({
    name: `import: ${IMPORT_ROWS.toLocaleString('en')} customers from ${format.toUpperCase()} (read, check, write audited)`,
    async setup() {
      const files = await importSources()
      return { template: files.template, source: files[format], last: null, runs: 0 }
    },
    baseline: (state) => importOnRawSqlite(state),
    ours: (state) => importThroughService(state),
    async check(state) {
      let oursFile = ''
      const memory = await peakMemory(async () => (oursFile = await importThroughService(state)))
      const ours = importedFingerprint(oursFile)
      const baseline = importedFingerprint(await importOnRawSqlite(state))
      const line =
        `customers ${baseline.count}/${ours.count} (baseline/ours), rows ${ours.hash === baseline.hash ? 'identical' : 'DIFFERENT'}; ` +
        `peak memory during the service's import (sampled every 10 ms): heap ${MB(memory.heap)} (${MB(memory.heapBefore)} before), ` +
        `RSS ${MB(memory.rss)} (${MB(memory.before)} before)`
      if (ours.hash !== baseline.hash || ours.count !== IMPORT_ROWS)
        throw new Error(`the two sides differ: ${line}`)
      return line
    },
    async teardown(state) {
      if (state.last) for (const suffix of ['', '-wal', '-shm']) rmSync(state.last + suffix, { force: true })
    },
  })
}

const figures: Figure<unknown>[] = [
  figure<GridState>({
    name: `customers grid: one 100-row page, sorted and filtered, at ${DEMO_CUSTOMERS.toLocaleString('en')} customers`,
    async setup() {
      const file = await demoDatabase()
      const host = await hostOn(file)
      // The very SQL the service runs (page, key contacts, count), compiled by the same Kysely builders.
      const ctx = host.authorize('read')
      const filter = customerListSchema.parse(GRID_INPUT)
      const pageQuery = customerPageQuery(ctx, filter).compile()
      const countQuery = customerCountQuery(ctx, filter).compile()
      const raw = new SqliteDatabase(file, { readonly: true })
      return {
        host,
        ctx,
        raw,
        page: raw.prepare(pageQuery.sql),
        count: raw.prepare(countQuery.sql),
        pageParameters: [...pageQuery.parameters],
        countParameters: [...countQuery.parameters],
      }
    },
    baseline: async (state) => listOnRawSqlite(state),
    ours: (state) => listThroughService(state.host),
    async check(state) {
      const ours = await listThroughService(state.host)
      const baseline = listOnRawSqlite(state)
      const same =
        ours.total === baseline.total &&
        ours.rows.length === baseline.rows.length &&
        ours.rows.every((row, index) => row.id === baseline.rows[index]!.id)
      const line = `rows ${baseline.rows.length}/${ours.rows.length} of total ${baseline.total}/${ours.total} (baseline/ours)`
      if (!same) throw new Error(`the two sides differ: ${line}`)
      if (ours.rows.length === 0) throw new Error(`the page is empty, so it proves nothing: ${line}`)
      return line
    },
    async teardown(state) {
      state.raw.close()
      await state.host.close()
    },
  }),
  figure<RecomputeState>({
    name: `order statuses: recompute ${ORDERS.toLocaleString('en')} open orders (due date, status, late days)`,
    async setup() {
      const file = await ordersDatabase()
      const host = await hostOn(file)
      return { host, ctx: host.authorize('write'), raw: new SqliteDatabase(file), file }
    },
    baseline: async (state) => recomputeOnRawSqlite(state),
    ours: (state) => recomputeThroughService(state),
    async check(state) {
      const ours = await recomputeThroughService(state)
      const oursStatuses = statusCounts(state.raw)
      const baseline = recomputeOnRawSqlite(state)
      const same = oursStatuses === statusCounts(state.raw)
      const line = `orders rewritten ${baseline}/${ours} (baseline/ours), statuses and due dates ${same ? 'identical' : 'DIFFERENT'}`
      if (!same || ours !== ORDERS || baseline !== ORDERS) throw new Error(`the two sides differ: ${line}`)
      return line
    },
    async teardown(state) {
      state.raw.close()
      await state.host.close()
    },
  }),
  figure<ComplianceState>({
    name: `plan compliance: 2026 Q4 by branch, ${DEMO_CUSTOMERS.toLocaleString('en')} customers, ${ACTIVITIES.toLocaleString('en')} activities`,
    async setup() {
      const file = await activitiesDatabase()
      const host = await hostOn(file)
      const raw = new SqliteDatabase(file, { readonly: true })
      return { host, ctx: host.authorize('read'), raw, baseline: raw.prepare(COMPLIANCE_SQL) }
    },
    baseline: async (state) => state.baseline.all(),
    ours: (state) =>
      complianceSummary(state.ctx, { periodKind: 'quarter', date: '2026-11-15', groupBy: 'branch' }),
    async check(state) {
      const ours = await complianceSummary(state.ctx, {
        periodKind: 'quarter',
        date: '2026-11-15',
        groupBy: 'branch',
      })
      const baseline = state.baseline.all() as { key: string | null; target: number; done: number }[]
      const pick = (rows: { key: string | null; target: number; done: number }[]) =>
        JSON.stringify(rows.map(({ key, target, done }) => [key, target, done]).sort())
      const line = `${baseline.length} branches; done/target ${baseline.reduce((s, r) => s + r.done, 0)}/${baseline.reduce((s, r) => s + r.target, 0)} (baseline) vs ${ours.reduce((s, r) => s + r.done, 0)}/${ours.reduce((s, r) => s + r.target, 0)} (ours)`
      if (pick(ours) !== pick(baseline)) throw new Error(`the two sides differ: ${line}`)
      return line
    },
    async teardown(state) {
      state.raw.close()
      await state.host.close()
    },
  }),
  importFigure('csv'),
  importFigure('xlsx'),
  figure(
    reportFigure({
      database: () => reportDatabase(activitiesDatabase, join(workDir, 'report-100k.sqlite')),
      hostOn,
    }),
  ),
]

// ---------------------------------------------------------------------------------------------------------
// Runner

interface Row {
  name: string
  baseline: number
  ours: number
}

function printTable(rows: Row[]): void {
  const header = ['figure', 'baseline median ms', 'ours median ms', 'ratio (ours/baseline)']
  const cells = rows.map((row) => [
    row.name,
    row.baseline.toFixed(2),
    row.ours.toFixed(2),
    row.baseline > 0 ? `${(row.ours / row.baseline).toFixed(2)}x` : 'n/a',
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((line) => line[column]!.length)),
  )
  const format = (line: string[]) =>
    `| ${line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`
  console.log(format(header))
  console.log(
    `|${widths.map((width, column) => '-'.repeat(width + 1) + (column === 0 ? '-' : ':')).join('|')}|`,
  )
  for (const line of cells) console.log(format(line))
}

async function main(): Promise<number> {
  const only = process.argv[2]
  const selected = figures.filter((candidate) => !only || candidate.name.includes(only))
  if (selected.length === 0) {
    console.error(`No figure matches "${only}".`)
    return 2
  }
  console.log(`Node ${process.version}, ${RUNS} timed runs per side after ${WARMUPS} warm-up`)
  const rows: Row[] = []
  let failed = false
  for (const current of selected) {
    const state = await current.setup()
    try {
      if (current.check) console.log(`${current.name}: ${await current.check(state)}`)
      const baseline = await measure(() => current.baseline(state))
      const ours = await measure(() => current.ours(state))
      rows.push({ name: current.name, baseline: baseline.median, ours: ours.median })
    } catch (error) {
      failed = true
      console.error(`${current.name}: FAILED: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      await current.teardown?.(state)
    }
  }
  console.log()
  printTable(rows)
  return failed ? 1 : 0
}

try {
  process.exitCode = await main()
} finally {
  rmSync(workDir, { recursive: true, force: true })
}
