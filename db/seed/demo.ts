/**
 * The demo database: realistic sample customer files for trainers and tests, generated from a fixed seed
 * so that every machine gets the same data. It is written into its own file, never the operator's.
 */
import type { Insertable, Kysely } from 'kysely'
import { searchText } from '../../electron/services/customers/file'
import { hashPassword } from '../../electron/services/session/operators'
import { defaultRowId } from '../ids'
import type { AccountManagerTable, ContactTable, CustomerTable, Database } from '../schema'
import { writeDeliveryDemo } from './demo-delivery'
import { writePlansDemo } from './demo-plans'
import { writeSlaDemo } from './demo-sla'
import { Random } from './random'
import { BRANCHES, CUSTOMER_NAMES, GIVEN_NAMES, GROUP_PRODUCTS, POSITIONS, STREETS, SURNAMES } from './names'

export const DEMO_SEED = 20261123
/** Documented in the README: the demo's supervisor, for trainers showing supervisor-only screens. */
export const DEMO_SUPERVISOR_PASSWORD = 'demo-supervisor'

export interface DemoOptions {
  now: Date
  seed?: number
  customers?: number
  /** Circuits, agreements, orders, faults and slips; plans, activities, revenue and churn (default: yes). */
  serviceRecords?: boolean
}

const ACTOR = '演示数据生成器'

/** Tier shares by rank (A/B/C/D), and the manager levels that serve each (domain.md: level follows tier). */
const TIER_WEIGHTS = [
  ['A', 8],
  ['B', 22],
  ['C', 40],
  ['D', 30],
] as const
const LEVELS_FOR_TIER: Record<string, string[]> = {
  A: ['chief', 'special', 'senior'],
  B: ['senior', 'senior_industry', 'key_account'],
  C: ['key_account', 'industry', 'account_manager'],
  D: ['account_manager', 'industry'],
}
const MANAGER_LEVELS = [
  ['chief', 1],
  ['special', 2],
  ['senior', 3],
  ['senior_industry', 3],
  ['key_account', 5],
  ['industry', 4],
  ['account_manager', 4],
  ['service_rep', 2],
] as const
const INDUSTRY_WEIGHTS = [
  ['government', 12],
  ['finance', 12],
  ['insurance', 5],
  ['hospitality', 7],
  ['park', 4],
  ['education', 10],
  ['healthcare', 8],
  ['manufacturing', 18],
  ['logistics', 8],
  ['energy', 4],
  ['retail', 7],
  ['media', 2],
  ['military', 2],
  ['other', 1],
] as const
/** Monthly telecom revenue range by tier, in yuan. */
const REVENUE_BY_TIER: Record<string, [number, number]> = {
  A: [80_000, 600_000],
  B: [20_000, 80_000],
  C: [5_000, 20_000],
  D: [500, 5_000],
}
const EMPLOYEES_BY_TIER: Record<string, [number, number]> = {
  A: [800, 12_000],
  B: [200, 1_500],
  C: [50, 400],
  D: [10, 120],
}

function personName(random: Random): { name: string; pinyin: string } {
  const [surname, surnamePinyin] = random.pick(SURNAMES)
  const [given, givenPinyin] = random.pick(GIVEN_NAMES)
  return { name: surname + given, pinyin: `${givenPinyin}.${surnamePinyin}` }
}

function mobile(random: Random): string {
  return `1${random.pick(['3', '5', '7', '8', '9'])}${random.digits(9)}`
}

function isoDaysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString()
}

async function insertInBatches<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) {
    // Kysely cannot relate a generic table name to its insert type; the signature above checks the rows.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 400) as never)
      .execute()
  }
}

function record(random: Random, created: string) {
  return { id: random.uuid(created), version: 1, createdAt: created, updatedAt: created, deletedAt: null }
}

function branches(random: Random, created: string) {
  return BRANCHES.map(([code, nameZh, nameEn], index) => ({
    ...record(random, created),
    id: defaultRowId(`branch:demo:${code}`),
    code,
    nameZh,
    nameEn,
    sortOrder: index + 1,
  }))
}

