/**
 * A table read from a file the operator imports (CSV or XLSX): every row as its cells, before any meaning
 * is given to them. Reading checks the file itself (what it is, its size, that it stays put while read);
 * what the cells mean is the import service's business.
 */
import { AppError } from '../../api/errors'

/** A cell that has no usable value: a formula without a cached result, or an Excel error (#N/A, #REF!). */
export interface CellIssue {
  issue: 'formula_without_value' | 'cell_error'
  /** The formula or the error as written. */
  text: string
}

/**
 * A cell as read: text (CSV cells are always text), a number (an XLSX number or date serial: dates are
 * never turned into Date objects here, so the import decides by column what a number means), a boolean,
 * nothing, or an issue. A formula cell reads as its cached result: formulas are never evaluated.
 */
export type Cell = string | number | boolean | null | CellIssue

export interface TableRow {
  /** The row's number as the operator sees it in Excel (1-based; a CSV record's number). */
  row: number
  /** Cells from the first column; trailing empty cells are dropped. */
  cells: Cell[]
}

export interface Table {
  fileName: string
  format: 'csv' | 'xlsx'
  /** The text encoding of a CSV; null for XLSX. */
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | null
  sheetName: string | null
  /** The workbook counts dates from 1904 (old Mac Excel). */
  date1904: boolean
  /** Every row present in the file, blank and title rows included, in order. */
  rows: TableRow[]
}

export interface ReadOptions {
  /**
   * Rows allowed in the file. The reader stops early once a file has clearly more (title rows aside);
   * the exact count of data rows under the header is the import's check.
   */
  maxRows: number
  /** Called every few hundred rows with the rows read so far. */
  onRows?: (rows: number) => void
}

/**
 * Why a file cannot be read, each an i18n key under `validation.` (with its English text for the CLI
 * and logs): the file is refused whole and nothing is written.
 */
export type FileProblem =
  | 'file_missing'
  | 'file_changed'
  | 'file_empty'
  | 'file_not_xlsx'
  | 'file_xls'
  | 'file_not_text'
  | 'file_type'
  | 'file_zip_bomb'
  | 'file_too_many_rows'
  | 'file_no_sheet'
  | 'file_read_failed'

export function fileError(
  fileName: string,
  problem: FileProblem,
  message: string,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError('file_unreadable', message, {
    params: { fileName, ...params },
    fields: [{ path: 'file', message: problem, params: { fileName, ...params } }],
  })
}

/** A cell with nothing in it: null, or text of spaces only. */
export function isBlankCell(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '')
}

/** Drops trailing blank cells, so that a row's length is its last filled column. */
export function trimCells(cells: Cell[]): Cell[] {
  let end = cells.length
  while (end > 0 && isBlankCell(cells[end - 1]!)) end--
  return end === cells.length ? cells : cells.slice(0, end)
}

/** Gives the event loop a turn: progress and cancel calls are served while a long read or write runs. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/** Rows between turns given back to the event loop. */
export const ROWS_PER_TURN = 500

/** Rows above the header (a title, a date, a blank line) that do not count against the row limit. */
export const TITLE_ALLOWANCE = 50

export function tooManyRows(fileName: string, limit: number): AppError {
  return fileError(
    fileName,
    'file_too_many_rows',
    `${fileName} has more than ${limit.toLocaleString('en')} rows, the most one import takes.`,
    { limit },
  )
}
