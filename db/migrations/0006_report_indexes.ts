/**
 * Indexes the quarterly report reads by: complaints are activities of one kind in a window, openings
 * are orders completed in it, churn warnings are those raised in it.
 */
import type { Kysely } from 'kysely'

const INDEXES: [string, string, string[]][] = [
  ['activity_kind_date', 'activity', ['kind', 'occurred_on']],
  ['order_completed', 'provisioning_order', ['completed_on']],
  ['churn_warning_raised', 'churn_warning', ['raised_on']],
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of INDEXES)
    await db.schema.createIndex(name).on(table).columns(columns).execute()
}
