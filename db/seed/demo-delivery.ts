/**
 * The demo's deliveries and follow-ups. The SLA demo's completed orders and repaired faults have already
 * created them (through the services, with their deadlines); this opens a few circuits yesterday and
 * today, then records them as a desk would have: most of the older ones done, mostly on time, a few late;
 * the recent ones partly still open and those not yet due all open, so that My day has work to do and
 * some overdue; satisfaction mostly good, a few issues raised, most closed.
 */
import { addDays } from '../../electron/domain/calendar'
import type { ServiceContext } from '../../electron/services/context'
import { saveDelivery } from '../../electron/services/delivery/deliveries'
import { saveFollowUp } from '../../electron/services/delivery/followUps'
import { saveOrder } from '../../electron/services/sla/orders'
import { today } from '../../electron/services/sla/common'
import type { Random } from './random'

/** Records due longer ago than this are nearly all done; newer ones are often still open. */
const SETTLED_DAYS = 10
const RESULTS = [
  '线路运行稳定，客户满意',
  '业务使用正常，客户对开通速度满意',
  '客户反映网速符合预期',
  '故障已恢复，客户确认业务正常',
  '客户表示服务态度好，响应及时',
]
const ISSUES = [
  '希望提供月度可用率报告',
  '要求客户经理上门说明资费',
  '希望缩短故障响应时间',
  '发票抬头需更正',
  '希望增加备用线路方案',
]
const CLOSURES = ['已安排客户经理上门沟通', '已开通月报推送', '已更正并重新开具', '已提交方案，客户在评估']
const SATISFACTION = [
  [5, 50],
  [4, 30],
  [3, 12],
  [2, 5],
  [1, 3],
] as const

/** A day in [from, to], never after today. */
function dayBetween(random: Random, from: string, to: string, date: string): string {
  const last = to < date ? to : date
  if (last <= from) return from
  const span = Math.round((Date.parse(last) - Date.parse(from)) / 86_400_000)
  return addDays(from, random.int(0, span))
}

/** When a record due on `dueOn` was done, or null when it is still open. */
function doneOn(random: Random, start: string, dueOn: string, date: string): string | null {
  // Not yet due: the desk has other work first.
  if (dueOn >= date) return null
  const settled = dueOn < addDays(date, -SETTLED_DAYS)
  if (!random.chance(settled ? 0.97 : 0.45)) return null
  // Late only once the deadline has passed.
  if (dueOn < date && random.chance(0.12))
    return dayBetween(random, addDays(dueOn, 1), addDays(dueOn, 6), date)
  return dayBetween(random, start, dueOn, date)
}

interface Party {
  managerId: string | null
  contactId: string | null
}

async function partiesOf(ctx: ServiceContext): Promise<Map<string, Party>> {
  const rows = await ctx.db
    .selectFrom('customer as c')
    .leftJoin('contact as k', (join) =>
      join.onRef('k.customerId', '=', 'c.id').on('k.contactClass', '=', 'core').on('k.deletedAt', 'is', null),
    )
    .select(['c.id', 'c.accountManagerId', 'k.id as contactId'])
    .execute()
  const parties = new Map<string, Party>()
  for (const row of rows) {
    if (!parties.has(row.id))
      parties.set(row.id, { managerId: row.accountManagerId, contactId: row.contactId })
  }
  return parties
}

