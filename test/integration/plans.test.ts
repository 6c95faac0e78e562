/**
 * Service standards, plans, activities, compliance, revenue, churn and value on a real SQLite file:
 * a tier change carries the plan over with its overrides, compliance counts what the activities say,
 * a revenue drop raises a warning that stays until followed up, and the bad inputs are refused
 * with nothing saved.
 */
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/connection'
import { writeDemoData } from '../../db/seed/demo'
import type { AppHost } from '../../electron/host'
import { call, refusal, sampleCustomer, signInAs, startHost, tempDir } from './helpers'

/** 09:00 on Monday 23 November 2026, China time. */
const NOW = new Date('2026-11-23T01:00:00Z')
let host: AppHost

async function tierId(code: string): Promise<string> {
  const { tiers } = await call(host, 'lookups.get')
  return tiers.find((tier) => tier.scheme === 'abcd' && tier.code === code)!.id
}

async function itemId(code: string): Promise<string> {
  const { items } = await call(host, 'standards.get')
  return items.find((item) => item.code === code)!.id
}

async function customer(tier = 'A', code = 'PLAN001') {
  const file = await call(host, 'customers.save', {
    fields: { ...sampleCustomer, code, name: `客户${code}`, tierId: await tierId(tier) },
    contacts: [{ name: '王经理', contactClass: 'core' }],
  })
  return file
}

beforeEach(async () => {
  host = await startHost({ now: () => NOW })
  await signInAs(host, 'supervisor')
})

describe('service plans', () => {
  it('follow the tier and keep the customer’s own overrides when the tier changes', async () => {
    const file = await customer('A')
    const visit = await itemId('routine_visit')
    const greeting = await itemId('holiday_greeting')
    const planA = await call(host, 'plans.get', { customerId: file.customer.id, year: 2026 })
    expect(planA.items.find((item) => item.itemId === visit)).toMatchObject({ frequency: 2, period: 'month' })
    await call(host, 'plans.saveItem', {
      customerId: file.customer.id,
      year: 2026,
      itemId: greeting,
      provided: true,
      frequency: 6,
      period: 'year',
      note: '客户要求',
    })
    const moved = await call(host, 'customers.save', {
      id: file.customer.id,
      version: file.customer.version,
      fields: {
        ...sampleCustomer,
        code: file.customer.code,
        name: file.customer.name,
        tierId: await tierId('C'),
      },
      contacts: file.contacts,
    })
    const planC = await call(host, 'plans.get', { customerId: moved.customer.id, year: 2026 })
    expect(planC.tierId).toBe(await tierId('C'))
    expect(planC.items.find((item) => item.itemId === visit)).toMatchObject({
      frequency: 1,
      period: 'quarter',
    })
    expect(planC.items.find((item) => item.itemId === greeting)).toMatchObject({
      frequency: 6,
      overridden: true,
      note: '客户要求',
    })
  })

  it('refuse a target below zero, saving nothing', async () => {
    const file = await customer()
    const error = await refusal(host, 'plans.saveItem', {
      customerId: file.customer.id,
      year: 2026,
      itemId: await itemId('routine_visit'),
      provided: true,
      frequency: -1,
      period: 'month',
    })
    expect(error.fields).toContainEqual(
      expect.objectContaining({ path: 'frequency', message: 'not_negative' }),
    )
    expect((await call(host, 'plans.get', { customerId: file.customer.id, year: 2026 })).stored).toBe(false)
  })
})

describe('compliance', () => {
  it('counts what the activities say, per item and period, capped at each period’s target', async () => {
    const file = await customer('A')
    const id = file.customer.id
    const visit = (occurredOn: string) =>
      call(host, 'activities.save', { customerId: id, kind: 'visit', occurredOn })
    const before = await call(host, 'compliance.customer', {
      customerId: id,
      periodKind: 'month',
      date: '2026-11-23',
    })
    // A in November: 2 visits, the on-site desk 3 times (once per ten days), 1 routine contact call.
    expect(before).toMatchObject({ target: 6, done: 0 })
    await visit('2026-11-02')
    await visit('2026-11-20')
    await visit('2026-11-21') // a third visit: the month wanted two
    await call(host, 'activities.save', { customerId: id, kind: 'event', occurredOn: '2026-11-05' })
    const after = await call(host, 'compliance.customer', {
      customerId: id,
      periodKind: 'month',
      date: '2026-11-23',
    })
    expect(after).toMatchObject({ target: 6, done: 3, shareBp: 5000 })
    expect(after.overdue.map((period) => period.periodKey)).toEqual(['2026-11-2'])
    const summary = await call(host, 'compliance.summary', {
      periodKind: 'month',
      date: '2026-11-23',
      groupBy: 'customer',
    })
    expect(summary).toContainEqual(expect.objectContaining({ key: id, target: 6, done: 3 }))
  })

  it('refuses an activity dated in the future', async () => {
    const file = await customer()
    const error = await refusal(host, 'activities.save', {
      customerId: file.customer.id,
      kind: 'visit',
      occurredOn: '2026-11-24',
    })
    expect(error.fields).toContainEqual(expect.objectContaining({ path: 'occurredOn', message: 'in_future' }))
    const page = await call(host, 'activities.list', {
      startRow: 0,
      endRow: 10,
      customerId: file.customer.id,
    })
    expect(page.total).toBe(0)
  })
})

