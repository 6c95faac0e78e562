/**
 * Export of a grid to XLSX and CSV through the same dispatch the app's window uses: the grid's filter and
 * sort, every row (paged through the list service), headers in the language, dates as dates, money as
 * yuan, labels for codes, and text a spreadsheet would run as a formula neutralised. Bad input is refused
 * before any dialog; the command line writes the same files.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeEach, describe, expect, it } from 'vitest'
import SqliteDatabase from 'better-sqlite3'
import { AppHost } from '../../electron/host'
import type { FileFilter } from '../../electron/files/ports'
import { EXPORT_GRIDS } from '../../electron/api/schemas'
import { neutralise } from '../../electron/services/transfer/export'
import { call, cliFailure, refusal, runCli, sampleCustomer, signInAs, tempDir } from './helpers'

/** 09:00 on Monday 23 November 2026, China time. */
const NOW = new Date('2026-11-23T01:00:00Z')

let host: AppHost
let dir: string
/** What the save dialog answers next (null: the operator cancels), and what it was asked. */
let saveAs: string | null
let asked: { suggestedName: string; filters: FileFilter[] }[]

function newHost(): AppHost {
  return new AppHost({
    userDataDir: tempDir(),
    systemLocale: 'zh-CN',
    appVersion: 'test',
    now: () => NOW,
    ports: {
      printPdf: () => Promise.reject(new Error('no printing here')),
      chooseSaveFile: async (suggestedName, filters) => {
        asked.push({ suggestedName, filters })
        return saveAs
      },
      chooseOpenFile: async () => null,
      openFile: async () => undefined,
    },
  })
}

beforeEach(async () => {
  dir = tempDir('account-desk-export-')
  saveAs = null
  asked = []
  host = newHost()
  await host.openDefault()
  await signInAs(host, 'staff')
})

/** Customers whose names a spreadsheet would run as formulas, one in Chinese, and one filtered out. */
async function formulaCustomers() {
  const make = (code: string, name: string, monthlyRevenueFen: number, status = 'active' as const) =>
    call(host, 'customers.save', {
      fields: { ...sampleCustomer, code, name, monthlyRevenueFen, status },
      contacts: [],
    })
  await make('EXP001', '=HYPERLINK("x")', 50_000)
  await make('EXP002', '+1', 1_234_567)
  await make('EXP003', '-2', 1)
  await make('EXP004', '@SUM(A1:A2)', 99_999)
  await make('EXP005', '临江市测试集团有限公司', 2_000_000)
  await make('EXP006', '+86 571 8888 6666', 700)
  await call(host, 'customers.save', {
    fields: {
      ...sampleCustomer,
      code: 'EXP007',
      name: '已流失客户',
      status: 'lost',
      monthlyRevenueFen: 9_999_999,
    },
    contacts: [],
  })
}

/** The filter and sort the customers grid sends: active customers, highest monthly revenue first. */
const ACTIVE_BY_REVENUE = {
  statuses: ['active'],
  sort: [{ colId: 'monthlyRevenueFen', sort: 'desc' }],
}
const EXPECTED_ORDER = ['EXP005', 'EXP002', 'EXP004', 'EXP001', 'EXP006', 'EXP003']

async function exportTo(file: string, input: Record<string, unknown>) {
  saveAs = file
  return call(host, 'export.grid', input as never)
}

/** A CSV file's records: fields split on commas outside quotes, "" inside quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      record.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      records.push([...record, field])
      record = []
      field = ''
      i++
    } else field += char
  }
  if (field !== '' || record.length > 0) records.push([...record, field])
  return records
}

async function readXlsx(file: string) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(file)
  return book.worksheets[0]!
}

/** An instant as the PC's wall clock, as the export writes it for a spreadsheet without time zones. */
function wallClock(iso: string): Date {
  const at = new Date(iso)
  return new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes()))
}

describe('neutralising text a spreadsheet would run', () => {
  it('puts an apostrophe before =, +, -, @, tab and carriage return, and leaves other text alone', () => {
    expect(['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx'].map(neutralise)).toEqual([
      "'=1+1",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ])
    expect(['临江', 'a=b', ' =1', '', "'quoted"].map(neutralise)).toEqual([
      '临江',
      'a=b',
      ' =1',
      '',
      "'quoted",
    ])
  })
})

