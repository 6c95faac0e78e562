/**
 * Deliveries (交付, domain.md §3): when an order completes (the circuit is opened) the account manager
 * delivers the pack on site within the rule's deadline (3 working days), and the customer confirms the
 * billing data. The pack is resolved from the documents' pack membership by site and business when the
 * delivery is created, and again if its site or business is corrected.
 */
import type { DeliveryRecord, Page, PackItem } from '../../api/contract'
import { fieldError } from '../../api/errors'
import type { DeliveryInput } from '../../api/schemas'
import type { DeadlineStatus } from '../../domain/deadlines'
import type { ServiceContext } from '../context'
import { containsAny } from '../customers/list'
import { findRow, inTransaction, loadForChange, updateRecord } from '../records'
import {
  nextNumber,
  notFound,
  ownedBy,
  pageOf,
  today,
  type ListRequest,
  type OwnerFilter,
} from '../sla/common'
import { assertOperator, assertOwnContact } from './checks'
import {
  deskClock,
  followEvent,
  newDeadline,
  statusSql,
  type DeskClock,
  type EventRecord,
  type RecordedEvent,
} from './deadlines'
import { syncFollowUp } from './followUps'

function deliveryQuery(ctx: ServiceContext, clock: DeskClock) {
  return ctx.db
    .selectFrom('delivery as d')
    .innerJoin('customer as c', 'c.id', 'd.customerId')
    .innerJoin('provisioningOrder as o', 'o.id', 'd.orderId')
    .innerJoin('circuit as ci', 'ci.id', 'd.circuitId')
    .innerJoin('product as p', 'p.id', 'ci.productId')
    .leftJoin('accountManager as m', 'm.id', 'c.accountManagerId')
    .leftJoin('accountManager as by', 'by.id', 'd.deliveredBy')
    .leftJoin('contact as r', 'r.id', 'd.receiverContactId')
    .where('d.deletedAt', 'is', null)
    .select([
      'd.id',
      'd.version',
      'd.number',
      'd.customerId',
      'c.name as customerName',
      'c.accountManagerId',
      'm.name as accountManagerName',
      'c.branchId',
      'd.orderId',
      'o.number as orderNumber',
      'd.circuitId',
      'ci.number as circuitNumber',
      'p.nameZh as productNameZh',
      'p.nameEn as productNameEn',
      'ci.bandwidth',
      'd.openedOn',
      'd.siteKind',
      'd.businessKind',
      'd.dueDays',
      'd.dayCount',
      'd.dueOn',
      statusSql('d.due_on', 'd.delivered_on', clock).as('status'),
      'd.deliveredOn',
      'd.deliveredBy',
      'by.name as deliveredByName',
      'd.receiverContactId',
      'r.name as receiverName',
      'd.packJson',
      'd.billedCircuitNumber',
      'd.billedOpenedOn',
      'd.billedMonthlyFeeFen',
      'd.billedOneTimeFeeFen',
      'd.billingConfirmed',
      'd.notes',
    ])
}

type DeliveryRow = Awaited<ReturnType<ReturnType<typeof deliveryQuery>['executeTakeFirstOrThrow']>>

function toRecord({ packJson, billingConfirmed, ...row }: DeliveryRow): DeliveryRecord {
  return { ...row, pack: JSON.parse(packJson) as PackItem[], billingConfirmed: billingConfirmed === 1 }
}

export async function listDeliveries(
  ctx: ServiceContext,
  input: ListRequest & OwnerFilter & { statuses: DeadlineStatus[] },
): Promise<Page<DeliveryRecord>> {
  const clock = await deskClock(ctx)
  let query = ownedBy(deliveryQuery(ctx, clock), input)
  if (input.customerId) query = query.where('d.customerId', '=', input.customerId)
  if (input.statuses.length > 0)
    query = query.where(statusSql('d.due_on', 'd.delivered_on', clock), 'in', input.statuses)
  if (input.search)
    query = query.where(containsAny(['d.number', 'c.name', 'ci.number', 'o.number'], input.search))
  const page = await pageOf(
    query,
    input,
    {
      number: 'd.number',
      customerName: 'c.name',
      openedOn: 'd.opened_on',
      dueOn: 'd.due_on',
      deliveredOn: 'd.delivered_on',
    },
    { column: 'dueOn', sort: 'asc' },
    'd.id',
  )
  return { total: page.total, rows: page.rows.map(toRecord) }
}

