/** Faults (故障申告) with recovery against the grade, and availability per circuit for a month or quarter. */
import type { ColDef } from 'ag-grid-community'
import { App, DatePicker, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { TFunction } from 'i18next'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AvailabilityRow, FaultRecord } from '../../../../electron/api/contract'
import { FAULT_CAUSES, type FaultSave } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { Grid } from '../../components/Grid'
import type { PageRequest } from '../../components/PagedGrid'
import { errorMessage } from '../../errors'
import { useFormat } from '../../format'
import { columnMakers } from './columns'
import { ListPage } from './ListPage'
import { CircuitField, CustomerField, useEditing } from './pickers'
import { RecordModal } from './RecordModal'

type FaultValues = Omit<FaultSave, 'reportedAt' | 'restoredAt'> & {
  customerId: string | null
  reportedAt: Dayjs | null
  restoredAt: Dayjs | null
}

function toValues(fault: FaultRecord | null, customerId?: string): Partial<FaultValues> {
  if (!fault) return { cause: 'operator', customerId: customerId ?? null }
  return {
    ...fault,
    reportedAt: dayjs(fault.reportedAt),
    restoredAt: fault.restoredAt ? dayjs(fault.restoredAt) : null,
  }
}

function toInput(
  { customerId: _customerId, reportedAt, restoredAt, ...values }: FaultValues,
  fault: FaultRecord | null,
): FaultSave {
  return {
    ...values,
    ...(fault && { id: fault.id, version: fault.version }),
    reportedAt: reportedAt ? reportedAt.toISOString() : '',
    restoredAt: restoredAt ? restoredAt.toISOString() : null,
  }
}

