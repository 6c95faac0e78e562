/**
 * The customers grid's page query: filtering, sorting and paging all happen in SQL so that the grid stays
 * smooth at 100,000 customers (AG Grid's infinite row model asks for one block of rows at a time).
 */
import { sql, type ExpressionBuilder, type SelectQueryBuilder, type Expression, type SqlBool } from 'kysely'
import type { Database } from '../../../db/schema'
import type { CustomerRow, Page } from '../../api/contract'
import type { CustomerListFilter, NumberCondition, TextCondition } from '../../api/schemas'
import type { ServiceContext } from '../context'

type Eb = ExpressionBuilder<Database & { c: Database['customer'] }, 'c'>

/** Escapes LIKE wildcards so that a user's "%" or "_" matches itself. */
/**
 * A where-clause for a list's search box: any of the columns contains the text, case folded, with the
 * LIKE wildcards in it taken literally.
 */
export function containsAny(columns: string[], text: string) {
  const pattern = likePattern(text.toLowerCase(), 'contains')
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the columns belong to whichever query asks
  return (eb: ExpressionBuilder<any, any>) =>
    eb.or(columns.map((column) => eb(sql`lower(${sql.ref(column)})`, 'like', sql`${pattern} escape '\\'`)))
}

export function likePattern(text: string, where: 'contains' | 'startsWith' | 'endsWith'): string {
  const escaped = text.replace(/[\\%_]/g, (ch) => `\\${ch}`)
  if (where === 'startsWith') return `${escaped}%`
  if (where === 'endsWith') return `%${escaped}`
  return `%${escaped}%`
}

/**
 * One text condition. Both sides are folded by the database's own lower(), so that the column and the
 * typed text are folded alike (SQLite folds ASCII only; JavaScript would fold more, and miss).
 */
function textCondition(column: Expression<string | null>, condition: TextCondition): Expression<SqlBool> {
  const value = condition.filter ?? ''
  const folded = sql<string>`lower(coalesce(${column}, ''))`
  switch (condition.type) {
    case 'blank':
      return sql<SqlBool>`${folded} = ''`
    case 'notBlank':
      return sql<SqlBool>`${folded} <> ''`
    case 'equals':
      return sql<SqlBool>`${folded} = lower(${value})`
    case 'notEqual':
      return sql<SqlBool>`${folded} <> lower(${value})`
    case 'notContains':
      return sql<SqlBool>`${folded} not like lower(${likePattern(value, 'contains')}) escape '\\'`
    default:
      return sql<SqlBool>`${folded} like lower(${likePattern(value, condition.type)}) escape '\\'`
  }
}

const NUMBER_OPERATOR_SQL = {
  equals: '=',
  notEqual: '<>',
  lessThan: '<',
  lessThanOrEqual: '<=',
  greaterThan: '>',
  greaterThanOrEqual: '>=',
} as const

function numberCondition(column: Expression<number | null>, condition: NumberCondition): Expression<SqlBool> {
  const { type, filter, filterTo } = condition
  if (type === 'blank') return sql<SqlBool>`${column} is null`
  if (type === 'notBlank') return sql<SqlBool>`${column} is not null`
  if (type === 'inRange') return sql<SqlBool>`${column} between ${filter} and ${filterTo}`
  return sql<SqlBool>`${column} ${sql.raw(NUMBER_OPERATOR_SQL[type])} ${filter}`
}

/** Joins the one or two conditions of an AG Grid filter model with AND/OR. */
function combine<C>(
  eb: Eb,
  model: C | { operator: 'AND' | 'OR'; conditions: C[] },
  one: (condition: C) => Expression<SqlBool>,
): Expression<SqlBool> {
  if (typeof model === 'object' && model !== null && 'conditions' in model) {
    const parts = model.conditions.map(one)
    return model.operator === 'AND' ? eb.and(parts) : eb.or(parts)
  }
  return one(model as C)
}

const CONTACT_ORDER = sql`case contact_class when 'core' then 0 when 'important' then 1 else 2 end`

/** The file's first contact, core members first: shown in the grid and matched by its filter. */
function keyContactColumn(eb: Eb, column: 'name' | 'phone'): Expression<string | null> {
  const first = eb
    .selectFrom('contact')
    .select(`contact.${column}`)
    .whereRef('contact.customerId', '=', 'c.id')
    .where('contact.deletedAt', 'is', null)
    .orderBy(CONTACT_ORDER)
    .orderBy('contact.createdAt')
    .limit(1)
  return sql<string | null>`${first}`
}

function textColumn(eb: Eb, colId: keyof CustomerListFilter['textFilters']): Expression<string | null> {
  if (colId === 'keyContact') return keyContactColumn(eb, 'name')
  return eb.ref(`c.${colId}`)
}

