/**
 * Compensation slips (赔付单): drafted by the app when an order misses its due date (or a circuit its
 * availability target, where the agreement sets a rate), with the working kept on the slip; confirmed
 * with the customer and paid by a supervisor only. A draft follows its order until it is confirmed;
 * from then on it is fixed, and so are the order's dates and fee.
 */
import type { ProvisioningOrder } from '../../../db/schema'
import type { OrderOutcome } from '../../domain/sla'
import type { Page, SlipRecord, SlipStatus } from '../../api/contract'
import { AppError } from '../../api/errors'
import type { SlipDocument, SlipWorking } from '../../files/documents/slip'
import type { ServiceContext } from '../context'
import { containsAny } from '../customers/list'
import { issuerName } from '../delivery/rules'
import { chinaDate } from '../../domain/calendar'
import { inTransaction, insertRecord, nowIso, updateRecord } from '../records'
import { nextNumber, notFound, pageOf, type ListRequest } from './common'

function slipQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('compensationSlip as s')
    .innerJoin('customer as c', 'c.id', 's.customerId')
    .innerJoin('circuit as ci', 'ci.id', 's.circuitId')
    .leftJoin('provisioningOrder as o', 'o.id', 's.orderId')
    .leftJoin('slaAgreement as a', 'a.id', 's.agreementId')
    .where('s.deletedAt', 'is', null)
    .select([
      's.id',
      's.version',
      's.number',
      's.kind',
      's.customerId',
      'c.name as customerName',
      's.circuitId',
      'ci.number as circuitNumber',
      's.orderId',
      'o.number as orderNumber',
      's.agreementId',
      'a.number as agreementNumber',
      's.period',
      's.amountFen',
      's.workingJson',
      's.status',
      's.responsibleUnit',
      's.confirmedAt',
      's.confirmedBy',
      's.paidAt',
      's.paidBy',
      's.notes',
      's.createdAt',
    ])
}

type SlipRow = Awaited<ReturnType<ReturnType<typeof slipQuery>['executeTakeFirstOrThrow']>>

function toSlipRecord({ workingJson, ...row }: SlipRow): SlipRecord {
  return { ...row, working: JSON.parse(workingJson) as SlipWorking }
}

