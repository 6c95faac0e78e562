/**
 * The command line: the same handlers as the app, for scripts and for supervisors' batch work.
 *   npm run cli -- demo --out <file> [--customers N] [--force]
 *   npm run cli -- customers list --db <file> [--search TEXT] [--json]
 *   npm run cli -- sla quote --class C --product P --accepted DATE [--completed DATE] [--standard-fee YUAN]
 *                            [--db <file>] [--json]
 *   npm run cli -- export <grid> --out <file.xlsx|file.csv> --db <file> [--language en] [--query JSON]
 *   npm run cli -- backup --db <file> --out <file> [--force]
 *   npm run cli -- restore <backup> --db <file>
 *   npm run cli -- import customers|contacts|circuits|revenue <file> --db <file> [--dry-run] [--json]
 *   npm run cli -- report quarterly --quarter 2026Q3 | --from DATE --to DATE --format xlsx|pdf --out <file>
 *                            --db <file> [--language zh-CN|en]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { extname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { DatabaseOpenError, openDatabase } from '../db/connection'
import { writeDemoData } from '../db/seed/demo'
import type { Channel, CustomerRow, InputOf, OutputOf } from './api/contract'
import { dispatch } from './api/handlers'
import { AppHost } from './host'
import { en } from '../renderer/src/i18n/en'
import { PROVISIONING_CLASSES } from './domain/sla'
import { EXPORT_GRIDS, LANGUAGES, REPORT_FORMATS } from './api/schemas'
import type { DesktopPorts } from './files/ports'
import { IMPORT_KINDS } from './api/schemas'
import { AppError } from './api/errors'
import { checkImport, commitImport, openImport } from './services/transfer/import'
import { periodOf } from './domain/periods'
import { launchPrinter, printPdfOn } from './files/chromium'

const USAGE = `Usage:
  npm run cli -- demo --out <file> [--customers N] [--force]
  npm run cli -- customers list --db <file> [--search TEXT] [--json]
  npm run cli -- sla quote --class urgent|expedited|normal --product digital|ddn|fr|atm|...
                           --accepted YYYY-MM-DD [--completed YYYY-MM-DD] [--standard-fee YUAN]
                           [--db <file>] [--json]
      Without --db the shipped rule table and official calendar are used.
  npm run cli -- export <grid> --out <file.xlsx|file.csv> --db <file> [--language zh-CN|en] [--query JSON]
      <grid> is one of ${EXPORT_GRIDS.join(', ')}; the format follows the file's extension;
      --query takes the grid's filter and sort as the app sends them, e.g. '{"statuses":["late"]}'.
  npm run cli -- backup --db <file> --out <file> [--force]
      A consistent copy (SQLite's online backup), safe while the app has the file open.
  npm run cli -- restore <backup> --db <file>
      Checks the backup, keeps a copy of the file as it was in the backups folder beside it, then puts
      the backup in its place. Quit the app on that file first.
  npm run cli -- import customers|contacts|circuits|revenue <file.xlsx|file.csv> --db <file> [--dry-run] [--json]
      Checks every row, then writes the accepted ones in one transaction (all or nothing); --dry-run
      writes nothing. Prints the counts and each rejected row with its reasons.
  npm run cli -- report quarterly (--quarter YYYYQn | --from YYYY-MM-DD --to YYYY-MM-DD)
                                  --format xlsx|pdf --out <file> --db <file> [--language zh-CN|en]
      The supervisors' report, as the app exports it. A PDF is printed by Chromium: the one named by
      ACCOUNT_DESK_CHROMIUM, else /usr/bin/chromium, chromium-browser or google-chrome, else an
      installed Edge or Chrome.`

class CliError extends Error {}

/** Preferences of the command line live in a throwaway folder (it has no window to remember), removed on exit. */
const scratch = mkdtempSync(join(tmpdir(), 'account-desk-cli-'))
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }))

