/** Says where a date result reaches a year with no official calendar loaded (weekends alone are a guess there). */
import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'

export function CalendarWarning({ years }: { years: number[] }) {
  const { t } = useTranslation()
  if (years.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      title={t('sla.calendarWarning', { years: years.join(t('slips.listSeparator')) })}
      data-testid="calendar-warning"
    />
  )
}
