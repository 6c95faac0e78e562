/**
 * Service activities (标准动作): a visit, call, greeting, complaint handled, event or trial, with its date,
 * staff, contacts and the plan item it counts for. An activity is never dated in the future: the desk
 * records what was done.
 */
import { chinaDate } from '../../domain/calendar'
import type { ActivityRecord, Page } from '../../api/contract'
import { fieldError } from '../../api/errors'
import type { ActivityInput } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { containsAny } from '../customers/list'
import { findRow, inTransaction, insertRecord, loadForChange, softDelete, updateRecord } from '../records'
import { notFound, pageOf, type ListRequest, assertLiveCustomer } from '../sla/common'
import { effectivePlan } from './plans'

function activityQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('activity as a')
    .innerJoin('customer as c', 'c.id', 'a.customerId')
    .leftJoin('accountManager as m', 'm.id', 'a.staffId')
    .where('a.deletedAt', 'is', null)
    .select([
      'a.id',
      'a.version',
      'a.customerId',
      'c.name as customerName',
      'a.itemId',
      'a.kind',
      'a.occurredOn',
      'a.staffId',
      'm.name as staffName',
      'a.contactIds',
      'a.notes',
      'a.createdAt',
    ])
}

type ActivityRow = Awaited<ReturnType<ReturnType<typeof activityQuery>['executeTakeFirstOrThrow']>>

function toRecord({ contactIds, ...row }: ActivityRow): ActivityRecord {
  return { ...row, contactIds: JSON.parse(contactIds) as string[] }
}

export async function listActivities(
  ctx: ServiceContext,
  input: ListRequest & {
    kinds: string[]
    from?: string | undefined
    to?: string | undefined
  },
): Promise<Page<ActivityRecord>> {
  let query = activityQuery(ctx)
  if (input.customerId) query = query.where('a.customerId', '=', input.customerId)
  if (input.kinds.length > 0) query = query.where('a.kind', 'in', input.kinds)
  if (input.from) query = query.where('a.occurredOn', '>=', input.from)
  if (input.to) query = query.where('a.occurredOn', '<=', input.to)
  if (input.search) {
    query = query.where(containsAny(['c.name', 'a.notes'], input.search))
  }
  const page = await pageOf(
    query,
    input,
    { occurredOn: 'a.occurred_on', customerName: 'c.name', kind: 'a.kind' },
    { column: 'occurredOn', sort: 'desc' },
    'a.id',
  )
  return { total: page.total, rows: page.rows.map(toRecord) }
}

/** The plan item an activity of this kind counts for, when the form left it to the desk. */
async function itemForKind(ctx: ServiceContext, customerId: string, kind: string, date: string) {
  const plan = await effectivePlan(ctx, customerId, Number(date.slice(0, 4)))
  const items = await ctx.db
    .selectFrom('serviceItem')
    .select(['id', 'activityKind'])
    .where('deletedAt', 'is', null)
    .execute()
  const provided = plan.items.filter((item) => item.provided && item.frequency !== null)
  return (
    provided.find((item) => items.some((entry) => entry.id === item.itemId && entry.activityKind === kind))
      ?.itemId ?? null
  )
}

async function checkActivity(ctx: ServiceContext, input: ActivityInput): Promise<void> {
  await assertLiveCustomer(ctx, input.customerId)
  if (input.occurredOn > chinaDate(ctx.now())) throw fieldError('occurredOn', 'in_future')
  if (input.staffId && !(await findRow(ctx, 'accountManager', input.staffId)))
    throw fieldError('staffId', 'invalid_choice')
  if (input.itemId && !(await findRow(ctx, 'serviceItem', input.itemId)))
    throw fieldError('itemId', 'invalid_choice')
  if (input.contactIds.length === 0) return
  const own = await ctx.db
    .selectFrom('contact')
    .select('id')
    .where('id', 'in', input.contactIds)
    .where('customerId', '=', input.customerId)
    .execute()
  if (own.length !== new Set(input.contactIds).size) throw fieldError('contactIds', 'contact_not_in_file')
}

export async function getActivity(ctx: ServiceContext, id: string): Promise<ActivityRecord> {
  const row = await activityQuery(ctx).where('a.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('activity', id)
  return toRecord(row)
}

export async function saveActivity(ctx: ServiceContext, input: ActivityInput): Promise<ActivityRecord> {
  return inTransaction(ctx, async (tx) => {
    await checkActivity(tx, input)
    const { id, version, contactIds, ...fields } = input
    const itemId = fields.itemId ?? (await itemForKind(tx, input.customerId, input.kind, input.occurredOn))
    const columns = { ...fields, itemId, contactIds: JSON.stringify([...new Set(contactIds)]) }
    if (!id) return getActivity(tx, (await insertRecord(tx, 'activity', columns)).id)
    const before = await loadForChange(tx, 'activity', id, version ?? 0)
    await updateRecord(tx, 'activity', id, before.version, columns)
    return getActivity(tx, id)
  })
}

export async function deleteActivity(ctx: ServiceContext, id: string, version: number): Promise<null> {
  return inTransaction(ctx, async (tx) => {
    await softDelete(tx, 'activity', id, version)
    return null
  })
}

/**
 * Records many activities at once (the demo's year, later an import): each checked as one entered by
 * hand, each with its audit row, without reading each back.
 */
export async function recordActivities(ctx: ServiceContext, inputs: ActivityInput[]): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    for (const input of inputs) {
      if (input.occurredOn > chinaDate(tx.now())) throw fieldError('occurredOn', 'in_future')
      const { id: _id, version: _version, contactIds, ...fields } = input
      await insertRecord(tx, 'activity', { ...fields, contactIds: JSON.stringify(contactIds) })
    }
    return inputs.length
  })
}
