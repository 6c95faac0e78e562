/**
 * Settings for the SLA in the real UI, as a supervisor: the rule table (a limit changed and saved), the
 * working-day calendar (the shipped 2026 with its Spring Festival days), and importing a CSV calendar for
 * 2027 (previewed, committed, the year then marked as loaded), while a file with a bad line is refused.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../integration/helpers'
import { registerFirstSupervisor, startApp, type RunningApp } from './harness'

let app: RunningApp
const files = tempDir('account-desk-calendar-')

beforeAll(async () => {
  app = await startApp()
})
afterAll(() => app?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.screenshot(`failed-${task.name}`)
})

function csv(name: string, lines: string[]): string {
  const path = join(files, name)
  writeFileSync(path, `${lines.join('\n')}\n`, 'utf8')
  return path
}

const yearRow = (year: string) =>
  app.page.getByTestId('calendar-years').locator(`.ag-row[row-id="${year}"]`).first()

/** Brings a part of the long settings page to the top of the window, for a screenshot. */
const scrollTo = (testId: string) =>
  app.page
    .getByTestId(testId)
    .evaluate((element) => (element as { scrollIntoView: () => void }).scrollIntoView())

const urgentDigital = () =>
  app.page
    .getByTestId('rule-grid')
    .locator('.ag-row')
    .filter({ hasText: '数字电路' })
    .filter({ hasText: '特急' })
    .first()

