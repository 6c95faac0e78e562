/**
 * 报表 (domain.md §6): the supervisors' report for a quarter or a range of days, by branch or by account
 * manager, one card per section with its chart and table. The window and grouping live in the route, so
 * that a reload and Back show the same figures; every number opens the records behind it.
 */
import { App, DatePicker, Form, Segmented, Select, Skeleton, Typography } from 'antd'
import dayjs from 'dayjs'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Report } from '../../../../electron/api/contract'
import { ApiError, call } from '../../api'
import { errorMessage, fieldMessage } from '../../errors'
import { useFormat } from '../../format'
import { navigate, type ReportQuery } from '../../router'
import { isoDay } from '../delivery/shared'
import { useReportLabels } from './figures'
import { RecordsDrawer } from './RecordsDrawer'
import { ReportExport } from './ReportExport'
import {
  deskToday,
  groupingOf,
  quarterOf,
  quartersOffered,
  reportQuery,
  windowOf,
  type Grouping,
  type ReportWindow,
} from './reportWindow'
import { SectionCard, type OpenedNumber } from './SectionCard'
import './reports.css'

type Mode = 'quarter' | 'range'

/** The report for the window, or the window's field errors when the main process refuses it. */
function useReport(window: ReportWindow) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { from, to } = window
  const asked = `${from}/${to}`
  // Tagged with the window asked for, so that another window shows as loading, not as the last one.
  const [answer, setAnswer] = useState<{ asked: string; report: Report | null; errors: string[] } | null>(
    null,
  )
  useEffect(() => {
    let live = true
    call('report.get', { from, to })
      .then((report) => live && setAnswer({ asked, report, errors: [] }))
      .catch((error: unknown) => {
        if (!live) return
        const fields = error instanceof ApiError ? (error.data.fields ?? []) : []
        setAnswer({ asked, report: null, errors: fields.map((field) => fieldMessage(t, field)) })
        if (!fields.length) void message.error(errorMessage(t, error))
      })
    return () => {
      live = false
    }
  }, [asked, from, to, t, message])
  const current = answer?.asked === asked ? answer : null
  return {
    report: current?.report ?? null,
    windowErrors: current?.errors ?? [],
    failed: Boolean(current && !current.report),
  }
}

export function ReportsPage({ query }: { query?: ReportQuery | undefined }) {
  const { t } = useTranslation()
  const format = useFormat()
  const labels = useReportLabels()
  const [today] = useState(deskToday)
  const window = windowOf(query, today)
  const grouping = groupingOf(query)
  const mode: Mode = window.quarter ? 'quarter' : 'range'
  const { report, windowErrors, failed } = useReport(window)
  const [opened, setOpened] = useState<OpenedNumber | null>(null)
  const page = useRef<HTMLDivElement>(null)
  const container = useCallback(() => page.current ?? document.body, [])

  const show = (next: ReportWindow, by: Grouping = grouping) =>
    navigate({ page: 'reports', query: reportQuery(next, by) })
  const changeMode = (next: Mode) =>
    show(next === 'range' ? { ...window, quarter: null } : quarterOf(window.from))

  return (
    <div className="desk-page report-page" ref={page} data-testid="reports">
      <div className="report-bar">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('report.title')}
        </Typography.Title>
        <Segmented<Mode>
          value={mode}
          onChange={changeMode}
          options={[
            { value: 'quarter', label: t('report.window.quarter') },
            { value: 'range', label: t('report.window.range') },
          ]}
          data-testid="report-window-mode"
        />
        <Form.Item
          className="report-window"
          validateStatus={windowErrors.length ? 'error' : undefined}
          help={
            windowErrors.length ? (
              <span data-testid="report-window-error">{windowErrors.join(' ')}</span>
            ) : undefined
          }
        >
          {mode === 'quarter' ? (
            <Select
              style={{ width: 180 }}
              value={window.quarter}
              onChange={(key: string) => show(windowOf({ quarter: key }, today))}
              options={quartersOffered(window, today).map(({ quarter }) => ({
                value: quarter,
                label: t('report.window.quarterOption', {
                  year: quarter?.slice(0, 4),
                  quarter: quarter?.slice(5),
                }),
              }))}
              aria-label={t('report.window.quarter')}
              data-testid="report-quarter"
            />
          ) : (
            <DatePicker.RangePicker
              allowClear={false}
              value={[dayjs(window.from), dayjs(window.to)]}
              onChange={(range) => {
                const [from, to] = [isoDay(range?.[0]), isoDay(range?.[1])]
                if (from && to) show({ from, to, quarter: null })
              }}
              aria-label={t('report.window.range')}
              data-testid="report-range"
            />
          )}
        </Form.Item>
        <Segmented<Grouping>
          value={grouping}
          onChange={(next) => show(window, next)}
          options={[
            { value: 'branch', label: t('report.groupings.branch') },
            { value: 'manager', label: t('report.groupings.manager') },
          ]}
          data-testid="report-grouping"
        />
        <div style={{ flex: 1 }} />
        <ReportExport window={window} />
      </div>
      <Typography.Text type="secondary" className="report-window-line" data-testid="report-as-of">
        {t('report.window.label', { from: format.date(window.from), to: format.date(window.to) })}
        {report && ` · ${t('report.window.asOf', { date: format.date(report.asOf) })}`}
        {' · '}
        {t('report.drillHint')}
      </Typography.Text>
      {report && (
        <nav className="report-contents" aria-label={t('report.pdf.contents')}>
          {report.sections.map((table) => (
            <button
              key={table.section}
              type="button"
              onClick={() =>
                document.getElementById(`report-${table.section}`)?.scrollIntoView({ behavior: 'smooth' })
              }
              data-testid={`report-toc-${table.section}`}
            >
              {labels.section(table.section)}
            </button>
          ))}
        </nav>
      )}
      {failed ? null : !report ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : (
        report.sections.map((table) => (
          <SectionCard
            key={table.section}
            table={table}
            grouping={grouping}
            onOpen={setOpened}
            container={container}
          />
        ))
      )}
      <RecordsDrawer window={window} opened={opened} onClose={() => setOpened(null)} />
    </div>
  )
}
