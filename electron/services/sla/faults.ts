/**
 * Faults (故障申告) per circuit: recovery time against the covering agreement's grade, availability per
 * circuit per month and quarter, and a compensation slip drafted for a month that misses its target
 * where the agreement sets a rate for that (a share of the circuit's monthly fee).
 */
import {
  availability,
  monthOf,
  monthPeriod,
  quarterPeriod,
  recoveryMinutes,
  type FaultSpan,
  type Period,
} from '../../domain/availability'
import { chinaDate } from '../../domain/calendar'
import { BASIS_POINTS, mulDiv } from '../../domain/sla'
import type { AvailabilityRow, FaultRecord, Page } from '../../api/contract'
import { AppError, fieldError } from '../../api/errors'
import type { FaultInput } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { containsAny } from '../customers/list'
import { inTransaction, insertRecord, loadForChange, softDelete, updateRecord } from '../records'
import { syncSlip } from './slips'
import { syncRepair } from '../delivery/followUps'
import { assertNumberFree, nextNumber, notFound, pageOf, type ListRequest } from './common'

/** The agreement with a grade covering a circuit at an instant's date, with its targets. */
export function gradeCoverage(ctx: ServiceContext, date: string) {
  return ctx.db
    .selectFrom('agreementCircuit as ac')
    .innerJoin('slaAgreement as a', 'a.id', 'ac.agreementId')
    .innerJoin('qualityGrade as g', 'g.id', 'a.gradeId')
    .where('a.deletedAt', 'is', null)
    .where('a.status', 'in', ['active', 'expired'])
    .where('a.validFrom', '<=', date)
    .where('a.validTo', '>=', date)
}

function faultQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('fault as f')
    .innerJoin('customer as c', 'c.id', 'f.customerId')
    .innerJoin('circuit as ci', 'ci.id', 'f.circuitId')
    .where('f.deletedAt', 'is', null)
    .select((eb) => [
      'f.id',
      'f.version',
      'f.number',
      'f.customerId',
      'c.name as customerName',
      'f.circuitId',
      'ci.number as circuitNumber',
      'f.reportedAt',
      'f.restoredAt',
      'f.cause',
      'f.description',
      eb
        .selectFrom('agreementCircuit as ac')
        .innerJoin('slaAgreement as a', 'a.id', 'ac.agreementId')
        .innerJoin('qualityGrade as g', 'g.id', 'a.gradeId')
        .select('g.recoveryMinutes')
        .whereRef('ac.circuitId', '=', 'f.circuitId')
        .where('a.deletedAt', 'is', null)
        .where('a.status', 'in', ['active', 'expired'])
        .whereRef('a.validFrom', '<=', 'f.reportedOn')
        .whereRef('a.validTo', '>=', 'f.reportedOn')
        .limit(1)
        .as('targetMinutes'),
    ])
}

type FaultRow = Awaited<ReturnType<ReturnType<typeof faultQuery>['executeTakeFirstOrThrow']>>

function toFaultRecord(ctx: ServiceContext, row: FaultRow): FaultRecord {
  const minutes = recoveryMinutes(row, ctx.now())
  const counted = row.cause === 'operator'
  return {
    ...row,
    recoveryMinutes: minutes,
    targetMinutes: row.targetMinutes,
    // Recovery is held to the grade only for faults the operator caused, and once the circuit is back.
    metTarget:
      row.targetMinutes === null || !counted || !row.restoredAt ? null : minutes <= row.targetMinutes,
  }
}

export async function listFaults(ctx: ServiceContext, input: ListRequest): Promise<Page<FaultRecord>> {
  let query = faultQuery(ctx)
  if (input.customerId) query = query.where('f.customerId', '=', input.customerId)
  if (input.search) {
    query = query.where(containsAny(['f.number', 'c.name', 'ci.number'], input.search))
  }
  const page = await pageOf(
    query,
    input,
    { number: 'f.number', customerName: 'c.name', reportedAt: 'f.reported_at', restoredAt: 'f.restored_at' },
    { column: 'reportedAt', sort: 'desc' },
    'f.id',
  )
  return { total: page.total, rows: page.rows.map((row) => toFaultRecord(ctx, row)) }
}

