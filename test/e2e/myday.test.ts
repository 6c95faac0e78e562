/**
 * My day (我的今日) in the real UI, on a small desk built through dispatch: three customers (one per
 * branch and account manager, one with neither), orders accepted long ago and still open (late), orders
 * completed a month ago (their delivery and follow-up overdue, one call done with an issue still open),
 * an order completed today under a same-day rule (delivery and follow-up due soon) and an agreement
 * ending in ten days. A staff member sees their own customers by default, or everyone's when they manage
 * none; a number opens the very records behind it; a supervisor sees the counts per branch and per
 * account manager, each non-zero one a link. "Today" is the real clock: every date is relative to it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/api/handlers'
import type { MyDay, MyDayMeasure } from '../../electron/api/contract'
import { sampleCustomer } from '../fixtures/customers'
import { startApp, type RunningApp } from './harness'

let app: RunningApp

async function api<T = Record<string, unknown>>(channel: string, input?: unknown): Promise<T> {
  const result = await dispatch(app.host, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

/** The desk's today (China time, as the main process counts it) and days around it. */
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
function day(offset: number): string {
  const date = new Date(`${TODAY}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + offset)
  return date.toISOString().slice(0, 10)
}

const ids = {
  supervisor: '',
  li: '',
  wang: '',
  desk: '',
  east: '',
  west: '',
}
/** Order numbers, by what they stand for. */
const orders = { lateA: '', lateC: '', completedA: '', completedB: '', todayA: '' }
let agreementNumber = ''

const EXPECTED_ALL: Record<MyDayMeasure, number> = {
  deliveriesDue: 1,
  deliveriesOverdue: 2,
  followUpsDue: 1,
  followUpsOverdue: 1,
  issuesOpen: 1,
  ordersDueSoon: 0,
  ordersLate: 2,
  agreementsExpiring: 1,
}
/** 李经理's customer (A): the overdue and due-soon records, a late order, the expiring agreement. */
const EXPECTED_LI: Record<MyDayMeasure, number> = {
  deliveriesDue: 1,
  deliveriesOverdue: 1,
  followUpsDue: 1,
  followUpsOverdue: 1,
  issuesOpen: 0,
  ordersDueSoon: 0,
  ordersLate: 1,
  agreementsExpiring: 1,
}

async function signIn(operatorId: string, language: 'zh-CN' | 'en', password?: string) {
  await api('session.signIn', { operatorId, password })
  await api('prefs.set', { language })
  await app.page.goto(`${app.url}#/`)
  await app.page.reload()
  await expect.poll(() => app.page.getByTestId('myday-deliveriesOverdue').isVisible()).toBe(true)
}

const count = (measure: string) => app.page.getByTestId(`myday-${measure}`).textContent()

async function expectCounts(expected: Record<MyDayMeasure, number>) {
  for (const [measure, value] of Object.entries(expected))
    await expect.poll(() => count(measure)).toBe(String(value))
}

const hash = () =>
  app.page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)

async function customer(
  code: string,
  name: string,
  branchId: string | null,
  accountManagerId: string | null,
) {
  const file = await api<{ customer: { id: string } }>('customers.save', {
    fields: { ...sampleCustomer, code, name, branchId, accountManagerId },
    contacts: [],
  })
  return file.customer.id
}

let circuitCount = 0
async function order(customerId: string, acceptedOn: string, completedOn: string | null): Promise<string> {
  const { products } = await api<{ products: { id: string; code: string }[] }>('lookups.get')
  circuitCount += 1
  const circuit = await api<{ id: string }>('circuits.save', {
    customerId,
    number: `LJ-MYDAY-${String(circuitCount).padStart(4, '0')}`,
    productId: products.find((product) => product.code === 'digital')!.id,
    bandwidth: '10M',
    standardFeeFen: 1_000_000,
    monthlyFeeFen: 200_000,
    status: 'active',
  })
  const detail = await api<{ order: { number: string } }>('orders.save', {
    customerId,
    circuitId: circuit.id,
    provisioningClass: 'normal',
    acceptedOn,
    completedOn,
  })
  return detail.order.number
}

