/** The working-day calendar: each year's official days off and make-up working days, by hand or from a file. */
import { ImportOutlined, PlusOutlined } from '@ant-design/icons'
import type { ColDef } from 'ag-grid-community'
import type { AgGridReact } from 'ag-grid-react'
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Input,
  Modal,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd'
import dayjs from 'dayjs'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  CalendarDayRecord,
  CalendarImportPreview,
  CalendarKind,
  CalendarYearSummary,
} from '../../../../electron/api/contract'
import { CALENDAR_KINDS, calendarDaySchema, type CalendarDaySave } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { Grid } from '../../components/Grid'
import { errorMessage } from '../../errors'
import { useFormat } from '../../format'
import { useSession } from '../../session'
import { EditModal, type FieldSpec } from './EditModal'

type Years = (years: CalendarYearSummary[]) => void

const KIND_COLOURS: Record<CalendarKind, string> = { rest: 'red', work: 'blue' }

function useFail() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  return useCallback((error: unknown) => void message.error(errorMessage(t, error)), [message, t])
}

/** The years in the database, plus the one being opened when it has nothing yet (a new year's notice). */
function withYear(years: CalendarYearSummary[], year: number | null): CalendarYearSummary[] {
  if (year === null || years.some((summary) => summary.year === year)) return years
  const empty = { year, loaded: false, source: null, restDays: 0, workDays: 0 }
  return [...years, empty].sort((a, b) => b.year - a.year)
}

export function CalendarSettings() {
  const { t } = useTranslation()
  const { isSupervisor } = useSession()
  const fail = useFail()
  const [years, setYears] = useState<CalendarYearSummary[]>([])
  const [chosen, setChosen] = useState<number | null>(null)
  const [preview, setPreview] = useState<CalendarImportPreview | null>(null)

  useEffect(() => {
    call('calendar.years').then(setYears).catch(fail)
  }, [fail])

  const thisYear = new Date().getFullYear()
  const year = chosen ?? (years.some((s) => s.year === thisYear) ? thisYear : (years[0]?.year ?? null))
  const rows = useMemo(() => withYear(years, year), [years, year])
  const summary = rows.find((s) => s.year === year)

  const startImport = () =>
    call('calendar.previewImport')
      .then((next) => next && setPreview(next))
      .catch(fail)

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('calendar.intro')}</Typography.Text>
      <Space wrap>
        <Button icon={<ImportOutlined />} disabled={!isSupervisor} onClick={() => void startImport()}>
          {t('calendar.import.button')}
        </Button>
        <DatePicker
          picker="year"
          value={null}
          placeholder={t('calendar.otherYear')}
          style={{ width: 180 }}
          disabledDate={(date) => date.year() < 2000 || date.year() > 2100}
          onChange={(date: dayjs.Dayjs | null) => date && setChosen(date.year())}
        />
      </Space>
      <YearGrid rows={rows} year={year} onSelect={setChosen} />
      {summary && <DayPanel summary={summary} onChanged={setYears} />}
      {preview && (
        <ImportPreview
          preview={preview}
          onClose={() => setPreview(null)}
          onImported={(next) => {
            setYears(next)
            setChosen(preview.years[0] ?? null)
            setPreview(null)
          }}
        />
      )}
    </Space>
  )
}

function LoadedTag({ loaded }: { loaded: boolean }) {
  const { t } = useTranslation()
  return <Tag color={loaded ? 'green' : 'orange'}>{t(loaded ? 'calendar.loaded' : 'calendar.notLoaded')}</Tag>
}

function YearGrid(props: {
  rows: CalendarYearSummary[]
  year: number | null
  onSelect: (year: number) => void
}) {
  const { t } = useTranslation()
  const { rows, year, onSelect } = props
  const grid = useRef<AgGridReact<CalendarYearSummary>>(null)
  const select = useCallback(() => grid.current?.api?.getRowNode(String(year))?.setSelected(true), [year])
  useEffect(select, [select, rows])

  const columns = useMemo<ColDef<CalendarYearSummary>[]>(
    () => [
      { field: 'year', headerName: t('calendar.year'), width: 100 },
      {
        field: 'loaded',
        headerName: t('calendar.official'),
        width: 260,
        cellRenderer: ({ value }: { value: boolean }) => <LoadedTag loaded={value} />,
      },
      {
        field: 'source',
        headerName: t('calendar.source'),
        width: 160,
        valueFormatter: ({ value }) => (value ? t(`calendar.sources.${String(value)}`) : ''),
      },
      { field: 'restDays', headerName: t('calendar.restDays'), width: 130, type: 'rightAligned' },
      { field: 'workDays', headerName: t('calendar.workDays'), width: 150, type: 'rightAligned' },
    ],
    [t],
  )
  return (
    <div style={{ height: 264 }} data-testid="calendar-years">
      <Grid<CalendarYearSummary>
        gridRef={grid}
        rowData={rows}
        columnDefs={columns}
        getRowId={({ data }) => String(data.year)}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: 'enableSelection' }}
        onRowClicked={({ data }) => data && onSelect(data.year)}
        onFirstDataRendered={select}
        rowStyle={{ cursor: 'pointer' }}
      />
    </div>
  )
}

