/** A plan item's target in words: 每月 2 次 / 2 per month, 按需提供 / on request, 不提供 / not provided. */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { PeriodKind } from '../../../../electron/api/contract'

export function useTargetText() {
  const { t } = useTranslation()
  return useCallback(
    (item: { provided: boolean; frequency: number | null; period: PeriodKind | null }) => {
      if (!item.provided) return t('plans.plan.notProvided')
      if (item.frequency === null || item.period === null) return t('plans.plan.onRequest')
      return t('plans.plan.target', {
        count: item.frequency,
        period: t(`plans.periods.${item.period}`),
      })
    },
    [t],
  )
}
