/**
 * Provisioning orders (进网服务保证): accepted → due date in working days; completed → met or missed,
 * late working days, charged fee and compensation, with a compensation slip drafted for a miss. The
 * terms are taken when the order is accepted (the agreement's over the rule table's) and kept on it, so
 * editing the rule table changes new orders only.
 */
import { sql } from 'kysely'
import type { ProvisioningOrder } from '../../../db/schema'
import type { WorkCalendar } from '../../domain/calendar'
import {
  evaluateOrder,
  resolveTerms,
  type OrderOutcome,
  type Pause,
  type ProvisioningClass,
  type ProvisioningTerms,
} from '../../domain/sla'
import type { OrderDetail, OrderRecord, Page, PauseRecord, QuoteResult } from '../../api/contract'
import { AppError, fieldError } from '../../api/errors'
import type { AgreementTerms, OrderInput, QuoteQuery } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { containsAny } from '../customers/list'
import { readSetting, writeSetting } from '../settings/store'
import {
  bumpVersion,
  inTransaction,
  insertRecord,
  loadForChange,
  softDelete,
  syncChildren,
  updateRecord,
} from '../records'
import { loadCalendar } from './calendar'
import {
  assertNumberFree,
  dueSoonDays,
  nextNumber,
  notFound,
  ownedBy,
  pageOf,
  today,
  type ListRequest,
  type OwnerFilter,
} from './common'
import { syncProvisioningSlip } from './slips'
import { syncOpening } from '../delivery/deliveries'
import { agreementsCovering } from './agreements'

type OrderListInput = ListRequest & OwnerFilter & { statuses: string[] }

function orderQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('provisioningOrder as o')
    .innerJoin('customer as c', 'c.id', 'o.customerId')
    .innerJoin('circuit as ci', 'ci.id', 'o.circuitId')
    .leftJoin('slaAgreement as a', 'a.id', 'o.agreementId')
    .leftJoin('compensationSlip as s', (join) =>
      join.onRef('s.orderId', '=', 'o.id').on('s.status', '<>', 'void').on('s.deletedAt', 'is', null),
    )
    .where('o.deletedAt', 'is', null)
    .select([
      'o.id',
      'o.version',
      'o.number',
      'o.customerId',
      'c.name as customerName',
      'o.circuitId',
      'ci.number as circuitNumber',
      'o.agreementId',
      'a.number as agreementNumber',
      'o.provisioningClass',
      'o.productId',
      'o.acceptedOn',
      'o.completedOn',
      'o.standardFeeFen',
      'o.limitDays',
      'o.priceFactorBp',
      'o.rateBp',
      'o.capBp',
      'o.dueOn',
      'o.status',
      'o.pausedWorkingDays',
      'o.lateWorkingDays',
      'o.chargedFeeFen',
      'o.compensationFen',
      'o.notes',
      's.id as slipId',
      's.number as slipNumber',
      's.status as slipStatus',
    ])
}

export async function listOrders(ctx: ServiceContext, input: OrderListInput): Promise<Page<OrderRecord>> {
  let query = orderQuery(ctx)
  if (input.customerId) query = query.where('o.customerId', '=', input.customerId)
  query = ownedBy(query, input)
  if (input.statuses.length > 0)
    query = query.where('o.status', 'in', input.statuses as OrderRecord['status'][])
  if (input.search) {
    query = query.where(containsAny(['o.number', 'c.name', 'ci.number'], input.search))
  }
  return pageOf(
    query,
    input,
    {
      number: 'o.number',
      customerName: 'c.name',
      acceptedOn: 'o.accepted_on',
      dueOn: 'o.due_on',
      completedOn: 'o.completed_on',
      status: 'o.status',
      compensationFen: 'o.compensation_fen',
    },
    { column: 'acceptedOn', sort: 'desc' },
    'o.id',
  )
}

async function pausesOf(ctx: ServiceContext, orderId: string): Promise<PauseRecord[]> {
  return ctx.db
    .selectFrom('orderPause')
    .select(['id', 'version', 'startOn', 'endOn', 'reason'])
    .where('orderId', '=', orderId)
    .where('deletedAt', 'is', null)
    .orderBy('startOn')
    .execute()
}

function termsOf(order: Pick<ProvisioningOrder, 'limitDays' | 'priceFactorBp' | 'rateBp' | 'capBp'>) {
  return {
    limitDays: order.limitDays,
    priceFactorBp: order.priceFactorBp,
    rateBp: order.rateBp,
    capBp: order.capBp,
  }
}

