/**
 * Importing customers, contacts, circuits and monthly revenue from the CSV and XLSX files branch offices
 * keep. An import is a session held under a token:
 * - open: the file is read (and refused whole if it cannot be), the header found below any title rows,
 *   the columns mapped to fields (the mapping remembered from the last file of the same layout, else
 *   guessed from the headers);
 * - preview: every row checked as the commit would check it, nothing written;
 * - remap: the operator's own mapping, every row checked again;
 * - commit: every row checked again and the accepted ones written in one transaction (all or nothing),
 *   yielding to the event loop every few hundred rows so that progress and cancel are served; a cancel
 *   throws inside the transaction, which rolls it back;
 * - the rejected rows as a CSV with their reasons, to fix and import again.
 */
import { createHash, randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import type {
  ImportCounts,
  ImportKind,
  ImportPreview,
  ImportProgress,
  ImportReason,
  ImportResult,
  Language,
} from '../../api/contract'
import { AppError, fieldError } from '../../api/errors'
import { readTable } from '../../files/tables/read'
import {
  ROWS_PER_TURN,
  fileError,
  isBlankCell,
  tooManyRows,
  yieldToEventLoop,
  type Cell,
  type Table,
} from '../../files/tables/table'
import * as sla from '../../../renderer/src/i18n/areas/sla'
import { en } from '../../../renderer/src/i18n/en'
import { zhCN } from '../../../renderer/src/i18n/zh-CN'
import type { ServiceContext } from '../context'
import { neutralise } from './export'
import { inTransaction, writeAudit } from '../records'
import { readSetting, writeSetting } from '../settings/store'
import {
  choiceIndex,
  fieldSpec,
  guessMapping,
  kindFields,
  recogniseHeader,
  type FieldSpec,
} from './importFields'
import { runFor, type Display, type RowAction, type RowInput, type Tick } from './importKinds'
import {
  cellProblem,
  cellText,
  halfWidth,
  moneyScale,
  normalizeHeader,
  parseBoolean,
  parseChoice,
  parseDate,
  parseFen,
  parseMonth,
  parseNumber,
  type Parsed,
} from './importValues'

/** The most data rows one import takes, unless a supervisor sets another limit. */
export const DEFAULT_MAX_ROWS = 200_000
export const MAX_ROWS_SETTING = 'import_max_rows'
/** Rows the preview lists; the counts have them all. */
const PREVIEW_REJECTED = 1000
const PREVIEW_SAMPLE = 20
/** Rows above the header looked at for it. */
const HEADER_SEARCH_ROWS = 30

export interface ImportSession {
  token: string
  kind: ImportKind
  table: Table
  /** Index in `table.rows` of the header row. */
  headerIndex: number
  /** Each column's header as written ('' for none). */
  headers: string[]
  mapping: (string | null)[]
  mappingRemembered: boolean
  language: Language
  progress: ImportProgress
  running: boolean
  cancelRequested: boolean
  /** Every rejected row of the last check (preview, remap or commit). */
  rejected: { row: number; reasons: ImportReason[] }[]
}

export interface RejectedRow {
  row: number
  reasons: ImportReason[]
}

export interface ImportCheck {
  counts: ImportCounts
  rejected: RejectedRow[]
  sample: ImportPreview['sample']
}

// ——— Opening a file: header and mapping ———

function headerTexts(cells: Cell[]): string[] {
  return cells.map((cell) => cellText(cell) ?? '')
}

/** A header row as a remembered mapping is keyed: its normalised headers (units included). */
function layoutOf(headers: string[]): string[] {
  const layout = headers.map((header) => {
    const { key, unit } = normalizeHeader(header)
    return unit ? `${key}(${unit})` : key
  })
  while (layout.length > 0 && layout[layout.length - 1] === '') layout.pop()
  return layout
}

function mappingKey(kind: ImportKind, layout: string[]): string {
  const hash = createHash('sha256').update(layout.join('\u0001')).digest('hex').slice(0, 24)
  return `import_mapping.${kind}.${hash}`
}

interface RememberedMapping {
  layout: string[]
  mapping: (string | null)[]
}

async function rememberedMappings(
  ctx: ServiceContext,
  kind: ImportKind,
  layouts: string[][],
): Promise<Map<string, RememberedMapping>> {
  const keys = layouts.map((layout) => mappingKey(kind, layout))
  const found = new Map<string, RememberedMapping>()
  if (keys.length === 0) return found
  const rows = await ctx.db.selectFrom('setting').selectAll().where('key', 'in', keys).execute()
  for (const row of rows) found.set(row.key, JSON.parse(row.valueJson) as RememberedMapping)
  return found
}

/** A mapping as the kind takes it: its own fields only, each once. */
function cleanMapping(kind: ImportKind, mapping: (string | null)[], width: number): (string | null)[] {
  const taken = new Set<string>()
  return Array.from({ length: width }, (_, index) => {
    const field = mapping[index] ?? null
    if (!field || !fieldSpec(kind, field) || taken.has(field)) return null
    taken.add(field)
    return field
  })
}

/**
 * The header: the first of the top rows whose layout has a remembered mapping, else the row naming
 * the most fields (title rows above it are skipped), else the first row with anything in it.
 */
async function findHeader(
  ctx: ServiceContext,
  kind: ImportKind,
  table: Table,
): Promise<{ headerIndex: number; mapping: (string | null)[]; remembered: boolean }> {
  const candidates: { index: number; headers: string[]; layout: string[] }[] = []
  for (let index = 0; index < table.rows.length && candidates.length < HEADER_SEARCH_ROWS; index++) {
    const cells = table.rows[index]!.cells
    if (cells.every(isBlankCell)) continue
    const headers = headerTexts(cells)
    candidates.push({ index, headers, layout: layoutOf(headers) })
  }
  if (candidates.length === 0) throw new AppError('internal', 'The file has no rows.')
  const remembered = await rememberedMappings(
    ctx,
    kind,
    candidates.map((candidate) => candidate.layout),
  )
  for (const candidate of candidates) {
    const stored = remembered.get(mappingKey(kind, candidate.layout))
    if (stored && stored.layout.join('\u0001') === candidate.layout.join('\u0001'))
      return {
        headerIndex: candidate.index,
        mapping: stored.mapping,
        remembered: true,
      }
  }
  let best = candidates[0]!
  let bestCount = 0
  for (const candidate of candidates) {
    const count = new Set(candidate.headers.map((header) => recogniseHeader(kind, header)).filter(Boolean))
      .size
    if (count > bestCount) {
      best = candidate
      bestCount = count
    }
  }
  return { headerIndex: best.index, mapping: guessMapping(kind, best.headers), remembered: false }
}

function tableWidth(table: Table, from: number): number {
  let width = 0
  for (let index = from; index < table.rows.length; index++)
    width = Math.max(width, table.rows[index]!.cells.length)
  return width
}

export async function maxImportRows(ctx: ServiceContext): Promise<number> {
  return readSetting(ctx, MAX_ROWS_SETTING, DEFAULT_MAX_ROWS)
}

/**
 * Reads the file and builds its import session. Throws `file_unreadable` (with the problem as a field
 * error) for a file that cannot be imported at all; nothing is written.
 */
export async function openImport(
  ctx: ServiceContext,
  path: string,
  kind: ImportKind,
  options: { language?: Language; onRows?: (rows: number) => void } = {},
): Promise<ImportSession> {
  const maxRows = await maxImportRows(ctx)
  const table = await readTable(path, { maxRows, ...(options.onRows && { onRows: options.onRows }) })
  if (table.rows.every((row) => row.cells.every(isBlankCell)))
    throw fileError(table.fileName, 'file_empty', `${table.fileName} has no rows.`)
  const { headerIndex, mapping, remembered } = await findHeader(ctx, kind, table)
  if (table.rows.length - headerIndex - 1 > maxRows) throw tooManyRows(table.fileName, maxRows)
  const width = Math.max(tableWidth(table, headerIndex), mapping.length)
  const headers = headerTexts(table.rows[headerIndex]!.cells)
  while (headers.length < width) headers.push('')
  return {
    token: randomUUID(),
    kind,
    table,
    headerIndex,
    headers,
    mapping: cleanMapping(kind, mapping, width),
    mappingRemembered: remembered,
    language: options.language ?? 'zh-CN',
    progress: { phase: 'reading', done: table.rows.length, total: table.rows.length },
    running: false,
    cancelRequested: false,
    rejected: [],
  }
}

// ——— Reading the rows' cells for their fields ———

/** The labels of a kind's choice fields, zh-CN then en: read as values, and shown in the sample. */
const CHOICE_LABELS: Record<string, Record<string, string>[]> = {
  'customers.status': [zhCN.customerStatus, en.customerStatus],
  'contacts.contactClass': [zhCN.contactClass, en.contactClass],
  'circuits.status': [sla.zh.circuitStatus, sla.en.circuitStatus],
}

/** A sample row's choice values as their labels in the session's language, as its list entries are. */
function choiceLabels(session: ImportSession, values: Display): Display {
  const labelled = { ...values }
  for (const [key, value] of Object.entries(values)) {
    const labels = CHOICE_LABELS[`${session.kind}.${key}`]?.[session.language === 'en' ? 1 : 0]
    if (labels && typeof value === 'string') labelled[key] = labels[value] ?? value
  }
  return labelled
}

function readCell(session: ImportSession, spec: FieldSpec, cell: Cell, unit: string | null): Parsed<unknown> {
  const { date1904 } = session.table
  switch (spec.type) {
    case 'text':
    case 'lookup': {
      const problem = cellProblem(cell)
      return problem ? { ok: false, problem } : { ok: true, value: cellText(cell) }
    }
    case 'code': {
      const problem = cellProblem(cell)
      if (problem) return { ok: false, problem }
      const text = cellText(cell)
      return { ok: true, value: text === null ? null : halfWidth(text).trim() }
    }
    case 'count':
      return parseNumber(cell)
    case 'fen': {
      const scale = moneyScale(unit)
      // An amount in a unit not known (美元, 亿元) is refused: read as yuan, it would be wrong by that factor.
      if (scale === null && !isBlankCell(cell))
        return { ok: false, problem: { message: 'import_unknown_unit', params: { unit: unit ?? '' } } }
      return parseFen(cell, scale ?? 1)
    }
    case 'date':
      return parseDate(cell, date1904)
    case 'month':
      return parseMonth(cell, date1904)
    case 'boolean':
      return parseBoolean(cell)
    case 'choice':
      return parseChoice(cell, choiceIndex(spec, CHOICE_LABELS[`${session.kind}.${spec.key}`]))
  }
}

/** The data rows under the header, their mapped cells read; blank rows counted, not returned. */
function rowInputs(session: ImportSession): { inputs: RowInput[]; read: number; blank: number } {
  const columns = session.mapping
    .map((field, index) => ({ field, index, unit: normalizeHeader(session.headers[index] ?? '').unit }))
    .filter(
      (column): column is { field: string; index: number; unit: string | null } => column.field !== null,
    )
    .map((column) => ({ ...column, spec: fieldSpec(session.kind, column.field)! }))
  const mapped = new Set(columns.map((column) => column.field))
  const missing = kindFields(session.kind).filter((field) => field.required && !mapped.has(field.key))
  const inputs: RowInput[] = []
  let blank = 0
  const rows = session.table.rows
  for (let index = session.headerIndex + 1; index < rows.length; index++) {
    const { row, cells } = rows[index]!
    if (cells.every(isBlankCell)) {
      blank++
      continue
    }
    const input: RowInput = { row, values: new Map(), failed: new Set(), reasons: [] }
    for (const field of missing) {
      input.failed.add(field.key)
      input.reasons.push({ path: field.key, message: 'import_column_missing' })
    }
    for (const column of columns) {
      const parsed = readCell(session, column.spec, cells[column.index] ?? null, column.unit)
      if (!parsed.ok) {
        input.failed.add(column.field)
        input.reasons.push({ path: column.field, ...parsed.problem })
      } else if (parsed.value !== null && parsed.value !== undefined)
        input.values.set(column.field, parsed.value)
    }
    inputs.push(input)
  }
  return { inputs, read: rows.length - session.headerIndex - 1, blank }
}

// ——— Checking and writing ———

interface Planned {
  row: number
  action: RowAction
  data: unknown
}

/** Every row checked against the database as `ctx` sees it; a turn given to the event loop now and then. */
async function checkRows(
  ctx: ServiceContext,
  session: ImportSession,
  tick: Tick,
): Promise<{
  counts: ImportCounts
  rejected: RejectedRow[]
  planned: Planned[]
  sample: ImportPreview['sample']
  run: Awaited<ReturnType<typeof runFor>>
}> {
  const { inputs, read, blank } = rowInputs(session)
  const run = await runFor(session.kind, ctx, inputs, session.language)
  const counts: ImportCounts = {
    read,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skippedBlank: blank,
    rejected: 0,
  }
  const rejected: RejectedRow[] = []
  const planned: Planned[] = []
  const sample: ImportPreview['sample'] = []
  for (const input of inputs) {
    await tick()
    const plan = run.plan(input)
    if (!plan.ok) {
      counts.rejected++
      rejected.push({ row: input.row, reasons: plan.reasons })
      continue
    }
    if (plan.action === 'new') counts.imported++
    else if (plan.action === 'update') counts.updated++
    else counts.unchanged++
    planned.push({ row: input.row, action: plan.action, data: plan.data })
    if (sample.length < PREVIEW_SAMPLE)
      sample.push({
        row: input.row,
        action: plan.action,
        values: choiceLabels(session, run.display(input, plan.data)),
      })
  }
  return { counts, rejected, planned, sample, run }
}

/** A tick that yields every few hundred calls and, when `stop` says so, throws. */
function ticker(onTurn: (calls: number) => void = () => {}, stop: () => boolean = () => false): Tick {
  let calls = 0
  return async () => {
    calls++
    if (calls % (ROWS_PER_TURN / 2) !== 0) return
    onTurn(calls)
    await yieldToEventLoop()
    if (stop()) throw new AppError('import_cancelled', 'The import was cancelled: nothing was written.')
  }
}

/** Checks every row without writing: the preview's figures, and the CLI's --dry-run. */
export async function checkImport(ctx: ServiceContext, session: ImportSession): Promise<ImportCheck> {
  const { counts, rejected, sample } = await checkRows(ctx, session, ticker())
  session.rejected = rejected
  return { counts, rejected, sample }
}

export async function previewImport(ctx: ServiceContext, session: ImportSession): Promise<ImportPreview> {
  const check = await checkImport(ctx, session)
  return {
    token: session.token,
    kind: session.kind,
    fileName: session.table.fileName,
    sheetName: session.table.sheetName,
    encoding: session.table.encoding,
    headerRow: session.table.rows[session.headerIndex]!.row,
    columns: session.headers.map((header, index) => ({
      index,
      header,
      field: session.mapping[index] ?? null,
    })),
    fields: kindFields(session.kind),
    mappingRemembered: session.mappingRemembered,
    counts: check.counts,
    rejected: check.rejected.slice(0, PREVIEW_REJECTED),
    sample: check.sample,
  }
}

function assertIdle(session: ImportSession): void {
  if (session.running)
    throw new AppError('invalid_input', 'This import is being written; wait for it or cancel it.', {
      fields: [{ path: 'token', message: 'import_busy' }],
    })
}

/** The operator's mapping (a field per column, by position): checked, then every row checked with it. */
export async function remapImport(
  ctx: ServiceContext,
  session: ImportSession,
  mapping: (string | null)[],
): Promise<ImportPreview> {
  assertIdle(session)
  const width = session.headers.length
  const seen = new Map<string, number>()
  for (const [index, field] of mapping.entries()) {
    if (field === null) continue
    if (index >= width || !fieldSpec(session.kind, field))
      throw fieldError(`mapping.${index}`, 'import_unknown_field')
    if (seen.has(field))
      throw fieldError(`mapping.${index}`, 'import_mapped_twice', { column: seen.get(field)! + 1 })
    seen.set(field, index)
  }
  session.mapping = Array.from({ length: width }, (_, index) => mapping[index] ?? null)
  session.mappingRemembered = false
  return previewImport(ctx, session)
}

/** Remembers the mapping for the next file of this layout (a setting keyed by kind and header row). */
async function rememberMapping(tx: ServiceContext, session: ImportSession): Promise<void> {
  const layout = layoutOf(session.headers)
  const key = mappingKey(session.kind, layout)
  const value: RememberedMapping = { layout, mapping: session.mapping.slice(0, Math.max(layout.length, 1)) }
  const before = await readSetting<RememberedMapping | null>(tx, key, null)
  if (before && JSON.stringify(before) === JSON.stringify(value)) return
  await writeSetting(tx, key, value)
  await writeAudit(tx, 'setting', before ? 'update' : 'create', before && { id: key, value: before }, {
    id: key,
    value,
  })
}

/**
 * Writes the accepted rows in one transaction: every row is checked again inside it (the database may
 * have changed since the preview), then written; all or nothing. A cancel or a failure rolls it back.
 * Progress counts the rows checked, then the rows written (the total assumes every row is accepted until
 * the check says how many are).
 */
export async function commitImport(ctx: ServiceContext, session: ImportSession): Promise<ImportResult> {
  assertIdle(session)
  session.running = true
  session.cancelRequested = false
  const rows = session.table.rows.slice(session.headerIndex + 1)
  const filled = rows.filter((row) => !row.cells.every(isBlankCell)).length
  session.progress = { phase: 'writing', done: 0, total: filled * 2 }
  const stop = () => session.cancelRequested
  try {
    const result = await inTransaction(ctx, async (tx) => {
      const checking = ticker(
        (calls) => (session.progress = { phase: 'writing', done: calls, total: filled * 2 }),
        stop,
      )
      const { counts, rejected, planned, run } = await checkRows(tx, session, checking)
      const total = filled + planned.length
      session.progress = { phase: 'writing', done: filled, total }
      const writing = ticker(
        (calls) => (session.progress = { phase: 'writing', done: Math.min(filled + calls, total), total }),
        stop,
      )
      for (const plan of planned) {
        await writing()
        await run.write(tx, plan.data, plan.action)
      }
      await run.finish(tx, writing)
      await rememberMapping(tx, session)
      // The last turn: a cancel that came while the last rows were written still rolls everything back.
      await yieldToEventLoop()
      if (stop()) throw new AppError('import_cancelled', 'The import was cancelled: nothing was written.')
      session.rejected = rejected
      return { ...counts, rejectedRows: rejected }
    })
    session.progress = { phase: 'done', done: session.progress.total, total: session.progress.total }
    session.mappingRemembered = true
    return result
  } catch (error) {
    session.progress = { ...session.progress, phase: session.cancelRequested ? 'cancelled' : 'failed' }
    throw error
  } finally {
    session.running = false
    session.cancelRequested = false
  }
}

export function importProgress(session: ImportSession): ImportProgress {
  return session.progress
}

/** Asks a commit under way to stop: it throws at its next turn, inside its transaction. */
export function cancelImport(session: ImportSession): null {
  if (session.running) session.cancelRequested = true
  return null
}

// ——— The rejected rows as a file ———

const REASONS_HEADER: Record<Language, string> = { 'zh-CN': '错误原因', en: 'Reasons' }
const SEPARATOR: Record<Language, string> = { 'zh-CN': '；', en: '; ' }
const COLON: Record<Language, string> = { 'zh-CN': '：', en: ': ' }

/** A reason in words, in `language`: the validation message with its parameters filled in. */
export function reasonMessage(reason: Pick<ImportReason, 'message' | 'params'>, language: Language): string {
  const texts = (language === 'en' ? en.validation : zhCN.validation) as Record<string, string>
  const text = texts[reason.message] ?? reason.message
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(reason.params?.[name] ?? ''))
}

