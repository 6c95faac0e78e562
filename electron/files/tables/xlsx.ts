/**
 * XLSX as Excel and WPS save it. The zip is checked with yauzl before exceljs reads a byte of it: its
 * entries' declared sizes and compression ratios (a zip bomb unpacks to gigabytes from a few kilobytes),
 * data the central directory does not account for, and then every entry inflated once to prove that the
 * declared sizes are true. Only then does exceljs's streaming reader read the first visible worksheet with
 * data, row by row: the workbook is never held whole in memory. Styles are not read, so a date cell reads
 * as its serial number and the import decides by column what it means; formulas are never evaluated, a
 * formula cell reads as its cached result.
 */
import { createReadStream } from 'node:fs'
import ExcelJS from 'exceljs'
import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import { AppError } from '../../api/errors'
import {
  ROWS_PER_TURN,
  TITLE_ALLOWANCE,
  fileError,
  isBlankCell,
  tooManyRows,
  trimCells,
  yieldToEventLoop,
  type Cell,
  type ReadOptions,
  type Table,
  type TableRow,
} from './table'

/** Far above a 200,000-row sheet's XML (some 200 MB); a workbook that unpacks to more is refused. */
export const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024
/** Sheet XML compresses some 5 to 30 times; a zip bomb's entries a thousand times. */
export const MAX_RATIO = 200
/** Small entries may compress well (a sheet of empty styled cells); the ratio counts from this size. */
const RATIO_FROM_BYTES = 4 * 1024 * 1024

interface ZipCheck {
  entries: number
  unpackedBytes: number
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  )
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = []
    zip.on('entry', (entry: Entry) => {
      entries.push(entry)
      zip.readEntry()
    })
    zip.once('end', () => resolve(entries))
    zip.once('error', reject)
    zip.readEntry()
  })
}

/** Inflates one entry to nowhere; yauzl fails it when its bytes are more (or fewer) than declared. */
function inflateEntry(zip: ZipFile, entry: Entry): Promise<void> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error)
      // More bytes than the central directory declares: an entry that lies about its size.
      stream.on('error', (failure: Error) =>
        reject(/too many bytes/i.test(failure.message) ? new ZipRefusal('file_zip_bomb') : failure),
      )
      stream.on('end', () => resolve())
      stream.resume()
    }),
  )
}

class ZipRefusal extends Error {
  constructor(readonly problem: 'file_zip_bomb' | 'file_not_xlsx') {
    super(problem)
  }
}

/**
 * Checks a workbook's zip before it is unpacked: the declared sizes, the ratios, the bytes outside its
 * entries, then every entry's real size. Throws a ZipRefusal, or yauzl's error for a file that is no zip.
 */
export async function checkZip(path: string): Promise<ZipCheck> {
  const zip = await openZip(path)
  try {
    // Before the entries are read, the cursor sits at the central directory: everything before it is entries.
    const centralDirectoryOffset = Number(zip.readEntryCursor)
    const entries = await listEntries(zip)
    let unpackedBytes = 0
    let accounted = 0
    for (const entry of entries) {
      if (entry.isEncrypted()) throw new ZipRefusal('file_not_xlsx')
      unpackedBytes += entry.uncompressedSize
      accounted += 30 + entry.fileNameLength + entry.compressedSize
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
      if (entry.uncompressedSize > RATIO_FROM_BYTES && ratio > MAX_RATIO)
        throw new ZipRefusal('file_zip_bomb')
    }
    if (unpackedBytes > MAX_UNPACKED_BYTES) throw new ZipRefusal('file_zip_bomb')
    // Local headers' extra fields and data descriptors aside, nothing may hide between the entries: a
    // streaming unzipper would read data the central directory does not list.
    const slack = entries.length * (24 + 1024) + 64 * 1024
    if (centralDirectoryOffset - accounted > slack) throw new ZipRefusal('file_zip_bomb')
    for (const entry of entries) await inflateEntry(zip, entry)
    return { entries: entries.length, unpackedBytes }
  } finally {
    zip.close()
  }
}

/** Days from 1899-12-30 (Excel's day 0 in the 1900 system), the serial a Date cell stands for. */
function dateToSerial(date: Date): number {
  return date.getTime() / 86_400_000 + 25_569
}

/** An exceljs cell value as a table cell: formulas as their cached result, rich text as its text. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number')
    return Number.isFinite(value) ? value : { issue: 'cell_error', text: '#NUM!' }
  if (typeof value === 'boolean') return value
  if (value instanceof Date) return dateToSerial(value)
  if (typeof value !== 'object') return String(value)
  const object = value as Record<string, unknown>
  if ('formula' in object || 'sharedFormula' in object) {
    const text = `=${String(object.formula ?? object.sharedFormula ?? '')}`
    if (object.result === undefined || object.result === null) return { issue: 'formula_without_value', text }
    const result = toCell(object.result)
    return typeof result === 'number' && Number.isNaN(result) ? { issue: 'cell_error', text } : result
  }
  if ('error' in object) return { issue: 'cell_error', text: String(object.error) }
  if (Array.isArray(object.richText))
    return (object.richText as { text?: string }[]).map((part) => part.text ?? '').join('')
  if ('text' in object) return toCell(object.text)
  return null
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string
  state?: string
}

export async function readXlsxTable(fileName: string, path: string, options: ReadOptions): Promise<Table> {
  try {
    await checkZip(path)
  } catch (error) {
    if (error instanceof ZipRefusal && error.problem === 'file_zip_bomb')
      throw fileError(
        fileName,
        'file_zip_bomb',
        `${fileName} unpacks to far more data than a worksheet holds: it is refused as unsafe.`,
      )
    throw fileError(fileName, 'file_not_xlsx', `${fileName} is not an Excel workbook (.xlsx).`)
  }
  const input = createReadStream(path)
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  })
  const table: Table = {
    fileName,
    format: 'xlsx',
    encoding: null,
    sheetName: null,
    date1904: false,
    rows: [],
  }
  try {
    for await (const sheet of reader as AsyncIterable<SheetReader>) {
      if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue
      const rows: TableRow[] = []
      let filled = false
      for await (const row of sheet) {
        const values = row.values as unknown[]
        const cells: Cell[] = []
        for (let index = 1; index < values.length; index++) cells.push(toCell(values[index]))
        const trimmed = trimCells(cells)
        filled ||= trimmed.some((cell) => !isBlankCell(cell))
        rows.push({ row: row.number, cells: trimmed })
        if (rows.length % ROWS_PER_TURN === 0) {
          options.onRows?.(rows.length)
          await yieldToEventLoop()
        }
        if (rows.length > options.maxRows + TITLE_ALLOWANCE) throw tooManyRows(fileName, options.maxRows)
      }
      if (!filled) continue
      table.rows = rows
      table.sheetName = sheet.name ?? null
      break
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw fileError(
      fileName,
      'file_not_xlsx',
      `${fileName} could not be read as an Excel workbook: ${(error as Error).message}`,
      { detail: (error as Error).message },
    )
  } finally {
    input.destroy()
  }
  const properties = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties
  table.date1904 = properties?.model?.date1904 === true
  if (table.rows.length === 0)
    throw fileError(fileName, 'file_no_sheet', `${fileName} has no worksheet with data.`)
  options.onRows?.(table.rows.length)
  return table
}
