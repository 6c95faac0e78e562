/**
 * Deliveries, follow-ups and My day on a real SQLite file, through the same dispatch the app's window
 * uses: completing an order creates its delivery and follow-up, repairing a fault creates a follow-up,
 * a rule edit changes deadlines for new records only, the calendar moves working-day deadlines, an
 * opening with a recorded delivery cannot be undone, and the issue's bad inputs are refused with nothing
 * saved.
 */
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

/** A customer (managed by the supervisor) with a contact and a circuit. */
async function customerWithCircuit(code = 'DLV001', managerId: string | null = supervisorId) {
  const { products } = await call(host, 'lookups.get')
  const file = await call(host, 'customers.save', {
    fields: { ...sampleCustomer, code, name: `客户${code}`, accountManagerId: managerId },
    contacts: [{ name: `联系人${code}`, contactClass: 'core', phone: '13800138000' }],
  })
  const circuit = await call(host, 'circuits.save', {
    customerId: file.customer.id,
    number: `LJ-${code}`,
    productId: products.find((product) => product.code === 'digital')!.id,
    bandwidth: '10M',
    standardFeeFen: 1_000_000,
    monthlyFeeFen: 300_000,
    status: 'active',
  })
  return { customerId: file.customer.id, contactId: file.contacts[0]!.id, circuit }
}

async function completedOrder(code = 'DLV001', acceptedOn = '2026-09-21', completedOn = '2026-09-30') {
  const setup = await customerWithCircuit(code)
  const detail = await call(host, 'orders.save', {
    customerId: setup.customerId,
    circuitId: setup.circuit.id,
    provisioningClass: 'normal',
    acceptedOn,
    completedOn,
    standardFeeFen: 1_000_000,
  })
  return { ...setup, order: detail.order }
}

async function deliveryOf(customerId: string) {
  const page = await call(host, 'deliveries.list', { startRow: 0, endRow: 10, customerId })
  return page.rows
}

async function followUpsOf(customerId: string) {
  const page = await call(host, 'followUps.list', { startRow: 0, endRow: 10, customerId })
  return page.rows
}

beforeEach(async () => {
  host = await startHost({ now: () => NOW })
  supervisorId = (await signInAs(host, 'supervisor', '主管乙')).id
})

