/**
 * How one cell of the standards matrix reads: the same wording as the printed matrix
 * (electron/files/documents/standards.ts), in parts so that the screen can set them on lines.
 */
import type { TFunction } from 'i18next'
import type { ServiceItemRecord, StandardRecord } from '../../../../electron/api/contract'

export const CLASSES = ['basic', 'value_added', 'extended'] as const
export const AUDIENCES = ['organisation', 'contact'] as const
export const CONTACT_CLASSES = ['core', 'important', 'ordinary'] as const

export interface CellText {
  /** The frequency ("每月 2 次"), or just "provided". */
  main: string
  /** Response time, contacts covered, degree: each on its own line. */
  details: string[]
}

/** What a tier gets of an item; null when it is not provided (or there is no standard at all). */
export function cellText(
  standard: StandardRecord | undefined,
  t: TFunction,
  language: string,
): CellText | null {
  if (!standard?.provided) return null
  const main =
    standard.frequency && standard.period
      ? t('plans.standards.times', {
          count: standard.frequency,
          period: t(`plans.standards.periods.${standard.period}`),
        })
      : t('plans.standards.provided')
  const details: string[] = []
  if (standard.responseHours) details.push(t('plans.standards.hours', { hours: standard.responseHours }))
  const covered = coverageList(standard.coverage)
  if (covered.length > 0) {
    const names = covered.map((name) =>
      (CONTACT_CLASSES as readonly string[]).includes(name)
        ? t(`plans.standards.contactClasses.${name}`)
        : name,
    )
    details.push(t('plans.standards.coverage', { classes: names.join(t('plans.standards.listSeparator')) }))
  }
  const degree = language === 'en' ? standard.degreeEn : standard.degreeZh
  if (degree) details.push(degree)
  return { main, details }
}

export function coverageList(coverage: string | null): string[] {
  return (coverage ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
}

/** The items grouped by class, then audience, each group in the items' own order. */
export function groupItems(items: ServiceItemRecord[]): {
  itemClass: ServiceItemRecord['itemClass']
  audience: ServiceItemRecord['audience']
  items: ServiceItemRecord[]
}[] {
  return CLASSES.flatMap((itemClass) =>
    AUDIENCES.map((audience) => ({
      itemClass,
      audience,
      items: items
        .filter((item) => item.itemClass === itemClass && item.audience === audience)
        .sort((a, b) => a.sortOrder - b.sortOrder),
    })),
  ).filter((group) => group.items.length > 0)
}
