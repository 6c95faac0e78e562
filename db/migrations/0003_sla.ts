/**
 * SLA: the working-day calendar, bandwidth products, quality grades, the provisioning rule table,
 * circuits, agreements, provisioning orders with their pauses, faults and compensation slips.
 * The official calendar's years are not seeded here (see db/seed/calendar.ts): new years arrive with
 * new app versions, and a migration must stay the same once shipped.
 */
import type { Kysely } from 'kysely'
import { defaultRowId } from '../ids'

const SHIPPED_AT = '2026-11-23T00:00:00.000Z'

function recordTable(db: Kysely<unknown>, name: string) {
  return db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
}

/** Bandwidth products (domain.md §4), extended as the seeds say: internet dedicated line, MPLS VPN. */
const PRODUCTS = [
  ['digital', '数字电路', 'Digital circuit'],
  ['ddn', 'DDN', 'DDN'],
  ['fr', '帧中继（FR）', 'Frame relay (FR)'],
  ['atm', 'ATM', 'ATM'],
  ['internet', '互联网专线', 'Internet dedicated line'],
  ['mpls_vpn', 'MPLS VPN', 'MPLS VPN'],
] as const

/** Illustrative guarantee grades of domain.md §4: availability (ppm) and fault recovery (minutes). */
const GRADES = [
  ['grade1', '一级保障', 'Grade 1', 999_900, 120],
  ['grade2', '二级保障', 'Grade 2', 999_000, 240],
  ['grade3', '三级保障', 'Grade 3', 995_000, 480],
] as const

/** Working-day limits per class of the table in domain.md §4; the seeds give none for internet lines and
 * MPLS VPN, so they ship with DDN's limits for a supervisor to adjust. */
const LIMITS: Record<string, [urgent: number, expedited: number, normal: number]> = {
  digital: [5, 10, 20],
  ddn: [8, 13, 20],
  fr: [8, 13, 20],
  atm: [8, 13, 20],
  internet: [8, 13, 20],
  mpls_vpn: [8, 13, 20],
}
const CLASS_TERMS = [
  ['urgent', 15_000, 500],
  ['expedited', 13_000, 500],
  ['normal', 10_000, 200],
] as const

function stamps() {
  return { version: 1, created_at: SHIPPED_AT, updated_at: SHIPPED_AT, deleted_at: null }
}