export async function getSlip(ctx: ServiceContext, id: string): Promise<SlipRecord> {
  const row = await slipQuery(ctx).where('s.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('compensationSlip', id)
  return toSlipRecord(row)
}

export async function listSlips(
  ctx: ServiceContext,
  input: ListRequest & {
    statuses: SlipStatus[]
  },
): Promise<Page<SlipRecord>> {
  let query = slipQuery(ctx)
  if (input.customerId) query = query.where('s.customerId', '=', input.customerId)
  if (input.statuses.length > 0) query = query.where('s.status', 'in', input.statuses)
  if (input.search) {
    query = query.where(containsAny(['s.number', 'c.name', 'ci.number'], input.search))
  }
  const page = await pageOf(
    query,
    input,
    {
      number: 's.number',
      customerName: 'c.name',
      amountFen: 's.amount_fen',
      status: 's.status',
      createdAt: 's.created_at',
    },
    { column: 'createdAt', sort: 'desc' },
    's.id',
  )
  return { total: page.total, rows: page.rows.map(toSlipRecord) }
}

function provisioningWorking(order: ProvisioningOrder, outcome: OrderOutcome): SlipWorking {
  return {
    kind: 'provisioning',
    provisioningClass: order.provisioningClass,
    acceptedOn: order.acceptedOn,
    dueOn: outcome.dueOn,
    completedOn: order.completedOn!,
    limitDays: order.limitDays,
    pausedWorkingDays: outcome.pausedWorkingDays,
    lateWorkingDays: outcome.lateWorkingDays,
    standardFeeFen: order.standardFeeFen ?? 0,
    priceFactorBp: order.priceFactorBp,
    chargedFeeFen: outcome.chargedFeeFen ?? 0,
    rateBp: order.rateBp,
    capBp: order.capBp,
    capFen: outcome.capFen ?? 0,
    capped: outcome.capped,
    compensationFen: outcome.compensationFen,
    calendarWarnings: outcome.calendarWarnings,
  }
}

/** Which slip: an order's (late opening), or a circuit's for one month (availability). */
export type SlipKey =
  { kind: 'provisioning'; orderId: string } | { kind: 'availability'; circuitId: string; period: string }

/** What a miss owes, and the facts the slip carries. */
export interface Owed {
  amountFen: number
  working: SlipWorking
  customerId: string
  circuitId: string
  agreementId: string | null
}

function latestSlip(ctx: ServiceContext, key: SlipKey) {
  let query = ctx.db
    .selectFrom('compensationSlip')
    .selectAll()
    .where('kind', '=', key.kind)
    .where('deletedAt', 'is', null)
  query =
    key.kind === 'provisioning'
      ? query.where('orderId', '=', key.orderId)
      : query.where('circuitId', '=', key.circuitId).where('period', '=', key.period)
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').executeTakeFirst()
}

/**
 * Keeps the slip of an order or a circuit-month in step with what is owed: a draft with the current
 * working while something is owed, voided when nothing is. A confirmed or paid slip is never touched
 * (what it was worked from is refused from changing). A slip a supervisor voided by hand stays void
 * while the working is the same: the decision not to pay is not undone by the next save.
 */
export async function syncSlip(ctx: ServiceContext, key: SlipKey, owed: Owed | null): Promise<void> {
  const current = await latestSlip(ctx, key)
  if (current && (current.status === 'confirmed' || current.status === 'paid')) return
  const draft = current?.status === 'draft' ? current : null
  if (!owed) {
    if (draft) await updateRecord(ctx, 'compensationSlip', draft.id, draft.version, { status: 'void' })
    return
  }
  const workingJson = JSON.stringify(owed.working)
  if (current?.status === 'void' && current.voidedBy && current.workingJson === workingJson) return
  const values = {
    amountFen: owed.amountFen,
    workingJson,
    agreementId: owed.agreementId,
    circuitId: owed.circuitId,
  }
  if (draft) {
    await updateRecord(ctx, 'compensationSlip', draft.id, draft.version, values)
    return
  }
  await insertRecord(ctx, 'compensationSlip', {
    ...values,
    number: await nextNumber(ctx, 'compensationSlip', 'PF'),
    kind: key.kind,
    customerId: owed.customerId,
    orderId: key.kind === 'provisioning' ? key.orderId : null,
    period: key.kind === 'availability' ? key.period : null,
    status: 'draft',
    responsibleUnit: null,
    confirmedAt: null,
    confirmedBy: null,
    paidAt: null,
    paidBy: null,
    voidedBy: null,
    notes: null,
  })
}

/** An order's slip: owed when it missed its due date and the compensation is above nothing. */
export function syncProvisioningSlip(
  ctx: ServiceContext,
  order: ProvisioningOrder,
  outcome: OrderOutcome | null,
): Promise<void> {
  const owes =
    outcome !== null && !order.deletedAt && outcome.status === 'missed' && outcome.compensationFen > 0
  return syncSlip(
    ctx,
    { kind: 'provisioning', orderId: order.id },
    owes
      ? {
          amountFen: outcome.compensationFen,
          working: provisioningWorking(order, outcome),
          customerId: order.customerId,
          circuitId: order.circuitId,
          agreementId: order.agreementId,
        }
      : null,
  )
}

/** Moves a slip on in its workflow: draft → confirmed → paid; a draft may be voided. */
async function advance(
  ctx: ServiceContext,
  ref: { id: string; version: number },
  from: SlipStatus,
  patch: Record<string, unknown> & { status: SlipStatus },
): Promise<SlipRecord> {
  return inTransaction(ctx, async (tx) => {
    const slip = await getSlip(tx, ref.id)
    if (slip.status !== from) {
      throw new AppError(
        'slip_state',
        `Slip ${slip.number} is ${slip.status}; it must be ${from} to become ${patch.status}.`,
        {
          params: { number: slip.number, status: slip.status, from, to: patch.status },
        },
      )
    }
    await updateRecord(tx, 'compensationSlip', ref.id, ref.version, patch)
    return getSlip(tx, ref.id)
  })
}

export function confirmSlip(
  ctx: ServiceContext,
  input: { id: string; version: number; responsibleUnit: string },
) {
  return advance(ctx, input, 'draft', {
    status: 'confirmed',
    responsibleUnit: input.responsibleUnit,
    confirmedAt: nowIso(ctx),
    confirmedBy: ctx.actor.name,
  })
}

export function paySlip(ctx: ServiceContext, input: { id: string; version: number }) {
  return advance(ctx, input, 'confirmed', { status: 'paid', paidAt: nowIso(ctx), paidBy: ctx.actor.name })
}

export function voidSlip(ctx: ServiceContext, input: { id: string; version: number }) {
  return advance(ctx, input, 'draft', { status: 'void', voidedBy: ctx.actor.name })
}

/** Everything the printed slip shows, in the language asked for. */
export async function slipDocument(
  ctx: ServiceContext,
  id: string,
  language: 'zh-CN' | 'en',
): Promise<SlipDocument> {
  const slip = await getSlip(ctx, id)
  const detail = await ctx.db
    .selectFrom('circuit as ci')
    .innerJoin('customer as c', 'c.id', 'ci.customerId')
    .innerJoin('product as p', 'p.id', 'ci.productId')
    .select(['c.code', 'ci.bandwidth', 'p.nameZh', 'p.nameEn'])
    .where('ci.id', '=', slip.circuitId)
    .executeTakeFirstOrThrow()
  return {
    number: slip.number,
    status: slip.status,
    issuer: await issuerName(ctx, language),
    customerName: slip.customerName,
    customerCode: detail.code,
    agreementNumber: slip.agreementNumber,
    circuitNumber: slip.circuitNumber,
    productName: language === 'en' ? detail.nameEn : detail.nameZh,
    bandwidth: detail.bandwidth,
    responsibleUnit: slip.responsibleUnit,
    draftedOn: chinaDate(new Date(slip.createdAt)),
    confirmedOn: slip.confirmedAt ? chinaDate(new Date(slip.confirmedAt)) : null,
    confirmedBy: slip.confirmedBy,
    paidOn: slip.paidAt ? chinaDate(new Date(slip.paidAt)) : null,
    amountFen: slip.amountFen,
    working: slip.working,
  }
}