function minutesText(t: TFunction, minutes: number | null): string {
  if (minutes === null) return ''
  return t('sla.faults.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })
}

export function FaultsTab({ customerId }: { customerId?: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const editor = useEditing<FaultRecord>()
  const { current, reloads } = editor

  const columns = useMemo<ColDef<FaultRecord>[]>(() => {
    const col = columnMakers<FaultRecord>(t, format)
    const instant = (field: 'reportedAt' | 'restoredAt', header: string): ColDef<FaultRecord> => ({
      colId: field,
      headerName: header,
      width: 170,
      sortable: true,
      valueGetter: ({ data }) => format.instant(data?.[field] ?? null),
    })
    return [
      col.text('number', t('sla.faults.number'), { width: 150, sortable: true, pinned: 'left' }),
      ...(customerId
        ? []
        : [col.text('customerName', t('sla.customer'), { flex: 1, minWidth: 180, sortable: true })]),
      col.text('circuitNumber', t('sla.orders.circuit'), { width: 170 }),
      instant('reportedAt', t('sla.faults.reportedAt')),
      instant('restoredAt', t('sla.faults.restoredAt')),
      {
        colId: 'cause',
        headerName: t('sla.faults.cause'),
        width: 110,
        valueGetter: ({ data }) => data && t(`sla.faultCause.${data.cause}`),
      },
      {
        colId: 'recovery',
        headerName: t('sla.faults.recovery'),
        width: 130,
        valueGetter: ({ data }) => data && minutesText(t, data.recoveryMinutes),
      },
      {
        colId: 'target',
        headerName: t('sla.faults.target'),
        width: 110,
        valueGetter: ({ data }) => data && minutesText(t, data.targetMinutes),
      },
      {
        colId: 'metTarget',
        headerName: t('sla.faults.met'),
        width: 110,
        cellRenderer: ({ data }: { data?: FaultRecord }) =>
          data?.metTarget == null ? null : (
            <Tag color={data.metTarget ? 'green' : 'red'}>
              {t(data.metTarget ? 'common.yes' : 'common.no')}
            </Tag>
          ),
      },
      col.text('description', t('sla.faults.description'), { flex: 1, minWidth: 160 }),
    ]
  }, [t, format, customerId])

  // The list request for a page: the grid's, and an export's (less paging).
  const query = useCallback(
    (request: PageRequest & { search: string }) => ({
      ...request,
      sort: request.sort as { colId: 'number'; sort: 'asc' | 'desc' }[],
      ...(customerId && { customerId }),
    }),
    [customerId],
  )
  const load = useCallback(
    (request: PageRequest & { search: string }) => call('faults.list', query(request)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a save asks for a new load, which reloads the grid
    [query, reloads],
  )
  const initial = useMemo(() => toValues(current, customerId), [current, customerId])
  const required = [{ required: true, message: t('validation.required') }]

  return (
    <>
      <Availability customerId={customerId} reloads={reloads} />
      <ListPage<FaultRecord>
        testId="faults-grid"
        columns={columns}
        load={load}
        exportAs={{ grid: 'faults', query }}
        newLabel={t('sla.faults.new')}
        onNew={() => editor.open('new')}
        onOpen={editor.open}
      />
      <RecordModal<FaultValues, FaultRecord>
        name="fault"
        title={current ? current.number : t('sla.faults.new')}
        editor={editor}
        initial={initial}
        save={(values) => call('faults.save', toInput(values, current))}
        remove={(record) => call('faults.delete', record)}
      >
        {(form) => (
          <>
            <CustomerField
              fixed={Boolean(customerId)}
              initialLabel={current?.customerName}
              onChange={() => form.setFieldValue('circuitId', null)}
            />
            <CircuitField name="circuitId" label={t('sla.orders.circuit')} />
            <Form.Item name="number" label={t('sla.faults.number')}>
              <Input placeholder={t('sla.orders.numberAuto')} style={{ width: 220 }} />
            </Form.Item>
            <Space align="start" wrap>
              <Form.Item name="reportedAt" label={t('sla.faults.reportedAt')} rules={required}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
              <Form.Item name="restoredAt" label={t('sla.faults.restoredAt')}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
            </Space>
            <Form.Item name="cause" label={t('sla.faults.cause')} extra={t('sla.faults.causeHint')}>
              <Radio.Group
                optionType="button"
                options={FAULT_CAUSES.map((value) => ({ value, label: t(`sla.faultCause.${value}`) }))}
              />
            </Form.Item>
            <Form.Item name="description" label={t('sla.faults.description')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </RecordModal>
    </>
  )
}

/** The periods offered: the last twelve months and the last four quarters, newest first. */
function recentPeriods(): string[] {
  const now = dayjs()
  const months = Array.from({ length: 12 }, (_, i) => now.subtract(i, 'month').format('YYYY-MM'))
  const quarters = Array.from({ length: 4 }, (_, i) => {
    const at = now.subtract(i * 3, 'month')
    return `${at.year()}Q${Math.floor(at.month() / 3) + 1}`
  })
  return [...quarters, ...months]
}

function Availability({ customerId, reloads }: { customerId?: string; reloads: number }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const periods = useMemo(() => recentPeriods(), [])
  const [period, setPeriod] = useState(periods[5]!)
  const [rows, setRows] = useState<AvailabilityRow[]>([])
  const percent = (ppm: number | null) => (ppm === null ? '' : `${(ppm / 10_000).toFixed(4)}%`)

  useEffect(() => {
    call('faults.availability', { period, ...(customerId && { customerId }) })
      .then(setRows)
      .catch((error: unknown) => message.error(errorMessage(t, error)))
  }, [period, customerId, reloads, message, t])

  const columns: ColDef<AvailabilityRow>[] = [
    { field: 'circuitNumber', headerName: t('sla.orders.circuit'), width: 170 },
    ...(customerId
      ? []
      : [{ field: 'customerName' as const, headerName: t('sla.customer'), flex: 1, minWidth: 160 }]),
    {
      colId: 'availability',
      headerName: t('sla.faults.availability'),
      width: 130,
      type: 'rightAligned',
      valueGetter: ({ data }) => percent(data?.availabilityPpm ?? null),
    },
    {
      colId: 'target',
      headerName: t('sla.faults.availabilityTarget'),
      width: 120,
      type: 'rightAligned',
      valueGetter: ({ data }) => percent(data?.targetPpm ?? null),
    },
    {
      colId: 'faultMinutes',
      headerName: t('sla.faults.faultMinutes'),
      width: 140,
      type: 'rightAligned',
      valueGetter: ({ data }) => data && minutesText(t, data.faultMinutes),
    },
    {
      colId: 'excluded',
      headerName: t('sla.faults.excludedMinutes'),
      width: 150,
      type: 'rightAligned',
      valueGetter: ({ data }) => data && minutesText(t, data.excludedMinutes),
    },
    {
      colId: 'met',
      headerName: t('sla.faults.met'),
      width: 100,
      cellRenderer: ({ data }: { data?: AvailabilityRow }) =>
        data?.met == null ? null : (
          <Tag color={data.met ? 'green' : 'red'}>{t(data.met ? 'common.yes' : 'common.no')}</Tag>
        ),
    },
  ]
  const missed = rows.filter((row) => row.met === false).length

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{t('sla.faults.availabilityTitle')}</Typography.Text>
        <Select
          style={{ width: 140 }}
          value={period}
          onChange={setPeriod}
          options={periods.map((value) => ({ value, label: value }))}
          data-testid="availability-period"
        />
        <Typography.Text type="secondary">
          {t('sla.faults.availabilitySummary', { count: rows.length, missed })}
        </Typography.Text>
      </Space>
      <div style={{ height: 200 }} data-testid="availability-grid">
        <Grid<AvailabilityRow> rowData={rows} columnDefs={columns} getRowId={({ data }) => data.circuitId} />
      </div>
    </Space>
  )
}
