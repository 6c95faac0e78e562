/**
 * What the cells of an imported file mean, as branch offices write them: headers in Chinese or English
 * with stray spaces, full-width characters and units in brackets (`月收入（元）`); numbers stored as text,
 * with thousands separators, currency signs or full-width digits; Excel date serials and the common date
 * strings (`2026-09-01`, `2026/9/1`, `2026年9月1日`, `20260901`); months (`2026-09`, `2026年9月`).
 * Pure functions: no database, no files.
 */
import { isCalendarDate } from '../../api/schemas'
import type { Cell } from '../../files/tables/table'

/** Why a value was refused: an i18n key under `validation.` and its parameters. */
export interface ValueProblem {
  message: string
  params?: Record<string, string | number>
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: ValueProblem }

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const refuse = (message: string, params?: Record<string, string | number>): Parsed<never> => ({
  ok: false,
  problem: { message, ...(params && { params }) },
})

/** Full-width letters, digits and brackets to their ASCII forms (NFKC), as a PC's input method mixes them. */
export function halfWidth(text: string): string {
  return text.normalize('NFKC')
}

/** A header as written, reduced to what recognising it needs, with the unit its brackets give. */
export function normalizeHeader(text: string): { key: string; unit: string | null } {
  let key = halfWidth(text).trim().toLowerCase()
  key = key.replace(/[*:：]+$/, '').replace(/^[*]+/, '')
  let unit: string | null = null
  const bracket = /[([【〔{]([^()[\]【】〔〕{}]*)[)\]】〕}]\s*$/.exec(key)
  if (bracket) {
    unit = bracket[1]!.replace(/\s+/g, '') || null
    key = key.slice(0, bracket.index)
  }
  key = key.replace(/[\s_\-./·]+/g, '')
  return { key, unit }
}

/** A value for matching against a list (codes, names, choices): half-width, trimmed, lower case. */
export function normalizeChoice(text: string): string {
  return halfWidth(text).trim().replace(/\s+/g, ' ').toLowerCase()
}

/** A formula or error cell's problem, or null for a cell with a value. */
export function cellProblem(cell: Cell): ValueProblem | null {
  if (cell === null || typeof cell !== 'object') return null
  return cell.issue === 'formula_without_value'
    ? { message: 'import_formula_without_value', params: { formula: cell.text.slice(0, 100) } }
    : { message: 'import_cell_error', params: { error: cell.text.slice(0, 20) } }
}

/** A number as text the way a person reads it: no float noise (0.30000000000000004 → 0.3). */
function numberText(value: number): string {
  if (Number.isInteger(value)) return Number.isSafeInteger(value) ? String(value) : value.toFixed(0)
  return String(Number(value.toPrecision(15)))
}

/**
 * A cell as text: trimmed, null when blank. A number reads as its digits (a code or a phone saved as a
 * number). A leading apostrophe that protected a formula-looking text in a CSV is dropped.
 */
export function cellText(cell: Cell): string | null {
  if (cell === null || typeof cell === 'object') return null
  if (typeof cell === 'number') return numberText(cell)
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  const trimmed = cell.trim()
  if (trimmed === '') return null
  return /^'[=+\-@\t\r]/.test(trimmed) ? trimmed.slice(1) : trimmed
}

/** A number written as text: `1,234.50`, `¥1234`, `１２３４`, `1234元`, `1.2E+05`, as an exact decimal. */
interface Decimal {
  negative: boolean
  /** The digits without the point. */
  digits: bigint
  /** Power of ten the digits are scaled by. */
  exponent: number
}

const NUMBER_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i

