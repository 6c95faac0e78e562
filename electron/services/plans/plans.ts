/**
 * Service standards (服务标准) and service plans (服务规划): the tier × item matrix a trainer shows, and
 * each customer's plan for a year, made from its tier's standards with its own overrides. A plan is
 * stored once something about it is the customer's own (an override); until then it is the tier's
 * standards as they are. When the customer's tier changes, the plan follows it and keeps the overrides.
 */
import type { PlanItemRecord, ServicePlan, StandardsMatrix } from '../../api/contract'
import { fieldError } from '../../api/errors'
import type { PlanItemInput, StandardInput } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { findRow, inTransaction, insertRecord, updateRecord } from '../records'
import { notFound } from '../sla/common'

export async function standardsMatrix(ctx: ServiceContext): Promise<StandardsMatrix> {
  const [items, standards] = await Promise.all([
    ctx.db
      .selectFrom('serviceItem')
      .selectAll()
      .where('deletedAt', 'is', null)
      .orderBy('sortOrder')
      .execute(),
    ctx.db
      .selectFrom('serviceStandard')
      .select([
        'id',
        'version',
        'itemId',
        'tierId',
        'provided',
        'frequency',
        'period',
        'responseHours',
        'degreeZh',
        'degreeEn',
        'coverage',
      ])
      .where('deletedAt', 'is', null)
      .execute(),
  ])
  return {
    items: items.map(
      ({ id, version, code, itemClass, audience, nameZh, nameEn, activityKind, sortOrder }) => ({
        id,
        version,
        code,
        itemClass,
        audience,
        nameZh,
        nameEn,
        activityKind,
        sortOrder,
      }),
    ),
    standards: standards.map((standard) => ({ ...standard, provided: standard.provided === 1 })),
  }
}

export async function saveStandard(ctx: ServiceContext, input: StandardInput): Promise<StandardsMatrix> {
  const { id, version, provided, ...fields } = input
  await inTransaction(ctx, (tx) =>
    updateRecord(tx, 'serviceStandard', id, version, {
      ...fields,
      provided: provided ? 1 : 0,
      // Not provided: no frequency or response to keep.
      ...(!provided && { frequency: null, period: null, responseHours: null }),
    }),
  )
  return standardsMatrix(ctx)
}

/** The tier's standards as plan items. */
async function tierItems(ctx: ServiceContext, tierId: string | null): Promise<PlanItemRecord[]> {
  if (!tierId) return []
  const rows = await ctx.db
    .selectFrom('serviceStandard as s')
    .innerJoin('serviceItem as i', 'i.id', 's.itemId')
    .select(['s.itemId', 's.provided', 's.frequency', 's.period'])
    .where('s.tierId', '=', tierId)
    .where('s.deletedAt', 'is', null)
    .where('i.deletedAt', 'is', null)
    .orderBy('i.sortOrder')
    .execute()
  return rows.map((row) => ({
    itemId: row.itemId,
    provided: row.provided === 1,
    frequency: row.frequency,
    period: row.period,
    overridden: false,
    note: null,
    planItemId: null,
    version: null,
  }))
}

async function storedPlan(ctx: ServiceContext, customerId: string, year: number) {
  return ctx.db
    .selectFrom('servicePlan')
    .selectAll()
    .where('customerId', '=', customerId)
    .where('year', '=', year)
    .where('deletedAt', 'is', null)
    .executeTakeFirst()
}

async function customerTier(ctx: ServiceContext, customerId: string): Promise<string | null> {
  const customer = await findRow(ctx, 'customer', customerId)
  if (!customer) throw notFound('customer', customerId)
  return (customer.tierId as string | null) ?? null
}

/** The plan as it stands: the tier's standards, with the customer's overrides over them. */
export async function effectivePlan(
  ctx: ServiceContext,
  customerId: string,
  year: number,
): Promise<ServicePlan> {
  const tierId = await customerTier(ctx, customerId)
  const base = await tierItems(ctx, tierId)
  const plan = await storedPlan(ctx, customerId, year)
  const own = plan
    ? await ctx.db
        .selectFrom('planItem')
        .selectAll()
        .where('planId', '=', plan.id)
        .where('deletedAt', 'is', null)
        .execute()
    : []
  const items: PlanItemRecord[] = base.map((item) => {
    const override = own.find((row) => row.itemId === item.itemId && row.overridden === 1)
    return override
      ? {
          ...item,
          provided: override.provided === 1,
          frequency: override.frequency,
          period: override.period,
          overridden: true,
          note: override.note,
          planItemId: override.id,
          version: override.version,
        }
      : item
  })
  return { customerId, year, tierId, stored: plan !== undefined, items }
}

async function ensurePlan(ctx: ServiceContext, customerId: string, year: number) {
  const plan = await storedPlan(ctx, customerId, year)
  if (plan) return plan
  const tierId = await customerTier(ctx, customerId)
  const created = await insertRecord(ctx, 'servicePlan', { customerId, year, tierId })
  return { ...created, tierId } as unknown as NonNullable<Awaited<ReturnType<typeof storedPlan>>>
}

/** Sets this customer's own target for an item (or gives the item up); kept when the tier changes. */
export async function savePlanItem(ctx: ServiceContext, input: PlanItemInput): Promise<ServicePlan> {
  return inTransaction(ctx, async (tx) => {
    const item = await findRow(tx, 'serviceItem', input.itemId)
    if (!item || item.deletedAt) throw fieldError('itemId', 'invalid_choice')
    const plan = await ensurePlan(tx, input.customerId, input.year)
    const values = {
      provided: input.provided ? 1 : 0,
      frequency: input.provided ? input.frequency : null,
      period: input.provided ? input.period : null,
      note: input.note,
      overridden: 1,
    }
    const existing = await tx.db
      .selectFrom('planItem')
      .select(['id', 'version'])
      .where('planId', '=', plan.id)
      .where('itemId', '=', input.itemId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst()
    if (existing) await updateRecord(tx, 'planItem', existing.id, input.version ?? existing.version, values)
    else await insertRecord(tx, 'planItem', { ...values, planId: plan.id, itemId: input.itemId })
    return effectivePlan(tx, input.customerId, input.year)
  })
}

/** Gives an item back to the tier's standard. */
export async function resetPlanItem(
  ctx: ServiceContext,
  input: { customerId: string; year: number; itemId: string; version: number },
): Promise<ServicePlan> {
  return inTransaction(ctx, async (tx) => {
    const plan = await storedPlan(tx, input.customerId, input.year)
    const own =
      plan &&
      (await tx.db
        .selectFrom('planItem')
        .select('id')
        .where('planId', '=', plan.id)
        .where('itemId', '=', input.itemId)
        .where('deletedAt', 'is', null)
        .executeTakeFirst())
    if (own) await updateRecord(tx, 'planItem', own.id, input.version, { overridden: 0 })
    return effectivePlan(tx, input.customerId, input.year)
  })
}

/**
 * The customer's tier changed: its stored plans from this year on follow the new tier. The overrides
 * stay (they are the customer's own); the rest is the new tier's standards, read when needed.
 */
export async function followTier(
  ctx: ServiceContext,
  customerId: string,
  tierId: string | null,
  year: number,
) {
  const plans = await ctx.db
    .selectFrom('servicePlan')
    .select(['id', 'version', 'tierId'])
    .where('customerId', '=', customerId)
    .where('year', '>=', year)
    .where('deletedAt', 'is', null)
    .execute()
  for (const plan of plans) {
    if (plan.tierId !== tierId) await updateRecord(ctx, 'servicePlan', plan.id, plan.version, { tierId })
  }
}
