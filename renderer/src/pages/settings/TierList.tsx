import { Input, InputNumber } from 'antd'
import { useTranslation } from 'react-i18next'
import type { TierOption } from '../../../../electron/api/contract'
import { tierSaveSchema, type TierSave } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { useSession } from '../../session'
import { SettingsList } from './SettingsList'

/** The active scheme's tiers: code, labels and rank. */
export function TierList() {
  const { t } = useTranslation()
  const { lookups, refreshLookups } = useSession()
  const rows = lookups.tiers.filter((tier) => tier.scheme === lookups.tierScheme)
  const shape = tierSaveSchema.shape
  return (
    <SettingsList<TierOption, TierSave>
      testId="tier-list"
      rows={rows}
      columns={[
        { field: 'code', headerName: t('settings.code'), width: 100 },
        { field: 'labelZh', headerName: t('settings.labelZh'), flex: 1 },
        { field: 'labelEn', headerName: t('settings.labelEn'), flex: 1 },
        { field: 'rank', headerName: t('settings.rank'), width: 150 },
      ]}
      fields={[
        { name: 'code', label: t('settings.code'), input: <Input />, schema: shape.code },
        { name: 'labelZh', label: t('settings.labelZh'), input: <Input />, schema: shape.labelZh },
        { name: 'labelEn', label: t('settings.labelEn'), input: <Input />, schema: shape.labelEn },
        {
          name: 'rank',
          label: t('settings.rank'),
          input: <InputNumber min={1} precision={0} />,
          schema: shape.rank,
        },
      ]}
      toForm={(row) =>
        row
          ? {
              id: row.id,
              version: row.version,
              scheme: row.scheme,
              code: row.code,
              labelZh: row.labelZh,
              labelEn: row.labelEn,
              rank: row.rank,
            }
          : { scheme: lookups.tierScheme, rank: rows.length + 1 }
      }
      onSave={(values) => call('settings.saveTier', values).then(refreshLookups)}
    />
  )
}
