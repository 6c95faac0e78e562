/**
 * Reads an official-holiday calendar file the operator imports, without touching the disk: the caller
 * hands over the file's name and bytes and gets back the calendar entries and what was wrong with the file.
 *
 * Accepted:
 * - Text in UTF-8 (with or without a BOM), or else GB18030/GBK as Excel writes it on a Chinese PC.
 * - iCalendar (`.ics`, or any file that starts with `BEGIN:VCALENDAR`), such as the chinese-days holiday
 *   feeds: each VEVENT's all-day (or timed) DTSTART, DTEND (exclusive) or DURATION, and SUMMARY.
 *   A multi-day event gives one entry per day. The kind comes from 班/补班/上班/work (a made-up working
 *   day) or 休/假/holiday/off/rest (a day off) in the summary, else the description, else Apple's
 *   X-APPLE-SPECIAL-DAY; an event that says neither is a day off. Recurrence rules are not expanded.
 * - CSV (`.csv` or `.txt`): columns date, kind, name and optionally the English name, under an optional
 *   header in Chinese or English (日期/date, 类型/kind/type, 名称/节日/name, 英文名称/name_en) in any
 *   order; without one the order is date, kind, name, name_en. Dates as 2026-10-01, 2026/10/1,
 *   2026年10月1日 or 20261001 (full-width digits too); kinds as 休/休息/放假/假/rest/holiday/off or
 *   班/上班/补班/调休上班/work/workday. Quoted fields (RFC 4180), blank lines and `#` comment lines.
 *
 * Names lose their kind markers ("元旦(休)" → "元旦"); the other language's name comes from the seven
 * official holidays' names, or is the same text when the holiday is not one of them.
 */
import { addDays, daysBetween, yearOf } from '../domain/calendar'
import type { CalendarEntry, CalendarEntryKind, IsoDate } from '../domain/calendar'

export interface CalendarFileProblem {
  /** 1-based line in the file; 0 when the problem is the file as a whole. */
  line: number
  reason: CalendarFileReason
  /** What the file says there: the line as written, or for an iCalendar event the day and its summary. */
  text: string
}

/**
 * bad_date: not a real calendar day (or an event that ends before it starts); bad_kind: neither a day off
 * nor a working day; conflict: a day already given with the other kind (the first one is kept);
 * no_events: nothing usable in the file; not_a_calendar: not a calendar file at all, or a header without a
 * date or kind column. duplicate_date is not produced here: a day repeated with the same kind is kept once.
 */
export type CalendarFileReason =
  'bad_date' | 'bad_kind' | 'duplicate_date' | 'no_events' | 'not_a_calendar' | 'conflict'

export interface ParsedCalendar {
  /** One entry per day, sorted by date. */
  entries: CalendarEntry[]
  /** The distinct years the entries fall in, ascending. */
  years: number[]
  problems: CalendarFileProblem[]
}

/** An entry with where it came from, for reporting a conflict. */
interface SourcedEntry extends CalendarEntry {
  line: number
  text: string
}

interface Reading {
  entries: SourcedEntry[]
  problems: CalendarFileProblem[]
}

type Names = Pick<CalendarEntry, 'nameZh' | 'nameEn'>

export function parseCalendarFile(fileName: string, bytes: Uint8Array): ParsedCalendar {
  const text = decode(bytes)
  const format = formatOf(fileName, text)
  if (!format) return { entries: [], years: [], problems: [wholeFile('not_a_calendar', firstLine(text))] }
  return collect(format === 'ics' ? readIcs(text) : readCsv(text))
}

// ——— Decoding and format ———

function decode(bytes: Uint8Array): string {
  return decodeText(bytes).text
}

