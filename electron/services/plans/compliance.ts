/**
 * Plan compliance per customer, account manager and branch, over a ten-day period, a month or a
 * quarter: standard actions done against the plans' targets, with the overdue items listed. Targets
 * come from each customer's tier standards and its overrides; activities are counted in SQL per
 * customer, item and ten-day period, and rolled up to months, quarters and years here.
 */
import { chinaDate } from '../../domain/calendar'
import { compliance, countKey, sumCompliance, type PlanTarget } from '../../domain/compliance'
import {
  periodOf,
  periodsBetween,
  PERIOD_KINDS,
  type DatePeriod,
  type PeriodKind,
} from '../../domain/periods'
import type { ComplianceRow, CustomerCompliance } from '../../api/contract'
import type { ServiceContext } from '../context'
import { effectivePlan } from './plans'

/** The first day any target falling due in the window is counted from (a year's item counts from January). */
function countingStart(window: DatePeriod): string {
  return PERIOD_KINDS.map((kind) => periodsBetween(kind, window.start, window.end)[0]!.start).sort()[0]!
}

/** The keys of every period kind a day belongs to: its ten days, month, quarter and year. */
function keysOf(date: string): string[] {
  return PERIOD_KINDS.map((kind) => periodOf(kind, date).key)
}

/**
 * Counts per customer, as `itemId|periodKey` → count, for every period kind. The activities are read
 * one by one and counted here: grouping them in SQL first sorted nearly as many groups as rows (a
 * customer rarely does one item twice in ten days), which took twice as long at a million activities.
 */
export async function doneCounts(ctx: ServiceContext, window: DatePeriod, customerId?: string) {
  let query = ctx.db
    .selectFrom('activity')
    .select(['customerId', 'itemId', 'occurredOn'])
    .where('deletedAt', 'is', null)
    .where('itemId', 'is not', null)
    .where('occurredOn', '>=', countingStart(window))
    .where('occurredOn', '<=', window.end)
  if (customerId) query = query.where('customerId', '=', customerId)
  // The count keys of an item done on a day, made once per item and day rather than once per activity.
  const keysByDay = new Map<string, Map<string, string[]>>()
  const keysOfDone = (itemId: string, date: string) => {
    let byItem = keysByDay.get(date)
    if (!byItem) keysByDay.set(date, (byItem = new Map()))
    let keys = byItem.get(itemId)
    if (!keys) byItem.set(itemId, (keys = keysOf(date).map((key) => countKey(itemId, key))))
    return keys
  }
  const byCustomer = new Map<string, Map<string, number>>()
  for (const row of await query.execute()) {
    let counts = byCustomer.get(row.customerId)
    if (!counts) byCustomer.set(row.customerId, (counts = new Map()))
    for (const key of keysOfDone(row.itemId!, row.occurredOn)) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return byCustomer
}

function toTargets(
  items: { itemId: string; provided: boolean; frequency: number | null; period: PeriodKind | null }[],
) {
  return items.flatMap((item): PlanTarget[] =>
    item.provided && item.frequency && item.period
      ? [{ itemId: item.itemId, frequency: item.frequency, period: item.period }]
      : [],
  )
}

export async function customerCompliance(
  ctx: ServiceContext,
  input: { customerId: string; periodKind: PeriodKind; date: string },
): Promise<CustomerCompliance> {
  const window = periodOf(input.periodKind, input.date)
  const plan = await effectivePlan(ctx, input.customerId, Number(window.end.slice(0, 4)))
  const counts = (await doneCounts(ctx, window, input.customerId)).get(input.customerId) ?? new Map()
  const today = chinaDate(ctx.now())
  const targets = toTargets(plan.items)
  const items = targets.map((target) => ({
    itemId: target.itemId,
    ...compliance([target], counts, window, today),
  }))
  return { window, ...compliance(targets, counts, window, today), items }
}

/** Every customer's targets for a year: its tier's standards with its overrides over them. */
export async function allTargets(ctx: ServiceContext, year: number) {
  const [customers, standards, overrides] = await Promise.all([
    ctx.db
      .selectFrom('customer as c')
      .leftJoin('accountManager as m', 'm.id', 'c.accountManagerId')
      .leftJoin('branch as b', 'b.id', 'c.branchId')
      .select([
        'c.id',
        'c.code',
        'c.name',
        'c.tierId',
        'c.accountManagerId',
        'm.name as managerName',
        'c.branchId',
      ])
      .where('c.deletedAt', 'is', null)
      .execute(),
    ctx.db
      .selectFrom('serviceStandard')
      .select(['tierId', 'itemId', 'provided', 'frequency', 'period'])
      .where('deletedAt', 'is', null)
      .execute(),
    ctx.db
      .selectFrom('planItem as pi')
      .innerJoin('servicePlan as p', 'p.id', 'pi.planId')
      .select(['p.customerId', 'pi.itemId', 'pi.provided', 'pi.frequency', 'pi.period'])
      .where('p.year', '=', year)
      .where('pi.overridden', '=', 1)
      .where('pi.deletedAt', 'is', null)
      .where('p.deletedAt', 'is', null)
      .execute(),
  ])
  const byTier = Map.groupBy(standards, (standard) => standard.tierId)
  const ownByCustomer = Map.groupBy(overrides, (override) => override.customerId)
  const targetsOf = (customer: (typeof customers)[number]) => {
    const own = ownByCustomer.get(customer.id) ?? []
    const items = (byTier.get(customer.tierId ?? '') ?? []).map((standard) => {
      const override = own.find((row) => row.itemId === standard.itemId) ?? standard
      return { ...override, itemId: standard.itemId, provided: override.provided === 1 }
    })
    return toTargets(items)
  }
  return { customers, targetsOf }
}

/** Compliance of everyone over a window, added up by customer, account manager or branch. */
export async function complianceSummary(
  ctx: ServiceContext,
  input: { periodKind: PeriodKind; date: string; groupBy: 'customer' | 'manager' | 'branch' },
): Promise<ComplianceRow[]> {
  const window = periodOf(input.periodKind, input.date)
  const { customers, targetsOf } = await allTargets(ctx, Number(window.end.slice(0, 4)))
  const counts = await doneCounts(ctx, window)
  const today = chinaDate(ctx.now())
  const groups = new Map<string, { label: string | null; figures: ReturnType<typeof compliance>[] }>()
  for (const customer of customers) {
    const figure = compliance(targetsOf(customer), counts.get(customer.id) ?? new Map(), window, today)
    const [key, label] =
      input.groupBy === 'customer'
        ? [customer.id, customer.name]
        : input.groupBy === 'manager'
          ? [customer.accountManagerId ?? '', customer.managerName]
          : [customer.branchId ?? '', null]
    const group = groups.get(key) ?? { label, figures: [] }
    group.figures.push(figure)
    groups.set(key, group)
  }
  return [...groups].map(([key, group]) => ({
    key: key || null,
    label: group.label,
    customers: group.figures.length,
    ...sumCompliance(group.figures),
  }))
}
