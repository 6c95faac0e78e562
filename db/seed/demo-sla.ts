/**
 * The demo's SLA records, written through the app's own services so that every derived figure (due
 * dates, late days, compensation, slips) is what the app itself computes: circuits for the larger
 * customers, agreements (some with their own terms, some expiring soon), orders of every class over
 * the past year and a half (some late, some paused, some still open), faults, and the slips they raise,
 * a share of the older ones confirmed and paid.
 */
import type { Kysely } from 'kysely'
import { addDays } from '../../electron/domain/calendar'
import type { ProvisioningClass } from '../../electron/domain/sla'
import type { ServiceContext } from '../../electron/services/context'
import { saveAgreement } from '../../electron/services/sla/agreements'
import { saveCircuit } from '../../electron/services/sla/circuits'
import { today } from '../../electron/services/sla/common'
import { saveFault } from '../../electron/services/sla/faults'
import { saveOrder } from '../../electron/services/sla/orders'
import { confirmSlip, paySlip, voidSlip } from '../../electron/services/sla/slips'
import type { Database } from '../schema'
import type { Random } from './random'

const BANDWIDTHS = ['2M', '10M', '20M', '50M', '100M', '155M', '1G'] as const
const PRODUCT_WEIGHTS = [
  ['digital', 20],
  ['ddn', 12],
  ['fr', 4],
  ['atm', 3],
  ['internet', 35],
  ['mpls_vpn', 26],
] as const
const CLASS_WEIGHTS = [
  ['urgent', 15],
  ['expedited', 30],
  ['normal', 55],
] as const
const PAUSE_REASONS = ['客户机房未就绪', '客户要求推迟施工', '客户侧设备未到货', '客户内部审批未完成']
const FAULT_TEXTS = [
  '光缆被施工挖断',
  '客户端设备掉电',
  '局端板卡故障',
  '割接施工（已通知）',
  '线路误码率高',
  '客户误操作拔线',
]
const UNITS = ['网络运维部', '传输维护中心', '装维中心', '数据网络中心']
/** The days a limit of N working days usually spans on the calendar. */
const CALENDAR_PER_WORKING_DAY = 1.45

interface SeedCustomer {
  id: string
  code: string
  address: string | null
  tier: string
}

async function seedCustomers(db: Kysely<Database>): Promise<SeedCustomer[]> {
  return db
    .selectFrom('customer as c')
    .innerJoin('tier as t', 't.id', 'c.tierId')
    .select(['c.id', 'c.code', 'c.address', 't.code as tier'])
    .where('t.code', 'in', ['A', 'B'])
    .orderBy('c.code')
    .execute()
}

/** Writes the SLA records for the demo's A and B customers; `ctx.db` is the seed's transaction. */
export async function writeSlaDemo(ctx: ServiceContext, random: Random): Promise<void> {
  const date = today(ctx)
  const products = new Map(
    (await ctx.db.selectFrom('product').select(['id', 'code']).execute()).map((row) => [row.code, row.id]),
  )
  const grades = (await ctx.db.selectFrom('qualityGrade').select('id').orderBy('sortOrder').execute()).map(
    (row) => row.id,
  )
  let circuitSerial = 0
  for (const [index, customer] of (await seedCustomers(ctx.db)).entries()) {
    const circuits = []
    for (let n = random.int(1, customer.tier === 'A' ? 4 : 2); n > 0; n--) {
      const product = random.weighted(PRODUCT_WEIGHTS)
      const openedDaysAgo = random.int(20, 540)
      const circuit = await saveCircuit(ctx, {
        customerId: customer.id,
        number: `LJ-${product.toUpperCase().replace('_', '')}-${String(++circuitSerial).padStart(6, '0')}`,
        productId: products.get(product)!,
        bandwidth: random.pick(BANDWIDTHS),
        aEnd: customer.address,
        zEnd: random.pick(['临江市数据中心', '临江市电信枢纽楼', '省会核心机房']),
        standardFeeFen: random.int(20, 300) * 10_000,
        monthlyFeeFen: random.int(8, 200) * 10_000,
        status: 'active',
        openedOn: null,
        notes: null,
      })
      circuits.push({ ...circuit, product, openedDaysAgo })
    }
    if (customer.tier === 'A' || random.chance(0.5))
      await agreementFor(ctx, random, customer, circuits, grades, index)
    for (const circuit of circuits) {
      await orderFor(ctx, random, customer.id, circuit, addDays(date, -circuit.openedDaysAgo))
      await faultsFor(ctx, random, circuit.id, circuit.openedDaysAgo)
    }
    // Every third customer has an upgrade in progress: open orders on track, due soon or late.
    if (index % 3 === 0)
      await orderFor(ctx, random, customer.id, circuits[0]!, addDays(date, -random.int(1, 30)), true)
  }
  await settleOldSlips(ctx, random)
  await voidDisputedSlips(ctx)
}

async function agreementFor(
  ctx: ServiceContext,
  random: Random,
  customer: SeedCustomer,
  circuits: { id: string; openedDaysAgo: number }[],
  grades: string[],
  index: number,
): Promise<void> {
  const date = today(ctx)
  // Every seventh agreement ends within the month, so that the expiry flag has something to show.
  const endsIn = index % 7 === 0 ? random.int(3, 28) : random.int(60, 700)
  const validTo = addDays(date, endsIn)
  const validFrom = addDays(validTo, -(random.chance(0.5) ? 729 : 1094))
  const ownTerms = random.chance(0.35)
  await saveAgreement(ctx, {
    customerId: customer.id,
    number: `SLA-${customer.code}`,
    signedOn: addDays(validFrom, -random.int(3, 20)),
    validFrom,
    validTo,
    status: 'active',
    gradeId: customer.tier === 'A' ? random.pick(grades.slice(0, 2)) : random.pick(grades.slice(1)),
    terms: ownTerms ? { urgent: { limitDays: 4 }, normal: { rateBp: 300 } } : {},
    availabilityRateBp: random.chance(0.6) ? 1000 : null,
    circuitIds: circuits.map((circuit) => circuit.id),
    notes: ownTerms ? '合同约定：特急 4 个工作日开通；普通类每迟一日赔 3%' : null,
  })
}

