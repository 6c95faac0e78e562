/**
 * The report written to files from the demo database, through the same dispatch the app's window uses:
 * a workbook with a sheet per section whose totals are the report's, a PDF printed by Chromium with a
 * page per section and "Page N of M" on every page, progress while it runs, a cancel that leaves nothing
 * behind, one export at a time, and the command line writing the same files.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Report, ReportProgress } from '../../electron/api/contract'
import { dispatch } from '../../electron/api/handlers'
import { CHROMIUM_ARGS } from '../../electron/files/chromium'
import { REPORT_STRINGS } from '../../electron/files/documents/report'
import { AppHost } from '../../electron/host'
import type { Actor } from '../../electron/services/context'
import { chromiumPorts, pdfPageCount, pdfPageToPng, type ChromiumPorts } from '../e2e/ports'
import { call, cliFailure, refusal, runCli, sampleCustomer, tempDir } from './helpers'

/** 09:00 on Monday 23 November 2026, China time. */
const NOW = new Date('2026-11-23T01:00:00Z')
const Q3 = { from: '2026-07-01', to: '2026-09-30' }

let browser: Browser
let host: AppHost
let ports: ChromiumPorts
let dir: string
const actor: Actor = { id: null, name: 'report tester', role: 'supervisor' }

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', ...CHROMIUM_ARGS],
  })
  dir = tempDir('account-desk-report-')
  ports = chromiumPorts(browser, dir)
  host = new AppHost({
    userDataDir: tempDir(),
    systemLocale: 'zh-CN',
    appVersion: 'test',
    now: () => NOW,
    actor,
    ports,
  })
  await host.openDemo()
  // A customer with no branch, no account manager and no tier: the rows for "none assigned".
  await call(host, 'customers.save', { fields: sampleCustomer, contacts: [] })
}, 120_000)

afterAll(async () => {
  await host?.close()
  await browser?.close()
})

beforeEach(() => {
  actor.role = 'supervisor'
})

/** The files in the save folder whose names start with `prefix` (a written file, or one half-written). */
function filesLike(prefix: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith(prefix))
}

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(path)
  return book
}

const DIVISORS = { count: 1, fen: 100, bp: 10_000, ppm: 1_000_000, minutes: 1, score: 100 }
const FORMATS = {
  count: '#,##0',
  fen: '#,##0.00',
  bp: '0.00%',
  ppm: '0.000%',
  minutes: '#,##0',
  score: '0.00',
}

describe.each(['zh-CN', 'en'] as const)('the workbook in %s', (language) => {
  const s = REPORT_STRINGS[language]
  let report: Report
  let book: ExcelJS.Workbook

  beforeAll(async () => {
    report = await call(host, 'report.get', Q3)
    const saved = await call(host, 'report.export', { ...Q3, format: 'xlsx', language })
    expect(saved!.fileName).toBe(language === 'en' ? 'quarterly-report-2026Q3.xlsx' : '季度报表-2026Q3.xlsx')
    book = await readBook(join(dir, saved!.fileName))
  })

  it('opens with the title, the window, the date and the issuer, then a sheet per section', async () => {
    const cover = book.worksheets[0]!
    expect(cover.getCell('A1').value).toBe(s.documentTitle)
    const values = cover.getSheetValues().flat().map(String)
    expect(values).toContain(
      language === 'en'
        ? '2026 Q3 (2026-07-01 to 2026-09-30)'
        : '2026 年第 3 季度（2026-07-01 至 2026-09-30）',
    )
    expect(values).toContain('2026-11-23')
    expect(values).toContain(language === 'en' ? 'Key Account Department' : '集团客户部')
    for (const table of report.sections) expect(values).toContain(s.sections[table.section])
    expect(book.worksheets).toHaveLength(1 + report.sections.length)
  })

  it('has each section’s header frozen and filtered, its figures in their kind’s format', () => {
    report.sections.forEach((table, index) => {
      const sheet = book.worksheets[index + 1]!
      expect(s.sections[table.section].startsWith(sheet.name)).toBe(true)
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 })
      expect(sheet.autoFilter).toBeTruthy()
      expect(sheet.getRow(1).getCell(1).value).toBe(s.columns.grouping)
      expect(sheet.rowCount).toBe(1 + table.byBranch.length + 1 + table.byManager.length + 1)
      table.measures.forEach((measure, column) => {
        const cell = sheet.getRow(2).getCell(column + 3)
        expect(cell.numFmt).toBe(FORMATS[measure.kind])
        const value = table.byBranch[0]!.values[measure.key] ?? null
        expect(cell.value).toBe(value === null ? null : value / DIVISORS[measure.kind])
      })
    })
  })

  it('has total rows, bold under a rule, equal to the report’s totals', () => {
    report.sections.forEach((table, index) => {
      const sheet = book.worksheets[index + 1]!
      const totals = sheet.getRows(2, sheet.rowCount - 1)!.filter((row) => row.getCell(2).value === s.total)
      expect(totals.map((row) => row.number)).toEqual([
        2 + table.byBranch.length,
        3 + table.byBranch.length + table.byManager.length,
      ])
      for (const row of totals) {
        expect(row.getCell(3).font?.bold).toBe(true)
        expect(row.getCell(3).border?.top?.style).toBe('thin')
        table.measures.forEach((measure, column) => {
          const value = table.total[measure.key] ?? null
          expect(row.getCell(column + 3).value).toBe(value === null ? null : value / DIVISORS[measure.kind])
        })
      }
    })
  })

  it('names rows and columns in the language: branches, managers, tiers and none assigned', async () => {
    const lookups = await call(host, 'lookups.get', {})
    const pick = (entry: { labelZh: string; labelEn: string }) =>
      language === 'en' ? entry.labelEn : entry.labelZh
    const customers = book.worksheets[1]!
    const header = customers.getRow(1).values as unknown[]
    const tiers = lookups.tiers.filter((tier) => tier.scheme === lookups.tierScheme)
    expect(header.slice(3, 3 + tiers.length)).toEqual(tiers.map(pick))
    expect(header).toContain(s.measures.customers['tier.none'])
    const names = customers.getColumn(2).values.map(String)
    for (const branch of lookups.branches.filter((one) => !one.retired)) expect(names).toContain(pick(branch))
    expect(names).toContain(s.noBranch)
    expect(names).toContain(s.noManager)
    expect(names).toContain(lookups.accountManagers.find((one) => one.role === 'staff')!.name)
    expect(customers.getColumn(1).values).toContain(s.groupings.manager)
  })
})

