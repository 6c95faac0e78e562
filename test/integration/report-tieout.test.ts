/**
 * The report ties out: on the demo database, every number of every section (by branch, by account
 * manager and in total) equals the same figure worked out a second time in raw SQL from the rules
 * (test/fixtures/report-sql.ts), for two quarters (one still running) and a window that is not one.
 * The records a count opens are as many as the count says.
 */
import SqliteDatabase from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Report, ReportTable } from '../../electron/api/contract'
import { REPORT_SECTIONS } from '../../electron/domain/report'
import { reportSql, type SqlReport, type SqlTable } from '../fixtures/report-sql'
import { call, tempDir } from './helpers'
import { AppHost } from '../../electron/host'

const NOW = new Date('2026-11-23T01:00:00Z')
const WINDOWS = [
  { from: '2026-07-01', to: '2026-09-30' },
  { from: '2026-10-01', to: '2026-12-31' },
  { from: '2026-08-15', to: '2026-11-10' },
]

let host: AppHost
let raw: SqliteDatabase.Database
let bySql: ReturnType<typeof reportSql>

beforeAll(async () => {
  host = new AppHost({
    userDataDir: tempDir(),
    systemLocale: 'zh-CN',
    appVersion: 'test',
    now: () => NOW,
    actor: { id: null, name: '演示主管', role: 'supervisor' },
  })
  await host.openDemo()
  raw = new SqliteDatabase(host.demoDatabaseFile, { readonly: true })
  bySql = reportSql(raw)
}, 60_000)

afterAll(async () => {
  raw.close()
  await host.close()
})

function rowsByKey(rows: ReportTable['byBranch']) {
  return Object.fromEntries(rows.map((row) => [String(row.key), row.values]))
}

function sqlByKey(rows: SqlTable['branch']) {
  return Object.fromEntries([...rows].map(([key, values]) => [String(key), values]))
}

describe.each(WINDOWS)('the report for $from to $to', (window) => {
  let report: Report
  let expected: SqlReport

  beforeAll(async () => {
    report = await call(host, 'report.get', window)
    expected = bySql({ ...window, now: NOW })
  })

  const table = (section: string) => report.sections.find((one) => one.section === section)!

  it.each(REPORT_SECTIONS)('%s: every measure by branch, by manager and in total', (section) => {
    const ours = table(section)
    const sql = expected[section]!
    expect(ours.measures.map((measure) => measure.key).sort()).toEqual(
      Object.keys(sql.total.get(null)!).sort(),
    )
    expect(ours.total).toEqual(sql.total.get(null))
    expect(rowsByKey(ours.byBranch)).toEqual(sqlByKey(sql.branch))
    expect(rowsByKey(ours.byManager)).toEqual(sqlByKey(sql.manager))
  })

  it('has something to tie out in every section', () => {
    for (const section of REPORT_SECTIONS) {
      const total = expected[section]!.total.get(null)!
      expect(
        Object.values(total).some((value) => (value ?? 0) > 0),
        section,
      ).toBe(true)
    }
  })

  it.each(REPORT_SECTIONS)('%s: a count opens as many records as it says', async (section) => {
    const ours = table(section)
    const counts = ours.measures.filter(
      (measure) => measure.kind === 'count' && measure.drill === measure.key,
    )
    for (const { key: measure } of counts) {
      const branch = ours.byBranch.find((row) => (row.values[measure] ?? 0) > 0)
      const manager = ours.byManager.find((row) => (row.values[measure] ?? 0) > 0)
      const samples = [
        { grouping: 'total' as const, key: null, number: ours.total[measure] },
        ...(branch ? [{ grouping: 'branch' as const, key: branch.key, number: branch.values[measure] }] : []),
        ...(manager
          ? [{ grouping: 'manager' as const, key: manager.key, number: manager.values[measure] }]
          : []),
      ]
      for (const { number, ...owner } of samples) {
        const records = await call(host, 'report.records', { ...window, section, measure, ...owner })
        expect(records.total, `${measure} ${owner.grouping} ${owner.key}`).toBe(number)
      }
    }
  })
})
