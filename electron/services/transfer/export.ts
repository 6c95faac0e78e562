/**
 * Export of a grid, with its filter and sort, to XLSX or CSV where the operator chooses. The rows come
 * from the grid's own list service, a page of 1,000 at a time, in one read transaction (so the pages
 * agree); what each column holds comes from the table in columns.ts. Dates are written as dates, money as
 * yuan with 2 decimals, list codes as their labels, and text that a spreadsheet would run as a formula is
 * neutralised (OWASP "CSV injection").
 */
import { createWriteStream, openSync, renameSync, rmSync } from 'node:fs'
import { basename, extname } from 'node:path'
import ExcelJS from 'exceljs'
import type { z } from 'zod'
import type { exportGridSchema } from '../../api/schemas'
import { AppError } from '../../api/errors'
import type { DesktopPorts } from '../../files/ports'
import type { ServiceContext } from '../context'
import { getLookups } from '../settings/lookups'
import { chinaDate } from '../../domain/calendar'
import { GRIDS, STRINGS, type Column, type Kind, type Labels, type LabelsLoader, type Value } from './columns'

export type ExportInput = z.output<typeof exportGridSchema>

/** Rows asked of the list service at a time: its largest page. */
export const EXPORT_PAGE = 1000

/**
 * The grid's list request checked with that grid's own list schema, as its list channel checks it (with
 * paging added for the check: the export pages by itself).
 */
export function parseExportQuery(input: Pick<ExportInput, 'grid' | 'query'>) {
  return GRIDS[input.grid].schema.safeParse({ ...input.query, startRow: 0, endRow: 1 })
}

/**
 * Text a spreadsheet would take for a formula (=, +, -, @, or a tab or carriage return first) gets a
 * leading apostrophe, so that it shows as the text it is. Only text cells pass here: a number written as
 * a number is never touched.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** Asks where to save, then writes the file; null when the operator cancels. */
export async function exportGrid(
  ctx: ServiceContext,
  ports: DesktopPorts,
  input: ExportInput,
  query: unknown,
): Promise<string | null> {
  const extension = input.format
  const chosen = await ports.chooseSaveFile(suggestedFileName(input, ctx.now()), [
    extension === 'xlsx'
      ? { name: 'Excel (.xlsx)', extensions: ['xlsx'] }
      : { name: 'CSV (UTF-8)', extensions: ['csv'] },
  ])
  if (!chosen) return null
  const path = extname(chosen).toLowerCase() === `.${extension}` ? chosen : `${chosen}.${extension}`
  await writeGridFile(ctx, input, query, path)
  return path
}

/** `客户档案-2026-11-23.xlsx`: the grid's title in the language and the desk's date. */
export function suggestedFileName(
  input: Pick<ExportInput, 'grid' | 'format' | 'language'>,
  now: Date,
): string {
  const title = GRIDS[input.grid].title(STRINGS[input.language]).replace(/[\\/:*?"<>|]+/g, '-')
  return `${title}-${chinaDate(now)}.${input.format}`
}

/**
 * Writes every row of the grid for `query` (already checked) to `path`, through a file beside it that
 * takes its name only once complete: a failure leaves no half-written export (nor spoils an older one).
 */
export async function writeGridFile(
  ctx: ServiceContext,
  input: ExportInput,
  query: unknown,
  path: string,
): Promise<number> {
  const partial = `${path}.partial`
  try {
    const rows = await oneSnapshot(ctx, async (tx) => {
      const spec = GRIDS[input.grid]
      const labels = await labelsFor(tx, input.language)
      const forCustomer = Boolean((query as { customerId?: string }).customerId)
      const columns = spec.columns.filter((column) => !(forCustomer && column.customer))
      const sheet =
        input.format === 'xlsx'
          ? xlsxWriter(partial, spec.title(labels.s), columns, labels)
          : csvWriter(partial, columns, labels)
      let count = 0
      try {
        for (let startRow = 0; ; startRow += EXPORT_PAGE) {
          const page = await spec.list(tx, {
            ...(query as object),
            startRow,
            endRow: startRow + EXPORT_PAGE,
          })
          await spec.prepare?.(page.rows, labels)
          await sheet.rows(page.rows.map((row) => columns.map((column) => column.value(row, labels) ?? null)))
          count += page.rows.length
          if (page.rows.length < EXPORT_PAGE) break
        }
        await sheet.close()
      } catch (error) {
        sheet.abort()
        throw error
      }
      return count
    })
    renameSync(partial, path)
    return rows
  } catch (error) {
    rmSync(partial, { force: true })
    throw writeRefusal(error, path)
  }
}

/**
 * A failure writing `path` as the operator's refusal when the file system refused (the file is open in
 * Excel, the folder is read-only, the disk is full); anything else as it was.
 */
export function writeRefusal(error: unknown, path: string): unknown {
  if (error instanceof AppError) return error
  const code = String((error as { code?: unknown })?.code ?? '')
  if (!/^E[A-Z]+$/.test(code)) return error
  return new AppError('file_unwritable', `Cannot write ${basename(path)}: ${(error as Error).message}`, {
    params: { fileName: basename(path) },
  })
}

/** The list pages read in one transaction: rows that change meanwhile cannot shift one page into the next. */
export function oneSnapshot<T>(ctx: ServiceContext, work: (tx: ServiceContext) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx)
  return ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }))
}

