import { Input, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Operator } from '../../../../electron/api/contract'
import {
  MANAGER_LEVELS,
  ROLES,
  operatorSaveSchema,
  type OperatorSave,
} from '../../../../electron/api/schemas'
import { call } from '../../api'
import { label, offered, useSession } from '../../session'
import { SettingsList } from './SettingsList'

/** Operators and account managers: level, branch, role, and a supervisor's password. */
export function OperatorList() {
  const { t, i18n } = useTranslation()
  const { lookups, refreshLookups } = useSession()
  const shape = operatorSaveSchema.shape
  return (
    <SettingsList<Operator, OperatorSave>
      testId="operator-list"
      rows={lookups.accountManagers}
      columns={[
        { field: 'name', headerName: t('operator.name'), width: 120 },
        {
          field: 'level',
          headerName: t('operator.level'),
          flex: 1,
          valueFormatter: ({ value }) => t(`levels.${value}`),
        },
        {
          field: 'branchId',
          headerName: t('operator.branch'),
          width: 140,
          valueFormatter: ({ value }) =>
            label(
              lookups.branches.find((b) => b.id === value),
              i18n.language,
            ),
        },
        { field: 'phone', headerName: t('operator.phone'), width: 140 },
        {
          field: 'role',
          headerName: t('operator.role'),
          width: 110,
          valueFormatter: ({ value }) => t(`roles.${value}`),
        },
      ]}
      fields={[
        { name: 'name', label: t('operator.name'), input: <Input />, schema: shape.name },
        {
          name: 'level',
          label: t('operator.level'),
          input: <Select options={MANAGER_LEVELS.map((value) => ({ value, label: t(`levels.${value}`) }))} />,
        },
        {
          name: 'branchId',
          label: t('operator.branch'),
          input: (
            <Select
              allowClear
              options={offered(lookups.branches).map((branch) => ({
                value: branch.id,
                label: label(branch, i18n.language),
              }))}
            />
          ),
        },
        { name: 'phone', label: t('operator.phone'), input: <Input />, schema: shape.phone },
        {
          name: 'role',
          label: t('operator.role'),
          input: <Select options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))} />,
        },
        {
          name: 'password',
          label: t('operator.password'),
          input: <Input.Password />,
          extra: t('settings.passwordKeep'),
          schema: shape.password,
        },
      ]}
      toForm={(row) =>
        row
          ? {
              id: row.id,
              version: row.version,
              name: row.name,
              level: row.level,
              branchId: row.branchId,
              phone: row.phone,
              role: row.role,
            }
          : { level: 'account_manager', role: 'staff' }
      }
      onSave={(values) => call('operators.save', values).then(() => refreshLookups())}
    />
  )
}
