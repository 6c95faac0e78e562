/**
 * Importing customers, contacts, circuits and revenue from messy files the tests write themselves: XLSX
 * (title rows, formula cells with and without a cached result, date cells, numbers as text, full-width
 * digits), GBK and UTF-8-with-BOM CSV; the preview, the commit (all or nothing, re-import unchanged,
 * cancel), the rejected rows' file, remembered mappings, the CLI, and files that cannot be read.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { crc32, deflateRawSync } from 'node:zlib'
import SqliteDatabase from 'better-sqlite3'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/connection'
import type { ImportKind, ImportPreview } from '../../electron/api/contract'
import type { ApiErrorData } from '../../electron/api/errors'
import type { DesktopPorts } from '../../electron/files/ports'
import { AppHost } from '../../electron/host'
import { writeSetting } from '../../electron/services/settings/store'
import { openImport } from '../../electron/services/transfer/import'
import { call, refusal, signInAs, tempDir } from './helpers'

interface TestPorts extends DesktopPorts {
  open: string | null
  save: string | null
}

let host: AppHost
let ports: TestPorts
let dir: string

beforeEach(async () => {
  dir = tempDir('account-desk-import-')
  ports = {
    open: null,
    save: null,
    printPdf: () => Promise.reject(new Error('no printing here')),
    chooseSaveFile: async () => ports.save,
    chooseOpenFile: async () => ports.open,
    openFile: async () => undefined,
  }
  host = new AppHost({ userDataDir: dir, systemLocale: 'zh-CN', appVersion: 'test', ports })
  await host.openDefault()
  await signInAs(host, 'supervisor', '王主管')
  await call(host, 'settings.saveLookup', {
    kind: 'branch',
    code: 'linjiang',
    nameZh: '临江区',
    nameEn: 'Linjiang District',
    sortOrder: 1,
  })
  await call(host, 'operators.register', {
    name: '张伟',
    level: 'account_manager',
    role: 'staff',
    branchId: null,
    phone: null,
  })
})
afterEach(async () => {
  await host.close()
  rmSync(dir, { recursive: true, force: true })
})

const db = () => host.authorize('read').db

async function writeXlsx(
  name: string,
  rows: unknown[][],
  edit?: (sheet: ExcelJS.Worksheet) => void,
): Promise<string> {
  const path = join(dir, name)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Sheet1')
  for (const row of rows) sheet.addRow(row)
  edit?.(sheet)
  await workbook.xlsx.writeFile(path)
  return path
}

function writeText(name: string, text: string, encoding: 'utf-8-bom' | 'gbk' | 'utf-8' = 'utf-8'): string {
  const path = join(dir, name)
  if (encoding === 'gbk') writeFileSync(path, iconv.encode(text, 'gbk'))
  else if (encoding === 'utf-8-bom') writeFileSync(path, `\uFEFF${text}`)
  else writeFileSync(path, text)
  return path
}

async function preview(kind: ImportKind, path: string): Promise<ImportPreview> {
  ports.open = path
  const result = await call(host, 'import.preview', { kind })
  if (!result) throw new Error('the preview was cancelled')
  return result
}

async function importRefusal(kind: ImportKind, path: string): Promise<ApiErrorData> {
  ports.open = path
  return refusal(host, 'import.preview', { kind })
}

async function customers() {
  return db().selectFrom('customer').selectAll().orderBy('code').execute()
}

async function auditCount(): Promise<number> {
  const row = await db()
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

const reasonsOf = (preview: { rejected: { row: number; reasons: { path: string; message: string }[] }[] }) =>
  Object.fromEntries(
    preview.rejected.map(({ row, reasons }) => [
      row,
      reasons.map((reason) => `${reason.path}:${reason.message}`),
    ]),
  )

/** The messy customer sheet of a branch office: a title, a blank line, a header with units and spaces. */
const CUSTOMER_ROWS: unknown[][] = [
  ['临江分公司集团客户清单（2026年11月）'],
  [],
  [
    ' 集团编号 ',
    '集团名称',
    '行业',
    '所属区县',
    '客户等级',
    '客户经理',
    '员工人数（人）',
    '月收入（元）',
    '小交换机',
  ],
  ['5710000001', '临江市财政局', '党政机关', '临江区', 'A', '张伟', '１２０', '1,234.50', '是'],
  [5710000002, '临江银行', 'finance', 'Linjiang District', 'B类集团', null, 80, 98000, '否'],
  ['5710000003', '临江宾馆', '酒店旅游', '临江区', 'c', '张伟', null, null, null],
  ['', ' ', null],
  ['5710000004', '未知行业公司', '航天', '临江区', 'A', '李四', '很多', '1.005', '也许'],
  ['5710000005', '公式公司', '教育', '临江区', 'D', null, null, null, null],
  ['5710000006', '无缓存公式公司', '教育', null, null, null, null, null, null],
]

