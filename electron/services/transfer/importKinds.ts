/**
 * The four kinds of import, each as a check of one row against the database (its business key, its list
 * entries, the form's own schema) and the write of a checked row through the same record helpers as the
 * forms (insertRecord / updateRecord, audited). A row's fields that the file does not give (a column not
 * mapped, or a blank cell) keep what the record has, or the form's default for a new record: an import
 * never blanks a field. Rows are upserted by business key: customer code; customer code + contact name;
 * circuit number; customer code + month.
 */
import type { z } from 'zod'
import type { ImportKind, ImportReason, Language } from '../../api/contract'
import {
  circuitSaveSchema,
  contactFieldsSchema,
  customerFieldsSchema,
  revenueSaveSchema,
  type CustomerFields,
} from '../../api/schemas'
import { chinaDate } from '../../domain/calendar'
import type { ServiceContext } from '../context'
import { searchText } from '../customers/file'
import { followTier } from '../plans/plans'
import { recordRevenueMonths } from '../plans/churn'
import { bumpVersion, findRow, insertRecord, updateRecord } from '../records'
import { readSetting } from '../settings/store'
import { normalizeChoice } from './importValues'

/** A data row of the file with its cells read for the mapped fields. */
export interface RowInput {
  row: number
  /** The fields the row gives (blank cells left out), as read: text, numbers, fen, dates, choices. */
  values: Map<string, unknown>
  /** Fields whose cell could not be read (their reason is already in `reasons`). */
  failed: Set<string>
  reasons: ImportReason[]
}

export type RowAction = 'new' | 'update' | 'unchanged'
export type Display = Record<string, string | number | null>

export type RowPlan<D> = { ok: true; action: RowAction; data: D } | { ok: false; reasons: ImportReason[] }

/** What the commit calls between rows: gives the event loop a turn now and then, and stops a cancelled import. */
export type Tick = () => Promise<void>

export interface KindRun<D> {
  plan(input: RowInput): RowPlan<D>
  /** A planned row's fields as written (list entries by name), for the preview's sample. */
  display(input: RowInput, data: D): Display
  write(tx: ServiceContext, data: D, action: RowAction): Promise<void>
  /** After every row: what follows from them as a whole (search text, churn warnings). */
  finish(tx: ServiceContext, tick: Tick): Promise<void>
}

type Row = Record<string, unknown> & { id: string; version: number; deletedAt: string | null }

const CHUNK = 500

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = []
  for (let start = 0; start < items.length; start += CHUNK) out.push(items.slice(start, start + CHUNK))
  return out
}

function reason(path: string, message: string, params?: Record<string, string | number>): ImportReason {
  return { path, message, ...(params && { params }) }
}

/** The schema's refusals as reasons on the import's fields; fields already refused are not refused twice. */
function schemaReasons(
  error: z.ZodError,
  failed: Set<string>,
  rename: Record<string, string> = {},
): ImportReason[] {
  const reasons: ImportReason[] = []
  for (const issue of error.issues) {
    const first = String(issue.path[0] ?? '')
    const path = rename[first] ?? first
    if (failed.has(path)) continue
    const limit = 'maximum' in issue ? issue.maximum : 'minimum' in issue ? issue.minimum : undefined
    reasons.push(reason(path, issue.message, limit === undefined ? undefined : { limit: Number(limit) }))
  }
  return reasons
}

function differs(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  return Object.keys(after).some((key) => (before[key] ?? null) !== (after[key] ?? null))
}

function text(values: Map<string, unknown>, key: string): string | null {
  const value = values.get(key)
  return typeof value === 'string' ? value : value === undefined || value === null ? null : String(value)
}

// ——— List entries matched by code or name ———

interface Entry {
  id: string
  label: string
  retired: boolean
}

/** A list (industries, branches, tiers, managers, products) by its codes and names in both languages. */
class ListIndex {
  private readonly byName = new Map<string, Entry[]>()
  readonly labels = new Map<string, string>()

  add(entry: Entry, names: (string | null | undefined)[]): void {
    this.labels.set(entry.id, entry.label)
    for (const name of new Set(names.filter(Boolean).map((name) => normalizeChoice(name!)))) {
      const list = this.byName.get(name) ?? []
      if (!list.some((known) => known.id === entry.id)) list.push(entry)
      this.byName.set(name, list)
    }
  }

