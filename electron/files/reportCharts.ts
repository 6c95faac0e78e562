/**
 * Each report section's chart as an ECharts option: a horizontal bar per branch or account manager,
 * stacked where the parts make a whole (on time + late). One definition serves the Reports page (canvas,
 * clickable) and the PDF (server-side SVG), so the printed chart is the one on the screen.
 */
import type { EChartsOption } from 'echarts'
import type { ReportRow, ReportTable } from '../api/contract'
import type { ReportSection } from '../domain/report'

type Unit = 'count' | 'yuan' | 'percent' | 'minutes'

interface ChartSpec {
  /** The measures drawn, stacked in this order; `tiers`: every tier measure of the section. */
  series: string[] | 'tiers'
  unit: Unit
}

const CHARTS: Record<ReportSection, ChartSpec> = {
  customers: { series: 'tiers', unit: 'count' },
  orders: { series: ['onTime', 'late'], unit: 'count' },
  slips: { series: ['provisioningFen', 'availabilityFen'], unit: 'yuan' },
  availability: { series: ['met', 'missed'], unit: 'count' },
  deliveries: { series: ['onTime', 'late'], unit: 'count' },
  followUps: { series: ['onTime', 'late'], unit: 'count' },
  compliance: { series: ['doneBp'], unit: 'percent' },
  churn: { series: ['handled', 'open'], unit: 'count' },
  complaints: { series: ['complaints'], unit: 'count' },
}

/** Green for what met the standard, red for what did not; the rest take the palette. */
const COLOURS: Record<string, string> = {
  onTime: '#389e0d',
  met: '#389e0d',
  handled: '#389e0d',
  late: '#cf1322',
  missed: '#cf1322',
  open: '#d48806',
}

export interface ChartLabels {
  /** A row's name: the branch's or manager's, or the "none assigned" label. */
  row: (key: string | null) => string
  measure: (key: string) => string
}

/** The measures a section's chart draws (its series ids are these keys). */
export function chartMeasures(table: ReportTable): string[] {
  const spec = CHARTS[table.section]
  return spec.series === 'tiers'
    ? table.measures.filter((measure) => measure.key.startsWith('tier.')).map((measure) => measure.key)
    : spec.series
}

function scaled(value: number | null, unit: Unit): number {
  if (value === null) return 0
  return unit === 'yuan' ? value / 100 : unit === 'percent' ? value / 100 : value
}

/** Room for every row's bar and name; the PDF and the page size the chart with it. */
export function chartHeight(rows: number): number {
  return 70 + Math.max(rows, 1) * 24
}

export function reportChartOption(
  table: ReportTable,
  rows: ReportRow[],
  labels: ChartLabels,
  options: { animation: boolean },
): EChartsOption {
  const { unit } = CHARTS[table.section]
  const measures = chartMeasures(table)
  return {
    animation: options.animation,
    // Unquoted: ECharts' SVG writes the family into a style attribute without escaping quotes.
    textStyle: { fontFamily: 'Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif' },
    legend: { top: 0, data: measures.map(labels.measure) },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      ...(unit === 'percent' && { max: 100, axisLabel: { formatter: '{value} %' } }),
      minInterval: unit === 'count' ? 1 : 0,
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => labels.row(row.key)),
      axisLabel: { width: 150, overflow: 'truncate' },
    },
    series: measures.map((key) => ({
      id: key,
      type: 'bar',
      name: labels.measure(key),
      stack: measures.length > 1 ? 'total' : undefined,
      barMaxWidth: 18,
      ...(COLOURS[key] && { itemStyle: { color: COLOURS[key] } }),
      data: rows.map((row) => scaled(row.values[key] ?? null, unit)),
    })),
  }
}