describe('importing customers from XLSX', () => {
  async function messyWorkbook(): Promise<string> {
    return writeXlsx('客户清单.xlsx', CUSTOMER_ROWS, (sheet) => {
      // Row 9: employees as a formula with its cached result; row 10: a formula Excel never calculated.
      sheet.getCell('G9').value = { formula: '40*3', result: 120 } as ExcelJS.CellFormulaValue
      sheet.getCell('H9').value = { formula: 'G9*100', result: 12_000 } as ExcelJS.CellFormulaValue
      sheet.getCell('G10').value = { formula: 'G9+1' } as ExcelJS.CellFormulaValue
    })
  }

  it('previews every row, writing nothing, with each problem row by row', async () => {
    const before = await auditCount()
    const result = await preview('customers', await messyWorkbook())
    expect(result).toMatchObject({
      kind: 'customers',
      fileName: '客户清单.xlsx',
      sheetName: 'Sheet1',
      encoding: null,
      headerRow: 3,
      mappingRemembered: false,
      counts: { read: 7, imported: 4, updated: 0, unchanged: 0, skippedBlank: 1, rejected: 2 },
    })
    expect(result.columns.map((column) => column.field)).toEqual([
      'code',
      'name',
      'industryId',
      'branchId',
      'tierId',
      'accountManagerId',
      'employees',
      'monthlyRevenueFen',
      'hasPbx',
    ])
    expect(result.fields.slice(0, 2)).toEqual([
      { key: 'code', required: true },
      { key: 'name', required: true },
    ])
    expect(reasonsOf(result)).toEqual({
      8: [
        'employees:not_a_number',
        'monthlyRevenueFen:import_money_decimals',
        'hasPbx:import_not_yes_no',
        'industryId:import_unknown_industry',
        'accountManagerId:import_unknown_manager',
      ],
      10: ['employees:import_formula_without_value'],
    })
    expect(result.rejected[0]!.reasons[3]).toMatchObject({ params: { value: '航天' } })
    expect(result.sample[0]).toMatchObject({
      row: 4,
      action: 'new',
      values: {
        code: '5710000001',
        industryId: '党政机关',
        branchId: '临江区',
        tierId: 'A类集团',
        employees: 120,
        monthlyRevenueFen: 123_450,
        hasPbx: 1,
      },
    })
    expect(await customers()).toEqual([])
    expect(await auditCount()).toBe(before)
  })

  it('commits the accepted rows with their audit rows, and a second import of the file changes nothing', async () => {
    const path = await messyWorkbook()
    const first = await preview('customers', path)
    const result = await call(host, 'import.commit', { token: first.token })
    expect(result).toMatchObject({
      read: 7,
      imported: 4,
      updated: 0,
      unchanged: 0,
      skippedBlank: 1,
      rejected: 2,
    })
    expect(result.rejectedRows.map((row) => row.row)).toEqual([8, 10])
    const rows = await customers()
    expect(rows.map((row) => [row.code, row.name, row.employees, row.monthlyRevenueFen, row.hasPbx])).toEqual(
      [
        ['5710000001', '临江市财政局', 120, 123_450, 1],
        ['5710000002', '临江银行', 80, 9_800_000, 0],
        ['5710000003', '临江宾馆', null, null, 0],
        ['5710000005', '公式公司', 120, 1_200_000, 0],
      ],
    )
    const audit = await db()
      .selectFrom('auditLog')
      .select(['tableName', 'action', 'operatorName'])
      .where('tableName', '=', 'customer')
      .execute()
    expect(audit).toHaveLength(4)
    expect(audit.every((row) => row.action === 'create' && row.operatorName === '王主管')).toBe(true)
    expect(rows[0]!.searchText).toBe('5710000001 临江市财政局')

    const audits = await auditCount()
    const again = await preview('customers', path)
    expect(again.mappingRemembered).toBe(true)
    expect(again.counts).toMatchObject({ imported: 0, updated: 0, unchanged: 4, rejected: 2 })
    const second = await call(host, 'import.commit', { token: again.token })
    expect(second).toMatchObject({ imported: 0, updated: 0, unchanged: 4 })
    expect(await auditCount()).toBe(audits)
    expect((await customers()).map((row) => row.version)).toEqual([1, 1, 1, 1])
  })

  it('updates by customer code, keeping what the file does not give', async () => {
    const first = await preview('customers', await messyWorkbook())
    await call(host, 'import.commit', { token: first.token })
    const path = await writeXlsx('更新.xlsx', [
      ['客户编号', '客户名称', '员工数', '地址'],
      ['5710000001', '临江市财政局（新）', 130, '人民路1号'],
      ['5710000002', '临江银行', 80, null],
    ])
    const second = await preview('customers', path)
    expect(second.counts).toMatchObject({ imported: 0, updated: 1, unchanged: 1 })
    await call(host, 'import.commit', { token: second.token })
    const [updated] = await customers()
    expect(updated).toMatchObject({
      name: '临江市财政局（新）',
      employees: 130,
      address: '人民路1号',
      monthlyRevenueFen: 123_450,
      hasPbx: 1,
      version: 2,
      searchText: '5710000001 临江市财政局（新）',
    })
    const history = await call(host, 'customers.history', { id: updated!.id })
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([{ field: 'employees', before: 120, after: 130 }]),
    )
  })

  it('refuses a code that belongs to a deleted customer, and a name shared by two managers', async () => {
    const file = await call(host, 'customers.save', {
      fields: {
        code: 'DEL1',
        name: '已删除',
        industryId: null,
        branchId: null,
        address: null,
        tierId: null,
        accountManagerId: null,
        status: 'active',
        employees: null,
        annualOutputFen: null,
        leader: null,
        ourSubscribers: null,
        competitorSubscribers: null,
        monthlyRevenueFen: null,
        fixedLines: null,
        broadbandLines: null,
        groupProducts: null,
        hasPbx: false,
        notes: null,
      },
      contacts: [],
    })
    await call(host, 'customers.delete', { id: file.customer.id, version: file.customer.version })
    for (let i = 0; i < 2; i++)
      await call(host, 'operators.register', {
        name: '李明',
        level: 'senior',
        role: 'staff',
        branchId: null,
        phone: null,
      })
    const path = await writeXlsx('冲突.xlsx', [
      ['code', 'name', 'account manager', 'status'],
      ['del1', '已删除', null, null],
      ['N1', '新客户', '李明', '预警'],
      ['N2', '新客户二', null, '注销了'],
    ])
    const result = await preview('customers', path)
    expect(reasonsOf(result)).toEqual({
      2: ['code:code_taken_deleted'],
      3: ['accountManagerId:import_ambiguous'],
      4: ['status:import_unknown_value'],
    })
  })
})

