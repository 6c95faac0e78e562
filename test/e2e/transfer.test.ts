/**
 * Import, export, backup and restore in the real UI, as a supervisor: a big file's commit cancelled (nothing
 * written); a messy customers CSV (BOM, a title row, Chinese headers with units, a row with an unknown
 * tier) previewed with its rejected row, committed, and found in the grid; the grid filtered by a search
 * and exported to XLSX and CSV (the filtered rows only), and every other grid exported through the same
 * button; a backup taken, a customer changed, the backup restored through Settings and, signed in again,
 * the change undone; in English, the remembered mapping, a column taken off it and put back, a second
 * commit; a trainer on the real file shown why the import is closed. Screenshots in zh-CN and en.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { CustomerFile } from '../../electron/api/contract'
import { dispatch } from '../../electron/api/handlers'
import { tempDir } from '../integration/helpers'
import { registerFirstSupervisor, SCREENSHOT_DIR, startApp, type RunningApp } from './harness'

let app: RunningApp
const files = tempDir('account-desk-transfer-')

beforeAll(async () => {
  app = await startApp()
})
afterAll(() => app?.close())
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await app.screenshot(`failed-${task.name}`)
})

const HEADER = '集团编号,集团名称,客户等级,负责人,员工数,月收入（元）,年产值（万元）'

/** A customers file as a branch office keeps it: a BOM, a title row above the header, a blank row. */
function messyCsv(name: string, rows: string[]): string {
  const path = join(files, name)
  const lines = ['临江分公司集团客户清单（2026 年 11 月）,,,,,,', HEADER, ...rows]
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
  return path
}

const ROWS = [
  '5718800001,临江港务集团有限公司,A,王港,320,"12,345.60",1500',
  '5718800002,临江港口物流集团,B类集团,李航,85,8800,260',
  // Row 5: a tier the scheme does not have.
  '5718800003,临江市第九十九中学,Z类,赵校,140,3200.5,',
  ',,,,,,',
  '5718800004,临江市第一人民医院,C,钱院,900,26000,8000',
]

const customers = () =>
  app.host
    .authorize('read')
    .db.selectFrom('customer')
    .select(['code', 'name', 'leader', 'monthlyRevenueFen', 'annualOutputFen'])
    .orderBy('code')
    .execute()

const text = (testId: string) => app.page.getByTestId(testId).textContent()

const lastSaved = () => app.ports.saved[app.ports.saved.length - 1] ?? ''

async function signIn(name: string, password: string) {
  const { page } = app
  await expect.poll(() => page.getByText('谁在使用服务台？').isVisible()).toBe(true)
  await page.getByTestId('operator-select').click()
  await page.locator('.ant-select-item-option').filter({ hasText: name }).first().click()
  await page.getByLabel('主管密码').fill(password)
  await page.getByRole('button', { name: '开始工作' }).click()
  await expect.poll(() => page.getByTestId('current-operator').textContent()).toContain(name)
}