/** Text as a Chinese PC writes it: UTF-8 (with or without a BOM), else GB18030/GBK; line ends made `\n`. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' } {
  let text: string
  let encoding: 'utf-8' | 'utf-8-bom' | 'gb18030'
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    encoding = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8-bom' : 'utf-8'
  } catch {
    text = new TextDecoder('gb18030').decode(bytes)
    encoding = 'gb18030'
  }
  return { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), encoding }
}

function formatOf(fileName: string, text: string): 'ics' | 'csv' | null {
  if (/^\s*BEGIN:VCALENDAR/i.test(text)) return 'ics'
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase()
  if (extension === 'ics') return /^BEGIN:VCALENDAR/im.test(text) ? 'ics' : null
  const isText = !text.includes('\0')
  return isText && (extension === 'csv' || extension === 'txt') ? 'csv' : null
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim()) ?? '').trim().slice(0, 100)
}

function wholeFile(reason: CalendarFileReason, text = ''): CalendarFileProblem {
  return { line: 0, reason, text }
}

/** Keeps the first entry for each day, reports a day given again with the other kind, and sorts. */
function collect(reading: Reading): ParsedCalendar {
  const byDate = new Map<IsoDate, SourcedEntry>()
  const problems = [...reading.problems]
  for (const entry of reading.entries) {
    const kept = byDate.get(entry.date)
    if (!kept) {
      byDate.set(entry.date, entry)
    } else if (kept.kind !== entry.kind) {
      problems.push({ line: entry.line, reason: 'conflict', text: entry.text })
    }
  }
  const entries = [...byDate.values()]
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .map(({ date, kind, nameZh, nameEn }) => ({ date, kind, nameZh, nameEn }))
  const unreadable = problems.some((problem) => problem.reason === 'not_a_calendar')
  if (entries.length === 0 && !unreadable) problems.push(wholeFile('no_events'))
  const years = [...new Set(entries.map((entry) => yearOf(entry.date)))]
  return { entries, years, problems: problems.sort((a, b) => a.line - b.line) }
}

// ——— Kinds and names ———

const WORK_MARK = /班|\bwork(?:ing|days?)?\b/i
const REST_MARK = /休|假|\b(?:holiday|off|rest)\b/i

/** What a summary or description says about the day, if anything. */
function kindIn(text: string): CalendarEntryKind | null {
  if (WORK_MARK.test(text)) return 'work'
  return REST_MARK.test(text) ? 'rest' : null
}

const MARKS =
  '调休上班|休息|补班|上班|调休|放假|假期|班|休|假|day off|holiday|workday|working day|work|rest|off'
const BRACKETED_MARK = new RegExp(`[(（\\[【]\\s*(?:${MARKS})\\s*[)）\\]】]`, 'gi')
const TRAILING_MARK = new RegExp(`(?:\\s+|\\s*[-–—:：·|]\\s*)(?:${MARKS})$`, 'i')
const TRAILING_CJK_MARK = /(?:调休上班|补班|上班|放假|休息|假期)$/
const TRAILING_SEPARATORS = /[\s\-–—:：·|]+$/

/** The holiday's name without the kind markers: "元旦(休)", "春节补班", "National Day - work". */
function cleanName(text: string): string {
  return text
    .trim()
    .replace(BRACKETED_MARK, '')
    .replace(TRAILING_MARK, '')
    .replace(TRAILING_CJK_MARK, '')
    .replace(TRAILING_SEPARATORS, '')
    .trim()
}

/** The seven official holidays: Chinese names, then English ones; the first of each is used. */
const HOLIDAYS: { zh: string[]; en: string[] }[] = [
  { zh: ['元旦'], en: ["New Year's Day", 'New Year'] },
  { zh: ['春节'], en: ['Spring Festival', 'Chinese New Year'] },
  { zh: ['清明节', '清明'], en: ['Tomb-sweeping Day', 'Qingming Festival'] },
  { zh: ['劳动节', '五一劳动节', '五一'], en: ['Labour Day', 'Labor Day'] },
  { zh: ['端午节', '端午'], en: ['Dragon Boat Festival'] },
  { zh: ['中秋节', '中秋'], en: ['Mid-autumn Festival'] },
  { zh: ['国庆节', '国庆'], en: ['National Day'] },
]

