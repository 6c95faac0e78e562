/**
 * The supervisors' report (domain.md §6) for a quarter or any window of days: each section's measures
 * by branch and by account manager (the customer's, as the file says now) with the total, and the
 * records behind any one of its numbers.
 */
import { sql } from 'kysely'
import { chinaDate } from '../../domain/calendar'
import { exactQuarter } from '../../domain/periods'
import {
  deriveRow,
  REPORT_SECTIONS,
  SECTION_MEASURES,
  tierMeasure,
  type MeasureSpec,
  type ReportSection,
} from '../../domain/report'
import type { Report, ReportRecord, ReportRecords, ReportRow, ReportTable } from '../../api/contract'
import { fieldError } from '../../api/errors'
import type { ReportRecordsInput, ReportWindowInput } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { ownedBy, OWNER_COLUMNS } from '../sla/common'
import { oneSnapshot } from '../transfer/export'
import { availabilityRecords, complianceRecords, type OwnedRecord } from './computed'
import {
  churnSection,
  complaintsSection,
  customersSection,
  deliveriesSection,
  followUpsSection,
  ordersSection,
  slipsSection,
  type RecordQuery,
  type ReportWindow,
  type SqlSection,
} from './sections'

/** The most records one number opens at once; the list says how many there are in all. */
export const RECORDS_SHOWN = 2000

type Values = Record<string, number>

/** A group of records' added-up values, by the customer's branch and account manager. */
interface OwnerValues {
  branchId: string | null
  accountManagerId: string | null
  values: Values
}

/** The window as the desk judges it today; one starting in the future is refused at its first day. */
export function reportWindow(ctx: ServiceContext, input: ReportWindowInput): ReportWindow {
  const today = chinaDate(ctx.now())
  if (input.from > today) throw fieldError('from', 'in_future')
  return { from: input.from, to: input.to, today }
}

/** The sections counted in SQL; the others (compliance, availability) are worked out record by record. */
const SQL_SECTIONS: Partial<
  Record<ReportSection, (ctx: ServiceContext, window: ReportWindow) => SqlSection | Promise<SqlSection>>
> = {
  customers: customersSection,
  orders: ordersSection,
  slips: slipsSection,
  deliveries: deliveriesSection,
  followUps: followUpsSection,
  churn: churnSection,
  complaints: complaintsSection,
}

async function sqlSection(
  ctx: ServiceContext,
  section: ReportSection,
  window: ReportWindow,
): Promise<SqlSection | null> {
  return (await SQL_SECTIONS[section]?.(ctx, window)) ?? null
}

function computedRecords(ctx: ServiceContext, section: ReportSection, window: ReportWindow) {
  return section === 'compliance' ? complianceRecords(ctx, window) : availabilityRecords(ctx, window)
}

async function sqlValues(section: SqlSection): Promise<OwnerValues[]> {
  const { branchId, accountManagerId } = OWNER_COLUMNS
  const rows = (await section.records
    .select([
      sql<string | null>`${sql.ref(branchId)}`.as('branchId'),
      sql<string | null>`${sql.ref(accountManagerId)}`.as('accountManagerId'),
      // Aliased by position: the camel-case plugin would rename `at_risk` in the results.
      ...section.measures.map((measure, index) => measure.aggregate.as(`m${index}`)),
    ])
    .groupBy([sql.ref(branchId), sql.ref(accountManagerId)])
    .execute()) as Record<string, string | number | null>[]
  return rows.map((row) => ({
    branchId: row.branchId as string | null,
    accountManagerId: row.accountManagerId as string | null,
    values: Object.fromEntries(
      section.measures.map((measure, index) => [measure.key, Number(row[`m${index}`])]),
    ),
  }))
}

/** Adds values up into rows by a key, every key of `keys` given a row (zero where it has no records). */
function rowsBy(
  groups: OwnerValues[],
  key: 'branchId' | 'accountManagerId',
  keys: (string | null)[],
  measures: MeasureSpec[],
): ReportRow[] {
  const sums = new Map<string | null, Values>(keys.map((id) => [id, {}]))
  for (const group of groups) sums.set(group[key], add(sums.get(group[key]) ?? {}, group.values))
  return [...sums].map(([id, values]) => ({ key: id, values: deriveRow(measures, filled(measures, values)) }))
}

