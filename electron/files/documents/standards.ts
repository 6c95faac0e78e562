/**
 * The service standards matrix on paper (A4 landscape): one row per item, grouped by class and
 * audience, one column per tier, each cell saying whether and how much the tier gets.
 */
import type { StandardsMatrix, TierOption } from '../../api/contract'
import { documentHtml, escapeHtml } from './frame'

type Language = 'zh-CN' | 'en'

const TEXT = {
  'zh-CN': {
    title: '集团客户分层分级服务标准',
    item: '服务项目',
    classes: { basic: '基础服务', value_added: '增值服务', extended: '延伸服务' },
    audiences: { organisation: '集团', contact: '关键联系人' },
    none: '—',
    provided: '提供',
    periods: { ten_days: '旬', month: '月', quarter: '季', year: '年' },
    times: (count: number, period: string) => `每${period} ${count} 次`,
    hours: (hours: number) => `${hours} 小时内响应`,
    contactClasses: { core: '核心', important: '重要', ordinary: '普通' },
  },
  en: {
    title: 'Tiered service standards for group customers',
    item: 'Service item',
    classes: { basic: 'Basic', value_added: 'Value-added', extended: 'Extended' },
    audiences: { organisation: 'Organisation', contact: 'Key contacts' },
    none: '—',
    provided: 'Provided',
    periods: { ten_days: 'ten days', month: 'month', quarter: 'quarter', year: 'year' },
    times: (count: number, period: string) => `${count} per ${period}`,
    hours: (hours: number) => `response within ${hours} h`,
    contactClasses: { core: 'core', important: 'important', ordinary: 'ordinary' },
  },
} as const

/** What one tier gets of one item, as a cell of the matrix (also what the screen shows). */
export function standardText(
  standard: StandardsMatrix['standards'][number] | undefined,
  language: Language,
): string {
  const t = TEXT[language]
  if (!standard?.provided) return t.none
  const parts = [
    standard.frequency && standard.period
      ? t.times(standard.frequency, t.periods[standard.period])
      : t.provided,
    ...(standard.responseHours ? [t.hours(standard.responseHours)] : []),
    ...(standard.coverage
      ? [
          standard.coverage
            .split(',')
            .map((name) => t.contactClasses[name as keyof typeof t.contactClasses] ?? name)
            .join(language === 'en' ? ', ' : '、'),
        ]
      : []),
    ...((language === 'en' ? standard.degreeEn : standard.degreeZh)
      ? [(language === 'en' ? standard.degreeEn : standard.degreeZh)!]
      : []),
  ]
  return parts.join(language === 'en' ? '; ' : '；')
}

export function standardsHtml(matrix: StandardsMatrix, tiers: TierOption[], language: Language): string {
  const t = TEXT[language]
  const name = (entry: { nameZh?: string; nameEn?: string; labelZh?: string; labelEn?: string }) =>
    language === 'en' ? (entry.nameEn ?? entry.labelEn ?? '') : (entry.nameZh ?? entry.labelZh ?? '')
  const head = `<tr><th>${escapeHtml(t.item)}</th>${tiers.map((tier) => `<th>${escapeHtml(name(tier))}</th>`).join('')}</tr>`
  let group = ''
  const rows = matrix.items.map((item) => {
    const heading = `${t.classes[item.itemClass]} · ${t.audiences[item.audience]}`
    const groupRow =
      heading === group
        ? ''
        : `<tr class="group"><th colspan="${tiers.length + 1}">${escapeHtml((group = heading))}</th></tr>`
    const cells = tiers.map((tier) => {
      const standard = matrix.standards.find((entry) => entry.itemId === item.id && entry.tierId === tier.id)
      return `<td>${escapeHtml(standardText(standard, language))}</td>`
    })
    return `${groupRow}<tr><td class="label">${escapeHtml(name(item))}</td>${cells.join('')}</tr>`
  })
  const body = `
<style>
@page { size: A4 landscape; margin: 12mm; }
table.matrix { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
table.matrix th, table.matrix td { border: 0.6pt solid #666; padding: 1.6mm 2mm; vertical-align: top; }
table.matrix tr { break-inside: avoid; }
table.matrix tr.group { break-after: avoid; }
table.matrix tr.group th { background: #e8eef6; text-align: left; }
table.matrix td.label { font-weight: 700; white-space: nowrap; }
</style>
<h1>${escapeHtml(t.title)}</h1>
<table class="matrix">${head}${rows.join('')}</table>`
  return documentHtml({ title: t.title, language, body })
}