describe('completing an order', () => {
  it('creates its delivery, due 3 working days after opening, and its follow-up 7 days after', async () => {
    const { customerId, order, circuit } = await completedOrder()
    const [delivery] = await deliveryOf(customerId)
    // Opened on the eve of National Day: 1–7 October off, then 8, 9 and the make-up Saturday 10.
    expect(delivery).toMatchObject({
      orderId: order.id,
      circuitNumber: circuit.number,
      openedOn: '2026-09-30',
      dueDays: 3,
      dayCount: 'working',
      dueOn: '2026-10-10',
      status: 'overdue',
      siteKind: 'hq',
      businessKind: 'first',
      billedCircuitNumber: circuit.number,
      billedOpenedOn: '2026-09-30',
      billedMonthlyFeeFen: 300_000,
      billedOneTimeFeeFen: 1_000_000,
      billingConfirmed: false,
    })
    expect(delivery!.number).toMatch(/^JF-2026-\d{5}$/)
    // The HQ first-business pack of domain.md §3.
    expect(delivery!.pack.map((item) => item.code)).toEqual([
      'letter',
      'delivery_list',
      'warranty_card',
      'user_guide',
    ])
    const [followUp] = await followUpsOf(customerId)
    expect(followUp).toMatchObject({
      source: 'opening',
      orderId: order.id,
      orderNumber: order.number,
      triggerOn: '2026-09-30',
      dueDays: 7,
      dayCount: 'calendar',
      dueOn: '2026-10-07',
      status: 'overdue',
    })
  })

  it('gives a customer’s later openings the added-business pack', async () => {
    const { customerId, circuit } = await completedOrder()
    await call(host, 'orders.save', {
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'urgent',
      acceptedOn: '2026-11-16',
      completedOn: '2026-11-20',
    })
    const deliveries = await deliveryOf(customerId)
    const added = deliveries.find((delivery) => delivery.openedOn === '2026-11-20')!
    expect(added).toMatchObject({ businessKind: 'added', dueOn: '2026-11-25', status: 'due_soon' })
    expect(added.pack.map((item) => item.code)).toEqual(['delivery_list', 'warranty_card'])
  })

  it('moves them when the completion date is corrected, and removes them when it is cleared', async () => {
    const { customerId, order } = await completedOrder()
    const corrected = await call(host, 'orders.save', {
      id: order.id,
      version: order.version,
      customerId,
      circuitId: order.circuitId,
      provisioningClass: 'normal',
      acceptedOn: order.acceptedOn,
      completedOn: '2026-11-18',
      standardFeeFen: 1_000_000,
    })
    // The billing pre-fill follows the opening until the customer confirms it.
    expect((await deliveryOf(customerId))[0]).toMatchObject({
      openedOn: '2026-11-18',
      dueOn: '2026-11-23',
      billedOpenedOn: '2026-11-18',
    })
    expect((await followUpsOf(customerId))[0]).toMatchObject({ triggerOn: '2026-11-18', dueOn: '2026-11-25' })
    await call(host, 'orders.save', {
      id: order.id,
      version: corrected.order.version,
      customerId,
      circuitId: order.circuitId,
      provisioningClass: 'normal',
      acceptedOn: order.acceptedOn,
      completedOn: null,
      standardFeeFen: 1_000_000,
    })
    expect(await deliveryOf(customerId)).toEqual([])
    expect(await followUpsOf(customerId)).toEqual([])
  })

  it('cannot be undone once its delivery is recorded: refused, nothing changed', async () => {
    const { customerId, contactId, order } = await completedOrder()
    const [delivery] = await deliveryOf(customerId)
    await call(host, 'deliveries.save', {
      id: delivery!.id,
      version: delivery!.version,
      siteKind: 'hq',
      businessKind: 'first',
      deliveredOn: '2026-10-09',
      deliveredBy: supervisorId,
      receiverContactId: contactId,
      handedOver: delivery!.pack.map((item) => item.documentId),
    })
    const error = await refusal(host, 'orders.save', {
      id: order.id,
      version: order.version,
      customerId,
      circuitId: order.circuitId,
      provisioningClass: 'normal',
      acceptedOn: order.acceptedOn,
      completedOn: null,
      standardFeeFen: 1_000_000,
    })
    expect(error).toMatchObject({ code: 'recorded_after_event', params: { number: delivery!.number } })
    expect((await call(host, 'orders.get', { id: order.id })).order).toMatchObject({
      completedOn: '2026-09-30',
      version: order.version,
    })
    expect(await followUpsOf(customerId)).toHaveLength(1)
  })

  it('deleting the order removes its open delivery and follow-up', async () => {
    const { customerId, order } = await completedOrder()
    await call(host, 'orders.delete', { id: order.id, version: order.version })
    expect(await deliveryOf(customerId)).toEqual([])
    expect(await followUpsOf(customerId)).toEqual([])
  })
})