/**
 * A host acting as the command line's user. Backup, restore and the report act as a supervisor (whoever
 * runs them holds the file anyway); the dialogs are answered with the paths given on the command line,
 * and a PDF is printed with `printPdf` when the command brings one.
 */
function hostFor(
  options: {
    role?: 'staff' | 'supervisor'
    save?: string
    open?: string
    refreshOnOpen?: boolean
    printPdf?: DesktopPorts['printPdf']
  } = {},
): AppHost {
  return new AppHost({
    userDataDir: scratch,
    systemLocale: 'en',
    appVersion: 'cli',
    actor: { id: null, name: `command line (${userInfo().username})`, role: options.role ?? 'staff' },
    ports: cliPorts(options),
    automaticBackups: false,
    ...(options.refreshOnOpen === false && { refreshOnOpen: false }),
  })
}

function cliPorts(paths: {
  save?: string
  open?: string
  printPdf?: DesktopPorts['printPdf']
}): DesktopPorts {
  return {
    printPdf: paths.printPdf ?? (() => Promise.reject(new CliError('The command line does not print.'))),
    chooseSaveFile: async () => paths.save ?? null,
    chooseOpenFile: async () => paths.open ?? null,
    openFile: async () => undefined,
  }
}

/** Opens the file for a command; a file the app must not open is said in words, not a stack trace. */
async function openFor(host: AppHost, file: string | undefined, command: string): Promise<void> {
  if (!file) throw new CliError(`${command} needs --db <file>`)
  if (!existsSync(file)) throw new CliError(`No database at ${file}`)
  try {
    await host.open(file)
  } catch (error) {
    if (error instanceof DatabaseOpenError) throw new CliError(error.message)
    throw error
  }
}

async function call<C extends Channel>(host: AppHost, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await dispatch(host, channel, input)
  if (!result.ok) {
    const fields = result.error.fields?.map((field) => `\n  ${field.path}: ${explain(field)}`).join('') ?? ''
    throw new CliError(`${result.error.message}${fields}`)
  }
  return result.value as OutputOf<C>
}

/** A field's refusal in English words, as the app's English screens say it. */
function explain(field: { message: string; params?: Record<string, string | number> }): string {
  const text = (en.validation as Record<string, string>)[field.message] ?? field.message
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(field.params?.[name] ?? ''))
}

async function demo(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { out: { type: 'string' }, customers: { type: 'string' }, force: { type: 'boolean' } },
  })
  if (!values.out) throw new CliError('demo needs --out <file>')
  if (existsSync(values.out)) {
    if (!values.force)
      throw new CliError(`${values.out} exists; pass --force to replace it with a demo database`)
    for (const suffix of ['', '-wal', '-shm']) rmSync(values.out + suffix, { force: true })
  }
  const customers = values.customers ? Number(values.customers) : 300
  if (!Number.isInteger(customers) || customers < 1)
    throw new CliError('--customers takes a whole number above 0')
  const connection = await openDatabase(values.out)
  try {
    await writeDemoData(connection.db, { now: new Date(), customers })
  } finally {
    await connection.close()
  }
  console.log(`Demo database with ${customers} customers written to ${values.out}`)
}

async function customersList(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, search: { type: 'string' }, json: { type: 'boolean' } },
  })
  if (!values.db) throw new CliError('customers list needs --db <file>')
  if (!existsSync(values.db)) throw new CliError(`No database at ${values.db}`)
  const host = hostFor()
  await host.open(values.db)
  try {
    const rows: CustomerRow[] = []
    for (let startRow = 0; ; startRow += 1000) {
      const page = await call(host, 'customers.list', {
        startRow,
        endRow: startRow + 1000,
        quickSearch: values.search ?? '',
        sort: [{ colId: 'code', sort: 'asc' }],
      })
      rows.push(...page.rows)
      if (rows.length >= page.total || page.rows.length === 0) break
    }
    if (values.json) console.log(JSON.stringify(rows, null, 2))
    else for (const row of rows) console.log(`${row.code}\t${row.name}\t${row.accountManager ?? ''}`)
  } finally {
    await host.close()
  }
}

