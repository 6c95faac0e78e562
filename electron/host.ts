/**
 * The app's state in the main process: which database file is open (the operator's own or the demo),
 * who is working, and the operator's preferences. Every transport (Electron IPC, the Playwright binding,
 * the command line) talks to one of these through `dispatch`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { openDatabase, type Connection } from '../db/connection'
import { writeDemoData } from '../db/seed/demo'
import type { Access, AppInfo, Language, Operator, Prefs, RestoreResult } from './api/contract'
import { AppError } from './api/errors'
import type { Actor, ServiceContext } from './services/context'
import { getOperator } from './services/session/operators'
import { refreshStatusesIfStale } from './services/sla/orders'
import {
  backupTo,
  moveDatabaseFiles,
  putBackDatabaseFiles,
  removeDatabaseFiles as removeBackupFiles,
  safetyCopyPath,
  sameFile,
  stageBackup,
  takeDailyBackup,
} from './services/transfer/backup'
import type { ParsedCalendar } from './files/calendarFile'
import type { ImportSessions } from './services/transfer/import'
import type { DesktopPorts } from './files/ports'
import { ReportExports } from './services/reports/export'
import { randomUUID } from 'node:crypto'

export interface HostOptions {
  userDataDir: string
  /** The OS locale (Electron's app.getLocale()), for the default language. */
  systemLocale: string
  appVersion: string
  /** A fixed actor (the command line); the app's window signs operators in instead. */
  actor?: Actor
  now?: () => Date
  /** File dialogs, printing and opening files: Electron's in the app, Chromium's in end-to-end tests. */
  ports?: DesktopPorts
  /** The daily backup beside the database file (on unless false: the command line turns it off). */
  automaticBackups?: boolean
  /**
   * Whether opening a file brings its date-dependent figures up to today (a write). The command line's
   * restore opens the current file only to replace it: a refused restore must leave it byte for byte.
   */
  refreshOnOpen?: boolean
}

interface StoredPrefs {
  language?: Language
  hiddenCustomerColumns?: string[] | null
  /** Last operator per database file, so staff are not asked again at every start. */
  lastOperator?: Record<string, string>
}

/** The app itself, for work no operator asked for (recomputing what the date changes). */
const SYSTEM_ACTOR: Actor = { id: null, name: 'Account Desk', role: 'supervisor' }

/** Sign-in and registration run before anyone is signed in; their audit rows say so. */
const SIGN_IN_ACTOR: Actor = { id: null, name: 'sign-in screen', role: 'staff' }

/** A database file and its WAL companions. */
function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}