describe('exporting the customers grid', () => {
  it('writes CSV as UTF-8 with a BOM and CRLF, in the grid order and filter, formulas neutralised', async () => {
    await formulaCustomers()
    const file = join(dir, 'customers.csv')
    const saved = await exportTo(file, {
      grid: 'customers',
      format: 'csv',
      language: 'zh-CN',
      query: ACTIVE_BY_REVENUE,
    })
    expect(saved).toEqual({ handle: expect.any(String), fileName: 'customers.csv' })
    expect(asked).toEqual([
      { suggestedName: '客户档案-2026-11-23.csv', filters: [{ name: 'CSV (UTF-8)', extensions: ['csv'] }] },
    ])

    const bytes = readFileSync(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8').slice(1)
    // Every line ends in CRLF: no bare LF.
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(text.endsWith('\r\n')).toBe(true)

    const [header, ...rows] = parseCsv(text)
    expect(header!.slice(0, 2)).toEqual(['集团编号', '集团名称'])
    expect(header).toContain('月收入（元）')
    expect(rows.map((row) => row[0])).toEqual(EXPECTED_ORDER)
    const names = Object.fromEntries(rows.map((row) => [row[0], row[1]]))
    expect(names).toEqual({
      EXP001: `'=HYPERLINK("x")`,
      EXP002: "'+1",
      EXP003: "'-2",
      EXP004: "'@SUM(A1:A2)",
      EXP005: '临江市测试集团有限公司',
      EXP006: "'+86 571 8888 6666",
    })
    // The raw text: quoted and neutralised, and numbers written as numbers are not touched.
    expect(text).toContain(`"'=HYPERLINK(""x"")"`)
    const revenue = header!.indexOf('月收入（元）')
    expect(rows.map((row) => row[revenue])).toEqual([
      '20000.00',
      '12345.67',
      '999.99',
      '500.00',
      '7.00',
      '0.01',
    ])
    expect(text).toMatch(/,12345\.67,/)
    // Labels, not codes.
    expect(rows[0]![header!.indexOf('状态')]).toBe('在网')
    // The lost customer is filtered out, as on the grid.
    expect(text).not.toContain('已流失客户')
  })

  it('writes XLSX with a bold frozen header, widths, the rows in grid order, numbers and dates as such', async () => {
    await formulaCustomers()
    const file = join(dir, 'customers.xlsx')
    const saved = await exportTo(file, {
      grid: 'customers',
      format: 'xlsx',
      language: 'zh-CN',
      query: ACTIVE_BY_REVENUE,
    })
    expect(saved?.fileName).toBe('customers.xlsx')
    expect(readdirSync(dir)).toEqual(['customers.xlsx']) // no partial file left beside it

    const sheet = await readXlsx(file)
    expect(sheet.name).toBe('客户档案')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const header = sheet.getRow(1)
    expect(header.font?.bold).toBe(true)
    const headers = (header.values as unknown[]).slice(1)
    expect(headers.slice(0, 2)).toEqual(['集团编号', '集团名称'])
    expect(sheet.getColumn(2).width).toBeGreaterThan(20)

    const column = (name: string) => headers.indexOf(name) + 1
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2))
    expect(rows.map((row) => row.getCell(1).value)).toEqual(EXPECTED_ORDER)
    expect(rows.map((row) => row.getCell(2).value)).toEqual([
      '临江市测试集团有限公司',
      "'+1",
      "'@SUM(A1:A2)",
      `'=HYPERLINK("x")`,
      "'+86 571 8888 6666",
      "'-2",
    ])
    // No cell is a formula.
    for (const row of rows) row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula))

    const revenue = rows.map((row) => row.getCell(column('月收入（元）')))
    expect(revenue.map((cell) => cell.value)).toEqual([20000, 12345.67, 999.99, 500, 7, 0.01])
    expect(
      revenue.every((cell) => cell.type === ExcelJS.ValueType.Number && cell.numFmt === '#,##0.00'),
    ).toBe(true)
    const employees = rows[0]!.getCell(column('员工数'))
    expect(employees.value).toBe(120)

    const updated = rows[0]!.getCell(column('最后修改'))
    expect(updated.value).toBeInstanceOf(Date)
    expect(updated.value).toEqual(wallClock(NOW.toISOString()))
    expect(updated.numFmt).toBe('yyyy-mm-dd hh:mm')
    expect(rows[0]!.getCell(column('状态')).value).toBe('在网')
  })

  it('names the columns and labels in English when asked', async () => {
    await formulaCustomers()
    const file = join(dir, 'customers-en.csv')
    await exportTo(file, { grid: 'customers', format: 'csv', language: 'en', query: ACTIVE_BY_REVENUE })
    const [header, first] = parseCsv(readFileSync(file, 'utf8').slice(1))
    expect(header!.slice(0, 2)).toEqual(['Customer code', 'Name'])
    expect(header).toContain('Monthly revenue (yuan)')
    expect(first![header!.indexOf('Status')]).toBe('Active')
    expect(asked[0]!.suggestedName).toBe('Customer files-2026-11-23.csv')
  })

  it('writes every row past the list service’s page of 1,000, in the grid order', async () => {
    // 1,050 customers, written straight into the file (the services would take far longer).
    const raw = new SqliteDatabase(host.info().databaseFile)
    const insert = raw.prepare(
      `insert into customer (id, version, created_at, updated_at, code, name, status, has_pbx, monthly_revenue_fen)
       values (?, 1, ?, ?, ?, ?, 'active', 0, ?)`,
    )
    raw.transaction(() => {
      for (let n = 0; n < 1_050; n++) {
        const code = `BULK${String(n).padStart(5, '0')}`
        insert.run(randomUUID(), NOW.toISOString(), NOW.toISOString(), code, `批量客户${n}`, n * 100)
      }
    })()
    raw.close()
    const out = join(dir, 'all.csv')
    await exportTo(out, {
      grid: 'customers',
      format: 'csv',
      language: 'zh-CN',
      query: { sort: [{ colId: 'code', sort: 'desc' }] },
    })
    const [, ...rows] = parseCsv(readFileSync(out, 'utf8').slice(1))
    expect(rows).toHaveLength(1_050)
    const codes = rows.map((row) => row[0]!)
    expect(codes).toEqual([...codes].sort().reverse())
    expect(new Set(codes).size).toBe(1_050)
  })
})