function parseDecimal(text: string): Decimal | null {
  const cleaned = halfWidth(text)
    .trim()
    .toLowerCase()
    .replace(/^(¥|rmb|cny)\s*/, '')
    .replace(/\s*(元|rmb|cny|yuan)$/, '')
    .replace(/[\s,']/g, '')
  const match = NUMBER_PATTERN.exec(cleaned)
  if (!match) return null
  const [, sign, whole = '', fraction = '', exponent = '0'] = match
  if (whole === '' && fraction === '') return null
  return {
    negative: sign === '-',
    digits: BigInt(`${whole}${fraction}` || '0'),
    exponent: Number(exponent) - fraction.length,
  }
}

/** The decimal times 10^shift as an integer, or null when that leaves a fraction. */
function scaledInteger(decimal: Decimal, shift: number): number | null {
  const exponent = decimal.exponent + shift
  let value: bigint
  if (exponent >= 0) value = decimal.digits * 10n ** BigInt(Math.min(exponent, 400))
  else {
    const divisor = 10n ** BigInt(-exponent)
    if (decimal.digits % divisor !== 0n) return null
    value = decimal.digits / divisor
  }
  const number = Number(value)
  return decimal.negative ? -number : number
}

/**
 * A count or other plain number: a number cell as it is, text parsed. The schemas then say what is wrong
 * with it (not whole, negative, too large), exactly as the forms do.
 */
export function parseNumber(cell: Cell): Parsed<number | null> {
  const problem = cellProblem(cell)
  if (problem) return { ok: false, problem }
  if (typeof cell === 'number') return ok(cell)
  const text = cellText(cell)
  if (text === null) return ok(null)
  const decimal = parseDecimal(text)
  if (!decimal) return refuse('not_a_number', { value: text.slice(0, 40) })
  const value = Number(`${decimal.negative ? '-' : ''}${decimal.digits}e${decimal.exponent}`)
  return ok(value)
}

/**
 * How many yuan one unit of a money column is: `（元）` 1, `（千元）` 1,000, `（万元）` 10,000, `（分）` 0.01;
 * null for a unit it does not know.
 */
export function moneyScale(unit: string | null): number | null {
  if (unit === null) return 1
  const plain = unit.toLowerCase().replace(/[/／每月年]+$/g, '')
  if (/^(元|yuan|rmb|cny|¥|人民币|人民币元)$/.test(plain)) return 1
  if (/^(千|千元)$/.test(plain)) return 1_000
  if (/^(万|万元|10k|万元人民币)$/.test(plain)) return 10_000
  if (/^(分|fen)$/.test(plain)) return 0.01
  return null
}

/**
 * An amount of money in yuan (or the column's unit) as integer fen, read as an exact decimal: a number
 * cell as the digits Excel shows (15 significant, so no float noise), text as written.
 */
export function parseFen(cell: Cell, scaleYuan = 1): Parsed<number | null> {
  const problem = cellProblem(cell)
  if (problem) return { ok: false, problem }
  const text = cellText(cell)
  if (text === null) return ok(null)
  let wan = false
  const withoutWan = halfWidth(text).replace(/\s*万(元)?\s*$/, () => {
    wan = true
    return ''
  })
  const decimal = parseDecimal(withoutWan)
  if (!decimal) return refuse('not_a_number', { value: text.slice(0, 40) })
  const shift = Math.round(Math.log10(scaleYuan * (wan ? 10_000 : 1))) + 2
  const fen = scaledInteger(decimal, shift)
  if (fen === null) return refuse('import_money_decimals')
  return ok(fen === 0 ? 0 : fen)
}

// ——— Dates ———

const MS_PER_DAY = 86_400_000
/** The last serial Excel shows as a date (9999-12-31). */
const MAX_SERIAL = 2_958_465

/** An Excel date serial as YYYY-MM-DD (1900 system, or 1904 for old Mac workbooks); the time of day dropped. */
export function serialToDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > MAX_SERIAL) return null
  const days = Math.floor(serial) + (date1904 ? 1462 : 0)
  // Excel counts 1900-02-29, a day that never was: serials from 61 on are one day ahead of the calendar.
  if (days === 60) return null
  const base = days > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31)
  return new Date(base + days * MS_PER_DAY).toISOString().slice(0, 10)
}

function isoDate(year: string, month: string, day: string): string | null {
  const text = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  return isCalendarDate(text) ? text : null
}

const DATE_PATTERNS = [
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
]

/** A date as a number: a serial, or 20260901 typed as a number. */
function dateFromNumber(value: number, date1904: boolean): string | null {
  if (Number.isInteger(value) && value >= 19_000_101 && value <= 21_001_231) {
    const text = String(value)
    return isoDate(text.slice(0, 4), text.slice(4, 6), text.slice(6, 8))
  }
  return serialToDate(value, date1904)
}

