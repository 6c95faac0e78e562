/**
 * The SLA services on a real SQLite file, through the same dispatch the app's window uses: a pause moves
 * the due date, an agreement's terms win over the rule table, a rule edit changes new orders only, a
 * calendar edit moves open orders, the slip workflow (a non-supervisor refused), availability, and the
 * bad inputs of the issue refused with nothing saved.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/connection'
import { writeDemoData } from '../../db/seed/demo'
import type { AppHost } from '../../electron/host'
import { call, refusal, sampleCustomer, signInAs, startHost, tempDir } from './helpers'

/** 09:00 on Monday 23 November 2026, China time. */
const NOW = new Date('2026-11-23T01:00:00Z')

let host: AppHost
let supervisorId: string

async function productId(code: string): Promise<string> {
  const { products } = await call(host, 'lookups.get')
  return products.find((product) => product.code === code)!.id
}

async function customerWithCircuit(code = 'SLA001', product = 'digital') {
  const file = await call(host, 'customers.save', {
    fields: { ...sampleCustomer, code, name: `客户${code}` },
    contacts: [],
  })
  const circuit = await call(host, 'circuits.save', {
    customerId: file.customer.id,
    number: `LJ-${code}`,
    productId: await productId(product),
    bandwidth: '10M',
    standardFeeFen: 1_000_000,
    monthlyFeeFen: 300_000,
    status: 'active',
  })
  return { customerId: file.customer.id, circuit }
}

async function tableCounts(): Promise<Record<string, number>> {
  const tables = [
    'provisioningOrder',
    'orderPause',
    'compensationSlip',
    'circuit',
    'slaAgreement',
    'fault',
    'auditLog',
  ] as const
  const connection = (
    host as unknown as { connection: { db: import('kysely').Kysely<import('../../db/schema').Database> } }
  ).connection
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const row = await connection.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    counts[table] = Number(row.n)
  }
  return counts
}

beforeEach(async () => {
  host = await startHost({ now: () => NOW })
  supervisorId = (await signInAs(host, 'supervisor', '主管乙')).id
})

describe('provisioning orders', () => {
  it('take their due date from the rule table and the official calendar', async () => {
    const { customerId, circuit } = await customerWithCircuit()
    const detail = await call(host, 'orders.save', {
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'urgent',
      acceptedOn: '2026-09-29',
    })
    expect(detail.order).toMatchObject({ dueOn: '2026-10-12', limitDays: 5, status: 'late' })
    expect(detail.order.number).toMatch(/^KT-2026-\d{5}$/)
    expect(
      detail.working.dueNotes.some((note) => note.reason === 'makeup_workday' && note.date === '2026-10-10'),
    ).toBe(true)
  })

  it('move the due date by the working days a customer pause takes', async () => {
    const { customerId, circuit } = await customerWithCircuit()
    const order = {
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'urgent' as const,
      acceptedOn: '2026-11-16',
    }
    const plain = await call(host, 'orders.save', order)
    expect(plain.order.dueOn).toBe('2026-11-23')
    const paused = await call(host, 'orders.save', {
      ...order,
      id: plain.order.id,
      version: plain.order.version,
      pauses: [{ startOn: '2026-11-18', endOn: '2026-11-20', reason: '客户机房未就绪' }],
    })
    expect(paused.order).toMatchObject({ dueOn: '2026-11-26', pausedWorkingDays: 3, status: 'on_track' })
    expect(paused.pauses).toHaveLength(1)
  })

  it('follow a signed agreement’s own terms over the rule table', async () => {
    const { customerId, circuit } = await customerWithCircuit()
    await call(host, 'agreements.save', {
      customerId,
      number: 'SLA-2026-001',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      status: 'active',
      terms: { urgent: { limitDays: 3, rateBp: 1000 } },
      circuitIds: [circuit.id],
    })
    const detail = await call(host, 'orders.save', {
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'urgent',
      acceptedOn: '2026-11-02',
      completedOn: '2026-11-06',
      standardFeeFen: 1_000_000,
    })
    // 3 working days → due Thu 5 Nov; done Fri 6 Nov: 1 day late at 10 % of ¥15,000.
    expect(detail.order).toMatchObject({
      limitDays: 3,
      rateBp: 1000,
      priceFactorBp: 15_000,
      dueOn: '2026-11-05',
      status: 'missed',
      lateWorkingDays: 1,
      compensationFen: 150_000,
      agreementNumber: 'SLA-2026-001',
    })
    // An order accepted outside the agreement's validity uses the rule table.
    const before = await call(host, 'orders.save', {
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'urgent',
      acceptedOn: '2025-12-01',
    })
    expect(before.order).toMatchObject({ limitDays: 5, agreementId: null })
  })

  it('keep the terms they were accepted under when the rule table changes', async () => {
    const { customerId, circuit } = await customerWithCircuit()
    const old = await call(host, 'orders.save', {
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'normal',
      acceptedOn: '2026-11-02',
    })
    const { rules } = await call(host, 'sla.rules')
    const rule = rules.find((r) => r.provisioningClass === 'normal' && r.productId === circuit.productId)!
    await call(host, 'sla.saveRule', { ...rule, limitDays: 25 })
    const fresh = await call(host, 'orders.save', {
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'normal',
      acceptedOn: '2026-11-02',
    })
    expect(fresh.order.dueOn).toBe('2026-12-07')
    // The old order, saved again with a note, keeps its 20 days.
    const again = await call(host, 'orders.save', {
      id: old.order.id,
      version: old.order.version,
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'normal',
      acceptedOn: '2026-11-02',
      notes: '客户催办',
    })
    expect(again.order).toMatchObject({ limitDays: 20, dueOn: '2026-11-30' })
  })

  it('refuse a pause that starts after the due date: it cannot excuse days already late', async () => {
    const { customerId, circuit } = await customerWithCircuit()
    const error = await refusal(host, 'orders.save', {
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'urgent',
      acceptedOn: '2026-11-02',
      completedOn: '2026-11-16',
      pauses: [{ startOn: '2026-11-10', endOn: '2026-11-16', reason: '客户原因' }],
    })
    expect(error.fields).toContainEqual(
      expect.objectContaining({ path: 'pauses.0', message: 'pause_after_due' }),
    )
  })

  it('move with the calendar: a holiday added moves every open order', async () => {
    const { customerId, circuit } = await customerWithCircuit()
    const open = await call(host, 'orders.save', {
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'urgent',
      acceptedOn: '2026-11-23',
    })
    expect(open.order.dueOn).toBe('2026-11-30')
    await call(host, 'calendar.saveDay', {
      date: '2026-11-25',
      kind: 'rest',
      nameZh: '临时放假',
      nameEn: 'Day off',
    })
    expect((await call(host, 'orders.get', { id: open.order.id })).order.dueOn).toBe('2026-12-01')
  })
})

