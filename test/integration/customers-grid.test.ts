import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/connection'
import { writeDemoData } from '../../db/seed/demo'
import type { CustomerRow } from '../../electron/api/contract'
import type { AppHost } from '../../electron/host'
import { call, sampleContacts, sampleCustomer, signInAs, startHost, tempDir } from './helpers'

let host: AppHost
let all: CustomerRow[]

beforeAll(async () => {
  host = await startHost()
  await call(host, 'database.openDemo')
  await signInAs(host, 'staff', '网格测试')
  all = (
    await call(host, 'customers.list', { startRow: 0, endRow: 1000, sort: [{ colId: 'code', sort: 'asc' }] })
  ).rows
})
afterAll(() => host.close())

const page = (input: Parameters<typeof call<'customers.list'>>[2]) => call(host, 'customers.list', input)

describe('the customers grid query', () => {
  it('pages without gaps or repeats under any sort', async () => {
    const seen: string[] = []
    for (let start = 0; start < 300; start += 100) {
      const { rows } = await page({
        startRow: start,
        endRow: start + 100,
        sort: [{ colId: 'tier', sort: 'asc' }],
      })
      seen.push(...rows.map((row) => row.id))
    }
    expect(new Set(seen).size).toBe(300)
  })

  it('sorts by tier rank, then code, and by numbers with blanks last', async () => {
    const lookups = await call(host, 'lookups.get')
    const rank = new Map(lookups.tiers.map((tier) => [tier.id, tier.rank]))
    const { rows } = await page({ startRow: 0, endRow: 300, sort: [{ colId: 'tier', sort: 'desc' }] })
    const ranks = rows.map((row) => rank.get(row.tierId!)!)
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a))
    const byRevenue = await page({
      startRow: 0,
      endRow: 300,
      sort: [{ colId: 'monthlyRevenueFen', sort: 'desc' }],
    })
    const revenue = byRevenue.rows.map((row) => row.monthlyRevenueFen!)
    expect(revenue).toEqual([...revenue].sort((a, b) => b - a))
  })

  it('quick-searches code, name, contact name and contact phone (with or without dashes)', async () => {
    const file = await call(host, 'customers.save', { fields: sampleCustomer, contacts: sampleContacts })
    for (const text of [
      '5719990001',
      '测试集团',
      '李娜',
      '赵强',
      '13800138000',
      '057188886666',
      '0571-8888',
    ]) {
      const { rows } = await page({ startRow: 0, endRow: 100, quickSearch: text })
      expect(
        rows.map((row) => row.id),
        text,
      ).toContain(file.customer.id)
    }
    const none = await page({ startRow: 0, endRow: 100, quickSearch: '%' })
    expect(none.total).toBe(0)
  })

  it('filters by list values and AG Grid text and number filter models, with a matching total', async () => {
    const branchId = all[0]!.branchId!
    const expected = all.filter((row) => row.branchId === branchId && (row.employees ?? 0) > 500)
    const result = await page({
      startRow: 0,
      endRow: 300,
      branchIds: [branchId],
      numberFilters: { employees: { filterType: 'number', type: 'greaterThan', filter: 500 } },
    })
    expect(result.total).toBe(expected.length)
    expect(result.rows.map((row) => row.id).sort()).toEqual(expected.map((row) => row.id).sort())

    const banks = await page({
      startRow: 0,
      endRow: 300,
      textFilters: {
        name: {
          filterType: 'text',
          operator: 'OR',
          conditions: [
            { filterType: 'text', type: 'contains', filter: '银行' },
            { filterType: 'text', type: 'endsWith', filter: '大酒店' },
          ],
        },
      },
    })
    expect(banks.total).toBe(
      all.filter((row) => row.name.includes('银行') || row.name.endsWith('大酒店')).length,
    )
    expect(banks.total).toBeGreaterThan(0)
  })

  it('shows the key contact: the core member first', async () => {
    const withContact = all.find((row) => row.keyContact)!
    const file = await call(host, 'customers.get', { id: withContact.id })
    const core = file.contacts.find((contact) => contact.contactClass === 'core')!
    expect(withContact.keyContact).toBe(core.name)
    expect(withContact.keyContactPhone).toBe(core.phone)
  })
})

describe('the demo database', () => {
  it('is the same from the same seed: about 300 customers across industries, branches and tiers', async () => {
    const make = async () => {
      const connection = await openDatabase(join(tempDir(), 'demo.sqlite'))
      await writeDemoData(connection.db, { now: new Date('2026-11-23T00:00:00Z') })
      const rows = connection.sqlite
        .prepare('select id, code, name, tier_id, branch_id, industry_id from customer order by code')
        .all()
      const contacts = connection.sqlite.prepare('select count(*) n from contact').get()
      await connection.close()
      return { rows, contacts }
    }
    const [first, second] = [await make(), await make()]
    expect(first).toEqual(second)
    const rows = first.rows as { tier_id: string; branch_id: string; industry_id: string }[]
    expect(rows).toHaveLength(300)
    expect(new Set(rows.map((row) => row.tier_id)).size).toBe(4)
    expect(new Set(rows.map((row) => row.branch_id)).size).toBeGreaterThanOrEqual(8)
    expect(new Set(rows.map((row) => row.industry_id)).size).toBeGreaterThanOrEqual(10)
    expect((first.contacts as { n: number }).n).toBeGreaterThan(300)
  })
})

describe('the command line', () => {
  it('creates a demo database and lists its customers as JSON', () => {
    const file = join(tempDir(), 'demo.db')
    const run = (...args: string[]) =>
      execFileSync('npx', ['tsx', 'electron/cli.ts', ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    expect(run('demo', '--out', file, '--customers', '40')).toMatch(/40 customers/)
    const customers = JSON.parse(run('customers', 'list', '--db', file, '--json')) as CustomerRow[]
    expect(customers).toHaveLength(40)
    expect(customers[0]).toMatchObject({ code: '5710000001' })
    expect(() => run('demo', '--out', file)).toThrow(/exists; pass --force/)
  })
})