  /**
   * The entry a cell names; a retired one only when the record already has it (as the forms allow), a
   * name shared by two current entries refused as ambiguous.
   */
  resolve(
    path: string,
    value: string,
    unknownMessage: string,
    current: unknown,
  ): { ok: true; id: string } | { ok: false; reason: ImportReason } {
    const found = this.byName.get(normalizeChoice(value)) ?? []
    const live = found.filter((entry) => !entry.retired)
    if (live.length === 1) return { ok: true, id: live[0]!.id }
    if (live.length > 1) return { ok: false, reason: reason(path, 'import_ambiguous', { value }) }
    const kept = found.find((entry) => entry.id === current)
    if (kept) return { ok: true, id: kept.id }
    if (found.length > 0) return { ok: false, reason: reason(path, 'import_retired', { value }) }
    return { ok: false, reason: reason(path, unknownMessage, { value }) }
  }
}

/** A Chinese label without its bracketed note: "5A（五星级服务）" → "5A". */
function bare(label: string): string {
  return label.replace(/\s*[(（][^)）]*[)）]\s*$/, '')
}

async function lookupIndex(
  ctx: ServiceContext,
  table: 'industry' | 'branch' | 'product',
  language: Language,
): Promise<ListIndex> {
  const index = new ListIndex()
  const rows = await ctx.db.selectFrom(table).selectAll().orderBy('sortOrder').execute()
  for (const row of rows)
    index.add(
      { id: row.id, label: language === 'en' ? row.nameEn : row.nameZh, retired: row.deletedAt !== null },
      [row.code, row.nameZh, row.nameEn, bare(row.nameZh), bare(row.nameEn)],
    )
  return index
}

/** The tiers of the scheme in use: by code ("A", "5A"), label ("A类集团", "Class A") or "A类". */
async function tierIndex(ctx: ServiceContext, language: Language): Promise<ListIndex> {
  const scheme = await readSetting(ctx, 'tier_scheme', 'abcd')
  const index = new ListIndex()
  const rows = await ctx.db.selectFrom('tier').selectAll().where('scheme', '=', scheme).execute()
  for (const row of rows)
    index.add(
      { id: row.id, label: language === 'en' ? row.labelEn : row.labelZh, retired: row.deletedAt !== null },
      [
        row.code,
        row.labelZh,
        row.labelEn,
        bare(row.labelZh),
        `${row.code}类`,
        `${row.code}级`,
        `${row.code}类集团`,
      ],
    )
  return index
}

async function managerIndex(ctx: ServiceContext): Promise<ListIndex> {
  const index = new ListIndex()
  const rows = await ctx.db.selectFrom('accountManager').select(['id', 'name', 'deletedAt']).execute()
  for (const row of rows)
    index.add({ id: row.id, label: row.name, retired: row.deletedAt !== null }, [row.name])
  return index
}

// ——— Existing records by business key ———

/** Customers whose codes (any case) the file names, by lower-cased code, deleted ones included. */
async function customersByCode(ctx: ServiceContext, codes: Set<string>): Promise<Map<string, Row>> {
  const found = new Map<string, Row>()
  if (codes.size === 0) return found
  const keys = await ctx.db
    .selectFrom('customer')
    .select((eb) => ['id', eb.fn<string>('lower', ['code']).as('key')])
    .execute()
  const ids = keys.filter((row) => codes.has(row.key)).map((row) => row.id)
  for (const chunk of chunks(ids)) {
    const rows = await ctx.db.selectFrom('customer').selectAll().where('id', 'in', chunk).execute()
    for (const row of rows) found.set(row.code.toLowerCase(), row as unknown as Row)
  }
  return found
}

function fileCodes(inputs: RowInput[], key: string): Set<string> {
  const codes = new Set<string>()
  for (const input of inputs) {
    const code = text(input.values, key)
    if (code) codes.add(code.toLowerCase())
  }
  return codes
}

/** The customer a row names by code: live, or a reason. */
function liveCustomer(
  customers: Map<string, Row>,
  input: RowInput,
): { ok: true; customer: Row } | { ok: false; reason: ImportReason | null } {
  const code = text(input.values, 'customerCode')
  if (!code) return { ok: false, reason: null }
  const customer = customers.get(code.toLowerCase())
  if (!customer)
    return { ok: false, reason: reason('customerCode', 'import_unknown_customer', { value: code }) }
  if (customer.deletedAt)
    return { ok: false, reason: reason('customerCode', 'import_customer_deleted', { value: code }) }
  return { ok: true, customer }
}

