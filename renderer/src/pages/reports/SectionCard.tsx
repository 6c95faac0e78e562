/**
 * One section of the report: its title and what it counts, its chart, and its table by branch or by
 * account manager with the total; every number opens the records behind it.
 */
import { Card, Empty, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import type { ReportMeasure, ReportRow, ReportTable } from '../../../../electron/api/contract'
import { useFigure, useReportLabels, type Owner } from './figures'
import type { Grouping } from './reportWindow'
import { SectionChart } from './SectionChart'

/** A number of the report whose records are asked for. */
export interface OpenedNumber {
  section: ReportTable['section']
  measure: string
  grouping: Owner
  key: string | null
}

interface Props {
  table: ReportTable
  grouping: Grouping
  onOpen: (opened: OpenedNumber) => void
  /** The page's scroll container, for the table's sticky header and scroll bar. */
  container: () => HTMLElement
}

const NAME_WIDTH = 200
const MEASURE_WIDTH = 110

/** Nothing counted in the window: no chart and no table of zeros. */
function isEmpty(table: ReportTable): boolean {
  return Object.values(table.total).every((value) => !value)
}

/**
 * Whether a number has records behind it: those of the measure it stands on (a share's denominator), or
 * its own when that measure is not a column (the outage minutes stand on the outages).
 */
function hasRecords(measure: ReportMeasure, values: Record<string, number | null>): boolean {
  const basis = measure.drill in values ? values[measure.drill] : values[measure.key]
  return Boolean(basis)
}

export function SectionCard({ table, grouping, onOpen, container }: Props) {
  const { t } = useTranslation()
  const figure = useFigure()
  const labels = useReportLabels()
  const { section } = table
  const rows = grouping === 'branch' ? table.byBranch : table.byManager

  const cell = (
    measure: ReportMeasure,
    values: Record<string, number | null>,
    owner: Owner,
    key: string | null,
  ) => {
    const text = figure(measure.kind, values[measure.key] ?? null)
    const testId = `report-${section}-${owner === 'total' ? 'total' : (key ?? 'none')}-${measure.key}`
    if (!hasRecords(measure, values))
      return (
        <span className="report-figure-none" data-testid={testId}>
          {text}
        </span>
      )
    return (
      <button
        type="button"
        className="report-figure"
        onClick={() => onOpen({ section, measure: measure.key, grouping: owner, key })}
        data-testid={testId}
      >
        {text}
      </button>
    )
  }

  const columns: ColumnsType<ReportRow> = [
    {
      key: 'name',
      title: t(`report.owners.${grouping}`),
      fixed: 'left',
      width: NAME_WIDTH,
      ellipsis: true,
      render: (_, row) => (
        <Typography.Text type={row.key === null ? 'secondary' : undefined}>
          {labels.owner(grouping, row.key)}
        </Typography.Text>
      ),
    },
    ...table.measures.map((measure) => ({
      key: measure.key,
      title: labels.measure(section, measure.key),
      align: 'right' as const,
      width: MEASURE_WIDTH,
      render: (_: unknown, row: ReportRow) => cell(measure, row.values, grouping, row.key),
    })),
  ]

  const summary = () => (
    <Table.Summary>
      <Table.Summary.Row className="report-total">
        <Table.Summary.Cell index={0}>{t('report.total')}</Table.Summary.Cell>
        {table.measures.map((measure, index) => (
          <Table.Summary.Cell key={measure.key} index={index + 1} align="right">
            {cell(measure, table.total, 'total', null)}
          </Table.Summary.Cell>
        ))}
      </Table.Summary.Row>
    </Table.Summary>
  )

  return (
    <Card
      id={`report-${section}`}
      className="report-section"
      size="small"
      title={labels.section(section)}
      data-testid={`report-section-${section}`}
    >
      <Typography.Paragraph type="secondary" className="report-note">
        {t(`report.notes.${section}`)}
      </Typography.Paragraph>
      {isEmpty(table) ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.empty')} />
      ) : (
        <>
          <SectionChart
            table={table}
            rows={rows}
            grouping={grouping}
            labels={labels}
            onOpen={(measure, row) => onOpen({ section, measure, grouping, key: row.key })}
          />
          <Table<ReportRow>
            size="small"
            bordered
            pagination={false}
            rowKey={(row) => row.key ?? 'none'}
            dataSource={rows}
            columns={columns}
            sticky={{ getContainer: container }}
            scroll={{ x: NAME_WIDTH + table.measures.length * MEASURE_WIDTH }}
            summary={summary}
            data-testid={`report-table-${section}`}
          />
        </>
      )}
    </Card>
  )
}
