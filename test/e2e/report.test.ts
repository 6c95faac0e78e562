/**
 * The supervisors' report (报表) in the real UI, on the demo database: every section for the last complete
 * quarter with the figures report.get gives for it; a number opening the records behind it and a record
 * its customer's page; by account manager and over a range of days, kept through a reload; the window's
 * refusals at the picker; the export; and staff, who neither see the page nor may ask for it. The demo's
 * dates are relative to the real clock, so the expected figures are read through the handlers for the
 * same window, not written down.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Operator, Report, ReportRecords, ReportTable } from '../../electron/api/contract'
import { dispatch } from '../../electron/api/handlers'
import { DEMO_SUPERVISOR_PASSWORD } from '../../db/seed/demo'
import { REPORT_SECTIONS } from '../../electron/domain/report'
import { startApp, type RunningApp } from './harness'

let app: RunningApp
let supervisor: Operator
let staff: Operator

async function api<T>(channel: string, input?: unknown): Promise<T> {
  const result = await dispatch(app.host, channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value as T
}

/** For what waits on the report's queries. */
const slow = { timeout: 15_000 }

const hash = () =>
  app.page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)
const text = (testId: string) => app.page.getByTestId(testId).textContent()

/** The desk's today and the last quarter ended by it, worked out here apart from the page's own code. */
function lastCompleteQuarter(): { key: string; from: string; to: string } {
  const today = new Date(Date.now() + 8 * 3_600_000)
  const quarter = Math.floor(today.getUTCMonth() / 3)
  const start = new Date(Date.UTC(today.getUTCFullYear(), (quarter - 1) * 3, 1))
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0))
  return {
    key: `${start.getUTCFullYear()}Q${start.getUTCMonth() / 3 + 1}`,
    from: start.toISOString().slice(0, 10),
    to: end.toISOString().slice(0, 10),
  }
}

const count = new Intl.NumberFormat('zh-CN')
const money = new Intl.NumberFormat('zh-CN', {
  style: 'currency',
  currency: 'CNY',
  currencyDisplay: 'narrowSymbol',
})

const table = (report: Report, section: string): ReportTable =>
  report.sections.find((one) => one.section === section)!

/** The row (branch or manager) with the most of a measure: a number with records behind it. */
function busiest(rows: ReportTable['byBranch'], measure: string) {
  return [...rows].sort((a, b) => (b.values[measure] ?? 0) - (a.values[measure] ?? 0))[0]!
}

async function signIn(operator: Operator, language: 'zh-CN' | 'en', hashTo: string, password?: string) {
  await api('session.signIn', { operatorId: operator.id, password })
  await api('prefs.set', { language })
  await app.page.goto(`${app.url}${hashTo}`)
  await app.page.reload()
}

async function sectionsShown(page: Page) {
  for (const section of REPORT_SECTIONS)
    await expect.poll(() => page.getByTestId(`report-section-${section}`).count(), slow).toBe(1)
}

/** A range typed into the picker, start and end, each confirmed. */
async function typeRange(page: Page, from: string, to: string) {
  const inputs = page.locator('.report-window .ant-picker-range input')
  await inputs.nth(0).click()
  await inputs.nth(0).fill(from)
  await inputs.nth(0).press('Enter')
  await inputs.nth(1).fill(to)
  await inputs.nth(1).press('Enter')
}

/** A whole section, its chart and its table with the total, in a window tall enough to hold it. */
async function sectionShot(page: Page, section: string, name: string) {
  await page.setViewportSize({ width: 1440, height: 1320 })
  await page.getByTestId(`report-toc-${section}`).click()
  await page.waitForTimeout(600) // the smooth scroll
  await app.screenshot(name)
  await page.setViewportSize({ width: 1440, height: 900 })
}

const quarter = lastCompleteQuarter()

beforeAll(async () => {
  app = await startApp()
  await app.host.openDemo()
  const operators = await api<Operator[]>('operators.list')
  supervisor = operators.find((operator) => operator.role === 'supervisor')!
  staff = operators.find((operator) => operator.role === 'staff')!
  await signIn(supervisor, 'zh-CN', '#/', DEMO_SUPERVISOR_PASSWORD)
})
afterAll(() => app?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.screenshot(`failed-${task.name}`)
})

