/** AG Grid's request for a block of rows, as the contract's customers.list input. */
import type { IGetRowsParams } from 'ag-grid-community'
import type { CustomerListFilter, CustomerListQuery } from '../../../../electron/api/schemas'
import {
  CUSTOMER_NUMBER_COLUMNS,
  CUSTOMER_TEXT_COLUMNS,
  customerListSchema,
} from '../../../../electron/api/schemas'
import { yuanToFen } from '../../format'

/** What the toolbar sets: the contract's list filter less paging, sorting and column filters. */
export type ToolbarFilter = Omit<
  CustomerListFilter,
  'startRow' | 'endRow' | 'sort' | 'textFilters' | 'numberFilters'
>

/** The toolbar with nothing chosen: the contract's own defaults. */
export const EMPTY_FILTER: ToolbarFilter = (() => {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { startRow, endRow, sort, textFilters, numberFilters, ...toolbar } = customerListSchema.parse({
    startRow: 0,
    endRow: 1,
  })
  return toolbar
})()

/** Money columns are filtered in yuan on screen and stored in fen. */
const FEN_COLUMNS = new Set(['monthlyRevenueFen'])

type NumberModel = { filter?: number | null; filterTo?: number | null; conditions?: NumberModel[] }

function yuanToFenModel(model: NumberModel): NumberModel {
  return {
    ...model,
    filter: yuanToFen(model.filter),
    filterTo: yuanToFen(model.filterTo),
    ...(model.conditions && { conditions: model.conditions.map(yuanToFenModel) }),
  }
}

export function customerListInput(
  params: Pick<IGetRowsParams, 'startRow' | 'endRow' | 'sortModel' | 'filterModel'>,
  toolbar: ToolbarFilter,
): CustomerListQuery {
  const textFilters: Record<string, unknown> = {}
  const numberFilters: Record<string, unknown> = {}
  for (const [colId, model] of Object.entries((params.filterModel ?? {}) as Record<string, NumberModel>)) {
    if ((CUSTOMER_TEXT_COLUMNS as readonly string[]).includes(colId)) textFilters[colId] = model
    if ((CUSTOMER_NUMBER_COLUMNS as readonly string[]).includes(colId)) {
      numberFilters[colId] = FEN_COLUMNS.has(colId) ? yuanToFenModel(model) : model
    }
  }
  return {
    startRow: params.startRow,
    endRow: params.endRow,
    sort: params.sortModel as CustomerListQuery['sort'],
    textFilters: textFilters as CustomerListQuery['textFilters'],
    numberFilters: numberFilters as CustomerListQuery['numberFilters'],
    ...toolbar,
  }
}
