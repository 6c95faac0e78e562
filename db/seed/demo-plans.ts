/**
 * The demo's service side, written through the app's services: a year of activities following each
 * customer's plan (the higher tiers kept better, a few overrides), complaints handled over the year,
 * twelve months of revenue with a few customers falling hard enough to raise a churn warning, crisis
 * notes and cancellations (each warning raised on its own day, some already followed up), and value
 * assessments with intangible scores that follow the industry.
 */
import { addDays, chinaDate } from '../../electron/domain/calendar'
import { periodsBetween } from '../../electron/domain/periods'
import type { ServiceContext } from '../../electron/services/context'
import type { ActivityInput } from '../../electron/api/schemas'
import { recordActivities } from '../../electron/services/plans/activities'
import {
  addChurnNote,
  listWarnings,
  recordFollowUp,
  recordRevenueMonths,
} from '../../electron/services/plans/churn'
import { effectivePlan, savePlanItem } from '../../electron/services/plans/plans'
import { saveCustomerValue } from '../../electron/services/plans/value'
import type { Random } from './random'

/** How well each tier's plan is kept: the chance an action wanted in a period is done. */
const KEPT_BY_RANK: Record<number, number> = { 1: 0.92, 2: 0.85, 3: 0.7, 4: 0.55 }
const HIGH_PROFILE = new Set(['government', 'military', 'media', 'finance'])
const NOTES: Record<string, string[]> = {
  visit: ['季度走访，了解专线使用情况', '拜访信息中心主任，沟通扩容需求', '上门回访，收集服务意见'],
  call: ['电话回访，确认账单无异议', '提醒续费并介绍新业务', '了解近期网络使用体验'],
  greeting: ['春节慰问', '中秋节问候', '国庆节问候'],
  complaint: ['处理话费争议，已解释并退费', '网络慢投诉，已协调优化'],
  event: ['驻点服务日', '集团客户俱乐部活动'],
  trial: ['云视讯试用', '5G 专网体验'],
  other: ['积分兑换', '备用机借用'],
}

interface DemoCustomer {
  id: string
  industry: string | null
  tierId: string | null
  rank: number | null
  accountManagerId: string | null
  accountManagerName: string | null
  monthlyRevenueFen: number | null
}

/**
 * `events` draws the complaints and the days warnings are raised and handled: a stream of its own, so
 * that they leave the rest of the demo (activities, revenue, SLA records) as it was without them.
 */
export async function writePlansDemo(ctx: ServiceContext, random: Random, events: Random): Promise<void> {
  const customers: DemoCustomer[] = await ctx.db
    .selectFrom('customer as c')
    .leftJoin('tier as t', 't.id', 'c.tierId')
    .leftJoin('industry as i', 'i.id', 'c.industryId')
    .leftJoin('accountManager as m', 'm.id', 'c.accountManagerId')
    .select([
      'c.id',
      'i.code as industry',
      'c.tierId',
      't.rank',
      'c.accountManagerId',
      'm.name as accountManagerName',
      'c.monthlyRevenueFen',
    ])
    .where('c.deletedAt', 'is', null)
    .orderBy('c.code')
    .execute()
  const items = await ctx.db.selectFrom('serviceItem').select(['id', 'code', 'activityKind']).execute()
  const complaintItem = await complaintStandards(ctx)
  for (const [index, customer] of customers.entries()) {
    if (index % 40 === 0) await overrideGreetings(ctx, customer, items)
    await activitiesFor(ctx, random, customer, items)
    await recordActivities(ctx, complaintsFor(ctx, events, customer, complaintItem))
    await revenueFor(ctx, random, events, customer, index)
    await saveCustomerValue(ctx, {
      customerId: customer.id,
      additionalFen: random.int(0, 30) * 1_000_000,
      intangibleScore: HIGH_PROFILE.has(customer.industry ?? '') ? random.int(70, 95) : random.int(10, 60),
      note: null,
    })
  }
}

/** A few customers ask for more holiday greetings than their tier gives: the plan's own override. */
async function overrideGreetings(
  ctx: ServiceContext,
  customer: DemoCustomer,
  items: { id: string; code: string }[],
) {
  const year = Number(chinaDate(ctx.now()).slice(0, 4))
  await savePlanItem(ctx, {
    customerId: customer.id,
    year,
    itemId: items.find((item) => item.code === 'holiday_greeting')!.id,
    provided: true,
    frequency: 6,
    period: 'year',
    note: '客户要求增加节日问候',
  })
}

/** For each item the plan wants, in each of its periods over the last year, the actions done. */
async function activitiesFor(
  ctx: ServiceContext,
  random: Random,
  customer: DemoCustomer,
  items: { id: string; activityKind: string }[],
) {
  const today = chinaDate(ctx.now())
  const from = addDays(today, -364)
  const kept = KEPT_BY_RANK[customer.rank ?? 4] ?? 0.5
  const plan = await effectivePlan(ctx, customer.id, Number(today.slice(0, 4)))
  const done: Parameters<typeof recordActivities>[1] = []
  for (const item of plan.items) {
    if (!item.provided || !item.frequency || !item.period) continue
    const kind = items.find((entry) => entry.id === item.itemId)!.activityKind
    for (const period of periodsBetween(item.period, from, today)) {
      const last = period.end < today ? period.end : today
      const first = period.start > from ? period.start : from
      const span = Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000)
      for (let n = 0; n < item.frequency; n++) {
        if (!random.chance(kept)) continue
        done.push({
          customerId: customer.id,
          kind: kind as 'visit',
          itemId: item.itemId,
          occurredOn: addDays(first, random.int(0, span)),
          staffId: customer.accountManagerId,
          contactIds: [],
          notes: random.pick(NOTES[kind] ?? NOTES['other']!),
        })
      }
    }
  }
  await recordActivities(ctx, done)
}