/** A `YYYY-MM-DD` value in a date picker, opening at the year being edited. */
function DateInput(props: {
  /** From the form item, so that the label points at the picker. */
  id?: string
  value?: string
  onChange?: (value: string | null) => void
  year: number
  disabled: boolean
}) {
  return (
    <DatePicker
      id={props.id}
      value={props.value ? dayjs(props.value) : null}
      onChange={(date: dayjs.Dayjs | null) => props.onChange?.(date ? date.format('YYYY-MM-DD') : null)}
      defaultPickerValue={dayjs(`${props.year}-01-01`)}
      disabled={props.disabled}
      style={{ width: '100%' }}
    />
  )
}

/** One year's days, with a supervisor's add, edit, delete and "loaded" mark. */
function DayPanel({ summary, onChanged }: { summary: CalendarYearSummary; onChanged: Years }) {
  const { t, i18n } = useTranslation()
  const { modal } = App.useApp()
  const { isSupervisor } = useSession()
  const format = useFormat()
  const fail = useFail()
  const [days, setDays] = useState<CalendarDayRecord[]>([])
  const [editing, setEditing] = useState<CalendarDayRecord | 'new' | null>(null)
  const { year, loaded } = summary

  useEffect(() => {
    call('calendar.days', { year }).then(setDays).catch(fail)
  }, [year, summary, fail])

  const weekday = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }),
    [i18n.language],
  )
  const dayName = useCallback(
    (day: CalendarDayRecord) => (i18n.language === 'en' ? day.nameEn : day.nameZh),
    [i18n.language],
  )
  const confirm = useCallback(
    (title: string, run: () => Promise<CalendarYearSummary[]>, danger = false) =>
      modal.confirm({
        title,
        content: t('calendar.movesDueDates'),
        okType: danger ? 'danger' : 'primary',
        okText: t('common.confirm'),
        cancelText: t('common.cancel'),
        onOk: () => run().then(onChanged).catch(fail),
      }),
    [modal, t, onChanged, fail],
  )

  const columns = useMemo<ColDef<CalendarDayRecord>[]>(
    () => [
      {
        field: 'date',
        headerName: t('calendar.date'),
        width: 220,
        valueFormatter: ({ value }) =>
          t('calendar.dateWithWeekday', {
            date: format.date(String(value)),
            weekday: weekday.format(new Date(`${String(value)}T00:00:00Z`)),
          }),
      },
      {
        field: 'kind',
        headerName: t('calendar.kind'),
        width: 220,
        cellRenderer: ({ value }: { value: CalendarKind }) => (
          <>
            <Tag color={KIND_COLOURS[value]}>{t(`calendar.kindShort.${value}`)}</Tag>
            {t(`calendar.kinds.${value}`)}
          </>
        ),
      },
      {
        colId: 'name',
        headerName: t('calendar.name'),
        flex: 1,
        minWidth: 120,
        valueGetter: ({ data }) => data && dayName(data),
      },
      {
        field: 'source',
        headerName: t('calendar.source'),
        width: 160,
        valueFormatter: ({ value }) => t(`calendar.sources.${String(value)}`),
      },
      {
        colId: 'actions',
        headerName: '',
        width: 140,
        sortable: false,
        cellRenderer: ({ data }: { data: CalendarDayRecord }) => (
          <Space size={0}>
            <Button size="small" type="link" disabled={!isSupervisor} onClick={() => setEditing(data)}>
              {t('common.edit')}
            </Button>
            <Button
              size="small"
              type="link"
              danger
              disabled={!isSupervisor}
              onClick={() =>
                confirm(
                  t('calendar.confirmDelete', { date: format.date(data.date), name: dayName(data) }),
                  () => call('calendar.deleteDay', { date: data.date }),
                  true,
                )
              }
            >
              {t('calendar.deleteDay')}
            </Button>
          </Space>
        ),
      },
    ],
    [t, format, weekday, dayName, isSupervisor, confirm],
  )

  const shape = calendarDaySchema.shape
  const fields: FieldSpec[] = [
    {
      name: 'date',
      label: t('calendar.date'),
      input: <DateInput year={year} disabled={editing !== 'new'} />,
      schema: shape.date,
    },
    {
      name: 'kind',
      label: t('calendar.kind'),
      input: (
        <Radio.Group
          options={CALENDAR_KINDS.map((kind) => ({ value: kind, label: t(`calendar.kinds.${kind}`) }))}
        />
      ),
      schema: shape.kind,
    },
    { name: 'nameZh', label: t('calendar.nameZh'), input: <Input />, schema: shape.nameZh },
    {
      name: 'nameEn',
      label: t('calendar.nameEn'),
      input: <Input />,
      schema: shape.nameEn,
      extra: t('calendar.nameEnHint'),
    },
  ]
  const initial = useMemo<Partial<CalendarDaySave>>(
    () =>
      editing === 'new' || editing === null
        ? { kind: 'rest' }
        : { date: editing.date, kind: editing.kind, nameZh: editing.nameZh, nameEn: editing.nameEn },
    [editing],
  )

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="calendar-year">
      <Space wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('calendar.yearTitle', { year })}
        </Typography.Title>
        <LoadedTag loaded={loaded} />
        <Button icon={<PlusOutlined />} disabled={!isSupervisor} onClick={() => setEditing('new')}>
          {t('calendar.addDay')}
        </Button>
        <Button
          disabled={!isSupervisor}
          onClick={() =>
            confirm(t(loaded ? 'calendar.confirmUnmark' : 'calendar.confirmMark', { year }), () =>
              call('calendar.setYearLoaded', { year, loaded: !loaded }),
            )
          }
        >
          {t(loaded ? 'calendar.unmarkLoaded' : 'calendar.markLoaded')}
        </Button>
      </Space>
      <Typography.Text type="secondary">
        {t(loaded ? 'calendar.loadedHint' : 'calendar.notLoadedHint')}
      </Typography.Text>
      <div style={{ height: 380 }} data-testid="calendar-days">
        <Grid<CalendarDayRecord>
          rowData={days}
          columnDefs={columns}
          getRowId={({ data }) => data.id}
          overlayNoRowsTemplate={t('calendar.noDays')}
        />
      </div>
      <EditModal<CalendarDaySave>
        name="calendar-day"
        title={
          editing === 'new' || editing === null
            ? t('calendar.addDay')
            : t('calendar.editDay', { date: format.date(editing.date) })
        }
        open={editing !== null}
        initial={initial}
        fields={fields}
        onSave={(values) => call('calendar.saveDay', values).then(onChanged)}
        onClose={() => setEditing(null)}
      />
    </Space>
  )
}

