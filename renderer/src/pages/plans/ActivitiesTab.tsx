/**
 * Service activities (标准动作): one customer's on its page, everyone's in the Service area; searched,
 * filtered by kind and date and sorted in SQL. A row opens it to edit or delete.
 */
import type { ColDef } from 'ag-grid-community'
import { PlusOutlined } from '@ant-design/icons'
import { Button, DatePicker, Input, Select, Space, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActivityKind, ActivityRecord, InputOf } from '../../../../electron/api/contract'
import { ACTIVITY_KINDS, activityListSchema } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { ExportButton } from '../../components/ExportButton'
import { PagedGrid, type PageRequest } from '../../components/PagedGrid'
import { useFormat } from '../../format'
import { columnMakers } from '../sla/columns'
import { useEditing } from '../sla/pickers'
import { ActivityModal, useContacts } from './ActivityModal'
import { KindTag, useServiceItems } from './shared'

/** The columns the main process sorts by, straight from the contract. */
const SORTABLE: readonly string[] = activityListSchema.shape.sort.unwrap().element.shape.colId.options

interface Filter {
  kinds: ActivityKind[]
  range: [Dayjs | null, Dayjs | null] | null
}

export function ActivitiesTab({ customerId }: { customerId?: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const editor = useEditing<ActivityRecord>()
  const { name } = useServiceItems()
  const contacts = useContacts(customerId)
  const [filter, setFilter] = useState<Filter>({ kinds: [], range: null })
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  const [total, setTotal] = useState<number | null>(null)

  // Typing waits a moment before asking, so that each keystroke does not run a query.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250)
    return () => clearTimeout(timer)
  }, [typed])

  const columns = useMemo<ColDef<ActivityRecord>[]>(() => {
    const col = columnMakers<ActivityRecord>(t, format)
    const contactNames = (ids: string[]) =>
      customerId
        ? ids
            .map((id) => contacts.find((contact) => contact.id === id)?.name)
            .filter(Boolean)
            .join('、')
        : ids.length > 0
          ? t('plans.activities.contactCount', { count: ids.length })
          : ''
    const list: ColDef<ActivityRecord>[] = [
      col.date('occurredOn', t('plans.activities.date'), { width: 140, pinned: 'left' }),
      ...(customerId
        ? []
        : [col.text('customerName', t('plans.activities.customer'), { flex: 1, minWidth: 200 })]),
      {
        colId: 'kind',
        headerName: t('plans.activities.kind'),
        width: 120,
        cellRenderer: ({ data }: { data?: ActivityRecord }) => (data ? <KindTag kind={data.kind} /> : null),
      },
      {
        colId: 'item',
        headerName: t('plans.activities.item'),
        width: 180,
        valueGetter: ({ data }) => (data ? name(data.itemId) || t('plans.activities.noItem') : ''),
      },
      col.text('staffName', t('plans.activities.staff'), { width: 120 }),
      {
        colId: 'contacts',
        headerName: t('plans.activities.contacts'),
        width: 160,
        valueGetter: ({ data }) => (data ? contactNames(data.contactIds) : ''),
      },
      col.text('notes', t('plans.activities.notes'), { flex: 2, minWidth: 200 }),
    ]
    return list.map((column) => ({ ...column, sortable: SORTABLE.includes(column.colId!) }))
  }, [t, format, customerId, contacts, name])

  // The list request for a page: the grid's, and an export's (less paging, with the grid's last sort).
  const query = useCallback(
    (request: PageRequest) => ({
      ...request,
      search,
      sort: request.sort as InputOf<'activities.list'>['sort'],
      kinds: filter.kinds,
      ...(filter.range?.[0] && { from: filter.range[0].format('YYYY-MM-DD') }),
      ...(filter.range?.[1] && { to: filter.range[1].format('YYYY-MM-DD') }),
      ...(customerId && { customerId }),
    }),
    [filter, search, customerId],
  )
  const sort = useRef<PageRequest['sort']>([])
  const load = useCallback(
    (request: PageRequest) => {
      sort.current = request.sort
      return call('activities.list', query(request))
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a save asks for a new load, which reloads the grid
    [query, editor.reloads],
  )

  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: 12,
        // A customer's tab has a fixed height (the page scrolls); the Service area's fills the page.
        ...(customerId ? { height: 540 } : { flex: 1, minHeight: 0 }),
      }}
    >
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('plans.activities.search')}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            style={{ width: 260 }}
            data-testid="activities-search"
          />
          <Select<ActivityKind[]>
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('plans.activities.kindsFilter')}
            value={filter.kinds}
            onChange={(kinds) => setFilter((current) => ({ ...current, kinds }))}
            options={ACTIVITY_KINDS.map((value) => ({ value, label: t(`plans.kinds.${value}`) }))}
            style={{ width: 240 }}
            data-testid="activities-kinds"
          />
          <DatePicker.RangePicker
            value={filter.range}
            onChange={(range) => setFilter((current) => ({ ...current, range }))}
            allowEmpty={[true, true]}
            data-testid="activities-range"
          />
        </Space>
        <Space>
          <Typography.Text type="secondary" data-testid="activities-total">
            {total === null ? '' : t('plans.activities.total', { formatted: format.count(total) })}
          </Typography.Text>
          <ExportButton
            grid="activities"
            query={() => query({ startRow: 0, endRow: 0, sort: sort.current })}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.open('new')}>
            {t('plans.activities.new')}
          </Button>
        </Space>
      </Space>
      <PagedGrid<ActivityRecord>
        testId="activities-grid"
        columns={columns}
        load={load}
        onOpen={editor.open}
        onTotal={setTotal}
      />
      <ActivityModal customerId={customerId} editor={editor} />
    </div>
  )
}
