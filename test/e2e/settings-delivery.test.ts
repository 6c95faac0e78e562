/**
 * Settings → 交付与回访 in the real UI: a supervisor sets the delivery deadline to 5 working days, ticks
 * the user guide into the HQ added-business pack, adds a document of its own and sets the hotlines printed
 * on the delivery documents; the change is kept in the rules' history. A staff member sees it all
 * read-only, and the main process refuses the change anyway.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/api/handlers'
import type { DeliveryRules } from '../../electron/api/contract'
import { startApp, type RunningApp } from './harness'

let app: RunningApp
const ids = { supervisor: '', staff: '' }

async function api<T = Record<string, unknown>>(channel: string, input?: unknown): Promise<T> {
  const result = await dispatch(app.host, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

async function signIn(operatorId: string, language: 'zh-CN' | 'en', password?: string) {
  await api('session.signIn', { operatorId, password })
  await api('prefs.set', { language })
  await app.page.goto(`${app.url}#/settings`)
  await app.page.reload()
  await expect.poll(() => app.page.getByTestId('deadline-delivery').isVisible()).toBe(true)
}

/** Brings a part of the long settings page to the top of the window, for a screenshot. */
const scrollTo = (testId: string) =>
  app.page
    .getByTestId(testId)
    .evaluate((element) => (element as { scrollIntoView: () => void }).scrollIntoView())

/** A screenshot once the "saved" notices have gone, so that they hide nothing. */
async function screenshot(name: string) {
  await expect.poll(() => app.page.locator('.ant-message-notice').count(), { timeout: 15_000 }).toBe(0)
  await app.screenshot(name)
}

const checkbox = (code: string, pack: string) => app.page.getByTestId(`pack-${code}-${pack}`)
const isChecked = (code: string, pack: string) =>
  checkbox(code, pack)
    .locator('xpath=ancestor-or-self::label[1]')
    .evaluate((label) =>
      (label as unknown as { className: string }).className.includes('ant-checkbox-wrapper-checked'),
    )

beforeAll(async () => {
  app = await startApp()
  ids.supervisor = (
    await api<{ id: string }>('operators.register', {
      name: '周主管',
      level: 'senior',
      role: 'supervisor',
      password: 'e2e-supervisor',
    })
  ).id
  ids.staff = (
    await api<{ id: string }>('operators.register', {
      name: '李经理',
      level: 'account_manager',
      role: 'staff',
    })
  ).id
})
afterAll(() => app?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.screenshot(`failed-${task.name}`)
})