describe('corrections of the opening', () => {
  async function complete(setup: Awaited<ReturnType<typeof customerWithCircuit>>, completedOn: string) {
    return (
      await call(host, 'orders.save', {
        customerId: setup.customerId,
        circuitId: setup.circuit.id,
        provisioningClass: 'normal',
        acceptedOn: '2026-10-12',
        completedOn,
      })
    ).order
  }

  it('move the delivery and follow-up to the customer and circuit the order now names', async () => {
    const first = await customerWithCircuit('DLV001')
    const second = await customerWithCircuit('DLV002')
    const order = await complete(first, '2026-11-18')
    const before = (await deliveryOf(first.customerId))[0]!
    await call(host, 'orders.save', {
      id: order.id,
      version: order.version,
      customerId: second.customerId,
      circuitId: second.circuit.id,
      provisioningClass: 'normal',
      acceptedOn: '2026-10-12',
      completedOn: '2026-11-18',
    })
    expect(await deliveryOf(first.customerId)).toEqual([])
    expect(await followUpsOf(first.customerId)).toEqual([])
    expect((await deliveryOf(second.customerId))[0]).toMatchObject({
      number: before.number,
      circuitNumber: second.circuit.number,
      billedCircuitNumber: second.circuit.number,
    })
    expect(await followUpsOf(second.customerId)).toHaveLength(1)
  })

  it('cannot move a recorded delivery to another circuit', async () => {
    const first = await customerWithCircuit('DLV001')
    const order = await complete(first, '2026-11-18')
    const delivery = (await deliveryOf(first.customerId))[0]!
    await call(host, 'deliveries.save', {
      id: delivery.id,
      version: delivery.version,
      siteKind: 'hq',
      businessKind: 'first',
      deliveredOn: '2026-11-20',
      deliveredBy: supervisorId,
      receiverContactId: first.contactId,
    })
    const { products } = await call(host, 'lookups.get')
    const other = await call(host, 'circuits.save', {
      customerId: first.customerId,
      number: 'LJ-DLV001-B',
      productId: products.find((product) => product.code === 'digital')!.id,
      status: 'active',
    })
    const error = await refusal(host, 'orders.save', {
      id: order.id,
      version: order.version,
      customerId: first.customerId,
      circuitId: other.id,
      provisioningClass: 'normal',
      acceptedOn: '2026-10-12',
      completedOn: '2026-11-18',
    })
    expect(error).toMatchObject({ code: 'recorded_after_event', params: { number: delivery.number } })
  })

  it('made again after an undo, take the rules in force then, keeping the number', async () => {
    const setup = await customerWithCircuit('DLV001')
    const order = await complete(setup, '2026-11-18')
    const { number } = (await deliveryOf(setup.customerId))[0]!
    const cleared = await call(host, 'orders.save', {
      id: order.id,
      version: order.version,
      customerId: setup.customerId,
      circuitId: setup.circuit.id,
      provisioningClass: 'normal',
      acceptedOn: '2026-10-12',
      completedOn: null,
    })
    const rule = (await call(host, 'delivery.rules')).rules.find((entry) => entry.code === 'delivery')!
    await call(host, 'delivery.saveRule', {
      id: rule.id,
      version: rule.version,
      days: 5,
      dayCount: 'working',
    })
    await call(host, 'orders.save', {
      id: order.id,
      version: cleared.order.version,
      customerId: setup.customerId,
      circuitId: setup.circuit.id,
      provisioningClass: 'normal',
      acceptedOn: '2026-10-12',
      completedOn: '2026-11-18',
    })
    expect((await deliveryOf(setup.customerId))[0]).toMatchObject({ number, dueDays: 5, dueOn: '2026-11-25' })
  })

  it('count first business by the opening date, not by the order of entry', async () => {
    const setup = await customerWithCircuit('DLV001')
    await complete(setup, '2026-11-18')
    // An earlier opening entered afterwards is still the customer's first business. (The later one keeps
    // the pack it was made with: a record is not re-made because another was back-dated.)
    await complete(setup, '2026-10-20')
    const kinds = (await deliveryOf(setup.customerId)).map((delivery) => [
      delivery.openedOn,
      delivery.businessKind,
    ])
    expect(kinds).toContainEqual(['2026-10-20', 'first'])
  })
})

describe('repairing a fault', () => {
  it('creates a follow-up 3 days after the repair’s China date, and moves or removes it with the fault', async () => {
    const { customerId, circuit } = await customerWithCircuit()
    const reported = await call(host, 'faults.save', {
      circuitId: circuit.id,
      reportedAt: '2026-11-20T08:00:00Z',
      cause: 'operator',
    })
    expect(await followUpsOf(customerId)).toEqual([])
    // 01:00 on 21 November in China: the repair day is the 21st.
    const repaired = await call(host, 'faults.save', {
      id: reported.id,
      version: reported.version,
      circuitId: circuit.id,
      reportedAt: reported.reportedAt,
      restoredAt: '2026-11-20T17:00:00Z',
      cause: 'operator',
    })
    const [followUp] = await followUpsOf(customerId)
    expect(followUp).toMatchObject({
      source: 'repair',
      faultId: reported.id,
      faultNumber: reported.number,
      triggerOn: '2026-11-21',
      dueOn: '2026-11-24',
      status: 'due_soon',
    })
    await call(host, 'faults.delete', { id: repaired.id, version: repaired.version })
    expect(await followUpsOf(customerId)).toEqual([])
  })

  it('calls for no follow-up after planned maintenance agreed with the customer', async () => {
    const { customerId, circuit } = await customerWithCircuit()
    await call(host, 'faults.save', {
      circuitId: circuit.id,
      reportedAt: '2026-11-20T16:00:00Z',
      restoredAt: '2026-11-20T18:00:00Z',
      cause: 'planned',
    })
    expect(await followUpsOf(customerId)).toEqual([])
  })
})