/** A cell as the file should show it again: a date column's serial as its date, formulas as text. */
function fileCell(cell: Cell, spec: FieldSpec | undefined, date1904: boolean): string {
  if (cell === null) return ''
  if (typeof cell === 'object') return cell.text
  if (typeof cell === 'number') {
    const read =
      spec?.type === 'date'
        ? parseDate(cell, date1904)
        : spec?.type === 'month'
          ? parseMonth(cell, date1904)
          : null
    return read?.ok && typeof read.value === 'string' ? read.value : (cellText(cell) ?? '')
  }
  return typeof cell === 'boolean' ? (cell ? 'TRUE' : 'FALSE') : cell
}

function csvField(value: string): string {
  // A text that Excel would take for a formula is kept as text (a plain number is left alone); the
  // import drops the apostrophe again.
  const safe = /^[+-]?\d+(\.\d+)?$/.test(value) ? value : neutralise(value)
  return /[",\n\r]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * The rejected rows of the last check as CSV (UTF-8 with a BOM, so Excel opens it right): the header
 * row and each rejected row as the file had them, and a last column with the reasons.
 */
export function rejectedCsv(session: ImportSession, language: Language = session.language): Buffer {
  const { table } = session
  const width = session.headers.length
  const specs = session.mapping.map((field) => (field ? fieldSpec(session.kind, field) : undefined))
  const headerOf = (path: string) => {
    const index = session.mapping.indexOf(path)
    if (index >= 0 && session.headers[index]) return session.headers[index]!
    const labels = (language === 'en' ? en.fields : zhCN.fields) as Record<string, string>
    return labels[path] ?? path
  }
  const lines = [[...session.headers, REASONS_HEADER[language]].map(csvField).join(',')]
  const byRow = new Map(table.rows.map((row) => [row.row, row.cells]))
  for (const { row, reasons } of session.rejected) {
    const cells = byRow.get(row) ?? []
    const values = Array.from({ length: width }, (_, index) =>
      fileCell(cells[index] ?? null, specs[index], table.date1904),
    )
    const text = reasons
      .map((reason) => {
        const message = reasonMessage(reason, language)
        return reason.path ? `${headerOf(reason.path)}${COLON[language]}${message}` : message
      })
      .join(SEPARATOR[language])
    lines.push([...values, text].map(csvField).join(','))
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')])
}

// ——— Sessions held by the app between calls ———

export type ImportSessions = Map<string, ImportSession>

/** Holds a new session; idle ones are let go (one import at a time, as calendar files are held). */
export function holdImport(sessions: ImportSessions, session: ImportSession): void {
  for (const [token, held] of sessions) if (!held.running) sessions.delete(token)
  sessions.set(session.token, session)
}

export function heldImport(sessions: ImportSessions, token: string): ImportSession {
  const session = sessions.get(token)
  if (!session)
    throw new AppError('not_found', 'That import is no longer waiting: choose the file again.', {
      params: { table: 'file' },
    })
  return session
}

/** The rejected rows' file name: the imported file's, marked. */
export function rejectedFileName(session: ImportSession): string {
  const stem = session.table.fileName.replace(/\.[^.]+$/, '')
  return `${stem}-${session.language === 'en' ? 'rejected' : '未导入'}.csv`
}

export function writeRejectedFile(path: string, session: ImportSession, language: Language): void {
  try {
    writeFileSync(path, rejectedCsv(session, language))
  } catch (error) {
    const fileName = basename(path)
    throw new AppError('file_unwritable', `${fileName} could not be written: ${(error as Error).message}`, {
      params: { fileName },
    })
  }
}
