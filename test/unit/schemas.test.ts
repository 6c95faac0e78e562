import { describe, expect, it } from 'vitest'
import {
  customerFieldsSchema,
  customerListSchema,
  CUSTOMER_SORT_COLUMNS,
  isCalendarDate,
  LIMITS,
  PHONE_PATTERN,
} from '../../electron/api/schemas'
import { sampleCustomer } from '../fixtures/customers'

describe('PHONE_PATTERN', () => {
  it.each([
    ['mobile', '13800138000'],
    ['mobile, 19x range', '19912345678'],
    ['+86 mobile', '+8613800138000'],
    ['+86 mobile with a space', '+86 13800138000'],
    ['86 mobile with a dash', '86-13800138000'],
    ['landline with area code and dash', '0571-88886666'],
    ['landline with area code, no dash', '057188886666'],
    ['landline with a 3-digit area code and 8 digits', '010-12345678'],
    ['landline with a 7-digit number', '0571-8888666'],
    ['landline with extension', '0571-88886666-123'],
    ['landline written with a space', '0571 88886666'],
    ['mobile in groups of 3-4-4', '138 0013 8000'],
    ['mobile with dashes', '138-0013-8000'],
    ['landline with the area code in brackets', '(0571)88886666'],
    ['+86 landline', '+86 0571-88886666'],
    ['400 number with dashes', '400-820-8820'],
    ['400 number without dashes', '4008208820'],
    ['800 number', '800-820-8820'],
  ])('accepts %s: %s', (_label, phone) => {
    expect(PHONE_PATTERN.test(phone)).toBe(true)
  })

  it.each([
    ['too short', '12345'],
    ['ten digits, no leading 0 or 1', '2345678901'],
    ['mobile with a 12 second digit', '12800138000'],
    ['mobile one digit short', '1380013800'],
    ['mobile one digit long', '138001380001'],
    ['letters', 'abcdefghijk'],
    ['a letter inside', '1380013800a'],
    ['landline without its leading 0', '571-88886666'],
    ['landline number too short', '0571-888866'],
    ['extension too long', '0571-88886666-1234567'],
    ['400 number too short', '400-820-882'],
    ['another country code', '+1 13800138000'],
    ['empty', ''],
    ['text around a valid number', 'tel 13800138000'],
    ['a valid number with a trailing newline', '13800138000\n'],
  ])('refuses %s: %j', (_label, phone) => {
    expect(PHONE_PATTERN.test(phone)).toBe(false)
  })
})

describe('isCalendarDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2026-01-01', '2026-12-31', '1962-07-15'])('accepts %s', (date) => {
    expect(isCalendarDate(date)).toBe(true)
  })

  it.each([
    ['2025-02-29', 'not a leap year'],
    ['1900-02-29', 'a century that is not a leap year'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-01-00', 'day 0'],
    ['2026-1-1', 'unpadded'],
    ['26-01-01', 'two-digit year'],
    ['2026/01/01', 'slashes'],
    ['2026-01-01T00:00', 'a time'],
    [' 2026-01-01', 'a leading space'],
    ['', 'empty'],
    ['yesterday', 'words'],
  ])('refuses %s (%s)', (date) => {
    expect(isCalendarDate(date)).toBe(false)
  })
})

const validFields = sampleCustomer

/** The messages of a refused input, by field path. */
function messages(result: {
  success: boolean
  error?: { issues: { path: PropertyKey[]; message: string }[] }
}) {
  expect(result.success).toBe(false)
  return Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]))
}

describe('customerFieldsSchema', () => {
  it('accepts a complete customer as it is', () => {
    expect(customerFieldsSchema.parse(validFields)).toEqual(validFields)
  })

  it.each(['', '   ', '\t\n', null, undefined])('turns blank optional text %j into null', (blank) => {
    const parsed = customerFieldsSchema.parse({ ...validFields, address: blank, leader: blank, notes: blank })
    expect(parsed).toMatchObject({ address: null, leader: null, notes: null })
  })

  it('lets optional fields be left out entirely', () => {
    const { address: _a, leader: _l, employees: _e, industryId: _i, ...rest } = validFields
    expect(customerFieldsSchema.parse(rest)).toMatchObject({
      address: null,
      leader: null,
      employees: null,
      industryId: null,
    })
  })

  it('turns a blank count or reference into null', () => {
    const parsed = customerFieldsSchema.parse({ ...validFields, employees: '', branchId: ' ' })
    expect(parsed).toMatchObject({ employees: null, branchId: null })
  })

  it('trims required and optional text', () => {
    const parsed = customerFieldsSchema.parse({
      ...validFields,
      code: '  5719990001 ',
      name: '  临江市测试集团有限公司\t',
      leader: ' 王伟 ',
    })
    expect(parsed).toMatchObject({ code: '5719990001', name: '临江市测试集团有限公司', leader: '王伟' })
  })

  it.each(['', '   '])('refuses a blank required name %j with "required"', (name) => {
    expect(messages(customerFieldsSchema.safeParse({ ...validFields, name }))).toEqual({ name: 'required' })
  })

  it('refuses a negative count with "not_negative"', () => {
    expect(messages(customerFieldsSchema.safeParse({ ...validFields, employees: -1 }))).toEqual({
      employees: 'not_negative',
    })
    expect(messages(customerFieldsSchema.safeParse({ ...validFields, monthlyRevenueFen: -100 }))).toEqual({
      monthlyRevenueFen: 'not_negative',
    })
  })

  it('accepts zero, and refuses fractions and figures above the limit', () => {
    expect(customerFieldsSchema.parse({ ...validFields, employees: 0 }).employees).toBe(0)
    expect(messages(customerFieldsSchema.safeParse({ ...validFields, employees: 1.5 }))).toEqual({
      employees: 'not_integer',
    })
    expect(
      messages(customerFieldsSchema.safeParse({ ...validFields, employees: LIMITS.maxCount + 1 })),
    ).toEqual({ employees: 'too_large' })
  })

  it('takes a name of exactly the limit and refuses one character more with "too_long"', () => {
    const atLimit = '临'.repeat(LIMITS.name)
    expect(customerFieldsSchema.parse({ ...validFields, name: atLimit }).name).toBe(atLimit)
    expect(messages(customerFieldsSchema.safeParse({ ...validFields, name: `${atLimit}江` }))).toEqual({
      name: 'too_long',
    })
  })

  it('refuses an over-long optional text with "too_long"', () => {
    expect(
      messages(customerFieldsSchema.safeParse({ ...validFields, address: 'x'.repeat(LIMITS.address + 1) })),
    ).toEqual({ address: 'too_long' })
  })

  it('refuses an unknown status, a malformed code and a reference that is not an id', () => {
    expect(
      messages(
        customerFieldsSchema.safeParse({
          ...validFields,
          status: 'gone',
          code: '-571',
          tierId: 'tier-a',
        }),
      ),
    ).toEqual({ status: 'invalid_choice', code: 'invalid_code', tierId: 'invalid_choice' })
  })
})

