/**
 * SLA agreements (SLA协议) per customer: validity, status, quality grade, the circuits covered and the
 * terms the contract sets for itself (they win over the rule table for orders accepted while it is in
 * force). An active agreement ending within the warning window is flagged.
 */
import { addDays, daysBetween } from '../../domain/calendar'
import type { AgreementRecord, Page } from '../../api/contract'
import { fieldError } from '../../api/errors'
import type { AgreementInput, AgreementTerms } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { containsAny } from '../customers/list'
import {
  bumpVersion,
  findRow,
  inTransaction,
  insertRecord,
  loadForChange,
  softDelete,
  updateRecord,
  writeAudit,
} from '../records'
import { readSetting } from '../settings/store'
import {
  assertLiveCustomer,
  notFound,
  ownedBy,
  pageOf,
  today,
  type ListRequest,
  type OwnerFilter,
} from './common'

function agreementQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('slaAgreement as a')
    .innerJoin('customer as c', 'c.id', 'a.customerId')
    .where('a.deletedAt', 'is', null)
    .select([
      'a.id',
      'a.version',
      'a.customerId',
      'c.name as customerName',
      'a.number',
      'a.signedOn',
      'a.validFrom',
      'a.validTo',
      'a.status',
      'a.gradeId',
      'a.termsJson',
      'a.availabilityRateBp',
      'a.notes',
    ])
}

export function expiryWarningDays(ctx: ServiceContext): Promise<number> {
  return readSetting(ctx, 'agreement_expiry_warning_days', 30)
}

/** The signed agreements covering a circuit on a day, the latest first; callers pick the columns. */
export function agreementsCovering(ctx: ServiceContext, circuitId: string, date: string) {
  return ctx.db
    .selectFrom('slaAgreement as a')
    .innerJoin('agreementCircuit as ac', 'ac.agreementId', 'a.id')
    .where('ac.circuitId', '=', circuitId)
    .where('a.deletedAt', 'is', null)
    .where('a.status', 'in', ['active', 'expired'])
    .where('a.validFrom', '<=', date)
    .where('a.validTo', '>=', date)
    .orderBy('a.validFrom', 'desc')
}

/** An active agreement ending on or before this date is expiring (or has run out unrenewed). */
export async function expiringUntil(ctx: ServiceContext): Promise<string> {
  return addDays(today(ctx), await expiryWarningDays(ctx))
}

async function withCircuits(
  ctx: ServiceContext,
  rows: Awaited<ReturnType<ReturnType<typeof agreementQuery>['execute']>>,
): Promise<AgreementRecord[]> {
  if (rows.length === 0) return []
  const links = await ctx.db
    .selectFrom('agreementCircuit')
    .selectAll()
    .where(
      'agreementId',
      'in',
      rows.map((row) => row.id),
    )
    .execute()
  const [date, window] = [today(ctx), await expiryWarningDays(ctx)]
  return rows.map(({ termsJson, ...row }) => {
    const daysToExpiry = row.status === 'active' ? daysBetween(date, row.validTo) : null
    return {
      ...row,
      terms: JSON.parse(termsJson) as AgreementTerms,
      circuitIds: links.filter((link) => link.agreementId === row.id).map((link) => link.circuitId),
      daysToExpiry,
      expiringSoon: daysToExpiry !== null && daysToExpiry <= window,
    }
  })
}

export async function listAgreements(
  ctx: ServiceContext,
  input: ListRequest &
    OwnerFilter & {
      expiringOnly: boolean
    },
): Promise<Page<AgreementRecord>> {
  let query = agreementQuery(ctx)
  if (input.customerId) query = query.where('a.customerId', '=', input.customerId)
  query = ownedBy(query, input)
  if (input.expiringOnly) {
    query = query.where('a.status', '=', 'active').where('a.validTo', '<=', await expiringUntil(ctx))
  }
  if (input.search) {
    query = query.where(containsAny(['a.number', 'c.name'], input.search))
  }
  const page = await pageOf(
    query,
    input,
    { number: 'a.number', customerName: 'c.name', validTo: 'a.valid_to', status: 'a.status' },
    { column: 'validTo', sort: 'asc' },
    'a.id',
  )
  return { total: page.total, rows: await withCircuits(ctx, page.rows) }
}

