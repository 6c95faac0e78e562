/**
 * Value and churn in the real UI: on a customer's 价值与流失 tab, four months of revenue whose last one is
 * 30 % below the three before it raise a churn warning; a month entered twice is refused at the field;
 * a follow-up takes the warning off the Service area's open list; the settings refuse weights that do
 * not add up to 100 %.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { dispatch } from '../../electron/api/handlers'
import { sampleCustomer } from '../fixtures/customers'
import { startApp, type RunningApp } from './harness'

let app: RunningApp
let customerId: string

async function api<T = Record<string, unknown>>(channel: string, input?: unknown): Promise<T> {
  const result = await dispatch(app.host, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

/** An input by its test id, whether the id sits on the input or on the control around it. */
function field(page: Page, testId: string) {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first()
}

/** A screenshot once the "saved" notices have gone, so that they hide nothing. */
async function screenshot(name: string) {
  await expect.poll(() => app.page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0)
  await app.screenshot(name)
}

/** Types a month and an amount into the tab's add form and adds it. */
async function addMonth(page: Page, month: string, yuan: string) {
  const picker = field(page, 'revenue-month')
  await picker.click()
  await picker.fill(month)
  await picker.press('Enter')
  await field(page, 'revenue-amount').fill(yuan)
  await page.getByTestId('revenue-add').click()
}

async function switchLanguage(page: Page, label: 'English' | '简体中文') {
  await page.goto(`${app.url}#/settings`)
  await page.getByTestId('language-switch').getByText(label).click()
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
  const { tiers } = await api<{ tiers: { id: string; scheme: string; rank: number }[] }>('lookups.get')
  const file = await api('customers.save', {
    fields: {
      ...sampleCustomer,
      code: '5718880005',
      name: '临江市价值评估演练集团',
      // The top tier: the score of a small customer suggests a lower one, so the tab flags it.
      tierId: tiers.find((tier) => tier.scheme === 'abcd' && tier.rank === 1)!.id,
      accountManagerId: supervisor['id'],
    },
    contacts: [],
  })
  customerId = (file['customer'] as { id: string }).id
  // Another of the manager's customers, whose October fell 25 %: its warning stays open throughout.
  const other = await api('customers.save', {
    fields: {
      ...sampleCustomer,
      code: '5718880006',
      name: '临江港务物流集团',
      accountManagerId: supervisor['id'],
    },
    contacts: [],
  })
  const otherId = (other['customer'] as { id: string }).id
  for (const [month, revenueFen] of [
    ['2026-07', 20_000_000],
    ['2026-08', 21_000_000],
    ['2026-09', 19_000_000],
    ['2026-10', 15_000_000],
  ] as const)
    await api('revenue.save', { customerId: otherId, month, revenueFen })
  await app.page.reload()
})
afterAll(() => app?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.screenshot(`failed-${task.name}`)
})

