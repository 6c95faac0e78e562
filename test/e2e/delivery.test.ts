/**
 * Deliveries and follow-ups in the real UI: an order completed two days ago made a delivery and a
 * follow-up; the pack ticked before the visit and saved with no date leaves the delivery open; a delivery
 * dated before the opening is refused at its field, the pack ticked and delivered today is on time and
 * prints; a follow-up closed with no result is refused at the field with nothing saved, and recorded with
 * satisfaction 4 it is done. Both lists apply a My day link's filter, and a changed filter stays through a
 * reload and Back. Screenshots of the lists and drawers in zh-CN and en.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import dayjs from 'dayjs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/api/handlers'
import { sampleContacts, sampleCustomer } from '../fixtures/customers'
import { choose, type RunningApp, SCREENSHOT_DIR, startApp, typeDate } from './harness'
import { pdfPageCount, pdfPageToPng } from './ports'

let app: RunningApp
let supervisorId: string
let customerId: string

async function api<T = Record<string, unknown>>(channel: string, input?: unknown): Promise<T> {
  const result = await dispatch(app.host, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

async function inLanguage(language: 'zh-CN' | 'en', hash: string) {
  await api('prefs.set', { language })
  await app.page.goto(`${app.url}${hash}`)
  await app.page.reload()
}

/** Waits for the toasts to go, so that a screenshot shows the page. */
async function settled(page: Page) {
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0)
}

/** The "delivered by" field's text: its label, and the person once chosen. */
const deliveredBy = (drawer: Locator) =>
  drawer.locator('.ant-form-item').filter({ hasText: '交付人' }).last().textContent()

const hash = () =>
  app.page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)

const iso = (value: dayjs.Dayjs) => value.format('YYYY-MM-DD')
const today = iso(dayjs())
const openedOn = iso(dayjs().subtract(2, 'day'))
const beforeOpening = iso(dayjs().subtract(3, 'day'))
const CIRCUIT = 'LJ-E2E-JF0001'

beforeAll(async () => {
  app = await startApp()
  const supervisor = await api<{ id: string }>('operators.register', {
    name: '周主管',
    level: 'senior',
    role: 'supervisor',
    password: 'e2e-supervisor',
  })
  supervisorId = supervisor.id
  await api('session.signIn', { operatorId: supervisorId, password: 'e2e-supervisor' })
  const file = await api<{ customer: { id: string } }>('customers.save', {
    fields: {
      ...sampleCustomer,
      code: '5718880201',
      name: '临江市交付演练集团',
      accountManagerId: supervisorId,
    },
    contacts: sampleContacts,
  })
  customerId = file.customer.id
  const { products } = await api<{ products: { id: string; code: string }[] }>('lookups.get')
  const circuit = await api<{ id: string }>('circuits.save', {
    customerId,
    number: CIRCUIT,
    productId: products.find((product) => product.code === 'digital')!.id,
    bandwidth: '10M',
    standardFeeFen: 1_000_000,
    monthlyFeeFen: 200_000,
    status: 'active',
  })
  // Completing the order (opening the circuit) makes the delivery and the follow-up.
  await api('orders.save', {
    customerId,
    circuitId: circuit.id,
    provisioningClass: 'normal',
    acceptedOn: iso(dayjs().subtract(10, 'day')),
    completedOn: openedOn,
    standardFeeFen: 1_000_000,
  })
  await app.page.reload()
})
afterAll(() => app?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.screenshot(`failed-delivery-${task.name}`)
})