describe('compensation slips', () => {
  async function missedOrder() {
    const { customerId, circuit } = await customerWithCircuit()
    return call(host, 'orders.save', {
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'urgent',
      acceptedOn: '2026-03-06',
      completedOn: '2026-03-17',
      standardFeeFen: 1_000_000,
    })
  }

  it('are drafted for a missed order with the working, and follow it while a draft', async () => {
    const order = await missedOrder()
    expect(order.order).toMatchObject({ status: 'missed', lateWorkingDays: 2, compensationFen: 150_000 })
    const slip = await call(host, 'slips.get', { id: order.order.slipId! })
    expect(slip).toMatchObject({ status: 'draft', amountFen: 150_000, kind: 'provisioning' })
    expect(slip.working).toMatchObject({
      dueOn: '2026-03-13',
      completedOn: '2026-03-17',
      lateWorkingDays: 2,
      chargedFeeFen: 1_500_000,
      rateBp: 500,
      capFen: 1_500_000,
    })
    // Completed in time after all: the draft is voided.
    const fixed = await call(host, 'orders.save', {
      ...order.order,
      completedOn: '2026-03-12',
      pauses: [],
    })
    expect(fixed.order).toMatchObject({ status: 'met', slipId: null })
    expect((await call(host, 'slips.get', { id: slip.id })).status).toBe('void')
  })

  it('are confirmed and paid by a supervisor only, and then fix the order', async () => {
    const order = await missedOrder()
    const slip = await call(host, 'slips.get', { id: order.order.slipId! })
    await call(host, 'session.signOut')
    await signInAs(host, 'staff', '员工甲')
    const refused = await refusal(host, 'slips.confirm', {
      id: slip.id,
      version: slip.version,
      responsibleUnit: '传输中心',
    })
    expect(refused.code).toBe('supervisor_only')
    expect((await call(host, 'slips.get', { id: slip.id })).status).toBe('draft')

    await call(host, 'session.signOut')
    await call(host, 'session.signIn', { operatorId: supervisorId, password: 'correct horse battery' })
    const noUnit = await refusal(host, 'slips.confirm', {
      id: slip.id,
      version: slip.version,
      responsibleUnit: ' ',
    })
    expect(noUnit.fields?.[0]).toMatchObject({ path: 'responsibleUnit', message: 'required' })
    const paidEarly = await refusal(host, 'slips.pay', { id: slip.id, version: slip.version })
    expect(paidEarly.code).toBe('slip_state')
    const confirmed = await call(host, 'slips.confirm', {
      id: slip.id,
      version: slip.version,
      responsibleUnit: '传输中心',
    })
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      responsibleUnit: '传输中心',
      confirmedBy: '主管乙',
    })
    const paid = await call(host, 'slips.pay', { id: slip.id, version: confirmed.version })
    expect(paid.status).toBe('paid')
    expect(paid.paidAt).toBe(NOW.toISOString())

    const settled = await refusal(host, 'orders.save', {
      ...order.order,
      completedOn: '2026-03-20',
      pauses: [],
    })
    expect(settled.code).toBe('slip_settled')
    // A pause would change the working as surely as a date: refused too.
    const pause = { startOn: '2026-03-09', endOn: '2026-03-10', reason: '客户原因' }
    expect((await refusal(host, 'orders.save', { ...order.order, pauses: [pause] })).code).toBe(
      'slip_settled',
    )
    // A note is no change to the facts: saved, and the figures stay as the slip has them.
    const noted = await call(host, 'orders.save', { ...order.order, notes: '已赔付', pauses: [] })
    expect(noted.order).toMatchObject({ notes: '已赔付', compensationFen: 150_000, lateWorkingDays: 2 })
    expect(await refusal(host, 'slips.void', { id: slip.id, version: paid.version })).toMatchObject({
      code: 'slip_state',
    })
  })
})