const foldEnglish = (text: string) => text.toLowerCase().replace(/’/g, "'")

/** The name in the other language when every part of it ("国庆节、中秋节") is an official holiday. */
function translate(
  name: string,
  separator: RegExp,
  join: string,
  lookup: (part: string) => string | undefined,
) {
  const parts = name.split(separator).map((part) => lookup(part.trim()))
  return parts.every(Boolean) ? parts.join(join) : null
}

function toEnglish(name: string): string | null {
  return translate(name, /[、，,]/, ', ', (part) => HOLIDAYS.find((day) => day.zh.includes(part))?.en[0])
}

function toChinese(name: string): string | null {
  const find = (part: string) =>
    HOLIDAYS.find((day) => day.en.some((en) => foldEnglish(en) === foldEnglish(part)))
  return translate(name, /,|&|\band\b/i, '、', (part) => find(part)?.zh[0])
}

const HAN = /\p{Script=Han}/u

function namesFrom(name: string, englishName = ''): Names {
  const zh = cleanName(name)
  const en = cleanName(englishName)
  if (en) return { nameZh: zh || toChinese(en) || en, nameEn: en }
  if (HAN.test(zh)) return { nameZh: zh, nameEn: toEnglish(zh) ?? zh }
  return { nameZh: toChinese(zh) ?? zh, nameEn: zh }
}

/** `YYYY-MM-DD` when the numbers make a real day between 1900 and 2100. */
function isoDate(year = '', month = '', day = ''): IsoDate | null {
  const [y, m, d] = [Number(year), Number(month), Number(day)]
  const date = new Date(Date.UTC(y, m - 1, d))
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  return real && y >= 1900 && y <= 2100 ? date.toISOString().slice(0, 10) : null
}

// ——— iCalendar ———

interface Property {
  line: number
  /** The whole (unfolded) line. */
  text: string
  name: string
  value: string
}

interface RawEvent {
  line: number
  properties: Map<string, Property>
}

/** Joins folded lines (a line starting with a space or tab continues the one before), keeping line numbers. */
function unfold(text: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = []
  text.split('\n').forEach((raw, index) => {
    const previous = lines.at(-1)
    if (previous && /^[ \t]/.test(raw)) previous.text += raw.slice(1)
    else lines.push({ line: index + 1, text: raw })
  })
  return lines
}

/** `NAME;PARAM=x:value`: the name and the value after the first colon outside quotes. */
function parseProperty(line: number, text: string): Property | null {
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '"') quoted = !quoted
    if (text[index] !== ':' || quoted) continue
    const name = text
      .slice(0, index)
      .replace(/;[\s\S]*$/, '')
      .trim()
      .toUpperCase()
    return { line, text, name, value: text.slice(index + 1).trim() }
  }
  return null
}

function readIcs(text: string): Reading {
  const reading: Reading = { entries: [], problems: [] }
  const open: string[] = []
  let event: RawEvent | null = null
  for (const { line, text: content } of unfold(text)) {
    const property = parseProperty(line, content)
    if (!property) continue
    if (property.name === 'BEGIN') {
      open.push(property.value.toUpperCase())
      if (open.at(-1) === 'VEVENT') event = { line, properties: new Map() }
    } else if (property.name === 'END') {
      if (open.pop() === 'VEVENT' && event) readEvent(event, reading)
      if (open.at(-1) !== 'VEVENT') event = null
    } else if (event && open.at(-1) === 'VEVENT' && !event.properties.has(property.name)) {
      event.properties.set(property.name, property)
    }
  }
  if (event) readEvent(event, reading)
  return reading
}

