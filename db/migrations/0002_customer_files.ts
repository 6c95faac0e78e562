import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('customer')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    // The business key stays reserved by a soft-deleted customer, so that restoring it cannot collide.
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry_id', 'text', (c) => c.references('industry.id'))
    .addColumn('branch_id', 'text', (c) => c.references('branch.id'))
    .addColumn('address', 'text')
    .addColumn('tier_id', 'text', (c) => c.references('tier.id'))
    .addColumn('account_manager_id', 'text', (c) => c.references('account_manager.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('employees', 'integer')
    .addColumn('annual_output_fen', 'integer')
    .addColumn('leader', 'text')
    .addColumn('our_subscribers', 'integer')
    .addColumn('competitor_subscribers', 'integer')
    .addColumn('monthly_revenue_fen', 'integer')
    .addColumn('fixed_lines', 'integer')
    .addColumn('broadband_lines', 'integer')
    .addColumn('group_products', 'text')
    .addColumn('has_pbx', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  for (const column of ['name', 'branch_id', 'tier_id', 'account_manager_id', 'deleted_at']) {
    await db.schema.createIndex(`customer_${column}`).on('customer').column(column).execute()
  }

  await db.schema
    .createTable('contact')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('birthday', 'text')
    .addColumn('contact_class', 'text', (c) => c.notNull().defaultTo('ordinary'))
    .addColumn('notes', 'text')
    .execute()
  await db.schema.createIndex('contact_customer').on('contact').column('customer_id').execute()
}
