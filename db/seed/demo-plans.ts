/**
 * The demo's service side, written through the app's services: a year of activities following each
 * customer's plan (the higher tiers kept better, a few overrides), twelve months of revenue with a few
 * customers falling hard enough to raise a churn warning (some already followed up), crisis notes and
 * cancellations, and value assessments with intangible scores that follow the industry.
 */
import { addDays, chinaDate } from '../../electron/domain/calendar'
import { periodsBetween } from '../../electron/domain/periods'
import type { ServiceContext } from '../../electron/services/context'
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
  rank: number | null
  accountManagerId: string | null
  monthlyRevenueFen: number | null
}

export async function writePlansDemo(ctx: ServiceContext, random: Random): Promise<void> {
  const customers: DemoCustomer[] = await ctx.db
    .selectFrom('customer as c')
    .leftJoin('tier as t', 't.id', 'c.tierId')
    .leftJoin('industry as i', 'i.id', 'c.industryId')
    .select(['c.id', 'i.code as industry', 't.rank', 'c.accountManagerId', 'c.monthlyRevenueFen'])
    .where('c.deletedAt', 'is', null)
    .orderBy('c.code')
    .execute()
  const items = await ctx.db.selectFrom('serviceItem').select(['id', 'code', 'activityKind']).execute()
  for (const [index, customer] of customers.entries()) {
    if (index % 40 === 0) await overrideGreetings(ctx, customer, items)
    await activitiesFor(ctx, random, customer, items)
    await revenueFor(ctx, random, customer, index)
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

/**
 * Twelve months of revenue around the file's monthly figure. Every 25th customer falls by a third in
 * the last month entered, which raises a churn warning; every other one of those has been followed up.
 */
async function revenueFor(ctx: ServiceContext, random: Random, customer: DemoCustomer, index: number) {
  const base = customer.monthlyRevenueFen ?? random.int(5, 200) * 100_000
  const thisMonth = chinaDate(ctx.now()).slice(0, 7)
  const months = Array.from({ length: 12 }, (_, back) => {
    const at = new Date(`${thisMonth}-15T00:00:00Z`)
    at.setUTCMonth(at.getUTCMonth() - 12 + back)
    return at.toISOString().slice(0, 7)
  })
  const falls = index % 25 === 3
  await recordRevenueMonths(
    ctx,
    customer.id,
    months.map((month, position) => {
      const noise = 0.92 + random.next() * 0.16
      const drop = falls && position === months.length - 1 ? 0.62 : 1
      return { month, revenueFen: Math.round(base * noise * drop) }
    }),
  )
  if (index % 50 === 7) {
    await addChurnNote(ctx, { customerId: customer.id, source: 'crisis', note: '新闻报道该单位拟迁址外地' })
  }
  if (index % 60 === 11) {
    await addChurnNote(ctx, {
      customerId: customer.id,
      source: 'cancellation',
      note: '申请拆除 2 部固话及 1 条宽带',
    })
  }
  if (falls && index % 50 === 3) {
    const [warning] = await listWarnings(ctx, { customerId: customer.id, openOnly: true })
    if (warning)
      await recordFollowUp(ctx, { ...warning, followUp: '已上门了解：客户缩减分支机构，已提出资费优化方案' })
  }
}