async function labelsFor(
  ctx: ServiceContext,
  language: ExportInput['language'],
): Promise<Labels & LabelsLoader> {
  const s = STRINGS[language]
  const lookups = await getLookups(ctx)
  const items = await ctx.db.selectFrom('serviceItem').select(['id', 'nameZh', 'nameEn']).execute()
  const itemNames = new Map(items.map((item) => [item.id, language === 'en' ? item.nameEn : item.nameZh]))
  const contacts = new Map<string, string>()
  return {
    s,
    language,
    entry: (list, id) => {
      const found = (lookups[list] as { id: string; labelZh: string; labelEn: string }[]).find(
        (entry) => entry.id === id,
      )
      return found ? (language === 'en' ? found.labelEn : found.labelZh) : null
    },
    serviceItem: (id) => (id ? (itemNames.get(id) ?? null) : null),
    contactNames: (ids) =>
      ids
        .map((id) => contacts.get(id))
        .filter(Boolean)
        .join(language === 'en' ? ', ' : '、'),
    yesNo: (value) => (value === null ? null : value ? s.common.yes : s.common.no),
    loadContacts: async (ids) => {
      const missing = [...new Set(ids)].filter((id) => !contacts.has(id))
      for (let start = 0; start < missing.length; start += 500) {
        const rows = await ctx.db
          .selectFrom('contact')
          .select(['id', 'name'])
          .where('id', 'in', missing.slice(start, start + 500))
          .execute()
        for (const row of rows) contacts.set(row.id, row.name)
      }
    },
  }
}

interface SheetWriter {
  rows(values: Value[][]): Promise<void>
  close(): Promise<void>
  /** Stops writing after a failure; the caller removes the file. */
  abort(): void
}