describe('value assessment and churn warnings', () => {
  it('raises a revenue-drop warning when a month falls 30 % below the three before it', async () => {
    const { page } = app
    await page.goto(`${app.url}#/customer/${customerId}/value`)
    await expect.poll(() => page.getByTestId('value-score').isVisible()).toBe(true)
    const grid = page.getByTestId('revenue-grid')
    for (const [month, yuan, shown] of [
      ['2026-06', '100000', '2026年6月'],
      ['2026-07', '110000', '2026年7月'],
      ['2026-08', '90000', '2026年8月'],
      ['2026-09', '70000', '2026年9月'],
    ] as const) {
      await addMonth(page, month, yuan)
      await expect.poll(() => grid.textContent()).toContain(shown)
    }
    await expect.poll(() => grid.textContent()).toContain('¥70,000.00')
    const warnings = page.getByTestId('warnings-grid')
    await expect.poll(() => warnings.textContent()).toContain('营收下滑')
    await expect
      .poll(() => warnings.textContent())
      .toContain('9月 ¥70,000.00，比前三月均值 ¥100,000.00 低 30%')
    await expect.poll(() => warnings.textContent()).toContain('待跟进')
    await expect.poll(() => page.getByTestId('tier-differs').isVisible()).toBe(true)
    await expect
      .poll(() => page.getByTestId('value-equivalent').textContent())
      .toBe('失去该客户相当于失去 79 个商业客户或 338 个公众客户')
    await screenshot('value.zh-CN')
  })

  it('refuses a month entered twice at the field and saves nothing', async () => {
    const { page } = app
    await addMonth(page, '2026-09', '50000')
    await expect
      .poll(() => page.getByText('2026-09 的营收已经录入：请在列表中修改该月').isVisible())
      .toBe(true)
    const months = await api<{ month: string; revenueFen: number }[]>('revenue.list', { id: customerId })
    expect(months.map((row) => row.month)).toEqual(['2026-09', '2026-08', '2026-07', '2026-06'])
    expect(months[0]!.revenueFen).toBe(7_000_000)
    // Correcting a month that is there: the same month, a new amount, saved over it.
    const grid = page.getByTestId('revenue-grid')
    await grid.locator('.ag-row').filter({ hasText: '2026年6月' }).getByRole('button').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('spinbutton').fill('100500')
    await page.getByTestId('save-revenue-month').click()
    await expect.poll(() => grid.textContent()).toContain('¥100,500.00')
    const corrected = await api<{ month: string; revenueFen: number; version: number }[]>('revenue.list', {
      id: customerId,
    })
    expect(corrected.find((row) => row.month === '2026-06')).toMatchObject({
      revenueFen: 10_050_000,
      version: 2,
    })
  })

  it('records a follow-up: the warning shows handled', async () => {
    const { page } = app
    const warnings = page.getByTestId('warnings-grid')
    await warnings.getByTestId('record-follow-up').click()
    await page.getByTestId('follow-up').fill('已约见办公室主任，营收下降因季节性减员，10月恢复。')
    await page.getByTestId('save-follow-up').click()
    await expect.poll(() => warnings.textContent()).toContain('已跟进')
    await expect.poll(() => warnings.textContent()).toContain('已约见办公室主任')
    expect(await warnings.textContent()).not.toContain('待跟进')
  })

  it('takes crisis news and a cancellation by hand, and counts the cancellations', async () => {
    const { page } = app
    await page.getByRole('button', { name: '录入危机信息' }).click()
    await page.getByTestId('churn-note').fill('媒体报道该集团拟整体迁入邻市新园区。')
    await page.getByTestId('save-churn-note').click()
    // One note at a time: the first is saved and listed before the second form opens.
    await expect.poll(() => page.getByTestId('warnings-grid').textContent()).toContain('媒体报道该集团')
    await page.getByRole('button', { name: '录入销户' }).click()
    await page.getByTestId('churn-note').fill('撤销两条互联网专线，改用竞争对手线路。')
    await page.getByTestId('save-churn-note').click()
    const warnings = page.getByTestId('warnings-grid')
    await expect.poll(() => warnings.textContent()).toContain('危机信息')
    await expect.poll(() => warnings.textContent()).toContain('撤销两条互联网专线')
    await expect.poll(() => page.getByTestId('warnings-cancellations').textContent()).toBe('销户 1 次')
  })

  it('lists only the open warnings in the Service area, and a follow-up takes one off', async () => {
    const { page } = app
    await page.goto(`${app.url}#/service/churn`)
    const grid = page.getByTestId('churn-grid')
    await expect.poll(() => grid.textContent()).toContain('危机信息')
    await expect.poll(() => grid.textContent()).toContain('临江市价值评估演练集团')
    await expect.poll(() => grid.textContent()).toContain('10月 ¥150,000.00，比前三月均值 ¥200,000.00 低 25%')
    // The first customer's drop has its follow-up: it is not on the open list.
    expect(await grid.textContent()).not.toContain('9月 ¥70,000.00')
    await screenshot('churn.zh-CN')
    await grid.getByText('媒体报道该集团拟整体迁入邻市新园区').click()
    await page.getByTestId('follow-up').fill('客户经理已上门，确认迁址后继续使用我公司专线。')
    await page.getByTestId('save-follow-up').click()
    await expect.poll(() => grid.textContent()).not.toContain('危机信息')
    await page.getByTestId('churn-include-handled').click()
    await expect.poll(() => grid.textContent()).toContain('9月 ¥70,000.00')
    await expect.poll(() => grid.textContent()).toContain('已跟进')
  })

  it('shows the tab in English', async () => {
    const { page } = app
    await switchLanguage(page, 'English')
    try {
      await page.goto(`${app.url}#/customer/${customerId}/value`)
      const warnings = page.getByTestId('warnings-grid')
      await expect.poll(() => warnings.textContent()).toContain('Revenue drop')
      await expect
        .poll(() => warnings.textContent())
        .toContain('Sep ¥70,000.00, 30% below the average of the three months before (¥100,000.00)')
      await expect
        .poll(() => page.getByTestId('value-equivalent').textContent())
        .toBe('Losing this customer costs as much as losing 79 business or 338 public customers')
      await screenshot('value.en')
    } finally {
      await switchLanguage(page, '简体中文')
    }
  })

  it('refuses weights that do not add up to 100 % and saves those that do', async () => {
    const { page } = app
    await page.goto(`${app.url}#/settings`)
    const card = page.getByTestId('value-settings-card')
    await card.scrollIntoViewIfNeeded()
    await card.getByTestId('weight-intangible').fill('10')
    await card.getByTestId('save-value-settings').click()
    await expect.poll(() => card.getByText('三项权重合计须为 100%').first().isVisible()).toBe(true)
    await expect.poll(() => card.getByTestId('weights-total').textContent()).toBe('合计 90%')
    await screenshot('value-settings.zh-CN')
    // The main process refuses them too, with the same message at the weights.
    const refused = await dispatch(app.host, 'value.saveSettings', {
      ...(await api('value.settings')),
      weights: { currentBp: 5000, potentialBp: 3000, intangibleBp: 1000 },
    })
    expect(refused.ok).toBe(false)
    expect(JSON.stringify(refused)).toContain('weights_not_whole')
    expect((await api<{ weights: { intangibleBp: number } }>('value.settings')).weights.intangibleBp).toBe(
      2000,
    )

    await card.getByTestId('weight-intangible').fill('20')
    await card.getByLabel('营收下滑预警比例').fill('25')
    await card.getByTestId('save-value-settings').click()
    await expect.poll(() => page.locator('.ant-message').getByText('已保存').isVisible()).toBe(true)
    const saved = await api<{ weights: Record<string, number>; churnShareBp: number }>('value.settings')
    expect(saved.weights).toEqual({ currentBp: 5000, potentialBp: 3000, intangibleBp: 2000 })
    expect(saved.churnShareBp).toBe(2500)
    expect(app.problems).toEqual([])
  })
})