describe('SLA rules and the working-day calendar in settings', () => {
  it('registers the first supervisor and opens settings', async () => {
    const { page } = app
    await registerFirstSupervisor(page)
    await page.getByRole('menuitem', { name: '设置' }).click()
    await expect.poll(() => page.getByTestId('sla-rules-card').isVisible()).toBe(true)
  })

  it('shows 5 working days for an urgent digital circuit, and saves a new limit of 6', async () => {
    const { page, host } = app
    const limit = () => urgentDigital().locator('[col-id="limitDays"]').textContent()
    await expect.poll(limit).toBe('5')
    await expect.poll(() => urgentDigital().locator('[col-id="priceFactorBp"]').textContent()).toBe('150%')
    await urgentDigital().getByRole('button', { name: '编辑' }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.textContent()).toContain('修改规则：数字电路 · 特急')
    await dialog.getByLabel('开通时限（工作日）').fill('6')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(limit).toBe('6')
    const rule = await host
      .authorize('read')
      .db.selectFrom('provisioningRule as r')
      .innerJoin('product as p', 'p.id', 'r.productId')
      .select(['r.limitDays', 'r.priceFactorBp', 'r.rateBp', 'r.capBp'])
      .where('p.code', '=', 'digital')
      .where('r.provisioningClass', '=', 'urgent')
      .executeTakeFirstOrThrow()
    // The percentages went back to basis points unchanged.
    expect(rule).toEqual({ limitDays: 6, priceFactorBp: 15_000, rateBp: 500, capBp: 10_000 })
  })

  it('keeps the change in the rules’ history, naming the product, class and operator', async () => {
    const { page } = app
    await page.getByTestId('rule-history').click()
    const first = page.getByTestId('rule-history-grid').locator('.ag-row').first()
    await expect.poll(() => first.textContent()).toContain('数字电路 · 特急')
    expect(await first.textContent()).toContain('开通时限（工作日）: 5 → 6')
    await app.screenshot('settings-rule-history-zh')
    await page.keyboard.press('Escape')
  })

  it('shows the quality grades in % and hours', async () => {
    const grades = app.page.getByTestId('grade-list')
    await expect.poll(() => grades.textContent()).toContain('99.99%')
    await expect.poll(() => grades.textContent()).toContain('一级保障')
  })

  it('adds a product, which comes with its rule rows', async () => {
    const { page } = app
    await page
      .getByTestId('product-list')
      .locator('xpath=../..')
      .getByRole('button', { name: '新增' })
      .click()
    const dialog = page.getByRole('dialog')
    await dialog.locator('#product-list_code').fill('sdwan')
    await dialog.locator('#product-list_nameZh').fill('SD-WAN 专线')
    await dialog.locator('#product-list_nameEn').fill('SD-WAN line')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('product-list').textContent()).toContain('SD-WAN 专线')
    const rows = page.getByTestId('rule-grid').locator('.ag-row').filter({ hasText: 'SD-WAN 专线' })
    await expect.poll(() => rows.count()).toBe(3)
    await expect.poll(() => rows.first().locator('[col-id="limitDays"]').textContent()).toBe('6')
  })

  it('opens 2026 and lists its Spring Festival days', async () => {
    const { page } = app
    await page.getByTestId('calendar-card').scrollIntoViewIfNeeded()
    await yearRow('2026').click()
    await expect.poll(() => page.getByTestId('calendar-year').textContent()).toContain('2026 年')
    await expect.poll(() => page.getByTestId('calendar-days').textContent()).toContain('春节')
    await expect.poll(() => yearRow('2026').textContent()).toContain('已载入官方安排')
  })

  it('refuses a CSV with a bad line: the problem is listed and nothing can be imported', async () => {
    const { page } = app
    app.ports.nextOpenFile = csv('bad.csv', [
      '日期,类型,名称',
      '2027-01-01,休,元旦',
      '2027-05-01,放风,劳动节',
    ])
    await page.getByRole('button', { name: '导入 .ics / CSV…' }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.textContent()).toContain('bad.csv')
    await expect.poll(() => dialog.textContent()).toContain('看不出是休息还是上班')
    await expect.poll(() => dialog.textContent()).toContain('2027-05-01,放风,劳动节')
    await expect.poll(() => dialog.textContent()).toContain('修正文件后才能导入')
    expect(await dialog.getByRole('button', { name: '导入', exact: true }).count()).toBe(0)
    await app.screenshot('settings-import-problems-zh')
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click()
    await expect.poll(() => yearRow('2027').count()).toBe(0)
  })

  it('imports a CSV calendar for 2027 after a preview, and 2027 is then loaded', async () => {
    const { page } = app
    app.ports.nextOpenFile = csv('2027.csv', [
      '日期,类型,名称',
      '2027-01-01,休,元旦',
      '2027-02-06,休,春节',
      '2027-02-07,休,春节',
      '2027-02-08,休,春节',
      '2027-02-20,班,春节',
    ])
    await page.getByRole('button', { name: '导入 .ics / CSV…' }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.textContent()).toContain('2027.csv')
    await expect
      .poll(() => page.getByTestId('calendar-import').locator('.ant-descriptions').textContent())
      .toMatch(/年份2027新增日期5休息日4调休上班日1/)
    await expect.poll(() => dialog.textContent()).toContain('未完成工单的到期日随之重算')
    await app.screenshot('settings-import-zh')
    await dialog.getByRole('button', { name: '导入', exact: true }).click()
    await expect.poll(() => yearRow('2027').textContent()).toContain('已载入官方安排')
    await expect.poll(() => yearRow('2027').textContent()).toContain('文件导入')
    await expect.poll(() => page.getByTestId('calendar-year').textContent()).toContain('2027 年')
    await expect.poll(() => page.getByTestId('calendar-days').textContent()).toContain('元旦')
    await scrollTo('calendar-card')
    await app.screenshot('settings-calendar-zh')
  })

  it('adds a day to 2027 by hand, and unmarks and marks the year again', async () => {
    const { page, host } = app
    await page.getByRole('button', { name: '添加日期' }).click()
    const dialog = page.getByRole('dialog')
    const date = dialog.locator('#calendar-day_date')
    await date.click()
    await date.fill('2027-10-01')
    await date.press('Enter')
    await dialog.locator('#calendar-day_nameZh').fill('国庆节')
    await dialog.locator('#calendar-day_nameEn').fill('National Day')
    await app.screenshot('settings-calendar-day-zh')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByTestId('calendar-days').textContent()).toContain('国庆节')
    await expect.poll(() => page.getByTestId('calendar-days').textContent()).toContain('手工录入')
    await expect.poll(() => yearRow('2027').textContent()).toMatch(/文件导入51$/)
    const day = await host
      .authorize('read')
      .db.selectFrom('calendarDay')
      .select(['kind', 'nameZh', 'nameEn', 'source'])
      .where('date', '=', '2027-10-01')
      .executeTakeFirstOrThrow()
    expect(day).toEqual({ kind: 'rest', nameZh: '国庆节', nameEn: 'National Day', source: 'manual' })

    await page.getByRole('button', { name: '取消“已载入”' }).click()
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click()
    await expect.poll(() => yearRow('2027').textContent()).toContain('未载入（只按周末计）')
    await page.getByRole('button', { name: '标记为已载入' }).click()
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确定' }).click()
    await expect.poll(() => yearRow('2027').textContent()).toContain('已载入官方安排')
    await expect.poll(() => yearRow('2027').textContent()).toContain('手工录入')
  })

  it('opens a year not in the list yet, counted on weekends only until its days are entered', async () => {
    const { page } = app
    const other = page.getByPlaceholder('打开其他年份')
    await other.click()
    await other.fill('2028')
    await other.press('Enter')
    await expect.poll(() => page.getByTestId('calendar-year').textContent()).toContain('2028 年')
    await expect.poll(() => yearRow('2028').textContent()).toContain('未载入（只按周末计）')
    await expect
      .poll(() => page.getByTestId('calendar-days').textContent())
      .toContain('该年还没有录入任何日期')
    await expect.poll(() => page.getByTestId('calendar-year').textContent()).toContain('只按周末推算')
    await scrollTo('calendar-card')
    await app.screenshot('settings-calendar-new-year-zh')
  })

  it('shows the rule editor and the lists below the table', async () => {
    const { page } = app
    await urgentDigital().getByRole('button', { name: '编辑' }).click()
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('每超时一个工作日赔付')
    await app.screenshot('settings-rule-edit-zh')
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()
    await scrollTo('product-list')
    await app.screenshot('settings-lists-zh')
  })

  it('looks right in Chinese and English', async () => {
    const { page } = app
    await scrollTo('sla-rules-card')
    await app.screenshot('settings-sla-zh')
    await page.getByTestId('language-switch').getByText('English').click()
    await expect.poll(() => page.getByRole('menuitem', { name: 'Settings' }).isVisible()).toBe(true)
    await expect.poll(() => page.getByTestId('rule-grid').textContent()).toContain('Digital circuit')
    await scrollTo('sla-rules-card')
    await app.screenshot('settings-sla-en')
    await scrollTo('product-list')
    await app.screenshot('settings-lists-en')
    await scrollTo('calendar-card')
    await yearRow('2026').click()
    await expect.poll(() => page.getByTestId('calendar-days').textContent()).toContain('Spring Festival')
    await app.screenshot('settings-calendar-en')
    await page.getByTestId('language-switch').getByText('简体中文').click()
    await expect.poll(() => page.getByRole('menuitem', { name: '设置' }).isVisible()).toBe(true)
  })

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([])
  })
})