describe('a slip voided by a supervisor', () => {
  it('stays void when the order is saved again unchanged, and comes back only for a new working', async () => {
    const { customerId, circuit } = await customerWithCircuit()
    const input = {
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'urgent' as const,
      acceptedOn: '2026-03-06',
      completedOn: '2026-03-17',
      standardFeeFen: 1_000_000,
    }
    const order = await call(host, 'orders.save', input)
    const slip = await call(host, 'slips.get', { id: order.order.slipId! })
    await call(host, 'slips.void', { id: slip.id, version: slip.version })
    const again = await call(host, 'orders.save', {
      ...input,
      id: order.order.id,
      version: order.order.version,
      notes: '复核',
    })
    expect(again.order.slipId).toBeNull()
    const later = await call(host, 'orders.save', {
      ...input,
      id: again.order.id,
      version: again.order.version,
      completedOn: '2026-03-19',
    })
    expect(later.order.slipId).not.toBeNull()
    expect((await call(host, 'slips.get', { id: later.order.slipId! })).amountFen).toBe(300_000)
  })
})

describe('a slip whose dates reach a year with no calendar', () => {
  it('carries the warning in its working', async () => {
    const { customerId, circuit } = await customerWithCircuit()
    const order = await call(host, 'orders.save', {
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'normal',
      acceptedOn: '2026-11-02',
      completedOn: '2027-01-20',
      standardFeeFen: 1_000_000,
    })
    const slip = await call(host, 'slips.get', { id: order.order.slipId! })
    expect(slip.working).toMatchObject({ kind: 'provisioning', calendarWarnings: [2027] })
  })
})

describe('faults and availability', () => {
  it('measure recovery against the grade and draft an availability slip where the agreement sets a rate', async () => {
    const { customerId, circuit } = await customerWithCircuit()
    const { grades } = await call(host, 'lookups.get')
    const grade2 = grades.find((grade) => grade.code === 'grade2')!
    await call(host, 'agreements.save', {
      customerId,
      number: 'SLA-AV-1',
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      status: 'active',
      gradeId: grade2.id,
      availabilityRateBp: 1000,
      circuitIds: [circuit.id],
    })
    // October 2026 has 44 640 minutes; 99.9 % allows 44. A 5-hour outage of ours misses it.
    const fault = await call(host, 'faults.save', {
      circuitId: circuit.id,
      reportedAt: '2026-10-10T02:00:00Z',
      restoredAt: '2026-10-10T07:00:00Z',
      cause: 'operator',
    })
    expect(fault).toMatchObject({ recoveryMinutes: 300, targetMinutes: 240, metTarget: false })
    await call(host, 'faults.save', {
      circuitId: circuit.id,
      reportedAt: '2026-10-12T02:00:00Z',
      restoredAt: '2026-10-12T12:00:00Z',
      cause: 'customer',
    })
    const [october] = await call(host, 'faults.availability', { period: '2026-10', customerId })
    expect(october).toMatchObject({
      periodMinutes: 44_640,
      faultMinutes: 900,
      excludedMinutes: 600,
      met: false,
    })
    expect(october!.availabilityPpm).toBe(Math.floor(((44_640 - 300) * 1_000_000) / 44_640))
    const slips = await call(host, 'slips.list', { startRow: 0, endRow: 10, customerId })
    expect(slips.rows).toHaveLength(1)
    expect(slips.rows[0]).toMatchObject({
      kind: 'availability',
      period: '2026-10',
      amountFen: 30_000,
      status: 'draft',
    })

    // The outage turns out to be planned works: the month meets its target and the draft is voided.
    await call(host, 'faults.save', { ...fault, cause: 'planned' })
    const after = await call(host, 'slips.list', { startRow: 0, endRow: 10, customerId, statuses: ['draft'] })
    expect(after.total).toBe(0)
    const [quarter] = await call(host, 'faults.availability', { period: '2026Q4', customerId })
    expect(quarter!.met).toBe(true)
  })
})

