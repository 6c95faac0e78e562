/**
 * How the report reads: each number by its kind (a count, an amount, a share, an availability, a score)
 * and the names of its sections, columns and rows in the operator's language.
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeasureKind, ReportSection } from '../../../../electron/api/contract'
import { useFormat } from '../../format'
import { label, useSession } from '../../session'

/** Whose records a number counts: a branch's, an account manager's, or everyone's. */
export type Owner = 'branch' | 'manager' | 'total'

const NO_FIGURE = '—'

/** A number of the report as text: shares and availability cut (never rounded up to meet a target). */
export function useFigure(): (kind: MeasureKind | null, value: number | null) => string {
  const { i18n } = useTranslation()
  const format = useFormat()
  return useMemo(() => {
    const percent = (digits: number) =>
      new Intl.NumberFormat(i18n.language, {
        style: 'percent',
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        roundingMode: 'trunc',
      })
    const bp = percent(2)
    const ppm = percent(3)
    const score = new Intl.NumberFormat(i18n.language, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    return (kind, value) => {
      if (value === null) return NO_FIGURE
      if (kind === 'fen') return format.money(value)
      if (kind === 'bp') return bp.format(value / 10_000)
      if (kind === 'ppm') return ppm.format(value / 1_000_000)
      if (kind === 'score') return score.format(value / 100)
      return format.count(value)
    }
  }, [i18n.language, format])
}

/** A record's date: a day, a month (an availability slip's) or an instant (a customer file's last change). */
export function useRecordDate(): (value: string | null) => string {
  const { i18n } = useTranslation()
  const format = useFormat()
  return useMemo(() => {
    const month = new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'long', timeZone: 'UTC' })
    return (value) => {
      if (!value) return ''
      if (value.includes('T')) return format.instant(value)
      if (/^\d{4}-\d{2}$/.test(value)) return month.format(new Date(`${value}-01T00:00:00Z`))
      return format.date(value)
    }
  }, [i18n.language, format])
}

export interface ReportLabels {
  section: (section: ReportSection) => string
  /** A column: a tier's measure takes the tier's own label. */
  measure: (section: ReportSection, key: string) => string
  /** A row: the branch's or manager's name, "none assigned", or the total. */
  owner: (owner: Owner, key: string | null) => string
}

export function useReportLabels(): ReportLabels {
  const { t, i18n } = useTranslation()
  const { lookups } = useSession()
  return useMemo(() => {
    const tier = (id: string) => lookups.tiers.find((entry) => entry.id === id)
    const branch = (id: string) => lookups.branches.find((entry) => entry.id === id)
    const manager = (id: string) => lookups.accountManagers.find((entry) => entry.id === id)
    return {
      section: (section) => t(`report.sections.${section}`),
      measure: (section, key) => {
        const tierId = key.startsWith('tier.') && key !== 'tier.none' ? key.slice(5) : null
        if (tierId) return label(tier(tierId), i18n.language) || key
        return t(`report.measures.${section}.${key}`, { defaultValue: key })
      },
      owner: (owner, key) => {
        if (owner === 'total') return t('report.total')
        if (key === null) return t(owner === 'branch' ? 'report.noBranch' : 'report.noManager')
        const name = owner === 'branch' ? label(branch(key), i18n.language) : manager(key)?.name
        return name || t('myday.unknown')
      },
    }
  }, [t, i18n.language, lookups])
}
