/**
 * The report's sections worked out record by record, not in one SQL sum: plan compliance (targets per
 * period of each item) and availability (down time merged per circuit). Each record comes with its
 * owner and its values, so that the rows add up as the SQL sections' do and a number opens its records.
 */
import { sql } from 'kysely'
import { availability, dayRangePeriod, type FaultSpan } from '../../domain/availability'
import { compliance, sumCompliance, type ComplianceFigure } from '../../domain/compliance'
import { periodsBetween, type DatePeriod } from '../../domain/periods'
import type { ReportRecord } from '../../api/contract'
import type { ServiceContext } from '../context'
import { allTargets, doneCounts } from '../plans/compliance'
import { gradeCoverage } from '../sla/faults'
import type { ReportWindow } from './sections'

export interface OwnedRecord {
  branchId: string | null
  accountManagerId: string | null
  values: Record<string, number>
  /** The drill measures this record stands behind. */
  behind: string[]
  record: ReportRecord
}

/**
 * The window cut where a year begins: a plan is a year's, so each part is held to its own year's plan
 * (every period kind nests inside a year, so no target falls across the cut).
 */
function yearParts(window: ReportWindow): DatePeriod[] {
  return periodsBetween('year', window.from, window.to).map((year) => ({
    kind: 'quarter' as const,
    key: `${window.from}..${window.to}`,
    start: year.start < window.from ? window.from : year.start,
    end: year.end > window.to ? window.to : year.end,
  }))
}

/** Standard actions done against every customer's plan targets falling due in the window. */
export async function complianceRecords(ctx: ServiceContext, window: ReportWindow): Promise<OwnedRecord[]> {
  const figures = new Map<string, ComplianceFigure[]>()
  let customers: Awaited<ReturnType<typeof allTargets>>['customers'] = []
  for (const part of yearParts(window)) {
    const year = await allTargets(ctx, Number(part.start.slice(0, 4)))
    const counts = await doneCounts(ctx, part)
    customers = year.customers
    for (const customer of customers) {
      const done = counts.get(customer.id) ?? new Map()
      const figure = compliance(year.targetsOf(customer), done, part, window.today)
      figures.set(customer.id, [...(figures.get(customer.id) ?? []), figure])
    }
  }
  return customers.flatMap((customer) => {
    const figure = sumCompliance(figures.get(customer.id) ?? [])
    if (figure.target === 0) return []
    // A customer behind on any item counts once: the number opens its customers, each at its plan.
    const overdue = figure.overdue > 0 ? 1 : 0
    return [
      {
        branchId: customer.branchId,
        accountManagerId: customer.accountManagerId,
        values: { customers: 1, target: figure.target, done: figure.done, overdue },
        behind: ['customers', ...(overdue ? ['overdue'] : [])],
        record: {
          id: customer.id,
          customerId: customer.id,
          customerCode: customer.code,
          customerName: customer.name,
          tab: 'plan',
          reference: `${figure.done} / ${figure.target}`,
          date: null,
          status: overdue ? 'overdue' : null,
          figure: figure.shareBp,
        },
      },
    ]
  })
}

/**
 * Availability of every circuit graded by an agreement on the window's last day, over the window (up to
 * now, for a window not yet over), against the highest target covering it.
 */
export async function availabilityRecords(ctx: ServiceContext, window: ReportWindow): Promise<OwnedRecord[]> {
  const whole = dayRangePeriod(window.from, window.to)
  const now = ctx.now()
  const period = whole.end > now ? { ...whole, end: now } : whole
  if (period.end <= period.start) return []
  const graded = gradeCoverage(ctx, window.to)
    .innerJoin('circuit as ci', 'ci.id', 'ac.circuitId')
    .innerJoin('customer as c', 'c.id', 'ci.customerId')
    .where('ci.deletedAt', 'is', null)
    .where('ci.status', '<>', 'ceased')
    .where('c.deletedAt', 'is', null)
  const circuits = await graded
    .select([
      'ci.id',
      'ci.number',
      'ci.customerId',
      'c.code',
      'c.name',
      'c.branchId',
      'c.accountManagerId',
      sql<number>`max(g.availability_ppm)`.as('targetPpm'),
    ])
    // Every plain column grouped, as PostgreSQL requires too.
    .groupBy(['ci.id', 'ci.number', 'ci.customerId', 'c.code', 'c.name', 'c.branchId', 'c.accountManagerId'])
    .execute()
  const faults = await ctx.db
    .selectFrom('fault')
    .select(['circuitId', 'reportedAt', 'restoredAt', 'cause'])
    .where('deletedAt', 'is', null)
    .where('circuitId', 'in', graded.select('ci.id'))
    .where('reportedAt', '<', period.end.toISOString())
    .where((eb) => eb.or([eb('restoredAt', 'is', null), eb('restoredAt', '>', period.start.toISOString())]))
    .execute()
  const spans = Map.groupBy(faults, (fault) => fault.circuitId) as Map<string, FaultSpan[]>
  return circuits.map((circuit) => {
    const figure = availability(spans.get(circuit.id) ?? [], period, now)
    const met = figure.availabilityPpm >= Number(circuit.targetPpm)
    const outage = figure.faultMinutes - figure.excludedMinutes
    return {
      branchId: circuit.branchId,
      accountManagerId: circuit.accountManagerId,
      values: { circuits: 1, met: met ? 1 : 0, missed: met ? 0 : 1, outageMinutes: outage },
      behind: ['circuits', met ? 'met' : 'missed', ...(outage > 0 ? ['outage'] : [])],
      record: {
        id: circuit.id,
        customerId: circuit.customerId,
        customerCode: circuit.code,
        customerName: circuit.name,
        tab: 'faults',
        reference: circuit.number,
        date: null,
        status: met ? 'met' : 'missed',
        figure: figure.availabilityPpm,
      },
    }
  })
}