beforeAll(async () => {
  app = await startApp()
  const supervisor = await api<{ id: string }>('operators.register', {
    name: '周主管',
    level: 'senior',
    role: 'supervisor',
    password: 'e2e-supervisor',
  })
  ids.supervisor = supervisor.id
  await api('session.signIn', { operatorId: supervisor.id, password: 'e2e-supervisor' })
  for (const [key, code, nameZh, nameEn] of [
    ['east', 'myday-east', '城东区', 'East District'],
    ['west', 'myday-west', '城西区', 'West District'],
  ] as const) {
    const lookups = await api<{ branches: { id: string; code: string }[] }>('settings.saveLookup', {
      kind: 'branch',
      code,
      nameZh,
      nameEn,
      sortOrder: 1,
    })
    ids[key] = lookups.branches.find((branch) => branch.code === code)!.id
  }
  for (const [key, name] of [
    ['li', '李经理'],
    ['wang', '王经理'],
    ['desk', '张敏'],
  ] as const) {
    ids[key] = (
      await api<{ id: string }>('operators.register', { name, level: 'account_manager', role: 'staff' })
    ).id
  }
  await api('session.signIn', { operatorId: supervisor.id, password: 'e2e-supervisor' })

  const a = await customer('5718881001', '临江港务集团', ids.east, ids.li)
  const b = await customer('5718881002', '临江钢铁集团', ids.west, ids.wang)
  const c = await customer('5718881003', '临江文旅集团', null, null)

  orders.lateA = await order(a, day(-90), null)
  orders.lateC = await order(c, day(-90), null)
  orders.completedA = await order(a, day(-40), day(-30))
  orders.completedB = await order(b, day(-40), day(-30))

  // B's follow-up call was made, late, and the customer raised an issue that is still open.
  const calls = await api<{ rows: { id: string; version: number; customerId: string }[] }>('followUps.list', {
    startRow: 0,
    endRow: 50,
  })
  const callB = calls.rows.find((row) => row.customerId === b)!
  await api('followUps.save', {
    id: callB.id,
    version: callB.version,
    doneOn: day(-20),
    doneBy: ids.wang,
    result: '客户对开通服务满意',
    satisfaction: 4,
    issues: '发票抬头需要更正',
    issueOwnerId: ids.wang,
  })

  // Same-day deadlines, so that an order completed today leaves a delivery and a call due today.
  const { rules } = await api<{ rules: { id: string; version: number; code: string }[] }>('delivery.rules')
  for (const code of ['delivery', 'follow_up_opening']) {
    const rule = rules.find((row) => row.code === code)!
    await api('delivery.saveRule', { id: rule.id, version: rule.version, days: 0, dayCount: 'calendar' })
  }
  orders.todayA = await order(a, day(-10), TODAY)

  agreementNumber = 'SLA-MYDAY-001'
  await api('agreements.save', {
    customerId: a,
    number: agreementNumber,
    validFrom: day(-355),
    validTo: day(10),
    status: 'active',
  })
})
afterAll(() => app?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.screenshot(`failed-${task.name}`)
})