/** The organisation's complaint item, by the tiers whose standards provide it. */
async function complaintStandards(ctx: ServiceContext): Promise<Map<string, string>> {
  const rows = await ctx.db
    .selectFrom('serviceStandard as s')
    .innerJoin('serviceItem as i', 'i.id', 's.itemId')
    .select(['s.tierId', 's.itemId'])
    .where('i.code', '=', 'complaint_response')
    .where('s.provided', '=', 1)
    .where('s.deletedAt', 'is', null)
    .execute()
  return new Map(rows.map((row) => [row.tierId, row.itemId]))
}

/** One customer in four complained over the last year, a few of them twice. */
function complaintsFor(
  ctx: ServiceContext,
  events: Random,
  customer: DemoCustomer,
  complaintItem: Map<string, string>,
): ActivityInput[] {
  const today = chinaDate(ctx.now())
  const count = events.weighted([
    [0, 40],
    [1, 4],
    [2, 1],
  ] as const)
  return Array.from({ length: count }, () => ({
    customerId: customer.id,
    kind: 'complaint' as const,
    itemId: complaintItem.get(customer.tierId ?? '') ?? null,
    occurredOn: addDays(today, -events.int(0, 364)),
    staffId: customer.accountManagerId,
    contactIds: [],
    notes: events.pick(NOTES.complaint!),
  }))
}

/** The context as it was on a past day (10:00 China time), for records dated that day. */
function onDay(ctx: ServiceContext, date: string): ServiceContext {
  if (date >= chinaDate(ctx.now())) return ctx
  const at = new Date(`${date}T02:00:00Z`)
  return { ...ctx, now: () => at }
}

/** The warning's follow-up, recorded by the account manager a few days after it was raised. */
async function followUpLater(
  ctx: ServiceContext,
  events: Random,
  customer: DemoCustomer,
  warning: { id: string; version: number; raisedOn: string },
  followUp: string,
) {
  const day = addDays(warning.raisedOn, events.int(2, 6))
  const by = { id: null, name: customer.accountManagerName ?? ctx.actor.name, role: 'staff' as const }
  await recordFollowUp(
    { ...onDay(ctx, day), actor: by },
    { id: warning.id, version: warning.version, followUp },
  )
}

/**
 * Twelve months of revenue around the file's monthly figure. Every 25th customer falls by a third in
 * one of the last nine months (they take them in turn) and recovers the month after: its warning is
 * raised early in the next month, when that month's figure comes in, and every other one has been
 * followed up. Crisis news and cancellations are raised on days of the past year; those older than a
 * fortnight are mostly followed up.
 */
async function revenueFor(
  ctx: ServiceContext,
  random: Random,
  events: Random,
  customer: DemoCustomer,
  index: number,
) {
  const base = customer.monthlyRevenueFen ?? random.int(5, 200) * 100_000
  const today = chinaDate(ctx.now())
  const thisMonth = today.slice(0, 7)
  const months = Array.from({ length: 12 }, (_, back) => {
    const at = new Date(`${thisMonth}-15T00:00:00Z`)
    at.setUTCMonth(at.getUTCMonth() - 12 + back)
    return at.toISOString().slice(0, 7)
  })
  // The fallers take the last nine months in turn, the most recent first.
  const falls = index % 25 === 3 ? months.length - 1 - (Math.floor(index / 25) % 9) : null
  const revenue = months.map((month, position) => {
    const noise = 0.92 + random.next() * 0.16
    const drop = position === falls ? 0.62 : 1
    return { month, revenueFen: Math.round(base * noise * drop) }
  })
  if (falls === null) await recordRevenueMonths(ctx, customer.id, revenue)
  else {
    const nextMonth = addDays(`${months[falls]}-01`, 31).slice(0, 7)
    const reported = onDay(ctx, `${nextMonth}-0${events.int(1, 5)}`)
    await recordRevenueMonths(reported, customer.id, revenue.slice(0, falls + 1))
    await recordRevenueMonths(ctx, customer.id, revenue.slice(falls + 1))
    const [warning] = await listWarnings(ctx, { customerId: customer.id, openOnly: true })
    if (warning && index % 50 === 3)
      await followUpLater(ctx, events, customer, warning, '已上门了解：客户缩减分支机构，已提出资费优化方案')
  }
  if (index % 50 === 7) await churnNote(ctx, events, customer, 'crisis', '新闻报道该单位拟迁址外地')
  if (index % 60 === 11)
    await churnNote(ctx, events, customer, 'cancellation', '申请拆除 2 部固话及 1 条宽带')
}

async function churnNote(
  ctx: ServiceContext,
  events: Random,
  customer: DemoCustomer,
  source: 'crisis' | 'cancellation',
  note: string,
) {
  const raisedOn = addDays(chinaDate(ctx.now()), -events.int(3, 340))
  const warnings = await addChurnNote(onDay(ctx, raisedOn), { customerId: customer.id, source, note })
  const warning = warnings.find((one) => one.source === source && one.raisedOn === raisedOn)
  const old = addDays(raisedOn, 14) < chinaDate(ctx.now())
  if (warning && old && events.chance(0.75))
    await followUpLater(ctx, events, customer, warning, '客户经理已上门沟通，客户确认继续使用我公司业务')
}
