/** An SLA list: a search box and the page's own filters over a paged grid, with a New button. */
import { PlusOutlined } from '@ant-design/icons'
import type { ColDef } from 'ag-grid-community'
import { Button, Input, Space, Typography } from 'antd'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Page } from '../../../../electron/api/contract'
import { PagedGrid, type PageRequest } from '../../components/PagedGrid'
import { useFormat } from '../../format'

interface Props<T extends { id: string }> {
  testId: string
  columns: ColDef<T>[]
  /** One page for the search text; a new function (new filters) reloads the grid. */
  load: (request: PageRequest & { search: string }) => Promise<Page<T>>
  filters?: ReactNode
  onNew?: () => void
  newLabel: string
  onOpen: (row: T) => void
}

export function ListPage<T extends { id: string }>(props: Props<T>) {
  const { t } = useTranslation()
  const format = useFormat()
  const [typed, setTyped] = useState('')
  const [search, setSearch] = useState('')
  const [total, setTotal] = useState<number | null>(null)
  const { load } = props

  // Typing waits a moment before asking, so that each keystroke does not run a query.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250)
    return () => clearTimeout(timer)
  }, [typed])

  const loadPage = useCallback((request: PageRequest) => load({ ...request, search }), [load, search])

  return (
    <>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('sla.search')}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            style={{ width: 300 }}
            data-testid={`${props.testId}-search`}
          />
          {props.filters}
        </Space>
        <Space>
          <Typography.Text type="secondary" data-testid={`${props.testId}-total`}>
            {total === null ? '' : t('sla.total', { count: total, formatted: format.count(total) })}
          </Typography.Text>
          {props.onNew && (
            <Button type="primary" icon={<PlusOutlined />} onClick={props.onNew}>
              {props.newLabel}
            </Button>
          )}
        </Space>
      </Space>
      <PagedGrid<T>
        testId={props.testId}
        columns={props.columns}
        load={loadPage}
        onOpen={props.onOpen}
        onTotal={setTotal}
      />
    </>
  )
}