function add(sum: Values, values: Values): Values {
  const next = { ...sum }
  for (const [measure, value] of Object.entries(values)) next[measure] = (next[measure] ?? 0) + value
  return next
}

/** Every measure of the section present (0 when nothing was counted), hidden sums kept for the derived. */
function filled(measures: MeasureSpec[], values: Values): Record<string, number | null> {
  const row: Record<string, number | null> = { ...values }
  for (const measure of measures) if (!measure.derived) row[measure.key] = values[measure.key] ?? 0
  return row
}

/** Only the section's measures go out; sums kept for derived ones (the satisfaction's) stay inside. */
function shown(measures: MeasureSpec[], row: Record<string, number | null>): Record<string, number | null> {
  return Object.fromEntries(measures.map((measure) => [measure.key, row[measure.key] ?? null]))
}

function tableOf(
  section: ReportSection,
  measures: MeasureSpec[],
  groups: OwnerValues[],
  owners: { branches: (string | null)[]; managers: (string | null)[] },
): ReportTable {
  const total = deriveRow(
    measures,
    filled(
      measures,
      groups.reduce((sum, group) => add(sum, group.values), {}),
    ),
  )
  const rows = (key: 'branchId' | 'accountManagerId', keys: (string | null)[]) =>
    rowsBy(groups, key, keys, measures).map((row) => ({ key: row.key, values: shown(measures, row.values) }))
  return {
    section,
    measures: measures.map(({ key, kind, drill }) => ({ key, kind, drill })),
    byBranch: rows('branchId', owners.branches),
    byManager: rows('accountManagerId', owners.managers),
    total: shown(measures, total),
  }
}

