import { describe, expect, it } from 'vitest'
import { guessMapping, recogniseHeader } from '../../electron/services/transfer/importFields'
import {
  cellText,
  moneyScale,
  normalizeHeader,
  parseBoolean,
  parseDate,
  parseFen,
  parseMonth,
  parseNumber,
  serialToDate,
} from '../../electron/services/transfer/importValues'
import { guessDelimiter } from '../../electron/files/tables/csv'
import { toCell } from '../../electron/files/tables/xlsx'

const value = <T>(parsed: { ok: true; value: T } | { ok: false }) => (parsed.ok ? parsed.value : 'refused')
const problem = (parsed: { ok: true } | { ok: false; problem: { message: string } }) =>
  parsed.ok ? null : parsed.problem.message

describe('headers', () => {
  it('reduces a header to its words and its unit', () => {
    expect(normalizeHeader(' 月收入（元） ')).toEqual({ key: '月收入', unit: '元' })
    expect(normalizeHeader('月收入 (万元)')).toEqual({ key: '月收入', unit: '万元' })
    expect(normalizeHeader('集团 编号*')).toEqual({ key: '集团编号', unit: null })
    expect(normalizeHeader('Ａｃｃｏｕｎｔ　Ｍａｎａｇｅｒ：')).toEqual({ key: 'accountmanager', unit: null })
    expect(normalizeHeader('Monthly_Revenue [yuan]')).toEqual({ key: 'monthlyrevenue', unit: 'yuan' })
  })

  it('recognises the customer headers in Chinese and English, with stray spaces and full-width letters', () => {
    const cases: [string, string][] = [
      ['集团编号', 'code'],
      ['客户编号', 'code'],
      ['CODE', 'code'],
      ['集团名称', 'name'],
      [' 客户名称 ', 'name'],
      ['name', 'name'],
      ['行业', 'industryId'],
      ['Industry', 'industryId'],
      ['所属区县', 'branchId'],
      ['区县', 'branchId'],
      ['branch', 'branchId'],
      ['客户等级', 'tierId'],
      ['价值等级', 'tierId'],
      ['tier', 'tierId'],
      ['客户经理', 'accountManagerId'],
      ['Account Manager', 'accountManagerId'],
      ['员工数', 'employees'],
      ['员工人数（人）', 'employees'],
      ['employees', 'employees'],
      ['月收入（元）', 'monthlyRevenueFen'],
      ['monthly revenue', 'monthlyRevenueFen'],
    ]
    for (const [header, field] of cases) expect(recogniseHeader('customers', header), header).toBe(field)
    expect(recogniseHeader('customers', '集团客户信息表')).toBeNull()
  })

  it('recognises the headers of contacts, circuits and revenue', () => {
    expect(recogniseHeader('contacts', '集团编号')).toBe('customerCode')
    expect(recogniseHeader('contacts', '姓名')).toBe('name')
    expect(recogniseHeader('contacts', '手机号码')).toBe('phone')
    expect(recogniseHeader('contacts', '出生日期')).toBe('birthday')
    expect(recogniseHeader('contacts', '类别')).toBe('contactClass')
    expect(recogniseHeader('circuits', '电路专线号')).toBe('number')
    expect(recogniseHeader('circuits', 'A端地址')).toBe('aEnd')
    expect(recogniseHeader('circuits', 'Ｚ端')).toBe('zEnd')
    expect(recogniseHeader('circuits', '月租费（元）')).toBe('monthlyFeeFen')
    expect(recogniseHeader('circuits', '开通日期')).toBe('openedOn')
    expect(recogniseHeader('revenue', '月份')).toBe('month')
    expect(recogniseHeader('revenue', '月收入（元）')).toBe('revenueFen')
  })

  it('maps each field once, the first column naming it taking it', () => {
    expect(guessMapping('customers', ['编号', '名称', '备注', '客户编号', ''])).toEqual([
      'code',
      'name',
      'notes',
      null,
      null,
    ])
  })

  it('reads a money column’s unit', () => {
    expect(moneyScale(null)).toBe(1)
    expect(moneyScale('元')).toBe(1)
    expect(moneyScale('元/月')).toBe(1)
    expect(moneyScale('千元')).toBe(1_000)
    expect(moneyScale('万元')).toBe(10_000)
    expect(moneyScale('分')).toBe(0.01)
    expect(moneyScale('次')).toBeNull()
  })
})