/** A second row with the same business key as an earlier one is refused, naming the first. */
class SeenKeys {
  private readonly rows = new Map<string, number>()

  check(path: string, key: string, row: number): ImportReason | null {
    const first = this.rows.get(key)
    if (first !== undefined && first !== row) return reason(path, 'import_duplicate', { row: first })
    this.rows.set(key, row)
    return null
  }
}

// ——— Customers ———

const CUSTOMER_LOOKUPS = [
  ['industryId', 'import_unknown_industry'],
  ['branchId', 'import_unknown_branch'],
  ['tierId', 'import_unknown_tier'],
  ['accountManagerId', 'import_unknown_manager'],
] as const

const CUSTOMER_DEFAULTS = {
  status: 'active',
  hasPbx: false,
} as const

const CUSTOMER_KEYS = Object.keys(customerFieldsSchema.shape) as (keyof CustomerFields)[]

interface CustomerData {
  existing: Row | null
  fields: CustomerFields
}

async function customersRun(
  ctx: ServiceContext,
  inputs: RowInput[],
  language: Language,
): Promise<KindRun<CustomerData>> {
  const lists = {
    industryId: await lookupIndex(ctx, 'industry', language),
    branchId: await lookupIndex(ctx, 'branch', language),
    tierId: await tierIndex(ctx, language),
    accountManagerId: await managerIndex(ctx),
  }
  const existingByCode = await customersByCode(ctx, fileCodes(inputs, 'code'))
  const seen = new SeenKeys()
  const year = Number(chinaDate(ctx.now()).slice(0, 4))

  return {
    plan(input) {
      const reasons = [...input.reasons]
      const failed = new Set(input.failed)
      const code = text(input.values, 'code')
      const existing = code ? (existingByCode.get(code.toLowerCase()) ?? null) : null
      if (code) {
        const duplicate = seen.check('code', code.toLowerCase(), input.row)
        if (duplicate) reasons.push(duplicate)
        if (existing?.deletedAt)
          reasons.push(reason('code', 'code_taken_deleted', { name: String(existing.name) }))
      }
      const given: Record<string, unknown> = {}
      for (const [key, value] of input.values) given[key] = value
      for (const [key, unknown] of CUSTOMER_LOOKUPS) {
        const value = text(input.values, key)
        if (!value) continue
        const found = lists[key].resolve(key, value, unknown, existing?.[key])
        if (found.ok) given[key] = found.id
        else {
          reasons.push(found.reason)
          failed.add(key)
          delete given[key]
        }
      }
      // The record's own code stays: "p1" in the file updates customer "P1".
      if (existing) given.code = existing.code
      const base: Record<string, unknown> = existing
        ? Object.fromEntries(CUSTOMER_KEYS.map((key) => [key, existing[key]]))
        : { ...CUSTOMER_DEFAULTS }
      if (existing) base.hasPbx = existing.hasPbx === 1
      const parsed = customerFieldsSchema.safeParse({ ...base, ...given })
      if (!parsed.success) reasons.push(...schemaReasons(parsed.error, failed))
      if (reasons.length > 0 || !parsed.success) return { ok: false, reasons }
      const fields = parsed.data
      const action: RowAction = !existing
        ? 'new'
        : differs(existing, { ...fields, hasPbx: fields.hasPbx ? 1 : 0 })
          ? 'update'
          : 'unchanged'
      return { ok: true, action, data: { existing, fields } }
    },

    display(input, { fields }) {
      const display: Display = {}
      for (const key of input.values.keys()) {
        const value = fields[key as keyof CustomerFields]
        const list = (lists as Record<string, ListIndex>)[key]
        display[key] =
          list && typeof value === 'string'
            ? (list.labels.get(value) ?? value)
            : typeof value === 'boolean'
              ? Number(value)
              : ((value as string | number | null | undefined) ?? null)
      }
      return display
    },

    async write(tx, { existing, fields }, action) {
      const columns: Record<string, unknown> = { ...fields, hasPbx: fields.hasPbx ? 1 : 0 }
      if (!existing) {
        await insertRecord(tx, 'customer', { ...columns, searchText: searchText(fields, []) })
        return
      }
      if (action === 'unchanged') return
      if (fields.name !== existing.name) {
        const contacts = await tx.db
          .selectFrom('contact')
          .select(['name', 'phone'])
          .where('customerId', '=', existing.id)
          .where('deletedAt', 'is', null)
          .orderBy('createdAt')
          .execute()
        columns.searchText = searchText(fields, contacts)
      }
      await updateRecord(tx, 'customer', existing.id, existing.version, columns)
      // A new tier: this year's plan and later ones follow it, as when the form saves the file.
      if (existing.tierId !== fields.tierId) await followTier(tx, existing.id, fields.tierId, year)
    },

    async finish() {},
  }
}

