/**
 * Backup and restore through the same dispatch the app's window uses: SQLite's online backup while
 * another connection keeps writing, the automatic daily backup and its retention, and restore: a corrupt
 * file, a file that is not SQLite, one from a newer version and one that vanished are refused with the
 * current file untouched; a good one is put in place after a safety copy, and whoever was working is
 * signed out. The command line does the same.
 */
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import SqliteDatabase from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/connection'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { AppHost } from '../../electron/host'
import { call, cliFailure, refusal, runCli, sampleCustomer, signInAs, tempDir } from './helpers'

const DAY = 86_400_000
/** 09:00 on Monday 23 November 2026, China time. */
const NOW = new Date('2026-11-23T01:00:00Z')

let clock: Date
let host: AppHost
let dir: string
/** What the dialogs answer next. */
let saveAs: string | null
let openAs: string | null

function newHost(options: { actor?: { id: null; name: string; role: 'supervisor' } } = {}): AppHost {
  return new AppHost({
    userDataDir: tempDir(),
    systemLocale: 'zh-CN',
    appVersion: 'test',
    now: () => clock,
    ports: {
      printPdf: () => Promise.reject(new Error('no printing here')),
      chooseSaveFile: async () => saveAs,
      chooseOpenFile: async () => openAs,
      openFile: async () => undefined,
    },
    ...options,
  })
}

beforeEach(async () => {
  clock = NOW
  saveAs = null
  openAs = null
  dir = tempDir('account-desk-backup-')
  host = newHost()
  await host.openDefault()
})

const databaseFile = () => host.info().databaseFile
const backupsFolder = () => join(dirname(databaseFile()), 'backups')

async function addCustomer(code: string) {
  return call(host, 'customers.save', {
    fields: { ...sampleCustomer, code, name: `客户${code}` },
    contacts: [],
  })
}

async function customerCodes(): Promise<string[]> {
  const page = await call(host, 'customers.list', {
    startRow: 0,
    endRow: 100,
    sort: [{ colId: 'code', sort: 'asc' }],
  })
  return page.rows.map((row) => row.code)
}

function check(file: string): { integrity: string; customers: number; version: number } {
  const db = new SqliteDatabase(file)
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }) as string,
      customers: (db.prepare('select count(*) n from customer').get() as { n: number }).n,
      version: (db.prepare('select count(*) n from kysely_migration').get() as { n: number }).n,
    }
  } finally {
    db.close()
  }
}

function sha(file: string): string | null {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null
}

/** The database file, its WAL and the folder around it, byte for byte: what a refused restore must not touch. */
function fingerprint() {
  const file = databaseFile()
  return {
    file: sha(file),
    wal: sha(`${file}-wal`),
    folder: readdirSync(dirname(file)).sort(),
    backups: existsSync(backupsFolder()) ? readdirSync(backupsFolder()).sort() : [],
  }
}

/** A copy of a backup whose middle pages are overwritten: still a SQLite file, no longer whole. */
function corrupted(source: string, target: string): string {
  const bytes = readFileSync(source)
  for (let i = Math.floor(bytes.length * 0.3); i < Math.floor(bytes.length * 0.7); i++)
    bytes[i] = (i * 131) & 0xff
  writeFileSync(target, bytes)
  return target
}