const FEN_PATTERN = /^\d{1,11}(\.\d{1,2})?$/

/** Yuan as typed (12345.6) to integer fen, refusing what is not an amount. */
function yuanToFen(text: string): number {
  if (!FEN_PATTERN.test(text))
    throw new CliError(`--standard-fee takes an amount in yuan such as 12000 or 12000.50, not ${text}`)
  const [whole, fraction = ''] = text.split('.')
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}

async function slaQuote(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      class: { type: 'string' },
      product: { type: 'string' },
      accepted: { type: 'string' },
      completed: { type: 'string' },
      'standard-fee': { type: 'string' },
      db: { type: 'string' },
      json: { type: 'boolean' },
    },
  })
  for (const required of ['class', 'product', 'accepted'] as const)
    if (!values[required]) throw new CliError(`sla quote needs --${required}`)
  if (!(PROVISIONING_CLASSES as readonly string[]).includes(values.class!))
    throw new CliError(`--class is one of ${PROVISIONING_CLASSES.join(', ')}`)
  if (values.db && !existsSync(values.db)) throw new CliError(`No database at ${values.db}`)
  const host = hostFor()
  // Without a database of the operator's, a scratch one holds the shipped rules and calendar.
  await host.open(values.db ?? join(scratch, 'quote.sqlite'))
  try {
    const { products } = await call(host, 'lookups.get', {})
    const product = products.find((entry) => entry.code === values.product && !entry.retired)
    if (!product)
      throw new CliError(
        `--product is one of ${products
          .filter((p) => !p.retired)
          .map((p) => p.code)
          .join(', ')}`,
      )
    const quote = await call(host, 'sla.quote', {
      provisioningClass: values.class as 'urgent',
      productId: product.id,
      acceptedOn: values.accepted!,
      completedOn: values.completed ?? null,
      standardFeeFen: values['standard-fee'] === undefined ? null : yuanToFen(values['standard-fee']),
    })
    const result = {
      dueDate: quote.dueOn,
      status: quote.status,
      lateWorkingDays: quote.lateWorkingDays,
      chargedFeeFen: quote.chargedFeeFen,
      compensationFen: quote.compensationFen,
      capFen: quote.capFen,
      capped: quote.capped,
      terms: {
        limitDays: quote.limitDays,
        priceFactorBp: quote.priceFactorBp,
        rateBp: quote.rateBp,
        capBp: quote.capBp,
      },
      calendarWarnings: quote.calendarWarnings.map((year) => ({
        year,
        message: `No official calendar for ${year} is loaded: its dates count weekends only and may be wrong.`,
      })),
      skippedDays: quote.dueNotes,
      lateDays: quote.lateNotes,
    }
    if (values.json) console.log(JSON.stringify(result, null, 2))
    else printQuote(result)
  } finally {
    await host.close()
  }
}

function printQuote(result: {
  dueDate: string
  lateWorkingDays: number
  chargedFeeFen: number | null
  compensationFen: number
  calendarWarnings: { message: string }[]
}): void {
  const yuan = (fen: number | null) => (fen === null ? '-' : (fen / 100).toFixed(2))
  console.log(`Due date:           ${result.dueDate}`)
  console.log(`Late working days:  ${result.lateWorkingDays}`)
  console.log(`Charged fee (yuan): ${yuan(result.chargedFeeFen)}`)
  console.log(`Compensation (yuan): ${yuan(result.compensationFen)}`)
  for (const warning of result.calendarWarnings) console.log(`Warning: ${warning.message}`)
}

