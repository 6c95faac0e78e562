/**
 * The SLA rule table (provisioning class × product → limit, price factor, rate, cap), the quality grades
 * and the SLA settings: shipped with the defaults of domain.md §4, edited by supervisors, every change
 * audited (the history is the audit trail). Orders keep the terms they were accepted under.
 */
import type { AuditEntry, Lookups, SlaRules } from '../../api/contract'
import { fieldError } from '../../api/errors'
import type { GradeInput, RuleInput } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { inTransaction, insertRecord, toAuditEntry, updateRecord, writeAudit } from '../records'
import { getLookups } from '../settings/lookups'
import { readSetting, writeSetting } from '../settings/store'
import { expiryWarningDays } from './agreements'
import { dueSoonDays } from './common'
import { recomputeOrders } from './orders'

export async function slaRules(ctx: ServiceContext): Promise<SlaRules> {
  const rules = await ctx.db
    .selectFrom('provisioningRule as r')
    .innerJoin('product as p', 'p.id', 'r.productId')
    .select([
      'r.id',
      'r.version',
      'r.provisioningClass',
      'r.productId',
      'r.limitDays',
      'r.priceFactorBp',
      'r.rateBp',
      'r.capBp',
    ])
    .where('r.deletedAt', 'is', null)
    .orderBy('p.sortOrder')
    .orderBy('r.limitDays')
    .execute()
  return { rules, dueSoonDays: await dueSoonDays(ctx), expiryWarningDays: await expiryWarningDays(ctx) }
}

export async function saveRule(ctx: ServiceContext, input: RuleInput): Promise<SlaRules> {
  const { id, version, ...terms } = input
  await inTransaction(ctx, (tx) => updateRecord(tx, 'provisioningRule', id, version, terms))
  return slaRules(ctx)
}

/** A product added to the list gets its rule rows from the digital circuit's, to be adjusted. */
export async function ensureRulesForProducts(ctx: ServiceContext): Promise<void> {
  const missing = await ctx.db
    .selectFrom('product as p')
    .crossJoin('provisioningRule as template')
    .innerJoin('product as tp', 'tp.id', 'template.productId')
    .select([
      'p.id as productId',
      'template.provisioningClass',
      'template.limitDays',
      'template.priceFactorBp',
      'template.rateBp',
      'template.capBp',
    ])
    .where('tp.code', '=', 'digital')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('provisioningRule as r')
            .select('r.id')
            .whereRef('r.productId', '=', 'p.id')
            .whereRef('r.provisioningClass', '=', 'template.provisioningClass'),
        ),
      ),
    )
    .execute()
  for (const rule of missing) await insertRecord(ctx, 'provisioningRule', rule)
}

export async function saveSlaSettings(
  ctx: ServiceContext,
  input: { dueSoonDays: number; expiryWarningDays: number },
): Promise<SlaRules> {
  await inTransaction(ctx, async (tx) => {
    for (const [key, value] of [
      ['order_due_soon_days', input.dueSoonDays],
      ['agreement_expiry_warning_days', input.expiryWarningDays],
    ] as const) {
      const before = await readSetting(tx, key, value)
      if (before === value) continue
      await writeSetting(tx, key, value)
      await writeAudit(tx, 'setting', 'update', { id: key, value: before }, { id: key, value })
    }
    await recomputeOrders(tx)
  })
  return slaRules(ctx)
}

export async function saveGrade(ctx: ServiceContext, input: GradeInput): Promise<Lookups> {
  const { id, version, ...fields } = input
  await inTransaction(ctx, async (tx) => {
    const clash = await tx.db
      .selectFrom('qualityGrade')
      .select('id')
      .where('code', '=', fields.code)
      .executeTakeFirst()
    if (clash && clash.id !== id) throw fieldError('code', 'code_taken', { name: fields.code })
    if (id) await updateRecord(tx, 'qualityGrade', id, version ?? 0, fields)
    else await insertRecord(tx, 'qualityGrade', fields)
  })
  return getLookups(ctx)
}

/** The tables whose rows are rule data: their changes are the rules' history. */
const RULE_TABLES = [
  'provisioningRule',
  'qualityGrade',
  'product',
  'setting',
  'calendarDay',
  'calendarYear',
  'deadlineRule',
  'deliveryDocument',
]

/** Who changed the SLA rules, the lists and the calendar, and when: newest first, the last 500. */
export async function ruleHistory(ctx: ServiceContext): Promise<AuditEntry[]> {
  const rows = await ctx.db
    .selectFrom('auditLog')
    .selectAll()
    .where('tableName', 'in', RULE_TABLES)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute()
  return rows.map(toAuditEntry)
}
