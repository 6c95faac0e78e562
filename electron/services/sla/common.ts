/** What the SLA services share: paging, numbering, the customer a record belongs to, and "today". */
import { sql, type SelectQueryBuilder } from 'kysely'
import type { Database } from '../../../db/schema'
import { chinaDate } from '../../domain/calendar'
import type { Page } from '../../api/contract'
import { AppError, fieldError } from '../../api/errors'
import type { ServiceContext } from '../context'
import { readSetting } from '../settings/store'

/** The desk's date now, in China time. */
export function today(ctx: ServiceContext): string {
  return chinaDate(ctx.now())
}

export function dueSoonDays(ctx: ServiceContext): Promise<number> {
  return readSetting(ctx, 'order_due_soon_days', 2)
}

/** The next number of a series, e.g. `PF-2026-00007`: one more than the highest given this year. */
export async function nextNumber(
  ctx: ServiceContext,
  table: 'provisioningOrder' | 'fault' | 'compensationSlip' | 'delivery' | 'followUp',
  prefix: string,
): Promise<string> {
  const year = today(ctx).slice(0, 4)
  const stem = `${prefix}-${year}-`
  const last = await ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.max('number').as('number'))
    .where('number', 'like', `${stem}%`)
    .executeTakeFirst()
  const used = Number(String(last?.number ?? '').slice(stem.length)) || 0
  return `${stem}${String(used + 1).padStart(5, '0')}`
}

export function notFound(table: string, id: string): AppError {
  return new AppError('not_found', `No ${table} with id ${id}.`, { params: { table } })
}

interface PageInput {
  startRow: number
  endRow: number
  sort: { colId: string; sort: 'asc' | 'desc' }[]
}

/** What every SLA and service list asks: a page, a sort, one customer's records or everyone's, a search. */
export interface ListRequest extends PageInput {
  customerId?: string | undefined
  search: string
}

/**
 * One page of a list query and the count of all its rows. `columns` maps a sortable column of the
 * contract to the SQL expression behind it; the id breaks ties so that pages never overlap.
 */
export async function pageOf<O extends { id: string }, DB = Database, TB extends keyof DB = keyof DB>(
  query: SelectQueryBuilder<DB, TB, O>,
  input: PageInput,
  columns: Record<string, string>,
  defaultSort: { column: string; sort: 'asc' | 'desc' },
  idColumn: string,
): Promise<Page<O>> {
  let ordered = query
  const sorts =
    input.sort.length > 0 ? input.sort.map((s) => ({ column: s.colId, sort: s.sort })) : [defaultSort]
  for (const { column, sort } of sorts) {
    ordered = ordered.orderBy(sql.ref(columns[column] ?? column), sort)
  }
  const [rows, count] = await Promise.all([
    ordered
      .orderBy(sql.ref(idColumn))
      .limit(input.endRow - input.startRow)
      .offset(input.startRow)
      .execute(),
    query
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow() as Promise<unknown> as Promise<{ total: number }>,
  ])
  return { rows, total: Number(count.total) }
}

/** Numbers of orders and faults are unique whatever their case, as circuit and agreement numbers are. */
export async function assertNumberFree(
  ctx: ServiceContext,
  table: 'provisioningOrder' | 'fault',
  number: string,
  ownId?: string,
): Promise<void> {
  const holder = await ctx.db
    .selectFrom(table)
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['number']), '=', number.toLowerCase()))
    .executeTakeFirst()
  if (holder && holder.id !== ownId) throw fieldError('number', 'number_taken', { name: number })
}

/** The customer a new record belongs to: it must exist and not be deleted. */
export async function assertLiveCustomer(ctx: ServiceContext, customerId: string): Promise<void> {
  const customer = await ctx.db
    .selectFrom('customer')
    .select('deletedAt')
    .where('id', '=', customerId)
    .executeTakeFirst()
  if (!customer || customer.deletedAt) throw fieldError('customerId', 'invalid_choice')
}

/** One branch's or one account manager's customers; `none`: the customers with none assigned. */
export interface OwnerFilter {
  branchId?: string | undefined
  accountManagerId?: string | undefined
}

/** The customer's branch and account manager: whose records they are (the query joins the customer as `c`). */
export const OWNER_COLUMNS = { branchId: 'c.branch_id', accountManagerId: 'c.account_manager_id' } as const

/** Narrows a list to an owner's records; `columns` says which columns name the owner. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ownedBy<QB extends SelectQueryBuilder<any, any, any>>(
  query: QB,
  owner: OwnerFilter,
  columns: Record<keyof OwnerFilter, string> = OWNER_COLUMNS,
): QB {
  let narrowed = query
  for (const key of ['branchId', 'accountManagerId'] as const) {
    const value = owner[key]
    if (!value) continue
    const column = sql.ref(columns[key])
    narrowed = (
      value === 'none' ? narrowed.where(column, 'is', null) : narrowed.where(column, '=', value)
    ) as QB
  }
  return narrowed
}