async function exportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      db: { type: 'string' },
      language: { type: 'string' },
      query: { type: 'string' },
    },
  })
  const grid = positionals[0]
  if (!grid || !(EXPORT_GRIDS as readonly string[]).includes(grid))
    throw new CliError(`export needs a grid, one of ${EXPORT_GRIDS.join(', ')}`)
  if (positionals.length > 1) throw new CliError(`export takes one grid, not ${positionals.join(' ')}`)
  if (!values.out) throw new CliError('export needs --out <file.xlsx|file.csv>')
  const format = extname(values.out).toLowerCase().slice(1)
  if (format !== 'xlsx' && format !== 'csv')
    throw new CliError(`--out must end in .xlsx or .csv (the format follows it), not ${values.out}`)
  const language = values.language ?? 'zh-CN'
  if (!(LANGUAGES as readonly string[]).includes(language))
    throw new CliError(`--language is one of ${LANGUAGES.join(', ')}`)
  let query: Record<string, unknown> = {}
  if (values.query !== undefined) {
    try {
      query = JSON.parse(values.query) as Record<string, unknown>
    } catch {
      throw new CliError(
        `--query takes the grid's filter as JSON, e.g. '{"search":"临江"}', not ${values.query}`,
      )
    }
    if (typeof query !== 'object' || query === null || Array.isArray(query))
      throw new CliError(`--query takes a JSON object, not ${values.query}`)
  }
  const host = hostFor({ save: values.out })
  await openFor(host, values.db, 'export')
  try {
    const saved = await call(host, 'export.grid', {
      grid: grid as (typeof EXPORT_GRIDS)[number],
      format,
      language: language as (typeof LANGUAGES)[number],
      query,
    })
    console.log(`Exported ${grid} to ${saved?.fileName ?? values.out}`)
  } finally {
    await host.close()
  }
}

async function backupCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { db: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
  })
  if (!values.out) throw new CliError('backup needs --out <file>')
  if (existsSync(values.out) && !values.force)
    throw new CliError(`${values.out} exists; pass --force to replace it with the backup`)
  const host = hostFor({ role: 'supervisor', save: values.out })
  await openFor(host, values.db, 'backup')
  try {
    await call(host, 'backup.now', {})
    console.log(`Backup of ${values.db} written to ${values.out}`)
  } finally {
    await host.close()
  }
}

async function restoreCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' } },
  })
  const backup = positionals[0]
  if (!backup || positionals.length > 1)
    throw new CliError('restore needs one backup file: restore <backup> --db <file>')
  // The current file is opened only to be replaced: no daily recompute written into it first.
  const host = hostFor({ role: 'supervisor', open: backup, refreshOnOpen: false })
  await openFor(host, values.db, 'restore')
  try {
    const result = await call(host, 'backup.restore', {})
    console.log(
      `Restored ${values.db} from ${backup} (schema ${result!.schemaVersion}). The file as it was is at ${result!.safetyCopy}`,
    )
  } finally {
    await host.close()
  }
}

/** Imports a file through the app's own import service: the same reading, checks and writes. */
async function importCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  })
  const [kind, file, ...extra] = positionals
  if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind))
    throw new CliError(`import needs a kind, one of ${IMPORT_KINDS.join(', ')}`)
  if (!file || extra.length > 0) throw new CliError('import needs one file: import <kind> <file> --db <file>')
  const host = hostFor()
  await openFor(host, values.db, 'import')
  try {
    const ctx = host.authorize('write')
    let counts
    try {
      const session = await openImport(ctx, file, kind as (typeof IMPORT_KINDS)[number], { language: 'en' })
      if (values['dry-run']) {
        const check = await checkImport(ctx, session)
        counts = { ...check.counts, rejectedRows: check.rejected }
      } else counts = await commitImport(ctx, session)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      const fields =
        error.details.fields?.map((field) => `\n  ${field.path}: ${explain(field)}`).join('') ?? ''
      throw new CliError(`${error.message}${fields}`)
    }
    const { rejectedRows, ...figures } = counts
    const result = {
      ...figures,
      rejected: rejectedRows.map(({ row, reasons }) => ({
        row,
        reasons: reasons.map((reason) =>
          reason.path ? `${reason.path}: ${explain(reason)}` : explain(reason),
        ),
      })),
    }
    if (values.json) console.log(JSON.stringify(result, null, 2))
    else {
      console.log(
        `${values['dry-run'] ? 'Checked (nothing written)' : 'Imported'} ${file}: ${figures.read} rows read, ` +
          `${figures.imported} new, ${figures.updated} updated, ${figures.unchanged} unchanged, ` +
          `${figures.skippedBlank} blank, ${figures.rejected} rejected`,
      )
      for (const { row, reasons } of result.rejected) console.log(`  row ${row}: ${reasons.join('; ')}`)
    }
  } finally {
    await host.close()
  }
}