describe('importing contacts, circuits and revenue', () => {
  async function twoCustomers(): Promise<void> {
    const path = writeText(
      'customers.csv',
      '集团编号,集团名称\n5710000001,临江市财政局\n5710000002,临江银行\n',
      'utf-8',
    )
    const result = await preview('customers', path)
    await call(host, 'import.commit', { token: result.token })
  }

  it('reads a GBK CSV of contacts, dates in several forms, and moves the customer file on', async () => {
    await twoCustomers()
    const text = [
      '关键联系人名单,,,,,,',
      '集团编号,联系人,职务,手机,邮箱,生日,类别',
      '5710000001,李娜,办公室主任,138 0013 8000,li.na@example.cn,1980年5月6日,核心',
      '5710000001,赵强,网络管理员,0571-88886666,,1985/10/1,一般',
      '',
      '5710000002,王芳,行长,13900139000,wang,2026-02-30,重要',
      '5719999999,陈明,,13700137000,,,',
    ].join('\r\n')
    const path = writeText('联系人.csv', text, 'gbk')
    const result = await preview('contacts', path)
    expect(result).toMatchObject({ encoding: 'gb18030', headerRow: 2 })
    expect(result.sample.map((row) => row.values['contactClass'])).toEqual(['重要核心成员', '普通成员'])
    expect(result.counts).toMatchObject({ read: 5, imported: 2, rejected: 2, skippedBlank: 1 })
    expect(reasonsOf(result)).toEqual({
      6: ['birthday:import_invalid_date', 'email:invalid_email'],
      7: ['customerCode:import_unknown_customer'],
    })
    const before = (await customers())[0]!
    await call(host, 'import.commit', { token: result.token })
    const contacts = await db().selectFrom('contact').selectAll().orderBy('name').execute()
    expect(contacts.map((c) => [c.name, c.phone, c.birthday, c.contactClass])).toEqual([
      ['李娜', '138 0013 8000', '1980-05-06', 'core'],
      ['赵强', '0571-88886666', '1985-10-01', 'ordinary'],
    ])
    const after = (await customers())[0]!
    expect(after.version).toBe(before.version + 1)
    expect(after.searchText).toContain('13800138000')
    // The same file again: nothing changes, the customer file keeps its version.
    const again = await preview('contacts', path)
    expect(again.counts).toMatchObject({ imported: 0, unchanged: 2 })
    await call(host, 'import.commit', { token: again.token })
    expect((await customers())[0]!.version).toBe(after.version)
  })

  it('reads a UTF-8 CSV with a BOM of circuits, fees in yuan, products by name or code', async () => {
    await twoCustomers()
    const text = [
      '电路专线号,集团编号,产品,带宽,A端,Z端,一次性费用（元）,月租费（元）,状态,开通日期',
      'LJ-DC-0001,5710000001,数字电路,2M,财政局机房,分局机房,"12,000.00",800,在用,2026年9月1日',
      'LJ-NET-0002,5710000002,internet,100M,银行总部,,3000,2000.5,开通中,2026/10/15',
      'LJ-X-0003,5710000002,量子专线,1G,,,,,,',
      'LJ-DC-0001,5710000002,ddn,,,,,,,',
    ].join('\n')
    const path = writeText('电路.csv', text, 'utf-8-bom')
    const result = await preview('circuits', path)
    expect(result.encoding).toBe('utf-8-bom')
    // The sample shows what will be written in words: the product and the status by their labels.
    expect(result.sample[1]!.values).toMatchObject({ productId: '互联网专线', status: '开通中' })
    expect(reasonsOf(result)).toEqual({
      4: ['productId:import_unknown_product'],
      5: ['number:import_duplicate'],
    })
    await call(host, 'import.commit', { token: result.token })
    const circuits = await db()
      .selectFrom('circuit')
      .select(['number', 'standardFeeFen', 'monthlyFeeFen', 'status', 'openedOn', 'bandwidth'])
      .orderBy('number')
      .execute()
    expect(circuits).toEqual([
      {
        number: 'LJ-DC-0001',
        standardFeeFen: 1_200_000,
        monthlyFeeFen: 80_000,
        status: 'active',
        openedOn: '2026-09-01',
        bandwidth: '2M',
      },
      {
        number: 'LJ-NET-0002',
        standardFeeFen: 300_000,
        monthlyFeeFen: 200_050,
        status: 'provisioning',
        openedOn: '2026-10-15',
        bandwidth: '100M',
      },
    ])
    // A circuit does not move to another customer by import.
    const moved = writeText('moved.csv', '电路编号,集团编号,产品\nlj-dc-0001,5710000002,digital\n')
    expect(reasonsOf(await preview('circuits', moved))).toEqual({
      2: ['customerCode:circuit_moves_customer'],
    })
  })

  it('reads months from date cells and text, upserts by customer and month, and raises churn warnings', async () => {
    await twoCustomers()
    const rows: unknown[][] = [
      ['客户编号', '月份', '收入（万元）'],
      ['5710000001', new Date(Date.UTC(2026, 5, 1)), 10],
      ['5710000001', '2026年7月', '10'],
      ['5710000001', '2026-08', 10],
      ['5710000001', '202609', '5'],
      ['5710000002', '2026/9', '1.2345678'],
      ['5719999999', new Date(Date.UTC(2026, 8, 1)), 1],
    ]
    const path = await writeXlsx('收入.xlsx', rows)
    const result = await preview('revenue', path)
    expect(reasonsOf(result)).toEqual({
      6: ['revenueFen:import_money_decimals'],
      7: ['customerCode:import_unknown_customer'],
    })
    await call(host, 'import.commit', { token: result.token })
    // The rejected rows' file shows a date cell of the month column as its month, not a serial number.
    ports.save = join(dir, 'revenue-rejected.csv')
    await call(host, 'import.saveRejected', { token: result.token })
    expect(readFileSync(ports.save, 'utf8').split('\r\n').slice(1, 3)).toEqual([
      '5710000002,2026/9,1.2345678,收入（万元）：金额最多两位小数（到分）',
      '5719999999,2026-09,1,客户编号：没有编号为“5719999999”的客户：请先导入或新建该客户，或改正编号',
    ])
    const months = await db()
      .selectFrom('monthlyRevenue')
      .select(['month', 'revenueFen'])
      .orderBy('month')
      .execute()
    expect(months).toEqual([
      { month: '2026-06', revenueFen: 10_000_000 },
      { month: '2026-07', revenueFen: 10_000_000 },
      { month: '2026-08', revenueFen: 10_000_000 },
      { month: '2026-09', revenueFen: 5_000_000 },
    ])
    const warnings = await db().selectFrom('churnWarning').select(['source', 'month']).execute()
    expect(warnings).toEqual([{ source: 'revenue_drop', month: '2026-09' }])
    // September corrected: an update, not a second month; the unchanged months stay as they are.
    const fix = await writeXlsx('收入2.xlsx', [
      ['客户编号', '月份', '收入（万元）'],
      ['5710000001', '2026-09', 9],
      ['5710000001', '2026-08', 10],
    ])
    const second = await preview('revenue', fix)
    expect(second.counts).toMatchObject({ imported: 0, updated: 1, unchanged: 1 })
    await call(host, 'import.commit', { token: second.token })
    const september = await db()
      .selectFrom('monthlyRevenue')
      .select(['revenueFen', 'version'])
      .where('month', '=', '2026-09')
      .executeTakeFirstOrThrow()
    expect(september).toEqual({ revenueFen: 9_000_000, version: 2 })
  })

  it('reads amounts in 千元, and refuses a money column in a unit it does not know rather than take it as yuan', async () => {
    await twoCustomers()
    const thousands = writeText('千元.csv', '客户编号,月份,收入（千元）\n5710000001,2026-09,12.5\n')
    const result = await preview('revenue', thousands)
    expect(result.sample.map((row) => row.values['revenueFen'])).toEqual([1_250_000])
    const dollars = writeText('美元.csv', '客户编号,月份,收入（美元）\n5710000001,2026-09,12.5\n')
    expect(reasonsOf(await preview('revenue', dollars))).toEqual({ 2: ['revenueFen:import_unknown_unit'] })
  })
})