async function recordDeliveries(ctx: ServiceContext, random: Random, parties: Map<string, Party>) {
  const date = today(ctx)
  const deliveries = await ctx.db.selectFrom('delivery').selectAll().where('deletedAt', 'is', null).execute()
  for (const delivery of deliveries) {
    const party = parties.get(delivery.customerId)
    const deliveredOn = doneOn(random, delivery.openedOn, delivery.dueOn, date)
    if (!deliveredOn || !party?.managerId || !party.contactId) continue
    const pack = JSON.parse(delivery.packJson) as { documentId: string }[]
    // Now and then a document is left to send later.
    const handedOver = pack.filter(() => random.chance(0.96)).map((item) => item.documentId)
    await saveDelivery(ctx, {
      id: delivery.id,
      version: delivery.version,
      siteKind: random.chance(0.2) ? 'branch' : 'hq',
      businessKind: delivery.businessKind,
      deliveredOn,
      deliveredBy: party.managerId,
      receiverContactId: party.contactId,
      handedOver,
      billedCircuitNumber: delivery.billedCircuitNumber,
      billedOpenedOn: delivery.billedOpenedOn,
      billedMonthlyFeeFen: delivery.billedMonthlyFeeFen,
      billedOneTimeFeeFen: delivery.billedOneTimeFeeFen,
      billingConfirmed: random.chance(0.9),
      notes: null,
    })
  }
}

/** The one desk that makes the calls (domain.md §3): a service representative. */
async function deskOperator(ctx: ServiceContext): Promise<string | null> {
  const desk = await ctx.db
    .selectFrom('accountManager')
    .select('id')
    .where('deletedAt', 'is', null)
    .orderBy((eb) => eb.case().when('level', '=', 'service_rep').then(0).else(1).end())
    .orderBy('name')
    .executeTakeFirst()
  return desk?.id ?? null
}

async function recordFollowUps(ctx: ServiceContext, random: Random, parties: Map<string, Party>) {
  const date = today(ctx)
  const desk = await deskOperator(ctx)
  const calls = await ctx.db.selectFrom('followUp').selectAll().where('deletedAt', 'is', null).execute()
  for (const call of calls) {
    const party = parties.get(call.customerId)
    const calledOn = doneOn(random, call.triggerOn, call.dueOn, date)
    if (!calledOn || !party?.contactId) continue
    const satisfaction = random.weighted(SATISFACTION)
    const raised = satisfaction <= 3 || random.chance(0.08) ? random.pick(ISSUES) : null
    // Issues raised a while ago are mostly closed by now.
    const closedOn =
      raised && calledOn < addDays(date, -20) && random.chance(0.75)
        ? dayBetween(random, addDays(calledOn, 2), addDays(calledOn, 15), date)
        : null
    await saveFollowUp(ctx, {
      id: call.id,
      version: call.version,
      doneOn: calledOn,
      doneBy: desk,
      contactId: party.contactId,
      result: random.pick(RESULTS),
      satisfaction,
      issues: raised,
      issueOwnerId: null,
      issueClosedOn: closedOn,
      issueClosure: closedOn ? random.pick(CLOSURES) : null,
      notes: null,
    })
  }
}

/** Orders on track, with no pause, accepted at least this many days ago: a few open yesterday and today. */
const FRESH_OPENINGS = 3

/**
 * A few circuits opened yesterday and today, so that the desk has deliveries and calls not yet due
 * (the SLA demo's completions are older).
 */
async function openFreshCircuits(ctx: ServiceContext): Promise<void> {
  const date = today(ctx)
  const orders = await ctx.db
    .selectFrom('provisioningOrder as o')
    .selectAll('o')
    .where('o.status', '=', 'on_track')
    .where('o.deletedAt', 'is', null)
    .where('o.acceptedOn', '<=', addDays(date, -2))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('orderPause as p').select('p.id').whereRef('p.orderId', '=', 'o.id'))),
    )
    .orderBy('o.number')
    .limit(FRESH_OPENINGS)
    .execute()
  for (const [index, order] of orders.entries()) {
    await saveOrder(ctx, {
      ...order,
      completedOn: addDays(date, index === 0 ? 0 : -1),
      pauses: [],
    })
  }
}

export async function writeDeliveryDemo(ctx: ServiceContext, random: Random): Promise<void> {
  await openFreshCircuits(ctx)
  const parties = await partiesOf(ctx)
  await recordDeliveries(ctx, random, parties)
  await recordFollowUps(ctx, random, parties)
}