function readEvent(event: RawEvent, reading: Reading): void {
  const value = (name: string) => event.properties.get(name)?.value ?? ''
  if (value('STATUS').toUpperCase() === 'CANCELLED') return
  const start = event.properties.get('DTSTART')
  const line = start?.line ?? event.line
  const dates = eventDates(value('DTSTART'), value('DTEND'), value('DURATION'))
  if (!dates) {
    reading.problems.push({ line, reason: 'bad_date', text: start?.text ?? 'BEGIN:VEVENT' })
    return
  }
  const summary = unescapeText(value('SUMMARY'))
  const kind =
    kindIn(summary) ?? kindIn(unescapeText(value('DESCRIPTION'))) ?? appleKind(value('X-APPLE-SPECIAL-DAY'))
  const names = namesFrom(summary)
  for (const date of dates) {
    reading.entries.push({ date, kind, ...names, line, text: `${date} ${summary}` })
  }
}

function appleKind(specialDay: string): CalendarEntryKind {
  return specialDay.toUpperCase() === 'ALTERNATE-WORKDAY' ? 'work' : 'rest'
}

/** TEXT values escape `\,` `\;` `\\` and new lines (`\n`, read here as a space). */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char.toLowerCase() === 'n' ? ' ' : char))
}

/** A DATE or DATE-TIME value's day, and whether it is the very start of that day. */
function icsDate(value: string): { date: IsoDate; startOfDay: boolean } | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{6})Z?)?$/.exec(value)
  const date = match && isoDate(match[1], match[2], match[3])
  return date ? { date, startOfDay: !match[4] || match[4] === '000000' } : null
}

const LONGEST_EVENT_DAYS = 366

/** Every day the event covers; null when a date is not a real day or the event ends before it starts. */
function eventDates(start: string, end: string, duration: string): IsoDate[] | null {
  const first = icsDate(start)?.date
  const afterLast = first && dayAfterEvent(first, end, duration)
  if (!first || !afterLast) return null
  const span = daysBetween(first, afterLast)
  if (span < 0 || span > LONGEST_EVENT_DAYS) return null
  return Array.from({ length: Math.max(span, 1) }, (_, offset) => addDays(first, offset))
}

/** The first day after the event: DTEND is exclusive (unless it falls inside a day); no end is one day. */
function dayAfterEvent(first: IsoDate, end: string, duration: string): IsoDate | null {
  if (end) {
    const last = icsDate(end)
    return last && (last.startOfDay ? last.date : addDays(last.date, 1))
  }
  const length = /^P(?:(\d+)W|(\d+)D)/i.exec(duration)
  if (!length) return addDays(first, 1)
  return addDays(first, length[1] ? Number(length[1]) * 7 : Number(length[2]))
}

// ——— CSV ———

interface CsvRecord {
  line: number
  text: string
  cells: string[]
}

interface Columns {
  date: number
  kind: number
  name: number
  nameEn: number
}

const DEFAULT_COLUMNS: Columns = { date: 0, kind: 1, name: 2, nameEn: 3 }

/** Header labels, folded (lower case, no spaces, underscores or hyphens). */
const HEADER_LABELS: Record<string, keyof Columns> = {
  日期: 'date',
  date: 'date',
  类型: 'kind',
  类别: 'kind',
  kind: 'kind',
  type: 'kind',
  名称: 'name',
  节日: 'name',
  节日名称: 'name',
  中文名称: 'name',
  name: 'name',
  namezh: 'name',
  英文名称: 'nameEn',
  英文名: 'nameEn',
  nameen: 'nameEn',
  englishname: 'nameEn',
}

const REST_WORDS = ['休', '休息', '放假', '假', 'rest', 'holiday', 'off', 'day off']
const WORK_WORDS = ['班', '上班', '补班', '调休上班', 'work', 'workday', 'working day']