describe('exporting the other grids', () => {
  it('writes a circuit’s date as a date and its fees as yuan, without the customer column on a customer’s page', async () => {
    const customer = await call(host, 'customers.save', {
      fields: { ...sampleCustomer, code: 'CIR001' },
      contacts: [],
    })
    const { products } = await call(host, 'lookups.get')
    const product = products.find((entry) => entry.code === 'digital')!
    for (const [number, openedOn, monthlyFeeFen] of [
      ['LJ-0002', '2026-03-15', 300_050],
      ['LJ-0001', '2025-12-31', 12_345],
    ] as const) {
      await call(host, 'circuits.save', {
        customerId: customer.customer.id,
        number,
        productId: product.id,
        bandwidth: '10M',
        standardFeeFen: 1_000_000,
        monthlyFeeFen,
        status: 'active',
        openedOn,
      })
    }
    const file = join(dir, 'circuits.xlsx')
    await exportTo(file, {
      grid: 'circuits',
      format: 'xlsx',
      language: 'zh-CN',
      query: { customerId: customer.customer.id, sort: [{ colId: 'openedOn', sort: 'asc' }] },
    })
    const sheet = await readXlsx(file)
    const headers = (sheet.getRow(1).values as unknown[]).slice(1)
    expect(headers).not.toContain('客户')
    expect(headers).toContain('月租费（元）')
    const at = (row: number, name: string) => sheet.getRow(row).getCell(headers.indexOf(name) + 1)
    expect(at(2, '电路编号').value).toBe('LJ-0001')
    expect(at(2, '开通日期').value).toEqual(new Date(Date.UTC(2025, 11, 31)))
    expect(at(2, '开通日期').numFmt).toBe('yyyy-mm-dd')
    expect(at(3, '开通日期').value).toEqual(new Date(Date.UTC(2026, 2, 15)))
    expect(at(2, '月租费（元）').value).toBe(123.45)
    expect(at(3, '月租费（元）').value).toBe(3000.5)
    expect(at(3, '产品').value).toBe(product.labelZh)
    expect(at(3, '状态').value).toBe('在用')
  })

  it('exports every grid of the demo database in both formats, one row per listed record', async () => {
    await host.openDemo()
    await signInAs(host, 'trainer', 'demo exporter')
    for (const grid of EXPORT_GRIDS) {
      const listChannel = `${grid}.list` as 'customers.list'
      const { total } = await call(host, listChannel, { startRow: 0, endRow: 1 } as never)
      expect(total, grid).toBeGreaterThan(0)
      const csv = join(dir, `${grid}.csv`)
      const xlsx = join(dir, `${grid}.xlsx`)
      await exportTo(csv, { grid, format: 'csv', language: 'en', query: {} })
      await exportTo(xlsx, { grid, format: 'xlsx', language: 'zh-CN', query: {} })
      expect(parseCsv(readFileSync(csv, 'utf8').slice(1)).length - 1, grid).toBe(total)
      const sheet = await readXlsx(xlsx)
      expect(sheet.rowCount - 1, grid).toBe(total)
      // Every header is a word, not a missing string.
      for (const text of (sheet.getRow(1).values as unknown[]).slice(1))
        expect(String(text)).not.toMatch(/undefined|^$/)
    }
  }, 60_000)
})