// ——— Contacts ———

const CONTACT_KEYS = Object.keys(contactFieldsSchema.shape) as (keyof z.output<typeof contactFieldsSchema>)[]

interface ContactData {
  customer: Row
  existing: Row | null
  fields: z.output<typeof contactFieldsSchema>
}

async function contactsRun(ctx: ServiceContext, inputs: RowInput[]): Promise<KindRun<ContactData>> {
  const customers = await customersByCode(ctx, fileCodes(inputs, 'customerCode'))
  const contacts = new Map<string, Row>()
  const customerIds = [...customers.values()].map((customer) => customer.id)
  for (const chunk of chunks(customerIds)) {
    const rows = await ctx.db
      .selectFrom('contact')
      .selectAll()
      .where('customerId', 'in', chunk)
      .where('deletedAt', 'is', null)
      .orderBy('createdAt')
      .execute()
    for (const row of rows) {
      const key = `${row.customerId}\u0001${normalizeChoice(row.name)}`
      if (!contacts.has(key)) contacts.set(key, row as unknown as Row)
    }
  }
  const seen = new SeenKeys()
  const touched = new Set<string>()

  return {
    plan(input) {
      const reasons = [...input.reasons]
      const found = liveCustomer(customers, input)
      if (!found.ok && found.reason) reasons.push(found.reason)
      const customer = found.ok ? found.customer : null
      const name = text(input.values, 'name')
      const key = customer && name ? `${customer.id}\u0001${normalizeChoice(name)}` : null
      if (key) {
        const duplicate = seen.check('name', key, input.row)
        if (duplicate) reasons.push(duplicate)
      }
      const existing = key ? (contacts.get(key) ?? null) : null
      const given = Object.fromEntries([...input.values].filter(([field]) => field !== 'customerCode'))
      if (existing) given.name = existing.name
      const base = existing
        ? Object.fromEntries(CONTACT_KEYS.map((field) => [field, existing[field]]))
        : { contactClass: 'ordinary' }
      const parsed = contactFieldsSchema.safeParse({ ...base, ...given })
      if (!parsed.success) reasons.push(...schemaReasons(parsed.error, input.failed))
      if (!input.values.has('customerCode') && !input.failed.has('customerCode'))
        reasons.push(reason('customerCode', 'required'))
      if (reasons.length > 0 || !parsed.success || !customer) return { ok: false, reasons }
      const fields = parsed.data
      const action: RowAction = !existing ? 'new' : differs(existing, fields) ? 'update' : 'unchanged'
      return { ok: true, action, data: { customer, existing, fields } }
    },

    display(input, { customer, fields }) {
      const display: Display = { customerCode: String(customer.code) }
      for (const field of input.values.keys())
        if (field !== 'customerCode') display[field] = fields[field as keyof typeof fields] ?? null
      return display
    },

    async write(tx, { customer, existing, fields }, action) {
      if (action === 'unchanged') return
      if (existing) await updateRecord(tx, 'contact', existing.id, existing.version, fields)
      else await insertRecord(tx, 'contact', { ...fields, customerId: customer.id })
      touched.add(customer.id)
    },

    /**
     * The customer file's version moves on with its contacts (as when the form saves them), and its search
     * text takes the new names and phones.
     */
    async finish(tx, tick) {
      for (const customerId of touched) {
        await tick()
        const customer = (await findRow(tx, 'customer', customerId))!
        const live = await tx.db
          .selectFrom('contact')
          .select(['name', 'phone'])
          .where('customerId', '=', customerId)
          .where('deletedAt', 'is', null)
          .orderBy('createdAt')
          .execute()
        const fields = { code: String(customer.code), name: String(customer.name) }
        const after = await updateRecord(tx, 'customer', customerId, customer.version, {
          searchText: searchText(fields, live),
        })
        if (after.version === customer.version)
          await bumpVersion(tx, 'customer', customerId, customer.version)
      }
    },
  }
}

