/** The file's key contacts, edited in place and saved with the profile. */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons'
import type { ColDef } from 'ag-grid-community'
import { Alert, Button, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FieldError } from '../../../../electron/api/errors'
import type { ContactFields } from '../../../../electron/api/schemas'
import { Grid } from '../../components/Grid'
import { fieldMessage } from '../../errors'
import { useFormat } from '../../format'
import { ContactModal } from './ContactModal'

/** A contact's name is labelled as a person's name, not the customer's. */
export function contactField(field: string): string {
  return field === 'name' ? 'contactName' : field
}

export interface ContactDraft extends ContactFields {
  id?: string
  version?: number
  /** Identifies a row on screen, saved or not. */
  key: string
}

interface Props {
  contacts: ContactDraft[]
  errors: Map<number, FieldError[]>
  disabled: boolean
  onChange: (contacts: ContactDraft[]) => void
}

export function ContactsTab({ contacts, errors, disabled, onChange }: Props) {
  const { t } = useTranslation()
  const format = useFormat()
  const [editing, setEditing] = useState<number | 'new' | null>(null)

  const columns: ColDef<ContactDraft>[] = [
    { field: 'name', headerName: t('fields.contactName'), width: 110 },
    { field: 'position', headerName: t('fields.position'), width: 130 },
    {
      field: 'contactClass',
      headerName: t('fields.contactClass'),
      width: 220,
      valueFormatter: ({ value }) => t(`contactClass.${value}`),
    },
    { field: 'phone', headerName: t('fields.phone'), width: 140 },
    { field: 'email', headerName: t('fields.email'), flex: 1, minWidth: 180 },
    {
      field: 'birthday',
      headerName: t('fields.birthday'),
      width: 130,
      valueFormatter: ({ value }) => format.date(value),
    },
  ]

  const accept = (contact: ContactFields) => {
    if (editing === 'new') onChange([...contacts, { ...contact, key: crypto.randomUUID() }])
    else if (editing !== null)
      onChange(contacts.map((row, index) => (index === editing ? { ...row, ...contact } : row)))
    setEditing(null)
  }
  const problems = [...errors.entries()]

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} disabled={disabled}>
          {t('customer.addContact')}
        </Button>
        <Typography.Text type="secondary">{t('customer.savedWithFile')}</Typography.Text>
      </Space>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={problems.map(([index, fieldErrors]) => (
            <div key={index}>
              {contacts[index]?.name}:{' '}
              {fieldErrors
                .map((error) => `${t(`fields.${contactField(error.path)}`)} — ${fieldMessage(t, error)}`)
                .join(t('common.separator'))}
            </div>
          ))}
        />
      )}
      <div style={{ height: 320 }} data-testid="contacts-grid">
        <Grid<ContactDraft>
          rowData={contacts}
          getRowId={({ data }) => data.key}
          columnDefs={[
            ...columns,
            {
              colId: 'actions',
              headerName: '',
              width: 110,
              sortable: false,
              cellRenderer: ({ node }: { node: { rowIndex: number | null } }) => (
                <Space>
                  <Button
                    size="small"
                    type="text"
                    icon={<EditOutlined />}
                    aria-label={t('common.edit')}
                    disabled={disabled}
                    onClick={() => setEditing(node.rowIndex)}
                  />
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.remove')}
                    disabled={disabled}
                    onClick={() => onChange(contacts.filter((_, index) => index !== node.rowIndex))}
                  />
                </Space>
              ),
            },
          ]}
          overlayNoRowsTemplate={t('customer.noContacts')}
          onRowDoubleClicked={({ rowIndex }) => !disabled && setEditing(rowIndex)}
        />
      </div>
      <ContactModal
        open={editing !== null}
        initial={typeof editing === 'number' ? (contacts[editing] ?? null) : null}
        errors={typeof editing === 'number' ? (errors.get(editing) ?? []) : []}
        onOk={accept}
        onCancel={() => setEditing(null)}
      />
    </Space>
  )
}