async function evaluateStored(
  ctx: ServiceContext,
  order: ProvisioningOrder,
  pauses: Pause[],
  calendar?: WorkCalendar,
): Promise<OrderOutcome> {
  return evaluateOrder(
    calendar ?? (await loadCalendar(ctx)),
    {
      acceptedOn: order.acceptedOn,
      completedOn: order.completedOn,
      standardFeeFen: order.standardFeeFen,
      terms: termsOf(order),
      pauses,
    },
    today(ctx),
    await dueSoonDays(ctx),
  )
}

export async function getOrder(ctx: ServiceContext, id: string): Promise<OrderDetail> {
  const order = await orderQuery(ctx).where('o.id', '=', id).executeTakeFirst()
  const row = await ctx.db.selectFrom('provisioningOrder').selectAll().where('id', '=', id).executeTakeFirst()
  if (!order || !row) throw notFound('provisioningOrder', id)
  const pauses = await pausesOf(ctx, id)
  const outcome = await evaluateStored(ctx, row, pauses)
  return {
    order,
    pauses,
    working: {
      dueNotes: outcome.dueNotes,
      lateNotes: outcome.lateNotes,
      calendarWarnings: outcome.calendarWarnings,
      capFen: outcome.capFen,
      capped: outcome.capped,
    },
  }
}

