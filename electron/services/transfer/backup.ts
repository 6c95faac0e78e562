/**
 * Backups of the database file with SQLite's online backup API (a consistent copy while the app, or
 * another desk, keeps writing), the automatic daily backup and how many of those are kept, and the checks
 * a backup passes before it may be restored. Swapping the open file is the host's (electron/host.ts).
 *
 * Files in the `backups` folder beside the database, by the database file's name:
 *   <file>.<YYYY-MM-DD>.daily.sqlite            automatic, one a day, the oldest beyond `keep` deleted
 *   <file>.<time>.before-restore.sqlite         the safety copy taken before a restore, never deleted
 *   <file>.v<n>.<time>.before-migration.sqlite  written before a migration (db/connection.ts), never deleted
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations'
import { schemaOf } from '../../../db/connection'
import type { BackupInfo } from '../../api/contract'
import { AppError } from '../../api/errors'
import type { BackupSettingsInput } from '../../api/schemas'
import { chinaDate } from '../../domain/calendar'
import type { ServiceContext } from '../context'
import { inTransaction, writeAudit } from '../records'
import { readSetting, writeSetting } from '../settings/store'

export const BACKUP_DEFAULTS: BackupSettingsInput = { automatic: true, keep: 14 }

/** Every page in one step: a step reads one snapshot, so writes meanwhile cannot restart the copy. */
const ALL_PAGES = 0x7fffffff

/** A database file and its WAL companions. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}

/** Moves a database file and whichever WAL companions it has; the file itself last. */
export function moveDatabaseFiles(from: string, to: string): void {
  removeDatabaseFiles(to)
  for (const suffix of ['-wal', '-shm', ''])
    if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix)
}

/**
 * Undoes a `moveDatabaseFiles(file, aside)` that may have stopped part way: once the file itself was
 * moved, whatever is now at `file` is not the original and goes; what reached `aside` comes back.
 */
export function putBackDatabaseFiles(aside: string, file: string): void {
  if (existsSync(aside)) removeDatabaseFiles(file)
  for (const suffix of ['-wal', '-shm', ''])
    if (existsSync(aside + suffix)) renameSync(aside + suffix, file + suffix)
}

export function backupFolder(databaseFile: string): string {
  return join(dirname(databaseFile), 'backups')
}

function timestampForFile(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function dailyBackupName(databaseFile: string, date: string): string {
  return `${basename(databaseFile)}.${date}.daily.sqlite`
}

export function safetyCopyPath(databaseFile: string, now: Date): string {
  return join(
    backupFolder(databaseFile),
    `${basename(databaseFile)}.${timestampForFile(now)}.before-restore.sqlite`,
  )
}

/** `account-desk-2026-11-23.sqlite`: what the save dialog proposes for a backup now. */
export function manualBackupName(databaseFile: string, now: Date): string {
  return `${basename(databaseFile, extname(databaseFile))}-${chinaDate(now)}.sqlite`
}

/** The automatic backups of this database, newest first. */
export function dailyBackups(databaseFile: string): { file: string; date: string }[] {
  const folder = backupFolder(databaseFile)
  if (!existsSync(folder)) return []
  const pattern = new RegExp(
    `^${escapeRegExp(basename(databaseFile))}\\.(\\d{4}-\\d{2}-\\d{2})\\.daily\\.sqlite$`,
  )
  return readdirSync(folder)
    .flatMap((name) => {
      const match = pattern.exec(name)
      return match ? [{ file: join(folder, name), date: match[1]! }] : []
    })
    .sort((a, b) => b.date.localeCompare(a.date))
}

/** Deletes the automatic backups beyond the newest `keep`; manual, pre-restore and pre-migration ones stay. */
export function pruneDailyBackups(databaseFile: string, keep: number): string[] {
  const old = dailyBackups(databaseFile).slice(keep)
  for (const backup of old) removeDatabaseFiles(backup.file)
  return old.map((backup) => backup.file)
}

function fileError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error
  const fileName = basename(path)
  return new AppError('file_unwritable', `Cannot write ${fileName}: ${(error as Error).message}`, {
    params: { fileName },
  })
}