describe('the mapping, the rejected rows and the commit', () => {
  it('takes the operator’s mapping and remembers it for the next file of the same layout', async () => {
    const path = writeText('odd.csv', '甲,乙,丙\nX1,某集团,备注一\nX2,另一集团,\n')
    const first = await preview('customers', path)
    expect(first.columns.map((column) => column.field)).toEqual([null, null, null])
    expect(reasonsOf(first)[2]).toEqual(['code:import_column_missing', 'name:import_column_missing'])
    const remapped = await call(host, 'import.remap', {
      token: first.token,
      mapping: ['code', 'name', 'notes'],
    })
    expect(remapped.counts).toMatchObject({ imported: 2, rejected: 0 })
    const twice = await refusal(host, 'import.remap', { token: first.token, mapping: ['code', 'code', null] })
    expect(twice.fields).toEqual([
      { path: 'mapping.1', message: 'import_mapped_twice', params: { column: 1 } },
    ])
    const unknown = await refusal(host, 'import.remap', { token: first.token, mapping: ['code', 'nonsense'] })
    expect(unknown.fields?.[0]).toMatchObject({ path: 'mapping.1', message: 'import_unknown_field' })
    await call(host, 'import.remap', { token: first.token, mapping: ['code', 'name', 'notes'] })
    await call(host, 'import.commit', { token: first.token })
    const next = await preview('customers', writeText('odd2.csv', '甲 , 乙,丙\nX3,第三集团,\n'))
    expect(next.mappingRemembered).toBe(true)
    expect(next.columns.map((column) => column.field)).toEqual(['code', 'name', 'notes'])
    expect(next.counts.imported).toBe(1)
  })

  it('keeps a formula-like text in the rejected rows as text, and imports it back as written', async () => {
    const payload = "-2+3+cmd|' /C calc'!A0"
    const result = await preview(
      'customers',
      writeText('inject.csv', `集团编号,集团名称,员工数\n,${payload},-5\n`),
    )
    ports.save = join(dir, 'inject-rejected.csv')
    await call(host, 'import.saveRejected', { token: result.token })
    const [, row] = readFileSync(ports.save, 'utf8').slice(1).trim().split('\r\n')
    // The text gets its apostrophe; a plain number stays a number.
    expect(
      row!.startsWith(`,"'${payload.replace(/"/g, '""')}",-5,`) || row!.startsWith(`,'${payload},-5,`),
    ).toBe(true)
  })

  it('saves the rejected rows with their reasons as a CSV to fix and import again', async () => {
    const path = writeText(
      'bad.csv',
      '集团编号,集团名称,员工数,行业\nB1,好客户,10,金融\nB2,,abc,航天\nB3,坏行业,5,航天\n',
    )
    const result = await preview('customers', path)
    await call(host, 'import.commit', { token: result.token })
    ports.save = join(dir, 'rejected.csv')
    const saved = await call(host, 'import.saveRejected', { token: result.token })
    expect(saved?.fileName).toBe('rejected.csv')
    const bytes = readFileSync(ports.save)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n')
    expect(lines).toEqual([
      '集团编号,集团名称,员工数,行业,错误原因',
      'B2,,abc,航天,员工数：请输入数字；行业：没有名为“航天”的行业：请改用“设置”中已有的行业名称或代码；集团名称：必填',
      'B3,坏行业,5,航天,行业：没有名为“航天”的行业：请改用“设置”中已有的行业名称或代码',
    ])
    // Fixed in the file and imported again: the reasons column is not a field and is left out.
    writeFileSync(
      ports.save,
      readFileSync(ports.save, 'utf8').replace(/航天/g, '教育').replace(',,abc', ',修好的,7'),
    )
    const again = await preview('customers', ports.save)
    expect(again.columns.at(-1)).toEqual({ index: 4, header: '错误原因', field: null })
    expect(again.counts).toMatchObject({ imported: 2, rejected: 0 })
    // A name typed without .csv, even the database's own, gets it: the database is never written over.
    const database = host.info().databaseFile
    const unchanged = readFileSync(database)
    ports.save = database
    const beside = await call(host, 'import.saveRejected', { token: again.token })
    expect(beside?.fileName).toBe('account-desk.sqlite.csv')
    expect(readFileSync(database).equals(unchanged)).toBe(true)
    expect((await customers()).map((customer) => customer.code)).toEqual(['B1'])
  })

  it('writes all the accepted rows or none: a failure on row 60 leaves nothing', async () => {
    const lines = ['集团编号,集团名称']
    for (let i = 1; i <= 100; i++) lines.push(`${i === 60 ? 'BOOM' : `A${i}`},客户${i}`)
    const result = await preview('customers', writeText('boom.csv', lines.join('\n')))
    expect(result.counts.imported).toBe(100)
    await sql`create trigger boom before insert on customer when new.code = 'BOOM'
      begin select raise(abort, 'refused by the test'); end`.execute(db())
    const before = await auditCount()
    const error = await refusal(host, 'import.commit', { token: result.token })
    expect(error.code).toBe('database')
    expect(await customers()).toEqual([])
    expect(await auditCount()).toBe(before)
    expect(await call(host, 'import.progress', { token: result.token })).toMatchObject({ phase: 'failed' })
  })

  it('cancels a commit under way: its transaction rolls back, nothing is written', async () => {
    const lines = ['集团编号,集团名称']
    for (let i = 1; i <= 5000; i++) lines.push(`C${i},客户${i}`)
    const result = await preview('customers', writeText('many.csv', lines.join('\n')))
    const before = await auditCount()
    const commit = host.importSessions.get(result.token)!
    const committing = refusal(host, 'import.commit', { token: result.token })
    let progress = await call(host, 'import.progress', { token: result.token })
    while (progress.phase !== 'writing' || progress.done <= 5000) {
      await new Promise((resolve) => setImmediate(resolve))
      progress = await call(host, 'import.progress', { token: result.token })
    }
    expect(progress.total).toBe(10_000)
    expect(commit.running).toBe(true)
    expect(await call(host, 'import.cancel', { token: result.token })).toBeNull()
    const error = await committing
    expect(error.code).toBe('import_cancelled')
    expect(await call(host, 'import.progress', { token: result.token })).toMatchObject({ phase: 'cancelled' })
    expect(await customers()).toEqual([])
    expect(await auditCount()).toBe(before)
    // The file can still be committed afterwards.
    const done = await call(host, 'import.commit', { token: result.token })
    expect(done.imported).toBe(5000)
  })
})