function whereFilter(eb: Eb, filter: CustomerListFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [
    filter.deleted === 'only' ? eb('c.deletedAt', 'is not', null) : eb('c.deletedAt', 'is', null),
  ]
  if (filter.quickSearch) {
    // search_text is lower-cased in JavaScript when saved, so the query is folded the same way.
    parts.push(
      sql<SqlBool>`c.search_text like ${likePattern(filter.quickSearch.toLowerCase(), 'contains')} escape '\\'`,
    )
  }
  const lists = [
    ['c.tierId', filter.tierIds],
    ['c.branchId', filter.branchIds],
    ['c.industryId', filter.industryIds],
    ['c.accountManagerId', filter.accountManagerIds],
    ['c.status', filter.statuses],
  ] as const
  for (const [column, values] of lists) if (values.length > 0) parts.push(eb(column, 'in', values))
  for (const [colId, model] of Object.entries(filter.textFilters)) {
    const column = textColumn(eb, colId as keyof CustomerListFilter['textFilters'])
    parts.push(combine(eb, model, (condition) => textCondition(column, condition)))
  }
  for (const [colId, model] of Object.entries(filter.numberFilters)) {
    const column = eb.ref(`c.${colId as keyof CustomerListFilter['numberFilters']}`)
    parts.push(combine(eb, model, (condition) => numberCondition(column, condition)))
  }
  return eb.and(parts)
}

/** Sort keys for the columns that show a label: a list's own order, not the label's spelling. */
const SORT_EXPRESSIONS = {
  industry: 'industry.sortOrder',
  branch: 'branch.sortOrder',
  tier: 'tier.rank',
  accountManager: 'accountManager.name',
} as const

type CustomerQuery = SelectQueryBuilder<
  Database & { c: Database['customer'] },
  'c' | 'industry' | 'branch' | 'tier' | 'accountManager',
  object
>

function withSort(query: CustomerQuery, filter: CustomerListFilter): CustomerQuery {
  let sorted = query
  for (const { colId, sort } of filter.sort) {
    const column =
      colId in SORT_EXPRESSIONS ? SORT_EXPRESSIONS[colId as keyof typeof SORT_EXPRESSIONS] : `c.${colId}`
    sorted = sorted.orderBy(sql.ref(column), (ob) => (sort === 'asc' ? ob.asc() : ob.desc()).nullsLast())
  }
  // A stable tie-break, so that paging never shows a row twice or skips one.
  return sorted.orderBy('c.code')
}

export function customerPageQuery(ctx: ServiceContext, filter: CustomerListFilter) {
  const base = ctx.db
    .selectFrom('customer as c')
    .leftJoin('industry', 'industry.id', 'c.industryId')
    .leftJoin('branch', 'branch.id', 'c.branchId')
    .leftJoin('tier', 'tier.id', 'c.tierId')
    .leftJoin('accountManager', 'accountManager.id', 'c.accountManagerId')
    .where((eb) => whereFilter(eb, filter))
  return withSort(base, filter)
    .select([
      'c.id',
      'c.version',
      'c.code',
      'c.name',
      'c.industryId',
      'c.branchId',
      'c.tierId',
      'c.accountManagerId',
      'accountManager.name as accountManager',
      'c.status',
      'c.employees',
      'c.monthlyRevenueFen',
      'c.ourSubscribers',
      'c.competitorSubscribers',
      'c.leader',
      'c.address',
      'c.updatedAt',
      'c.deletedAt',
    ])
    .offset(filter.startRow)
    .limit(filter.endRow - filter.startRow)
}

export function customerCountQuery(ctx: ServiceContext, filter: CustomerListFilter) {
  return ctx.db
    .selectFrom('customer as c')
    .where((eb) => whereFilter(eb, filter))
    .select((eb) => eb.fn.countAll<number>().as('total'))
}

/**
 * The key contacts of one page's customers. Asked apart from the page query, because SQLite computes
 * every selected column of every matching row before it sorts: in the page query these subqueries ran
 * for all 54,000 matches of a broad filter instead of the 100 rows shown.
 */
export function keyContactsQuery(ctx: ServiceContext, customerIds: string[]) {
  return ctx.db
    .selectFrom('customer as c')
    .where('c.id', 'in', customerIds)
    .select((eb) => [
      'c.id',
      sql<string | null>`${keyContactColumn(eb, 'name')}`.as('keyContact'),
      sql<string | null>`${keyContactColumn(eb, 'phone')}`.as('keyContactPhone'),
    ])
}

export async function listCustomers(
  ctx: ServiceContext,
  filter: CustomerListFilter,
): Promise<Page<CustomerRow>> {
  const rows = await customerPageQuery(ctx, filter).execute()
  const contacts =
    rows.length > 0
      ? await keyContactsQuery(
          ctx,
          rows.map((row) => row.id),
        ).execute()
      : []
  const byCustomer = new Map(contacts.map((contact) => [contact.id, contact]))
  const { total } = await customerCountQuery(ctx, filter).executeTakeFirstOrThrow()
  return {
    rows: rows.map((row) => ({
      ...row,
      keyContact: byCustomer.get(row.id)?.keyContact ?? null,
      keyContactPhone: byCustomer.get(row.id)?.keyContactPhone ?? null,
    })),
    total: Number(total),
  }
}
