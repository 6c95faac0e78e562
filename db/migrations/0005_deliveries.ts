/**
 * Deliveries (交付) and follow-ups (回访), domain.md §3: the deadline rules (how many days, working or
 * calendar, after which event), the documents of the delivery packs by customer site and business, the
 * deliveries made after an opening and the follow-up calls after an opening or a fault's repair.
 */
import { sql, type Kysely } from 'kysely'
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

function stamps() {
  return { version: 1, created_at: SHIPPED_AT, updated_at: SHIPPED_AT, deleted_at: null }
}

/** domain.md §3: delivery 3 working days after opening; follow-ups 7 days after opening, 3 after repair. */
const DEADLINES: [code: string, days: number, dayCount: 'working' | 'calendar'][] = [
  ['delivery', 3, 'working'],
  ['follow_up_opening', 7, 'calendar'],
  ['follow_up_repair', 3, 'calendar'],
]

/**
 * The documents handed over, and which pack holds each: [HQ first, HQ added, branch first, branch
 * added]. The HQ first-business pack is the four of domain.md §3; the others are illustrative.
 */
const DOCUMENTS: [code: string, nameZh: string, nameEn: string, form: string | null, packs: number[]][] = [
  ['letter', '致客户信', 'Letter to the customer', 'letter', [1, 0, 1, 0]],
  ['delivery_list', '业务交付清单', 'Business delivery list', 'delivery_list', [1, 1, 1, 1]],
  ['warranty_card', '进网保修服务卡', 'Warranty service card', 'warranty_card', [1, 1, 1, 1]],
  ['user_guide', '进网业务使用说明书', 'User guide', null, [1, 0, 1, 0]],
]

async function createTables(db: Kysely<unknown>): Promise<void> {
  await recordTable(db, 'deadline_rule')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('day_count', 'text', (c) => c.notNull())
    .addCheckConstraint('deadline_rule_day_count', sql`day_count in ('working', 'calendar')`)
    .addCheckConstraint('deadline_rule_days', sql`days >= 0`)
    .execute()
  await recordTable(db, 'delivery_document')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // The printed form the app makes for it (letter, delivery_list, warranty_card); null: handed over as is.
    .addColumn('form', 'text')
    .addColumn('in_hq_first', 'integer', (c) => c.notNull())
    .addColumn('in_hq_added', 'integer', (c) => c.notNull())
    .addColumn('in_branch_first', 'integer', (c) => c.notNull())
    .addColumn('in_branch_added', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute()
  await recordTable(db, 'delivery')
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().unique().references('provisioning_order.id'))
    .addColumn('circuit_id', 'text', (c) => c.notNull().references('circuit.id'))
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('site_kind', 'text', (c) => c.notNull())
    .addColumn('business_kind', 'text', (c) => c.notNull())
    // The rule in force when the delivery was created: a later rule edit does not move this deadline.
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('day_count', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('delivered_on', 'text')
    .addColumn('delivered_by', 'text', (c) => c.references('account_manager.id'))
    .addColumn('receiver_contact_id', 'text', (c) => c.references('contact.id'))
    .addColumn('pack_json', 'text', (c) => c.notNull())
    .addColumn('billed_circuit_number', 'text')
    .addColumn('billed_opened_on', 'text')
    .addColumn('billed_monthly_fee_fen', 'integer')
    .addColumn('billed_one_time_fee_fen', 'integer')
    .addColumn('billing_confirmed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addCheckConstraint('delivery_site_kind', sql`site_kind in ('hq', 'branch')`)
    .addCheckConstraint('delivery_business_kind', sql`business_kind in ('first', 'added')`)
    .addCheckConstraint('delivery_day_count', sql`day_count in ('working', 'calendar')`)
    .execute()
  await recordTable(db, 'follow_up')
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('circuit_id', 'text', (c) => c.notNull().references('circuit.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.unique().references('provisioning_order.id'))
    .addColumn('fault_id', 'text', (c) => c.unique().references('fault.id'))
    .addColumn('trigger_on', 'text', (c) => c.notNull())
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('day_count', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('done_by', 'text', (c) => c.references('account_manager.id'))
    .addColumn('contact_id', 'text', (c) => c.references('contact.id'))
    .addColumn('result', 'text')
    .addColumn('satisfaction', 'integer')
    .addColumn('issues', 'text')
    .addColumn('issue_owner_id', 'text', (c) => c.references('account_manager.id'))
    .addColumn('issue_closed_on', 'text')
    .addColumn('issue_closure', 'text')
    .addColumn('notes', 'text')
    .addCheckConstraint(
      'follow_up_source',
      sql`(source = 'opening' and order_id is not null and fault_id is null) or (source = 'repair' and fault_id is not null and order_id is null)`,
    )
    .addCheckConstraint('follow_up_day_count', sql`day_count in ('working', 'calendar')`)
    .addCheckConstraint('follow_up_satisfaction', sql`satisfaction between 1 and 5`)
    .execute()
}

async function createIndexes(db: Kysely<unknown>): Promise<void> {
  const indexes: [string, string, string[]][] = [
    ['delivery_customer', 'delivery', ['customer_id']],
    ['delivery_open_due', 'delivery', ['delivered_on', 'due_on']],
    ['follow_up_customer', 'follow_up', ['customer_id']],
    ['follow_up_open_due', 'follow_up', ['done_on', 'due_on']],
    ['follow_up_issue_owner', 'follow_up', ['issue_owner_id']],
  ]
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute()
  }
}

async function seedRules(db: Kysely<unknown>): Promise<void> {
  const anyDb = db as Kysely<Record<string, Record<string, unknown>>>
  await anyDb
    .insertInto('deadline_rule')
    .values(
      DEADLINES.map(([code, days, day_count]) => ({
        id: defaultRowId(`deadline_rule:${code}`),
        code,
        days,
        day_count,
        ...stamps(),
      })),
    )
    .execute()
  await anyDb
    .insertInto('delivery_document')
    .values(
      DOCUMENTS.map(([code, name_zh, name_en, form, packs], index) => ({
        id: defaultRowId(`delivery_document:${code}`),
        code,
        name_zh,
        name_en,
        form,
        in_hq_first: packs[0],
        in_hq_added: packs[1],
        in_branch_first: packs[2],
        in_branch_added: packs[3],
        sort_order: index + 1,
        ...stamps(),
      })),
    )
    .execute()
  await anyDb
    .insertInto('setting')
    .values([
      { key: 'fault_hotline', value_json: JSON.stringify('10000') },
      { key: 'account_hotline', value_json: JSON.stringify(null) },
    ])
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTables(db)
  await createIndexes(db)
  await seedRules(db)
}