async function orderFor(
  ctx: ServiceContext,
  random: Random,
  customerId: string,
  circuit: { id: string; product: string; standardFeeFen: number | null },
  acceptedOn: string,
  inProgress = false,
): Promise<void> {
  const provisioningClass: ProvisioningClass = random.weighted(CLASS_WEIGHTS)
  const rule = await ctx.db
    .selectFrom('provisioningRule as r')
    .innerJoin('product as p', 'p.id', 'r.productId')
    .select('r.limitDays')
    .where('p.code', '=', circuit.product)
    .where('r.provisioningClass', '=', provisioningClass)
    .executeTakeFirstOrThrow()
  const paused = random.chance(0.15)
  const pauseLength = paused ? random.int(3, 10) : 0
  // Three orders in four finish in time; the rest run late by up to two and a half times the limit.
  const share = random.chance(0.75) ? 0.4 + random.next() * 0.55 : 1.15 + random.next() * 1.4
  const span = Math.round(rule.limitDays * CALENDAR_PER_WORKING_DAY * share) + pauseLength
  const completedOn = addDays(acceptedOn, Math.max(span, pauseLength + 4))
  const open = inProgress || completedOn > today(ctx)
  const pauseStart = addDays(acceptedOn, 2)
  // Saved as on the day it was completed, so that its slip bears that day, as it would at a real desk.
  const savedOn = open ? ctx : atDay(ctx, completedOn)
  await saveOrder(savedOn, {
    number: null,
    customerId,
    circuitId: circuit.id,
    provisioningClass,
    acceptedOn,
    completedOn: open ? null : completedOn,
    standardFeeFen: circuit.standardFeeFen,
    notes: null,
    pauses: paused
      ? [
          {
            startOn: pauseStart,
            endOn: open && random.chance(0.5) ? null : addDays(pauseStart, pauseLength - 1),
            reason: random.pick(PAUSE_REASONS),
          },
        ]
      : [],
  })
}

async function faultsFor(ctx: ServiceContext, random: Random, circuitId: string, openedDaysAgo: number) {
  const now = ctx.now().getTime()
  for (let n = random.int(0, 3); n > 0; n--) {
    const reported =
      now - random.int(1, Math.min(openedDaysAgo, 200)) * 86_400_000 - random.int(0, 86_399) * 1000
    const minutes = random.weighted([
      [random.int(10, 90), 55],
      [random.int(90, 300), 35],
      [random.int(300, 900), 10],
    ])
    const cause = random.weighted([
      ['operator', 70],
      ['customer', 20],
      ['planned', 10],
    ] as const)
    const restored = Math.min(reported + minutes * 60_000, now)
    // Entered an hour after the circuit came back, so that a slip it raises bears that day.
    const enteredAt = new Date(Math.min(restored + 3_600_000, now))
    await saveFault(
      { ...ctx, now: () => enteredAt },
      {
        number: null,
        circuitId,
        reportedAt: new Date(reported).toISOString(),
        restoredAt: new Date(restored).toISOString(),
        cause,
        description: random.pick(FAULT_TEXTS),
      },
    )
  }
}

/** The context as of 18:00 China time on `date`. */
function atDay(ctx: ServiceContext, date: string): ServiceContext {
  const at = new Date(`${date}T10:00:00Z`)
  return { ...ctx, now: () => at }
}

/** Slips drafted more than two months ago: most confirmed with the customer, half of those paid. */
async function settleOldSlips(ctx: ServiceContext, random: Random): Promise<void> {
  const cutoff = new Date(ctx.now().getTime() - 60 * 86_400_000).toISOString()
  const old = await ctx.db
    .selectFrom('compensationSlip as s')
    .leftJoin('provisioningOrder as o', 'o.id', 's.orderId')
    .select(['s.id', 's.version', 's.period', 'o.completedOn'])
    .where('s.status', '=', 'draft')
    .execute()
  for (const slip of old) {
    const when = slip.completedOn ? `${slip.completedOn}T00:00:00Z` : `${slip.period}-28T00:00:00Z`
    if (when > cutoff || !random.chance(0.7)) continue
    const drafted = slip.completedOn ?? `${slip.period}-28`
    const confirmed = await confirmSlip(atDay(ctx, addDays(drafted, random.int(5, 20))), {
      ...slip,
      responsibleUnit: random.pick(UNITS),
    })
    if (random.chance(0.5)) await paySlip(atDay(ctx, addDays(drafted, random.int(25, 50))), confirmed)
  }
}

/**
 * Every fifth availability draft, by number, was found on review not to be the operator's miss: the
 * supervisor voided it. It stays in the records, counted nowhere.
 */
async function voidDisputedSlips(ctx: ServiceContext): Promise<void> {
  const drafts = await ctx.db
    .selectFrom('compensationSlip')
    .select(['id', 'version'])
    .where('kind', '=', 'availability')
    .where('status', '=', 'draft')
    .orderBy('number')
    .execute()
  const supervisor = { ...ctx, actor: { id: null, name: '演示主管', role: 'supervisor' as const } }
  for (const [index, slip] of drafts.entries()) if (index % 5 === 2) await voidSlip(supervisor, slip)
}