async function createTables(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_year')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('loaded_at', 'text', (c) => c.notNull())
    .execute()
  await recordTable(db, 'calendar_day')
    .addColumn('date', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute()

  await recordTable(db, 'product')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await recordTable(db, 'quality_grade')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('availability_ppm', 'integer', (c) => c.notNull())
    .addColumn('recovery_minutes', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await recordTable(db, 'provisioning_rule')
    .addColumn('provisioning_class', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('price_factor_bp', 'integer', (c) => c.notNull())
    .addColumn('rate_bp', 'integer', (c) => c.notNull())
    .addColumn('cap_bp', 'integer', (c) => c.notNull())
    .addUniqueConstraint('provisioning_rule_class_product', ['provisioning_class', 'product_id'])
    .execute()

  await recordTable(db, 'circuit')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    // Unique for ever: a ceased circuit's number still names it on old orders and slips.
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('bandwidth', 'text')
    .addColumn('a_end', 'text')
    .addColumn('z_end', 'text')
    .addColumn('standard_fee_fen', 'integer')
    .addColumn('monthly_fee_fen', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text')
    .addColumn('notes', 'text')
    .execute()

  await recordTable(db, 'sla_agreement')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('signed_on', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('grade_id', 'text', (c) => c.references('quality_grade.id'))
    .addColumn('terms_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('availability_rate_bp', 'integer')
    .addColumn('notes', 'text')
    .execute()
  await db.schema
    .createTable('agreement_circuit')
    .addColumn('agreement_id', 'text', (c) => c.notNull().references('sla_agreement.id'))
    .addColumn('circuit_id', 'text', (c) => c.notNull().references('circuit.id'))
    .addPrimaryKeyConstraint('agreement_circuit_pk', ['agreement_id', 'circuit_id'])
    .execute()

  await recordTable(db, 'provisioning_order')
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('circuit_id', 'text', (c) => c.notNull().references('circuit.id'))
    .addColumn('agreement_id', 'text', (c) => c.references('sla_agreement.id'))
    .addColumn('provisioning_class', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('accepted_on', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text')
    .addColumn('standard_fee_fen', 'integer')
    // The terms in force when the order was accepted: later rule edits do not move its deadline.
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('price_factor_bp', 'integer', (c) => c.notNull())
    .addColumn('rate_bp', 'integer', (c) => c.notNull())
    .addColumn('cap_bp', 'integer', (c) => c.notNull())
    // Derived from the above, the pauses and the calendar; kept so that lists filter and sort in SQL.
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paused_working_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('late_working_days', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('charged_fee_fen', 'integer')
    .addColumn('compensation_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .execute()
  await recordTable(db, 'order_pause')
    .addColumn('order_id', 'text', (c) => c.notNull().references('provisioning_order.id'))
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute()

  await recordTable(db, 'fault')
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('circuit_id', 'text', (c) => c.notNull().references('circuit.id'))
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('restored_at', 'text')
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // The China date of the report: agreements and grades apply by date, as the desk reckons it.
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .execute()

  await recordTable(db, 'compensation_slip')
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('circuit_id', 'text', (c) => c.notNull().references('circuit.id'))
    .addColumn('order_id', 'text', (c) => c.references('provisioning_order.id'))
    .addColumn('agreement_id', 'text', (c) => c.references('sla_agreement.id'))
    .addColumn('period', 'text')
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('working_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('responsible_unit', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('paid_by', 'text')
    // Who voided it by hand: such a slip is not drafted again for the same working.
    .addColumn('voided_by', 'text')
    .addColumn('notes', 'text')
    .execute()
}

async function createIndexes(db: Kysely<unknown>): Promise<void> {
  const indexes: [string, string, string[]][] = [
    ['circuit_customer', 'circuit', ['customer_id']],
    ['agreement_customer', 'sla_agreement', ['customer_id']],
    ['agreement_circuit_circuit', 'agreement_circuit', ['circuit_id']],
    ['order_customer', 'provisioning_order', ['customer_id']],
    ['order_status_due', 'provisioning_order', ['status', 'due_on']],
    ['order_pause_order', 'order_pause', ['order_id']],
    ['fault_circuit_reported', 'fault', ['circuit_id', 'reported_at']],
    ['fault_customer', 'fault', ['customer_id']],
    ['slip_customer', 'compensation_slip', ['customer_id']],
    ['slip_order', 'compensation_slip', ['order_id']],
    ['slip_circuit_period', 'compensation_slip', ['circuit_id', 'period']],
  ]
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute()
  }
}

async function seedRules(db: Kysely<unknown>): Promise<void> {
  const anyDb = db as Kysely<Record<string, Record<string, unknown>>>
  await anyDb
    .insertInto('product')
    .values(
      PRODUCTS.map(([code, name_zh, name_en], index) => ({
        id: defaultRowId(`product:${code}`),
        code,
        name_zh,
        name_en,
        sort_order: index + 1,
        ...stamps(),
      })),
    )
    .execute()
  await anyDb
    .insertInto('quality_grade')
    .values(
      GRADES.map(([code, name_zh, name_en, availability_ppm, recovery_minutes], index) => ({
        id: defaultRowId(`quality_grade:${code}`),
        code,
        name_zh,
        name_en,
        availability_ppm,
        recovery_minutes,
        sort_order: index + 1,
        ...stamps(),
      })),
    )
    .execute()
  await anyDb
    .insertInto('provisioning_rule')
    .values(
      Object.entries(LIMITS).flatMap(([product, limits]) =>
        CLASS_TERMS.map(([provisioningClass, priceFactorBp, rateBp], index) => ({
          id: defaultRowId(`provisioning_rule:${provisioningClass}:${product}`),
          provisioning_class: provisioningClass,
          product_id: defaultRowId(`product:${product}`),
          limit_days: limits[index]!,
          price_factor_bp: priceFactorBp,
          rate_bp: rateBp,
          cap_bp: 10_000,
          ...stamps(),
        })),
      ),
    )
    .execute()
  await anyDb
    .insertInto('setting')
    .values([
      { key: 'order_due_soon_days', value_json: '2' },
      { key: 'agreement_expiry_warning_days', value_json: '30' },
    ])
    .execute()
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTables(db)
  await createIndexes(db)
  await seedRules(db)
}
