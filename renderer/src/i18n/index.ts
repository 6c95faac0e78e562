import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../../electron/api/contract'
import { en } from './en'
import { zhCN } from './zh-CN'

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return i18next
}
