/**
 * The records behind one number of the report (its first 2,000), each opening its customer's page at
 * the tab that shows it.
 */
import { App, Drawer, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportRecord, ReportRecords } from '../../../../electron/api/contract'
import { call } from '../../api'
import { errorMessage } from '../../errors'
import { navigate, routeHash } from '../../router'
import { useFigure, useRecordDate, useReportLabels } from './figures'
import type { ReportWindow } from './reportWindow'
import type { OpenedNumber } from './SectionCard'

const PAGE_SIZE = 50

const customerRoute = (record: ReportRecord) =>
  ({ page: 'customer', id: record.customerId, tab: record.tab }) as const

export function RecordsDrawer({
  window,
  opened,
  onClose,
}: {
  window: ReportWindow
  opened: OpenedNumber | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const labels = useReportLabels()
  const figure = useFigure()
  const recordDate = useRecordDate()
  // Tagged with the number asked about, so that the next number shows as loading, not as the last one.
  const [answer, setAnswer] = useState<{ opened: OpenedNumber; records: ReportRecords } | null>(null)
  const records = answer && answer.opened === opened ? answer.records : null
  const { from, to } = window

  useEffect(() => {
    if (!opened) return
    let live = true
    call('report.records', { from, to, ...opened })
      .then((next) => live && setAnswer({ opened, records: next }))
      .catch((error: unknown) => {
        // The drawer stops loading: an empty list under the error, not a spinner for ever.
        if (live) setAnswer({ opened, records: { figureKind: null, rows: [], total: 0 } })
        void message.error(errorMessage(t, error))
      })
    return () => {
      live = false
    }
  }, [opened, from, to, message, t])

  const columns: ColumnsType<ReportRecord> = [
    {
      key: 'customer',
      title: t('report.records.customer'),
      ellipsis: true,
      render: (_, record) => <a href={routeHash(customerRoute(record))}>{record.customerName}</a>,
    },
    { key: 'code', title: t('report.records.code'), dataIndex: 'customerCode', width: 120 },
    {
      key: 'reference',
      title: t('report.records.reference'),
      dataIndex: 'reference',
      width: 170,
      ellipsis: true,
    },
    {
      key: 'date',
      title: t('report.records.date'),
      width: 150,
      render: (_, record) => recordDate(record.date),
    },
    {
      key: 'status',
      title: t('report.records.status'),
      width: 120,
      render: (_, record) =>
        record.status === null ? '' : t(`report.statuses.${record.status}`, { defaultValue: record.status }),
    },
    ...(records?.figureKind
      ? [
          {
            key: 'figure',
            title: t('report.records.figure'),
            align: 'right' as const,
            width: 130,
            render: (_: unknown, record: ReportRecord) => figure(records.figureKind, record.figure),
          },
        ]
      : []),
  ]

  const count =
    records &&
    (records.total > records.rows.length
      ? t('report.records.shownSome', {
          total: figure('count', records.total),
          shown: figure('count', records.rows.length),
        })
      : t('report.records.shown', { total: figure('count', records.total) }))

  return (
    <Drawer
      open={opened !== null}
      onClose={onClose}
      size={960}
      title={
        opened &&
        t('report.records.title', {
          section: labels.section(opened.section),
          measure: labels.measure(opened.section, opened.measure),
          owner: labels.owner(opened.grouping, opened.key),
        })
      }
      data-testid="report-records"
    >
      <Typography.Paragraph type="secondary" data-testid="report-records-count">
        {count}
      </Typography.Paragraph>
      <Table<ReportRecord>
        size="small"
        loading={!records}
        rowKey="id"
        dataSource={records?.rows ?? []}
        columns={columns}
        pagination={{ pageSize: PAGE_SIZE, showSizeChanger: false, hideOnSinglePage: true }}
        onRow={(record) => ({ onClick: () => navigate(customerRoute(record)), className: 'report-record' })}
        locale={{ emptyText: t('report.records.empty') }}
      />
    </Drawer>
  )
}