function readCsv(text: string): Reading {
  const reading: Reading = { entries: [], problems: [] }
  const [first, ...rest] = csvRecords(text).filter((record) => !isBlankOrComment(record))
  if (!first) return reading
  const header = headerColumns(first.cells)
  if (header === 'incomplete') {
    reading.problems.push({ line: first.line, reason: 'not_a_calendar', text: first.text.trim() })
    return reading
  }
  for (const record of header ? rest : [first, ...rest]) {
    const result = readRow(record, header ?? DEFAULT_COLUMNS)
    if ('reason' in result) reading.problems.push(result)
    else reading.entries.push(result)
  }
  return reading
}

/** Lines, with a quoted field's line breaks kept inside its record. */
function csvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = []
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1
    let record = lines[index] ?? ''
    while (hasOpenQuote(record) && index + 1 < lines.length) record += `\n${lines[++index] ?? ''}`
    records.push({ line, text: record, cells: splitCells(record) })
  }
  return records
}

function hasOpenQuote(text: string): boolean {
  return (text.match(/"/g)?.length ?? 0) % 2 === 1
}

/** Comma-separated fields; a field in double quotes may hold commas and `""` for a quote. */
function splitCells(text: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '"' && quoted && text[index + 1] === '"') {
      cell += '"'
      index++
    } else if (char === '"') {
      quoted = !quoted
    } else if (char === ',' && !quoted) {
      cells.push(cell.trim())
      cell = ''
    } else {
      cell += char
    }
  }
  return [...cells, cell.trim()]
}

function isBlankOrComment(record: CsvRecord): boolean {
  return record.cells.every((cell) => cell === '') || record.text.trimStart().startsWith('#')
}

/**
 * The header's columns; null when the row is not a header (no known label, or a date in it, as in
 * `2026-10-01,节日,…`); 'incomplete' without a date or kind column.
 */
function headerColumns(cells: string[]): Columns | 'incomplete' | null {
  if (cells.some((cell) => csvDate(cell))) return null
  const columns: Columns = { date: -1, kind: -1, name: -1, nameEn: -1 }
  cells.forEach((cell, index) => {
    const field = HEADER_LABELS[cell.toLowerCase().replace(/[\s_-]/g, '')]
    if (field && columns[field] < 0) columns[field] = index
  })
  if (Object.values(columns).every((index) => index < 0)) return null
  return columns.date < 0 || columns.kind < 0 ? 'incomplete' : columns
}

function readRow(record: CsvRecord, columns: Columns): SourcedEntry | CalendarFileProblem {
  const cell = (index: number) => (index >= 0 ? (record.cells[index] ?? '') : '')
  const where = { line: record.line, text: record.text.trim() }
  const date = csvDate(cell(columns.date))
  if (!date) return { ...where, reason: 'bad_date' }
  const kind = csvKind(cell(columns.kind))
  if (!kind) return { ...where, reason: 'bad_kind' }
  return { date, kind, ...namesFrom(cell(columns.name), cell(columns.nameEn)), ...where }
}

/** Full-width digits, hyphen, full stop and slash as their ASCII selves. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF0D-\uFF19]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
}

const CSV_DATE_FORMS = [
  /^(?<y>\d{4})(?<sep>[-/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})$/,
  /^(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日?$/,
  /^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$/,
]

/** 2026-10-01, 2026/10/1, 2026.10.1, 2026年10月1日 or 20261001; a time after it (Excel's 0:00) is ignored. */
function csvDate(text: string): IsoDate | null {
  const plain = halfWidth(text)
    .trim()
    .replace(/\s+\d{1,2}:\d{2}(?::\d{2})?$/, '')
  for (const form of CSV_DATE_FORMS) {
    const parts = form.exec(plain)?.groups
    if (parts) return isoDate(parts.y, parts.m, parts.d)
  }
  return null
}

function csvKind(text: string): CalendarEntryKind | null {
  const word = text.trim().toLowerCase()
  if (REST_WORDS.includes(word)) return 'rest'
  return WORK_WORDS.includes(word) ? 'work' : null
}
