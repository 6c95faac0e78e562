import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { DatabaseOpenError, openDatabase } from '../../db/connection'
import type { Kysely } from 'kysely'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../db/migrations'
import { tempDir } from './helpers'

describe('opening a database', () => {
  it('sets and checks WAL, foreign keys and busy timeout on every open', async () => {
    const file = join(tempDir(), 'desk.sqlite')
    const connection = await openDatabase(file)
    expect(connection.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(connection.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(connection.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(connection.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    // A new file needs no backup: there is nothing to lose.
    expect(connection.backupBeforeMigration).toBeNull()
    await connection.close()
  })

  it('backs up a database made by an older schema version, then migrates it keeping its rows', async () => {
    const dir = tempDir()
    const file = join(dir, 'desk.sqlite')
    const old = await openDatabase(file, { migrateTo: '0001_foundation' })
    expect(old.schemaVersion).toBe(1)
    old.sqlite
      .prepare(
        `insert into branch (id, version, created_at, updated_at, code, name_zh, name_en, sort_order)
         values ('0193a0b0-0000-7000-8000-000000000001', 1, 'x', 'x', 'chengdong', '城东区', 'Chengdong', 1)`,
      )
      .run()
    await old.close()

    const migrated = await openDatabase(file, { backupDir: join(dir, 'backups') })
    expect(migrated.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    expect(migrated.backupBeforeMigration).not.toBeNull()
    expect(readdirSync(join(dir, 'backups'))).toEqual([
      expect.stringMatching(/^desk\.sqlite\.v1\..*before-migration\.sqlite$/),
    ])
    // The new version has the customer tables and kept the old rows.
    expect(migrated.sqlite.prepare('select count(*) n from customer').get()).toEqual({ n: 0 })
    expect(migrated.sqlite.prepare('select name_zh from branch').get()).toEqual({ name_zh: '城东区' })
    await migrated.close()

    // The backup is the database as it was: version 1, the row, no customer table.
    const backup = new SqliteDatabase(migrated.backupBeforeMigration!, { readonly: true })
    expect(backup.prepare('select count(*) n from kysely_migration').get()).toEqual({ n: 1 })
    expect(backup.prepare('select name_zh from branch').get()).toEqual({ name_zh: '城东区' })
    expect(backup.prepare("select name from sqlite_master where name = 'customer'").get()).toBeUndefined()
    backup.close()
  })

  it('writes no backup when the file is already at the latest version', async () => {
    const dir = tempDir()
    const file = join(dir, 'desk.sqlite')
    await (await openDatabase(file)).close()
    const again = await openDatabase(file)
    expect(again.backupBeforeMigration).toBeNull()
    expect(existsSync(join(dir, 'backups'))).toBe(false)
    await again.close()
  })

  it('refuses a database written by a newer version of the app, leaving it untouched', async () => {
    const file = join(tempDir(), 'desk.sqlite')
    await (await openDatabase(file)).close()
    const raw = new SqliteDatabase(file)
    raw.prepare("insert into kysely_migration (name, timestamp) values ('0099_from_the_future', 'x')").run()
    raw.close()
    const attempt = openDatabase(file)
    await expect(attempt).rejects.toBeInstanceOf(DatabaseOpenError)
    await expect(openDatabase(file)).rejects.toThrow(/newer version of Account Desk/)
    const check = new SqliteDatabase(file, { readonly: true })
    expect(check.prepare('select count(*) n from kysely_migration').get()).toEqual({
      n: LATEST_SCHEMA_VERSION + 1,
    })
    check.close()
  })

  it('gives shipped default rows the same id in every database, so branch files merge cleanly', async () => {
    const [a, b] = await Promise.all([
      openDatabase(join(tempDir(), 'a.sqlite')),
      openDatabase(join(tempDir(), 'b.sqlite')),
    ])
    const ids = (connection: typeof a) =>
      connection.sqlite.prepare("select id from tier where scheme = 'abcd' order by rank").pluck().all()
    expect(ids(a)).toEqual(ids(b))
    expect(ids(a)).toHaveLength(4)
    await Promise.all([a.close(), b.close()])
  })
})

describe('a migration that fails', () => {
  it('leaves the file exactly as it was, all pending migrations rolled back, with a clear message', async () => {
    const dir = tempDir()
    const file = join(dir, 'desk.sqlite')
    await (await openDatabase(file, { migrateTo: '0001_foundation' })).close()
    const broken = {
      ...MIGRATIONS,
      '0003_broken': {
        up: async (db: Kysely<unknown>) => {
          await db.schema.createTable('half_done').addColumn('id', 'text').execute()
          throw new Error('disk full')
        },
      },
    }
    const attempt = openDatabase(file, { migrations: broken, backupDir: join(dir, 'backups') })
    await expect(attempt).rejects.toThrow(/failed, and it was left as it was: Error: disk full/)
    const check = new SqliteDatabase(file, { readonly: true })
    expect(check.prepare('select name from kysely_migration').pluck().all()).toEqual(['0001_foundation'])
    const tables = check.prepare("select name from sqlite_master where type = 'table'").pluck().all()
    expect(tables).not.toContain('customer')
    expect(tables).not.toContain('half_done')
    check.close()
    // The file still opens and migrates with the app's own migrations.
    const fixed = await openDatabase(file, { backupDir: join(dir, 'backups') })
    expect(fixed.schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    await fixed.close()
  })
})