function managers(random: Random, branchIds: string[], created: string): Insertable<AccountManagerTable>[] {
  const staff = MANAGER_LEVELS.flatMap(([level, count]) =>
    Array.from({ length: count }, () => ({
      ...record(random, created),
      name: personName(random).name,
      level,
      branchId: random.pick(branchIds),
      phone: mobile(random),
      role: 'staff' as const,
      passwordHash: null,
    })),
  )
  const office = () => ({ ...record(random, created), branchId: null, phone: null })
  return [
    ...staff,
    {
      ...office(),
      name: '演示主管',
      level: 'chief',
      role: 'supervisor',
      passwordHash: hashPassword(DEMO_SUPERVISOR_PASSWORD),
    },
    { ...office(), name: '培训讲师', level: 'service_rep', role: 'trainer', passwordHash: null },
  ]
}

/** Staff manager ids by level, for assigning customers to a manager whose level suits their tier. */
function managersByLevel(rows: Insertable<AccountManagerTable>[]): Map<string, string[]> {
  const byLevel = new Map<string, string[]>()
  for (const row of rows.filter((manager) => manager.role === 'staff')) {
    byLevel.set(row.level, [...(byLevel.get(row.level) ?? []), row.id])
  }
  return byLevel
}

interface Lists {
  industries: Map<string, string>
  tiers: Map<string, string>
  branches: { id: string; short: string; full: string }[]
  managersByLevel: Map<string, string[]>
}

function contactsFor(
  random: Random,
  customerId: string,
  code: string,
  created: string,
): Insertable<ContactTable>[] {
  const count = random.weighted([
    [1, 2],
    [2, 4],
    [3, 3],
    [4, 1],
  ] as const)
  return Array.from({ length: count }, (_, index) => {
    const person = personName(random)
    const year = random.int(1962, 1996)
    return {
      ...record(random, created),
      customerId,
      name: person.name,
      position: index === 0 ? random.pick(POSITIONS.slice(0, 2)) : random.pick(POSITIONS),
      phone: mobile(random),
      email: random.chance(0.7) ? `${person.pinyin}@c${code}.example.cn` : null,
      birthday: random.chance(0.6)
        ? `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`
        : null,
      contactClass:
        index === 0
          ? 'core'
          : random.weighted([
              ['core', 1],
              ['important', 3],
              ['ordinary', 4],
            ] as const),
      notes: null,
    }
  })
}

function customerFor(
  random: Random,
  lists: Lists,
  index: number,
  nameCounts: Map<string, number>,
  now: Date,
) {
  const industry = random.weighted(INDUSTRY_WEIGHTS)
  const tier = random.weighted(TIER_WEIGHTS)
  const branch = random.pick(lists.branches)
  const makeName = random.pick(CUSTOMER_NAMES[industry]!)
  const pick = <T>(items: readonly T[]) => random.pick(items)
  // A name made twice gets a number, as operators' own systems do: 临江开元大酒店（2）.
  const base = makeName(pick, branch.short, branch.full)
  const seen = (nameCounts.get(base) ?? 0) + 1
  nameCounts.set(base, seen)
  const name = seen === 1 ? base : `${base}（${seen}）`
  const code = `571${String(index + 1).padStart(7, '0')}`
  const [minRevenue, maxRevenue] = REVENUE_BY_TIER[tier]!
  const [minStaff, maxStaff] = EMPLOYEES_BY_TIER[tier]!
  const employees = random.int(minStaff, maxStaff)
  const ours = Math.round(employees * (0.3 + random.next() * 0.6))
  const managerIds = LEVELS_FOR_TIER[tier]!.flatMap((level) => lists.managersByLevel.get(level) ?? [])
  const created = isoDaysBefore(now, random.int(30, 1500))
  return {
    ...record(random, created),
    code,
    name,
    industryId: lists.industries.get(industry) ?? null,
    branchId: branch.id,
    address: `临江市${branch.full}${random.pick(STREETS)}${random.int(1, 999)}号`,
    tierId: lists.tiers.get(tier) ?? null,
    accountManagerId: random.pick(managerIds),
    status: random.weighted([
      ['active', 88],
      ['at_risk', 8],
      ['lost', 4],
    ] as const),
    employees,
    // Output per head of 150,000 to 900,000 yuan a year, as firms of these sizes report.
    annualOutputFen: employees * random.int(150_000, 900_000) * 100,
    leader: personName(random).name,
    ourSubscribers: ours,
    competitorSubscribers: Math.max(0, employees - ours - random.int(0, employees / 10)),
    monthlyRevenueFen: random.int(minRevenue, maxRevenue) * 100,
    fixedLines: random.int(0, Math.ceil(employees / 8)),
    broadbandLines: random.int(1, Math.ceil(employees / 100) + 1),
    groupProducts: Array.from(
      new Set(Array.from({ length: random.int(1, 4) }, () => random.pick(GROUP_PRODUCTS))),
    ).join('、'),
    hasPbx: random.chance(tier === 'A' || tier === 'B' ? 0.6 : 0.15) ? 1 : 0,
    notes: null,
    searchText: '',
  } satisfies Insertable<CustomerTable>
}

