/**
 * An SLA list: a search box and the page's own filters over a paged grid, with a New button and, for a
 * list that exports, 导出 ▾ with the grid's current filter and sort.
 */
import { PlusOutlined } from '@ant-design/icons'
import type { ColDef } from 'ag-grid-community'
import { Button, Input, Space, Typography } from 'antd'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportGrid, Page } from '../../../../electron/api/contract'
import { ExportButton } from '../../components/ExportButton'
import { PagedGrid, type PageRequest } from '../../components/PagedGrid'
import { useFormat } from '../../format'

interface Props<T extends { id: string }> {
  testId: string
  columns: ColDef<T>[]
  /** One page for the search text; a new function (new filters) reloads the grid. */
  load: (request: PageRequest & { search: string }) => Promise<Page<T>>
  /**
   * The grid it exports as, and the list request `load` sends for a page (the same function, so that the
   * export has exactly the grid's filter and sort).
   */
  exportAs?: { grid: ExportGrid; query: (request: PageRequest & { search: string }) => object }
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
  const { load, exportAs } = props
  // The grid's sort as of its last request, for an export.
  const sort = useRef<PageRequest['sort']>([])

  // Typing waits a moment before asking, so that each keystroke does not run a query.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250)
    return () => clearTimeout(timer)
  }, [typed])

  const loadPage = useCallback(
    (request: PageRequest) => {
      sort.current = request.sort
      return load({ ...request, search })
    },
    [load, search],
  )

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
          {exportAs && (
            <ExportButton
              grid={exportAs.grid}
              query={() => exportAs.query({ startRow: 0, endRow: 0, sort: sort.current, search })}
            />
          )}
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
