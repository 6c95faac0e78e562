/** What the plan, activity and compliance screens share: item names, period labels, kind tags. */
import { Tag } from 'antd'
import dayjs from 'dayjs'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ServiceItemRecord } from '../../../../electron/api/contract'
import { call } from '../../api'

/** The order items are grouped in: class first, then audience. */
export const ITEM_CLASSES = ['basic', 'value_added', 'extended'] as const
export const AUDIENCES = ['organisation', 'contact'] as const
/** The kinds the compliance block offers one-click entry for. */
export const QUICK_KINDS = ['visit', 'call', 'greeting', 'complaint'] as const
export const COMPLIANCE_KINDS = ['ten_days', 'month', 'quarter'] as const
export type ComplianceKind = (typeof COMPLIANCE_KINDS)[number]

const KIND_COLOURS: Record<string, string> = {
  visit: 'blue',
  call: 'cyan',
  greeting: 'magenta',
  complaint: 'volcano',
  event: 'purple',
  trial: 'geekblue',
  other: 'default',
}

export function KindTag({ kind }: { kind: string }) {
  const { t } = useTranslation()
  return <Tag color={KIND_COLOURS[kind] ?? 'default'}>{t(`plans.kinds.${kind}`, { defaultValue: kind })}</Tag>
}

/** Today on this PC, as the `YYYY-MM-DD` the API takes. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD')
}

/** The service items (from the standards matrix), with each one's name in the current language. */
export function useServiceItems() {
  const { i18n } = useTranslation()
  const [items, setItems] = useState<ServiceItemRecord[]>([])
  useEffect(() => {
    let current = true
    void call('standards.get').then((matrix) => {
      if (current) setItems(matrix.items)
    })
    return () => {
      current = false
    }
  }, [])
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items])
  const english = i18n.language === 'en'
  const name = useCallback(
    (id: string | null | undefined) => {
      const item = id ? byId.get(id) : undefined
      return item ? (english ? item.nameEn : item.nameZh) : ''
    },
    [byId, english],
  )
  return { items, byId, name }
}

/**
 * A period key as people say it: `2026-11-2` → 11月中旬 / Nov, 11th–20th; `2026-11` → 2026年11月;
 * `2026Q4` → 2026年第4季度; `2026` → 2026年.
 */
export function usePeriodLabel() {
  const { t, i18n } = useTranslation()
  return useMemo(() => {
    const language = i18n.language
    const monthShort = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' })
    const monthLong = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' })
    const ordinal = new Intl.PluralRules(language, { type: 'ordinal' })
    const at = (year: number, month: number) => new Date(Date.UTC(year, month - 1, 1))
    return (key: string): string => {
      let match = /^(\d{4})-(\d{2})-([123])$/.exec(key)
      if (match) {
        const [year, month, part] = [Number(match[1]), Number(match[2]), match[3]!]
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
        const end = `${last}${t(`plans.compliance.ordinal.${ordinal.select(last)}`)}`
        return t('plans.compliance.periodKey.tenDays', {
          month: monthShort.format(at(year, month)),
          part: t(`plans.compliance.periodKey.part${part}`, { end }),
        })
      }
      match = /^(\d{4})-(\d{2})$/.exec(key)
      if (match) return monthLong.format(at(Number(match[1]), Number(match[2])))
      match = /^(\d{4})Q([1-4])$/.exec(key)
      if (match) return t('plans.compliance.periodKey.quarter', { year: match[1], quarter: match[2] })
      if (/^\d{4}$/.test(key)) return t('plans.compliance.periodKey.year', { year: key })
      return key
    }
  }, [t, i18n.language])
}

/** A share in basis points as a percentage (33.33 %), or a dash when nothing fell due. */
export function useShareText() {
  const { t, i18n } = useTranslation()
  return useMemo(() => {
    const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 })
    return (shareBp: number | null) =>
      shareBp === null
        ? t('plans.compliance.noShare')
        : t('plans.compliance.percent', { value: number.format(shareBp / 100) })
  }, [t, i18n.language])
}
