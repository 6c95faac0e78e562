/**
 * Value assessment per customer: the score from current, potential and intangible value with the
 * weights a supervisor sets, the tier it suggests, a flag where the assigned tier differs, and what
 * losing the customer would cost in ordinary customers (79 business or 338 public by default).
 */
import { valueScore, weightsAreWhole, type ValueSettings } from '../../domain/value'
import type { CustomerValueRecord, ValueSettingsRecord } from '../../api/contract'
import { fieldError } from '../../api/errors'
import type { CustomerValueInput, ValueSettingsInput } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { findRow, inTransaction, insertRecord, loadForChange, updateRecord, writeAudit } from '../records'
import { readSetting, writeSetting } from '../settings/store'
import { notFound, assertLiveCustomer } from '../sla/common'
import { churnShareBp } from './churn'

const DEFAULT_SETTINGS: ValueSettingsRecord = {
  weights: { currentBp: 5000, potentialBp: 3000, intangibleBp: 2000 },
  fullCurrentFen: 100_000_000,
  thresholds: [
    { rank: 1, minScore: 75 },
    { rank: 2, minScore: 50 },
    { rank: 3, minScore: 25 },
    { rank: 4, minScore: 0 },
  ],
  equivalentBusiness: 79,
  equivalentPublic: 338,
  churnShareBp: 2000,
}

export async function valueSettings(ctx: ServiceContext): Promise<ValueSettingsRecord> {
  const stored = await readSetting<Omit<ValueSettingsRecord, 'churnShareBp'>>(
    ctx,
    'value_assessment',
    DEFAULT_SETTINGS,
  )
  return { ...stored, churnShareBp: await churnShareBp(ctx) }
}

export async function saveValueSettings(
  ctx: ServiceContext,
  input: ValueSettingsInput,
): Promise<ValueSettingsRecord> {
  if (!weightsAreWhole(input.weights)) throw fieldError('weights', 'weights_not_whole')
  await inTransaction(ctx, async (tx) => {
    const before = await valueSettings(tx)
    const { churnShareBp: share, ...assessment } = input
    await writeSetting(tx, 'value_assessment', assessment)
    await writeSetting(tx, 'churn_drop_share_bp', share)
    await writeAudit(
      tx,
      'setting',
      'update',
      { id: 'value_assessment', value: before },
      { id: 'value_assessment', value: input },
    )
  })
  return valueSettings(ctx)
}

/** Direct value: the last twelve months of revenue entered, or twelve times the file's monthly figure. */
async function directFen(
  ctx: ServiceContext,
  customerId: string,
  monthlyFen: number | null,
): Promise<number> {
  const months = await ctx.db
    .selectFrom('monthlyRevenue')
    .select('revenueFen')
    .where('customerId', '=', customerId)
    .where('deletedAt', 'is', null)
    .orderBy('month', 'desc')
    .limit(12)
    .execute()
  if (months.length === 0) return (monthlyFen ?? 0) * 12
  const sum = months.reduce((total, month) => total + month.revenueFen, 0)
  return Math.round((sum * 12) / months.length)
}

export async function customerValue(ctx: ServiceContext, customerId: string): Promise<CustomerValueRecord> {
  const customer = await findRow(ctx, 'customer', customerId)
  if (!customer) throw notFound('customer', customerId)
  const [own, settings, productsTaken, products, tiers] = await Promise.all([
    ctx.db.selectFrom('customerValue').selectAll().where('customerId', '=', customerId).executeTakeFirst(),
    valueSettings(ctx),
    ctx.db
      .selectFrom('circuit')
      .select((eb) => eb.fn.count<number>('productId').distinct().as('n'))
      .where('customerId', '=', customerId)
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('product')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow(),
    ctx.db.selectFrom('tier').select(['id', 'scheme', 'rank']).where('deletedAt', 'is', null).execute(),
  ])
  const assigned = tiers.find((tier) => tier.id === customer.tierId)
  const scheme = assigned?.scheme ?? (await readSetting(ctx, 'tier_scheme', 'abcd'))
  const inputs = {
    directFen: await directFen(ctx, customerId, customer.monthlyRevenueFen as number | null),
    additionalFen: own?.additionalFen ?? 0,
    employees: customer.employees as number | null,
    ourSubscribers: customer.ourSubscribers as number | null,
    productsTaken: Number(productsTaken.n),
    productsOffered: Number(products.n),
    intangibleScore: own?.intangibleScore ?? 0,
  }
  const score = valueScore(inputs, settings as ValueSettings)
  // The scheme's tier of the suggested rank, or its lowest tier when the scheme has fewer ranks.
  const schemeTiers = tiers.filter((tier) => tier.scheme === scheme).sort((a, b) => a.rank - b.rank)
  const suggested = schemeTiers.find((tier) => tier.rank === score.suggestedRank) ?? schemeTiers.at(-1)
  return {
    customerId,
    id: own?.id ?? null,
    version: own?.version ?? null,
    additionalFen: inputs.additionalFen,
    intangibleScore: inputs.intangibleScore,
    note: own?.note ?? null,
    inputs,
    ...score,
    suggestedTierId: suggested?.id ?? null,
    assignedTierId: (customer.tierId as string | null) ?? null,
    differs: Boolean(suggested && customer.tierId && suggested.id !== customer.tierId),
    equivalentBusiness: settings.equivalentBusiness,
    equivalentPublic: settings.equivalentPublic,
  }
}

export async function saveCustomerValue(
  ctx: ServiceContext,
  input: CustomerValueInput,
): Promise<CustomerValueRecord> {
  return inTransaction(ctx, async (tx) => {
    await assertLiveCustomer(tx, input.customerId)
    const { id, version, ...values } = input
    if (id) {
      const before = await loadForChange(tx, 'customerValue', id, version ?? 0)
      await updateRecord(tx, 'customerValue', id, before.version, values)
    } else await insertRecord(tx, 'customerValue', values)
    return customerValue(tx, input.customerId)
  })
}
