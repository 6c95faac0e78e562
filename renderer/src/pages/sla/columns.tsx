/** Column makers the SLA grids share: dates, money, status tags; formatting only, figures come computed. */
import type { ColDef } from 'ag-grid-community'
import { Tag } from 'antd'
import type { TFunction } from 'i18next'
import type { Formatters } from '../../format'

const STATUS_COLOURS: Record<string, string> = {
  on_track: 'blue',
  due_soon: 'gold',
  late: 'red',
  met: 'green',
  missed: 'volcano',
  draft: 'default',
  active: 'green',
  expired: 'default',
  terminated: 'default',
  confirmed: 'blue',
  paid: 'green',
  void: 'default',
  provisioning: 'blue',
  suspended: 'orange',
  ceased: 'default',
}

export function StatusTag({ group, value, t }: { group: string; value: string; t: TFunction }) {
  return <Tag color={STATUS_COLOURS[value] ?? 'default'}>{t(`sla.${group}.${value}`)}</Tag>
}

export function columnMakers<T>(t: TFunction, format: Formatters) {
  return {
    text: (field: keyof T & string, header: string, options: Partial<ColDef<T>> = {}): ColDef<T> => ({
      colId: field,
      field: field as unknown as ColDef<T>['field'],
      headerName: header,
      ...options,
    }),
    date: (field: keyof T & string, header: string, options: Partial<ColDef<T>> = {}): ColDef<T> => ({
      colId: field,
      headerName: header,
      width: 130,
      valueGetter: ({ data }) => format.date((data?.[field] as string | null | undefined) ?? null),
      ...options,
    }),
    money: (field: keyof T & string, header: string, options: Partial<ColDef<T>> = {}): ColDef<T> => ({
      colId: field,
      headerName: header,
      width: 130,
      type: 'rightAligned',
      valueGetter: ({ data }) => format.money((data?.[field] as number | null | undefined) ?? null),
      ...options,
    }),
    status: (
      field: keyof T & string,
      group: string,
      header: string,
      options: Partial<ColDef<T>> = {},
    ): ColDef<T> => ({
      colId: field,
      headerName: header,
      width: 130,
      cellRenderer: ({ data }: { data?: T }) =>
        data ? <StatusTag group={group} value={String(data[field])} t={t} /> : null,
      ...options,
    }),
  }
}