/** The rule table's terms for a class and product. */
export async function ruleTerms(
  ctx: ServiceContext,
  provisioningClass: ProvisioningClass,
  productId: string,
): Promise<ProvisioningTerms> {
  const rule = await ctx.db
    .selectFrom('provisioningRule')
    .select(['limitDays', 'priceFactorBp', 'rateBp', 'capBp'])
    .where('provisioningClass', '=', provisioningClass)
    .where('productId', '=', productId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst()
  if (!rule) throw fieldError('provisioningClass', 'no_rule_for_product')
  return rule
}

async function termsFor(ctx: ServiceContext, input: OrderInput, productId: string) {
  const defaults = await ruleTerms(ctx, input.provisioningClass, productId)
  // The signed agreement in force on the day of acceptance fixes the terms when it sets its own.
  const agreement = await agreementsCovering(ctx, input.circuitId, input.acceptedOn)
    .select(['a.id', 'a.termsJson'])
    .executeTakeFirst()
  const own = agreement
    ? (JSON.parse(agreement.termsJson) as AgreementTerms)[input.provisioningClass]
    : undefined
  return { agreementId: agreement?.id ?? null, terms: resolveTerms(defaults, own) }
}

export function derivedColumns(outcome: OrderOutcome) {
  return {
    dueOn: outcome.dueOn,
    status: outcome.status,
    pausedWorkingDays: outcome.pausedWorkingDays,
    lateWorkingDays: outcome.lateWorkingDays,
    chargedFeeFen: outcome.chargedFeeFen,
    compensationFen: outcome.compensationFen,
  }
}

async function circuitOf(ctx: ServiceContext, input: OrderInput) {
  const circuit = await ctx.db
    .selectFrom('circuit')
    .select(['customerId', 'productId', 'standardFeeFen', 'deletedAt'])
    .where('id', '=', input.circuitId)
    .executeTakeFirst()
  if (!circuit || circuit.deletedAt) throw fieldError('circuitId', 'invalid_choice')
  if (circuit.customerId !== input.customerId) throw fieldError('circuitId', 'circuit_not_customers')
  return circuit
}

/** Whether the change touches what a slip is worked out from: dates, fee, class, circuit, pauses. */
function changesTheFacts(before: ProvisioningOrder, pauses: PauseRecord[], input: OrderInput): boolean {
  const spans = (list: { startOn: string; endOn: string | null }[]) =>
    list
      .map((pause) => `${pause.startOn}..${pause.endOn ?? ''}`)
      .sort()
      .join(',')
  return (
    before.acceptedOn !== input.acceptedOn ||
    before.completedOn !== input.completedOn ||
    before.standardFeeFen !== input.standardFeeFen ||
    before.provisioningClass !== input.provisioningClass ||
    before.circuitId !== input.circuitId ||
    spans(pauses) !== spans(input.pauses)
  )
}

/** The order's confirmed or paid slip, if any: it fixes the order's facts and figures. */
function settledSlip(ctx: ServiceContext, orderId: string) {
  return ctx.db
    .selectFrom('compensationSlip')
    .select(['number', 'status'])
    .where('orderId', '=', orderId)
    .where('status', 'in', ['confirmed', 'paid'])
    .where('deletedAt', 'is', null)
    .executeTakeFirst()
}

function slipSettledError(slip: { number: string; status: string }): AppError {
  return new AppError(
    'slip_settled',
    `Compensation slip ${slip.number} is ${slip.status}: the order's dates, fee and pauses can no longer change.`,
    { params: { number: slip.number } },
  )
}

/**
 * A pause must fall before the due date it moves: once an order is late, a pause the customer asks for
 * cannot excuse the days already lost (and its days would be neither paused nor late).
 */
function assertPausesBeforeDue(pauses: OrderInput['pauses'], dueOn: string): void {
  const late = pauses.findIndex((pause) => pause.startOn > dueOn)
  if (late >= 0) throw fieldError(`pauses.${late}`, 'pause_after_due', { due: dueOn })
}

export async function saveOrder(ctx: ServiceContext, input: OrderInput): Promise<OrderDetail> {
  return inTransaction(ctx, async (tx) => {
    const circuit = await circuitOf(tx, input)
    const before = input.id
      ? ((await loadForChange(
          tx,
          'provisioningOrder',
          input.id,
          input.version ?? 0,
        )) as unknown as ProvisioningOrder)
      : null
    if (before?.deletedAt) throw notFound('provisioningOrder', before.id)
    const settled = before && (await settledSlip(tx, before.id))
    if (settled && changesTheFacts(before, await pausesOf(tx, before.id), input))
      throw slipSettledError(settled)
    const number = input.number ?? before?.number ?? (await nextNumber(tx, 'provisioningOrder', 'KT'))
    await assertNumberFree(tx, 'provisioningOrder', number, before?.id)
    // New terms only when what they depend on changed: a rule edit must not move an existing deadline.
    const keepTerms =
      before &&
      before.provisioningClass === input.provisioningClass &&
      before.circuitId === input.circuitId &&
      before.acceptedOn === input.acceptedOn
    const { agreementId, terms } = keepTerms
      ? { agreementId: before.agreementId, terms: termsOf(before) }
      : await termsFor(tx, input, circuit.productId)
    const outcome = evaluateOrder(
      await loadCalendar(tx),
      { ...input, terms, pauses: input.pauses },
      today(tx),
      await dueSoonDays(tx),
    )
    assertPausesBeforeDue(input.pauses, outcome.dueOn)
    const columns = {
      number,
      customerId: input.customerId,
      circuitId: input.circuitId,
      agreementId,
      provisioningClass: input.provisioningClass,
      productId: circuit.productId,
      acceptedOn: input.acceptedOn,
      completedOn: input.completedOn,
      standardFeeFen: input.standardFeeFen,
      notes: input.notes,
      ...terms,
      // A settled slip fixes the figures it was worked out from, whatever the calendar says since.
      ...(settled ? {} : derivedColumns(outcome)),
    }
    const id = before ? before.id : (await insertRecord(tx, 'provisioningOrder', columns)).id
    const pausesChanged = await syncChildren(
      tx,
      'orderPause',
      { column: 'orderId', id },
      input.pauses,
      (index) => fieldError(`pauses.${index}`, 'invalid_choice'),
    )
    if (before) {
      const after = await updateRecord(tx, 'provisioningOrder', id, before.version, columns)
      if (pausesChanged && after.version === before.version)
        await bumpVersion(tx, 'provisioningOrder', id, before.version)
    }
    const stored = await tx.db
      .selectFrom('provisioningOrder')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    if (!settled) await syncProvisioningSlip(tx, stored, outcome)
    await syncOpening(tx, stored, before)
    return getOrder(tx, id)
  })
}

export async function deleteOrder(ctx: ServiceContext, id: string, version: number): Promise<null> {
  return inTransaction(ctx, async (tx) => {
    const settled = await settledSlip(tx, id)
    if (settled) throw slipSettledError(settled)
    await softDelete(tx, 'provisioningOrder', id, version)
    const order = await tx.db
      .selectFrom('provisioningOrder')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    // A deleted order owes nothing: its draft slip is voided; its delivery and follow-up go with it.
    await syncProvisioningSlip(tx, order, null)
    await syncOpening(tx, order)
    return null
  })
}

/**
 * Recomputes every open order's due date and status (and a completed one's late days, while its slip
 * is not settled) from the calendar and today's date. Derived columns only: no version moves, so a
 * window editing an order is not made stale by the date changing.
 */
export async function recomputeOrders(ctx: ServiceContext): Promise<number> {
  const calendar = await loadCalendar(ctx)
  const [date, soon] = [today(ctx), await dueSoonDays(ctx)]
  const orders = await ctx.db
    .selectFrom('provisioningOrder as o')
    .selectAll('o')
    .where('o.deletedAt', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('compensationSlip as s')
            .select('s.id')
            .whereRef('s.orderId', '=', 'o.id')
            .where('s.status', 'in', ['confirmed', 'paid'])
            .where('s.deletedAt', 'is', null),
        ),
      ),
    )
    .execute()
  const pauses = await ctx.db
    .selectFrom('orderPause')
    .select(['orderId', 'startOn', 'endOn'])
    .where('deletedAt', 'is', null)
    .execute()
  const pausesByOrder = Map.groupBy(pauses, (pause) => pause.orderId)
  const changed: { id: string; columns: ReturnType<typeof derivedColumns> }[] = []
  for (const order of orders) {
    const facts = { ...order, terms: termsOf(order), pauses: pausesByOrder.get(order.id) ?? [] }
    // Notes (which days were skipped) are for showing one order; the recompute needs the figures only.
    const outcome = evaluateOrder(calendar, facts, date, soon, false)
    const columns = derivedColumns(outcome)
    if (Object.entries(columns).every(([key, value]) => order[key as keyof typeof columns] === value))
      continue
    changed.push({ id: order.id, columns })
    if (order.completedOn) await syncProvisioningSlip(ctx, { ...order, ...columns }, outcome)
  }
  await writeDerived(ctx, changed)
  return changed.length
}