describe('a backup now', () => {
  it('is a consistent copy even while another connection keeps writing to the file', async () => {
    await signInAs(host, 'supervisor')
    // Some megabytes, so that the copy takes a while.
    const raw = new SqliteDatabase(databaseFile())
    const fill = raw.prepare('insert into setting (key, value_json) values (?, ?)')
    raw.transaction(() => {
      for (let i = 0; i < 20_000; i++) fill.run(`fill_${i}`, JSON.stringify('x'.repeat(500)))
    })()
    raw.close()

    // The writer: its own better-sqlite3 connection on another thread, inserting until told to stop.
    const state = new Int32Array(new SharedArrayBuffer(8)) // [stop, rows written]
    const writer = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads')
       const Database = require(workerData.module)
       const db = new Database(workerData.file)
       db.pragma('busy_timeout = 5000')
       const insert = db.prepare('insert into setting (key, value_json) values (?, ?)')
       const state = new Int32Array(workerData.state)
       parentPort.postMessage('started')
       while (Atomics.load(state, 0) === 0) {
         insert.run('load_' + Atomics.load(state, 1), JSON.stringify('y'.repeat(200)))
         Atomics.add(state, 1, 1)
       }
       db.close()`,
      {
        eval: true,
        workerData: {
          module: createRequire(import.meta.url).resolve('better-sqlite3'),
          file: databaseFile(),
          state: state.buffer,
        },
      },
    )
    const stopped = new Promise((resolve, reject) => {
      writer.once('exit', resolve)
      writer.once('error', reject)
    })
    await new Promise((resolve) => writer.once('message', resolve))
    while (Atomics.load(state, 1) < 50) await new Promise((resolve) => setTimeout(resolve, 5))

    saveAs = join(dir, 'online.sqlite')
    const before = Atomics.load(state, 1)
    const saved = await call(host, 'backup.now')
    const after = Atomics.load(state, 1)
    Atomics.store(state, 0, 1)
    await stopped

    expect(saved).toEqual({ handle: expect.any(String), fileName: 'online.sqlite' })
    expect(after).toBeGreaterThan(before) // the writer wrote while the backup ran
    const copy = new SqliteDatabase(saveAs, { readonly: true })
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    // One moment's snapshot: the writer's rows are a gap-free run from the first, none half-written.
    const { rows, highest } = copy
      .prepare(
        "select count(*) rows, max(cast(substr(key, 6) as integer)) highest from setting where key like 'load_%'",
      )
      .get() as { rows: number; highest: number }
    expect(rows).toBe(highest + 1)
    expect(rows).toBeGreaterThanOrEqual(50)
    expect(
      (copy.prepare("select count(*) n from setting where key like 'fill_%'").get() as { n: number }).n,
    ).toBe(20_000)
    copy.close()
    // No partial file left beside it, and the app opens the backup.
    expect(readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([])
    const reopened = await openDatabase(saveAs, { backupDir: join(dir, 'b') })
    expect(reopened.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    await reopened.close()
  })

  it('is a supervisor’s, writes nothing when cancelled, and never over the database itself', async () => {
    await signInAs(host, 'staff')
    expect((await refusal(host, 'backup.now')).code).toBe('supervisor_only')
    expect((await refusal(host, 'backup.restore')).code).toBe('supervisor_only')
    expect((await refusal(host, 'backup.saveSettings', { automatic: false, keep: 3 })).code).toBe(
      'supervisor_only',
    )
    // Anyone may see where the backups go.
    expect((await call(host, 'backup.info')).folder).toBe(backupsFolder())

    await signInAs(host, 'supervisor')
    saveAs = null
    expect(await call(host, 'backup.now')).toBeNull()
    saveAs = databaseFile()
    // Said as what it is, not as a file that cannot be written (open in Excel?).
    expect(await refusal(host, 'backup.now')).toMatchObject({
      code: 'same_as_database',
      params: { fileName: 'account-desk.sqlite' },
    })
    // Another name for the same file (as a differently-cased path is on Windows): the same refusal.
    saveAs = join(dir, 'ACCOUNT-DESK-LINK.sqlite')
    linkSync(databaseFile(), saveAs)
    expect((await refusal(host, 'backup.now')).code).toBe('same_as_database')
    saveAs = join(dir, 'missing-folder', 'b.sqlite')
    expect(await refusal(host, 'backup.now')).toMatchObject({
      code: 'file_unwritable',
      params: { fileName: 'b.sqlite' },
    })
  })
})

describe('the automatic daily backup', () => {
  it('is taken when the database opens and once a day after, named with the date, keeping the newest `keep`', async () => {
    const daily = (date: string) => join(backupsFolder(), `account-desk.sqlite.${date}.daily.sqlite`)
    expect(readdirSync(backupsFolder())).toEqual([basename(daily('2026-11-23'))])
    expect(check(daily('2026-11-23')).integrity).toBe('ok')

    // The check every 10 minutes: nothing more the same day.
    clock = new Date(NOW.getTime() + 3_600_000)
    expect(await host.automaticBackup()).toBeNull()
    // The desk's date is China's: 00:30 on the 24th there is still the 23rd in UTC.
    clock = new Date('2026-11-23T16:30:00Z')
    expect(await host.automaticBackup()).toBe(daily('2026-11-24'))

    // Backups the retention never touches: manual, before a restore, before a migration, another file's.
    const others = [
      'my-own-copy.sqlite',
      'account-desk.sqlite.2026-01-01T00-00-00-000Z.before-restore.sqlite',
      'account-desk.sqlite.v3.2026-01-01T00-00-00-000Z.before-migration.sqlite',
      'other.sqlite.2020-01-01.daily.sqlite',
    ]
    for (const name of others) writeFileSync(join(backupsFolder(), name), 'kept')

    const supervisor = await signInAs(host, 'supervisor')
    const signIn = () =>
      call(host, 'session.signIn', { operatorId: supervisor.id, password: 'correct horse battery' })
    const info = await call(host, 'backup.saveSettings', { automatic: true, keep: 3 })
    expect(info).toMatchObject({ folder: backupsFolder(), automatic: true, keep: 3 })
    for (let day = 1; day <= 5; day++) {
      clock = new Date(NOW.getTime() + day * DAY)
      await host.automaticBackup()
    }
    const dailies = readdirSync(backupsFolder()).filter((name) => name.startsWith('account-desk.sqlite.2026'))
    expect(dailies.filter((name) => name.endsWith('.daily.sqlite')).sort()).toEqual([
      basename(daily('2026-11-26')),
      basename(daily('2026-11-27')),
      basename(daily('2026-11-28')),
    ])
    for (const name of others) expect(existsSync(join(backupsFolder(), name)), name).toBe(true)
    expect((await call(host, 'backup.info')).last).toEqual({
      file: daily('2026-11-28'),
      at: expect.any(String),
    })

    // Off: no more automatic backups, at the check or at opening.
    await call(host, 'backup.saveSettings', { automatic: false, keep: 3 })
    clock = new Date(NOW.getTime() + 6 * DAY)
    expect(await host.automaticBackup()).toBeNull()
    await host.openDefault()
    expect(existsSync(daily('2026-11-29'))).toBe(false)
    await signIn()
    // The settings live in the database, and their changes are in the audit log.
    expect(await call(host, 'backup.info')).toMatchObject({ automatic: false, keep: 3 })
    const raw = new SqliteDatabase(databaseFile(), { readonly: true })
    const audited = raw
      .prepare(
        "select row_id from audit_log where table_name = 'setting' and row_id like 'backup_%' order by at",
      )
      .pluck()
      .all()
    raw.close()
    expect(audited).toEqual(['backup_keep', 'backup_automatic'])

    // On again: the next opening takes the day's backup.
    await call(host, 'backup.saveSettings', { automatic: true, keep: 3 })
    await host.openDefault()
    expect(existsSync(daily('2026-11-29'))).toBe(true)
  })

  it('refuses a retention that is not a whole number from 1 to 365', async () => {
    await signInAs(host, 'supervisor')
    expect((await refusal(host, 'backup.saveSettings', { automatic: true, keep: 0 })).fields).toEqual([
      { path: 'keep', message: 'not_positive', params: { limit: 1 } },
    ])
    expect(
      (await refusal(host, 'backup.saveSettings', { automatic: true, keep: 2.5 })).fields![0]!.message,
    ).toBe('not_integer')
    expect(
      (await refusal(host, 'backup.saveSettings', { automatic: true, keep: 400 })).fields![0]!.message,
    ).toBe('too_large')
    expect(await call(host, 'backup.info')).toMatchObject({ automatic: true, keep: 14 })
  })

  it('never backs up the demo database, nor restores into it', async () => {
    const supervisor = newHost({ actor: { id: null, name: 'test', role: 'supervisor' } })
    await supervisor.openDemo()
    expect(await supervisor.automaticBackup()).toBeNull()
    expect(existsSync(join(dirname(supervisor.info().databaseFile), 'backups'))).toBe(false)
    openAs = join(dir, 'whatever.sqlite')
    expect((await refusal(supervisor, 'backup.restore')).code).toBe('restore_demo')
    await supervisor.close()
  }, 60_000)
})

describe('restoring a backup', () => {
  beforeEach(async () => {
    await signInAs(host, 'supervisor')
  })

  /** Customers A and B in a backup, then C added after it. */
  async function backupThenMore(): Promise<string> {
    await addCustomer('A001')
    await addCustomer('B001')
    saveAs = join(dir, 'good.sqlite')
    await call(host, 'backup.now')
    await addCustomer('C001')
    return saveAs
  }

  it('puts the old rows back, after a safety copy of the current file, and signs the operator out', async () => {
    const backup = await backupThenMore()
    expect(await customerCodes()).toEqual(['A001', 'B001', 'C001'])
    const file = databaseFile()

    openAs = backup
    const result = await call(host, 'backup.restore')
    expect(result).toEqual({
      restoredFrom: backup,
      safetyCopy: expect.stringMatching(/backups[/\\]account-desk\.sqlite\..+\.before-restore\.sqlite$/),
      schemaVersion: LATEST_SCHEMA_VERSION,
    })
    // The safety copy is the file as it was: three customers.
    expect(check(result!.safetyCopy)).toMatchObject({ integrity: 'ok', customers: 3 })
    // Back to "who is working"; the operator exists in this backup, so they can sign in again.
    expect(await call(host, 'session.get')).toEqual({ operator: null })
    expect((await refusal(host, 'customers.list', { startRow: 0, endRow: 10 })).code).toBe('not_signed_in')
    const [supervisor] = (await call(host, 'operators.list')).filter(
      (operator) => operator.role === 'supervisor',
    )
    await call(host, 'session.signIn', { operatorId: supervisor!.id, password: 'correct horse battery' })
    expect(await customerCodes()).toEqual(['A001', 'B001'])
    expect(host.info().databaseFile).toBe(file)
    // Nothing left over beside the database.
    expect(readdirSync(dirname(file)).filter((name) => /restoring|replaced|partial/.test(name))).toEqual([])
    // The chosen backup itself is untouched, nothing written beside it.
    expect(readdirSync(dir)).toEqual(['good.sqlite'])
  })

  it('restores the latest commits of a file still in WAL mode, kept in its -wal beside it', async () => {
    const backup = await backupThenMore()
    // Another program has the backup open in WAL mode and has committed a change not yet checkpointed.
    const live = new SqliteDatabase(backup)
    live.pragma('journal_mode = WAL')
    live.pragma('wal_autocheckpoint = 0')
    live.prepare("update customer set name = 'WAL里的名称' where code = 'A001'").run()
    expect(existsSync(`${backup}-wal`)).toBe(true)
    openAs = backup
    await call(host, 'backup.restore')
    live.close()
    const restored = new SqliteDatabase(databaseFile(), { readonly: true })
    const row = restored.prepare("select name from customer where code = 'A001'").get() as { name: string }
    restored.close()
    expect(row.name).toBe('WAL里的名称')
  })

  it('refuses a corrupt file, a file that is not SQLite, a newer version’s and one that vanished, changing nothing', async () => {
    const backup = await backupThenMore()
    const newer = join(dir, 'newer.sqlite')
    copyFileSync(backup, newer)
    const raw = new SqliteDatabase(newer)
    raw.prepare("insert into kysely_migration (name, timestamp) values ('0099_from_the_future', 'x')").run()
    raw.close()
    const foreign = join(dir, 'foreign.sqlite')
    const other = new SqliteDatabase(foreign)
    other.exec('create table photos (id integer primary key, path text)')
    other.close()
    writeFileSync(
      join(dir, 'notes.sqlite'),
      '这不是数据库 — just some text that happens to end in .sqlite\n'.repeat(200),
    )
    // Not a database either, though a -wal beside it says it was one in WAL mode.
    writeFileSync(join(dir, 'walnotes.sqlite'), 'not a database at all\n'.repeat(200))
    writeFileSync(join(dir, 'walnotes.sqlite-wal'), 'nor is this a journal\n'.repeat(50))

    const cases = [
      { file: corrupted(backup, join(dir, 'corrupt.sqlite')), code: 'backup_corrupt' },
      { file: join(dir, 'notes.sqlite'), code: 'backup_not_sqlite' },
      { file: join(dir, 'walnotes.sqlite'), code: 'backup_not_sqlite' },
      { file: foreign, code: 'backup_not_sqlite' },
      { file: newer, code: 'backup_newer' },
      { file: join(dir, 'vanished.sqlite'), code: 'backup_missing' },
      { file: databaseFile(), code: 'same_as_database' },
    ]
    const before = fingerprint()
    for (const { file, code } of cases) {
      openAs = file
      const error = await refusal(host, 'backup.restore')
      expect(error, file).toMatchObject({ code, params: { fileName: basename(file) } })
      expect(error.message).toContain(basename(file))
      expect(fingerprint(), file).toEqual(before)
      // Still open, still signed in, the rows as they were.
      expect(await customerCodes()).toEqual(['A001', 'B001', 'C001'])
    }
    openAs = newer
    expect((await refusal(host, 'backup.restore')).params).toMatchObject({
      version: LATEST_SCHEMA_VERSION + 1,
      known: LATEST_SCHEMA_VERSION,
    })
  })

  it('restores a backup from an older version, migrating it with the usual backup first', async () => {
    const old = join(dir, 'old.sqlite')
    const connection = await openDatabase(old, { migrateTo: '0001_foundation' })
    connection.sqlite
      .prepare(
        `insert into branch (id, version, created_at, updated_at, code, name_zh, name_en, sort_order)
         values ('0193a0b0-0000-7000-8000-000000000001', 1, 'x', 'x', 'oldtown', '老城区', 'Old town', 1)`,
      )
      .run()
    await connection.close()

    openAs = old
    const result = await call(host, 'backup.restore')
    expect(result!.schemaVersion).toBe(1)
    expect(host.info().schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(
      readdirSync(backupsFolder()).some((name) =>
        /^account-desk\.sqlite\.v1\..*before-migration\.sqlite$/.test(name),
      ),
    ).toBe(true)
    expect((await call(host, 'lookups.get')).branches.map((branch) => branch.code)).toEqual(['oldtown'])
  })

  it('puts the current file back when the backup fails to open after the swap', async () => {
    await addCustomer('KEEP01')
    // An older file whose next migration cannot run (a table of that name is already there).
    const broken = join(dir, 'broken.sqlite')
    const connection = await openDatabase(broken, { migrateTo: '0004_service_plans' })
    connection.sqlite.exec('create table deadline_rule (id text primary key)')
    await connection.close()
    const operator = host.currentOperator()

    openAs = broken
    const error = await refusal(host, 'backup.restore')
    expect(error.code).toBe('restore_failed')
    expect(error.message).toMatch(/deadline_rule/)
    expect(host.info()).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION })
    expect(host.currentOperator()).toEqual(operator)
    expect(await customerCodes()).toEqual(['KEEP01'])
    expect(readdirSync(dirname(databaseFile())).filter((name) => /restoring|replaced/.test(name))).toEqual([])
  })
})

describe('the command line', () => {
  const [run, fails] = [runCli, cliFailure]

  it('backs up and restores a file, and refuses a corrupt backup with nothing changed', async () => {
    await signInAs(host, 'staff')
    await addCustomer('CLI001')
    const file = databaseFile()
    await host.close()
    const backup = join(dir, 'cli-backup.sqlite')
    expect(run('backup', '--db', file, '--out', backup)).toMatch(/written to .*cli-backup\.sqlite/)
    expect(check(backup)).toMatchObject({ integrity: 'ok', customers: 1 })
    expect(fails('backup', '--db', file, '--out', backup)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/exists; pass --force/),
    })

    await host.open(file)
    await signInAs(host, 'staff', 'second')
    await addCustomer('CLI002')
    await host.close()

    const bad = corrupted(backup, join(dir, 'bad.sqlite'))
    const before = sha(file)
    expect(fails('restore', bad, '--db', file)).toMatchObject({
      status: 1,
      stderr: expect.stringMatching(/bad\.sqlite: the file is damaged/),
    })
    expect(sha(file)).toBe(before)

    expect(run('restore', backup, '--db', file)).toMatch(
      /Restored .* from .*cli-backup\.sqlite .*before-restore\.sqlite/s,
    )
    expect(check(file).customers).toBe(1)
    mkdirSync(join(dir, 'empty'))
    expect(fails('restore', backup, '--db', join(dir, 'empty', 'none.sqlite')).stderr).toMatch(
      /No database at/,
    )
  }, 60_000)
})