describe('the rule data', () => {
  it('changes deadlines for new records only', async () => {
    const first = await completedOrder('DLV001')
    const rules = await call(host, 'delivery.rules')
    const delivery = rules.rules.find((rule) => rule.code === 'delivery')!
    const opening = rules.rules.find((rule) => rule.code === 'follow_up_opening')!
    await call(host, 'delivery.saveRule', {
      id: delivery.id,
      version: delivery.version,
      days: 5,
      dayCount: 'working',
    })
    await call(host, 'delivery.saveRule', {
      id: opening.id,
      version: opening.version,
      days: 2,
      dayCount: 'working',
    })
    const second = await completedOrder('DLV002')
    expect((await deliveryOf(first.customerId))[0]).toMatchObject({ dueDays: 3, dueOn: '2026-10-10' })
    expect((await deliveryOf(second.customerId))[0]).toMatchObject({ dueDays: 5, dueOn: '2026-10-13' })
    expect((await followUpsOf(first.customerId))[0]).toMatchObject({ dueOn: '2026-10-07' })
    expect((await followUpsOf(second.customerId))[0]).toMatchObject({
      dayCount: 'working',
      dueOn: '2026-10-09',
    })
    const history = await call(host, 'sla.ruleHistory')
    expect(history.filter((entry) => entry.tableName === 'deadlineRule')).toHaveLength(2)
  })

  it('resolves the pack from the documents’ packs, and a staff operator cannot edit them', async () => {
    const rules = await call(host, 'delivery.rules')
    const letter = rules.documents.find((document) => document.code === 'letter')!
    await call(host, 'delivery.saveDocument', {
      id: letter.id,
      version: letter.version,
      code: letter.code,
      nameZh: letter.nameZh,
      nameEn: letter.nameEn,
      packs: { ...letter.packs, hqAdded: true },
      sortOrder: letter.sortOrder,
    })
    await call(host, 'delivery.saveDocument', {
      code: 'sla_copy',
      nameZh: 'SLA协议副本',
      nameEn: 'Copy of the SLA agreement',
      packs: { hqFirst: true, hqAdded: true, branchFirst: false, branchAdded: false },
      sortOrder: 9,
    })
    const { customerId, circuit } = await completedOrder()
    await call(host, 'orders.save', {
      customerId,
      circuitId: circuit.id,
      provisioningClass: 'urgent',
      acceptedOn: '2026-11-16',
      completedOn: '2026-11-20',
    })
    const added = (await deliveryOf(customerId)).find((delivery) => delivery.businessKind === 'added')!
    expect(added.pack.map((item) => item.code)).toEqual([
      'letter',
      'delivery_list',
      'warranty_card',
      'sla_copy',
    ])
    await signInAs(host, 'staff', '柜员甲')
    const error = await refusal(host, 'delivery.saveRule', {
      id: rules.rules[0]!.id,
      version: rules.rules[0]!.version,
      days: 9,
      dayCount: 'working',
    })
    expect(error.code).toBe('supervisor_only')
  })

  it('moves working-day deadlines when the calendar changes', async () => {
    const { customerId } = await completedOrder('DLV001', '2026-11-09', '2026-11-20')
    expect((await deliveryOf(customerId))[0]!.dueOn).toBe('2026-11-25')
    await call(host, 'calendar.saveDay', {
      date: '2026-11-24',
      kind: 'rest',
      nameZh: '临时放假',
      nameEn: 'Day off',
    })
    expect((await deliveryOf(customerId))[0]!.dueOn).toBe('2026-11-26')
    // Calendar-day follow-ups do not move.
    expect((await followUpsOf(customerId))[0]!.dueOn).toBe('2026-11-27')
  })
})