export function parseDate(cell: Cell, date1904 = false): Parsed<string | null> {
  const problem = cellProblem(cell)
  if (problem) return { ok: false, problem }
  if (typeof cell === 'number') {
    const date = dateFromNumber(cell, date1904)
    return date ? ok(date) : refuse('import_invalid_date', { value: String(cell) })
  }
  const raw = cellText(cell)
  if (raw === null) return ok(null)
  // A time after the date (2026-09-01 00:00:00, 2026/9/1 8:30) is dropped.
  const text = halfWidth(raw).replace(
    /(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?$/i,
    '',
  )
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.exec(text.trim())
    if (match) {
      const date = isoDate(match[1]!, match[2]!, match[3]!)
      return date ? ok(date) : refuse('import_invalid_date', { value: raw.slice(0, 40) })
    }
  }
  if (/^\d+(\.\d+)?$/.test(text.trim())) {
    const date = dateFromNumber(Number(text), date1904)
    if (date) return ok(date)
  }
  return refuse('import_invalid_date', { value: raw.slice(0, 40) })
}

const MONTH_PATTERNS = [/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月份?)?$/, /^(\d{4})(\d{2})$/]

function isoMonth(year: string, month: string): string | null {
  const number = Number(month)
  return number >= 1 && number <= 12 ? `${year}-${String(number).padStart(2, '0')}` : null
}

/** A month: 2026-09, 2026/9, 2026年9月, 202609, or a date in the month (an Excel date cell, 2026-09-01). */
export function parseMonth(cell: Cell, date1904 = false): Parsed<string | null> {
  const problem = cellProblem(cell)
  if (problem) return { ok: false, problem }
  const raw = cellText(cell)
  if (raw === null) return ok(null)
  const text = halfWidth(raw).trim()
  // Excel keeps 2026.10 typed in a cell as the number 2026.1 (and saves it so in a CSV): October or January?
  if (/^\d{4}\.1$/.test(text)) return refuse('import_ambiguous_month', { value: raw })
  const number = typeof cell === 'number' ? cell : /^\d+$/.test(text) ? Number(text) : null
  if (number !== null && Number.isInteger(number) && number >= 190_001 && number <= 210_012) {
    const month = isoMonth(String(number).slice(0, 4), String(number).slice(4))
    return month ? ok(month) : refuse('import_invalid_month', { value: raw.slice(0, 40) })
  }
  for (const pattern of MONTH_PATTERNS) {
    const match = pattern.exec(text)
    if (match) {
      const month = isoMonth(match[1]!, match[2]!)
      return month ? ok(month) : refuse('import_invalid_month', { value: raw.slice(0, 40) })
    }
  }
  const date = parseDate(cell, date1904)
  if (date.ok && date.value) return ok(date.value.slice(0, 7))
  return refuse('import_invalid_month', { value: raw.slice(0, 40) })
}

// ——— Choices ———

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '✔', '对'])
const NO = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×', '✗', '-', '不是'])

export function parseBoolean(cell: Cell): Parsed<boolean | null> {
  const problem = cellProblem(cell)
  if (problem) return { ok: false, problem }
  if (typeof cell === 'boolean') return ok(cell)
  const text = cellText(cell)
  if (text === null) return ok(null)
  const value = normalizeChoice(text)
  if (YES.has(value)) return ok(true)
  if (NO.has(value)) return ok(false)
  return refuse('import_not_yes_no', { value: text.slice(0, 40) })
}

/** A choice from a fixed list, by any of its names (`choices`: normalised name → value). */
export function parseChoice<T extends string>(cell: Cell, choices: Map<string, T>): Parsed<T | null> {
  const problem = cellProblem(cell)
  if (problem) return { ok: false, problem }
  const text = cellText(cell)
  if (text === null) return ok(null)
  const value = choices.get(normalizeChoice(text))
  return value ? ok(value) : refuse('import_unknown_value', { value: text.slice(0, 40) })
}
