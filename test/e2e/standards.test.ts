/**
 * The service standards page in the real UI: the tier × item matrix of the shipped defaults, a
 * supervisor changing one cell, projector mode, the matrix printed as a PDF (page 1 rendered to a PNG
 * for a person to look at), the page in English, and a staff member who can only read it.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../electron/api/handlers'
import { SCREENSHOT_DIR, startApp, type RunningApp } from './harness'
import { pdfPageCount, pdfPageToPng } from './ports'

/** The page's window, typed just enough: this file is compiled for Node, which has no DOM types. */
type PageWindow = { getComputedStyle(element: unknown): { fontSize: string; cursor: string } }

let app: RunningApp

async function api(channel: string, input?: unknown) {
  const result = await dispatch(app.host, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value as Record<string, unknown>
}

const cell = (item: string, tier: string) => app.page.getByTestId(`standard-${item}-${tier}`)

beforeAll(async () => {
  app = await startApp()
  const supervisor = await api('operators.register', {
    name: '周主管',
    level: 'senior',
    role: 'supervisor',
    password: 'e2e-supervisor',
  })
  await api('session.signIn', { operatorId: supervisor['id'], password: 'e2e-supervisor' })
  await app.page.reload()
})
afterAll(() => app?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.screenshot(`failed-${task.name}`)
})

describe('the service standards matrix', () => {
  it('shows the shipped standards per tier, grouped by class and audience', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '服务标准' }).click()
    await expect.poll(() => page.getByTestId('standards-matrix').isVisible()).toBe(true)
    const matrix = page.getByTestId('standards-matrix')
    for (const tier of ['A', 'B', 'C', 'D'])
      expect(await page.getByTestId(`standards-tier-${tier}`).textContent()).toBe(`${tier}类集团`)
    expect(await matrix.textContent()).toContain('基础服务 · 集团')
    expect(await matrix.textContent()).toContain('延伸服务 · 关键联系人')
    expect(await matrix.getByRole('row').filter({ hasText: '日常拜访' }).first().textContent()).toContain(
      '每月 2 次',
    )
    expect(await cell('routine_visit', 'A').textContent()).toBe('每月 2 次')
    expect(await cell('chief_manager', 'D').textContent()).toBe('—')
    expect(await cell('consultation', 'C').textContent()).toBe('提供8 小时内响应')
    expect(await cell('contact_routine', 'A').textContent()).toBe('每月 1 次覆盖：核心、重要')
    expect(await page.getByTestId('standards-hint').textContent()).toContain('点击单元格')
    await app.screenshot('standards.zh-CN')
  })

  it('lets a supervisor change a cell: routine visits for B go to 3 a month', async () => {
    const { page } = app
    await cell('routine_visit', 'B').click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.textContent()).toContain('日常拜访 · B类集团')
    // A period without a number of times is refused at the field, as the plan items are.
    await dialog.getByLabel('次数').fill('')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog.textContent()).toContain('次数和周期需同时填写')
    await dialog.getByLabel('次数').fill('3')
    await dialog.getByLabel('周期').click()
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: '每月' })
      .click()
    await dialog.getByLabel('提供程度（中文）').fill('上门拜访')
    await app.screenshot('standards-edit.zh-CN')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => cell('routine_visit', 'B').textContent()).toBe('每月 3 次上门拜访')
    await expect.poll(() => dialog.isVisible()).toBe(false)
    // Saved in the database, not only on the screen.
    const matrix = (await api('standards.get')) as unknown as {
      standards: { frequency: number | null; degreeZh: string | null }[]
    }
    expect(matrix.standards.filter((s) => s.frequency === 3 && s.degreeZh === '上门拜访')).toHaveLength(1)
  })

  it('fills the window in projector mode and leaves it with Esc', async () => {
    const { page } = app
    await page.getByTestId('standards-projector-toggle').click()
    await expect.poll(() => page.getByTestId('standards-projector').isVisible()).toBe(true)
    // The app's menu and bars are covered: what is left on screen is the matrix.
    // Evaluated in the page as text: the test is compiled for Node, which has no DOM types.
    const covered = await page.evaluate(
      `[[80, 220], [10, 10], [1300, 890]].every(([x, y]) =>
        document.elementFromPoint(x, y)?.closest('.standards-projector-view') !== null)`,
    )
    expect(covered).toBe(true)
    const size = await cell('routine_visit', 'A')
      .locator('.standards-main')
      .evaluate((element) =>
        parseFloat((globalThis as unknown as PageWindow).getComputedStyle(element).fontSize),
      )
    expect(size).toBeGreaterThanOrEqual(24)
    await app.screenshot('standards-projector.zh-CN')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('standards-projector').count()).toBe(0)
    await expect.poll(() => page.getByTestId('standards-print').isVisible()).toBe(true)
  })

  it('prints the matrix as a PDF and offers to open it', async () => {
    const { page } = app
    await page.getByTestId('standards-print').click()
    await expect.poll(() => app.ports.saved.length, { timeout: 15_000 }).toBe(1)
    const pdf = app.ports.saved[0]!
    await expect.poll(() => existsSync(pdf), { timeout: 15_000 }).toBe(true)
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1)
    const png = join(SCREENSHOT_DIR, 'standards-pdf-zh.png')
    pdfPageToPng(pdf, png)
    expect(existsSync(png)).toBe(true)
    const printed = page.getByTestId('standards-printed')
    await expect.poll(() => printed.textContent()).toContain('.pdf')
    await printed.getByTestId('standards-open').click()
    await app.screenshot('standards-printed.zh-CN')
    // The lower part of the matrix: items some tiers do not get.
    await cell('merchant_card', 'D').scrollIntoViewIfNeeded()
    await app.screenshot('standards-lower.zh-CN')
  })

  it('reads in English', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '设置' }).click()
    await page.getByTestId('language-switch').getByText('English').click()
    await expect.poll(() => page.getByRole('menuitem', { name: 'Standards' }).isVisible()).toBe(true)
    await page.getByRole('menuitem', { name: 'Standards' }).click()
    await expect.poll(() => page.getByTestId('standards-tier-A').textContent()).toBe('Class A')
    expect(await cell('routine_visit', 'A').textContent()).toBe('2 per month')
    expect(await cell('consultation', 'C').textContent()).toBe('Providedresponse within 8 h')
    expect(await page.getByTestId('standards-matrix').textContent()).toContain(
      'Value-added services · Key contacts',
    )
    await app.screenshot('standards.en')
    await page.getByRole('menuitem', { name: 'Settings' }).click()
    await page.getByTestId('language-switch').getByText('简体中文').click()
    await expect.poll(() => page.getByRole('menuitem', { name: '服务标准' }).isVisible()).toBe(true)
  })

  it('is read-only for staff', async () => {
    const { page } = app
    const staff = await api('operators.register', { name: '李经理', level: 'account_manager', role: 'staff' })
    await api('session.signIn', { operatorId: staff['id'] })
    await page.goto(`${app.url}#/standards`)
    await page.reload()
    await expect.poll(() => page.getByTestId('standards-hint').textContent()).toContain('只读')
    const target = cell('routine_visit', 'C')
    await target.click()
    await page.waitForTimeout(300)
    expect(await page.getByRole('dialog').count()).toBe(0)
    const cursor = await target.evaluate(
      (element) =>
        (globalThis as unknown as PageWindow).getComputedStyle(
          (element as unknown as { closest(s: string): unknown }).closest('td'),
        ).cursor,
    )
    expect(cursor).not.toBe('pointer')
    expect(app.problems).toEqual([])
  })
})
