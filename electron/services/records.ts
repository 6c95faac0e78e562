/**
 * What every change shares: one transaction, an audit row, optimistic-lock versions and soft delete.
 * Services call these rather than repeating them, so no change can skip its audit row.
 */
import type { Kysely, Selectable } from 'kysely'
import type { AuditLogTable, Database } from '../../db/schema'
import type { AuditEntry } from '../api/contract'
import { newId } from '../../db/ids'
import { AppError } from '../api/errors'
import type { ServiceContext } from './context'

export type VersionedTable =
  | 'customer'
  | 'contact'
  | 'accountManager'
  | 'tier'
  | 'industry'
  | 'branch'
  | 'product'
  | 'calendarDay'
  | 'qualityGrade'
  | 'provisioningRule'
  | 'circuit'
  | 'slaAgreement'
  | 'provisioningOrder'
  | 'orderPause'
  | 'fault'
  | 'compensationSlip'
  | 'serviceItem'
  | 'serviceStandard'
  | 'servicePlan'
  | 'planItem'
  | 'activity'
  | 'monthlyRevenue'
  | 'churnWarning'
  | 'customerValue'
  | 'deadlineRule'
  | 'deliveryDocument'
  | 'delivery'
  | 'followUp'
/** Tables whose changes are audited: the versioned records, and settings. */
export type AuditedTable = VersionedTable | 'setting' | 'calendarYear'
type Row = Record<string, unknown> & { id: string; version: number; deletedAt: string | null }

/** Derived columns: kept up to date by the services, never a change of their own. */
const DERIVED = new Set(['searchText'])
/** Columns never copied into audit rows: derived, or secret (a password hash). */
const NOT_AUDITED = new Set([...DERIVED, 'passwordHash'])

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString()
}

export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (tx: ServiceContext) => Promise<T>,
): Promise<T> {
  // A service called from another's transaction (or from the demo seed's) joins it.
  if (ctx.db.isTransaction) return work(ctx)
  return ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }))
}

function auditable(row: Record<string, unknown> | null): string | null {
  if (!row) return null
  return JSON.stringify(Object.fromEntries(Object.entries(row).filter(([key]) => !NOT_AUDITED.has(key))))
}

export async function writeAudit(
  ctx: ServiceContext,
  tableName: AuditedTable,
  action: 'create' | 'update' | 'delete' | 'restore',
  before: Record<string, unknown> | null,
  after: Record<string, unknown> & { id: string },
): Promise<void> {
  await ctx.db
    .insertInto('auditLog')
    .values({
      id: newId(),
      at: nowIso(ctx),
      operatorId: ctx.actor.id,
      operatorName: ctx.actor.name,
      host: ctx.host,
      tableName,
      rowId: after.id,
      action,
      beforeJson: auditable(before),
      afterJson: auditable(after),
    })
    .execute()
}

// The helpers below work on any versioned table; Kysely cannot type a table chosen at run time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function anyTable(ctx: ServiceContext): Kysely<any> {
  return ctx.db as unknown as Kysely<Database & Record<string, Row>>
}

export async function findRow(
  ctx: ServiceContext,
  table: VersionedTable,
  id: string,
): Promise<Row | undefined> {
  return (await anyTable(ctx).selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst()) as
    Row | undefined
}

/** Refuses an edit made against an older version of the row, naming who changed it since and when. */
export async function staleEdit(ctx: ServiceContext, table: VersionedTable, id: string): Promise<AppError> {
  const last = await ctx.db
    .selectFrom('auditLog')
    .select(['operatorName', 'at'])
    .where('tableName', '=', table)
    .where('rowId', '=', id)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return new AppError(
    'stale_edit',
    `This record was changed by ${last?.operatorName ?? 'someone else'} at ${last?.at ?? 'an unknown time'} after you opened it. Reload it, then make your change again.`,
    { params: { operator: last?.operatorName ?? '?', at: last?.at ?? '' } },
  )
}

/** Loads a row for a change, checking that it exists and that the caller saw its latest version. */
export async function loadForChange(
  ctx: ServiceContext,
  table: VersionedTable,
  id: string,
  expectedVersion: number,
): Promise<Row> {
  const row = await findRow(ctx, table, id)
  if (!row) throw new AppError('not_found', `No ${table} with id ${id}.`, { params: { table } })
  if (row.version !== expectedVersion) throw await staleEdit(ctx, table, id)
  return row
}

/**
 * Inserts a new record with its id, stamps and audit row; returns the row as written (not read back:
 * a bulk entry, such as a year of activities, should cost one statement and its audit row per record).
 */
export async function insertRecord(
  ctx: ServiceContext,
  table: VersionedTable,
  values: Record<string, unknown>,
): Promise<Row> {
  const at = nowIso(ctx)
  const row: Row = {
    ...values,
    id: (values.id as string | undefined) ?? newId(),
    version: 1,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  }
  await anyTable(ctx).insertInto(table).values(row).execute()
  await writeAudit(ctx, table, 'create', null, row)
  return row
}

