import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { CustomerFile } from '../../electron/api/contract'
import { dispatch } from '../../electron/api/handlers'
import { choose, startApp, type RunningApp } from './harness'

let app: RunningApp
beforeAll(async () => {
  app = await startApp()
})
afterAll(() => app?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.screenshot(`failed-${task.name}`)
})

describe('customer files in the real UI', () => {
  it('asks who is working on first start and keeps that operator', async () => {
    const { page } = app
    await expect.poll(() => page.getByText('谁在使用服务台？').isVisible()).toBe(true)
    const form = page.getByTestId('register-form')
    await form.getByLabel('姓名').fill('张伟')
    await choose(page, '级别', '大客户经理')
    await form.getByRole('button', { name: '新增并开始工作' }).click()
    await expect.poll(() => page.getByTestId('current-operator').textContent()).toContain('张伟')
    await expect.poll(() => page.getByTestId('status-bar').textContent()).toContain('account-desk.sqlite')
    // Work starts on My day; the customers are a click away.
    await page.getByRole('menuitem', { name: '客户档案' }).click()
  })

  it('shows messages at the field and saves nothing for bad input', async () => {
    const { page } = app
    await page.getByRole('button', { name: '新建客户' }).click()
    await page.getByLabel('集团编号').fill('571 BAD')
    await page.getByLabel('集团名称').fill('集'.repeat(101))
    await page.getByTestId('save-customer').click()
    await expect.poll(() => page.getByText('只能用字母、数字、- 和 _').isVisible()).toBe(true)
    await expect.poll(() => page.getByText('最多 100 个字符').isVisible()).toBe(true)
    const { total } = await app.host
      .authorize('read')
      .db.selectFrom('customer')
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow()
    expect(total).toBe(0)
  })

  it('creates a customer with two contacts, refusing a malformed phone at the field first', async () => {
    const { page } = app
    await page.getByLabel('集团编号').fill('5719990001')
    await page.getByLabel('集团名称').fill('临江市端到端测试集团')
    await page.getByLabel('负责人').fill('王伟')
    await choose(page, '行业', '金融')
    await page.getByRole('tab', { name: /关键联系人/ }).click()
    const addContact = async (name: string, phone: string, email: string) => {
      await page.getByRole('button', { name: '新增联系人' }).click()
      const dialog = page.getByTestId('contact-form')
      await dialog.getByLabel('姓名').fill(name)
      await dialog.getByLabel('电话').fill(phone)
      await dialog.getByLabel('电子邮箱').fill(email)
      await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
    }
    await page.getByRole('button', { name: '新增联系人' }).click()
    const dialog = page.getByTestId('contact-form')
    await dialog.getByLabel('姓名').fill('李娜')
    await dialog.getByLabel('电话').fill('12345')
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
    await expect.poll(() => page.getByText('电话格式不对').isVisible()).toBe(true)
    await dialog.getByLabel('电话').fill('13800138000')
    await dialog.getByLabel('电子邮箱').fill('li.na@example.cn')
    await page.getByRole('dialog').getByRole('button', { name: '确定' }).click()
    await addContact('赵强', '0571-88886666', 'zhao.qiang@example.cn')
    await expect.poll(() => page.getByTestId('contacts-grid').textContent()).toContain('赵强')
    await page.getByTestId('save-customer').click()
    await expect.poll(() => page.getByTestId('customer-title').textContent()).toBe('临江市端到端测试集团')
    await expect.poll(() => page.url()).toMatch(/#\/customer\/[0-9a-f-]{36}$/)
  })

  it('finds the customer by quick search on a contact phone, edits it and shows the change in its history', async () => {
    const { page } = app
    await page.getByRole('button', { name: '返回' }).click()
    await page.getByTestId('quick-search').locator('input').fill('88886666')
    await expect.poll(() => page.getByTestId('customer-total').textContent()).toBe('共 1 户')
    await page.getByTestId('customers-grid').getByText('临江市端到端测试集团').click()
    await page.getByLabel('负责人').fill('刘洋')
    await page.getByTestId('save-customer').click()
    await expect.poll(() => page.getByText('有未保存的修改').count()).toBe(0)
    await expect.poll(() => page.locator('.ant-message').getByText('已保存').first().isVisible()).toBe(true)
    await page.getByRole('tab', { name: '修改记录' }).click()
    await expect.poll(() => page.getByTestId('history-grid').textContent()).toContain('负责人：王伟 → 刘洋')
    await expect.poll(() => page.getByTestId('history-grid').textContent()).toContain('张伟')
  })

  it('finds it again after a reload: saved in the database, operator remembered', async () => {
    const { page } = app
    await page.reload()
    await expect.poll(() => page.getByTestId('current-operator').textContent()).toContain('张伟')
    await page.getByRole('menuitem', { name: '客户档案' }).click()
    await page.getByTestId('quick-search').locator('input').fill('端到端')
    await expect.poll(() => page.getByTestId('customer-total').textContent()).toBe('共 1 户')
    await page.getByTestId('customers-grid').getByText('临江市端到端测试集团').click()
    await expect.poll(() => page.getByLabel('负责人').inputValue()).toBe('刘洋')
  })

  it('refuses a stale edit with a message naming who changed the file, and reloads it on request', async () => {
    const { page, host } = app
    // Another window (here: another operator through the same handlers) saves the file first.
    const [customer] = await host.authorize('read').db.selectFrom('customer').selectAll().execute()
    const otherWindow = await dispatch(host, 'customers.get', { id: customer!.id })
    if (!otherWindow.ok) throw new Error('customers.get failed')
    const file = otherWindow.value as CustomerFile
    const saved = await dispatch(host, 'customers.save', {
      id: file.customer.id,
      version: file.customer.version,
      fields: { ...file.customer, notes: '另一个窗口的修改' },
      contacts: file.contacts,
    })
    expect(saved.ok).toBe(true)
    await page.getByLabel('负责人').fill('赵六')
    await page.getByTestId('save-customer').click()
    await expect
      .poll(() => page.locator('.ant-modal-confirm-title').textContent())
      .toMatch(/此记录已被 张伟 于 \d{4}年\d{1,2}月\d{1,2}日 .*修改/)
    await page.getByRole('button', { name: '重新加载' }).click()
    await expect.poll(() => page.getByLabel('备注').inputValue()).toBe('另一个窗口的修改')
    await expect.poll(() => page.getByLabel('负责人').inputValue()).toBe('刘洋')
  })

  it('asks before leaving a customer file with unsaved changes', async () => {
    const { page } = app
    await page.getByLabel('负责人').fill('未保存的名字')
    await page.getByRole('menuitem', { name: '设置' }).click()
    await expect.poll(() => page.locator('.ant-modal-confirm-title').textContent()).toBe('有未保存的修改')
    await page.getByRole('button', { name: '留在此页' }).click()
    await expect.poll(() => page.getByLabel('负责人').inputValue()).toBe('未保存的名字')
    await page.getByRole('button', { name: '返回' }).click()
    await page.getByRole('button', { name: '丢弃修改并离开' }).click()
    await expect.poll(() => page.getByTestId('customers-grid').isVisible()).toBe(true)
    await page.getByTestId('customers-grid').getByText('临江市端到端测试集团').click()
    await expect.poll(() => page.getByLabel('负责人').inputValue()).toBe('刘洋')
  })

  it('shows staff the settings read-only; the main process refuses the change anyway', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '设置' }).click()
    await expect.poll(() => page.getByText('只有主管可以修改此处设置。').isVisible()).toBe(true)
    const addButtons = page.getByRole('button', { name: '新增' })
    await expect.poll(() => addButtons.count()).toBe(7) // branches, industries, operators, tiers, products, grades, delivery documents
    for (const button of await addButtons.all()) expect(await button.isDisabled()).toBe(true)
    // The renderer's own bridge, as a tampered page would use it: the refusal comes from the main process.
    const refused = await page.evaluate(
      `window.api.invoke('settings.saveLookup', { kind: 'branch', code: 'x', nameZh: '某区', nameEn: 'X', sortOrder: 1 })`,
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'supervisor_only' } })
  })

  it('switches the language to English and back', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '设置' }).click()
    await page.getByTestId('language-switch').getByText('English').click()
    await expect.poll(() => page.getByRole('menuitem', { name: 'Customers' }).isVisible()).toBe(true)
    await page.getByRole('menuitem', { name: 'Customers' }).click()
    await expect.poll(() => page.getByRole('button', { name: 'New customer' }).isVisible()).toBe(true)
    await expect.poll(() => page.getByTestId('customers-grid').textContent()).toContain('Customer code')
    await page.getByRole('menuitem', { name: 'Settings' }).click()
    await page.getByTestId('language-switch').getByText('简体中文').click()
    await expect.poll(() => page.getByRole('menuitem', { name: '客户档案' }).isVisible()).toBe(true)
  })

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([])
  })
})