/** A zip by hand: entries deflated, their declared uncompressed size optionally a lie. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const packed = deflateRawSync(entry.data)
    const size = entry.declaredSize ?? entry.data.length
    const crc = crc32(entry.data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(packed.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(packed.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, packed)
    centrals.push(central, name)
    offset += local.length + name.length + packed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

describe('files that cannot be imported', () => {
  const problemOf = (error: ApiErrorData) => [error.code, error.fields?.[0]?.message]

  it('refuses a zip bomb before exceljs reads it: by ratio, and when an entry lies about its size', async () => {
    const huge = Buffer.alloc(20 * 1024 * 1024, 0x20)
    const bomb = join(dir, 'bomb.xlsx')
    writeFileSync(
      bomb,
      zip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/worksheets/sheet1.xml', data: huge },
      ]),
    )
    expect(problemOf(await importRefusal('customers', bomb))).toEqual(['file_unreadable', 'file_zip_bomb'])
    const liar = join(dir, 'liar.xlsx')
    writeFileSync(liar, zip([{ name: 'xl/worksheets/sheet1.xml', data: huge, declaredSize: 100_000 }]))
    expect(problemOf(await importRefusal('customers', liar))).toEqual(['file_unreadable', 'file_zip_bomb'])
  })

  it('refuses an .xlsx that is no zip, a .csv with binary bytes, an old .xls, and empty files', async () => {
    const notZip = writeText('fake.xlsx', '集团编号,集团名称\n1,a\n')
    const error = await importRefusal('customers', notZip)
    expect(problemOf(error)).toEqual(['file_unreadable', 'file_not_xlsx'])
    expect(error.params).toMatchObject({ fileName: 'fake.xlsx' })
    const binary = join(dir, 'binary.csv')
    writeFileSync(binary, Buffer.from([0x41, 0x2c, 0x42, 0x0a, 0x00, 0x01, 0x02, 0x0a]))
    expect(problemOf(await importRefusal('customers', binary))).toEqual(['file_unreadable', 'file_not_text'])
    const xls = join(dir, 'old.xls')
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))
    expect(problemOf(await importRefusal('customers', xls))).toEqual(['file_unreadable', 'file_xls'])
    expect(problemOf(await importRefusal('customers', writeText('empty.csv', '')))).toEqual([
      'file_unreadable',
      'file_empty',
    ])
    expect(problemOf(await importRefusal('customers', writeText('blank.csv', '\n , \n\n')))).toEqual([
      'file_unreadable',
      'file_empty',
    ])
    expect(problemOf(await importRefusal('customers', writeText('notes.docx', 'x')))).toEqual([
      'file_unreadable',
      'file_type',
    ])
  })

  it('refuses a file with more rows than the set limit', async () => {
    await writeSetting(host.authorize('write'), 'import_max_rows', 10)
    const rows = (count: number) => [
      ['集团编号', '集团名称'],
      ...Array.from({ length: count }, (_, i) => [`R${i}`, `客户${i}`]),
    ]
    const over = await importRefusal('customers', await writeXlsx('over.xlsx', [['标题'], ...rows(11)]))
    expect(problemOf(over)).toEqual(['file_unreadable', 'file_too_many_rows'])
    expect(over.fields?.[0]?.params).toMatchObject({ limit: 10 })
    const csv = rows(200)
      .map((row) => row.join(','))
      .join('\n')
    expect(problemOf(await importRefusal('customers', writeText('over.csv', csv)))).toEqual([
      'file_unreadable',
      'file_too_many_rows',
    ])
    const within = await preview('customers', await writeXlsx('within.xlsx', [['标题'], ...rows(10)]))
    expect(within.counts.imported).toBe(10)
  })

  it('says so when the file is gone, or vanishes or changes while it is read', async () => {
    expect(problemOf(await importRefusal('customers', join(dir, 'nowhere.csv')))).toEqual([
      'file_unreadable',
      'file_missing',
    ])
    const ctx = host.authorize('write')
    const lines = ['集团编号,集团名称', ...Array.from({ length: 2000 }, (_, i) => `V${i},客户${i}`)]
    const csv = writeText('vanishing.csv', lines.join('\n'))
    let deleted = false
    const vanished = await openImport(ctx, csv, 'customers', {
      onRows: () => {
        if (!deleted) unlinkSync(csv)
        deleted = true
      },
    }).catch((error: { toData(): ApiErrorData }) => error.toData())
    expect(deleted).toBe(true)
    expect(problemOf(vanished as ApiErrorData)).toEqual(['file_unreadable', 'file_missing'])
    const rows = [['集团编号', '集团名称'], ...Array.from({ length: 2000 }, (_, i) => [`W${i}`, `客户${i}`])]
    const xlsx = await writeXlsx('changing.xlsx', rows)
    let truncated = false
    const changed = await openImport(ctx, xlsx, 'customers', {
      onRows: () => {
        if (!truncated) truncateSync(xlsx, 1000)
        truncated = true
      },
    }).catch((error: { toData(): ApiErrorData }) => error.toData())
    expect(truncated).toBe(true)
    expect(problemOf(changed as ApiErrorData)).toEqual(['file_unreadable', 'file_changed'])
    expect(await customers()).toEqual([])
  })
})

describe('the command line', () => {
  function cli(args: string[]): { status: number; stdout: string; stderr: string } {
    try {
      const stdout = execFileSync('npx', ['tsx', 'electron/cli.ts', ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      return { status: 0, stdout, stderr: '' }
    } catch (error) {
      const failed = error as { status: number; stdout: string; stderr: string }
      return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr }
    }
  }

  it('imports through the same service and prints one JSON object; --dry-run writes nothing', async () => {
    const file = join(dir, 'cli.sqlite')
    await (await openDatabase(file)).close()
    const path = writeText(
      'cli.csv',
      '集团客户清单\n集团编号,集团名称,行业,员工数\nK1,临江一号,金融,10\nK2,临江二号,航天,abc\n\nK3,临江三号,education,\n',
    )
    const dry = cli(['import', 'customers', path, '--db', file, '--dry-run', '--json'])
    expect(dry.status).toBe(0)
    expect(JSON.parse(dry.stdout)).toEqual({
      read: 4,
      imported: 2,
      updated: 0,
      unchanged: 0,
      skippedBlank: 1,
      rejected: [
        {
          row: 4,
          reasons: [
            'employees: Enter a number',
            'industryId: No industry called "航天": use a name or code from Settings',
          ],
        },
      ],
    })
    const raw = new SqliteDatabase(file, { readonly: true })
    const count = () => (raw.prepare('select count(*) as n from customer').get() as { n: number }).n
    expect(count()).toBe(0)
    const written = JSON.parse(cli(['import', 'customers', path, '--db', file, '--json']).stdout) as {
      imported: number
    }
    expect(written.imported).toBe(2)
    expect(count()).toBe(2)
    const again = JSON.parse(cli(['import', 'customers', path, '--db', file, '--json']).stdout) as {
      unchanged: number
      imported: number
    }
    expect(again).toMatchObject({ imported: 0, unchanged: 2 })
    raw.close()
    const unreadable = cli(['import', 'customers', writeText('x.xlsx', 'not a zip'), '--db', file, '--json'])
    expect(unreadable.status).toBe(1)
    expect(unreadable.stdout).toBe('')
    expect(unreadable.stderr).toMatch(/x\.xlsx is not an Excel workbook/)
  }, 60_000)
})
