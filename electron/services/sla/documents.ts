/**
 * Files the SLA area reads and writes through the desktop ports: the calendar file a supervisor imports
 * (read, checked and shown before anything is written) and the compensation slip printed to PDF.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { CalendarImportPreview, Language } from '../../api/contract'
import { AppError } from '../../api/errors'
import { parseCalendarFile, type ParsedCalendar } from '../../files/calendarFile'
import { slipHtml } from '../../files/documents/slip'
import type { DesktopPorts } from '../../files/ports'
import type { ServiceContext } from '../context'
import { previewCalendarImport } from './calendar'
import { slipDocument } from './slips'

/** Far above any year's calendar (a few KB); a bigger file is not a holiday calendar. */
const MAX_CALENDAR_BYTES = 2 * 1024 * 1024

export function readCalendarFile(path: string): ParsedCalendar & { fileName: string } {
  const fileName = basename(path)
  try {
    if (statSync(path).size > MAX_CALENDAR_BYTES)
      throw new AppError('file_unreadable', `${fileName} is too large for a holiday calendar.`, {
        params: { fileName },
      })
    return { fileName, ...parseCalendarFile(fileName, readFileSync(path)) }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('file_unreadable', `${fileName} could not be read: ${(error as Error).message}`, {
      params: { fileName },
    })
  }
}

export async function calendarPreview(
  ctx: ServiceContext,
  token: string,
  file: ParsedCalendar & { fileName: string },
): Promise<CalendarImportPreview> {
  const problems = file.problems.map((problem) => ({ ...problem }))
  const summary = file.entries.length
    ? await previewCalendarImport(ctx, file.entries, file.years)
    : { years: [], restDays: 0, workDays: 0, newDays: 0, changedDays: [] }
  return { token, fileName: file.fileName, problems, ...summary }
}

/** Prints a slip where the operator chooses; returns the path, or null when the dialog was cancelled. */
export async function printSlip(
  ctx: ServiceContext,
  ports: DesktopPorts,
  id: string,
  language: Language,
): Promise<string | null> {
  const document = await slipDocument(ctx, id, language)
  const path = await ports.chooseSaveFile(`${document.number}.pdf`, [{ name: 'PDF', extensions: ['pdf'] }])
  if (!path) return null
  writeFileSync(path, await ports.printPdf(slipHtml(document, language)))
  return path
}
