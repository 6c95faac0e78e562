/**
 * Walks every screen on the demo database in zh-CN and en and saves a screenshot of each (under
 * SCREENSHOT_DIR; `npm run screenshots` writes the README's copies in docs/screenshots). Along the way it
 * checks what a trainer relies on: the DEMO banner, the demo's 300 customers, and the way back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from './harness'

let app: RunningApp
beforeAll(async () => {
  app = await startApp()
})
afterAll(() => app?.close())

const LANGUAGES = [
  {
    code: 'zh-CN',
    label: '简体中文',
    customers: '客户档案',
    settings: '设置',
    total: '共 300 户',
    contacts: /关键联系人/,
    history: '修改记录',
    sla: 'SLA 服务保证',
    plan: '服务规划',
    value: '价值与流失',
  },
  {
    code: 'en',
    label: 'English',
    customers: 'Customers',
    settings: 'Settings',
    total: '300 customers',
    contacts: /Key contacts/,
    history: 'History',
    sla: 'SLA',
    plan: 'Service plan',
    value: 'Value & churn',
  },
] as const

describe('every screen, on the demo database', () => {
  it('opens the demo database from the sign-in screen, under an unmistakable banner', async () => {
    const { page } = app
    await page.getByRole('button', { name: '打开演示数据库' }).click()
    await expect.poll(() => page.getByTestId('demo-banner').textContent()).toContain('演示数据库')
    await expect
      .poll(() => page.getByTestId('status-bar').textContent())
      .toContain('account-desk-demo.sqlite')
    await page.getByTestId('operator-select').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '大客户经理' }).first().click()
    await app.screenshot('sign-in.zh-CN')
    await page.getByRole('button', { name: '开始工作' }).click()
    // Work starts on My day; the customers are a click away.
    await expect.poll(() => page.getByRole('menuitem', { name: '我的今日' }).isVisible()).toBe(true)
    await page.getByRole('menuitem', { name: '客户档案' }).click()
    await expect.poll(() => page.getByTestId('customer-total').textContent()).toBe('共 300 户')
  })

  for (const language of LANGUAGES) {
    it(`shows the customers grid, a customer file and settings in ${language.code}`, async () => {
      const { page } = app
      await page
        .getByRole('menuitem', { name: LANGUAGES.find((l) => l.code !== language.code)!.settings })
        .or(page.getByRole('menuitem', { name: language.settings }))
        .first()
        .click()
      await page.getByTestId('language-switch').getByText(language.label).click()
      await expect.poll(() => page.getByRole('menuitem', { name: language.settings }).isVisible()).toBe(true)
      await app.screenshot(`settings.${language.code}`)

      await page.getByRole('menuitem', { name: language.customers }).click()
      await expect.poll(() => page.getByTestId('customer-total').textContent()).toBe(language.total)
      await app.screenshot(`customers-grid.${language.code}`)

      await page.getByTestId('customers-grid').locator('.ag-row').first().click()
      await expect.poll(() => page.getByTestId('customer-title').textContent()).not.toBe('')
      await app.screenshot(`customer-profile.${language.code}`)
      await page.getByRole('tab', { name: language.contacts }).click()
      await app.screenshot(`customer-contacts.${language.code}`)
      await page.getByRole('tab', { name: language.history }).click()
      await expect.poll(() => page.getByTestId('history-grid').locator('.ag-row').count()).toBeGreaterThan(0)
      await app.screenshot(`customer-history.${language.code}`)
    })

    it(`shows the SLA area in ${language.code}`, async () => {
      const { page } = app
      await page.getByRole('menuitem', { name: language.sla }).click()
      const rows = (grid: string) => page.getByTestId(grid).locator('.ag-row')
      await expect.poll(() => rows('orders-grid').count(), { timeout: 10_000 }).toBeGreaterThan(10)
      await app.screenshot(`sla-orders.${language.code}`)
      await rows('orders-grid').first().click()
      await expect.poll(() => page.getByTestId('order-due').isVisible(), { timeout: 10_000 }).toBe(true)
      await app.screenshot(`sla-order.${language.code}`)
      await page.keyboard.press('Escape')
      for (const tab of ['agreements', 'faults', 'slips'] as const) {
        await page.goto(`${app.url}#/sla/${tab}`)
        await expect
          .poll(() => rows(tab === 'slips' ? 'slips' : `${tab}-grid`).count(), { timeout: 10_000 })
          .toBeGreaterThan(3)
        await app.screenshot(`sla-${tab}.${language.code}`)
      }
    })

    it(`shows My day and the deliveries and follow-ups in ${language.code}`, async () => {
      const { page } = app
      await page.goto(`${app.url}#/myday`)
      await expect.poll(() => page.getByTestId('myday-deliveriesOverdue').isVisible()).toBe(true)
      // The demo's account manager is shown everyone's work: their own customers and the whole desk.
      await page
        .getByTestId('myday-scope')
        .getByText(language.code === 'en' ? 'All' : '全部')
        .click()
      await expect.poll(() => page.getByTestId('myday-deliveriesOverdue').textContent()).not.toBe('0')
      await app.screenshot(`myday-demo.${language.code}`)
      for (const tab of ['deliveries', 'followups'] as const) {
        await page.goto(`${app.url}#/delivery/${tab}`)
        await expect
          .poll(() => page.getByTestId(`${tab}-grid`).locator('.ag-row').count(), { timeout: 10_000 })
          .toBeGreaterThan(3)
        await app.screenshot(`delivery-${tab}-demo.${language.code}`)
      }
    })

    it(`shows the standards, a customer's plan and value, and the service area in ${language.code}`, async () => {
      const { page } = app
      await page.goto(`${app.url}#/standards`)
      await expect.poll(() => page.locator('table').first().textContent(), { timeout: 10_000 }).not.toBe('')
      await app.screenshot(`standards.${language.code}`)
      await page.goto(`${app.url}#/customers`)
      await page.getByTestId('customers-grid').locator('.ag-row').first().click()
      await page.getByRole('tab', { name: language.plan }).click()
      await expect
        .poll(() => page.getByTestId('compliance-share').isVisible(), { timeout: 10_000 })
        .toBe(true)
      await app.screenshot(`customer-plan.${language.code}`)
      await page.getByRole('tab', { name: language.value }).click()
      await page.waitForTimeout(500)
      await app.screenshot(`customer-value.${language.code}`)
      for (const tab of ['activities', 'compliance', 'churn'] as const) {
        await page.goto(`${app.url}#/service/${tab}`)
        await page.waitForTimeout(800)
        await app.screenshot(`service-${tab}.${language.code}`)
      }
    })
  }

  it('returns to the real database, which the demo never touched', async () => {
    const { page } = app
    await page.getByRole('button', { name: 'Back to my database' }).click()
    await expect.poll(() => page.getByTestId('demo-banner').count()).toBe(0)
    await expect.poll(() => page.getByTestId('status-bar').textContent()).toContain('account-desk.sqlite')
    // The real file has no operators yet: its first start, in English.
    await expect.poll(() => page.getByText('Who is working at the desk?').isVisible()).toBe(true)
    await app.screenshot('sign-in.en')
    const { total } = await app.host
      .authorize('public')
      .db.selectFrom('customer')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow()
    expect(total).toBe(0)
    expect(app.problems).toEqual([])
  })
})