describe('a delivery, recorded', () => {
  it('lists the delivery the opening made, with this month’s on-time share', async () => {
    const { page } = app
    await page.goto(`${app.url}#/delivery/deliveries`)
    const grid = page.getByTestId('deliveries-grid')
    await expect.poll(() => grid.textContent()).toContain(CIRCUIT)
    await expect.poll(() => grid.textContent()).toContain('0/4')
    // The queue opens on what is still to do.
    const statuses = page.getByTestId('delivery-status-filter')
    await expect.poll(() => statuses.textContent()).toContain('已超期')
    expect(await page.getByTestId('deliveries-grid-total').textContent()).toBe('共 1 条')
    await expect.poll(() => page.getByTestId('deliveries-on-time').textContent()).toContain('本月按时交付')
    await expect.poll(() => page.getByTestId('deliveries-on-time').textContent()).toContain('标准 100%')
    await app.screenshot('delivery-deliveries-zh')
  })

  it('saves the pack ticked before the visit with no date: the delivery stays open', async () => {
    const { page } = app
    await page.getByTestId('deliveries-grid').getByText(CIRCUIT).click()
    const drawer = page.getByTestId('delivery-drawer')
    await expect.poll(() => drawer.getByTestId('delivery-facts').textContent()).toContain('开通后 3 个工作日')
    // Nothing says it was delivered until someone says so.
    expect(await drawer.getByLabel('交付日期', { exact: true }).inputValue()).toBe('')
    expect(await deliveredBy(drawer)).toBe('交付人')
    await drawer.getByTestId('delivery-pack').getByRole('checkbox').first().check()
    await page.getByTestId('save-delivery').click()
    await expect.poll(() => drawer.getByTestId('delivery-facts').textContent()).toContain('1/4')
    const status = await drawer.getByTestId('delivery-status').textContent()
    expect(['未到期', '即将到期']).toContain(status)
    const [stored] = (
      await api<{ rows: { deliveredOn: string | null; pack: { handedOver: boolean }[] }[] }>(
        'deliveries.list',
        { startRow: 0, endRow: 10, customerId },
      )
    ).rows
    expect(stored?.deliveredOn).toBeNull()
    expect(stored?.pack.filter((item) => item.handedOver)).toHaveLength(1)
    expect(await drawer.getByLabel('交付日期', { exact: true }).inputValue()).toBe('')
    // Still in the queue.
    await expect.poll(() => page.getByTestId('deliveries-grid').textContent()).toContain('1/4')
    await settled(page)
  })

  it('refuses a delivery dated before the opening, at the field', async () => {
    const { page } = app
    const drawer = page.getByTestId('delivery-drawer')
    // "Delivered today" fills in today and the account manager.
    await drawer.getByTestId('delivered-today').click()
    expect(await drawer.getByLabel('交付日期', { exact: true }).inputValue()).toBe(today)
    await expect.poll(() => deliveredBy(drawer)).toBe('交付人周主管')
    await choose(page, '签收人（客户联系人）', '李娜')
    await typeDate(drawer, '交付日期', beforeOpening)
    await page.getByTestId('save-delivery').click()
    await expect
      .poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents())
      .toContainEqual(expect.stringContaining('交付日期早于开通日期'))
    const [stored] = (
      await api<{ rows: { deliveredOn: string | null }[] }>('deliveries.list', {
        startRow: 0,
        endRow: 10,
        customerId,
      })
    ).rows
    expect(stored?.deliveredOn).toBeNull()
    await settled(app.page)
    await app.screenshot('delivery-drawer-refused-zh')
  })

  it('records it delivered today with the pack ticked: on time', async () => {
    const { page } = app
    const drawer = page.getByTestId('delivery-drawer')
    await typeDate(drawer, '交付日期', today)
    const boxes = drawer.getByTestId('delivery-pack').getByRole('checkbox')
    await expect.poll(() => boxes.count()).toBe(4)
    for (const box of await boxes.all()) await box.check()
    await drawer.getByTestId('billing-confirmed').check()
    await page.getByTestId('save-delivery').click()
    await expect.poll(() => drawer.getByTestId('delivery-status').textContent()).toBe('按时')
    await expect.poll(() => drawer.getByTestId('delivery-facts').textContent()).toContain('4/4')
    await settled(page)
    await app.screenshot('delivery-drawer-zh')
  })

  it('prints the delivery note in Chinese', async () => {
    const { page } = app
    const drawer = page.getByTestId('delivery-drawer')
    await drawer.getByTestId('delivery-print').click()
    await expect.poll(() => app.ports.saved.length, { timeout: 15_000 }).toBe(1)
    const pdf = app.ports.saved[0]!
    await expect.poll(() => existsSync(pdf), { timeout: 15_000 }).toBe(true)
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1)
    pdfPageToPng(pdf, join(SCREENSHOT_DIR, 'delivery-pdf-zh.png'))
    await expect.poll(() => drawer.getByTestId('delivery-printed').isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    // Delivered, it leaves the queue (which opens on what is still to do) for the on-time list.
    await expect.poll(() => page.getByTestId('deliveries-grid-total').textContent()).toBe('共 0 条')
    await page.goto(`${app.url}#/delivery/deliveries?status=on_time`)
    const grid = page.getByTestId('deliveries-grid')
    await expect.poll(() => grid.textContent()).toContain('4/4')
    await expect.poll(() => grid.textContent()).toContain('按时')
    // Due this month (unless the month ends first): 1 of 1 on time, at the standard.
    const [stored] = (
      await api<{ rows: { dueOn: string }[] }>('deliveries.list', { startRow: 0, endRow: 10, customerId })
    ).rows
    if (stored?.dueOn.slice(0, 7) === today.slice(0, 7))
      await expect.poll(() => page.getByTestId('deliveries-on-time-figure').textContent()).toBe('1/1 = 100%')
  })
})

