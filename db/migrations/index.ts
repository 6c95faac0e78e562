import type { Migration } from 'kysely/migration'
import * as foundation from './0001_foundation'
import * as customerFiles from './0002_customer_files'
import * as sla from './0003_sla'
import * as servicePlans from './0004_service_plans'
import * as deliveries from './0005_deliveries'
import * as reportIndexes from './0006_report_indexes'

/**
 * Every migration, in order, statically imported: a folder scan breaks once the main process is
 * bundled. Append-only once shipped: never edit or reorder a migration that has been released.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_customer_files': customerFiles,
  '0003_sla': sla,
  '0004_service_plans': servicePlans,
  '0005_deliveries': deliveries,
  '0006_report_indexes': reportIndexes,
}

export const LATEST_SCHEMA_VERSION = Object.keys(MIGRATIONS).length
