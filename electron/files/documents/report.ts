/**
 * The supervisors' report on paper: A4 landscape (the openings section has 13 figures a row, too many
 * for a portrait page at a readable size), a cover with the window, the date and a list of the sections,
 * then each section from a new page: its note, its chart by branch as inline SVG, the table by branch and
 * the table by account manager, each with its total. Every page carries "Page N of M" in its bottom
 * margin (a CSS page-margin box, which Chromium prints; no header template needed in the ports).
 */
import * as echarts from 'echarts'
import type { Language, Report, ReportRow, ReportTable } from '../../api/contract'
import type { MeasureKind, ReportSection } from '../../domain/report'
import * as reportStrings from '../../../renderer/src/i18n/areas/report'
import { chartHeight, reportChartOption } from '../reportCharts'
import { documentHtml, escapeHtml, SANS } from './frame'

export type ReportStrings = typeof reportStrings.zh
export const REPORT_STRINGS: Record<Language, ReportStrings> = {
  'zh-CN': reportStrings.zh,
  en: reportStrings.en,
}

export type Grouping = 'branch' | 'manager'

/** The words of a report in one language: the area's strings, and the names of its rows and columns. */
export interface ReportWording {
  language: Language
  s: ReportStrings
  /** The department the report is issued by. */
  issuer: string
  /** A row's name: the branch's or manager's, or the "none assigned" label for a null key. */
  row(grouping: Grouping, key: string | null): string
  /** A column's label; a tier measure's is the tier's. */
  measure(section: ReportSection, key: string): string
}

/** Fills `{{name}}` placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''))
}

/** "2026 年第 3 季度（2026-07-01 至 2026-09-30）", or the range alone when it is not a quarter. */
export function windowText(
  report: Pick<Report, 'from' | 'to' | 'quarter'>,
  wording: Pick<ReportWording, 's' | 'language'>,
): string {
  const { s } = wording
  const range = fill(s.window.label, { from: report.from, to: report.to })
  if (!report.quarter) return range
  const [year, quarter] = report.quarter.split('Q')
  const name = fill(s.window.quarterOption, { year: year!, quarter: quarter! })
  return wording.language === 'en' ? `${name} (${range})` : `${name}（${range}）`
}

/** A figure as the screen shows it: money in yuan, shares and availability in per cent. */
export function measureText(kind: MeasureKind, value: number | null, language: Language): string {
  if (value === null) return '—'
  const digits = (count: number) =>
    new Intl.NumberFormat(language, { minimumFractionDigits: count, maximumFractionDigits: count })
  switch (kind) {
    case 'fen':
      return `¥${digits(2).format(value / 100)}`
    case 'bp':
      return `${digits(2).format(value / 100)}%`
    case 'ppm':
      // Cut, not rounded, as on the page: 99.9785 % must not print as 99.979 %.
      return `${digits(3).format(Math.floor(value / 10) / 1000)}%`
    case 'score':
      return digits(2).format(value / 100)
    default:
      return digits(0).format(value)
  }
}

/** Width of a section's chart in CSS pixels: the landscape page's text width. */
const CHART_WIDTH = 1000
const LABEL_WIDTH = 240

