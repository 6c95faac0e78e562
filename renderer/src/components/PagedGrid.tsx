/**
 * A grid whose rows come a page at a time from the main process (AG Grid's infinite row model): sorting
 * runs in SQL there; the toolbar's filters are part of `load`, so a new `load` reloads the grid.
 */
import type { ColDef, GridApi, IDatasource } from 'ag-grid-community'
import { App } from 'antd'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Page } from '../../../electron/api/contract'
import { errorMessage } from '../errors'
import { Grid } from './Grid'

export interface PageRequest {
  startRow: number
  endRow: number
  sort: { colId: string; sort: 'asc' | 'desc' }[]
}

interface Props<T extends { id: string }> {
  columns: ColDef<T>[]
  load: (request: PageRequest) => Promise<Page<T>>
  onOpen?: (row: T) => void
  onTotal?: (total: number) => void
  testId: string
}

export function PagedGrid<T extends { id: string }>({ columns, load, onOpen, onTotal, testId }: Props<T>) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const api = useRef<GridApi<T> | null>(null)

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows: (params) => {
        const sort = params.sortModel.map(({ colId, sort }) => ({ colId, sort }))
        load({ startRow: params.startRow, endRow: params.endRow, sort })
          .then((page) => {
            onTotal?.(page.total)
            params.successCallback(page.rows, page.total)
          })
          .catch((error: unknown) => {
            params.failCallback()
            void message.error(errorMessage(t, error))
          })
      },
    }),
    [load, onTotal, message, t],
  )

  useEffect(() => {
    api.current?.setGridOption('datasource', datasource)
  }, [datasource])

  return (
    <div className="desk-grid" data-testid={testId}>
      <Grid<T>
        rowModelType="infinite"
        cacheBlockSize={100}
        maxBlocksInCache={20}
        columnDefs={columns}
        defaultColDef={{ sortable: false, resizable: true }}
        getRowId={({ data }) => data.id}
        onGridReady={(event) => {
          api.current = event.api
          event.api.setGridOption('datasource', datasource)
        }}
        onRowClicked={({ data }) => data && onOpen?.(data)}
        rowStyle={onOpen ? { cursor: 'pointer' } : undefined}
      />
    </div>
  )
}