describe('bad input and failures', () => {
  it('refuses a filter or sort the grid does not have, with field errors, before asking where to save', async () => {
    const error = await refusal(host, 'export.grid', {
      grid: 'customers',
      format: 'csv',
      query: { sort: [{ colId: 'passwordHash', sort: 'asc' }], statuses: ['gone'] },
    })
    expect(error.code).toBe('invalid_input')
    expect(error.fields!.map((field) => field.path)).toEqual(
      expect.arrayContaining(['query.sort.0.colId', 'query.statuses.0']),
    )
    const dates = await refusal(host, 'export.grid', {
      grid: 'activities',
      format: 'xlsx',
      query: { from: '2026-02-30' },
    })
    expect(dates.fields).toEqual([{ path: 'query.from', message: 'invalid_date' }])
    const grid = await refusal(host, 'export.grid', { grid: 'operators', format: 'csv', query: {} })
    expect(grid.fields![0]!.path).toBe('grid')
    expect(asked).toEqual([])
  })

  it('writes nothing when the operator cancels the dialog', async () => {
    saveAs = null
    expect(await call(host, 'export.grid', { grid: 'orders', format: 'xlsx', query: {} })).toBeNull()
    expect(readdirSync(dir)).toEqual([])
  })

  it('says so when the file cannot be written, and leaves no partial file', async () => {
    saveAs = join(dir, 'no-such-folder', 'x.xlsx')
    const refused = await refusal(host, 'export.grid', { grid: 'customers', format: 'xlsx', query: {} })
    expect(refused).toMatchObject({ code: 'file_unwritable', params: { fileName: 'x.xlsx' } })
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false)
  })

  it('needs someone signed in', async () => {
    host.setOperator(null)
    expect((await refusal(host, 'export.grid', { grid: 'customers', format: 'csv', query: {} })).code).toBe(
      'not_signed_in',
    )
  })
})

describe('the command line', () => {
  const [run, fails] = [runCli, cliFailure]

  it('exports a grid to the file given, the format from its extension, with a filter', async () => {
    await formulaCustomers()
    const db = host.info().databaseFile
    await host.close()
    const csv = join(dir, 'cli.csv')
    const xlsx = join(dir, 'cli.xlsx')
    expect(
      run(
        'export',
        'customers',
        '--out',
        csv,
        '--db',
        db,
        '--language',
        'en',
        '--query',
        JSON.stringify(ACTIVE_BY_REVENUE),
      ),
    ).toMatch(/Exported customers to cli\.csv/)
    const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8').slice(1))
    expect(header![0]).toBe('Customer code')
    expect(rows.map((row) => row[0])).toEqual(EXPECTED_ORDER)
    run('export', 'customers', '--out', xlsx, '--db', db)
    const sheet = await readXlsx(xlsx)
    expect(sheet.getRow(1).getCell(1).value).toBe('集团编号')
    expect(sheet.rowCount - 1).toBe(7)

    expect(fails('export', 'nothing', '--out', csv, '--db', db)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/export needs a grid, one of customers, circuits/),
    })
    expect(fails('export', 'orders', '--out', join(dir, 'x.txt'), '--db', db).stderr).toMatch(
      /must end in \.xlsx or \.csv/,
    )
    expect(
      fails('export', 'orders', '--out', csv, '--db', db, '--query', '{"sort":[{"colId":"x","sort":"up"}]}')
        .stderr,
    ).toMatch(/Invalid filter for the orders export[\s\S]*query\.sort\.0/)
  }, 60_000)
})