describe('recording a delivery', () => {
  it('keeps who, to whom, the pack ticked and the billing confirmed; on time or late', async () => {
    const { customerId, contactId } = await completedOrder()
    const [delivery] = await deliveryOf(customerId)
    const ticked = delivery!.pack.slice(0, 3).map((item) => item.documentId)
    const saved = await call(host, 'deliveries.save', {
      id: delivery!.id,
      version: delivery!.version,
      siteKind: 'hq',
      businessKind: 'first',
      deliveredOn: '2026-10-12',
      deliveredBy: supervisorId,
      receiverContactId: contactId,
      handedOver: ticked,
      billedCircuitNumber: delivery!.circuitNumber,
      billedOpenedOn: '2026-09-30',
      billedMonthlyFeeFen: 280_000,
      billedOneTimeFeeFen: 1_000_000,
      billingConfirmed: true,
      notes: '客户要求月租按合同价',
    })
    expect(saved).toMatchObject({
      status: 'late',
      deliveredByName: '主管乙',
      receiverName: '联系人DLV001',
      billedMonthlyFeeFen: 280_000,
      billingConfirmed: true,
    })
    expect(saved.pack.map((item) => item.handedOver)).toEqual([true, true, true, false])
    // A branch site re-resolves the pack, keeping the ticks of documents still in it.
    const branch = await call(host, 'deliveries.save', {
      id: saved.id,
      version: saved.version,
      siteKind: 'branch',
      businessKind: 'added',
      deliveredOn: '2026-10-10',
      deliveredBy: supervisorId,
      receiverContactId: contactId,
      handedOver: ticked,
    })
    expect(branch.status).toBe('on_time')
    expect(branch.pack.map((item) => [item.code, item.handedOver])).toEqual([
      ['delivery_list', true],
      ['warranty_card', true],
    ])
  })

  it('refuses a date before the opening, a contact from another customer, a missing name: nothing saved', async () => {
    const { customerId, contactId } = await completedOrder('DLV001')
    const other = await customerWithCircuit('DLV002')
    const [delivery] = await deliveryOf(customerId)
    const base = {
      id: delivery!.id,
      version: delivery!.version,
      siteKind: 'hq' as const,
      businessKind: 'first' as const,
      deliveredBy: supervisorId,
      receiverContactId: contactId,
    }
    const cases: [Record<string, unknown>, string, string][] = [
      [{ deliveredOn: '2026-09-29' }, 'deliveredOn', 'delivered_before_opening'],
      [{ deliveredOn: '2026-11-24' }, 'deliveredOn', 'in_future'],
      [
        { deliveredOn: '2026-10-09', receiverContactId: other.contactId },
        'receiverContactId',
        'contact_not_in_file',
      ],
      [{ deliveredOn: '2026-10-09', receiverContactId: null }, 'receiverContactId', 'required'],
      [{ deliveredOn: '2026-10-09', deliveredBy: null }, 'deliveredBy', 'required'],
      [
        { deliveredOn: '2026-10-09', handedOver: ['0190f3c4-0000-7000-8000-000000000000'] },
        'handedOver',
        'invalid_choice',
      ],
    ]
    for (const [change, path, message] of cases) {
      const error = await refusal(host, 'deliveries.save', { ...base, ...change })
      expect(error.fields, JSON.stringify(change)).toContainEqual(expect.objectContaining({ path, message }))
    }
    expect(await call(host, 'deliveries.get', { id: delivery!.id })).toEqual(delivery)
  })
})

