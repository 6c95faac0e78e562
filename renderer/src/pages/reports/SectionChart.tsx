/**
 * A section's chart on the page: the option the PDF prints too (electron/files/reportCharts.ts), drawn on
 * a canvas; a bar opens the records behind it. Only the parts of ECharts the report uses are loaded.
 *
 * Drawn with ECharts directly: echarts-for-react 3.0.6 imports `tslib` without depending on it
 * (hustcc/echarts-for-react#512), so it cannot be bundled here.
 */
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer } from 'echarts/renderers'
import { useEffect, useMemo, useRef } from 'react'
import type { ReportRow, ReportTable } from '../../../../electron/api/contract'
import { chartHeight, reportChartOption } from '../../../../electron/files/reportCharts'
import type { ReportLabels } from './figures'
import type { Grouping } from './reportWindow'

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer])

interface Props {
  table: ReportTable
  rows: ReportRow[]
  grouping: Grouping
  labels: ReportLabels
  /** A bar clicked: its measure (the series id) and its row. */
  onOpen: (measure: string, row: ReportRow) => void
}

export function SectionChart({ table, rows, grouping, labels, onOpen }: Props) {
  const option = useMemo(
    () =>
      reportChartOption(
        table,
        rows,
        {
          row: (key) => labels.owner(grouping, key),
          measure: (key) => labels.measure(table.section, key),
        },
        { animation: true },
      ),
    [table, rows, grouping, labels],
  )
  const chart = useChart(option, (params) => {
    const row = rows[params.dataIndex ?? -1]
    if (params.seriesId && row) onOpen(params.seriesId, row)
  })
  return (
    <div
      ref={chart}
      style={{ height: chartHeight(rows.length), width: '100%' }}
      data-testid={`report-chart-${table.section}`}
    />
  )
}

type ClickParams = { seriesId?: string; dataIndex?: number }

/** An ECharts instance in the element: drawn anew on each option, sized with the element, disposed with it. */
function useChart(option: echarts.EChartsCoreOption, onClick: (params: ClickParams) => void) {
  const element = useRef<HTMLDivElement>(null)
  const instance = useRef<echarts.ECharts | null>(null)
  const click = useRef(onClick)
  useEffect(() => {
    click.current = onClick
  })
  useEffect(() => {
    const chart = echarts.init(element.current!)
    instance.current = chart
    chart.on('click', (params) => click.current(params as ClickParams))
    const resize = new ResizeObserver(() => chart.resize())
    resize.observe(element.current!)
    return () => {
      resize.disconnect()
      chart.dispose()
      instance.current = null
    }
  }, [])
  useEffect(() => {
    instance.current?.setOption(option, { notMerge: true })
  }, [option])
  return element
}
