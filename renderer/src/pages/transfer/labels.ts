/** The words of an import: a field's label for a kind, a rejected row's reasons, a column's letter. */
import type { TFunction } from 'i18next'
import type { ImportKind, ImportReason } from '../../../../electron/api/contract'
import { fieldMessage } from '../../errors'

/** A field of an import, by its key: the kind's own label, else the app's field label, else the key. */
export function fieldLabel(t: TFunction, kind: ImportKind, key: string): string {
  return t(`transfer.fields.${kind}.${key}`, {
    defaultValue: t(`fields.${key}`, { defaultValue: key }),
  })
}

/** One reason: "电话：电话格式不对…", or the message alone for a reason about the whole row. */
export function reasonText(t: TFunction, kind: ImportKind, reason: ImportReason): string {
  const message = fieldMessage(t, reason)
  return reason.path ? `${fieldLabel(t, kind, reason.path)}${t('common.colon')}${message}` : message
}

export function reasonsText(t: TFunction, kind: ImportKind, reasons: ImportReason[]): string {
  return reasons.map((reason) => reasonText(t, kind, reason)).join(t('common.separator'))
}

/** A column's letter as a spreadsheet shows it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}
