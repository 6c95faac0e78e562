/**
 * The report's channels: who may see it, the windows it refuses with a message at the field, and how a
 * number follows the records (a deleted customer's records leave it, and the list a number opens).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { AppHost } from '../../electron/host'
import type { Report } from '../../electron/api/contract'
import { AppHost as Host } from '../../electron/host'
import { DEMO_SUPERVISOR_PASSWORD } from '../../db/seed/demo'
import type { Role } from '../../electron/api/contract'
import { reportWindowSchema } from '../../electron/api/schemas'
import { call, refusal, tempDir } from './helpers'

const NOW = new Date('2026-11-23T01:00:00Z')
const Q3 = { from: '2026-07-01', to: '2026-09-30' }

function total(report: Report, section: string, measure: string): number | null {
  return report.sections.find((table) => table.section === section)!.total[measure]!
}

/** Signs in the demo's own operator of the role. */
async function signInAs(host: AppHost, role: Role) {
  const operator = (await call(host, 'operators.list')).find((one) => one.role === role)!
  const password = role === 'supervisor' ? DEMO_SUPERVISOR_PASSWORD : undefined
  await call(host, 'session.signIn', { operatorId: operator.id, ...(password && { password }) })
}

describe('the report', () => {
  let host: AppHost

  beforeAll(async () => {
    host = new Host({ userDataDir: tempDir(), systemLocale: 'zh-CN', appVersion: 'test', now: () => NOW })
    await host.openDemo()
    await signInAs(host, 'supervisor')
  }, 60_000)

  it('is for supervisors and trainers, not branch staff', async () => {
    expect((await call(host, 'report.get', Q3)).quarter).toBe('2026Q3')
    await signInAs(host, 'trainer')
    expect((await call(host, 'report.get', Q3)).sections).toHaveLength(9)
    await signInAs(host, 'staff')
    expect((await refusal(host, 'report.get', Q3)).code).toBe('overseer_only')
    expect(
      (
        await refusal(host, 'report.records', {
          ...Q3,
          section: 'orders',
          measure: 'opened',
          grouping: 'total',
          key: null,
        })
      ).code,
    ).toBe('overseer_only')
    await signInAs(host, 'supervisor')
  })

  it.each([
    [{ from: '2026-09-30', to: '2026-07-01' }, 'to', 'ends_before_start'],
    [{ from: '2025-07-01', to: '2026-09-30' }, 'to', 'window_too_long'],
    [{ from: '2025-01-01', to: '2026-01-01' }, 'to', 'window_too_long'],
    [{ from: '2026-11-24', to: '2026-12-31' }, 'from', 'in_future'],
    [{ from: '2026-02-30', to: '2026-03-31' }, 'from', 'invalid_date'],
  ])('refuses the window %j at %s (%s)', async (window, path, message) => {
    const error = await refusal(host, 'report.get', window)
    expect(error.fields).toContainEqual(expect.objectContaining({ path, message }))
  })

  it('names the bad measure of a records request', async () => {
    const error = await refusal(host, 'report.records', {
      ...Q3,
      section: 'orders',
      measure: 'met',
      grouping: 'total',
      key: null,
    })
    expect(error.fields).toContainEqual(
      expect.objectContaining({ path: 'measure', message: 'invalid_choice' }),
    )
  })

  it('marks a window that is not a quarter, and one still running is judged as of today', async () => {
    const report = await call(host, 'report.get', { from: '2026-08-15', to: '2026-11-30' })
    expect(report).toMatchObject({ quarter: null, asOf: '2026-11-23' })
    // A whole year is the longest window, a leap year's too.
    expect((await call(host, 'report.get', { from: '2025-01-01', to: '2025-12-31' })).quarter).toBeNull()
    expect(reportWindowSchema.safeParse({ from: '2028-01-01', to: '2028-12-31' }).success).toBe(true)
  })

  it('leaves out a deleted customer’s records, and its numbers open exactly their records', async () => {
    const before = await call(host, 'report.get', Q3)
    const opened = await call(host, 'report.records', {
      ...Q3,
      section: 'orders',
      measure: 'opened',
      grouping: 'total',
      key: null,
    })
    expect(opened.total).toBe(total(before, 'orders', 'opened'))
    const customerId = opened.rows[0]!.customerId
    const ofCustomer = opened.rows.filter((row) => row.customerId === customerId).length
    const file = await call(host, 'customers.get', { id: customerId })
    await call(host, 'customers.delete', { id: customerId, version: file.customer.version })

    const after = await call(host, 'report.get', Q3)
    expect(total(after, 'customers', 'total')).toBe(total(before, 'customers', 'total')! - 1)
    expect(total(after, 'orders', 'opened')).toBe(total(before, 'orders', 'opened')! - ofCustomer)
    const branch = after.sections[1]!.byBranch.find((row) => row.values.opened! > 0)!
    const records = await call(host, 'report.records', {
      ...Q3,
      section: 'orders',
      measure: 'onTimeBp',
      grouping: 'branch',
      key: branch.key,
    })
    expect(records.total).toBe(branch.values.opened)
    expect(records.rows.every((row) => row.customerId !== customerId)).toBe(true)
  })

  it('holds each year of a window across New Year to that year’s plans', async () => {
    const compliance = async (from: string, to: string) =>
      (await call(host, 'report.get', { from, to })).sections.find((one) => one.section === 'compliance')!
        .total
    const [december, january] = [
      await compliance('2025-12-01', '2025-12-31'),
      await compliance('2026-01-01', '2026-01-31'),
    ]
    const both = await compliance('2025-12-01', '2026-01-31')
    expect(both.target).toBe(december.target! + january.target!)
    expect(both.done).toBe(december.done! + january.done!)
  })

  it('adds every branch up to the total, and every manager too', async () => {
    const report = await call(host, 'report.get', Q3)
    for (const table of report.sections) {
      for (const measure of table.measures.filter((one) => ['count', 'fen', 'minutes'].includes(one.kind))) {
        const sum = (rows: typeof table.byBranch) =>
          rows.reduce((acc, row) => acc + (row.values[measure.key] ?? 0), 0)
        expect(sum(table.byBranch), `${table.section}.${measure.key}`).toBe(table.total[measure.key])
        expect(sum(table.byManager), `${table.section}.${measure.key}`).toBe(table.total[measure.key])
      }
    }
  })
})
