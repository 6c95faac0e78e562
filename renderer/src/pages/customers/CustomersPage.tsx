/** The customers grid: quick search, list filters, column filters and sorts, all run in SQL. */
import { ImportOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons'
import type { GridApi, IDatasource, IGetRowsParams } from 'ag-grid-community'
import { App, Button, Checkbox, Input, Popover, Select, Space, Switch, Typography } from 'antd'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerRow, Labelled } from '../../../../electron/api/contract'
import { CUSTOMER_STATUSES } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { ExportButton } from '../../components/ExportButton'
import { Grid } from '../../components/Grid'
import { errorMessage } from '../../errors'
import { useFormat } from '../../format'
import { navigate } from '../../router'
import { label, offered, useSession } from '../../session'
import { customerColumns, DEFAULT_HIDDEN, OPTIONAL_COLUMNS } from './columns'
import { customerListInput, EMPTY_FILTER, type ToolbarFilter } from './query'

function useHiddenColumns() {
  const [hidden, setHidden] = useState<string[] | null>(null)
  useEffect(() => {
    void call('prefs.get').then((prefs) => setHidden(prefs.hiddenCustomerColumns ?? DEFAULT_HIDDEN))
  }, [])
  const save = (next: string[]) => {
    setHidden(next)
    void call('prefs.set', { hiddenCustomerColumns: next })
  }
  return [hidden, save] as const
}

export function CustomersPage() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const format = useFormat()
  const { lookups } = useSession()
  const [filter, setFilter] = useState(EMPTY_FILTER)
  const [searchText, setSearchText] = useState('')
  const [total, setTotal] = useState<number | null>(null)
  const [hidden, setHidden] = useHiddenColumns()
  const gridApi = useRef<GridApi<CustomerRow> | null>(null)
  // The grid's column filters and sort as of its last request, for an export.
  const lastRequest = useRef<Pick<IGetRowsParams, 'sortModel' | 'filterModel'>>({
    sortModel: [],
    filterModel: null,
  })

  // Typing waits a moment before asking, so that each keystroke does not run a query.
  useEffect(() => {
    const timer = setTimeout(
      () => setFilter((current) => ({ ...current, quickSearch: searchText.trim() })),
      250,
    )
    return () => clearTimeout(timer)
  }, [searchText])

  const columnDefs = useMemo(() => {
    const columns = customerColumns(t, format, lookups, i18n.language)
    return columns.map((column) => ({ ...column, hide: hidden?.includes(column.colId!) ?? false }))
  }, [t, format, lookups, i18n.language, hidden])

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        lastRequest.current = { sortModel: params.sortModel, filterModel: params.filterModel }
        call('customers.list', customerListInput(params, filter))
          .then((page) => {
            setTotal(page.total)
            params.successCallback(page.rows, page.total)
          })
          .catch((error: unknown) => {
            params.failCallback()
            void message.error(errorMessage(t, error))
          })
      },
    }),
    [filter, message, t],
  )

  useEffect(() => {
    gridApi.current?.setGridOption('datasource', datasource)
  }, [datasource])

  const set =
    <K extends keyof ToolbarFilter>(key: K) =>
    (value: ToolbarFilter[K]) =>
      setFilter((current) => ({ ...current, [key]: value }))
  const language = i18n.language
  const activeTiers = lookups.tiers.filter((tier) => tier.scheme === lookups.tierScheme)
  const toOption = (entry: Labelled) => ({ value: entry.id, label: label(entry, language) })
  // The toolbar's list filters, as data: which filter, its placeholder, its choices.
  const listFilters = [
    { key: 'tierIds', placeholder: 'tier', options: activeTiers.map(toOption) },
    { key: 'branchIds', placeholder: 'branch', options: offered(lookups.branches).map(toOption) },
    { key: 'industryIds', placeholder: 'industry', options: offered(lookups.industries).map(toOption) },
    {
      key: 'statuses',
      placeholder: 'status',
      options: CUSTOMER_STATUSES.map((status) => ({ value: status, label: t(`customerStatus.${status}`) })),
    },
    {
      key: 'accountManagerIds',
      placeholder: 'manager',
      options: lookups.accountManagers.map((manager) => ({ value: manager.id, label: manager.name })),
    },
  ] as const

  return (
    <div className="desk-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('customers.title')}
          </Typography.Title>
          <Input.Search
            allowClear
            placeholder={t('customers.search')}
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            style={{ width: 380 }}
            data-testid="quick-search"
          />
        </Space>
        <Space>
          <Typography.Text type="secondary" data-testid="customer-total">
            {total === null ? '' : t('customers.total', { count: total, formatted: format.count(total) })}
          </Typography.Text>
          <Button
            icon={<ImportOutlined />}
            onClick={() => navigate({ page: 'import', kind: 'customers' })}
            data-testid="customers-import"
          >
            {t('transfer.import.button')}
          </Button>
          <ExportButton
            grid="customers"
            query={() => customerListInput({ startRow: 0, endRow: 0, ...lastRequest.current }, filter)}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate({ page: 'customer', id: null })}
          >
            {t('customers.new')}
          </Button>
        </Space>
      </Space>
      <Space wrap>
        {listFilters.map(({ key, placeholder, options }) => (
          <Select
            key={key}
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            style={{ minWidth: 170 }}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t(`customers.filter.${placeholder}`)}
            value={filter[key]}
            onChange={set(key)}
            options={options}
          />
        ))}
        <Space>
          <Switch
            size="small"
            checked={filter.deleted === 'only'}
            onChange={(only) => set('deleted')(only ? 'only' : 'exclude')}
          />
          {t('customers.showDeleted')}
        </Space>
        <Button
          onClick={() => {
            setSearchText('')
            setFilter(EMPTY_FILTER)
            gridApi.current?.setFilterModel(null)
          }}
        >
          {t('customers.clearFilters')}
        </Button>
        <Popover
          trigger="click"
          placement="bottomRight"
          content={
            <Checkbox.Group
              style={{ display: 'grid', gap: 4 }}
              value={OPTIONAL_COLUMNS.filter((colId) => !hidden?.includes(colId))}
              onChange={(shown) => setHidden(OPTIONAL_COLUMNS.filter((colId) => !shown.includes(colId)))}
              options={OPTIONAL_COLUMNS.map((colId) => ({ value: colId, label: t(`fields.${colId}`) }))}
            />
          }
        >
          <Button icon={<SettingOutlined />} data-testid="column-chooser">
            {t('customers.columns')}
          </Button>
        </Popover>
      </Space>
      <div className="desk-grid" data-testid="customers-grid">
        {hidden && (
          <Grid<CustomerRow>
            rowModelType="infinite"
            cacheBlockSize={100}
            maxBlocksInCache={20}
            columnDefs={columnDefs}
            getRowId={({ data }) => data.id}
            onGridReady={({ api }) => {
              gridApi.current = api
              api.setGridOption('datasource', datasource)
            }}
            onRowClicked={({ data }) => data && navigate({ page: 'customer', id: data.id })}
            rowStyle={{ cursor: 'pointer' }}
          />
        )}
      </div>
    </div>
  )
}
