/**
 * The SLA calculator and the compensation slips in the real UI, on the demo database: the worked
 * example from the service standard (an urgent digital circuit across the Spring Festival), a year with
 * no official calendar, and a draft slip confirmed and printed by a supervisor, refused to staff.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Operator, SlipRecord } from '../../electron/api/contract'
import { dispatch } from '../../electron/api/handlers'
import { DEMO_SUPERVISOR_PASSWORD } from '../../db/seed/demo'
import { choose, type RunningApp, SCREENSHOT_DIR, startApp, typeDate } from './harness'
import { pdfPageCount, pdfPageToPng } from './ports'

let app: RunningApp
let slipNumber = ''

async function api<T>(channel: string, input?: unknown): Promise<T> {
  const result = await dispatch(app.host, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

/** Signs in through the handlers (as the sign-in screen does), in a language, and opens a page. */
async function signInAndOpen(
  operatorId: string,
  password: string | undefined,
  language: string,
  hash: string,
) {
  await api('session.signIn', { operatorId, password })
  await api('prefs.set', { language })
  await app.page.goto(`${app.url}${hash}`)
  await app.page.reload()
}

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent()
/** For what waits on a query or a printed PDF. */
const slow = { timeout: 15_000 }

/** The worked example: urgent, digital circuit, accepted 12 Feb 2026, completed 2 Mar 2026, fee 10,000 yuan. */
async function fillExample(page: Page, labels: Record<string, string>) {
  const form = page.getByTestId('calculator-form')
  await form.getByText(labels['urgent']!, { exact: true }).click()
  await choose(page, labels['product']!, labels['digital']!)
  await typeDate(page, labels['accepted']!, '2026-02-12')
  await typeDate(page, labels['completed']!, '2026-03-02')
  await form.getByLabel(labels['fee']!).fill('10000')
}

/** Filters the slips to drafts and opens the first. */
async function openFirstDraft(page: Page) {
  await page.getByTestId('slips-status').click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '草稿' })
    .click()
  await page.keyboard.press('Escape')
  // A late opening's slip: its working has the charged fee the English view is checked for.
  const firstRow = page
    .getByTestId('slips')
    .locator('.ag-row')
    .filter({ hasText: '草稿' })
    .filter({ hasText: '开通超时' })
    .first()
  await expect.poll(() => firstRow.count(), slow).toBe(1)
  await firstRow.click()
  await expect.poll(() => text(page, 'slip-status'), slow).toBe('草稿')
}

beforeAll(async () => {
  app = await startApp()
  await app.host.openDemo()
  const operators = await api<Operator[]>('operators.list')
  const supervisor = operators.find((operator) => operator.name === '演示主管')!
  await signInAndOpen(supervisor.id, DEMO_SUPERVISOR_PASSWORD, 'zh-CN', '#/sla/calculator')
})
afterAll(() => app?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.screenshot(`failed-${task.name}`)
})

describe('the SLA calculator', () => {
  it('works out the Spring Festival example in zh-CN', async () => {
    const { page } = app
    await fillExample(page, {
      urgent: '特急',
      product: '产品',
      digital: '数字电路',
      accepted: '受理日期',
      completed: '竣工日期',
      fee: '标准一次性费用（元）',
    })
    await expect.poll(() => text(page, 'calc-compensation'), slow).toBe('¥2,250.00')
    expect(await text(page, 'calc-due-date')).toBe('2026年2月26日')
    expect(await text(page, 'calc-lateDays')).toBe('3 个工作日')
    expect(await text(page, 'calc-chargedFee')).toBe('¥15,000.00')
    expect(await text(page, 'calc-working')).toContain('计费金额 ¥15,000.00 × 5% × 3 个工作日 = ¥2,250.00')
    const skipped = page.getByTestId('calc-due-notes')
    expect(await skipped.getByRole('row').filter({ hasText: '2026年2月17日' }).textContent()).toMatch(
      /法定节假日.*春节/,
    )
    expect(await skipped.getByRole('row').filter({ hasText: '2026年2月14日' }).textContent()).toMatch(
      /周六.*调休上班.*春节/,
    )
    await app.screenshot('sla-calculator-zh')
  })

  it('says at the field when completion is before acceptance, and warns of a year with no calendar', async () => {
    const { page } = app
    await typeDate(page, '受理日期', '2026-12-20')
    await expect
      .poll(() => page.getByText('竣工日期早于受理日期：请检查两个日期').isVisible(), slow)
      .toBe(true)
    await page.getByLabel('竣工日期', { exact: true }).hover()
    await page.getByTestId('calculator-form').locator('.ant-picker-clear').last().click()
    await page.getByTestId('calculator-form').getByText('普通', { exact: true }).click()
    await expect.poll(() => text(page, 'calendar-warning'), slow).toContain('2027 年的官方节假日安排尚未载入')
    expect(await page.getByText('竣工日期早于受理日期').count()).toBe(0)
    await app.screenshot('sla-calculator-warning-zh')
  })

  it('shows the same figures in English', async () => {
    const { page } = app
    await page.goto(`${app.url}#/settings`)
    await page.getByTestId('language-switch').getByText('English').click()
    await page.goto(`${app.url}#/sla/calculator`)
    await fillExample(page, {
      urgent: 'Urgent',
      product: 'Product',
      digital: 'Digital circuit',
      accepted: 'Accepted on',
      completed: 'Completed on',
      fee: 'Standard one-time fee (yuan)',
    })
    await expect.poll(() => text(page, 'calc-compensation'), slow).toMatch(/¥2,250\.00$/)
    expect(await text(page, 'calc-due-date')).toBe('Feb 26, 2026')
    expect(await text(page, 'calc-lateDays')).toBe('3 working days')
    expect(await text(page, 'calc-chargedFee')).toMatch(/¥15,000\.00$/)
    expect(await text(page, 'calc-working')).toMatch(
      /charged fee .*¥15,000\.00 × 5% × 3 working days = .*¥2,250\.00/,
    )
    expect(await text(page, 'calc-due-notes')).toContain('Spring Festival')
    expect(await text(page, 'calc-late-notes')).toContain('Make-up working day')
    await app.screenshot('sla-calculator-en')
  })
})