export function languageFromLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export class AppHost {
  private connection: Connection | null = null
  private demo = false
  private operator: Operator | null = null
  /** Calendar files read and shown to the operator, waiting for their commit. */
  private readonly pendingCalendars = new Map<string, ParsedCalendar & { fileName: string }>()
  /** Import files read and checked, waiting for their commit (and their rejected rows' file), by token. */
  readonly importSessions: ImportSessions = new Map()
  /** Files the app wrote, by the handle the renderer holds instead of a path. */
  private readonly savedFiles = new Map<string, string>()
  /** The report export under way, if any. */
  readonly reportExports = new ReportExports()
  readonly hostName = hostname()
  readonly now: () => Date

  constructor(readonly options: HostOptions) {
    this.now = options.now ?? (() => new Date())
  }

  get defaultDatabaseFile(): string {
    return join(this.options.userDataDir, 'account-desk.sqlite')
  }

  get demoDatabaseFile(): string {
    return join(this.options.userDataDir, 'demo', 'account-desk-demo.sqlite')
  }

  get isDemo(): boolean {
    return this.demo
  }

  private get db(): Connection {
    if (!this.connection) throw new AppError('database', 'No database is open.')
    return this.connection
  }

  info(): AppInfo {
    return {
      databaseFile: this.db.file,
      isDemo: this.demo,
      schemaVersion: this.db.schemaVersion,
      appVersion: this.options.appVersion,
      hostName: this.hostName,
    }
  }

  async open(file: string, demo = false): Promise<AppInfo> {
    const next = await openDatabase(file)
    await this.close()
    this.connection = next
    this.demo = demo
    this.operator = null
    if (this.options.refreshOnOpen !== false) await this.refreshDerived()
    // A backup that cannot be written (a full disk) must not keep the desk from opening: it is logged,
    // and tried again at the next check.
    await this.automaticBackup().catch((error: unknown) => console.error(error))
    await this.resumeLastOperator()
    return this.info()
  }

  openDefault(): Promise<AppInfo> {
    return this.open(this.defaultDatabaseFile)
  }

  /**
   * A fresh demo database from the fixed seed, in its own file: the operator's real file is never
   * touched. It is built beside the old demo first, so that a failure leaves the open database open.
   */
  async openDemo(): Promise<AppInfo> {
    const file = this.demoDatabaseFile
    const next = `${file}.next`
    removeDatabaseFiles(next)
    const built = await openDatabase(next)
    try {
      await writeDemoData(built.db, { now: this.now() })
    } finally {
      await built.close()
    }
    if (this.connection?.file === file) await this.close()
    removeDatabaseFiles(file)
    renameSync(next, file)
    return this.open(file, true)
  }

  get ports(): DesktopPorts {
    if (!this.options.ports)
      throw new AppError('no_printer', 'This copy of Account Desk cannot open dialogs or print.')
    return this.options.ports
  }

  holdCalendar(file: ParsedCalendar & { fileName: string }): string {
    const token = randomUUID()
    this.pendingCalendars.clear() // one import at a time: a new preview replaces the last
    this.pendingCalendars.set(token, file)
    return token
  }

  takeCalendar(token: string): ParsedCalendar & { fileName: string } {
    const file = this.pendingCalendars.get(token)
    if (!file)
      throw new AppError('not_found', 'That calendar file is no longer waiting: choose it again.', {
        params: { table: 'file' },
      })
    this.pendingCalendars.delete(token)
    return file
  }

  rememberFile(path: string): string {
    const handle = randomUUID()
    this.savedFiles.set(handle, path)
    return handle
  }

  async openSavedFile(handle: string): Promise<null> {
    const path = this.savedFiles.get(handle)
    if (!path)
      throw new AppError('not_found', 'That file is not one this session wrote.', {
        params: { table: 'file' },
      })
    await this.ports.openFile(path)
    return null
  }

  /** Brings date-dependent figures (order statuses) up to today, as the system, once a day. */
  async refreshDerived(): Promise<void> {
    if (!this.connection) return
    await refreshStatusesIfStale({
      db: this.connection.db,
      actor: SYSTEM_ACTOR,
      host: this.hostName,
      now: this.now,
    })
  }

  async close(): Promise<void> {
    await this.connection?.close()
    this.connection = null
  }

  /**
   * The day's automatic backup into the `backups` folder beside the database, when the setting is on and
   * none is there for today yet; at opening and at every check while open. Never of the demo database.
   */
  async automaticBackup(): Promise<string | null> {
    const connection = this.connection
    if (!connection || this.demo || this.options.automaticBackups === false) return null
    const ctx = { db: connection.db, actor: SYSTEM_ACTOR, host: this.hostName, now: this.now }
    return takeDailyBackup(ctx, connection.sqlite, connection.file)
  }

  /** A backup of the open database at `target` (SQLite's online backup: the desk may keep working). */
  backupTo(target: string): Promise<void> {
    return backupTo(this.db.sqlite, this.db.file, target)
  }

  /**
   * Puts a backup in place of the open database file. The backup is copied beside the file and checked
   * there first; a safety copy of the current file goes to the backups folder; then the connection is
   * closed, the file set aside, the copy renamed into its place and opened (migrated if it is older).
   * Any failure puts the set-aside file back as it was and reopens it. Whoever was working is signed out:
   * the operator may not exist in the restored file.
   */
  async restore(source: string): Promise<RestoreResult> {
    const file = this.db.file
    if (this.demo)
      throw new AppError(
        'restore_demo',
        'The demo database is open: go back to your own database to restore.',
      )
    if (sameFile(source, file))
      throw new AppError(
        'same_as_database',
        `${basename(file)} is the database that is open: choose a backup of it.`,
        { params: { fileName: basename(file) } },
      )
    const staged = `${file}.restoring`
    const aside = `${file}.replaced`
    const { schemaVersion } = stageBackup(source, staged)
    try {
      const safetyCopy = safetyCopyPath(file, this.now())
      mkdirSync(dirname(safetyCopy), { recursive: true })
      await backupTo(this.db.sqlite, file, safetyCopy)
      const operator = this.operator
      await this.close()
      try {
        moveDatabaseFiles(file, aside)
        renameSync(staged, file)
        await this.open(file)
      } catch (error) {
        await this.close()
        putBackDatabaseFiles(aside, file)
        await this.open(file)
        this.operator = operator // the same file again: whoever was working carries on
        const reason = error instanceof Error ? error.message : String(error)
        throw new AppError('restore_failed', reason, { params: { detail: reason } })
      }
      removeBackupFiles(aside)
      this.setOperator(null)
      return { restoredFrom: source, safetyCopy, schemaVersion }
    } finally {
      removeBackupFiles(staged)
    }
  }

  /** The service context for a call needing `access`; refuses it when the caller may not. */
  authorize(access: Access): ServiceContext {
    const actor = this.actor()
    if (access !== 'public') {
      if (!actor) throw new AppError('not_signed_in', 'Choose who is working first.')
      if (access === 'supervisor' && actor.role !== 'supervisor') {
        throw new AppError('supervisor_only', 'Only a supervisor can do this.')
      }
      if (access === 'overseer' && actor.role === 'staff') {
        throw new AppError('overseer_only', 'Only a supervisor or a trainer can see this.')
      }
      if (access === 'write' && actor.role === 'trainer' && !this.demo) {
        throw new AppError('trainer_read_only', 'Trainers change sample data only: open the demo database.')
      }
    }
    return { db: this.db.db, actor: actor ?? SIGN_IN_ACTOR, host: this.hostName, now: this.now }
  }

  private actor(): Actor | null {
    if (this.options.actor) return this.options.actor
    return this.operator && { id: this.operator.id, name: this.operator.name, role: this.operator.role }
  }

  currentOperator(): Operator | null {
    return this.operator
  }

  setOperator(operator: Operator | null): void {
    this.operator = operator
    const prefs = this.readPrefs()
    const lastOperator = { ...prefs.lastOperator }
    if (operator) lastOperator[this.db.file] = operator.id
    else delete lastOperator[this.db.file]
    this.writePrefs({ ...prefs, lastOperator })
  }

  /** Staff and trainers carry on as the last operator; a supervisor gives the password at each start. */
  private async resumeLastOperator(): Promise<void> {
    const id = this.readPrefs().lastOperator?.[this.db.file]
    if (!id) return
    const row = await this.db.db
      .selectFrom('accountManager')
      .select(['id', 'role'])
      .where('id', '=', id)
      .where('deletedAt', 'is', null)
      .executeTakeFirst()
    if (!row || row.role === 'supervisor') return
    this.operator = await getOperator(this.authorize('public'), id)
  }

  private get prefsFile(): string {
    return join(this.options.userDataDir, 'preferences.json')
  }

  private readPrefs(): StoredPrefs {
    if (!existsSync(this.prefsFile)) return {}
    try {
      return JSON.parse(readFileSync(this.prefsFile, 'utf8')) as StoredPrefs
    } catch {
      return {} // A damaged preferences file only costs the operator their preferences.
    }
  }

  private writePrefs(prefs: StoredPrefs): void {
    mkdirSync(dirname(this.prefsFile), { recursive: true })
    writeFileSync(this.prefsFile, JSON.stringify(prefs, null, 2))
  }

  prefs(): Prefs {
    const stored = this.readPrefs()
    return {
      language: stored.language ?? languageFromLocale(this.options.systemLocale),
      hiddenCustomerColumns: stored.hiddenCustomerColumns ?? null,
    }
  }

  setPrefs(change: Partial<Prefs>): Prefs {
    this.writePrefs({ ...this.readPrefs(), ...change })
    return this.prefs()
  }
}