describe('customerListSchema', () => {
  it('fills in the defaults of a bare page request', () => {
    expect(customerListSchema.parse({ startRow: 0, endRow: 100 })).toEqual({
      startRow: 0,
      endRow: 100,
      sort: [],
      textFilters: {},
      numberFilters: {},
      quickSearch: '',
      tierIds: [],
      branchIds: [],
      industryIds: [],
      accountManagerIds: [],
      statuses: [],
      deleted: 'exclude',
    })
  })

  it('accepts a page of exactly 1000 rows and refuses 1001 with "page_size"', () => {
    expect(customerListSchema.safeParse({ startRow: 500, endRow: 1500 }).success).toBe(true)
    expect(messages(customerListSchema.safeParse({ startRow: 500, endRow: 1501 }))).toEqual({
      endRow: 'page_size',
    })
  })

  it.each([
    [100, 100],
    [100, 50],
  ])('refuses an empty or backwards page %i..%i', (startRow, endRow) => {
    expect(messages(customerListSchema.safeParse({ startRow, endRow }))).toEqual({ endRow: 'page_size' })
  })

  it('refuses a negative or fractional start', () => {
    expect(customerListSchema.safeParse({ startRow: -1, endRow: 10 }).success).toBe(false)
    expect(customerListSchema.safeParse({ startRow: 0.5, endRow: 10 }).success).toBe(false)
  })

  it.each(CUSTOMER_SORT_COLUMNS)('accepts sorting by %s', (colId) => {
    expect(
      customerListSchema.safeParse({ startRow: 0, endRow: 10, sort: [{ colId, sort: 'desc' }] }).success,
    ).toBe(true)
  })

  it.each(['keyContact', 'searchText', 'passwordHash', 'id; drop table customer', 'c.name', ''])(
    'refuses sorting by the unknown column %j',
    (colId) => {
      const result = customerListSchema.safeParse({ startRow: 0, endRow: 10, sort: [{ colId, sort: 'asc' }] })
      expect(messages(result)).toHaveProperty('sort.0.colId')
    },
  )

  it('refuses a sort direction other than asc/desc', () => {
    const result = customerListSchema.safeParse({
      startRow: 0,
      endRow: 10,
      sort: [{ colId: 'name', sort: 'up' }],
    })
    expect(messages(result)).toHaveProperty('sort.0.sort')
  })

  it('refuses filters on columns it does not know', () => {
    const text = { filterType: 'text', type: 'contains', filter: 'x' }
    expect(
      customerListSchema.safeParse({ startRow: 0, endRow: 10, textFilters: { searchText: text } }).success,
    ).toBe(false)
    const number = { filterType: 'number', type: 'greaterThan', filter: 1 }
    expect(
      customerListSchema.safeParse({ startRow: 0, endRow: 10, numberFilters: { version: number } }).success,
    ).toBe(false)
  })

  it('trims the quick search', () => {
    expect(customerListSchema.parse({ startRow: 0, endRow: 10, quickSearch: '  临江 ' }).quickSearch).toBe(
      '临江',
    )
  })
})

describe('grid filter models', () => {
  const page = { startRow: 0, endRow: 100 }
  const number = (condition: object) =>
    customerListSchema.safeParse({
      ...page,
      numberFilters: { employees: { filterType: 'number', ...condition } },
    }).success
  const text = (condition: object) =>
    customerListSchema.safeParse({ ...page, textFilters: { name: { filterType: 'text', ...condition } } })
      .success

  it('refuses a comparison without its value rather than comparing with nothing', () => {
    expect(number({ type: 'greaterThan' })).toBe(false)
    expect(number({ type: 'greaterThan', filter: null })).toBe(false)
    expect(number({ type: 'inRange', filter: 1 })).toBe(false)
    expect(text({ type: 'contains', filter: '' })).toBe(false)
  })

  it('accepts complete conditions, and blank / not blank with no value', () => {
    expect(number({ type: 'greaterThan', filter: 0 })).toBe(true)
    expect(number({ type: 'inRange', filter: 1, filterTo: 9 })).toBe(true)
    expect(number({ type: 'blank' })).toBe(true)
    expect(text({ type: 'notBlank' })).toBe(true)
    expect(text({ type: 'contains', filter: '银行' })).toBe(true)
  })
})
