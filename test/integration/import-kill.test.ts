/**
 * Killing the command line (SIGKILL: no handler runs, no rollback is sent) at random points of a
 * 100,000-row import leaves a database that passes SQLite's integrity check and holds either none of the
 * file's rows or all of them: the commit is one transaction, and SQLite's journal does the rest.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/connection'
import { tempDir } from './helpers'

const ROWS = 100_000
const ROUNDS = 4
/** Kills land between these times after the start: reading, checking and writing the rows. */
const EARLIEST_MS = 1_500
const LATEST_MS = 13_000

function bigCsv(path: string): void {
  const industries = ['金融', '教育', 'healthcare', 'Manufacturing']
  const lines = ['集团客户清单', '集团编号,集团名称,行业,客户等级,员工数,月收入（元）']
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `K${String(i).padStart(6, '0')},临江测试客户${i},${industries[i % 4]},${'ABCD'[i % 4]},${i % 500},${i % 9999}.50`,
    )
  writeFileSync(path, lines.join('\n'))
}

/** Runs the CLI's import in a process of its own (no npm or tsx wrapper in between) and kills it after `ms`. */
function importAndKill(
  csv: string,
  file: string,
  ms: number,
): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/cli.ts', 'import', 'customers', csv, '--db', file, '--json'],
      { stdio: 'ignore' },
    )
    const timer = setTimeout(() => child.kill('SIGKILL'), ms)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ killed: signal === 'SIGKILL', code })
    })
  })
}

describe('an import killed at random points', () => {
  it('leaves an intact database with none or all of the rows', async () => {
    const dir = tempDir('account-desk-kill-')
    const csv = join(dir, 'customers.csv')
    bigCsv(csv)
    try {
      const template = join(dir, 'template.sqlite')
      await (await openDatabase(template)).close()
      // One kill in each stretch of the window, at a random point of it.
      const stretch = (LATEST_MS - EARLIEST_MS) / ROUNDS
      for (let round = 0; round < ROUNDS; round++) {
        const file = join(dir, `round-${round}.sqlite`)
        copyFileSync(template, file)
        const delay = Math.round(EARLIEST_MS + stretch * (round + Math.random()))
        const outcome = await importAndKill(csv, file, delay)
        // Pages the killed transaction had written to the journal: the kill landed mid-write.
        const journal = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0
        const raw = new SqliteDatabase(file)
        try {
          expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
          const count = (sql: string) => (raw.prepare(sql).get() as { n: number }).n
          const customers = count("select count(*) as n from customer where code like 'K%'")
          const audited = count("select count(*) as n from audit_log where table_name = 'customer'")
          const mapping = count("select count(*) as n from setting where key like 'import_mapping.%'")
          console.log(
            `round ${round + 1}: killed after ${delay} ms (${outcome.killed ? 'while running' : `had exited with ${outcome.code}`}), ` +
              `${(journal / 1024 / 1024).toFixed(1)} MB in the WAL: ${customers} customers after recovery`,
          )
          expect([0, ROWS]).toContain(customers)
          // The audit rows and the remembered mapping went with the rows, in the same transaction.
          expect(audited).toBe(customers)
          expect(mapping).toBe(customers === 0 ? 0 : 1)
          if (!outcome.killed) expect(customers).toBe(ROWS)
        } finally {
          raw.close()
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 90_000)
})
