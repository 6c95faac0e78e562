import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import type { Language } from '../../../electron/api/contract'
import * as calendar from './areas/calendar'
import * as delivery from './areas/delivery'
import * as deliveryRules from './areas/deliveryRules'
import * as myday from './areas/myday'
import * as plans from './areas/plans'
import * as report from './areas/report'
import * as value from './areas/value'
import * as sla from './areas/sla'
import * as slips from './areas/slips'
import * as transfer from './areas/transfer'
import { en } from './en'
import { zhCN } from './zh-CN'

/** The app's strings, and each area's under its own key (so that areas are written side by side). */
export const resources = {
  'zh-CN': {
    translation: {
      ...zhCN,
      sla: sla.zh,
      calendar: calendar.zh,
      slips: slips.zh,
      plans: plans.zh,
      value: value.zh,
      delivery: delivery.zh,
      deliveryRules: deliveryRules.zh,
      myday: myday.zh,
      transfer: transfer.zh,
      report: report.zh,
    },
  },
  en: {
    translation: {
      ...en,
      sla: sla.en,
      calendar: calendar.en,
      slips: slips.en,
      plans: plans.en,
      value: value.en,
      delivery: delivery.en,
      deliveryRules: deliveryRules.en,
      myday: myday.en,
      transfer: transfer.en,
      report: report.en,
    },
  },
} as const

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