/** The window of `report quarterly`: a quarter (2026Q3) or --from and --to. */
function reportWindow(values: { quarter?: string; from?: string; to?: string }): {
  from: string
  to: string
} {
  if (values.quarter !== undefined) {
    if (values.from !== undefined || values.to !== undefined)
      throw new CliError('report takes either --quarter or --from and --to, not both')
    const quarter = /^(\d{4})Q([1-4])$/.exec(values.quarter)
    if (!quarter) throw new CliError(`--quarter takes a quarter such as 2026Q3, not ${values.quarter}`)
    const month = String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, '0')
    const { start, end } = periodOf('quarter', `${quarter[1]}-${month}-01`)
    return { from: start, to: end }
  }
  if (!values.from || !values.to) throw new CliError('report needs --quarter, or --from and --to')
  return { from: values.from, to: values.to }
}

async function reportCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      quarter: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
      language: { type: 'string' },
    },
  })
  const window = reportWindow(values)
  const format = values.format as (typeof REPORT_FORMATS)[number]
  if (!REPORT_FORMATS.includes(format)) throw new CliError(`--format is one of ${REPORT_FORMATS.join(', ')}`)
  if (!values.out) throw new CliError(`report needs --out <file.${format}>`)
  if (extname(values.out).toLowerCase() !== `.${format}`)
    throw new CliError(`--out must end in .${format} for --format ${format}, not ${values.out}`)
  const language = values.language ?? 'zh-CN'
  if (!(LANGUAGES as readonly string[]).includes(language))
    throw new CliError(`--language is one of ${LANGUAGES.join(', ')}`)
  // Found before any figure is worked out, so that a missing browser is said at once.
  const browser = format === 'pdf' ? await launchPrinter().catch(asCliError) : null
  const host = hostFor({
    role: 'supervisor',
    save: values.out,
    ...(browser && { printPdf: (html: string) => printPdfOn(browser, html) }),
  })
  try {
    await openFor(host, values.db, 'report')
    const saved = await call(host, 'report.export', {
      ...window,
      format,
      language: language as (typeof LANGUAGES)[number],
    })
    console.log(`Report for ${window.from} to ${window.to} written to ${saved?.fileName ?? values.out}`)
  } finally {
    await host.close()
    await browser?.close()
  }
}

/** A refusal of ours (an AppError) in the command line's words. */
function asCliError(error: unknown): never {
  throw error instanceof AppError ? new CliError(error.message) : error
}

/** node:util parseArgs refuses unknown or malformed options with these codes. */
function isParseArgsError(error: unknown): boolean {
  return String((error as { code?: unknown })?.code).startsWith('ERR_PARSE_ARGS')
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  demo,
  'customers list': customersList,
  'sla quote': slaQuote,
  export: exportCommand,
  backup: backupCommand,
  restore: restoreCommand,
  import: importCommand,
  'report quarterly': reportCommand,
}

async function main(argv: string[]): Promise<number> {
  const command = COMMANDS[argv[0] ?? ''] ? argv[0]! : `${argv[0]} ${argv[1]}`
  const run = COMMANDS[command]
  if (!run) {
    console.error(USAGE)
    return 2
  }
  try {
    await run(argv.slice(command.split(' ').length))
    return 0
  } catch (error) {
    if (!(error instanceof CliError || isParseArgsError(error))) throw error
    console.error(`Error: ${(error as Error).message}`)
    return 1
  }
}

process.exitCode = await main(process.argv.slice(2))