describe('recording a follow-up', () => {
  it('keeps the result and satisfaction, and gives the issues to the account manager until closed', async () => {
    const { customerId, contactId } = await completedOrder()
    const [followUp] = await followUpsOf(customerId)
    const done = await call(host, 'followUps.save', {
      id: followUp!.id,
      version: followUp!.version,
      doneOn: '2026-10-06',
      contactId,
      result: '线路运行正常，客户满意',
      satisfaction: 4,
      issues: '希望提供月度可用率报告',
    })
    expect(done).toMatchObject({
      status: 'on_time',
      doneBy: supervisorId,
      contactName: '联系人DLV001',
      satisfaction: 4,
      issueOwnerId: supervisorId,
      issueOwnerName: '主管乙',
    })
    const open = await call(host, 'followUps.list', { startRow: 0, endRow: 10, issuesOpen: true })
    expect(open.rows.map((row) => row.id)).toEqual([followUp!.id])
    const closed = await call(host, 'followUps.save', {
      id: done.id,
      version: done.version,
      doneOn: done.doneOn,
      contactId,
      result: done.result,
      satisfaction: 4,
      issues: done.issues,
      issueClosedOn: '2026-11-02',
      issueClosure: '已开通月报推送',
    })
    expect(closed.issueClosedOn).toBe('2026-11-02')
    expect((await call(host, 'followUps.list', { startRow: 0, endRow: 10, issuesOpen: true })).total).toBe(0)
  })

  it('counts open issues for their owner, who may be another account manager', async () => {
    const staff = await signInAs(host, 'staff', '客户经理丙')
    await call(host, 'session.signIn', { operatorId: supervisorId, password: 'correct horse battery' })
    const { customerId, contactId } = await completedOrder()
    const [followUp] = await followUpsOf(customerId)
    await call(host, 'followUps.save', {
      id: followUp!.id,
      version: followUp!.version,
      doneOn: '2026-10-06',
      contactId,
      result: '客户反映发票问题',
      satisfaction: 3,
      issues: '发票抬头需更正',
      issueOwnerId: staff.id,
    })
    const day = await call(host, 'myDay.get', { accountManagerId: staff.id })
    expect(day.counts.issuesOpen).toBe(1)
    expect((await call(host, 'myDay.get', { accountManagerId: supervisorId })).counts.issuesOpen).toBe(0)
    const list = await call(host, 'followUps.list', {
      startRow: 0,
      endRow: 10,
      issuesOpen: true,
      accountManagerId: staff.id,
    })
    expect(list.rows.map((row) => row.id)).toEqual([followUp!.id])
  })

  it('refuses closing without a result, a satisfaction outside 1–5, another customer’s contact: nothing saved', async () => {
    const { customerId } = await completedOrder('DLV001')
    const other = await customerWithCircuit('DLV002')
    const [followUp] = await followUpsOf(customerId)
    const base = { id: followUp!.id, version: followUp!.version, doneOn: '2026-10-06', result: '正常' }
    const cases: [Record<string, unknown>, string, string][] = [
      [{ result: null }, 'result', 'result_required'],
      [{ result: '   ' }, 'result', 'result_required'],
      [{ satisfaction: 6 }, 'satisfaction', 'satisfaction_range'],
      [{ satisfaction: 0 }, 'satisfaction', 'satisfaction_range'],
      [{ satisfaction: 3.5 }, 'satisfaction', 'satisfaction_range'],
      [{ contactId: other.contactId }, 'contactId', 'contact_not_in_file'],
      [{ doneOn: '2026-09-29' }, 'doneOn', 'called_before_trigger'],
      [{ issueClosedOn: '2026-10-07', issueClosure: '已处理' }, 'issues', 'required'],
      [
        { issues: '网速慢', issueClosedOn: '2026-10-05', issueClosure: '已处理' },
        'issueClosedOn',
        'closed_before_raised',
      ],
      [{ doneOn: null, result: null, issues: '网速慢' }, 'doneOn', 'required'],
    ]
    for (const [change, path, message] of cases) {
      const error = await refusal(host, 'followUps.save', { ...base, ...change })
      expect(error.fields, JSON.stringify(change)).toContainEqual(expect.objectContaining({ path, message }))
    }
    expect(await call(host, 'followUps.get', { id: followUp!.id })).toEqual(followUp)
  })
})

