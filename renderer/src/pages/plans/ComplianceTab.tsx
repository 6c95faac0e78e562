/**
 * Plan compliance across the desk (Service area): standard actions done against targets over a
 * ten-day period, month or quarter, by customer, account manager or branch, the worst kept on top.
 */
import type { ColDef } from 'ag-grid-community'
import { App, Progress, Segmented, Space, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ComplianceRow } from '../../../../electron/api/contract'
import { call } from '../../api'
import { Grid } from '../../components/Grid'
import { errorMessage } from '../../errors'
import { useFormat } from '../../format'
import { label, useSession } from '../../session'
import { PeriodPicker, shareStatus } from './CustomerCompliance'
import { usePeriodLabel, useShareText, type ComplianceKind } from './shared'

const GROUPS = ['customer', 'manager', 'branch'] as const
type Group = (typeof GROUPS)[number]

interface Row extends ComplianceRow {
  id: string
  name: string
}

/** Worst share first; groups with nothing due go last. */
function byShare(a: Row, b: Row): number {
  if (a.shareBp === null || b.shareBp === null) return Number(a.shareBp === null) - Number(b.shareBp === null)
  return a.shareBp - b.shareBp || b.target - a.target || a.name.localeCompare(b.name)
}

export function ComplianceTab() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const format = useFormat()
  const { lookups } = useSession()
  const periodLabel = usePeriodLabel()
  const shareText = useShareText()
  const [query, setQuery] = useState<{ kind: ComplianceKind; date: Dayjs; group: Group }>(() => ({
    kind: 'month',
    date: dayjs(),
    group: 'manager',
  }))
  const [loaded, setLoaded] = useState<{ group: Group; rows: ComplianceRow[] } | null>(null)
  const date = query.date.format('YYYY-MM-DD')

  useEffect(() => {
    let current = true
    call('compliance.summary', { periodKind: query.kind, date, groupBy: query.group })
      .then((rows) => current && setLoaded({ group: query.group, rows }))
      .catch((error: unknown) => void message.error(errorMessage(t, error)))
    return () => {
      current = false
    }
  }, [query.kind, query.group, date, message, t])

  const rows = useMemo<Row[]>(() => {
    if (!loaded) return []
    const nameOf = (row: ComplianceRow) => {
      if (row.key === null) return t('plans.compliance.unassigned')
      if (loaded.group === 'branch')
        return label(
          lookups.branches.find((branch) => branch.id === row.key),
          i18n.language,
        )
      return row.label ?? ''
    }
    return loaded.rows.map((row) => ({ ...row, id: row.key ?? '', name: nameOf(row) })).sort(byShare)
  }, [loaded, lookups.branches, i18n.language, t])

  const columns = useMemo<ColDef<Row>[]>(() => {
    const number = (field: 'customers' | 'done' | 'target' | 'overdue', width = 110): ColDef<Row> => ({
      colId: field,
      headerName: t(`plans.compliance.columns.${field}`),
      width,
      type: 'rightAligned',
      valueGetter: ({ data }) => format.count(data?.[field]),
    })
    return [
      {
        colId: 'name',
        headerName: t(`plans.compliance.groupName.${loaded?.group ?? query.group}`),
        flex: 1,
        minWidth: 200,
        valueGetter: ({ data }) => data?.name,
        cellStyle: ({ data }) => (data?.key === null ? { color: '#8c8c8c' } : null),
      },
      ...(loaded?.group === 'customer' ? [] : [number('customers')]),
      number('done'),
      number('target'),
      {
        colId: 'share',
        headerName: t('plans.compliance.columns.share'),
        width: 240,
        cellRenderer: ({ data }: { data?: Row }) =>
          data ? (
            <div style={{ display: 'flex', alignItems: 'center', gap: 8, height: '100%' }}>
              <Progress
                percent={data.shareBp === null ? 0 : data.shareBp / 100}
                status={shareStatus(data.shareBp)}
                showInfo={false}
                size="small"
                style={{ flex: 1, margin: 0 }}
              />
              <span style={{ width: 64, textAlign: 'right' }}>{shareText(data.shareBp)}</span>
            </div>
          ) : null,
      },
      {
        ...number('overdue', 130),
        cellStyle: ({ data }) => (data && data.overdue > 0 ? { color: '#cf1322', fontWeight: 600 } : null),
      },
    ]
  }, [t, format, loaded?.group, query.group, shareText])

  // The period's name, for the caption (the same keys the main process uses: 2026-11-2, 2026-11, 2026Q4).
  const at = query.date
  const periodKey = {
    ten_days: `${at.format('YYYY-MM')}-${Math.min(3, Math.ceil(at.date() / 10))}`,
    month: at.format('YYYY-MM'),
    quarter: `${at.year()}Q${Math.floor(at.month() / 3) + 1}`,
  }[query.kind]

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, flex: 1, minHeight: 0 }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <PeriodPicker
            kind={query.kind}
            date={query.date}
            onChange={(kind, next) => setQuery((current) => ({ ...current, kind, date: next }))}
          />
          <Segmented<Group>
            value={query.group}
            onChange={(group) => setQuery((current) => ({ ...current, group }))}
            options={GROUPS.map((value) => ({ value, label: t(`plans.compliance.groupBy.${value}`) }))}
            data-testid="compliance-group"
          />
        </Space>
        <Typography.Text type="secondary" data-testid="compliance-summary">
          {t('plans.compliance.summary', { period: periodLabel(periodKey), count: rows.length })}
        </Typography.Text>
      </Space>
      <div className="desk-grid" data-testid="compliance-grid">
        <Grid<Row>
          rowData={rows}
          columnDefs={columns}
          getRowId={({ data }) => data.id || 'unassigned'}
          defaultColDef={{ sortable: false, resizable: true }}
        />
      </div>
    </div>
  )
}
