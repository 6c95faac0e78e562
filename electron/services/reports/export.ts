/**
 * The report written where the operator chooses, as an XLSX workbook or a PDF. One export runs at a
 * time; it says how far it has got (figures section by section, then the PDF's charts, then writing) and
 * yields to the event loop between steps, so that `report.progress` and `report.cancel` are answered
 * while it works. Cancelled, it stops at its next step and leaves no file behind: it writes beside the
 * target and takes the target's name only when complete.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs'
import { extname } from 'node:path'
import type { Language, Report, ReportProgress } from '../../api/contract'
import { AppError } from '../../api/errors'
import type { ReportExportInput } from '../../api/schemas'
import { exactQuarter } from '../../domain/periods'
import { REPORT_SECTIONS, type ReportSection } from '../../domain/report'
import { chartSvg, REPORT_STRINGS, reportHtml, type ReportWording } from '../../files/documents/report'
import type { DesktopPorts, FileFilter } from '../../files/ports'
import { reportWorkbook } from '../../files/reportWorkbook'
import type { ServiceContext } from '../context'
import { issuerName } from '../delivery/rules'
import { getLookups } from '../settings/lookups'
import { writeRefusal } from '../transfer/export'
import { quarterlyReport, reportWindow } from './report'

/** Reports one step done and gives the event loop a turn; throws when the operator has cancelled. */
export type Step = (stage: ReportProgress['stage'], done: number, total: number) => Promise<void>

interface Job {
  /** Null while the save dialog is open. */
  progress: ReportProgress | null
  cancelled: boolean
}

/** The export under way, if any: one at a time per desk. */
export class ReportExports {
  private job: Job | null = null

  progress(): ReportProgress | null {
    return this.job?.progress ?? null
  }

  cancel(): null {
    if (this.job) this.job.cancelled = true
    return null
  }

  async run<T>(work: (step: Step) => Promise<T>): Promise<T> {
    if (this.job)
      throw new AppError(
        'report_busy',
        'Another report is being exported: wait for it to finish, or cancel it, then export again.',
      )
    const job: Job = (this.job = { progress: null, cancelled: false })
    try {
      return await work(async (stage, done, total) => {
        job.progress = { stage, done, total }
        await new Promise(setImmediate)
        if (job.cancelled)
          throw new AppError('report_cancelled', 'The export was cancelled; no file was written.')
      })
    } finally {
      this.job = null
    }
  }
}

const FILTERS: Record<ReportExportInput['format'], FileFilter> = {
  xlsx: { name: 'Excel (.xlsx)', extensions: ['xlsx'] },
  pdf: { name: 'PDF', extensions: ['pdf'] },
}

/** `季度报表-2026Q3.xlsx`, `quarterly-report-2026Q3.pdf`; a range of days by its first and last. */
export function suggestedReportName(input: ReportExportInput): string {
  const title = REPORT_STRINGS[input.language].title.toLowerCase().replace(/\s+/g, '-')
  return `${title}-${exactQuarter(input.from, input.to) ?? `${input.from}_${input.to}`}.${input.format}`
}

/** Asks where to save, then works the report out and writes it; null when the operator cancels the dialog. */
export async function exportReport(
  ctx: ServiceContext,
  ports: DesktopPorts,
  input: ReportExportInput,
  step: Step,
): Promise<string | null> {
  reportWindow(ctx, input) // A window the report refuses is refused before the dialog opens.
  const chosen = await ports.chooseSaveFile(suggestedReportName(input), [FILTERS[input.format]])
  if (!chosen) return null
  const path = extname(chosen).toLowerCase() === `.${input.format}` ? chosen : `${chosen}.${input.format}`
  await step('figures', 0, REPORT_SECTIONS.length)
  const report = await quarterlyReport(ctx, input, (done, total) => step('figures', done, total))
  const wording = await reportWording(ctx, input.language)
  const bytes =
    input.format === 'pdf'
      ? await pdfBytes(report, wording, ports, step)
      : await xlsxBytes(report, wording, step)
  await writeBeside(path, bytes, () => step('writing', 1, 1))
  return path
}

/** Each section's chart drawn, then the document printed. */
async function pdfBytes(report: Report, wording: ReportWording, ports: DesktopPorts, step: Step) {
  const charts: string[] = []
  for (const table of report.sections) {
    charts.push(chartSvg(table, wording))
    await step('charts', charts.length, report.sections.length)
  }
  await step('writing', 0, 1)
  return ports.printPdf(reportHtml(report, wording, charts))
}

async function xlsxBytes(report: Report, wording: ReportWording, step: Step) {
  await step('writing', 0, 1)
  return new Uint8Array(await reportWorkbook(report, wording).xlsx.writeBuffer())
}

/** Writes a file beside `path` that takes its name only once complete and `last` has passed. */
async function writeBeside(path: string, bytes: Uint8Array, last: () => Promise<void>): Promise<void> {
  const partial = `${path}.partial`
  try {
    writeFileSync(partial, bytes)
    await last()
    renameSync(partial, path)
  } catch (error) {
    rmSync(partial, { force: true })
    throw writeRefusal(error, path)
  }
}

/** The names behind a report's keys, in the language; deleted tiers and managers too, as customers keep them. */
async function reportWording(ctx: ServiceContext, language: Language): Promise<ReportWording> {
  const s = REPORT_STRINGS[language]
  const [lookups, tiers, managers, issuer] = await Promise.all([
    getLookups(ctx),
    ctx.db.selectFrom('tier').select(['id', 'labelZh', 'labelEn']).execute(),
    ctx.db.selectFrom('accountManager').select(['id', 'name']).execute(),
    issuerName(ctx, language),
  ])
  const label = (entry: { labelZh: string; labelEn: string }) =>
    language === 'en' ? entry.labelEn : entry.labelZh
  const branchNames = new Map(lookups.branches.map((branch) => [branch.id, label(branch)]))
  const tierNames = new Map(tiers.map((tier) => [`tier.${tier.id}`, label(tier)]))
  const managerNames = new Map(managers.map((manager) => [manager.id, manager.name]))
  return {
    language,
    s,
    issuer,
    row: (grouping, key) => {
      if (key === null) return grouping === 'branch' ? s.noBranch : s.noManager
      return (grouping === 'branch' ? branchNames : managerNames).get(key) ?? key
    },
    measure: (section: ReportSection, key) =>
      tierNames.get(key) ?? (s.measures[section] as Record<string, string>)[key] ?? key,
  }
}
