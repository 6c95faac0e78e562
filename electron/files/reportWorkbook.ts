/**
 * The supervisors' report as an XLSX workbook: a first sheet with the title, the window, the date it was
 * made on, the issuer and the list of sections; then a sheet per section with the rows by branch and
 * their total, then the rows by account manager and theirs. Figures are numbers with the format of their
 * kind (yuan, per cent), so that they add up and sort in the spreadsheet; text that a spreadsheet would
 * run as a formula is neutralised.
 */
import ExcelJS from 'exceljs'
import type { Report, ReportRow, ReportTable } from '../api/contract'
import type { MeasureKind } from '../domain/report'
import { neutralise } from '../services/transfer/export'
import { measureText, windowText, type Grouping, type ReportWording } from './documents/report'

/** What a stored figure is divided by to give the cell's number, and the cell's number format. */
const CELLS: Record<MeasureKind, { divisor: number; numFmt: string }> = {
  count: { divisor: 1, numFmt: '#,##0' },
  fen: { divisor: 100, numFmt: '#,##0.00' },
  bp: { divisor: 10_000, numFmt: '0.00%' },
  ppm: { divisor: 1_000_000, numFmt: '0.000%' },
  minutes: { divisor: 1, numFmt: '#,##0' },
  score: { divisor: 100, numFmt: '0.00' },
}

/** A sheet's name: at most 31 characters, none of []:*?/\, cut at a word where it is too long. */
export function sheetName(title: string): string {
  const clean = title.replace(/[[\]:*?/\\]/g, '-')
  if (clean.length <= 31) return clean
  const cut = clean.slice(0, 32)
  const space = cut.lastIndexOf(' ')
  return (space > 0 ? cut.slice(0, space) : cut.slice(0, 31)).replace(/[\s(（,，]+$/, '')
}

/** Columns wide enough for their longest text; a CJK character takes two widths. */
function fitWidths(sheet: ExcelJS.Worksheet, texts: string[][]): void {
  const width = (text: string) =>
    [...text].reduce((sum, char) => sum + (/[\u2e80-\uffff]/.test(char) ? 2 : 1), 0)
  sheet.columns.forEach((column, index) => {
    const longest = Math.max(...texts.map((row) => width(row[index] ?? '')))
    column.width = Math.min(Math.max(longest + 2, 8), 48)
  })
}

function coverSheet(book: ExcelJS.Workbook, report: Report, wording: ReportWording): void {
  const { s } = wording
  const sheet = book.addWorksheet(sheetName(s.title))
  sheet.addRow([neutralise(s.documentTitle)]).font = { bold: true, size: 14 }
  sheet.addRow([])
  const rows = [
    [s.pdf.cover, windowText(report, wording)],
    [s.pdf.generated, report.asOf],
    [s.pdf.issuer, wording.issuer],
  ]
  for (const [label, value] of rows) {
    const row = sheet.addRow([neutralise(label!), neutralise(value!)])
    row.getCell(1).font = { bold: true }
  }
  sheet.addRow([])
  sheet.addRow([neutralise(s.pdf.contents)]).font = { bold: true }
  report.sections.forEach((table, index) => sheet.addRow([index + 1, neutralise(s.sections[table.section])]))
  sheet.getColumn(1).width = 14
  sheet.getColumn(2).width = 60
}

function sectionSheet(book: ExcelJS.Workbook, table: ReportTable, wording: ReportWording): void {
  const { s } = wording
  const header = [
    s.columns.grouping,
    s.columns.name,
    ...table.measures.map((measure) => wording.measure(table.section, measure.key)),
  ]
  const sheet = book.addWorksheet(sheetName(s.sections[table.section]), {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  })
  sheet.columns = header.map((_, index) => ({ key: `c${index}` }))
  const headerRow = sheet.addRow(header.map(neutralise))
  headerRow.font = { bold: true }
  headerRow.alignment = { vertical: 'middle', wrapText: true }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } }
  const texts = [header]
  const add = (grouping: Grouping, name: string, values: ReportRow['values'], total = false) => {
    const cells = table.measures.map((measure) => {
      const value = values[measure.key] ?? null
      return value === null ? null : value / CELLS[measure.kind].divisor
    })
    const row = sheet.addRow([neutralise(s.groupings[grouping]), neutralise(name), ...cells])
    table.measures.forEach((measure, index) => (row.getCell(index + 3).numFmt = CELLS[measure.kind].numFmt))
    if (total)
      for (let column = 1; column <= header.length; column += 1) {
        const cell = row.getCell(column)
        cell.font = { bold: true }
        cell.border = { top: { style: 'thin' } }
      }
    texts.push([
      s.groupings[grouping],
      name,
      ...table.measures.map((measure) =>
        measureText(measure.kind, values[measure.key] ?? null, wording.language),
      ),
    ])
  }
  for (const grouping of ['branch', 'manager'] as const) {
    for (const row of grouping === 'branch' ? table.byBranch : table.byManager)
      add(grouping, wording.row(grouping, row.key), row.values)
    add(grouping, s.total, table.total, true)
  }
  fitWidths(sheet, texts)
}

export function reportWorkbook(report: Report, wording: ReportWording): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook()
  book.creator = 'Account Desk'
  book.title = wording.s.documentTitle
  coverSheet(book, report, wording)
  for (const table of report.sections) sectionSheet(book, table, wording)
  return book
}
