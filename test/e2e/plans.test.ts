/**
 * Service plans in the real UI: a class A customer's plan and this month's compliance on its page; a
 * visit recorded with one click raises the share; a target below zero and an activity dated in the
 * future are refused at the field with nothing saved; the Service area shows compliance by account
 * manager, the worst on top.
 */
import dayjs from 'dayjs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { dispatch } from '../../electron/api/handlers'
import { sampleContacts, sampleCustomer } from '../fixtures/customers'
import { choose, type RunningApp, startApp, typeDate } from './harness'

let app: RunningApp
let customerId: string
let supervisorId: string

async function api<T = Record<string, unknown>>(channel: string, input?: unknown): Promise<T> {
  const result = await dispatch(app.host, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

/** The share shown on the customer's compliance block, as a number ("16.66%" → 16.66). */
async function share(page: Page): Promise<number> {
  const text = (await page.getByTestId('compliance-share').textContent()) ?? ''
  return Number.parseFloat(text.replace(/[^\d.]/g, ''))
}

async function inLanguage(language: 'zh-CN' | 'en', hash: string) {
  await api('prefs.set', { language })
  await app.page.goto(`${app.url}${hash}`)
  await app.page.reload()
}

/** Waits for the "saved" toasts to go, so that a screenshot shows the page. */
async function settled(page: Page) {
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0)
}

const today = dayjs().format('YYYY-MM-DD')

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
  const { tiers, branches } = await api<{
    tiers: { id: string; code: string; scheme: string }[]
    branches: { id: string }[]
  }>('lookups.get')
  const tier = (code: string) => tiers.find((entry) => entry.scheme === 'abcd' && entry.code === code)!.id
  const file = await api<{ customer: { id: string } }>('customers.save', {
    fields: {
      ...sampleCustomer,
      code: '5718880101',
      name: '临江市规划演练集团',
      tierId: tier('A'),
      accountManagerId: supervisorId,
      branchId: branches[0]?.id ?? null,
    },
    contacts: sampleContacts,
  })
  customerId = file.customer.id
  // A second customer, class B with no manager, with a call and a greeting this month.
  const other = await api<{ customer: { id: string }; contacts: { id: string }[] }>('customers.save', {
    fields: { ...sampleCustomer, code: '5718880102', name: '临江市第二演练医院', tierId: tier('B') },
    contacts: [sampleContacts[0]],
  })
  for (const [kind, notes] of [
    ['call', '电话回访专线使用情况'],
    ['greeting', '节日慰问'],
  ] as const) {
    await api('activities.save', {
      customerId: other.customer.id,
      kind,
      occurredOn: today,
      contactIds: [other.contacts[0]!.id],
      staffId: supervisorId,
      notes,
    })
  }
  await app.page.reload()
})
afterAll(() => app?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.screenshot(`failed-${task.name}`)
})