/** A section's chart by branch as SVG, drawn by ECharts without a browser (no animation, no script). */
export function chartSvg(table: ReportTable, wording: ReportWording): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH,
    height: chartHeight(table.byBranch.length),
  })
  try {
    chart.setOption(
      reportChartOption(
        table,
        table.byBranch,
        {
          row: (key) => wording.row('branch', key),
          measure: (key) => wording.measure(table.section, key),
        },
        { animation: false },
      ),
    )
    // The page is wider than the screen's card: room for a long branch name in full.
    chart.setOption({ yAxis: { axisLabel: { width: LABEL_WIDTH } } })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/** A CSS `content` value from a template with {{page}} and {{pages}}: text as strings, those as counters. */
function pageCounterContent(template: string): string {
  return template
    .split(/(\{\{pages?\}\})/)
    .filter(Boolean)
    .map((part) =>
      part === '{{page}}'
        ? 'counter(page)'
        : part === '{{pages}}'
          ? 'counter(pages)'
          : `"${part.replace(/[\\"<]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`,
    )
    .join(' ')
}

function style(s: ReportStrings): string {
  return `
@page { size: A4 landscape; margin: 12mm 12mm 14mm;
  @bottom-center { content: ${pageCounterContent(s.pdf.page)}; font-family: ${SANS}; font-size: 8.5pt; color: #444; } }
section.part { break-before: page; }
.cover { padding-top: 30mm; }
.cover .issuer { text-align: center; font-size: 13pt; font-weight: 700; letter-spacing: 0.1em; }
.cover h1 { font-size: 24pt; margin: 6mm 0 12mm; }
.cover table.meta { width: 60%; margin: 0 auto 12mm; font-size: 10.5pt; }
.cover table.meta th { width: 30%; }
.cover .contents { width: 60%; margin: 0 auto; }
.cover ol { font-family: ${SANS}; margin: 2mm 0; padding-left: 7mm; line-height: 1.9; }
section.part h2 { font-size: 14pt; margin: 0 0 1.5mm; }
section.part h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.chart svg { display: block; width: 100%; height: auto; }
table.figures { font-size: 8.5pt; }
table.figures thead { display: table-header-group; }
table.figures th { text-align: center; vertical-align: bottom; }
table.figures th.name { text-align: left; }
table.figures td.name { white-space: nowrap; }
table.figures tr.total td { font-size: 8.5pt; border-top: 1.4pt solid #111; }
`
}

function figuresTable(table: ReportTable, grouping: Grouping, wording: ReportWording): string {
  const { s, language } = wording
  const head = table.measures
    .map((measure) => `<th>${escapeHtml(wording.measure(table.section, measure.key))}</th>`)
    .join('')
  const line = (name: string, values: ReportRow['values'], total = false) =>
    `<tr${total ? ' class="total"' : ''}><td class="name">${escapeHtml(name)}</td>${table.measures
      .map(
        (measure) =>
          `<td class="amount">${escapeHtml(measureText(measure.kind, values[measure.key] ?? null, language))}</td>`,
      )
      .join('')}</tr>`
  const rows = (grouping === 'branch' ? table.byBranch : table.byManager).map((row) =>
    line(wording.row(grouping, row.key), row.values),
  )
  return `<h3>${escapeHtml(s.groupings[grouping])}</h3>
<table class="figures"><thead><tr><th class="name">${escapeHtml(s.columns.name)}</th>${head}</tr></thead>
<tbody>${rows.join('')}${line(s.total, table.total, true)}</tbody></table>`
}

function cover(report: Report, wording: ReportWording): string {
  const { s } = wording
  const pair = (label: string, value: string) =>
    `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`
  return `<section class="cover">
<div class="issuer">${escapeHtml(wording.issuer)}</div>
<h1>${escapeHtml(s.documentTitle)}</h1>
<table class="meta">${pair(s.pdf.cover, windowText(report, wording))}${pair(s.pdf.generated, report.asOf)}${pair(s.pdf.issuer, wording.issuer)}</table>
<div class="contents"><h2>${escapeHtml(s.pdf.contents)}</h2>
<ol>${report.sections.map((table) => `<li>${escapeHtml(s.sections[table.section])}</li>`).join('')}</ol></div>
</section>`
}

/** The whole document; `charts` holds each section's SVG (from `chartSvg`), in the report's order. */
export function reportHtml(report: Report, wording: ReportWording, charts: string[]): string {
  const { s } = wording
  const parts = report.sections.map(
    (table, index) => `<section class="part">
<h2>${index + 1}. ${escapeHtml(s.sections[table.section])}</h2>
<p class="note">${escapeHtml(s.notes[table.section])}</p>
<div class="chart">${charts[index] ?? ''}</div>
${figuresTable(table, 'branch', wording)}
${figuresTable(table, 'manager', wording)}
</section>`,
  )
  return documentHtml({
    title: `${s.documentTitle} ${report.quarter ?? `${report.from}–${report.to}`}`,
    language: wording.language,
    body: cover(report, wording) + parts.join('\n'),
    style: style(s),
  })
}