describe('compensation slips', () => {
  it('lets a supervisor confirm a draft slip with the unit responsible', async () => {
    const { page } = app
    await page.goto(`${app.url}#/settings`)
    await page.getByTestId('language-switch').getByText('简体中文').click()
    await page.goto(`${app.url}#/sla/slips`)
    await expect.poll(() => text(page, 'slips-total'), slow).toMatch(/^共 \d+ 条$/)
    await app.screenshot('sla-slips-zh')
    await openFirstDraft(page)
    const drawer = page.getByTestId('slip-drawer')
    slipNumber = (await drawer.locator('.ant-drawer-title').textContent())!.replace('赔付单 ', '')
    expect(await text(page, 'slip-amount')).toMatch(/^¥[\d,]+\.\d{2}$/)
    await page.getByTestId('slip-confirm').click()
    const form = page.getByTestId('slip-confirm-form')
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
    await expect.poll(() => form.getByText('必填').isVisible(), slow).toBe(true)
    await form.getByLabel('责任单位').fill('传输维护中心')
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
    await expect.poll(() => text(page, 'slip-status'), slow).toBe('客户已确认')
    expect(await drawer.textContent()).toContain('传输维护中心')
    expect(await drawer.textContent()).toContain('演示主管')
    expect(await page.getByTestId('slip-pay').isEnabled()).toBe(true)
    // The list behind it follows: with the draft filter, the slip has left it.
    await expect.poll(() => page.getByTestId('slips').textContent(), slow).not.toContain(slipNumber)
    await expect.poll(() => page.locator('.ant-message-notice').count(), slow).toBe(0)
    await app.screenshot('sla-slip-drawer-zh')
  })

  it('prints the slip to a one-page PDF', async () => {
    const { page } = app
    await page.getByTestId('slip-print').click()
    await expect.poll(() => text(page, 'slip-printed'), slow).toMatch(/已保存 .*\.pdf/)
    const pdf = app.ports.saved.at(-1)!
    expect(existsSync(pdf)).toBe(true)
    expect(pdfPageCount(pdf)).toBe(1)
    pdfPageToPng(pdf, join(SCREENSHOT_DIR, 'sla-slip-pdf-zh.png'))
    await page.getByTestId('slip-printed').getByRole('button', { name: '打开' }).click()
    await page.locator('.ant-drawer-body').hover()
    await page.mouse.wheel(0, 3000)
    await app.screenshot('sla-slip-drawer-printed-zh')
    expect(app.problems).toEqual([])
  })

  it('shows the slip in English', async () => {
    const { page } = app
    await page.goto(`${app.url}#/settings`)
    await page.getByTestId('language-switch').getByText('English').click()
    await page.goto(`${app.url}#/sla/slips`)
    await page.getByTestId('slips-search').locator('input').fill(slipNumber)
    await expect.poll(() => text(page, 'slips-total'), slow).toBe('1 record')
    await page.getByTestId('slips').locator('.ag-row').filter({ hasText: 'Confirmed' }).first().click()
    await expect.poll(() => text(page, 'slip-status'), slow).toBe('Confirmed by customer')
    expect(await page.getByTestId('slip-working').textContent()).toContain('Charged fee')
    await app.screenshot('sla-slip-drawer-en')
  })

  it('shows an availability slip with its availability to four decimals', async () => {
    const { page } = app
    const { rows } = await api<{ rows: SlipRecord[] }>('slips.list', { startRow: 0, endRow: 200 })
    const slip = rows.find((row) => row.kind === 'availability')!
    await page.getByTestId('slip-drawer').getByRole('button', { name: 'Close' }).click()
    await page.getByTestId('slips-search').locator('input').fill(slip.number)
    await expect.poll(() => text(page, 'slips-total'), slow).toBe('1 record')
    await page.getByTestId('slips').locator('.ag-row').filter({ hasText: slip.number }).first().click()
    await expect
      .poll(() => page.getByTestId('slip-working').textContent(), slow)
      .toMatch(/Availability\d{2,3}\.\d{4}%Target \d{2,3}\.\d{4}%/)
    await app.screenshot('sla-slip-availability-en')
  })

  it('shows staff the confirm button greyed, with the reason', async () => {
    const { page } = app
    const staff = await api<Operator>('operators.register', {
      name: '钱小梅',
      level: 'account_manager',
      role: 'staff',
    })
    await signInAndOpen(staff.id, undefined, 'zh-CN', '#/sla/slips')
    await openFirstDraft(page)
    expect(await page.getByTestId('slip-confirm').isDisabled()).toBe(true)
    expect(await page.getByTestId('slip-void').isDisabled()).toBe(true)
    await page.getByTestId('slip-confirm').locator('..').hover()
    await expect
      .poll(() => page.getByText('只有主管可以确认、登记支付或作废赔付单').isVisible(), slow)
      .toBe(true)
    await app.screenshot('sla-slip-drawer-staff-zh')
    expect(app.problems).toEqual([])
  })
})
