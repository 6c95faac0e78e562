import { InputNumber } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { GradeOption } from '../../../../electron/api/contract'
import { gradeSaveSchema, type GradeSave } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { useFormat } from '../../format'
import { useSession } from '../../session'
import { entryColumns, entryFields, entryForm } from './LookupList'
import { SettingsList } from './SettingsList'

const PPM_PER_PERCENT = 10_000
const MINUTES_PER_HOUR = 60

/**
 * A field typed in display units (%, hours) and checked with the schema of the stored unit (basis
 * points, ppm, minutes): the same rounding as the save, so the check and the main process agree.
 */
export function scaled(schema: z.ZodType, factor: number): z.ZodType {
  return z.preprocess((value) => (typeof value === 'number' ? Math.round(value * factor) : value), schema)
}

/** A ratio (1.5) as a percentage in the current language (150%). */
export function usePercent(minimumFractionDigits = 0, maximumFractionDigits = 2) {
  const { i18n } = useTranslation()
  return useMemo(() => {
    const format = new Intl.NumberFormat(i18n.language, {
      style: 'percent',
      minimumFractionDigits,
      maximumFractionDigits,
    })
    return (ratio: number) => format.format(ratio)
  }, [i18n.language, minimumFractionDigits, maximumFractionDigits])
}

/** Quality grades: availability target (shown in %, kept in ppm) and recovery time (hours, kept in minutes). */
export function GradeList() {
  const { t } = useTranslation()
  const { lookups, refreshLookups } = useSession()
  const format = useFormat()
  const percent = usePercent(2, 4)
  const shape = gradeSaveSchema.shape
  return (
    <SettingsList<GradeOption, GradeSave>
      testId="grade-list"
      rows={lookups.grades}
      columns={entryColumns<GradeOption>(t, [
        {
          field: 'availabilityPpm',
          headerName: t('calendar.rules.availability'),
          width: 170,
          type: 'rightAligned',
          valueFormatter: ({ value }) => percent(Number(value) / 1_000_000),
        },
        {
          field: 'recoveryMinutes',
          headerName: t('calendar.rules.recovery'),
          width: 200,
          type: 'rightAligned',
          valueFormatter: ({ value }) => format.count(Number(value) / MINUTES_PER_HOUR),
        },
      ])}
      fields={entryFields(t, shape, [
        {
          name: 'availabilityPpm',
          label: t('calendar.rules.availability'),
          input: <InputNumber min={90} max={100} step={0.01} suffix="%" style={{ width: 180 }} />,
          schema: scaled(shape.availabilityPpm, PPM_PER_PERCENT),
        },
        {
          name: 'recoveryMinutes',
          label: t('calendar.rules.recovery'),
          input: (
            <InputNumber min={0} step={0.5} suffix={t('calendar.rules.hoursUnit')} style={{ width: 180 }} />
          ),
          schema: scaled(shape.recoveryMinutes, MINUTES_PER_HOUR),
        },
      ])}
      toForm={(row) =>
        row
          ? {
              ...entryForm(row),
              availabilityPpm: row.availabilityPpm / PPM_PER_PERCENT,
              recoveryMinutes: row.recoveryMinutes / MINUTES_PER_HOUR,
            }
          : { sortOrder: lookups.grades.length + 1 }
      }
      onSave={(values) =>
        call('sla.saveGrade', {
          ...values,
          availabilityPpm: Math.round(values.availabilityPpm * PPM_PER_PERCENT),
          recoveryMinutes: Math.round(values.recoveryMinutes * MINUTES_PER_HOUR),
        }).then(refreshLookups)
      }
    />
  )
}
