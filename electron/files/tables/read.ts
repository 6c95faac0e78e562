/**
 * Reads a CSV or XLSX file into a table, refusing what is not what its name says: an .xlsx that is no
 * zip, a .csv with binary bytes, an old .xls, an empty file, a zip bomb, too many rows, or a file that is
 * moved, deleted or changed while it is read. Every refusal is an AppError `file_unreadable` whose field
 * error names the problem (an i18n key under `validation.`); nothing has been written when it is thrown.
 */
import { openSync, closeSync, readSync, readFileSync, statSync, type Stats } from 'node:fs'
import { basename, extname } from 'node:path'
import { AppError } from '../../api/errors'
import { readCsvTable } from './csv'
import { fileError, type ReadOptions, type Table } from './table'
import { readXlsxTable } from './xlsx'

export type { Cell, CellIssue, Table, TableRow, ReadOptions } from './table'

const ZIP = [0x50, 0x4b, 0x03, 0x04]
/** OLE compound file: an old .xls, or a workbook saved with a password. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte)
}

function firstBytes(path: string): Uint8Array {
  const fd = openSync(path, 'r')
  try {
    const buffer = new Uint8Array(8)
    const read = readSync(fd, buffer, 0, 8, 0)
    return buffer.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

function missing(fileName: string): AppError {
  return fileError(
    fileName,
    'file_missing',
    `${fileName} is not there any more (moved, deleted, or on a drive that is no longer connected).`,
  )
}

/** The file as it was when reading began: a change of size or time while it was read spoils the read. */
function sameFile(before: Stats, after: Stats): boolean {
  return before.size === after.size && before.mtimeMs === after.mtimeMs
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

export async function readTable(path: string, options: ReadOptions): Promise<Table> {
  const fileName = basename(path)
  let before: Stats
  try {
    before = statSync(path)
  } catch (error) {
    if (isMissing(error)) throw missing(fileName)
    throw readFailed(fileName, error)
  }
  if (!before.isFile()) throw fileError(fileName, 'file_type', `${fileName} is not a file.`)
  if (before.size === 0) throw fileError(fileName, 'file_empty', `${fileName} is empty.`)
  let table: Table
  try {
    table = await readByType(fileName, path, options)
  } catch (error) {
    // A read that failed because the file went away or changed says so, rather than what the half-read
    // bytes looked like.
    const now = statOrNull(path)
    if (!now) throw missing(fileName)
    if (!sameFile(before, now)) throw changed(fileName)
    if (error instanceof AppError) throw error
    throw readFailed(fileName, error)
  }
  let after: Stats
  try {
    after = statSync(path)
  } catch (error) {
    if (isMissing(error)) throw missing(fileName)
    throw readFailed(fileName, error)
  }
  if (!sameFile(before, after)) throw changed(fileName)
  return table
}

function changed(fileName: string): AppError {
  return fileError(
    fileName,
    'file_changed',
    `${fileName} changed while it was being read: save and close it, then import it again.`,
  )
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path)
  } catch {
    return null
  }
}

function readFailed(fileName: string, error: unknown): AppError {
  const detail = error instanceof Error ? error.message : String(error)
  return fileError(fileName, 'file_read_failed', `${fileName} could not be read: ${detail}`, { detail })
}

async function readByType(fileName: string, path: string, options: ReadOptions): Promise<Table> {
  const extension = extname(fileName).toLowerCase()
  const head = firstBytes(path)
  if (startsWith(head, OLE))
    throw fileError(
      fileName,
      'file_xls',
      `${fileName} is an old Excel file (.xls) or a workbook with a password: save it as .xlsx or CSV.`,
    )
  if (extension === '.xlsx' || extension === '.xlsm') return readXlsxTable(fileName, path, options)
  if (extension === '.csv' || extension === '.txt' || extension === '.tsv') {
    if (startsWith(head, ZIP))
      throw fileError(fileName, 'file_not_text', `${fileName} is not a text CSV file: it holds binary data.`)
    return readCsvTable(fileName, readFileSync(path), options)
  }
  if (extension === '.xls')
    throw fileError(fileName, 'file_xls', `${fileName} is an old Excel file (.xls): save it as .xlsx or CSV.`)
  throw fileError(fileName, 'file_type', `${fileName} is neither an .xlsx workbook nor a .csv file.`)
}
