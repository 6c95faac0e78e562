/**
 * Monthly revenue and churn warnings (流失预警): a month more than the set share below the trailing
 * three-month average raises a warning; crisis news and cancellations are entered by hand. A warning
 * stays on its account manager's list until someone records the follow-up.
 */
import { chinaDate } from '../../domain/calendar'
import { revenueDrops } from '../../domain/churn'
import type { ChurnWarningRecord, RevenueRecord } from '../../api/contract'
import { AppError, fieldError } from '../../api/errors'
import type { ChurnNoteInput, RevenueInput } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { inTransaction, insertRecord, loadForChange, updateRecord } from '../records'
import { readSetting } from '../settings/store'
import { notFound, assertLiveCustomer } from '../sla/common'

export function churnShareBp(ctx: ServiceContext): Promise<number> {
  return readSetting(ctx, 'churn_drop_share_bp', 2000)
}

export async function customerRevenue(ctx: ServiceContext, customerId: string): Promise<RevenueRecord[]> {
  return ctx.db
    .selectFrom('monthlyRevenue')
    .select(['id', 'version', 'customerId', 'month', 'revenueFen'])
    .where('customerId', '=', customerId)
    .where('deletedAt', 'is', null)
    .orderBy('month', 'desc')
    .execute()
}

/** Raises a warning for each month that dropped and has none yet. */
async function raiseRevenueWarnings(ctx: ServiceContext, customerId: string): Promise<void> {
  const history = await customerRevenue(ctx, customerId)
  const drops = revenueDrops(history, await churnShareBp(ctx))
  for (const drop of drops) {
    const raised = await ctx.db
      .selectFrom('churnWarning')
      .select('id')
      .where('customerId', '=', customerId)
      .where('source', '=', 'revenue_drop')
      .where('month', '=', drop.month)
      .where('deletedAt', 'is', null)
      .executeTakeFirst()
    if (raised) continue
    await insertRecord(ctx, 'churnWarning', {
      customerId,
      source: 'revenue_drop',
      month: drop.month,
      raisedOn: chinaDate(ctx.now()),
      detailJson: JSON.stringify(drop),
      note: null,
      handledOn: null,
      handledBy: null,
      followUp: null,
    })
  }
}

/** Enters months of revenue for one customer (a year at once), then raises what they show. */
export async function recordRevenueMonths(
  ctx: ServiceContext,
  customerId: string,
  months: { month: string; revenueFen: number }[],
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    for (const month of months) await insertRecord(tx, 'monthlyRevenue', { customerId, ...month })
    await raiseRevenueWarnings(tx, customerId)
  })
}

export async function saveRevenue(ctx: ServiceContext, input: RevenueInput): Promise<RevenueRecord[]> {
  return inTransaction(ctx, async (tx) => {
    await assertLiveCustomer(tx, input.customerId)
    const holder = await tx.db
      .selectFrom('monthlyRevenue')
      .select('id')
      .where('customerId', '=', input.customerId)
      .where('month', '=', input.month)
      .where('deletedAt', 'is', null)
      .executeTakeFirst()
    if (holder && holder.id !== input.id) throw fieldError('month', 'month_taken', { month: input.month })
    const values = { customerId: input.customerId, month: input.month, revenueFen: input.revenueFen }
    if (input.id) {
      const before = await loadForChange(tx, 'monthlyRevenue', input.id, input.version ?? 0)
      await updateRecord(tx, 'monthlyRevenue', input.id, before.version, values)
    } else await insertRecord(tx, 'monthlyRevenue', values)
    await raiseRevenueWarnings(tx, input.customerId)
    return customerRevenue(tx, input.customerId)
  })
}

function warningQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('churnWarning as w')
    .innerJoin('customer as c', 'c.id', 'w.customerId')
    .leftJoin('accountManager as m', 'm.id', 'c.accountManagerId')
    .where('w.deletedAt', 'is', null)
    .select([
      'w.id',
      'w.version',
      'w.customerId',
      'c.name as customerName',
      'c.accountManagerId',
      'm.name as accountManagerName',
      'w.source',
      'w.month',
      'w.raisedOn',
      'w.detailJson',
      'w.note',
      'w.handledOn',
      'w.handledBy',
      'w.followUp',
    ])
}

type WarningRow = Awaited<ReturnType<ReturnType<typeof warningQuery>['executeTakeFirstOrThrow']>>

function toWarning({ detailJson, ...row }: WarningRow): ChurnWarningRecord {
  return { ...row, detail: JSON.parse(detailJson) as ChurnWarningRecord['detail'] }
}

export async function listWarnings(
  ctx: ServiceContext,
  input: { customerId?: string | undefined; accountManagerId?: string | undefined; openOnly: boolean },
): Promise<ChurnWarningRecord[]> {
  let query = warningQuery(ctx).orderBy('w.raisedOn', 'desc').orderBy('w.id', 'desc').limit(2000)
  if (input.customerId) query = query.where('w.customerId', '=', input.customerId)
  if (input.accountManagerId) query = query.where('c.accountManagerId', '=', input.accountManagerId)
  if (input.openOnly) query = query.where('w.handledOn', 'is', null)
  return (await query.execute()).map(toWarning)
}

/** Crisis news from another channel, or a cancellation order: entered by hand. */
export async function addChurnNote(
  ctx: ServiceContext,
  input: ChurnNoteInput,
): Promise<ChurnWarningRecord[]> {
  return inTransaction(ctx, async (tx) => {
    await assertLiveCustomer(tx, input.customerId)
    await insertRecord(tx, 'churnWarning', {
      customerId: input.customerId,
      source: input.source,
      month: null,
      raisedOn: chinaDate(tx.now()),
      detailJson: '{}',
      note: input.note,
      handledOn: null,
      handledBy: null,
      followUp: null,
    })
    return listWarnings(tx, { customerId: input.customerId, openOnly: false })
  })
}

/** Records the follow-up: the warning leaves the account manager's list. */
export async function recordFollowUp(
  ctx: ServiceContext,
  input: { id: string; version: number; followUp: string },
): Promise<ChurnWarningRecord> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadForChange(tx, 'churnWarning', input.id, input.version)
    if (before.handledOn)
      throw new AppError('invalid_input', 'This warning already has its follow-up.', {
        fields: [{ path: 'followUp', message: 'already_handled' }],
      })
    await updateRecord(tx, 'churnWarning', input.id, before.version, {
      followUp: input.followUp,
      handledOn: chinaDate(tx.now()),
      handledBy: tx.actor.name,
    })
    const row = await warningQuery(tx).where('w.id', '=', input.id).executeTakeFirst()
    if (!row) throw notFound('churnWarning', input.id)
    return toWarning(row)
  })
}
