import type { ColDef } from 'ag-grid-community'
import { Input, InputNumber } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { LookupOption } from '../../../../electron/api/contract'
import { lookupSaveSchema, type LookupSave } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { label, offered, useSession } from '../../session'
import type { FieldSpec } from './EditModal'
import { SettingsList } from './SettingsList'

type EntryShape = Pick<typeof lookupSaveSchema.shape, 'code' | 'nameZh' | 'nameEn' | 'sortOrder'>
type Entry = Omit<LookupOption, 'retired'>

/** The columns every coded, bilingual list shows (branches, industries, products, grades), with its own in between. */
export function entryColumns<T extends Entry>(t: TFunction, own: ColDef<T>[] = []): ColDef<T>[] {
  return [
    { field: 'code', headerName: t('settings.code'), width: 140 },
    { field: 'labelZh', headerName: t('settings.labelZh'), flex: 1 },
    { field: 'labelEn', headerName: t('settings.labelEn'), flex: 1 },
    ...own,
    { field: 'sortOrder', headerName: t('settings.sortOrder'), width: 90 },
  ] as ColDef<T>[]
}

/** The form fields of such a list, checked with the list's save schema, with its own in between. */
export function entryFields(t: TFunction, shape: EntryShape, own: FieldSpec[] = []): FieldSpec[] {
  return [
    { name: 'code', label: t('settings.code'), input: <Input />, schema: shape.code },
    { name: 'nameZh', label: t('settings.labelZh'), input: <Input />, schema: shape.nameZh },
    { name: 'nameEn', label: t('settings.labelEn'), input: <Input />, schema: shape.nameEn },
    ...own,
    {
      name: 'sortOrder',
      label: t('settings.sortOrder'),
      input: <InputNumber min={0} precision={0} />,
      schema: shape.sortOrder,
    },
  ]
}

/** A list entry as its form shows it. */
export function entryForm(row: Entry) {
  const { id, version, code, labelZh, labelEn, sortOrder } = row
  return { id, version, code, nameZh: labelZh, nameEn: labelEn, sortOrder }
}

/**
 * A branch, industry or product list; retiring an entry keeps it on the records that have it.
 * `onChanged` runs after a save or retirement (a new product brings its own rule rows).
 */
export function LookupList({
  kind,
  onChanged,
}: {
  kind: 'branch' | 'industry' | 'product'
  onChanged?: () => unknown
}) {
  const { t, i18n } = useTranslation()
  const { lookups, refreshLookups } = useSession()
  const lists = { branch: lookups.branches, industry: lookups.industries, product: lookups.products }
  const rows = offered(lists[kind])
  const refresh = (next: Parameters<typeof refreshLookups>[0]) =>
    refreshLookups(next).then(() => onChanged?.())
  return (
    <SettingsList<LookupOption, LookupSave>
      testId={`${kind}-list`}
      rows={rows}
      columns={entryColumns<LookupOption>(t)}
      fields={entryFields(t, lookupSaveSchema.shape)}
      toForm={(row) => (row ? { kind, ...entryForm(row) } : { kind, sortOrder: rows.length + 1 })}
      onSave={(values) => call('settings.saveLookup', values).then(refresh)}
      onRetire={(row) =>
        call('settings.deleteLookup', { kind, id: row.id, version: row.version }).then(refresh)
      }
      retireLabel={(row) => label(row, i18n.language)}
    />
  )
}