describe('a follow-up call, recorded', () => {
  it('lists the follow-up of the opening in the desk’s queue', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '回访' }).click()
    const grid = page.getByTestId('followups-grid')
    await expect.poll(() => grid.textContent()).toContain('临江市交付演练集团')
    await expect.poll(() => grid.textContent()).toMatch(/开通 KT-\d{4}-\d{5}/)
    await expect.poll(() => page.getByTestId('followups-on-time').textContent()).toContain('本月按时回访')
    await app.screenshot('delivery-followups-zh')
  })

  it('refuses to close a call with no result, at the field, and saves nothing', async () => {
    const { page } = app
    await page.getByTestId('followups-grid').getByText('临江市交付演练集团').click()
    const drawer = page.getByTestId('followup-drawer')
    // The desk calls the customer's core contact, number at hand.
    await expect.poll(() => drawer.getByTestId('followup-contact').textContent()).toContain('李娜')
    await expect.poll(() => drawer.getByTestId('followup-contact').textContent()).toContain('13800138000')
    await typeDate(drawer, '回访日期', today)
    await page.getByTestId('save-followup').click()
    await expect
      .poll(() => drawer.locator('.ant-form-item-explain-error').allTextContents())
      .toContainEqual('结束回访前请填写回访结果')
    const [stored] = (
      await api<{ rows: { doneOn: string | null }[] }>('followUps.list', {
        startRow: 0,
        endRow: 10,
        customerId,
      })
    ).rows
    expect(stored?.doneOn).toBeNull()
  })

  it('records it with satisfaction 4 and an issue for the account manager: done on time', async () => {
    const { page } = app
    const drawer = page.getByTestId('followup-drawer')
    await drawer.getByLabel('回访结果', { exact: true }).fill('专线使用正常，客户对开通速度满意')
    await drawer.locator('.ant-rate-star').nth(3).click()
    await drawer.getByLabel('客户提出的问题', { exact: true }).fill('希望提供月度流量报告')
    await page.getByTestId('save-followup').click()
    await expect.poll(() => drawer.getByTestId('followup-status').textContent()).toBe('按时')
    await expect.poll(() => drawer.getByTestId('followup-facts').textContent()).toContain('未关闭')
    await settled(page)
    await app.screenshot('delivery-followup-drawer-zh')
    await page.keyboard.press('Escape')
    await page.goto(`${app.url}#/delivery/followups?status=on_time`)
    const grid = page.getByTestId('followups-grid')
    await expect.poll(() => grid.textContent()).toContain('4/5')
    await expect.poll(() => grid.textContent()).toContain('周主管')
  })
})

