/** The days a working-day count skipped or counted specially: date, weekday, why, and the holiday's name. */
import { Table, Tag } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { DayNote } from '../../../../electron/api/contract'
import { useFormat } from '../../format'

const REASON_COLOURS: Record<DayNote['reason'], string> = {
  weekend: 'default',
  holiday: 'red',
  makeup_workday: 'green',
  paused: 'orange',
}

export function DayNotes({ notes }: { notes: DayNote[] }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const weekday = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { weekday: 'short', timeZone: 'UTC' }),
    [i18n.language],
  )
  const holiday = (note: DayNote) => (i18n.language === 'en' ? (note.nameEn ?? note.nameZh) : note.nameZh)
  return (
    <Table<DayNote>
      size="small"
      pagination={false}
      rowKey="date"
      dataSource={notes}
      locale={{ emptyText: t('slips.dayNotes.empty') }}
      columns={[
        { key: 'date', title: t('slips.dayNotes.date'), render: (_, note) => format.date(note.date) },
        {
          key: 'weekday',
          title: t('slips.dayNotes.weekday'),
          render: (_, note) => weekday.format(new Date(`${note.date}T00:00:00Z`)),
        },
        {
          key: 'reason',
          title: t('slips.dayNotes.reason'),
          render: (_, note) => (
            <Tag color={REASON_COLOURS[note.reason]}>{t(`sla.dayReason.${note.reason}`)}</Tag>
          ),
        },
        { key: 'name', title: t('slips.dayNotes.name'), render: (_, note) => holiday(note) ?? '' },
      ]}
    />
  )
}
