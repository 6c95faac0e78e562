/**
 * The supervisors' report (domain.md §6): its sections, the measures (columns) of each, what kind of
 * number each is, and the shares derived from the counted ones. Pure: the main process fills the report
 * and writes it to XLSX and PDF, the renderer draws it, both from these definitions.
 */
import { PROVISIONING_CLASSES } from './sla'

export const REPORT_SECTIONS = [
  'customers',
  'orders',
  'slips',
  'availability',
  'deliveries',
  'followUps',
  'compliance',
  'churn',
  'complaints',
] as const
export type ReportSection = (typeof REPORT_SECTIONS)[number]

/** count: records; fen: money; bp: a share in basis points; ppm: availability; score: hundredths. */
export type MeasureKind = 'count' | 'fen' | 'minutes' | 'bp' | 'ppm' | 'score'

export interface MeasureSpec {
  key: string
  kind: MeasureKind
  /** The measure whose records a derived number stands on (a share opens its denominator's records). */
  drill: string
  /** Worked out from other measures of its row, after they are added up; never added up itself. */
  derived?: (values: Readonly<Record<string, number | null>>) => number | null
}

/** A share in basis points, rounded down so that 99.995 % never shows as meeting 100 %. */
export function shareBp(part: number | null, whole: number | null): number | null {
  return !whole ? null : Math.floor(((part ?? 0) * 10_000) / whole)
}

/** `drill`: the records behind it, when they are not what it counts (actions done open their customers). */
function counted(key: string, drill = key): MeasureSpec {
  return { key, kind: 'count', drill }
}

function amount(key: string, drill: string): MeasureSpec {
  return { key, kind: 'fen', drill }
}

function share(key: string, part: string, whole: string): MeasureSpec {
  return {
    key,
    kind: 'bp',
    drill: whole,
    derived: (values) => shareBp(values[part] ?? 0, values[whole] ?? 0),
  }
}

/** Done within the deadline, of those held to it. */
const ON_TIME = [
  counted('counted'),
  counted('onTime'),
  counted('late'),
  share('onTimeBp', 'onTime', 'counted'),
]

export const CHURN_SOURCES = ['revenue_drop', 'crisis', 'cancellation'] as const

/**
 * Each section's measures. The customers section has one measure per tier besides these; its tiers are
 * the setting's, so the service adds them (see `tierMeasure`).
 */
export const SECTION_MEASURES: Record<ReportSection, MeasureSpec[]> = {
  customers: ['active', 'at_risk', 'lost', 'total'].map((key) => counted(key)),
  orders: [
    ...PROVISIONING_CLASSES.flatMap((cls) => [
      counted(`opened.${cls}`),
      counted(`onTime.${cls}`),
      share(`onTimeBp.${cls}`, `onTime.${cls}`, `opened.${cls}`),
    ]),
    counted('opened'),
    counted('onTime'),
    counted('late'),
    share('onTimeBp', 'onTime', 'opened'),
  ],
  slips: [
    counted('provisioning'),
    amount('provisioningFen', 'provisioning'),
    counted('availability'),
    amount('availabilityFen', 'availability'),
    counted('slips'),
    amount('amountFen', 'slips'),
    counted('confirmed'),
    amount('confirmedFen', 'confirmed'),
    counted('paid'),
    amount('paidFen', 'paid'),
  ],
  availability: [
    counted('circuits'),
    counted('met'),
    counted('missed'),
    share('metBp', 'met', 'circuits'),
    { key: 'outageMinutes', kind: 'minutes', drill: 'outage' },
  ],
  deliveries: ON_TIME,
  followUps: [
    ...ON_TIME,
    counted('rated'),
    {
      key: 'satisfaction',
      kind: 'score',
      drill: 'rated',
      // The average score (1–5) in hundredths, from the hidden sum beside the count.
      derived: (values) =>
        values.rated ? Math.round(((values.satisfactionSum ?? 0) * 100) / values.rated) : null,
    },
  ],
  compliance: [
    counted('customers'),
    counted('target', 'customers'),
    counted('done', 'customers'),
    { ...share('doneBp', 'done', 'target'), drill: 'customers' },
    counted('overdue'),
  ],
  churn: [
    ...CHURN_SOURCES.map((source) => counted(`raised.${source}`)),
    counted('raised'),
    counted('handled'),
    counted('open'),
  ],
  complaints: [counted('complaints'), counted('customers')],
}

/** The customers section's measure for a tier (`none`: customers with no tier). */
export function tierMeasure(tierId: string | null): MeasureSpec {
  return counted(`tier.${tierId ?? 'none'}`)
}

/** Works out a row's derived measures from its added-up ones. */
export function deriveRow(
  measures: readonly MeasureSpec[],
  values: Record<string, number | null>,
): Record<string, number | null> {
  const row = { ...values }
  for (const measure of measures) if (measure.derived) row[measure.key] = measure.derived(values)
  return row
}
