/** A settings list: a grid of records with Add and Edit (and optionally Retire) for supervisors. */
import { PlusOutlined } from '@ant-design/icons'
import type { ColDef } from 'ag-grid-community'
import { App, Button, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Grid } from '../../components/Grid'
import { errorMessage } from '../../errors'
import { useSession } from '../../session'
import { EditModal, type FieldSpec } from './EditModal'

interface Props<T extends { id: string }, F> {
  rows: T[]
  columns: ColDef<T>[]
  fields: FieldSpec[]
  /** The form's values for a new record, or for editing an existing one. */
  toForm: (row: T | null) => Partial<F>
  onSave: (values: F) => Promise<unknown>
  onRetire?: (row: T) => Promise<unknown>
  retireLabel?: (row: T) => string
  testId: string
}

export function SettingsList<T extends { id: string }, F extends object>(props: Props<T, F>) {
  const { t } = useTranslation()
  const { modal, message } = App.useApp()
  const { isSupervisor } = useSession()
  const [editing, setEditing] = useState<T | 'new' | null>(null)
  const { onRetire, retireLabel } = props

  const retire = (row: T) =>
    modal.confirm({
      title: t('settings.confirmRetire', { name: retireLabel?.(row) }),
      okType: 'danger',
      okText: t('settings.retire'),
      cancelText: t('common.cancel'),
      onOk: () => onRetire?.(row).catch((error: unknown) => message.error(errorMessage(t, error))),
    })

  const actions: ColDef<T> = {
    colId: 'actions',
    headerName: '',
    width: 150,
    sortable: false,
    cellRenderer: ({ data }: { data: T }) => (
      <Space>
        <Button size="small" type="link" disabled={!isSupervisor} onClick={() => setEditing(data)}>
          {t('common.edit')}
        </Button>
        {onRetire && (
          <Button size="small" type="link" danger disabled={!isSupervisor} onClick={() => retire(data)}>
            {t('settings.retire')}
          </Button>
        )}
      </Space>
    ),
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button icon={<PlusOutlined />} disabled={!isSupervisor} onClick={() => setEditing('new')}>
        {t('common.add')}
      </Button>
      <div
        style={{ height: Math.min(360, 44 + 34 * Math.max(props.rows.length, 2)) }}
        data-testid={props.testId}
      >
        <Grid<T>
          rowData={props.rows}
          columnDefs={[...props.columns, actions]}
          getRowId={({ data }) => data.id}
        />
      </div>
      <EditModal<F>
        name={props.testId}
        title={editing === 'new' ? t('common.add') : t('common.edit')}
        open={editing !== null}
        initial={props.toForm(editing === 'new' ? null : editing)}
        fields={props.fields}
        onSave={props.onSave}
        onClose={() => setEditing(null)}
      />
    </Space>
  )
}