describe('links from My day and the customer page', () => {
  it('opens the follow-ups with open issues of one account manager, the filter shown and clearable', async () => {
    const { page } = app
    await page.goto(`${app.url}#/delivery/followups?status=on_time&manager=${supervisorId}&issues=open`)
    const grid = page.getByTestId('followups-grid')
    await expect.poll(() => grid.textContent()).toContain('临江市交付演练集团')
    await expect.poll(() => page.getByTestId('followup-status-filter').textContent()).toContain('按时')
    await expect.poll(() => page.getByTestId('filter-manager').textContent()).toBe('客户经理：周主管')
    expect(await page.getByTestId('followup-issues-open').getAttribute('aria-checked')).toBe('true')
    await app.screenshot('delivery-followups-filtered-zh')
    await page.goto(`${app.url}#/delivery/deliveries?status=overdue&branch=none`)
    await expect.poll(() => page.getByTestId('deliveries-grid-total').textContent()).toBe('共 0 条')
    await expect.poll(() => page.getByTestId('delivery-status-filter').textContent()).toContain('已超期')
    // The on-time share over last month, picked from the window's presets.
    await page.getByTestId('deliveries-on-time').locator('.ant-picker').click()
    await page.locator('.ant-picker-presets li').filter({ hasText: '上月' }).click()
    const lastMonth = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long' }).format(
      dayjs().subtract(1, 'month').toDate(),
    )
    await expect
      .poll(() => page.getByTestId('deliveries-on-time').textContent())
      .toContain(`${lastMonth}按时交付`)
  })

  it('keeps a changed filter in the route: through a reload and Back', async () => {
    const { page } = app
    await page.goto(`${app.url}#/delivery/deliveries`)
    // The queue: nothing left to do.
    await expect.poll(() => page.getByTestId('deliveries-grid-total').textContent()).toBe('共 0 条')
    const statuses = page.getByTestId('delivery-status-filter')
    await statuses.hover()
    await statuses.locator('.ant-select-clear').click()
    await expect.poll(() => hash()).toBe('#/delivery/deliveries?status=all')
    await expect.poll(() => page.getByTestId('deliveries-grid-total').textContent()).toBe('共 1 条')
    await page.getByTestId('filter-manager').click()
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '周主管' })
      .click()
    await expect.poll(() => hash()).toBe(`#/delivery/deliveries?status=all&manager=${supervisorId}`)
    await page.reload()
    await expect.poll(() => page.getByTestId('filter-manager').textContent()).toBe('客户经理：周主管')
    await expect.poll(() => page.getByTestId('deliveries-grid-total').textContent()).toBe('共 1 条')
    expect(await statuses.textContent()).not.toContain('已超期')
    await page.goBack()
    await expect.poll(() => hash()).toBe('#/delivery/deliveries?status=all')
    await expect.poll(() => page.getByTestId('filter-manager').textContent()).not.toContain('周主管')
    await page.goBack()
    await expect.poll(() => hash()).toBe('#/delivery/deliveries')
    await expect.poll(() => statuses.textContent()).toContain('已超期')
    await expect.poll(() => page.getByTestId('deliveries-grid-total').textContent()).toBe('共 0 条')
  })

  it('shows the customer’s deliveries and follow-ups on its page', async () => {
    const { page } = app
    await page.goto(`${app.url}#/customer/${customerId}/deliveries`)
    await expect.poll(() => page.getByTestId('deliveries-grid').textContent()).toContain(CIRCUIT)
    await page.getByRole('tab', { name: '回访', exact: true }).click()
    await expect.poll(() => page.getByTestId('followups-grid').textContent()).toContain('4/5')
    await app.screenshot('delivery-customer-followups-zh')
  })
})

describe('in English', () => {
  it('shows the lists and drawers in English', async () => {
    const { page } = app
    await inLanguage('en', '#/delivery/deliveries?status=on_time')
    const deliveries = page.getByTestId('deliveries-grid')
    await expect.poll(() => deliveries.textContent()).toContain('On time')
    await expect
      .poll(() => page.getByTestId('deliveries-on-time').textContent())
      .toContain('Delivered on time')
    await app.screenshot('delivery-deliveries-en')
    await deliveries.getByText(CIRCUIT).click()
    const drawer = page.getByTestId('delivery-drawer')
    await expect
      .poll(() => drawer.getByTestId('delivery-facts').textContent())
      .toContain('3 working days after opening')
    await drawer.getByText('Branch', { exact: true }).click()
    await expect.poll(() => drawer.getByTestId('pack-changed').isVisible()).toBe(true)
    // The added-business pack holds two of the four documents; their ticks are kept.
    await drawer.getByText('Added', { exact: true }).click()
    await expect.poll(() => drawer.getByTestId('delivery-pack').getByRole('checkbox').count()).toBe(2)
    await drawer.getByText('First', { exact: true }).click()
    await app.screenshot('delivery-drawer-en')
    await page.keyboard.press('Escape')
    await page.goto(`${app.url}#/delivery/followups?status=on_time`)
    const followUps = page.getByTestId('followups-grid')
    await expect.poll(() => followUps.textContent()).toContain('4/5')
    await app.screenshot('delivery-followups-en')
    await followUps.getByText('4/5').click()
    await expect.poll(() => page.getByTestId('followup-status').textContent()).toBe('On time')
    await app.screenshot('delivery-followup-drawer-en')
    await inLanguage('zh-CN', '#/delivery/deliveries')
    expect(app.problems).toEqual([])
  })
})
