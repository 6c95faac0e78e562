import { Input, InputNumber } from 'antd'
import { useTranslation } from 'react-i18next'
import type { LookupOption } from '../../../../electron/api/contract'
import { lookupSaveSchema, type LookupSave } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { label, offered, useSession } from '../../session'
import { SettingsList } from './SettingsList'

/** A branch or industry list; retiring an entry keeps it on the customers that have it. */
export function LookupList({ kind }: { kind: 'branch' | 'industry' }) {
  const { t, i18n } = useTranslation()
  const { lookups, refreshLookups } = useSession()
  const rows = offered(kind === 'branch' ? lookups.branches : lookups.industries)
  const shape = lookupSaveSchema.shape
  return (
    <SettingsList<LookupOption, LookupSave>
      testId={`${kind}-list`}
      rows={rows}
      columns={[
        { field: 'code', headerName: t('settings.code'), width: 140 },
        { field: 'labelZh', headerName: t('settings.labelZh'), flex: 1 },
        { field: 'labelEn', headerName: t('settings.labelEn'), flex: 1 },
        { field: 'sortOrder', headerName: t('settings.sortOrder'), width: 90 },
      ]}
      fields={[
        { name: 'code', label: t('settings.code'), input: <Input />, schema: shape.code },
        { name: 'nameZh', label: t('settings.labelZh'), input: <Input />, schema: shape.nameZh },
        { name: 'nameEn', label: t('settings.labelEn'), input: <Input />, schema: shape.nameEn },
        {
          name: 'sortOrder',
          label: t('settings.sortOrder'),
          input: <InputNumber min={0} precision={0} />,
          schema: shape.sortOrder,
        },
      ]}
      toForm={(row) =>
        row
          ? {
              kind,
              id: row.id,
              version: row.version,
              code: row.code,
              nameZh: row.labelZh,
              nameEn: row.labelEn,
              sortOrder: row.sortOrder,
            }
          : { kind, sortOrder: rows.length + 1 }
      }
      onSave={(values) => call('settings.saveLookup', values).then(refreshLookups)}
      onRetire={(row) =>
        call('settings.deleteLookup', { kind, id: row.id, version: row.version }).then(refreshLookups)
      }
      retireLabel={(row) => label(row, i18n.language)}
    />
  )
}