/**
 * A consistent copy of the open database at `target`, through SQLite's online backup. It is written beside
 * the target first and takes the target's name only once complete, so a failure leaves no half backup.
 */
export async function writeBackup(sqlite: SqliteDatabase.Database, target: string): Promise<void> {
  const partial = `${target}.partial`
  try {
    removeDatabaseFiles(partial)
    await sqlite.backup(partial, { progress: () => ALL_PAGES })
    // A stale -wal beside an older file of that name would be read as part of the new one.
    for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true })
    renameSync(partial, target)
  } catch (error) {
    removeDatabaseFiles(partial)
    throw fileError(error, target)
  }
}

/**
 * Whether two paths name one file: the same path, or (on a case-insensitive disk, through a link) the
 * same device and inode, which Node reports on Windows too.
 */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true
  const [first, second] = [statSync(a, { throwIfNoEntry: false }), statSync(b, { throwIfNoEntry: false })]
  return !!first && !!second && first.ino !== 0 && first.dev === second.dev && first.ino === second.ino
}

/** A backup where the operator chose; never over the database itself. */
export async function backupTo(
  sqlite: SqliteDatabase.Database,
  databaseFile: string,
  target: string,
): Promise<void> {
  if ([databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`].some((file) => sameFile(file, target))) {
    throw new AppError(
      'same_as_database',
      `${basename(target)} is the database file itself: choose another file for the backup.`,
      { params: { fileName: basename(target) } },
    )
  }
  await writeBackup(sqlite, target)
}

export async function backupSettings(ctx: ServiceContext): Promise<BackupSettingsInput> {
  return {
    automatic: await readSetting(ctx, 'backup_automatic', BACKUP_DEFAULTS.automatic),
    keep: await readSetting(ctx, 'backup_keep', BACKUP_DEFAULTS.keep),
  }
}

export async function backupInfo(ctx: ServiceContext, databaseFile: string): Promise<BackupInfo> {
  const settings = await backupSettings(ctx)
  const newest = dailyBackups(databaseFile)[0]
  let last: BackupInfo['last'] = null
  if (newest) {
    try {
      last = { file: newest.file, at: statSync(newest.file).mtime.toISOString() }
    } catch {
      last = null // deleted meanwhile
    }
  }
  return { folder: backupFolder(databaseFile), ...settings, last }
}

/** The settings, with an audit row for each that changed (kept in the database, as other settings are). */
export async function saveBackupSettings(ctx: ServiceContext, input: BackupSettingsInput): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await backupSettings(tx)
    for (const [key, field] of [
      ['backup_automatic', 'automatic'],
      ['backup_keep', 'keep'],
    ] as const) {
      const [before, value] = [current[field], input[field]]
      if (before === value) continue
      await writeSetting(tx, key, value)
      await writeAudit(tx, 'setting', 'update', { id: key, value: before }, { id: key, value })
    }
  })
}

/**
 * The day's automatic backup (the desk's date, China time), unless it is off or already taken today
 * (by this PC or another on the same file); then the oldest beyond the retention setting are deleted.
 * Returns the backup written, or null.
 */
export async function takeDailyBackup(
  ctx: ServiceContext,
  sqlite: SqliteDatabase.Database,
  databaseFile: string,
): Promise<string | null> {
  const settings = await backupSettings(ctx)
  if (!settings.automatic) return null
  const target = join(backupFolder(databaseFile), dailyBackupName(databaseFile, chinaDate(ctx.now())))
  if (existsSync(target)) return null
  mkdirSync(backupFolder(databaseFile), { recursive: true })
  await writeBackup(sqlite, target)
  pruneDailyBackups(databaseFile, settings.keep)
  return target
}

function refusal(
  code: 'backup_missing' | 'backup_not_sqlite' | 'backup_corrupt' | 'backup_newer' | 'file_unreadable',
  fileName: string,
  message: string,
  params: Record<string, string | number> = {},
): AppError {
  return new AppError(code, `${fileName}: ${message}`, { params: { fileName, ...params } })
}

/**
 * Copies the chosen backup to `staged` (beside the database, so that the final move is a rename on one
 * disk) and checks the copy, the very bytes that would be restored: a SQLite file, whole (integrity
 * check), an Account Desk database, and not from a newer version. The chosen file is only read, and
 * nothing is written beside it. Returns its schema version; on a refusal the copy is removed.
 */
export function stageBackup(source: string, staged: string): { schemaVersion: number } {
  const fileName = basename(source)
  removeDatabaseFiles(staged)
  // A database still in WAL mode keeps its latest commits in `-wal` beside it: they are copied too.
  const withWal = existsSync(`${source}-wal`)
  try {
    copyFileSync(source, staged)
    if (withWal) copyFileSync(`${source}-wal`, `${staged}-wal`)
  } catch (error) {
    removeDatabaseFiles(staged)
    if ((error as { code?: unknown }).code === 'ENOENT')
      throw refusal(
        'backup_missing',
        fileName,
        'the file is not there (moved or deleted?); nothing was changed.',
      )
    throw refusal('file_unreadable', fileName, `could not be read: ${(error as Error).message}`, {
      detail: (error as Error).message,
    })
  }
  try {
    return { schemaVersion: checkBackup(staged, fileName, withWal) }
  } catch (error) {
    removeDatabaseFiles(staged)
    throw error
  }
}

/** Writes a staged copy's `-wal` into the file itself, so that the one file is the whole database. */
function foldWal(file: string): void {
  const db = new SqliteDatabase(file, { fileMustExist: true })
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
}

function checkBackup(file: string, fileName: string, withWal: boolean): number {
  let db: SqliteDatabase.Database | null = null
  try {
    // Inside the checks: a file that is no database, with a -wal beside it, is refused as such.
    if (withWal) foldWal(file)
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true })
    const result = db.pragma('integrity_check') as { integrity_check: string }[]
    if (result.length !== 1 || result[0]!.integrity_check !== 'ok') {
      throw refusal(
        'backup_corrupt',
        fileName,
        `the file is damaged (integrity check: ${result
          .slice(0, 3)
          .map((row) => row.integrity_check)
          .join('; ')}); nothing was changed.`,
      )
    }
    const schema = schemaOf(db)
    if (!schema || schema.version === 0)
      throw refusal('backup_not_sqlite', fileName, 'not an Account Desk database; nothing was changed.')
    if (schema.unknown.length > 0) {
      throw refusal(
        'backup_newer',
        fileName,
        `written by a newer version of Account Desk (schema ${schema.version}, this app knows ${LATEST_SCHEMA_VERSION}): update the app first; nothing was changed.`,
        { version: schema.version, known: LATEST_SCHEMA_VERSION },
      )
    }
    return schema.version
  } catch (error) {
    if (error instanceof AppError) throw error
    const code = String((error as { code?: unknown }).code ?? '')
    if (code === 'SQLITE_NOTADB')
      throw refusal('backup_not_sqlite', fileName, 'not a SQLite database file; nothing was changed.')
    if (code.startsWith('SQLITE_CORRUPT'))
      throw refusal(
        'backup_corrupt',
        fileName,
        `the file is damaged (${(error as Error).message}); nothing was changed.`,
      )
    throw refusal('file_unreadable', fileName, `could not be read: ${(error as Error).message}`, {
      detail: (error as Error).message,
    })
  } finally {
    db?.close()
    // A read-only look at a WAL-mode file leaves empty companions behind.
    for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true })
  }
}