function auditRows(random: Random, rows: { id: string; createdAt: string }[]) {
  return rows.map((row) => ({
    id: random.uuid(row.createdAt),
    at: row.createdAt,
    operatorId: null,
    operatorName: ACTOR,
    host: 'demo',
    tableName: 'customer',
    rowId: row.id,
    action: 'create' as const,
    beforeJson: null,
    afterJson: JSON.stringify(row),
  }))
}

/** Writes the demo's branches, account managers, customers and contacts in one transaction. */
export async function writeDemoData(
  db: Kysely<Database>,
  options: DemoOptions,
): Promise<{ customers: number }> {
  const seed = options.seed ?? DEMO_SEED
  const random = new Random(seed)
  const created = isoDaysBefore(options.now, 1600)
  await db.transaction().execute(async (trx) => {
    const branchRows = branches(random, created)
    await insertInBatches(trx, 'branch', branchRows)
    const managerRows = managers(
      random,
      branchRows.map((row) => row.id),
      created,
    )
    await insertInBatches(trx, 'accountManager', managerRows)
    const industries = await trx.selectFrom('industry').select(['id', 'code']).execute()
    const tiers = await trx.selectFrom('tier').select(['id', 'code']).where('scheme', '=', 'abcd').execute()
    const lists: Lists = {
      industries: new Map(industries.map((row) => [row.code, row.id])),
      tiers: new Map(tiers.map((row) => [row.code, row.id])),
      branches: branchRows.map((row, index) => ({
        id: row.id,
        short: BRANCHES[index]![3],
        full: row.nameZh,
      })),
      managersByLevel: managersByLevel(managerRows),
    }
    const nameCounts = new Map<string, number>()
    const total = options.customers ?? 300
    for (let start = 0; start < total; start += 2000) {
      const customers = []
      const contacts = []
      for (let index = start; index < Math.min(total, start + 2000); index++) {
        const customer = customerFor(random, lists, index, nameCounts, options.now)
        const own = contactsFor(random, customer.id, customer.code, customer.createdAt)
        customer.searchText = searchText(customer, own)
        customers.push(customer)
        contacts.push(...own)
      }
      await insertInBatches(trx, 'customer', customers)
      await insertInBatches(trx, 'contact', contacts)
      await insertInBatches(trx, 'auditLog', auditRows(random, customers))
    }
    if (options.serviceRecords !== false) {
      const actor = { id: null, name: ACTOR, role: 'trainer' as const }
      await writeSlaDemo({ db: trx, actor, host: 'demo', now: () => options.now }, random)
      await writePlansDemo(
        { db: trx, actor, host: 'demo', now: () => options.now },
        random,
        new Random(seed + 1),
      )
      await writeDeliveryDemo({ db: trx, actor, host: 'demo', now: () => options.now }, random)
    }
  })
  return { customers: options.customers ?? 300 }
}