/** What an import would do, before anything is written; a file with problems offers no import. */
function ImportPreview(props: { preview: CalendarImportPreview; onClose: () => void; onImported: Years }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormat()
  const fail = useFail()
  const { preview, onClose, onImported } = props
  const blocked = preview.problems.length > 0 || !preview.token
  const years = preview.years.join(t('calendar.import.yearSeparator'))

  const commit = () =>
    call('calendar.commitImport', { token: preview.token })
      .then((next) => {
        void message.success(t('calendar.import.done', { years }))
        onImported(next)
      })
      .catch(fail)

  const kind = (value: CalendarKind) => (
    <Tag color={KIND_COLOURS[value]}>{t(`calendar.kindShort.${value}`)}</Tag>
  )
  const problemColumns: ColDef<CalendarImportPreview['problems'][number]>[] = [
    {
      field: 'line',
      headerName: t('calendar.import.line'),
      width: 100,
      valueFormatter: ({ value }) => (value ? String(value) : t('calendar.import.wholeFile')),
    },
    {
      field: 'reason',
      headerName: t('calendar.import.reason'),
      flex: 1,
      valueFormatter: ({ value }) =>
        t(`calendar.import.reasons.${String(value)}`, { defaultValue: String(value) }),
      tooltipValueGetter: ({ valueFormatted }) => valueFormatted,
    },
    { field: 'text', headerName: t('calendar.import.text'), flex: 1 },
  ]

  return (
    <Modal
      open
      width={760}
      title={t('calendar.import.title')}
      onCancel={onClose}
      onOk={() => void commit()}
      okText={t('calendar.import.commit')}
      cancelText={t('common.cancel')}
      footer={blocked ? <Button onClick={onClose}>{t('calendar.import.close')}</Button> : undefined}
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="calendar-import">
        <Descriptions
          size="small"
          bordered
          column={2}
          items={[
            { key: 'file', label: t('calendar.import.file'), children: preview.fileName, span: 2 },
            { key: 'years', label: t('calendar.import.years'), children: years || '—' },
            { key: 'new', label: t('calendar.import.newDays'), children: preview.newDays },
            { key: 'rest', label: t('calendar.restDays'), children: preview.restDays },
            { key: 'work', label: t('calendar.workDays'), children: preview.workDays },
            {
              key: 'changed',
              label: t('calendar.import.changedDays'),
              span: 2,
              children:
                preview.changedDays.length === 0 ? (
                  t('calendar.import.noChanges')
                ) : (
                  <Space wrap size={[16, 4]}>
                    {preview.changedDays.map((day) => (
                      <span key={day.date}>
                        {format.date(day.date)} {kind(day.was)}→ {kind(day.kind)}
                      </span>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
        {blocked ? (
          <>
            <Alert
              type="error"
              showIcon
              title={t('calendar.import.blocked', { count: preview.problems.length })}
            />
            <Typography.Text strong>{t('calendar.import.problems')}</Typography.Text>
            <div style={{ height: Math.min(260, 44 + 34 * Math.max(preview.problems.length, 1)) }}>
              <Grid rowData={preview.problems} columnDefs={problemColumns} />
            </div>
          </>
        ) : (
          <Alert type="warning" showIcon title={t('calendar.import.ready')} />
        )}
      </Space>
    </Modal>
  )
}
