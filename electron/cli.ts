/**
 * The command line: the same handlers as the app, for scripts and for supervisors' batch work.
 *   npm run cli -- demo --out <file> [--customers N] [--force]
 *   npm run cli -- customers list --db <file> [--search TEXT] [--json]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../db/connection'
import { writeDemoData } from '../db/seed/demo'
import type { Channel, CustomerRow, InputOf, OutputOf } from './api/contract'
import { dispatch } from './api/handlers'
import { AppHost } from './host'

const USAGE = `Usage:
  npm run cli -- demo --out <file> [--customers N] [--force]
  npm run cli -- customers list --db <file> [--search TEXT] [--json]`

class CliError extends Error {}

/** Preferences of the command line live in a throwaway folder (it has no window to remember), removed on exit. */
const scratch = mkdtempSync(join(tmpdir(), 'account-desk-cli-'))
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }))

function hostFor(): AppHost {
  return new AppHost({
    userDataDir: scratch,
    systemLocale: 'en',
    appVersion: 'cli',
    actor: { id: null, name: `command line (${userInfo().username})`, role: 'staff' },
  })
}

async function call<C extends Channel>(host: AppHost, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await dispatch(host, channel, input)
  if (!result.ok) {
    const fields = result.error.fields?.map((field) => `\n  ${field.path}: ${field.message}`).join('') ?? ''
    throw new CliError(`${result.error.message}${fields}`)
  }
  return result.value as OutputOf<C>
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

/** node:util parseArgs refuses unknown or malformed options with these codes. */
function isParseArgsError(error: unknown): boolean {
  return String((error as { code?: unknown })?.code).startsWith('ERR_PARSE_ARGS')
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  demo,
  'customers list': customersList,
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