/** Rows per UPDATE of derived columns: 7 parameters each, far below SQLite's limit of 32,766. */
const DERIVED_BATCH = 500

/**
 * Writes recomputed derived columns, many rows per statement (UPDATE … FROM VALUES, which SQLite and
 * PostgreSQL both read, naming the values' columns column1, column2, …): one statement per order
 * would cost more than the recompute itself.
 */
async function writeDerived(
  ctx: ServiceContext,
  rows: { id: string; columns: ReturnType<typeof derivedColumns> }[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += DERIVED_BATCH) {
    const values = rows
      .slice(start, start + DERIVED_BATCH)
      .map(
        ({ id, columns: c }) =>
          sql`(${id}, ${c.dueOn}, ${c.status}, ${c.pausedWorkingDays}, ${c.lateWorkingDays}, ${c.chargedFeeFen}, ${c.compensationFen})`,
      )
    await sql`update provisioning_order set due_on = v.column2, status = v.column3,
        paused_working_days = v.column4, late_working_days = v.column5, charged_fee_fen = v.column6,
        compensation_fen = v.column7
      from (values ${sql.join(values)}) as v where provisioning_order.id = v.column1`.execute(ctx.db)
  }
}

/**
 * Statuses move with the date: the main process runs this when a database opens and then every few
 * minutes, so that the first recompute of a day happens once, as the system, not inside a read.
 */
export async function refreshStatusesIfStale(ctx: ServiceContext): Promise<void> {
  const date = today(ctx)
  if ((await readSetting(ctx, 'orders_recomputed_on', '')) === date) return
  await inTransaction(ctx, async (tx) => {
    await recomputeOrders(tx)
    await writeSetting(tx, 'orders_recomputed_on', date)
  })
}

/** The calculator: the rule table's terms for a class and product applied to the dates given. */
export async function quote(ctx: ServiceContext, input: QuoteQuery): Promise<QuoteResult> {
  const terms = await ruleTerms(ctx, input.provisioningClass, input.productId)
  const outcome = evaluateOrder(
    await loadCalendar(ctx),
    {
      acceptedOn: input.acceptedOn,
      completedOn: input.completedOn,
      standardFeeFen: input.standardFeeFen,
      terms,
      pauses: [],
    },
    input.completedOn ?? input.acceptedOn,
    0,
  )
  return {
    ...terms,
    dueOn: outcome.dueOn,
    status: input.completedOn ? (outcome.status as 'met' | 'missed') : null,
    pausedWorkingDays: 0,
    lateWorkingDays: input.completedOn ? outcome.lateWorkingDays : 0,
    chargedFeeFen: outcome.chargedFeeFen,
    compensationFen: outcome.compensationFen,
    capFen: outcome.capFen,
    capped: outcome.capped,
    dueNotes: outcome.dueNotes,
    lateNotes: outcome.lateNotes,
    calendarWarnings: outcome.calendarWarnings,
  }
}