export async function getDelivery(ctx: ServiceContext, id: string): Promise<DeliveryRecord> {
  const row = await deliveryQuery(ctx, await deskClock(ctx))
    .where('d.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('delivery', id)
  return toRecord(row)
}

const PACK_COLUMNS = {
  hq: { first: 'inHqFirst', added: 'inHqAdded' },
  branch: { first: 'inBranchFirst', added: 'inBranchAdded' },
} as const

/** The documents of the pack for a site and business, in their order, none handed over yet. */
async function resolvePack(
  ctx: ServiceContext,
  siteKind: DeliveryInput['siteKind'],
  businessKind: DeliveryInput['businessKind'],
): Promise<PackItem[]> {
  const documents = await ctx.db
    .selectFrom('deliveryDocument')
    .select(['id', 'code', 'nameZh', 'nameEn', 'form'])
    .where('deletedAt', 'is', null)
    .where(PACK_COLUMNS[siteKind][businessKind], '=', 1)
    .orderBy('sortOrder')
    .orderBy('code')
    .execute()
  return documents.map(({ id, ...document }) => ({ documentId: id, ...document, handedOver: false }))
}

interface Opening {
  id: string
  number: string
  customerId: string
  circuitId: string
  completedOn: string | null
  chargedFeeFen: number | null
  deletedAt: string | null
}

/**
 * A new delivery for an opening. First business when the customer has no delivery of an opening on or
 * before this one (whatever order they were entered in); added business otherwise.
 */
async function newDelivery(ctx: ServiceContext, order: Opening, openedOn: string) {
  const earlier = await ctx.db
    .selectFrom('delivery')
    .select('id')
    .where('customerId', '=', order.customerId)
    .where('orderId', '<>', order.id)
    .where('openedOn', '<=', openedOn)
    .where('deletedAt', 'is', null)
    .executeTakeFirst()
  const businessKind = earlier ? ('added' as const) : ('first' as const)
  const circuit = await ctx.db
    .selectFrom('circuit')
    .select(['number', 'monthlyFeeFen'])
    .where('id', '=', order.circuitId)
    .executeTakeFirstOrThrow()
  return {
    number: await nextNumber(ctx, 'delivery', 'JF'),
    customerId: order.customerId,
    orderId: order.id,
    circuitId: order.circuitId,
    openedOn,
    siteKind: 'hq' as const,
    businessKind,
    ...(await newDeadline(ctx, 'delivery', openedOn)),
    deliveredOn: null,
    deliveredBy: null,
    receiverContactId: null,
    packJson: JSON.stringify(await resolvePack(ctx, 'hq', businessKind)),
    // What the customer is asked to confirm, filled in from the records; corrected on the visit.
    billedCircuitNumber: circuit.number,
    billedOpenedOn: openedOn,
    billedMonthlyFeeFen: circuit.monthlyFeeFen,
    billedOneTimeFeeFen: order.chargedFeeFen,
    billingConfirmed: 0,
    notes: null,
  }
}

/**
 * Until the customer confirms the billing data, the pre-filled figures follow a corrected opening
 * date and fee; a figure someone changed by hand (no longer the old pre-fill) is left alone.
 */
function billingFollows(order: Opening, before: Pick<Opening, 'chargedFeeFen'> | null) {
  return (existing: EventRecord, event: RecordedEvent) => {
    if (existing['billingConfirmed']) return {}
    return {
      ...(existing['billedOpenedOn'] === existing['openedOn'] && { billedOpenedOn: event.start }),
      ...(before &&
        existing['billedOneTimeFeeFen'] === before.chargedFeeFen && {
          billedOneTimeFeeFen: order.chargedFeeFen,
        }),
    }
  }
}

/**
 * An order's opening makes a delivery and a follow-up, in the caller's transaction; correcting the
 * completion date (or the circuit) moves them, clearing it (or deleting the order) removes them unless
 * they were recorded. `before` is the order as it was before this save, if it existed.
 */
export async function syncOpening(
  ctx: ServiceContext,
  order: Opening,
  before: Pick<Opening, 'chargedFeeFen'> | null = null,
): Promise<void> {
  const event =
    order.completedOn && !order.deletedAt
      ? { start: order.completedOn, customerId: order.customerId, circuitId: order.circuitId }
      : null
  await followEvent(ctx, {
    table: 'delivery',
    link: { column: 'orderId', id: order.id },
    startColumn: 'openedOn',
    doneColumn: 'deliveredOn',
    event,
    create: (opening) => newDelivery(ctx, order, opening.start),
    follow: billingFollows(order, before),
  })
  await syncFollowUp(ctx, 'opening', { column: 'orderId', id: order.id }, event)
}

/** Keeps the ticks of documents still in the pack when the site or business is corrected. */
async function packFor(
  ctx: ServiceContext,
  before: { siteKind: string; businessKind: string; packJson: string },
  input: DeliveryInput,
): Promise<PackItem[]> {
  const unchanged = before.siteKind === input.siteKind && before.businessKind === input.businessKind
  const pack = unchanged
    ? (JSON.parse(before.packJson) as PackItem[])
    : await resolvePack(ctx, input.siteKind, input.businessKind)
  const ticked = new Set(input.handedOver)
  const unknown = input.handedOver.find((id) => !pack.some((item) => item.documentId === id))
  if (unknown && unchanged) throw fieldError('handedOver', 'invalid_choice')
  return pack.map((item) => ({ ...item, handedOver: ticked.has(item.documentId) }))
}

/** Records the delivery: when, by whom, to whom, what was handed over and the billing data confirmed. */
export async function saveDelivery(ctx: ServiceContext, input: DeliveryInput): Promise<DeliveryRecord> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadForChange(tx, 'delivery', input.id, input.version)
    if (before.deletedAt) throw notFound('delivery', input.id)
    const { openedOn, customerId } = before as unknown as { openedOn: string; customerId: string }
    if (input.deliveredOn && input.deliveredOn < openedOn)
      throw fieldError('deliveredOn', 'delivered_before_opening', { date: openedOn })
    if (input.deliveredOn && input.deliveredOn > today(tx)) throw fieldError('deliveredOn', 'in_future')
    await assertOperator(tx, 'deliveredBy', input.deliveredBy)
    await assertOwnContact(tx, 'receiverContactId', input.receiverContactId, customerId)
    const pack = await packFor(tx, before as unknown as Parameters<typeof packFor>[1], input)
    const { id, version, handedOver: _ticked, billingConfirmed, ...fields } = input
    await updateRecord(tx, 'delivery', id, version, {
      ...fields,
      packJson: JSON.stringify(pack),
      billingConfirmed: billingConfirmed ? 1 : 0,
    })
    return getDelivery(tx, id)
  })
}

/** The delivery's facts for its printed document. */
export async function deliveryFacts(ctx: ServiceContext, id: string) {
  const delivery = await getDelivery(ctx, id)
  const [customer, circuit, manager] = await Promise.all([
    ctx.db
      .selectFrom('customer')
      .select(['code', 'address'])
      .where('id', '=', delivery.customerId)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('circuit')
      .select(['aEnd', 'zEnd'])
      .where('id', '=', delivery.circuitId)
      .executeTakeFirstOrThrow(),
    delivery.accountManagerId ? findRow(ctx, 'accountManager', delivery.accountManagerId) : undefined,
  ])
  return { delivery, customer, circuit, managerPhone: (manager?.phone as string | null | undefined) ?? null }
}