describe('My day and the on-time share', () => {
  it('counts what is due and late, for the operator’s customers or per branch and account manager', async () => {
    const staff = await signInAs(host, 'staff', '客户经理丙')
    await call(host, 'session.signIn', { operatorId: supervisorId, password: 'correct horse battery' })
    const mine = await completedOrder('DLV001') // overdue delivery and follow-up, the supervisor's customer
    const theirs = await customerWithCircuit('DLV002', staff.id)
    await call(host, 'orders.save', {
      customerId: theirs.customerId,
      circuitId: theirs.circuit.id,
      provisioningClass: 'urgent',
      acceptedOn: '2026-11-16',
      completedOn: '2026-11-20',
    })
    await call(host, 'orders.save', {
      customerId: theirs.customerId,
      circuitId: theirs.circuit.id,
      provisioningClass: 'urgent',
      acceptedOn: '2026-11-02',
    })
    const all = await call(host, 'myDay.get', {})
    expect(all.today).toBe('2026-11-23')
    expect(all.counts).toMatchObject({
      deliveriesOverdue: 1,
      deliveriesDue: 1,
      followUpsOverdue: 1,
      // The staff member's opening on 20 November: its follow-up is due on the 27th, to do now.
      followUpsDue: 1,
      ordersLate: 1,
    })
    const row = (rows: typeof all.byManager, id: string) => rows!.find((entry) => entry.id === id)!.counts
    expect(row(all.byManager, supervisorId)).toMatchObject({
      deliveriesOverdue: 1,
      followUpsOverdue: 1,
      ordersLate: 0,
    })
    expect(row(all.byManager, staff.id)).toMatchObject({ deliveriesDue: 1, ordersLate: 1 })
    expect(all.byBranch!.find((entry) => entry.id === null)!.counts.deliveriesOverdue).toBe(1)
    // The number and the list it opens agree.
    const list = await call(host, 'deliveries.list', {
      startRow: 0,
      endRow: 10,
      statuses: ['overdue'],
      accountManagerId: supervisorId,
    })
    expect(list.rows.map((delivery) => delivery.customerId)).toEqual([mine.customerId])
    expect(
      (await call(host, 'orders.list', { startRow: 0, endRow: 10, statuses: ['late'], branchId: 'none' }))
        .total,
    ).toBe(1)
    await signInAs(host, 'staff', '客户经理丙')
    const staffDay = await call(host, 'myDay.get', { accountManagerId: staff.id })
    expect(staffDay.byBranch).toBeNull()
    expect(staffDay.counts).toMatchObject({ deliveriesOverdue: 0, deliveriesDue: 1, ordersLate: 1 })
  })

  it('shares deliveries done on time against the 100 % standard', async () => {
    const { customerId, contactId } = await completedOrder('DLV001', '2026-10-12', '2026-11-02')
    const late = await completedOrder('DLV002', '2026-10-12', '2026-11-03')
    const record = async (id: string, deliveredOn: string, contact: string) => {
      const delivery = await call(host, 'deliveries.get', { id })
      await call(host, 'deliveries.save', {
        id,
        version: delivery.version,
        siteKind: 'hq',
        businessKind: 'first',
        deliveredOn,
        deliveredBy: supervisorId,
        receiverContactId: contact,
      })
    }
    await record((await deliveryOf(customerId))[0]!.id, '2026-11-04', contactId)
    await record((await deliveryOf(late.customerId))[0]!.id, '2026-11-10', late.contactId)
    const figure = await call(host, 'deliveries.onTime', { from: '2026-11-01', to: '2026-11-30' })
    expect(figure).toMatchObject({ counted: 2, onTime: 1, shareBp: 5000 })
    // A branch with no customers: nothing is counted, and the share is none rather than 0 %.
    const { branches } = await call(host, 'settings.saveLookup', {
      kind: 'branch',
      code: 'east',
      nameZh: '东区',
      nameEn: 'East',
      sortOrder: 1,
    })
    const branch = branches[0]!.id
    expect(await call(host, 'deliveries.onTime', { from: '2026-11-01', branchId: branch })).toMatchObject({
      counted: 0,
      shareBp: null,
    })
  })
})

describe('the demo database', () => {
  it('has deliveries and follow-ups in every state, some overdue, and open issues', async () => {
    const connection = await openDatabase(join(tempDir(), 'demo.sqlite'))
    try {
      await writeDemoData(connection.db, { now: NOW })
      const statuses = async (table: 'delivery' | 'followUp', done: 'deliveredOn' | 'doneOn') => {
        const rows = await connection.db
          .selectFrom(table)
          .select(['dueOn', done])
          .where('deletedAt', 'is', null)
          .execute()
        return new Set(
          rows.map((row) => {
            const doneOn = (row as Record<string, string | null>)[done]
            if (doneOn) return doneOn <= row.dueOn ? 'on_time' : 'late'
            return row.dueOn < '2026-11-23' ? 'overdue' : 'open'
          }),
        )
      }
      expect([...(await statuses('delivery', 'deliveredOn'))].sort()).toEqual([
        'late',
        'on_time',
        'open',
        'overdue',
      ])
      expect([...(await statuses('followUp', 'doneOn'))].sort()).toEqual([
        'late',
        'on_time',
        'open',
        'overdue',
      ])
      const sources = await connection.db.selectFrom('followUp').select('source').distinct().execute()
      expect(sources.map((row) => row.source).sort()).toEqual(['opening', 'repair'])
      const issues = await connection.db
        .selectFrom('followUp')
        .select('id')
        .where('issues', 'is not', null)
        .where('issueClosedOn', 'is', null)
        .execute()
      expect(issues.length).toBeGreaterThan(0)
    } finally {
      await connection.close()
    }
  })
})