/**
 * Applies a change to a row the caller saw at `expectedVersion`; the version check is part of the
 * UPDATE itself, so two windows saving at once cannot both win. Unchanged rows are left alone; a change
 * of derived columns only (a contact's phone in the customer's search text) bumps the version without
 * an audit row of its own, since the change that caused it has one.
 */
export async function updateRecord(
  ctx: ServiceContext,
  table: VersionedTable,
  id: string,
  expectedVersion: number,
  patch: Record<string, unknown>,
  action: 'update' | 'delete' | 'restore' = 'update',
): Promise<Row> {
  const before = await loadForChange(ctx, table, id, expectedVersion)
  const changed = Object.keys(patch).filter((key) => before[key] !== patch[key])
  if (changed.length === 0) return before
  const after = await bumpVersion(ctx, table, id, expectedVersion, patch)
  if (changed.some((key) => !DERIVED.has(key))) await writeAudit(ctx, table, action, before, after)
  return after
}

/** Writes `patch` and the next version, refusing if the row moved on since `expectedVersion`. */
export async function bumpVersion(
  ctx: ServiceContext,
  table: VersionedTable,
  id: string,
  expectedVersion: number,
  patch: Record<string, unknown> = {},
): Promise<Row> {
  const result = await anyTable(ctx)
    .updateTable(table)
    .set({ ...patch, version: expectedVersion + 1, updatedAt: nowIso(ctx) })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) throw await staleEdit(ctx, table, id)
  return (await findRow(ctx, table, id))!
}

export function softDelete(
  ctx: ServiceContext,
  table: VersionedTable,
  id: string,
  version: number,
): Promise<Row> {
  return updateRecord(ctx, table, id, version, { deletedAt: nowIso(ctx) }, 'delete')
}

export function restore(
  ctx: ServiceContext,
  table: VersionedTable,
  id: string,
  version: number,
): Promise<Row> {
  return updateRecord(ctx, table, id, version, { deletedAt: null }, 'restore')
}

/** A child record as a page sends it: new ones without id, existing ones with the version seen. */
export type ChildDraft = Record<string, unknown> & { id?: string | undefined; version?: number | undefined }

/**
 * Makes a parent's children match the list a page sent: new ones added, changed ones updated, missing
 * ones removed. The caller has checked the parent's version, so the list is the one it saw. A child id
 * the parent does not hold is refused (removed meanwhile, or another parent's). Returns whether any
 * child changed, so the caller can move the parent's version on.
 */
export async function syncChildren(
  ctx: ServiceContext,
  table: VersionedTable,
  parent: { column: string; id: string },
  drafts: ChildDraft[],
  notOwned: (index: number) => AppError,
): Promise<boolean> {
  const existing = (await anyTable(ctx)
    .selectFrom(table)
    .select(['id', 'version'])
    .where(parent.column, '=', parent.id)
    .where('deletedAt', 'is', null)
    .execute()) as { id: string; version: number }[]
  const kept = new Set(drafts.map((draft) => draft.id).filter(Boolean))
  let changed = false
  for (const gone of existing.filter((row) => !kept.has(row.id))) {
    await softDelete(ctx, table, gone.id, gone.version)
    changed = true
  }
  for (const [index, draft] of drafts.entries()) {
    const { id, version, ...fields } = draft
    if (!id) {
      await insertRecord(ctx, table, { ...fields, [parent.column]: parent.id })
      changed = true
      continue
    }
    const own = existing.find((row) => row.id === id)
    if (!own) {
      const row = await findRow(ctx, table, id)
      throw row && row[parent.column] === parent.id ? await staleEdit(ctx, table, id) : notOwned(index)
    }
    const after = await updateRecord(ctx, table, id, version ?? 0, fields)
    changed ||= after.version !== own.version
  }
  return changed
}

function parseJson(text: string | null): Record<string, unknown> {
  return text ? (JSON.parse(text) as Record<string, unknown>) : {}
}

/** Fields whose value differs between the two audit snapshots (bookkeeping columns left out). */
function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): AuditEntry['changes'] {
  const ignored = new Set(['id', 'version', 'createdAt', 'updatedAt', 'customerId'])
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...keys]
    .filter(
      (key) =>
        !ignored.has(key) && JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
    )
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }))
}

/** An audit row as the history screens show it: who, when, what record, which fields changed. */
export function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
  const before = parseJson(row.beforeJson)
  const after = parseJson(row.afterJson)
  return {
    id: row.id,
    at: row.at,
    operatorName: row.operatorName,
    host: row.host,
    tableName: row.tableName,
    rowId: row.rowId,
    action: row.action,
    // A record's name, or failing that its Chinese name or code (rule data has no `name`).
    recordName: (['name', 'nameZh', 'code'].map((key) => after[key] ?? before[key]).find(Boolean) ?? null) as
      string | null,
    changes: changedFields(before, after),
  }
}