describe('revenue and churn warnings', () => {
  const months = [
    ['2026-06', 10_000_000],
    ['2026-07', 11_000_000],
    ['2026-08', 9_000_000],
    ['2026-09', 7_000_000],
  ] as const

  it('raise a warning for a month more than 20 % below the trailing average, until followed up', async () => {
    const file = await customer()
    for (const [month, revenueFen] of months) {
      await call(host, 'revenue.save', { customerId: file.customer.id, month, revenueFen })
    }
    const [warning, ...rest] = await call(host, 'churn.list', { customerId: file.customer.id })
    expect(rest).toEqual([])
    expect(warning).toMatchObject({ source: 'revenue_drop', month: '2026-09', detail: { dropBp: 3000 } })
    const twice = await refusal(host, 'revenue.save', {
      customerId: file.customer.id,
      month: '2026-09',
      revenueFen: 1,
    })
    expect(twice.fields).toContainEqual(expect.objectContaining({ path: 'month', message: 'month_taken' }))
    const handled = await call(host, 'churn.followUp', {
      id: warning!.id,
      version: warning!.version,
      followUp: '已拜访，客户调整预算',
    })
    expect(handled.handledOn).toBe('2026-11-23')
    expect(await call(host, 'churn.list', { customerId: file.customer.id, openOnly: true })).toEqual([])
  })

  it('count cancellations and crisis notes entered by hand', async () => {
    const file = await customer()
    await call(host, 'churn.addNote', {
      customerId: file.customer.id,
      source: 'crisis',
      note: '媒体报道客户资金链紧张',
    })
    const list = await call(host, 'churn.addNote', {
      customerId: file.customer.id,
      source: 'cancellation',
      note: '销户 3 条专线',
    })
    expect(list.map((warning) => warning.source).sort()).toEqual(['cancellation', 'crisis'])
  })
})

describe('value assessment', () => {
  it('scores a customer, suggests a tier and flags a mismatch', async () => {
    const file = await customer('D')
    await call(host, 'value.save', { customerId: file.customer.id, additionalFen: 0, intangibleScore: 100 })
    for (const month of ['2026-08', '2026-09', '2026-10']) {
      await call(host, 'revenue.save', { customerId: file.customer.id, month, revenueFen: 10_000_000 })
    }
    const value = await call(host, 'value.get', { id: file.customer.id })
    // ¥1,200,000 a year scores the full 100; intangible 100; potential from the sample's headcount.
    expect(value.current).toBe(100)
    expect(value.suggestedRank).toBe(1)
    expect(value.suggestedTierId).toBe(await tierId('A'))
    expect(value.differs).toBe(true)
    expect(value).toMatchObject({ equivalentBusiness: 79, equivalentPublic: 338 })
  })

  it('refuses weights that do not make 100 %, saving nothing', async () => {
    const settings = await call(host, 'value.settings')
    const error = await refusal(host, 'value.saveSettings', {
      ...settings,
      weights: { currentBp: 5000, potentialBp: 3000, intangibleBp: 1000 },
    })
    expect(error.fields).toContainEqual(
      expect.objectContaining({ path: 'weights', message: 'weights_not_whole' }),
    )
    expect(await call(host, 'value.settings')).toEqual(settings)
  })
})

describe('the demo database', () => {
  it('has plans, a year of activities, revenue and churn warnings to show', async () => {
    const connection = await openDatabase(join(tempDir(), 'demo.sqlite'))
    try {
      await writeDemoData(connection.db, { now: NOW })
      const count = async (table: 'activity' | 'monthlyRevenue' | 'planItem') =>
        Number(
          (
            await connection.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      expect(await count('activity')).toBeGreaterThan(3000)
      expect(await count('monthlyRevenue')).toBe(300 * 12)
      expect(await count('planItem')).toBeGreaterThan(0)
      const span = await connection.db
        .selectFrom('activity')
        .select((eb) => [eb.fn.min('occurredOn').as('first'), eb.fn.max('occurredOn').as('last')])
        .executeTakeFirstOrThrow()
      expect(span).toEqual({
        first: expect.stringMatching(/^2025-1[12]/),
        last: expect.stringMatching(/^2026-11/),
      })
      expect(span.last! <= '2026-11-23').toBe(true)
      const warnings = await connection.db
        .selectFrom('churnWarning')
        .select(['source', 'handledOn'])
        .execute()
      expect(warnings.filter((warning) => warning.source === 'revenue_drop').length).toBeGreaterThan(3)
      expect(warnings.some((warning) => warning.handledOn !== null)).toBe(true)
      expect(new Set(warnings.map((warning) => warning.source))).toEqual(
        new Set(['revenue_drop', 'crisis', 'cancellation']),
      )
    } finally {
      await connection.close()
    }
  })
})
