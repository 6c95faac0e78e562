/**
 * CSV as branch offices save it: UTF-8 with or without a BOM, or GBK/GB18030 from Excel on a Chinese PC
 * (decoded as the calendar import does); comma-separated, or tab- or semicolon-separated when the file says
 * so; quoted fields (RFC 4180) that may hold line breaks; blank lines kept as blank rows.
 */
import { Readable } from 'node:stream'
import { parse } from 'csv-parse'
import { decodeText } from '../calendarFile'
import { AppError } from '../../api/errors'
import {
  ROWS_PER_TURN,
  TITLE_ALLOWANCE,
  fileError,
  tooManyRows,
  trimCells,
  yieldToEventLoop,
  type ReadOptions,
  type Table,
} from './table'

/** Slices of the decoded text fed to the parser, so that a big file is parsed while the app stays responsive. */
const SLICE = 1 << 20

/** The separator the header and first lines use most: a comma unless tabs or semicolons clearly win. */
export function guessDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .split('\n')
    .slice(0, 30)
  const most = (char: string) =>
    Math.max(0, ...lines.map((line) => line.replace(/"[^"]*"/g, '').split(char).length - 1))
  const [comma, tab, semicolon] = [most(','), most('\t'), most(';')]
  if (tab > comma && tab >= semicolon) return '\t'
  if (semicolon > comma && semicolon > tab) return ';'
  return ','
}

export async function readCsvTable(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions,
): Promise<Table> {
  const { text, encoding } = decodeText(bytes)
  if (text.includes('\0'))
    throw fileError(fileName, 'file_not_text', `${fileName} is not a text CSV file: it holds binary data.`)
  if (text.trim() === '') throw fileError(fileName, 'file_empty', `${fileName} is empty.`)
  const parser = parse({
    delimiter: guessDelimiter(text),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  })
  const source = Readable.from(
    (function* () {
      for (let start = 0; start < text.length; start += SLICE) yield text.slice(start, start + SLICE)
    })(),
  )
  source.on('error', (error) => parser.destroy(error))
  source.pipe(parser)
  const table: Table = { fileName, format: 'csv', encoding, sheetName: null, date1904: false, rows: [] }
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      table.rows.push({ row: table.rows.length + 1, cells: trimCells(record) })
      if (table.rows.length % ROWS_PER_TURN === 0) {
        options.onRows?.(table.rows.length)
        await yieldToEventLoop()
      }
      if (table.rows.length > options.maxRows + TITLE_ALLOWANCE) throw tooManyRows(fileName, options.maxRows)
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw fileError(
      fileName,
      'file_read_failed',
      `${fileName} is not a CSV file that can be read: ${(error as Error).message}`,
      { detail: (error as Error).message },
    )
  } finally {
    source.destroy()
  }
  options.onRows?.(table.rows.length)
  return table
}