describe('My day', () => {
  it('the backend counts match the data set', async () => {
    const all = await api<MyDay>('myDay.get', {})
    expect(all.today).toBe(TODAY)
    expect(all.counts).toEqual(EXPECTED_ALL)
    const mine = await api<MyDay>('myDay.get', { accountManagerId: ids.li })
    expect(mine.counts).toEqual(EXPECTED_LI)
  })

  it('opens on a staff member’s own customers, with the overdue numbers in red', async () => {
    const { page } = app
    await signIn(ids.li, 'zh-CN')
    await expect
      .poll(() => page.getByTestId('myday-scope').locator('.ant-segmented-item-selected').textContent())
      .toBe('我的客户')
    await expectCounts(EXPECTED_LI)
    expect(await page.getByTestId('myday-date').textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 星期./)
    const overdue = page.getByTestId('myday-deliveriesOverdue-link')
    expect(await overdue.getAttribute('class')).toContain('myday-tile-missed')
    expect(await page.getByTestId('myday-ordersDueSoon-link').getAttribute('class')).toContain(
      'myday-tile-zero',
    )
    expect(await page.getByTestId('myday-all-clear').count()).toBe(0)
    // A staff member has no per-branch or per-manager tables.
    expect(await page.getByTestId('myday-by-branch').count()).toBe(0)
    await app.screenshot('myday-staff-zh')
  })

  it('opens the late orders of my customers: exactly that one, with the filter shown and clearable', async () => {
    const { page } = app
    await page.getByTestId('myday-ordersLate-link').click()
    expect(await hash()).toBe(`#/sla/orders?status=late&manager=${ids.li}`)
    const grid = page.getByTestId('orders-grid')
    await expect.poll(() => page.getByTestId('orders-grid-total').textContent()).toBe('共 1 条')
    await expect.poll(() => grid.textContent()).toContain(orders.lateA)
    expect(await grid.textContent()).not.toContain(orders.lateC)
    expect(await page.getByTestId('filter-manager').textContent()).toBe('客户经理：李经理')
    expect(await page.getByTestId('order-status-filter').textContent()).toContain('已超期')
    await app.screenshot('myday-drill-orders-zh')
    await page.getByTestId('filter-clear').click()
    await expect.poll(() => page.getByTestId('orders-grid-total').textContent()).toBe('共 5 条')
    expect(await hash()).toBe('#/sla/orders')
    await expect.poll(() => page.getByTestId('filter-manager').textContent()).not.toContain('李经理')
    expect(await page.getByTestId('filter-clear').count()).toBe(0)
  })

  it('opens my overdue deliveries and follow-ups, and the open issues, with the same filters', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '我的今日' }).click()
    await expectCounts(EXPECTED_LI)
    await page.getByTestId('myday-deliveriesOverdue-link').click()
    expect(await hash()).toBe(`#/delivery/deliveries?status=overdue&manager=${ids.li}`)
    // The list behind the link holds exactly the records counted.
    const deliveries = await api<{ rows: { orderNumber: string }[] }>('deliveries.list', {
      startRow: 0,
      endRow: 50,
      statuses: ['overdue'],
      accountManagerId: ids.li,
    })
    expect(deliveries.rows.map((row) => row.orderNumber)).toEqual([orders.completedA])
    // ...and the list the link opens shows them.
    await expect.poll(() => page.getByTestId('deliveries-grid-total').textContent()).toBe('共 1 条')
    await expect.poll(() => page.getByTestId('deliveries-grid').textContent()).toContain(orders.completedA)
    await page.goBack()
    await page.getByTestId('myday-followUpsDue-link').click()
    expect(await hash()).toBe(`#/delivery/followups?status=upcoming%2Cdue_soon&manager=${ids.li}`)
    const calls = await api<{ rows: { orderNumber: string }[] }>('followUps.list', {
      startRow: 0,
      endRow: 50,
      statuses: ['upcoming', 'due_soon'],
      accountManagerId: ids.li,
    })
    expect(calls.rows.map((row) => row.orderNumber)).toEqual([orders.todayA])
    await expect.poll(() => page.getByTestId('followups-grid-total').textContent()).toBe('共 1 条')
    await expect.poll(() => page.getByTestId('followups-grid').textContent()).toContain(orders.todayA)
  })

  it('shows everyone’s numbers under 全部, and opens the expiring agreements', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '我的今日' }).click()
    await page.getByTestId('myday-scope').getByText('全部').click()
    await expectCounts(EXPECTED_ALL)
    await page.getByTestId('myday-issuesOpen-link').click()
    expect(await hash()).toBe('#/delivery/followups?issues=open')
    await page.goBack()
    // The choice stays for the session.
    await expect
      .poll(() => page.getByTestId('myday-scope').locator('.ant-segmented-item-selected').textContent())
      .toBe('全部')
    await page.getByTestId('myday-agreementsExpiring-link').click()
    expect(await hash()).toBe('#/sla/agreements?expiring=1')
    await expect.poll(() => page.getByTestId('agreements-grid-total').textContent()).toBe('共 1 条')
    await expect.poll(() => page.getByTestId('agreements-grid').textContent()).toContain(agreementNumber)
    expect(await page.getByTestId('expiring-only').getAttribute('aria-checked')).toBe('true')
  })

  it('shows a staff member who manages no customer everyone’s numbers, and "all clear" for their own', async () => {
    const { page } = app
    await signIn(ids.desk, 'zh-CN')
    await expect
      .poll(() => page.getByTestId('myday-scope').locator('.ant-segmented-item-selected').textContent())
      .toBe('全部')
    await expectCounts(EXPECTED_ALL)
    await page.getByTestId('myday-scope').getByText('我的客户').click()
    await expect.poll(() => page.getByTestId('myday-all-clear').isVisible()).toBe(true)
    expect(await page.getByTestId('myday-all-clear').textContent()).toContain('今日无待办')
    await expect.poll(() => page.getByText('您名下还没有客户').isVisible()).toBe(true)
    await app.screenshot('myday-all-clear-zh')
  })

  it('shows a supervisor the counts per branch and per account manager', async () => {
    const { page } = app
    await signIn(ids.supervisor, 'zh-CN', 'e2e-supervisor')
    expect(await page.getByTestId('myday-scope').count()).toBe(0)
    await expectCounts(EXPECTED_ALL)
    const cell = (kind: string, id: string, measure: string) =>
      page.getByTestId(`myday-${kind}-${id}-${measure}`).textContent()
    await expect.poll(() => cell('branch', ids.east, 'ordersLate')).toBe('1')
    expect(await cell('branch', ids.east, 'deliveriesOverdue')).toBe('1')
    expect(await cell('branch', ids.west, 'issuesOpen')).toBe('1')
    expect(await cell('branch', 'none', 'ordersLate')).toBe('1')
    expect(await cell('branch', 'none', 'deliveriesOverdue')).toBe('0')
    expect(await cell('manager', ids.li, 'deliveriesDue')).toBe('1')
    expect(await cell('manager', ids.wang, 'deliveriesOverdue')).toBe('1')
    expect(await cell('manager', 'none', 'ordersLate')).toBe('1')
    const unassigned = page.getByTestId('myday-by-manager').locator('tr[data-row-key="none"]')
    expect(await unassigned.textContent()).toContain('未分配')
    // A zero is no link.
    expect(
      await page
        .getByTestId(`myday-branch-none-deliveriesOverdue`)
        .evaluate((e) => (e as unknown as { tagName: string }).tagName),
    ).toBe('SPAN')
    await app.screenshot('myday-supervisor-zh')
    await page.getByTestId('myday-by-branch').scrollIntoViewIfNeeded()
    await app.screenshot('myday-supervisor-tables-zh')
  })

  it('opens a branch’s late orders from its row', async () => {
    const { page } = app
    await page.getByTestId(`myday-branch-${ids.east}-ordersLate`).click()
    expect(await hash()).toBe(`#/sla/orders?status=late&branch=${ids.east}`)
    await expect.poll(() => page.getByTestId('orders-grid-total').textContent()).toBe('共 1 条')
    await expect.poll(() => page.getByTestId('orders-grid').textContent()).toContain(orders.lateA)
    expect(await page.getByTestId('filter-branch').textContent()).toBe('区县：城东区')
    await app.screenshot('myday-drill-branch-zh')
  })

  it('opens the unassigned customers’ late orders from the 未分配 row', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '我的今日' }).click()
    await page.getByTestId('myday-manager-none-ordersLate').click()
    expect(await hash()).toBe('#/sla/orders?status=late&manager=none')
    await expect.poll(() => page.getByTestId('orders-grid-total').textContent()).toBe('共 1 条')
    await expect.poll(() => page.getByTestId('orders-grid').textContent()).toContain(orders.lateC)
    expect(await page.getByTestId('filter-manager').textContent()).toBe('未分配客户经理')
    // Taking off the manager keeps the status.
    await page.getByTestId('filter-manager').hover()
    await page.getByTestId('filter-manager').locator('.ant-select-clear').click()
    expect(await hash()).toBe('#/sla/orders?status=late')
    await expect.poll(() => page.getByTestId('orders-grid-total').textContent()).toBe('共 2 条')
  })

  it('looks right in English, for a supervisor and for staff', async () => {
    const { page } = app
    await signIn(ids.supervisor, 'en', 'e2e-supervisor')
    await expect.poll(() => page.getByRole('menuitem', { name: 'My day' }).isVisible()).toBe(true)
    await expectCounts(EXPECTED_ALL)
    await expect.poll(() => page.getByTestId('myday-by-manager').textContent()).toContain('Unassigned')
    await app.screenshot('myday-supervisor-en')
    await page.getByTestId('myday-by-branch').scrollIntoViewIfNeeded()
    await app.screenshot('myday-supervisor-tables-en')
    await page.getByTestId(`myday-manager-${ids.li}-agreementsExpiring`).click()
    await expect.poll(() => page.getByTestId('agreements-grid-total').textContent()).toBe('1 record')
    expect(await page.getByTestId('filter-manager').textContent()).toBe('Account manager: 李经理')
    await app.screenshot('myday-drill-agreements-en')

    // 李经理 chose 全部 earlier in this session; the page keeps that until he switches back.
    await signIn(ids.li, 'en')
    await expect
      .poll(() => page.getByTestId('myday-scope').locator('.ant-segmented-item-selected').textContent())
      .toBe('All')
    await expectCounts(EXPECTED_ALL)
    await page.getByTestId('myday-scope').getByText('My customers').click()
    await expectCounts(EXPECTED_LI)
    await app.screenshot('myday-staff-en')
    await signIn(ids.desk, 'en')
    await page.getByTestId('myday-scope').getByText('My customers').click()
    await expect.poll(() => page.getByTestId('myday-all-clear').textContent()).toContain('Nothing due today')
    await app.screenshot('myday-all-clear-en')
    await api('prefs.set', { language: 'zh-CN' })
  })

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([])
  })
})