describe('a service plan, kept and checked', () => {
  it('records a visit with one click and the month’s share rises', async () => {
    const { page } = app
    await page.goto(`${app.url}#/customer/${customerId}/plan`)
    const block = page.getByTestId('customer-compliance')
    await expect.poll(() => block.getByTestId('compliance-share').textContent()).toMatch(/\d/)
    await expect.poll(() => page.getByTestId('plan-items').textContent()).toContain('日常拜访')
    await expect.poll(() => page.getByTestId('plan-items').textContent()).toContain('每月 2 次')
    const before = await share(page)

    await block.getByRole('button', { name: '记录拜访' }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.textContent()).toContain('记录拜访')
    expect(await dialog.getByLabel('日期', { exact: true }).inputValue()).toBe(today)
    await choose(page, '联系人', '李娜')
    await dialog.getByLabel('记录', { exact: true }).fill('季度业务沟通，了解专线扩容需求')
    await page.getByTestId('save-activity').click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    await expect.poll(() => share(page)).toBeGreaterThan(before)
    await expect.poll(() => block.getByTestId('compliance-items').textContent()).toMatch(/日常拜访1 \/ 2 次/)
  })

  it('refuses a target below zero at the field, saving nothing', async () => {
    const { page } = app
    await page.getByTestId('plan-edit-routine_visit').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('次数', { exact: true }).fill('-1')
    await page.getByTestId('save-plan-item').click()
    await expect.poll(() => dialog.textContent()).toContain('不能小于 0')
    const plan = await api<{ items: { itemId: string; frequency: number; overridden: boolean }[] }>(
      'plans.get',
      { customerId, year: dayjs().year() },
    )
    expect(plan.items.filter((item) => item.overridden)).toEqual([])

    // A real change of the customer's own: three visits a month, tagged as the customer's own.
    await dialog.getByLabel('次数', { exact: true }).fill('3')
    await dialog.getByLabel('备注', { exact: true }).fill('客户要求增加拜访')
    await page.getByTestId('save-plan-item').click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    await expect.poll(() => page.getByTestId('plan-items').textContent()).toContain('本客户设定')
    await expect.poll(() => page.getByTestId('plan-items').textContent()).toContain('每月 3 次')
    await settled(page)
    await app.screenshot('plan.zh-CN')

    await inLanguage('en', `#/customer/${customerId}/plan`)
    await expect.poll(() => page.getByTestId('plan-items').textContent()).toContain('3 per month')
    await expect.poll(() => page.getByTestId('plan-items').textContent()).toContain('Customer-specific')
    await expect.poll(() => page.getByTestId('compliance-share').textContent()).toMatch(/\d/)
    await app.screenshot('plan.en')
    await inLanguage('zh-CN', `#/customer/${customerId}/plan`)
  })

  it('lists the customer’s activities with the contacts met, and everyone’s in the Service area', async () => {
    const { page } = app
    await page.getByRole('tab', { name: '服务活动' }).click()
    const own = page.getByTestId('activities-grid')
    await expect.poll(() => own.getByText('李娜').isVisible()).toBe(true)
    await expect.poll(() => own.textContent()).toContain('季度业务沟通')
    await app.screenshot('activities-customer.zh-CN')
    await page.goto(`${app.url}#/service/activities`)
    const grid = page.getByTestId('activities-grid')
    await expect.poll(() => grid.textContent()).toContain('临江市规划演练集团')
    await expect.poll(() => grid.textContent()).toContain('临江市第二演练医院')
    await expect.poll(() => grid.textContent()).toContain('日常拜访')
    await app.screenshot('activities.zh-CN')
  })

  it('shows compliance by account manager, the worst on top', async () => {
    const { page } = app
    await page.goto(`${app.url}#/service/compliance`)
    await page.getByTestId('compliance-group').getByText('按客户经理').click()
    const grid = page.getByTestId('compliance-grid')
    await expect.poll(() => grid.getByText('周主管').isVisible()).toBe(true)
    await expect.poll(() => grid.textContent()).toContain('未分配')
    await app.screenshot('compliance.zh-CN')
    await inLanguage('en', '#/service/compliance')
    await expect.poll(() => page.getByTestId('compliance-grid').textContent()).toContain('Unassigned')
    await app.screenshot('compliance.en')
    await inLanguage('zh-CN', '#/service/compliance')
  })

  it('refuses an activity dated in the future, at the field', async () => {
    const { page } = app
    await page.goto(`${app.url}#/customer/${customerId}/plan`)
    const block = page.getByTestId('customer-compliance')
    await expect.poll(() => block.getByTestId('compliance-share').textContent()).toMatch(/\d/)
    await block.getByRole('button', { name: '记录电话' }).click()
    const dialog = page.getByRole('dialog')
    // The picker does not offer tomorrow.
    await dialog.getByLabel('日期', { exact: true }).click()
    const tomorrow = dayjs().add(1, 'day').format('YYYY-MM-DD')
    const cell = page.locator(`.ant-picker-dropdown:visible td[title="${tomorrow}"]`)
    await expect.poll(() => cell.getAttribute('class')).toContain('ant-picker-cell-disabled')
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: '取消' }).click()

    // A PC whose clock runs ahead offers the day after tomorrow: the desk still refuses it, at the field.
    await page.clock.setFixedTime(dayjs().add(3, 'day').toDate())
    await block.getByRole('button', { name: '记录电话' }).click()
    const ahead = dayjs().add(2, 'day').format('YYYY-MM-DD')
    await typeDate(page.getByRole('dialog'), '日期', ahead)
    await page.getByTestId('save-activity').click()
    await expect.poll(() => dialog.textContent()).toContain('不能晚于现在')
    await app.screenshot('activity-future.zh-CN')
    const { total } = await api<{ total: number }>('activities.list', {
      startRow: 0,
      endRow: 100,
      customerId,
    })
    expect(total).toBe(1)
    expect(app.problems).toEqual([])
  })
})