describe('agreements', () => {
  it('flag those ending within the warning window', async () => {
    const { customerId } = await customerWithCircuit()
    const base = { customerId, validFrom: '2026-01-01', status: 'active' as const }
    await call(host, 'agreements.save', { ...base, number: 'SLA-SOON', validTo: '2026-12-20' })
    await call(host, 'agreements.save', { ...base, number: 'SLA-LATER', validTo: '2027-06-30' })
    const soon = await call(host, 'agreements.list', { startRow: 0, endRow: 10, expiringOnly: true })
    expect(soon.rows.map((row) => [row.number, row.daysToExpiry, row.expiringSoon])).toEqual([
      ['SLA-SOON', 27, true],
    ])
  })
})

describe('bad input is refused with a field message, and nothing is saved', () => {
  it.each([
    [
      'an order completed before it was accepted',
      'orders.save',
      (c: Awaited<ReturnType<typeof customerWithCircuit>>) => ({
        customerId: c.customerId,
        circuitId: c.circuit.id,
        provisioningClass: 'normal',
        acceptedOn: '2026-11-10',
        completedOn: '2026-11-09',
      }),
      'completedOn',
      'completed_before_accepted',
    ],
    [
      'a pause outside the order',
      'orders.save',
      (c: Awaited<ReturnType<typeof customerWithCircuit>>) => ({
        customerId: c.customerId,
        circuitId: c.circuit.id,
        provisioningClass: 'normal',
        acceptedOn: '2026-11-10',
        completedOn: '2026-11-20',
        pauses: [{ startOn: '2026-11-15', endOn: '2026-11-25', reason: '客户原因' }],
      }),
      'pauses.0',
      'pause_outside_order',
    ],
    [
      'a fault restored before it was reported',
      'faults.save',
      (c: Awaited<ReturnType<typeof customerWithCircuit>>) => ({
        circuitId: c.circuit.id,
        reportedAt: '2026-11-10T08:00:00Z',
        restoredAt: '2026-11-10T07:00:00Z',
        cause: 'operator',
      }),
      'restoredAt',
      'restored_before_reported',
    ],
    [
      'an agreement ending before it starts',
      'agreements.save',
      (c: Awaited<ReturnType<typeof customerWithCircuit>>) => ({
        customerId: c.customerId,
        number: 'SLA-BAD',
        validFrom: '2026-06-01',
        validTo: '2026-05-31',
        status: 'active',
      }),
      'validTo',
      'ends_before_start',
    ],
    [
      'a circuit number used twice',
      'circuits.save',
      (c: Awaited<ReturnType<typeof customerWithCircuit>>) => ({
        customerId: c.customerId,
        number: 'lj-sla001',
        productId: c.circuit.productId,
        status: 'active',
      }),
      'number',
      'number_taken',
    ],
    [
      'a negative fee',
      'circuits.save',
      (c: Awaited<ReturnType<typeof customerWithCircuit>>) => ({
        customerId: c.customerId,
        number: 'LJ-NEW',
        productId: c.circuit.productId,
        standardFeeFen: -100,
        status: 'active',
      }),
      'standardFeeFen',
      'not_negative',
    ],
    [
      'a circuit of another customer on an order',
      'orders.save',
      async (c: Awaited<ReturnType<typeof customerWithCircuit>>) => ({
        customerId: (await customerWithCircuit('OTHER01')).customerId,
        circuitId: c.circuit.id,
        provisioningClass: 'normal',
        acceptedOn: '2026-11-10',
      }),
      'circuitId',
      'circuit_not_customers',
    ],
  ] as const)('%s', async (_name, channel, build, path, message) => {
    const context = await customerWithCircuit()
    const input = await build(context)
    const before = await tableCounts()
    const error = await refusal(host, channel, input)
    expect(error.code).toBe('invalid_input')
    expect(error.fields).toContainEqual(expect.objectContaining({ path, message }))
    expect(await tableCounts()).toEqual(before)
  })

  it('a fault reported in the future', async () => {
    const { circuit } = await customerWithCircuit()
    const error = await refusal(host, 'faults.save', {
      circuitId: circuit.id,
      reportedAt: '2026-11-24T08:00:00Z',
      cause: 'operator',
    })
    expect(error.fields).toContainEqual(expect.objectContaining({ path: 'reportedAt', message: 'in_future' }))
  })
})

