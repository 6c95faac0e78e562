import { mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import { Migrator, type Migration } from 'kysely/migration'
import { MIGRATIONS } from './migrations'
import { addShippedCalendarYears } from './seed/calendar'
import type { Database } from './schema'

export interface Connection {
  file: string
  db: Kysely<Database>
  sqlite: SqliteDatabase.Database
  schemaVersion: number
  /** Path of the backup written before migrating, when a migration ran on an existing file. */
  backupBeforeMigration: string | null
  close(): Promise<void>
}

export interface OpenOptions {
  /** Folder for the backup written before a migration; defaults to a `backups` folder beside the file. */
  backupDir?: string
  /** Stop at this migration (tests build an older database with it). */
  migrateTo?: string
  /** The migrations to apply; the app's own list unless a test brings a failing one. */
  migrations?: Record<string, Migration>
  clock?: () => Date
}

/** A database that cannot be opened safely; the message says why in the operator's terms. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly code: 'newer_schema' | 'pragma_refused' | 'migration_failed',
    message: string,
  ) {
    super(message)
  }
}

const REQUIRED_PRAGMAS = { foreign_keys: 1, busy_timeout: 5000 } as const

/** Sets the pragmas and reads each one back: a file that refuses them is not opened. */
function applyPragmas(sqlite: SqliteDatabase.Database, inMemory: boolean): void {
  const journal = sqlite.pragma('journal_mode = WAL', { simple: true })
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma(`busy_timeout = ${REQUIRED_PRAGMAS.busy_timeout}`)
  sqlite.pragma('synchronous = NORMAL')
  const expectedJournal = inMemory ? 'memory' : 'wal'
  if (journal !== expectedJournal) {
    throw new DatabaseOpenError(
      'pragma_refused',
      `journal_mode is ${String(journal)}, expected ${expectedJournal}`,
    )
  }
  for (const [name, expected] of Object.entries(REQUIRED_PRAGMAS)) {
    const actual = sqlite.pragma(name, { simple: true })
    if (actual !== expected) {
      throw new DatabaseOpenError('pragma_refused', `${name} is ${String(actual)}, expected ${expected}`)
    }
  }
}

function hasTable(sqlite: SqliteDatabase.Database, name: string): boolean {
  return (
    sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined
  )
}

function executedMigrations(sqlite: SqliteDatabase.Database): string[] {
  if (!hasTable(sqlite, 'kysely_migration')) return []
  return (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
    (row) => row.name,
  )
}

/**
 * What a database file says about its schema: null when it has no migrations table (not an Account Desk
 * file), else how many migrations ran and those this app does not know (a newer app's).
 */
export function schemaOf(
  sqlite: SqliteDatabase.Database,
  migrations: Record<string, Migration> = MIGRATIONS,
): { version: number; unknown: string[] } | null {
  if (!hasTable(sqlite, 'kysely_migration')) return null
  const executed = executedMigrations(sqlite)
  return { version: executed.length, unknown: executed.filter((name) => !(name in migrations)) }
}

function timestampForFile(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

async function backupBeforeMigrating(
  sqlite: SqliteDatabase.Database,
  file: string,
  fromVersion: number,
  options: OpenOptions,
): Promise<string> {
  const dir = options.backupDir ?? join(dirname(file), 'backups')
  mkdirSync(dir, { recursive: true })
  const now = (options.clock ?? (() => new Date()))()
  const target = join(
    dir,
    `${basename(file)}.v${fromVersion}.${timestampForFile(now)}.before-migration.sqlite`,
  )
  await sqlite.backup(target)
  return target
}

/** Prepared statements kept per SQL text: Kysely prepares every query anew, and preparing costs more than running. */
const STATEMENT_CACHE_SIZE = 500

/**
 * The connection as Kysely sees it, with `prepare` remembering recent statements (least recently used
 * dropped first). better-sqlite3 statements are reusable, so the same SQL runs on the same statement.
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>()
  const prepare = sqlite.prepare.bind(sqlite)
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver) as unknown
      return (source: string) => {
        const hit = cache.get(source)
        if (hit) {
          cache.delete(source)
          cache.set(source, hit)
          return hit
        }
        const statement = prepare(source)
        cache.set(source, statement)
        if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!)
        return statement
      }
    },
  })
}

/**
 * Opens (or creates) the SQLite file: pragmas checked, refused when made by a newer app, backed up and
 * migrated when made by an older one.
 */
export async function openDatabase(file: string, options: OpenOptions = {}): Promise<Connection> {
  const inMemory = file === ':memory:'
  if (!inMemory) mkdirSync(dirname(file), { recursive: true })
  const sqlite = new SqliteDatabase(file)
  try {
    applyPragmas(sqlite, inMemory)
    const migrations = options.migrations ?? MIGRATIONS
    const names = Object.keys(migrations)
    const executed = executedMigrations(sqlite)
    const unknown = executed.filter((name) => !(name in migrations))
    if (unknown.length > 0) {
      throw new DatabaseOpenError(
        'newer_schema',
        `This database was written by a newer version of Account Desk (schema ${executed.length}, this app knows ${names.length}). Update the app to open it.`,
      )
    }
    const target = options.migrateTo ?? names.at(-1)!
    const targetVersion = names.indexOf(target) + 1
    const needsMigration = executed.length < targetVersion
    const backup =
      needsMigration && executed.length > 0 && !inMemory
        ? await backupBeforeMigrating(sqlite, file, executed.length, options)
        : null
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins: [new CamelCasePlugin()],
    })
    if (needsMigration) await migrate(db, sqlite, migrations, target, backup)
    if (hasTable(sqlite, 'calendar_year')) {
      await addShippedCalendarYears(db, (options.clock ?? (() => new Date()))())
    }
    return {
      file,
      db,
      sqlite,
      schemaVersion: Math.max(targetVersion, executed.length),
      backupBeforeMigration: backup,
      close: () => db.destroy(),
    }
  } catch (error) {
    sqlite.close()
    throw error
  }
}

/**
 * Runs the pending migrations in one transaction: a migration that fails leaves the file exactly as it
 * was (Kysely runs SQLite migrations without one, since its adapter does not claim transactional DDL;
 * SQLite has it, so the transaction is opened here on the single connection).
 */
async function migrate(
  db: Kysely<Database>,
  sqlite: SqliteDatabase.Database,
  migrations: Record<string, Migration>,
  target: string,
  backup: string | null,
): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  sqlite.exec('BEGIN IMMEDIATE')
  const { error } = await migrator.migrateTo(target)
  if (!error) {
    sqlite.exec('COMMIT')
    return
  }
  if (sqlite.inTransaction) sqlite.exec('ROLLBACK')
  const restoreHint = backup ? ` A copy of the file as it was is at ${backup}.` : ''
  throw new DatabaseOpenError(
    'migration_failed',
    `Updating the database to this version of Account Desk failed, and it was left as it was: ${String(error)}.${restoreHint}`,
  )
}