describe.each(['zh-CN', 'en'] as const)('the PDF in %s', (language) => {
  const s = REPORT_STRINGS[language]

  it('has a cover, each section from a new page, and the page number on every page', async () => {
    let printing: ReportProgress | null = null
    const print = ports.printPdf
    ports.printPdf = async (html) => {
      printing = await call(host, 'report.progress')
      return print(html)
    }
    try {
      const saved = await call(host, 'report.export', { ...Q3, format: 'pdf', language })
      expect(saved!.fileName).toBe(language === 'en' ? 'quarterly-report-2026Q3.pdf' : '季度报表-2026Q3.pdf')
      expect(printing).toEqual({ stage: 'writing', done: 0, total: 1 })
      const path = join(dir, saved!.fileName)
      const count = pdfPageCount(path)
      const pages = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f')
      const report = await call(host, 'report.get', Q3)
      // A cover, then at least a page for each section.
      expect(count).toBeGreaterThan(report.sections.length)
      for (let page = 1; page <= count; page += 1) {
        const footer = s.pdf.page.replace('{{page}}', String(page)).replace('{{pages}}', String(count))
        expect(pages[page - 1]).toContain(footer)
      }
      expect(pages[0]).toContain(s.documentTitle)
      report.sections.forEach((table, index) => {
        const title = `${index + 1}. ${s.sections[table.section]}`
        expect(pages.slice(1).some((page) => page.trim().startsWith(title))).toBe(true)
      })
      const screenshots = process.env['SCREENSHOT_DIR']
      if (screenshots) {
        pdfPageToPng(path, join(screenshots, `report-pdf-cover.${language}.png`), 1)
        pdfPageToPng(path, join(screenshots, `report-pdf-section.${language}.png`), 2)
      }
    } finally {
      ports.printPdf = print
    }
  }, 60_000)
})