describe('the command line quote', () => {
  const quote = (...args: string[]) =>
    execFileSync('npx', ['tsx', 'electron/cli.ts', 'sla', 'quote', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })

  it('prints one JSON object with the due date, late days, fee, compensation and warnings', () => {
    const result = JSON.parse(
      quote(
        '--class',
        'urgent',
        '--product',
        'digital',
        '--accepted',
        '2026-02-12',
        '--completed',
        '2026-03-02',
        '--json',
      ),
    ) as Record<string, unknown>
    expect(result).toMatchObject({ dueDate: '2026-02-26', lateWorkingDays: 3, calendarWarnings: [] })
    const priced = JSON.parse(
      quote(
        '--class',
        'expedited',
        '--product',
        'ddn',
        '--accepted',
        '2026-12-20',
        '--standard-fee',
        '12000.50',
        '--json',
      ),
    ) as { chargedFeeFen: number; compensationFen: number; calendarWarnings: { year: number }[] }
    expect(priced.chargedFeeFen).toBe(1_560_065)
    expect(priced.compensationFen).toBe(0)
    expect(priced.calendarWarnings.map((warning) => warning.year)).toEqual([2027])
  })

  it('says what to fix, in words, and exits with 1', () => {
    expect(() =>
      quote('--class', 'urgent', '--product', 'digital', '--accepted', '2026-02-30', '--json'),
    ).toThrow(/acceptedOn: Not a real date/)
    expect(() => quote('--class', 'fast', '--product', 'digital', '--accepted', '2026-02-03')).toThrow(
      /--class is one of urgent, expedited, normal/,
    )
    expect(() =>
      quote('--class', 'urgent', '--product', 'digital', '--accepted', '2026-02-03', '--standard-fee=-5'),
    ).toThrow(/amount in yuan/)
  })
})

describe('the demo database', () => {
  it('shows every rule at work: each order status and class, pauses, faults and slips in each state', async () => {
    const connection = await openDatabase(join(tempDir(), 'demo.sqlite'))
    try {
      await writeDemoData(connection.db, { now: NOW })
      const count = (
        table: 'provisioningOrder' | 'compensationSlip',
        column: 'status' | 'provisioningClass',
      ) =>
        connection.db
          .selectFrom(table)
          .select([column, (eb) => eb.fn.countAll<number>().as('n')])
          .groupBy(column)
          .execute()
      const statuses = (await count('provisioningOrder', 'status')).map((row) => row.status)
      expect(statuses.sort()).toEqual(['due_soon', 'late', 'met', 'missed', 'on_track'])
      expect((await count('provisioningOrder', 'provisioningClass')).length).toBe(3)
      const slips = (await count('compensationSlip', 'status')).map((row) => row.status)
      expect(slips).toEqual(expect.arrayContaining(['draft', 'confirmed', 'paid']))
      const paused = await connection.db.selectFrom('orderPause').select('id').execute()
      expect(paused.length).toBeGreaterThan(10)
      const expiring = await connection.db
        .selectFrom('slaAgreement')
        .select('id')
        .where('validTo', '<=', '2026-12-23')
        .execute()
      expect(expiring.length).toBeGreaterThan(0)
      // Dated as a desk would have dated them: drafted, then confirmed, then paid.
      const outOfOrder = await connection.db
        .selectFrom('compensationSlip')
        .select('number')
        .where((eb) =>
          eb.or([eb('confirmedAt', '<', eb.ref('createdAt')), eb('paidAt', '<', eb.ref('confirmedAt'))]),
        )
        .execute()
      expect(outOfOrder).toEqual([])
    } finally {
      await connection.close()
    }
  })
})