export async function getAgreement(ctx: ServiceContext, id: string): Promise<AgreementRecord> {
  const rows = await agreementQuery(ctx).where('a.id', '=', id).execute()
  if (rows.length === 0) throw notFound('slaAgreement', id)
  return (await withCircuits(ctx, rows))[0]!
}

async function assertAgreementRefs(ctx: ServiceContext, input: AgreementInput): Promise<void> {
  const holder = await ctx.db
    .selectFrom('slaAgreement')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['number']), '=', input.number.toLowerCase()))
    .executeTakeFirst()
  if (holder && holder.id !== input.id) throw fieldError('number', 'number_taken', { name: input.number })
  await assertLiveCustomer(ctx, input.customerId)
  if (input.gradeId && !(await findRow(ctx, 'qualityGrade', input.gradeId)))
    throw fieldError('gradeId', 'invalid_choice')
  if (input.circuitIds.length === 0) return
  const own = await ctx.db
    .selectFrom('circuit')
    .select('id')
    .where('id', 'in', input.circuitIds)
    .where('customerId', '=', input.customerId)
    .where('deletedAt', 'is', null)
    .execute()
  if (own.length !== new Set(input.circuitIds).size) throw fieldError('circuitIds', 'circuit_not_customers')
}

/** Replaces the covered circuits; the change is audited on the agreement as its list of circuit ids. */
async function saveCoverage(
  ctx: ServiceContext,
  agreementId: string,
  circuitIds: string[],
): Promise<boolean> {
  const before = (
    await ctx.db
      .selectFrom('agreementCircuit')
      .select('circuitId')
      .where('agreementId', '=', agreementId)
      .execute()
  ).map((row) => row.circuitId)
  const after = [...new Set(circuitIds)]
  if (before.length === after.length && before.every((id) => after.includes(id))) return false
  await ctx.db.deleteFrom('agreementCircuit').where('agreementId', '=', agreementId).execute()
  if (after.length > 0) {
    await ctx.db
      .insertInto('agreementCircuit')
      .values(after.map((circuitId) => ({ agreementId, circuitId })))
      .execute()
  }
  await writeAudit(
    ctx,
    'slaAgreement',
    'update',
    { id: agreementId, circuitIds: before },
    { id: agreementId, circuitIds: after },
  )
  return true
}

export async function saveAgreement(ctx: ServiceContext, input: AgreementInput): Promise<AgreementRecord> {
  return inTransaction(ctx, async (tx) => {
    await assertAgreementRefs(tx, input)
    const { id, version, terms, circuitIds, ...fields } = input
    const columns = { ...fields, termsJson: JSON.stringify(terms) }
    if (!id) {
      const created = await insertRecord(tx, 'slaAgreement', columns)
      await saveCoverage(tx, created.id, circuitIds)
      return getAgreement(tx, created.id)
    }
    const before = await loadForChange(tx, 'slaAgreement', id, version ?? 0)
    if (before.deletedAt) throw notFound('slaAgreement', id)
    const after = await updateRecord(tx, 'slaAgreement', id, before.version, columns)
    const coverageChanged = await saveCoverage(tx, id, circuitIds)
    if (coverageChanged && after.version === before.version)
      await bumpVersion(tx, 'slaAgreement', id, before.version)
    return getAgreement(tx, id)
  })
}

export async function deleteAgreement(ctx: ServiceContext, id: string, version: number): Promise<null> {
  return inTransaction(ctx, async (tx) => {
    await softDelete(tx, 'slaAgreement', id, version)
    return null
  })
}
