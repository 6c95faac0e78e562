/**
 * Rule and list data that forms choose from: tier schemes, industries, branches, account managers.
 * All of it is data a supervisor edits in Settings, never a constant in code.
 */
import type { Lookup, Tier } from '../../../db/schema'
import type { LookupOption, Lookups, TierOption } from '../../api/contract'
import { AppError, fieldError } from '../../api/errors'
import type { LookupInput, TierInput } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { listOperators } from '../session/operators'
import { ensureRulesForProducts } from '../sla/rules'
import { readSetting, writeSetting } from './store'
import { inTransaction, insertRecord, softDelete, updateRecord, writeAudit } from '../records'

function toTierOption({ id, code, labelZh, labelEn, scheme, rank, version }: Tier): TierOption {
  return { id, code, labelZh, labelEn, scheme, rank, version }
}

function toLookupOption({ id, code, nameZh, nameEn, sortOrder, version, deletedAt }: Lookup): LookupOption {
  return { id, code, labelZh: nameZh, labelEn: nameEn, sortOrder, version, retired: deletedAt !== null }
}

export async function getLookups(ctx: ServiceContext): Promise<Lookups> {
  const [tiers, industries, branches, products, grades, accountManagers, tierScheme] = await Promise.all([
    ctx.db
      .selectFrom('tier')
      .selectAll()
      .where('deletedAt', 'is', null)
      .orderBy('scheme')
      .orderBy('rank')
      .execute(),
    // Retired entries come too, flagged, so that customers who keep them still show their labels.
    ctx.db.selectFrom('industry').selectAll().orderBy('sortOrder').execute(),
    ctx.db.selectFrom('branch').selectAll().orderBy('sortOrder').execute(),
    ctx.db.selectFrom('product').selectAll().orderBy('sortOrder').execute(),
    ctx.db
      .selectFrom('qualityGrade')
      .selectAll()
      .where('deletedAt', 'is', null)
      .orderBy('sortOrder')
      .execute(),
    listOperators(ctx),
    readSetting(ctx, 'tier_scheme', 'abcd'),
  ])
  return {
    tierScheme,
    tierSchemes: [...new Set(tiers.map((tier) => tier.scheme))],
    tiers: tiers.map(toTierOption),
    industries: industries.map(toLookupOption),
    branches: branches.map(toLookupOption),
    products: products.map(toLookupOption),
    grades: grades.map(
      ({ id, code, nameZh, nameEn, availabilityPpm, recoveryMinutes, sortOrder, version }) => ({
        id,
        code,
        labelZh: nameZh,
        labelEn: nameEn,
        availabilityPpm,
        recoveryMinutes,
        sortOrder,
        version,
      }),
    ),
    accountManagers,
  }
}

export async function setTierScheme(ctx: ServiceContext, scheme: string): Promise<Lookups> {
  const exists = await ctx.db.selectFrom('tier').select('id').where('scheme', '=', scheme).executeTakeFirst()
  if (!exists) throw fieldError('scheme', 'invalid_choice')
  await inTransaction(ctx, async (tx) => {
    const before = await readSetting(tx, 'tier_scheme', 'abcd')
    if (before === scheme) return
    await writeSetting(tx, 'tier_scheme', scheme)
    await writeAudit(
      tx,
      'setting',
      'update',
      { id: 'tier_scheme', value: before },
      { id: 'tier_scheme', value: scheme },
    )
  })
  return getLookups(ctx)
}

export async function saveTier(ctx: ServiceContext, input: TierInput): Promise<Lookups> {
  const { id, version, ...fields } = input
  await inTransaction(ctx, async (tx) => {
    const clash = await tx.db
      .selectFrom('tier')
      .select('id')
      .where('scheme', '=', fields.scheme)
      .where('code', '=', fields.code)
      .executeTakeFirst()
    if (clash && clash.id !== id) throw fieldError('code', 'code_taken', { name: fields.code })
    if (id) await updateRecord(tx, 'tier', id, version ?? 0, fields)
    else await insertRecord(tx, 'tier', fields)
  })
  return getLookups(ctx)
}

export async function saveLookup(ctx: ServiceContext, input: LookupInput): Promise<Lookups> {
  const { kind, id, version, ...fields } = input
  await inTransaction(ctx, async (tx) => {
    const clash = await tx.db.selectFrom(kind).select('id').where('code', '=', fields.code).executeTakeFirst()
    if (clash && clash.id !== id) throw fieldError('code', 'code_taken', { name: fields.code })
    if (id) await updateRecord(tx, kind, id, version ?? 0, fields)
    else await insertRecord(tx, kind, fields)
    if (kind === 'product') await ensureRulesForProducts(tx)
  })
  return getLookups(ctx)
}

/** Retires a list entry; customers keep their link, and the entry no longer appears in forms. */
export async function deleteLookup(
  ctx: ServiceContext,
  input: { kind: 'industry' | 'branch' | 'product'; id: string; version: number },
): Promise<Lookups> {
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom(input.kind)
      .select('deletedAt')
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!row)
      throw new AppError('not_found', `No ${input.kind} with id ${input.id}.`, {
        params: { table: input.kind },
      })
    await softDelete(tx, input.kind, input.id, input.version)
  })
  return getLookups(ctx)
}
