/**
 * The desk's day, end to end in the real UI (issue 4): an account manager completes an order on the
 * customer's page → the delivery and the follow-up appear on My day → the delivery document prints
 * (page 1 rendered to PNG, in Chinese and English) → the delivery is recorded → the follow-up call is
 * recorded → My day is clear. Screenshots of My day and the printed document for the README.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import dayjs from 'dayjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/api/handlers'
import { sampleContacts, sampleCustomer } from '../fixtures/customers'
import { choose, type RunningApp, SCREENSHOT_DIR, startApp, typeDate } from './harness'
import { pdfPageCount, pdfPageToPng } from './ports'

let app: RunningApp
let customerId: string

async function api<T = Record<string, unknown>>(channel: string, input?: unknown): Promise<T> {
  const result = await dispatch(app.host, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

const today = dayjs().format('YYYY-MM-DD')
const CIRCUIT = 'LJ-E2E-DAY001'
const count = (measure: string) => app.page.getByTestId(`myday-${measure}`).textContent()

beforeAll(async () => {
  app = await startApp()
  const manager = await api<{ id: string }>('operators.register', {
    name: '陈晓',
    level: 'key_account',
    role: 'staff',
    phone: '13912345678',
  })
  await api('session.signIn', { operatorId: manager.id })
  const file = await api<{ customer: { id: string } }>('customers.save', {
    fields: { ...sampleCustomer, code: '5718880301', name: '临江市城投集团', accountManagerId: manager.id },
    contacts: sampleContacts,
  })
  customerId = file.customer.id
  const { products } = await api<{ products: { id: string; code: string }[] }>('lookups.get')
  const circuit = await api<{ id: string }>('circuits.save', {
    customerId,
    number: CIRCUIT,
    productId: products.find((product) => product.code === 'digital')!.id,
    bandwidth: '10M',
    aEnd: '临江市人民路1号城投大厦B1机房',
    zEnd: '临江市解放路200号电信枢纽楼',
    standardFeeFen: 1_000_000,
    monthlyFeeFen: 300_000,
    status: 'provisioning',
  })
  // Accepted a few days ago and still open: the manager completes it today, in the UI.
  await api('orders.save', {
    customerId,
    circuitId: circuit.id,
    provisioningClass: 'normal',
    acceptedOn: dayjs().subtract(4, 'day').format('YYYY-MM-DD'),
    standardFeeFen: 1_000_000,
  })
  await app.page.reload()
})
afterAll(() => app?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.screenshot(`failed-day-flow-${task.name}`)
})

describe('a day at the desk', () => {
  it('starts on My day with nothing to deliver or call', async () => {
    await expect.poll(() => app.page.getByTestId('myday').isVisible()).toBe(true)
    await expect.poll(() => count('deliveriesDue')).toBe('0')
    await expect.poll(() => count('followUpsDue')).toBe('0')
  })

  it('completes the order on the customer’s page', async () => {
    const { page } = app
    await page.goto(`${app.url}#/customer/${customerId}/orders`)
    await page.getByTestId('orders-grid').getByText(CIRCUIT).click()
    const drawer = page.getByTestId('order-drawer')
    await typeDate(drawer, '竣工日期', today)
    await page.getByTestId('save-order').click()
    await expect.poll(() => drawer.getByTestId('order-working').textContent()).toContain('按时完成')
    await page.keyboard.press('Escape')
  })

  it('shows the new delivery and follow-up on My day, and opens the delivery from there', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '我的今日' }).click()
    await expect.poll(() => count('deliveriesDue')).toBe('1')
    await expect.poll(() => count('followUpsDue')).toBe('1')
    await expect.poll(() => count('deliveriesOverdue')).toBe('0')
    await app.screenshot('myday.zh-CN')
    await page.getByTestId('myday-deliveriesDue-link').click()
    await expect.poll(() => page.getByTestId('deliveries-grid-total').textContent()).toBe('共 1 条')
    await page.getByTestId('deliveries-grid').getByText(CIRCUIT).click()
    await expect.poll(() => page.getByTestId('delivery-facts').textContent()).toContain('开通后 3 个工作日')
  })

  it('prints the delivery document, in Chinese and in English', async () => {
    const { page } = app
    const drawer = page.getByTestId('delivery-drawer')
    await drawer.getByTestId('delivered-today').click()
    await choose(page, '签收人（客户联系人）', '李娜')
    await page.getByTestId('save-delivery').click()
    await expect.poll(() => drawer.getByTestId('delivery-status').textContent()).toBe('按时')
    await drawer.getByTestId('delivery-print').click()
    await expect.poll(() => app.ports.saved.length, { timeout: 15_000 }).toBe(1)
    const chinese = app.ports.saved[0]!
    await expect.poll(() => existsSync(chinese), { timeout: 15_000 }).toBe(true)
    // The letter, the delivery list and the warranty card: a page each.
    expect(pdfPageCount(chinese)).toBe(3)
    pdfPageToPng(chinese, join(SCREENSHOT_DIR, 'delivery-letter.zh-CN.png'), 1)
    pdfPageToPng(chinese, join(SCREENSHOT_DIR, 'delivery-document.zh-CN.png'), 2)
    await drawer.getByTestId('delivery-print-language').getByText('English').click()
    await drawer.getByTestId('delivery-print').click()
    await expect.poll(() => app.ports.saved.length, { timeout: 15_000 }).toBe(2)
    const english = app.ports.saved[1]!
    await expect.poll(() => existsSync(english), { timeout: 15_000 }).toBe(true)
    pdfPageToPng(english, join(SCREENSHOT_DIR, 'delivery-letter.en.png'), 1)
    pdfPageToPng(english, join(SCREENSHOT_DIR, 'delivery-document.en.png'), 2)
    await expect.poll(() => drawer.getByTestId('delivery-printed').isVisible()).toBe(true)
  })

  it('records the delivery with its pack ticked and the billing confirmed', async () => {
    const { page } = app
    const drawer = page.getByTestId('delivery-drawer')
    for (const box of await drawer.getByTestId('delivery-pack').getByRole('checkbox').all()) await box.check()
    await drawer.getByTestId('billing-confirmed').check()
    await page.getByTestId('save-delivery').click()
    await expect.poll(() => drawer.getByTestId('delivery-facts').textContent()).toContain('4/4')
    await page.keyboard.press('Escape')
  })

  it('records the follow-up call', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '我的今日' }).click()
    await expect.poll(() => count('deliveriesDue')).toBe('0')
    await page.getByTestId('myday-followUpsDue-link').click()
    await page.getByTestId('followups-grid').getByText('临江市城投集团').click()
    const drawer = page.getByTestId('followup-drawer')
    await typeDate(drawer, '回访日期', today)
    await drawer.getByLabel('回访结果', { exact: true }).fill('专线已开通，客户确认业务正常')
    await drawer.locator('.ant-rate-star').nth(4).click()
    await page.getByTestId('save-followup').click()
    await expect.poll(() => drawer.getByTestId('followup-status').textContent()).toBe('按时')
    await page.keyboard.press('Escape')
  })

  it('ends with My day clear', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '我的今日' }).click()
    await expect.poll(() => page.getByTestId('myday-all-clear').isVisible()).toBe(true)
    for (const measure of [
      'deliveriesDue',
      'deliveriesOverdue',
      'followUpsDue',
      'followUpsOverdue',
      'issuesOpen',
    ])
      expect(await count(measure)).toBe('0')
    await app.screenshot('myday-clear.zh-CN')
    await api('prefs.set', { language: 'en' })
    await page.reload()
    await expect.poll(() => page.getByTestId('myday-all-clear').textContent()).toContain('Nothing due today')
    await app.screenshot('myday-clear.en')
    expect(app.problems).toEqual([])
  })
})