describe('the export job', () => {
  it('says how far it has got, and stops at its next step when cancelled, leaving no file', async () => {
    const choose = ports.chooseSaveFile
    ports.chooseSaveFile = async () => join(dir, 'cancelled.pdf')
    try {
      const running = dispatch(host, 'report.export', { ...Q3, format: 'pdf', language: 'en' })
      let seen: ReportProgress | null = null
      while (!(seen && seen.done > 0)) {
        seen = await call(host, 'report.progress')
        await new Promise(setImmediate)
      }
      expect(seen).toMatchObject({ stage: 'figures', total: 9 })
      expect(await call(host, 'report.cancel')).toBeNull()
      const result = await running
      expect(result.ok ? null : result.error.code).toBe('report_cancelled')
    } finally {
      ports.chooseSaveFile = choose
    }
    expect(filesLike('cancelled')).toEqual([])
    expect(await call(host, 'report.progress')).toBeNull()
  })

  it('leaves no half-written file when cancelled while the PDF prints', async () => {
    const [choose, print] = [ports.chooseSaveFile, ports.printPdf]
    ports.chooseSaveFile = async () => join(dir, 'printing.pdf')
    ports.printPdf = async (html) => {
      await call(host, 'report.cancel')
      return print(html)
    }
    try {
      const result = await dispatch(host, 'report.export', { ...Q3, format: 'pdf', language: 'zh-CN' })
      expect(result.ok ? null : result.error.code).toBe('report_cancelled')
    } finally {
      Object.assign(ports, { chooseSaveFile: choose, printPdf: print })
    }
    expect(filesLike('printing')).toEqual([])
  })

  it('runs one export at a time', async () => {
    let answer!: (path: string | null) => void
    const choose = ports.chooseSaveFile
    ports.chooseSaveFile = () => new Promise((resolve) => (answer = resolve))
    try {
      const first = call(host, 'report.export', { ...Q3, format: 'xlsx', language: 'en' })
      await new Promise(setImmediate)
      expect((await refusal(host, 'report.export', { ...Q3, format: 'pdf', language: 'en' })).code).toBe(
        'report_busy',
      )
      answer(join(dir, 'first.xlsx'))
      expect(await first).toMatchObject({ fileName: 'first.xlsx' })
      expect(filesLike('first.xlsx')).toEqual(['first.xlsx'])
    } finally {
      ports.chooseSaveFile = choose
    }
    // Once done, the next one runs.
    expect(await call(host, 'report.export', { ...Q3, format: 'xlsx', language: 'en' })).not.toBeNull()
  })

  it('writes nothing when the save dialog is cancelled', async () => {
    const choose = ports.chooseSaveFile
    ports.chooseSaveFile = async () => null
    try {
      expect(await call(host, 'report.export', { ...Q3, format: 'xlsx', language: 'zh-CN' })).toBeNull()
    } finally {
      ports.chooseSaveFile = choose
    }
  })

  it('is refused to staff', async () => {
    actor.role = 'staff'
    expect((await refusal(host, 'report.export', { ...Q3, format: 'xlsx' })).code).toBe('overseer_only')
    for (const channel of ['report.progress', 'report.cancel'])
      expect((await refusal(host, channel, {})).code).toBe('overseer_only')
  })
})

describe('the command line', () => {
  const run = (...args: string[]) => runCli('report', 'quarterly', ...args)
  const fails = (...args: string[]) => cliFailure('report', 'quarterly', ...args)

  it('writes the report as XLSX and PDF, and refuses bad input with no file written', async () => {
    const db = join(dir, 'cli-demo.sqlite')
    await host.backupTo(db)
    const xlsx = join(dir, 'cli.xlsx')
    const pdf = join(dir, 'cli.pdf')
    expect(run('--quarter', '2026Q3', '--format', 'xlsx', '--out', xlsx, '--db', db)).toMatch(
      /Report for 2026-07-01 to 2026-09-30 written to cli\.xlsx/,
    )
    const book = await readBook(xlsx)
    expect(book.worksheets.map((sheet) => sheet.name).slice(0, 2)).toEqual([
      '季度报表',
      '客户（按等级与状态）',
    ])
    run(
      '--from',
      '2026-07-01',
      '--to',
      '2026-09-30',
      '--format',
      'pdf',
      '--out',
      pdf,
      '--db',
      db,
      '--language',
      'en',
    )
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toMatch(
      /Page 1 of \d+[\s\S]*1\. Customers by tier and status/,
    )

    const out = join(dir, 'refused.xlsx')
    const base = ['--format', 'xlsx', '--out', out, '--db', db]
    expect(fails('--quarter', '2026Q5', ...base)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/--quarter takes a quarter such as 2026Q3, not 2026Q5/),
    })
    expect(fails('--from', '2026-09-30', '--to', '2026-07-01', ...base).stderr).toMatch(
      /to: The end date is before the start date/,
    )
    expect(fails('--from', '2099-01-01', '--to', '2099-03-31', ...base).stderr).toMatch(
      /from: Cannot be later than now/,
    )
    expect(fails('--quarter', '2026Q3', '--format', 'xlsx', '--db', db).stderr).toMatch(/report needs --out/)
    expect(fails('--quarter', '2026Q3', '--format', 'docx', '--out', out, '--db', db).stderr).toMatch(
      /--format is one of xlsx, pdf/,
    )
    process.env['ACCOUNT_DESK_CHROMIUM'] = join(dir, 'no-such-browser')
    try {
      expect(
        fails('--quarter', '2026Q3', '--format', 'pdf', '--out', join(dir, 'refused.pdf'), '--db', db).stderr,
      ).toMatch(/ACCOUNT_DESK_CHROMIUM names .*no-such-browser, which does not exist/)
    } finally {
      delete process.env['ACCOUNT_DESK_CHROMIUM']
    }
    expect(existsSync(out)).toBe(false)
    expect(filesLike('refused')).toEqual([])
  }, 120_000)
})