export async function getFault(ctx: ServiceContext, id: string): Promise<FaultRecord> {
  const row = await faultQuery(ctx).where('f.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('fault', id)
  return toFaultRecord(ctx, row)
}

async function checkFault(ctx: ServiceContext, input: FaultInput): Promise<string> {
  const circuit = await ctx.db
    .selectFrom('circuit')
    .select(['customerId', 'deletedAt'])
    .where('id', '=', input.circuitId)
    .executeTakeFirst()
  if (!circuit || circuit.deletedAt) throw fieldError('circuitId', 'invalid_choice')
  const now = ctx.now().getTime()
  if (Date.parse(input.reportedAt) > now) throw fieldError('reportedAt', 'in_future')
  if (input.restoredAt && Date.parse(input.restoredAt) > now) throw fieldError('restoredAt', 'in_future')
  return circuit.customerId
}

export async function saveFault(ctx: ServiceContext, input: FaultInput): Promise<FaultRecord> {
  return inTransaction(ctx, async (tx) => {
    const customerId = await checkFault(tx, input)
    const { id, version, ...fields } = input
    const columns = {
      ...fields,
      // Instants are kept in one form (UTC, milliseconds), so that they sort and compare as text.
      reportedAt: new Date(fields.reportedAt).toISOString(),
      reportedOn: chinaDate(new Date(fields.reportedAt)),
      restoredAt: fields.restoredAt && new Date(fields.restoredAt).toISOString(),
      customerId,
    }
    type Span = { circuitId: string; reportedAt: string; restoredAt: string | null }
    const before = id ? await loadForChange(tx, 'fault', id, version ?? 0) : null
    const number =
      columns.number ?? (before?.number as string | undefined) ?? (await nextNumber(tx, 'fault', 'GZ'))
    await assertNumberFree(tx, 'fault', number, id)
    const saved = before
      ? (await updateRecord(tx, 'fault', before.id, before.version, { ...columns, number })).id
      : (await insertRecord(tx, 'fault', { ...columns, number })).id
    // The months the fault spans now, and those it spanned before the edit, may both change.
    const previous = before as unknown as Span | null
    const spans: Span[] = [{ ...columns, circuitId: input.circuitId }, ...(previous ? [previous] : [])]
    for (const circuitId of new Set(spans.map((span) => span.circuitId))) {
      const own = spans.filter((span) => span.circuitId === circuitId)
      await syncAvailabilitySlips(tx, circuitId, monthsTouched(own, tx.now()))
    }
    await syncRepair(tx, { ...columns, id: saved, circuitId: input.circuitId, deletedAt: null })
    return getFault(tx, saved)
  })
}

export async function deleteFault(ctx: ServiceContext, id: string, version: number): Promise<null> {
  return inTransaction(ctx, async (tx) => {
    const row = await softDelete(tx, 'fault', id, version)
    const span = row as unknown as { circuitId: string; reportedAt: string; restoredAt: string | null }
    await syncAvailabilitySlips(tx, span.circuitId, monthsTouched([span], tx.now()))
    await syncRepair(tx, row as unknown as Parameters<typeof syncRepair>[1])
    return null
  })
}

/** The months (China time) a set of faults spans. */
function monthsTouched(spans: { reportedAt: string; restoredAt: string | null }[], now: Date): string[] {
  const months = new Set<string>()
  for (const span of spans) {
    const last = monthOf(span.restoredAt ?? now.toISOString())
    for (let month = monthOf(span.reportedAt); month <= last; month = nextMonth(month)) months.add(month)
  }
  return [...months]
}

function nextMonth(month: string): string {
  const [year, index] = month.split('-').map(Number) as [number, number]
  return index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`
}

async function circuitFaults(
  ctx: ServiceContext,
  circuitIds: string[],
  period: Period,
): Promise<Map<string, FaultSpan[]>> {
  if (circuitIds.length === 0) return new Map()
  const rows = await ctx.db
    .selectFrom('fault')
    .select(['circuitId', 'reportedAt', 'restoredAt', 'cause'])
    .where('circuitId', 'in', circuitIds)
    .where('deletedAt', 'is', null)
    .where('reportedAt', '<', period.end.toISOString())
    .where((eb) => eb.or([eb('restoredAt', 'is', null), eb('restoredAt', '>', period.start.toISOString())]))
    .execute()
  return Map.groupBy(rows, (row) => row.circuitId)
}

/**
 * Drafts, updates or voids the availability slip of each month for a circuit, as its faults now say.
 * Only where a covering agreement has a grade and a rate; a confirmed or paid slip stays as it is.
 */
async function syncAvailabilitySlips(
  ctx: ServiceContext,
  circuitId: string,
  months: string[],
): Promise<void> {
  for (const month of months) {
    const period = monthPeriod(month)
    const lastDay = new Date(period.end.getTime() - 1).toISOString().slice(0, 10)
    const coverage = await gradeCoverage(ctx, lastDay)
      .innerJoin('circuit as ci', 'ci.id', 'ac.circuitId')
      .select([
        'a.id as agreementId',
        'a.availabilityRateBp',
        'g.availabilityPpm',
        'ci.monthlyFeeFen',
        'ci.customerId',
      ])
      .where('ac.circuitId', '=', circuitId)
      .executeTakeFirst()
    const figure = availability(
      (await circuitFaults(ctx, [circuitId], period)).get(circuitId) ?? [],
      period,
      ctx.now(),
    )
    const rate = coverage?.availabilityRateBp ?? null
    const fee = coverage?.monthlyFeeFen ?? null
    const missed = coverage && rate && fee && figure.availabilityPpm < coverage.availabilityPpm
    const amountFen = missed ? mulDiv(fee, rate, BASIS_POINTS) : 0
    await syncSlip(
      ctx,
      { kind: 'availability', circuitId, period: month },
      missed
        ? {
            amountFen,
            working: {
              kind: 'availability',
              ...figure,
              targetPpm: coverage.availabilityPpm,
              monthlyFeeFen: fee,
              rateBp: rate,
              compensationFen: amountFen,
            },
            customerId: coverage.customerId,
            circuitId,
            agreementId: coverage.agreementId,
          }
        : null,
    )
  }
}

/** Availability of every circuit (or one customer's) for a month or a quarter, against its grade. */
export async function circuitAvailability(
  ctx: ServiceContext,
  input: { period: string; customerId?: string | undefined },
): Promise<AvailabilityRow[]> {
  const period = input.period.includes('Q') ? quarterPeriod(input.period) : monthPeriod(input.period)
  if (period.start.getTime() > ctx.now().getTime()) throw fieldError('period', 'in_future')
  const lastDay = new Date(period.end.getTime() - 1).toISOString().slice(0, 10)
  let query = ctx.db
    .selectFrom('circuit as ci')
    .innerJoin('customer as c', 'c.id', 'ci.customerId')
    .where('ci.deletedAt', 'is', null)
    .where('ci.status', '<>', 'ceased')
    .select(['ci.id as circuitId', 'ci.number as circuitNumber', 'ci.customerId', 'c.name as customerName'])
    .orderBy('c.name')
    .orderBy('ci.number')
  if (input.customerId) query = query.where('ci.customerId', '=', input.customerId)
  const circuits = await query.execute()
  if (circuits.length > 5000)
    throw new AppError('invalid_input', 'Choose one customer: too many circuits for one view.')
  const ids = circuits.map((circuit) => circuit.circuitId)
  const faults = await circuitFaults(ctx, ids, period)
  const grades = ids.length
    ? await gradeCoverage(ctx, lastDay)
        .select(['ac.circuitId', 'g.id as gradeId', 'g.availabilityPpm as targetPpm'])
        .where('ac.circuitId', 'in', ids)
        .execute()
    : []
  const gradeOf = new Map(grades.map((grade) => [grade.circuitId, grade]))
  return circuits.map((circuit) => {
    const figure = availability(faults.get(circuit.circuitId) ?? [], period, ctx.now())
    const grade = gradeOf.get(circuit.circuitId)
    return {
      ...circuit,
      ...figure,
      gradeId: grade?.gradeId ?? null,
      targetPpm: grade?.targetPpm ?? null,
      met: grade ? figure.availabilityPpm >= grade.targetPpm : null,
    }
  })
}