// ——— Circuits ———

const CIRCUIT_KEYS = [
  'number',
  'customerId',
  'productId',
  'bandwidth',
  'aEnd',
  'zEnd',
  'standardFeeFen',
  'monthlyFeeFen',
  'status',
  'openedOn',
  'notes',
] as const

interface CircuitData {
  existing: Row | null
  customerCode: string
  fields: Record<(typeof CIRCUIT_KEYS)[number], unknown>
}

async function circuitsRun(
  ctx: ServiceContext,
  inputs: RowInput[],
  language: Language,
): Promise<KindRun<CircuitData>> {
  const customers = await customersByCode(ctx, fileCodes(inputs, 'customerCode'))
  const products = await lookupIndex(ctx, 'product', language)
  const numbers = fileCodes(inputs, 'number')
  const circuits = new Map<string, Row>()
  if (numbers.size > 0) {
    const keys = await ctx.db
      .selectFrom('circuit')
      .select((eb) => ['id', eb.fn<string>('lower', ['number']).as('key')])
      .execute()
    const ids = keys.filter((row) => numbers.has(row.key)).map((row) => row.id)
    for (const chunk of chunks(ids)) {
      const rows = await ctx.db.selectFrom('circuit').selectAll().where('id', 'in', chunk).execute()
      for (const row of rows) circuits.set(row.number.toLowerCase(), row as unknown as Row)
    }
  }
  const seen = new SeenKeys()

  return {
    plan(input) {
      const reasons = [...input.reasons]
      const failed = new Set(input.failed)
      const number = text(input.values, 'number')
      const existing = number ? (circuits.get(number.toLowerCase()) ?? null) : null
      if (number) {
        const duplicate = seen.check('number', number.toLowerCase(), input.row)
        if (duplicate) reasons.push(duplicate)
        if (existing?.deletedAt) reasons.push(reason('number', 'number_taken', { name: number }))
      }
      const found = liveCustomer(customers, input)
      if (!found.ok && found.reason) reasons.push(found.reason)
      const customer = found.ok ? found.customer : null
      if (customer && existing && existing.customerId !== customer.id)
        reasons.push(reason('customerCode', 'circuit_moves_customer'))
      const given: Record<string, unknown> = {}
      for (const [key, value] of input.values) if (key !== 'customerCode') given[key] = value
      if (customer) given.customerId = customer.id
      if (existing) given.number = existing.number
      const product = text(input.values, 'productId')
      if (product) {
        const resolved = products.resolve('productId', product, 'import_unknown_product', existing?.productId)
        if (resolved.ok) given.productId = resolved.id
        else {
          reasons.push(resolved.reason)
          failed.add('productId')
          delete given.productId
        }
      }
      const base: Record<string, unknown> = existing
        ? Object.fromEntries(CIRCUIT_KEYS.map((key) => [key, existing[key]]))
        : { status: 'active' }
      const parsed = circuitSaveSchema.safeParse({ ...base, ...given })
      if (!parsed.success)
        reasons.push(
          ...schemaReasons(parsed.error, new Set([...failed, 'customerCode']), {
            customerId: 'customerCode',
          }),
        )
      if (!input.values.has('customerCode') && !input.failed.has('customerCode'))
        reasons.push(reason('customerCode', 'required'))
      if (reasons.length > 0 || !parsed.success) return { ok: false, reasons }
      const { id: _id, version: _version, ...rest } = parsed.data
      const fields = rest as CircuitData['fields']
      const action: RowAction = !existing ? 'new' : differs(existing, fields) ? 'update' : 'unchanged'
      return { ok: true, action, data: { existing, fields, customerCode: String(customer!.code) } }
    },

    display(input, { fields, customerCode }) {
      const display: Display = {}
      for (const key of input.values.keys()) {
        if (key === 'customerCode') display[key] = customerCode
        else if (key === 'productId') display[key] = products.labels.get(String(fields.productId)) ?? null
        else display[key] = (fields[key as keyof typeof fields] as string | number | null | undefined) ?? null
      }
      return display
    },

    async write(tx, { existing, fields }, action) {
      if (action === 'unchanged') return
      if (existing) await updateRecord(tx, 'circuit', existing.id, existing.version, fields)
      else await insertRecord(tx, 'circuit', fields)
    },

    async finish() {},
  }
}