describe('the report', () => {
  it('opens from the menu on the last complete quarter, every section with report.get’s figures', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '报表' }).click()
    await sectionsShown(page)
    expect(await hash()).toBe('#/reports')
    expect(await page.getByTestId('report-quarter').textContent()).toBe(
      `${quarter.key.slice(0, 4)} 年第 ${quarter.key.slice(5)} 季度`,
    )
    const report = await api<Report>('report.get', { from: quarter.from, to: quarter.to })
    expect(await text('report-as-of')).toContain('截至')

    const orders = table(report, 'orders')
    expect(await text('report-orders-total-opened')).toBe(count.format(orders.total['opened']!))
    const branch = busiest(orders.byBranch, 'opened')
    expect(await text(`report-orders-${branch.key ?? 'none'}-opened`)).toBe(
      count.format(branch.values['opened']!),
    )
    expect(await text('report-slips-total-amountFen')).toBe(
      money.format(table(report, 'slips').total['amountFen']! / 100),
    )
    const { metBp } = table(report, 'availability').total
    expect(await text('report-availability-total-metBp')).toBe(`${(metBp! / 100).toFixed(2)}%`)
    const { satisfaction } = table(report, 'followUps').total
    expect(await text('report-followUps-total-satisfaction')).toBe((satisfaction! / 100).toFixed(2))
    // A row per branch in every section with figures, as report.get has them.
    const rows = page.getByTestId('report-table-orders').locator('tbody tr.ant-table-row')
    expect(await rows.count()).toBe(orders.byBranch.length)
    await app.screenshot('report-page.zh-CN')
  })

  it('opens the records behind a number, and a record its customer’s page at the tab', async () => {
    const { page } = app
    const report = await api<Report>('report.get', { from: quarter.from, to: quarter.to })
    const branch = busiest(table(report, 'orders').byBranch, 'opened')
    const opened = branch.values['opened']!
    await sectionShot(page, 'orders', 'report-section.zh-CN')

    await page.getByTestId(`report-orders-${branch.key ?? 'none'}-opened`).click()
    const drawer = page.getByTestId('report-records')
    await expect.poll(() => text('report-records-count'), slow).toBe(`共 ${count.format(opened)} 条`)
    expect(await drawer.locator('tbody tr.ant-table-row').count()).toBe(Math.min(opened, 50))
    const behind = await api<ReportRecords>('report.records', {
      from: quarter.from,
      to: quarter.to,
      section: 'orders',
      measure: 'opened',
      grouping: 'branch',
      key: branch.key,
    })
    expect(behind.total).toBe(opened)
    expect(await page.locator('.ant-drawer-title').textContent()).toMatch(
      /^开通工单（按开通类别） · 竣工合计 · /,
    )
    await app.screenshot('report-records.zh-CN')

    const first = behind.rows[0]!
    await drawer.locator('tbody tr.ant-table-row').first().click()
    await expect.poll(hash).toBe(`#/customer/${first.customerId}/orders`)
    await expect.poll(() => page.locator('.ant-tabs-tab-active').first().textContent(), slow).toBe('开通工单')
    await expect.poll(() => page.getByText(first.reference).count(), slow).toBeGreaterThan(0)
    await page.goBack()
    await sectionsShown(page)
    expect(await hash()).toBe('#/reports')
  })

  it('opens the same records from a bar of the chart', async () => {
    const { page } = app
    const report = await api<Report>('report.get', { from: quarter.from, to: quarter.to })
    const orders = table(report, 'orders')
    // The longest bar reaches past the middle of the axis, whatever the axis's round maximum.
    const branch = busiest(orders.byBranch, 'opened')
    const index = orders.byBranch.indexOf(branch)
    const chart = page.getByTestId('report-chart-orders')
    await chart.scrollIntoViewIfNeeded()
    const box = (await chart.boundingBox())!
    // The chart's grid: 32 px above the rows, 8 px and the axis labels (about 20 px) below them.
    const rowHeight = (box.height - 32 - 28) / orders.byBranch.length
    await chart.click({ position: { x: box.width * 0.45, y: 32 + rowHeight * (index + 0.5) } })
    const title = page.locator('.ant-drawer-title')
    await expect.poll(() => title.textContent(), slow).toMatch(/^开通工单（按开通类别） · (按时|超时) · /)
    const measure = (await title.textContent())!.includes('· 按时 ·') ? 'onTime' : 'late'
    await expect
      .poll(() => text('report-records-count'), slow)
      .toBe(`共 ${count.format(branch.values[measure]!)} 条`)
    await page.keyboard.press('Escape')
  })

  it('shows the figures by account manager and over a range of days, kept through a reload', async () => {
    const { page } = app
    await page.getByTestId('report-grouping').getByText('按客户经理').click()
    await expect.poll(hash).toBe('#/reports?quarter=' + quarter.key + '&by=manager')
    const report = await api<Report>('report.get', { from: quarter.from, to: quarter.to })
    const deliveries = table(report, 'deliveries')
    const manager = busiest(deliveries.byManager, 'counted')
    await expect
      .poll(() => text(`report-deliveries-${manager.key ?? 'none'}-counted`))
      .toBe(count.format(manager.values['counted']!))
    expect(await page.getByTestId('report-table-deliveries').locator('tbody tr.ant-table-row').count()).toBe(
      deliveries.byManager.length,
    )

    await page.getByTestId('report-window-mode').getByText('日期范围').click()
    await expect.poll(hash).toBe(`#/reports?from=${quarter.from}&to=${quarter.to}&by=manager`)
    const from = quarter.from.slice(0, 8) + '15'
    await typeRange(page, from, quarter.to)
    await expect.poll(hash).toBe(`#/reports?from=${from}&to=${quarter.to}&by=manager`)
    const range = await api<Report>('report.get', { from, to: quarter.to })
    const followUps = table(range, 'followUps')
    const caller = busiest(followUps.byManager, 'counted')
    const expected = count.format(caller.values['counted']!)
    const cell = `report-followUps-${caller.key ?? 'none'}-counted`
    await expect.poll(() => text(cell), slow).toBe(expected)
    expect(await text('report-followUps-total-counted')).toBe(count.format(followUps.total['counted']!))

    await page.reload()
    await sectionsShown(page)
    expect(await hash()).toBe(`#/reports?from=${from}&to=${quarter.to}&by=manager`)
    await expect.poll(() => text(cell), slow).toBe(expected)
    expect(
      await page.getByTestId('report-grouping').locator('.ant-segmented-item-selected').textContent(),
    ).toBe('按客户经理')
  })

  it('says at the picker when the window is over a year long or starts in the future', async () => {
    const { page } = app
    await typeRange(page, '2025-01-01', '2026-06-30')
    await expect.poll(() => text('report-window-error'), slow).toBe('报表最多覆盖一年，请缩短日期范围')
    await page.goto(`${app.url}#/reports?from=2099-01-01&to=2099-03-31`)
    await expect.poll(() => text('report-window-error'), slow).toBe('不能晚于现在')
    await page.goto(`${app.url}#/reports`)
    await sectionsShown(page)
    expect(await page.getByTestId('report-window-error').count()).toBe(0)
  })

  it('exports the report as an XLSX workbook, then offers to open it', async () => {
    const { page } = app
    const before = app.ports.saved.length
    await page.getByTestId('report-export').click()
    await page.getByTestId('report-export-xlsx').click()
    await expect.poll(() => page.getByTestId('report-export-open').count(), slow).toBe(1)
    expect(app.ports.saved.length).toBe(before + 1)
    const saved = app.ports.saved.at(-1)!
    expect(saved).toMatch(/\.xlsx$/)
    // A workbook is a zip file.
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK')
    await page.getByTestId('report-export-open').click()
    await expect.poll(() => page.getByTestId('report-export-open').count(), slow).toBe(0)
  })

  it('is drawn in English too', async () => {
    const { page } = app
    await signIn(supervisor, 'en', '#/reports', DEMO_SUPERVISOR_PASSWORD)
    await sectionsShown(page)
    expect(await page.getByTestId('report-quarter').textContent()).toBe(quarter.key.replace('Q', ' Q'))
    expect(
      await page.getByTestId('report-section-orders').locator('.ant-card-head-title').textContent(),
    ).toBe('Openings by provisioning class')
    await app.screenshot('report-page.en')
    await sectionShot(page, 'orders', 'report-section.en')
    await page.getByTestId('report-slips-total-amountFen').click()
    await expect.poll(() => text('report-records-count'), slow).toMatch(/^\d+ records$/)
    await app.screenshot('report-records.en')
    await page.keyboard.press('Escape')
  })

  it('is neither offered to staff nor answered for them', async () => {
    await signIn(staff, 'zh-CN', '#/')
    await expect.poll(() => app.page.getByRole('menuitem', { name: '客户档案' }).count(), slow).toBe(1)
    expect(await app.page.getByRole('menuitem', { name: '报表' }).count()).toBe(0)
    const refused = await dispatch(app.host, 'report.get', { from: quarter.from, to: quarter.to })
    expect(refused.ok ? null : refused.error.code).toBe('overseer_only')
    expect(app.problems).toEqual([])
  })
})