describe('deliveries and follow-ups in settings', () => {
  it('shows the shipped deadlines and packs', async () => {
    const { page } = app
    await signIn(ids.supervisor, 'zh-CN', 'e2e-supervisor')
    await expect.poll(() => page.getByTestId('deadline-delivery').textContent()).toBe('3 个工作日')
    expect(await page.getByTestId('deadline-follow_up_opening').textContent()).toBe('7 天')
    expect(await page.getByTestId('deadline-follow_up_repair').textContent()).toBe('3 天')
    expect(await isChecked('user_guide', 'hqFirst')).toBe(true)
    expect(await isChecked('user_guide', 'hqAdded')).toBe(false)
    expect(await page.getByTestId('delivery-faultHotline').inputValue()).toBe('10000')
  })

  it('sets the delivery deadline to 5 working days, for records created from now on', async () => {
    const { page } = app
    await page.getByTestId('deadline-edit-delivery').click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.textContent()).toContain('修改期限：交付资料（开通后）')
    expect(await dialog.textContent()).toContain('只对此后产生的记录生效')
    await dialog.getByLabel('天数').fill('5')
    await dialog.getByText('工作日', { exact: true }).click()
    await scrollTo('delivery-settings-card')
    await app.screenshot('settings-delivery-rule-edit-zh')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('deadline-delivery').textContent()).toBe('5 个工作日')
    const { rules } = await api<DeliveryRules>('delivery.rules')
    expect(rules.find((rule) => rule.code === 'delivery')).toMatchObject({ days: 5, dayCount: 'working' })
  })

  it('refuses more than 60 days at the field, with the schema the main process checks', async () => {
    const { page } = app
    await page.getByTestId('deadline-edit-follow_up_repair').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('天数').fill('61')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog.textContent()).toContain('数值过大')
    await dialog.getByRole('button', { name: '取消' }).click()
    expect(await page.getByTestId('deadline-follow_up_repair').textContent()).toBe('3 天')
  })

  it('ticks the user guide into the HQ added-business pack', async () => {
    await checkbox('user_guide', 'hqAdded').click()
    await expect.poll(() => isChecked('user_guide', 'hqAdded')).toBe(true)
    const { documents } = await api<DeliveryRules>('delivery.rules')
    expect(documents.find((document) => document.code === 'user_guide')!.packs).toEqual({
      hqFirst: true,
      hqAdded: true,
      branchFirst: true,
      branchAdded: false,
    })
  })

  it('adds a ready-made document to the branch added-business pack', async () => {
    const { page } = app
    await page.getByTestId('document-add').click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('#delivery-document_code').fill('brochure')
    await dialog.locator('#delivery-document_nameZh').fill('产品宣传册')
    await dialog.locator('#delivery-document_nameEn').fill('Product brochure')
    await dialog.getByText('分支 · 新增业务').click()
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('pack-matrix').textContent()).toContain('产品宣传册')
    expect(await isChecked('brochure', 'branchAdded')).toBe(true)
    expect(await isChecked('brochure', 'hqFirst')).toBe(false)
    const row = page.getByTestId('pack-matrix').locator('tr').filter({ hasText: '产品宣传册' })
    expect(await row.textContent()).toContain('现成资料')
  })

  it('sets the key-account hotline printed on the documents', async () => {
    const { page } = app
    await page.getByTestId('delivery-accountHotline').fill('0571-88880000')
    await page.getByTestId('delivery-print-save').click()
    await expect
      .poll(async () => (await api<DeliveryRules>('delivery.rules')).accountHotline)
      .toBe('0571-88880000')
    await page.getByTestId('delivery-issuerName').fill('')
    await page.getByTestId('delivery-print-save').click()
    await expect.poll(() => page.getByTestId('delivery-settings').textContent()).toContain('必填')
    await page.getByTestId('delivery-issuerName').fill('临江市分公司集团客户部')
    await page.getByTestId('delivery-print-save').click()
    await page.getByTestId('delivery-issuerNameEn').fill('Key Account Dept., Linjiang Branch')
    await page.getByTestId('delivery-print-save').click()
    await expect
      .poll(async () => {
        const { issuerName, issuerNameEn } = await api<DeliveryRules>('delivery.rules')
        return [issuerName, issuerNameEn]
      })
      .toEqual(['临江市分公司集团客户部', 'Key Account Dept., Linjiang Branch'])
    await scrollTo('delivery-settings-card')
    await screenshot('settings-delivery-supervisor-zh')
    await page.getByTestId('pack-matrix').scrollIntoViewIfNeeded()
    await scrollTo('pack-matrix')
    await screenshot('settings-delivery-packs-zh')
  })

  it('keeps the changes in the rules’ history', async () => {
    const { page } = app
    await page.getByTestId('rule-history').click()
    const grid = page.getByTestId('rule-history-grid')
    await expect.poll(() => grid.locator('.ag-row').count()).toBeGreaterThanOrEqual(4)
    await app.screenshot('settings-delivery-history-zh')
    await page.keyboard.press('Escape')
  })

  it('looks right in English', async () => {
    const { page } = app
    await signIn(ids.supervisor, 'en', 'e2e-supervisor')
    await expect.poll(() => page.getByTestId('deadline-delivery').textContent()).toBe('5 working days')
    expect(await page.getByTestId('deadline-follow_up_opening').textContent()).toBe('7 days')
    await expect.poll(() => page.getByTestId('pack-matrix').textContent()).toContain('Product brochure')
    await scrollTo('delivery-settings-card')
    await screenshot('settings-delivery-supervisor-en')
    await scrollTo('pack-matrix')
    await screenshot('settings-delivery-packs-en')
  })

  it('is read-only for staff, and the main process refuses a change anyway', async () => {
    const { page } = app
    await signIn(ids.staff, 'zh-CN')
    await expect.poll(() => page.getByTestId('deadline-delivery').textContent()).toBe('5 个工作日')
    expect(await page.getByTestId('deadline-edit-delivery').isDisabled()).toBe(true)
    expect(await page.getByTestId('document-edit-letter').isDisabled()).toBe(true)
    expect(await page.getByTestId('document-add').isDisabled()).toBe(true)
    // The packs are shown as marks, not as checkboxes.
    expect(await page.getByTestId('pack-matrix').locator('input[type="checkbox"]').count()).toBe(0)
    expect(await checkbox('user_guide', 'hqAdded').getAttribute('class')).toContain('pack-in')
    expect(await checkbox('user_guide', 'branchAdded').textContent()).toBe('—')
    expect(await page.getByTestId('delivery-faultHotline').isDisabled()).toBe(true)
    expect(await page.getByTestId('delivery-issuerNameEn').isDisabled()).toBe(true)
    expect(await page.getByTestId('delivery-print-save').isDisabled()).toBe(true)
    await scrollTo('delivery-settings-card')
    await app.screenshot('settings-delivery-staff-zh')
    const { rules } = await api<DeliveryRules>('delivery.rules')
    const rule = rules.find((row) => row.code === 'delivery')!
    const refused = await dispatch(app.host, 'delivery.saveRule', { ...rule, days: 1 })
    expect(refused.ok).toBe(false)
    await signIn(ids.staff, 'en')
    await scrollTo('delivery-settings-card')
    await app.screenshot('settings-delivery-staff-en')
    await api('prefs.set', { language: 'zh-CN' })
  })

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([])
  })
})