// ——— Monthly revenue ———

interface RevenueData {
  customerId: string
  customerCode: string
  existing: Row | null
  month: string
  revenueFen: number
}

async function revenueRun(ctx: ServiceContext, inputs: RowInput[]): Promise<KindRun<RevenueData>> {
  const customers = await customersByCode(ctx, fileCodes(inputs, 'customerCode'))
  const months = new Map<string, Row>()
  for (const chunk of chunks([...customers.values()].map((customer) => customer.id))) {
    const rows = await ctx.db
      .selectFrom('monthlyRevenue')
      .selectAll()
      .where('customerId', 'in', chunk)
      .execute()
    for (const row of rows) months.set(`${row.customerId}|${row.month}`, row as unknown as Row)
  }
  const seen = new SeenKeys()
  /** Per customer, the months new to it: entered together, then its churn warnings raised. */
  const added = new Map<string, { month: string; revenueFen: number }[]>()

  return {
    plan(input) {
      const reasons = [...input.reasons]
      const found = liveCustomer(customers, input)
      if (!found.ok && found.reason) reasons.push(found.reason)
      if (!input.values.has('customerCode') && !input.failed.has('customerCode'))
        reasons.push(reason('customerCode', 'required'))
      const customer = found.ok ? found.customer : null
      const month = text(input.values, 'month')
      const key = customer && month ? `${customer.id}|${month}` : null
      if (key) {
        const duplicate = seen.check('month', key, input.row)
        if (duplicate) reasons.push(duplicate)
      }
      const parsed = revenueSaveSchema.safeParse({
        customerId: customer?.id ?? '00000000-0000-7000-8000-000000000000',
        month: month ?? undefined,
        revenueFen: input.values.get('revenueFen'),
      })
      if (!parsed.success)
        reasons.push(...schemaReasons(parsed.error, new Set([...input.failed, 'customerId'])))
      if (reasons.length > 0 || !parsed.success || !customer) return { ok: false, reasons }
      const existing = months.get(key!) ?? null
      const { revenueFen } = parsed.data
      const action: RowAction = !existing
        ? 'new'
        : existing.revenueFen !== revenueFen || existing.deletedAt
          ? 'update'
          : 'unchanged'
      return {
        ok: true,
        action,
        data: {
          customerId: customer.id,
          customerCode: String(customer.code),
          existing,
          month: parsed.data.month,
          revenueFen,
        },
      }
    },

    display(_input, { customerCode, month, revenueFen }) {
      return { customerCode, month, revenueFen }
    },

    async write(tx, { customerId, existing, month, revenueFen }, action) {
      if (action === 'unchanged') return
      const list = added.get(customerId) ?? []
      added.set(customerId, list)
      if (!existing) list.push({ month, revenueFen })
      else
        await updateRecord(
          tx,
          'monthlyRevenue',
          existing.id,
          existing.version,
          { revenueFen, deletedAt: null },
          existing.deletedAt ? 'restore' : 'update',
        )
    },

    /** Each customer's new months entered at once, then the churn warnings they show (as the form raises them). */
    async finish(tx, tick) {
      for (const [customerId, list] of added) {
        await tick()
        await recordRevenueMonths(tx, customerId, list)
      }
    },
  }
}

export function runFor(
  kind: ImportKind,
  ctx: ServiceContext,
  inputs: RowInput[],
  language: Language,
): Promise<KindRun<unknown>> {
  switch (kind) {
    case 'customers':
      return customersRun(ctx, inputs, language) as Promise<KindRun<unknown>>
    case 'contacts':
      return contactsRun(ctx, inputs) as Promise<KindRun<unknown>>
    case 'circuits':
      return circuitsRun(ctx, inputs, language) as Promise<KindRun<unknown>>
    case 'revenue':
      return revenueRun(ctx, inputs) as Promise<KindRun<unknown>>
  }
}
