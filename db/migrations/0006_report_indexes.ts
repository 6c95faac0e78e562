/**
 * Indexes the quarterly report reads by: complaints are activities of one kind in a window, openings
 * are orders completed in it, churn warnings are those raised in it. And the standard actions done in a
 * window, which plan compliance reads row by row: a partial index holding every column it reads, so
 * that a million activities are read from the index alone, not looked up one by one in the table.
 */
import { sql, type Kysely } from 'kysely'

const INDEXES: [string, string, string[]][] = [
  ['activity_kind_date', 'activity', ['kind', 'occurred_on']],
  ['order_completed', 'provisioning_order', ['completed_on']],
  ['churn_warning_raised', 'churn_warning', ['raised_on']],
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of INDEXES)
    await db.schema.createIndex(name).on(table).columns(columns).execute()
  await db.schema
    .createIndex('activity_done_on')
    .on('activity')
    .columns(['occurred_on', 'customer_id', 'item_id'])
    .where(sql.ref('deleted_at'), 'is', null)
    .where(sql.ref('item_id'), 'is not', null)
    .execute()
}