describe('import, export, backup and restore', () => {
  it('registers the first supervisor and opens the import page from the menu', async () => {
    const { page } = app
    await registerFirstSupervisor(page)
    await page.getByRole('menuitem', { name: '数据导入' }).click()
    await expect.poll(() => page.url()).toMatch(/#\/import$/)
    await expect.poll(() => text('import-page')).toContain('不写入任何数据')
  })

  it('writes nothing when a big commit is cancelled', async () => {
    const { page } = app
    // Big enough that its commit (some seconds) is still under way when Cancel is clicked.
    const big = join(files, '全市集团客户.csv')
    const lines = [HEADER]
    for (let n = 0; n < 40_000; n++)
      lines.push(`57190${String(n).padStart(5, '0')},临江批量测试集团${n},D,孙${n},10,100,`)
    writeFileSync(big, `${lines.join('\n')}\n`, 'utf8')
    app.ports.nextOpenFile = big
    await page.getByTestId('import-choose').click()
    await expect.poll(() => text('import-counts-imported'), { timeout: 30_000 }).toContain('40,000')
    await page.getByTestId('import-commit').click()
    await expect.poll(() => text('import-progress-text')).toMatch(/正在检查并写入，已完成 [1-9]\d?%/)
    // At once (the harness's screenshot waits for grids), before the commit is through.
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'transfer-import-progress.zh-CN.png') })
    await page.getByTestId('import-cancel').click()
    await expect.poll(() => text('import-cancelled'), { timeout: 30_000 }).toContain('未写入任何数据')
    expect(await customers()).toEqual([])
  })

  it('previews a messy CSV with its rejected row and reason, writing nothing yet', async () => {
    const { page } = app
    app.ports.nextOpenFile = messyCsv('集团客户清单.csv', ROWS)
    await page.getByTestId('import-choose').click()
    await expect.poll(() => text('import-file')).toContain('集团客户清单.csv')
    expect(await text('import-file')).toContain('UTF-8（带 BOM）')
    expect(await text('import-file')).toContain('第 2 行')
    await expect.poll(() => text('import-counts-read')).toContain('5')
    expect(await text('import-counts-imported')).toContain('3')
    expect(await text('import-counts-skippedBlank')).toContain('1')
    expect(await text('import-counts-rejected')).toContain('1')
    // Each column of the file and the field it fills: the unit in the header is the file's own.
    await expect.poll(() => page.getByTestId('import-map-5').textContent()).toContain('月收入（元）')
    expect(await page.getByTestId('import-map-6').textContent()).toContain('年产值（元）')
    const rejected = page.getByTestId('import-rejected').locator('.ag-row[row-id="5"]')
    await expect.poll(() => rejected.textContent()).toContain('客户等级：当前等级方案中没有“Z类”')
    await expect.poll(() => text('import-sample')).toContain('¥12,345.60')
    expect(await text('import-sample')).toContain('¥15,000,000.00')
    await app.screenshot('transfer-import-preview.zh-CN')
    expect(await customers()).toEqual([])
  })

  it('commits it and shows the customers in the grid', async () => {
    const { page } = app
    await page.getByTestId('import-commit').click()
    await expect.poll(() => text('import-result')).toContain('导入完成：已写入 3 行')
    await expect.poll(() => text('import-result')).toContain('当前等级方案中没有“Z类”')
    await app.screenshot('transfer-import-result.zh-CN')
    const written = await customers()
    expect(written.map((customer) => customer.code)).toEqual(['5718800001', '5718800002', '5718800004'])
    expect(written[0]).toMatchObject({ monthlyRevenueFen: 1_234_560, annualOutputFen: 1_500_000_000 })
    // The rejected rows, to fix and import again.
    await page.getByTestId('import-save-rejected').click()
    await expect.poll(lastSaved).toMatch(/集团客户清单-未导入\.csv$/)
    expect(readFileSync(lastSaved(), 'utf8')).toContain('5718800003')
    await page.getByTestId('import-to-list').click()
    await expect.poll(() => text('customer-total')).toBe('共 3 户')
    await expect.poll(() => text('customers-grid')).toContain('临江港务集团有限公司')
  })

  it('exports the grid filtered by a search to XLSX and CSV, the filtered rows only', async () => {
    const { page } = app
    await page.getByTestId('quick-search').locator('input').fill('临江港')
    await expect.poll(() => text('customer-total')).toBe('共 2 户')
    await page.getByTestId('customers-export').click()
    await expect.poll(() => page.getByTestId('customers-export-xlsx').isVisible()).toBe(true)
    await app.screenshot('transfer-export-menu.zh-CN')
    await page.getByTestId('customers-export-xlsx').click()
    await expect.poll(lastSaved).toMatch(/\.xlsx$/)
    await expect.poll(() => page.getByTestId('customers-export-open').isVisible()).toBe(true)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(lastSaved())
    const sheet = workbook.worksheets[0]!
    expect(sheet.rowCount).toBe(3)
    expect(JSON.stringify(sheet.getRow(1).values)).toContain('集团名称')

    await page.getByTestId('customers-export').click()
    await page.getByTestId('customers-export-csv').click()
    await expect.poll(lastSaved).toMatch(/\.csv$/)
    await expect.poll(() => existsSync(lastSaved())).toBe(true)
    const bytes = readFileSync(lastSaved())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).trim().split(/\r?\n/)
    expect(lines).toHaveLength(3)
    expect(lines[0]).toContain('集团名称')
    expect(lines.slice(1).join('\n')).toContain('临江港务集团有限公司')
    expect(lines.slice(1).join('\n')).toContain('临江港口物流集团')
    expect(lines.join('\n')).not.toContain('人民医院')
  })

  it('exports every other grid with its own filter and sort, through the same button', async () => {
    const { page } = app
    // Each list's own request (a default filter, a sort) is accepted by its grid's export.
    const grids = [
      ['#/sla/orders', 'orders'],
      ['#/sla/agreements', 'agreements'],
      ['#/sla/circuits', 'circuits'],
      ['#/sla/faults', 'faults'],
      ['#/sla/slips', 'slips'],
      ['#/delivery/deliveries', 'deliveries'],
      ['#/delivery/followups', 'followUps'],
      ['#/service/activities', 'activities'],
    ] as const
    for (const [hash, grid] of grids) {
      await page.evaluate(
        (next) => ((globalThis as unknown as { location: { hash: string } }).location.hash = next),
        hash,
      )
      const saved = app.ports.saved.length
      await page.getByTestId(`${grid}-export`).click()
      await page.getByTestId(`${grid}-export-csv`).click()
      await expect.poll(() => app.ports.saved.length, { message: grid }).toBe(saved + 1)
      await expect.poll(() => existsSync(lastSaved())).toBe(true)
      // The header row, in the grid's own words, under the BOM.
      expect(readFileSync(lastSaved(), 'utf8'), grid).toMatch(/^\uFEFF.*[\u4e00-\u9fff]/)
      await page.keyboard.press('Escape')
    }
  })

  it('takes a backup, and after a change restores it through Settings: the change is undone', async () => {
    const { page, host } = app
    await page.getByRole('menuitem', { name: '设置' }).click()
    const card = page.getByTestId('backup-card')
    await card.scrollIntoViewIfNeeded()
    await expect.poll(() => text('backup-folder')).toContain('backups')
    await page.getByTestId('backup-now').click()
    await expect.poll(lastSaved).toMatch(/\.sqlite$/)
    const backup = lastSaved()
    // The day's automatic backup, taken when the desk opened the file.
    await expect.poll(() => text('backup-last')).toContain('.daily.sqlite')
    // The last export's notice, if it is still up, out of the picture.
    const notice = page.locator('.ant-notification-notice-close')
    if ((await notice.count()) > 0)
      await notice
        .first()
        .click({ timeout: 2000 })
        .catch(() => undefined)
    await card.evaluate((element) => (element as { scrollIntoView: () => void }).scrollIntoView())
    await app.screenshot('transfer-backup.zh-CN')

    // Another change after the backup.
    const [first] = await host
      .authorize('read')
      .db.selectFrom('customer')
      .selectAll()
      .orderBy('code')
      .execute()
    const got = await dispatch(host, 'customers.get', { id: first!.id })
    if (!got.ok) throw new Error('customers.get failed')
    const file = got.value as CustomerFile
    const saved = await dispatch(host, 'customers.save', {
      id: file.customer.id,
      version: file.customer.version,
      fields: { ...file.customer, leader: '备份后改的' },
      contacts: file.contacts,
    })
    expect(saved.ok).toBe(true)

    await page.getByTestId('backup-restore').click()
    await expect.poll(() => text('restore-confirm')).toContain('当前的数据库先另存一份')
    await app.screenshot('transfer-restore-confirm.zh-CN')
    app.ports.nextOpenFile = backup
    await page.getByRole('button', { name: '选择备份并恢复' }).click()
    // What was restored, and where the data as it was went, over "who is working".
    await expect
      .poll(() => page.locator('.ant-modal-confirm-content').textContent())
      .toContain('before-restore')
    await app.screenshot('transfer-restored.zh-CN')
    await page.getByRole('button', { name: '确定' }).click()
    await signIn('周主管', 'e2e-supervisor')
    expect((await customers())[0]!.leader).toBe('王港')
    await page.getByRole('menuitem', { name: '客户档案' }).click()
    await page.getByTestId('customers-grid').getByText('临江港务集团有限公司').click()
    await expect.poll(() => page.getByLabel('负责人').inputValue()).toBe('王港')
  })

  it('shows the same screens in English', async () => {
    const { page } = app
    await page.getByRole('menuitem', { name: '设置' }).click()
    await page.getByTestId('language-switch').getByText('English').click()
    const card = page.getByTestId('backup-card')
    await expect.poll(() => card.textContent()).toContain('Backup and restore')
    await card.evaluate((element) => (element as { scrollIntoView: () => void }).scrollIntoView())
    await app.screenshot('transfer-backup.en')

    await page.getByRole('menuitem', { name: 'Customers' }).click()
    await page.getByTestId('customers-export').click()
    await expect.poll(() => page.getByTestId('customers-export-csv').isVisible()).toBe(true)
    await app.screenshot('transfer-export-menu.en')
    await page.keyboard.press('Escape')

    // The same layout again: its mapping is remembered; one customer changed, the bad row still bad.
    await page.getByRole('button', { name: 'Import' }).click()
    app.ports.nextOpenFile = messyCsv('customers-december.csv', [
      ...ROWS.slice(0, 4),
      '5718800004,临江市第一人民医院,C,孙院,900,26000,8000',
    ])
    await page.getByTestId('import-choose').click()
    await expect.poll(() => text('import-mapping-source')).toContain('confirmed for the last file')
    await expect.poll(() => text('import-counts-updated')).toContain('1')
    expect(await text('import-counts-unchanged')).toContain('2')
    const rejected = page.getByTestId('import-rejected').locator('.ag-row[row-id="5"]')
    await expect.poll(() => rejected.textContent()).toMatch(/Tier:\sThe tier scheme in use has no "Z类"/)
    await app.screenshot('transfer-import-preview.en')
    // A column taken off the mapping: every row checked again, each now missing its code.
    const codeColumn = page.getByTestId('import-map-0')
    await codeColumn.hover()
    await codeColumn.locator('.ant-select-clear').click()
    await expect.poll(() => text('import-mapping-missing')).toContain('Customer code')
    await expect.poll(() => text('import-counts-rejected')).toContain('4')
    expect(await text('import-mapping-source')).toContain('Every row checked again with your mapping')
    await codeColumn.click()
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Customer code' })
      .first()
      .click()
    await expect.poll(() => text('import-counts-rejected')).toContain('1')
    expect(await text('import-counts-updated')).toContain('1')
    await page.getByTestId('import-commit').click()
    await expect.poll(() => text('import-result')).toContain('Import done: 1 row written')
    await app.screenshot('transfer-import-result.en')
    expect((await customers())[2]!.leader).toBe('孙院')
  })

  it('shows a trainer on the real file why the import is closed, and the backup card read-only', async () => {
    const { page, host } = app
    const trainer = await dispatch(host, 'operators.save', {
      name: '吴讲师',
      level: 'service_rep',
      branchId: null,
      phone: null,
      role: 'trainer',
      password: null,
    })
    expect(trainer.ok).toBe(true)
    await page.getByRole('button', { name: 'Switch operator' }).click()
    await page.getByTestId('operator-select').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '吴讲师' }).first().click()
    await page.getByRole('button', { name: 'Start work' }).click()
    await expect.poll(() => page.getByTestId('current-operator').textContent()).toContain('吴讲师')
    await page.getByRole('menuitem', { name: 'Import' }).click()
    await expect.poll(() => text('import-readonly')).toContain('demo')
    expect(await page.getByTestId('import-choose').isDisabled()).toBe(true)
    await app.screenshot('transfer-import-trainer.en')
    await page.getByRole('menuitem', { name: 'Settings' }).click()
    await expect.poll(() => text('backup-card')).toContain('Only supervisors change the backup settings')
    expect(await page.getByTestId('backup-now').isDisabled()).toBe(true)
    expect(await page.getByTestId('backup-restore').isDisabled()).toBe(true)
    expect(await page.getByTestId('backup-automatic').isDisabled()).toBe(true)
  })

  it('ran without console errors or CSP violations', () => {
    expect(app.problems).toEqual([])
  })
})