/** Every branch and manager with customers, in the order lists show them (null, none assigned, last). */
async function ownersOf(ctx: ServiceContext) {
  const live = ctx.db.selectFrom('customer as c').where('c.deletedAt', 'is', null)
  const [branches, managers] = await Promise.all([
    live
      .leftJoin('branch as b', 'b.id', 'c.branchId')
      .select(['c.branchId as id', 'b.sortOrder', 'b.code'])
      .distinct()
      .execute(),
    live
      .leftJoin('accountManager as m', 'm.id', 'c.accountManagerId')
      .select(['c.accountManagerId as id', 'm.name'])
      .distinct()
      .execute(),
  ])
  const nullLast = (a: { id: string | null }, b: { id: string | null }) =>
    Number(a.id === null) - Number(b.id === null)
  branches.sort(
    (a, b) =>
      nullLast(a, b) || (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || (a.code ?? '').localeCompare(b.code ?? ''),
  )
  managers.sort((a, b) => nullLast(a, b) || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'))
  return { branches: branches.map((row) => row.id), managers: managers.map((row) => row.id) }
}

function measuresOf(section: ReportSection, sqlMeasures?: { key: string }[]): MeasureSpec[] {
  if (section !== 'customers' || !sqlMeasures) return SECTION_MEASURES[section]
  const tiers = sqlMeasures.filter((measure) => measure.key.startsWith('tier.'))
  return [...tiers.map((measure) => tierMeasure(measure.key.slice(5))), ...SECTION_MEASURES.customers]
}

/** One section's table. */
export async function reportSection(
  ctx: ServiceContext,
  section: ReportSection,
  window: ReportWindow,
  owners: Awaited<ReturnType<typeof ownersOf>>,
): Promise<ReportTable> {
  const spec = await sqlSection(ctx, section, window)
  const groups = spec ? await sqlValues(spec) : await computedRecords(ctx, section, window)
  return tableOf(section, measuresOf(section, spec?.measures), groups, owners)
}

/**
 * The whole report, section by section; `onSection` hears of each one done (an export's progress)
 * and may stop the work by throwing.
 */
export async function quarterlyReport(
  ctx: ServiceContext,
  input: ReportWindowInput,
  onSection: (done: number, total: number) => Promise<void> | void = () => {},
): Promise<Report> {
  const window = reportWindow(ctx, input)
  // One snapshot: a change saved while the report runs cannot make one section disagree with another.
  const sections = await oneSnapshot(ctx, async (tx) => {
    const owners = await ownersOf(tx)
    const tables: ReportTable[] = []
    for (const section of REPORT_SECTIONS) {
      tables.push(await reportSection(tx, section, window, owners))
      await onSection(tables.length, REPORT_SECTIONS.length)
    }
    return tables
  })
  const quarter = exactQuarter(input.from, input.to)
  return { from: input.from, to: input.to, quarter, asOf: window.today, sections }
}

/** The records behind one number: its measure's (a share's denominator's), for a branch, a manager or all. */
export async function reportRecords(ctx: ServiceContext, input: ReportRecordsInput): Promise<ReportRecords> {
  const window = reportWindow(ctx, input)
  const owner =
    input.grouping === 'total'
      ? {}
      : { [input.grouping === 'branch' ? 'branchId' : 'accountManagerId']: input.key ?? 'none' }
  const spec = await sqlSection(ctx, input.section, window)
  const measure = measuresOf(input.section, spec?.measures).find((known) => known.key === input.measure)
  if (!measure) throw fieldError('measure', 'invalid_choice')
  if (!spec) {
    const figureKind = FIGURE_KINDS[input.section]
    const records = (await computedRecords(ctx, input.section, window)).filter(
      (record) => record.behind.includes(measure.drill) && matches(record, owner),
    )
    return {
      figureKind,
      rows: records.slice(0, RECORDS_SHOWN).map((one) => one.record),
      total: records.length,
    }
  }
  const drill = spec.measures.find((known) => known.key === measure.drill)!
  const records = ownedBy(spec.records.where(drill.when), owner)
  const listed = drill.perCustomer ? customerRows(records) : recordRows(records, spec)
  const [rows, count] = await Promise.all([
    listed.orderBy(sql.ref('date'), 'desc').orderBy(sql.ref('id')).limit(RECORDS_SHOWN).execute() as Promise<
      Omit<ReportRecord, 'tab'>[]
    >,
    records
      .select(drill.perCustomer ? sql<number>`count(distinct c.id)`.as('n') : sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow() as Promise<{ n: number }>,
  ])
  const figureKind = drill.perCustomer ? 'count' : FIGURE_KINDS[input.section]
  return { figureKind, rows: rows.map((row) => ({ ...row, tab: spec.tab })), total: Number(count.n) }
}

function recordRows(records: RecordQuery, spec: SqlSection) {
  const { id, reference, date, status, figure } = spec.columns
  return records.select([
    id.as('id'),
    'c.id as customerId',
    'c.code as customerCode',
    'c.name as customerName',
    reference.as('reference'),
    date.as('date'),
    status.as('status'),
    figure.as('figure'),
  ])
}

/** One row per customer, its records counted and its latest record's date. */
function customerRows(records: RecordQuery) {
  return records
    .select([
      'c.id as id',
      'c.id as customerId',
      'c.code as customerCode',
      'c.name as customerName',
      sql<string>`c.code`.as('reference'),
      sql<string | null>`null`.as('date'),
      sql<string | null>`null`.as('status'),
      sql<number>`count(*)`.as('figure'),
    ])
    .groupBy(['c.id', 'c.code', 'c.name'])
}

/** What the `figure` of a section's records is. */
const FIGURE_KINDS: Record<ReportSection, ReportRecords['figureKind']> = {
  customers: null,
  orders: null,
  slips: 'fen',
  availability: 'ppm',
  deliveries: null,
  followUps: 'count',
  compliance: 'bp',
  churn: null,
  complaints: null,
}

function matches(record: OwnedRecord, owner: { branchId?: string; accountManagerId?: string }): boolean {
  const is = (value: string | null, wanted: string | undefined) =>
    wanted === undefined || (wanted === 'none' ? value === null : value === wanted)
  return is(record.branchId, owner.branchId) && is(record.accountManagerId, owner.accountManagerId)
}