/** The header of a column in the language, as the grid shows it. */
function headers(columns: Column<object>[], labels: Labels): string[] {
  return columns.map((column) => column.header(labels.s))
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

/** An instant as the PC's wall-clock time (as the screens show it), for a spreadsheet without time zones. */
function wallClock(iso: string): Date {
  const at = new Date(iso)
  return new Date(
    Date.UTC(at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes(), at.getSeconds()),
  )
}

/** Integer fen as yuan with 2 decimals, in exact decimal text (no float in between). */
export function fenToYuanText(fen: number): string {
  const whole = Math.round(fen)
  const sign = whole < 0 ? '-' : ''
  const abs = Math.abs(whole)
  return `${sign}${Math.floor(abs / 100)}.${pad(abs % 100)}`
}

const NUMBER_FORMATS: Record<Kind, string | undefined> = {
  text: undefined,
  date: 'yyyy-mm-dd',
  instant: 'yyyy-mm-dd hh:mm',
  money: '#,##0.00',
  number: undefined,
}

/** A value as an XLSX cell: dates as dates, money as a number of yuan, text neutralised. */
function xlsxCell(kind: Kind, value: Value): ExcelJS.CellValue {
  if (value === null || value === '') return null
  switch (kind) {
    case 'date':
      return new Date(`${String(value)}T00:00:00Z`)
    case 'instant':
      return wallClock(String(value))
    case 'money':
      return Number(value) / 100
    case 'number':
      return Number(value)
    default:
      return neutralise(String(value))
  }
}

/**
 * The file a writer streams into, opened at once so that a refusal (a read-only folder) is thrown here;
 * a later write error (a full disk) rejects `failed`, which every wait races against.
 */
function openFile(path: string) {
  const stream = createWriteStream(path, { fd: openSync(path, 'w') })
  let failure: Error | null = null
  const failed = new Promise<never>((_, reject) =>
    stream.once('error', (error) => {
      failure = error
      reject(error)
    }),
  )
  failed.catch(() => undefined) // awaited through the races below; never unhandled
  return {
    stream,
    /** Waits for `work`, unless the file fails first. */
    until: <T>(work: Promise<T>) => Promise.race([work, failed]),
    check: () => {
      if (failure) throw failure
    },
  }
}

/** XLSX through exceljs's streaming writer: one page in memory at a time. */
function xlsxWriter(path: string, title: string, columns: Column<object>[], labels: Labels): SheetWriter {
  const file = openFile(path)
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: file.stream,
    useStyles: true,
    useSharedStrings: true,
  })
  book.creator = 'Account Desk'
  // A sheet name holds at most 31 characters, none of []:*?/\.
  const sheet = book.addWorksheet(title.replace(/[[\]:*?/\\]/g, '-').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  })
  sheet.columns = columns.map((column, index) => ({ key: `c${index}`, width: column.width }))
  const header = sheet.addRow(headers(columns, labels))
  header.font = { bold: true }
  header.commit()
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  return {
    rows: async (rows) => {
      file.check()
      for (const values of rows) {
        const row = sheet.addRow(values.map((value, index) => xlsxCell(columns[index]!.kind, value)))
        columns.forEach((column, index) => {
          const format = NUMBER_FORMATS[column.kind]
          if (format) row.getCell(index + 1).numFmt = format
        })
        row.commit()
      }
    },
    close: async () => {
      sheet.commit()
      await file.until(book.commit())
    },
    abort: () => file.stream.destroy(),
  }
}

/** A value as a CSV field: text quoted and neutralised; dates, instants and numbers as Excel reads them. */
function csvField(kind: Kind, value: Value): string {
  if (value === null || value === '') return ''
  switch (kind) {
    case 'date':
      return String(value)
    case 'instant': {
      const at = wallClock(String(value))
      return `${at.toISOString().slice(0, 10)} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`
    }
    case 'money':
      return fenToYuanText(Number(value))
    case 'number':
      return String(value)
    default:
      return `"${neutralise(String(value)).replace(/"/g, '""')}"`
  }
}

/** CSV as Excel opens it intact: UTF-8 with a byte-order mark, CRLF line ends. */
function csvWriter(path: string, columns: Column<object>[], labels: Labels): SheetWriter {
  const file = openFile(path)
  const write = (text: string) =>
    file.until(
      new Promise<void>((resolve, reject) =>
        file.stream.write(text, (error) => (error ? reject(error) : resolve())),
      ),
    )
  const line = (fields: string[]) => `${fields.join(',')}\r\n`
  const header = `\uFEFF${line(headers(columns, labels).map((text) => csvField('text', text)))}`
  let started = false
  const start = () => {
    const text = started ? '' : header
    started = true
    return text
  }
  return {
    rows: async (rows) => {
      const text = rows.map((values) => line(values.map((value, i) => csvField(columns[i]!.kind, value))))
      await write(start() + text.join(''))
    },
    close: async () => {
      if (!started) await write(start())
      await file.until(new Promise<void>((resolve) => file.stream.end(resolve)))
    },
    abort: () => file.stream.destroy(),
  }
}