describe('values', () => {
  it('reads numbers stored as text, full-width digits and separators', () => {
    expect(value(parseNumber('１２０'))).toBe(120)
    expect(value(parseNumber(' 1,200 '))).toBe(1200)
    expect(value(parseNumber('1.2E+03'))).toBe(1200)
    expect(value(parseNumber(120))).toBe(120)
    expect(value(parseNumber(''))).toBeNull()
    expect(value(parseNumber(1.5))).toBe(1.5)
    expect(problem(parseNumber('一百'))).toBe('not_a_number')
  })

  it('turns yuan into fen exactly, refusing fractions of a fen', () => {
    expect(value(parseFen('1,234.50'))).toBe(123_450)
    expect(value(parseFen('￥８８'))).toBe(8800)
    expect(value(parseFen('12000元'))).toBe(1_200_000)
    expect(value(parseFen('1.2万'))).toBe(1_200_000)
    expect(value(parseFen('3', 10_000))).toBe(3_000_000)
    expect(value(parseFen('150', 0.01))).toBe(150)
    expect(value(parseFen(0.29))).toBe(29)
    expect(value(parseFen(1234.5))).toBe(123_450)
    expect(problem(parseFen('1.005'))).toBe('import_money_decimals')
    expect(problem(parseFen(1.005))).toBe('import_money_decimals')
    // A number cell is held to the fen as text is, however large the amount; float noise is no fraction.
    expect(problem(parseFen(12_345.675))).toBe('import_money_decimals')
    expect(problem(parseFen(1.2345678, 10_000))).toBe('import_money_decimals')
    expect(value(parseFen(0.1 + 0.2))).toBe(30)
    expect(value(parseFen(1.2345, 10_000))).toBe(1_234_500)
    expect(problem(parseFen('abc'))).toBe('not_a_number')
    expect(value(parseFen('-5'))).toBe(-500)
  })

  it('reads Excel date serials, both date systems', () => {
    expect(serialToDate(46_266)).toBe('2026-09-01')
    expect(serialToDate(46_266.75)).toBe('2026-09-01')
    expect(serialToDate(1)).toBe('1900-01-01')
    expect(serialToDate(61)).toBe('1900-03-01')
    expect(serialToDate(60)).toBeNull()
    expect(serialToDate(44_804, true)).toBe('2026-09-01')
    expect(serialToDate(0)).toBeNull()
  })

  it('reads the common date strings, and refuses the rest', () => {
    for (const text of [
      '2026-09-01',
      '2026/9/1',
      '2026年9月1日',
      '２０２６年９月１日',
      '2026.9.1',
      '20260901',
      '2026-09-01 00:00:00',
      '2026/9/1 8:30',
    ])
      expect(value(parseDate(text)), text).toBe('2026-09-01')
    expect(value(parseDate(46_266))).toBe('2026-09-01')
    expect(value(parseDate('46266'))).toBe('2026-09-01')
    expect(value(parseDate(20_260_901))).toBe('2026-09-01')
    expect(problem(parseDate('2026-02-30'))).toBe('import_invalid_date')
    expect(problem(parseDate('9/1/2026'))).toBe('import_invalid_date')
    expect(problem(parseDate('明天'))).toBe('import_invalid_date')
  })

  it('reads months as written or from a date', () => {
    for (const cell of [
      '2026-09',
      '2026/9',
      '2026年9月',
      '2026年09月份',
      '202609',
      202_609,
      '2026-09-15',
      46_266,
    ])
      expect(value(parseMonth(cell)), String(cell)).toBe('2026-09')
    expect(problem(parseMonth('2026-13'))).toBe('import_invalid_month')
    expect(problem(parseMonth('九月'))).toBe('import_invalid_month')
    // 2026.10 typed in Excel is the number 2026.1: never taken for January.
    expect(problem(parseMonth(2026.1))).toBe('import_ambiguous_month')
    expect(problem(parseMonth('2026.1'))).toBe('import_ambiguous_month')
    expect(value(parseMonth('2026.10'))).toBe('2026-10')
    expect(value(parseMonth(2026.01))).toBe('2026-01')
    expect(value(parseMonth(2026.09))).toBe('2026-09')
  })

  it('reads yes and no', () => {
    expect(value(parseBoolean('是'))).toBe(true)
    expect(value(parseBoolean('无'))).toBe(false)
    expect(value(parseBoolean(true))).toBe(true)
    expect(value(parseBoolean('Y'))).toBe(true)
    expect(problem(parseBoolean('也许'))).toBe('import_not_yes_no')
  })

  it('reads a number cell as its digits, and drops the apostrophe that kept a formula-like text as text', () => {
    expect(cellText(5_719_990_001)).toBe('5719990001')
    expect(cellText(0.1 + 0.2)).toBe('0.3')
    expect(cellText("'=A1")).toBe('=A1')
    expect(cellText("'138")).toBe("'138")
    expect(cellText('  ')).toBeNull()
  })

  it('refuses formula cells without a cached value and error cells', () => {
    expect(problem(parseNumber({ issue: 'formula_without_value', text: '=A1+1' }))).toBe(
      'import_formula_without_value',
    )
    expect(problem(parseDate({ issue: 'cell_error', text: '#N/A' }))).toBe('import_cell_error')
  })
})

describe('cells and CSV', () => {
  it('reads an exceljs cell value without evaluating formulas', () => {
    expect(toCell({ formula: 'A1*2', result: 10 })).toBe(10)
    expect(toCell({ formula: 'A1*2' })).toEqual({ issue: 'formula_without_value', text: '=A1*2' })
    expect(toCell({ sharedFormula: 'B2', result: 'x' })).toBe('x')
    expect(toCell({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({
      issue: 'cell_error',
      text: '#DIV/0!',
    })
    expect(toCell({ error: '#N/A' })).toEqual({ issue: 'cell_error', text: '#N/A' })
    expect(toCell({ richText: [{ text: '临江' }, { text: '集团' }] })).toBe('临江集团')
    expect(toCell({ text: 'link', hyperlink: 'https://example.cn' })).toBe('link')
    expect(toCell(new Date(Date.UTC(2026, 8, 1)))).toBe(46_266)
  })

  it('guesses the separator from the header and first lines', () => {
    expect(guessDelimiter('标题\na,b,c\n1,2,3')).toBe(',')
    expect(guessDelimiter('a\tb\tc\n1\t2,5\t3')).toBe('\t')
    expect(guessDelimiter('a;b;c\n1;2;3')).toBe(';')
  })
})
