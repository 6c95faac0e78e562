/**
 * The SLA flow in the real UI: on a customer's page, create an agreement with its own urgent time limit
 * and an order on its circuit, complete it late, see the compensation slip with its working, and print
 * it (page 1 of the PDF rendered to a PNG for a person to look at).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/api/handlers'
import { sampleCustomer } from '../fixtures/customers'
import { choose, type RunningApp, SCREENSHOT_DIR, startApp, typeDate } from './harness'
import { pdfPageCount, pdfPageToPng } from './ports'

let app: RunningApp
let customerId: string

async function api(channel: string, input?: unknown) {
  const result = await dispatch(app.host, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value as Record<string, unknown>
}

beforeAll(async () => {
  app = await startApp()
  const supervisor = await api('operators.register', {
    name: '周主管',
    level: 'senior',
    role: 'supervisor',
    password: 'e2e-supervisor',
  })
  await api('session.signIn', { operatorId: supervisor['id'], password: 'e2e-supervisor' })
  const file = await api('customers.save', {
    fields: { ...sampleCustomer, code: '5718880001', name: '临江市SLA演练集团' },
    contacts: [],
  })
  customerId = (file['customer'] as { id: string }).id
  const { products } = (await api('lookups.get')) as unknown as { products: { id: string; code: string }[] }
  await api('circuits.save', {
    customerId,
    number: 'LJ-E2E-000001',
    productId: products.find((product) => product.code === 'digital')!.id,
    bandwidth: '10M',
    standardFeeFen: 1_000_000,
    monthlyFeeFen: 200_000,
    status: 'active',
  })
  await app.page.reload()
})
afterAll(() => app?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.screenshot(`failed-${task.name}`)
})

describe('an SLA miss, from agreement to printed slip', () => {
  it('creates an agreement whose urgent limit is 3 working days', async () => {
    const { page } = app
    await page.goto(`${app.url}#/customer/${customerId}/agreements`)
    await page.getByRole('button', { name: '新建协议' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('协议编号').fill('SLA-E2E-001')
    await typeDate(page, '生效日期', '2026-01-01')
    await typeDate(page, '到期日期', '2026-12-31')
    await choose(page, '覆盖电路', 'LJ-E2E-000001')
    await dialog.getByPlaceholder('默认').first().fill('3')
    await page.getByTestId('save-agreement').click()
    await expect.poll(() => page.getByTestId('agreements-grid').textContent()).toContain('SLA-E2E-001')
  })

  it('opens an urgent order under it and works out the due date', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '开通工单' }).click()
    await page.getByRole('button', { name: '新建工单' }).click()
    const drawer = page.getByTestId('order-drawer')
    await choose(page, '电路', 'LJ-E2E-000001')
    await drawer.getByText('特急', { exact: true }).click()
    await typeDate(page, '受理日期', '2026-11-02')
    await page.getByTestId('save-order').click()
    await expect.poll(() => page.getByTestId('order-due').textContent()).toBe('2026年11月5日')
    await expect
      .poll(() => page.getByTestId('order-working').textContent())
      .toContain('按协议 SLA-E2E-001 的约定')
    await app.screenshot('sla-order-zh')
  })

  it('completes it three working days late: the slip is drafted with the working', async () => {
    const { page } = app
    await typeDate(page, '竣工日期', '2026-11-10')
    await page.getByTestId('save-order').click()
    await expect.poll(() => page.getByTestId('order-late-days').textContent()).toBe('3')
    // ¥10,000 × 150 % = ¥15,000 charged; × 5 % × 3 days = ¥2,250
    await expect.poll(() => page.getByTestId('order-compensation').textContent()).toBe('¥2,250.00')
    await expect.poll(() => page.getByTestId('order-slip').textContent()).toMatch(/PF-\d{4}-00001 · 草稿/)
    await app.screenshot('sla-order-late-zh')
  })

  it('shows the slip with its working and prints it as a one-page A4 PDF', async () => {
    const { page } = app
    await page.keyboard.press('Escape')
    await page.getByRole('tab', { name: '赔付单' }).click()
    await page.getByTestId('slips').getByText('LJ-E2E-000001').click()
    const drawer = page.getByTestId('slip-drawer')
    await expect.poll(() => drawer.getByTestId('slip-amount').textContent()).toContain('2,250.00')
    await expect.poll(() => drawer.textContent()).toContain('2026年11月5日')
    await app.screenshot('sla-slip-zh')
    await drawer.getByTestId('slip-print').click()
    await expect.poll(() => app.ports.saved.length, { timeout: 15_000 }).toBe(1)
    const pdf = app.ports.saved[0]!
    await expect.poll(() => existsSync(pdf), { timeout: 15_000 }).toBe(true)
    expect(pdfPageCount(pdf)).toBe(1)
    const png = join(SCREENSHOT_DIR, 'sla-slip-pdf-flow-zh.png')
    pdfPageToPng(pdf, png)
    expect(existsSync(png)).toBe(true)
    expect(app.problems).toEqual([])
  })
})
