/**
 * The share of deliveries (or follow-ups) done on time against the 100 % standard, over the records due
 * in a window (this month by default, or a month or range the operator picks), for the list's owners.
 */
import { QuestionCircleOutlined } from '@ant-design/icons'
import { Card, DatePicker, Space, Tooltip, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OnTimeFigure } from '../../../../electron/api/contract'
import { call } from '../../api'
import { ownerQuery } from '../../components/listFilter'
import { errorMessage } from '../../errors'
import { useFormat } from '../../format'
import type { ListFilter } from '../../router'
import { isoDay } from './shared'

const STANDARD_BP = 10_000

interface Period {
  from: Dayjs
  to: Dayjs
}

/** A calendar month, `offset` months from this one. */
function month(offset: number): [Dayjs, Dayjs] {
  const start = dayjs().add(offset, 'month').startOf('month')
  return [start, start.endOf('month')]
}

function thisMonth(): Period {
  const [from, to] = month(0)
  return { from, to }
}

export function OnTimeCard({
  kind,
  customerId,
  owners,
  reloads,
}: {
  kind: 'deliveries' | 'followups'
  customerId?: string | undefined
  /** The list's branch and account manager. */
  owners: Pick<ListFilter, 'branch' | 'manager'>
  /** Moves on each save: the figure is read again. */
  reloads: number
}) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  // This whole month by default: a record due later this month and done already counts; one still open
  // counts once its due date has passed.
  const [period, setPeriod] = useState<Period>(thisMonth)
  const [figure, setFigure] = useState<OnTimeFigure | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const { branch, manager } = owners

  useEffect(() => {
    let current = true
    const channel = kind === 'deliveries' ? 'deliveries.onTime' : 'followUps.onTime'
    call(channel, {
      from: isoDay(period.from),
      to: isoDay(period.to),
      ...(customerId && { customerId }),
      ...ownerQuery({ branch, manager }),
    })
      .then((next) => {
        if (!current) return
        setFigure(next)
        setFailure(null)
      })
      .catch((error: unknown) => current && setFailure(errorMessage(t, error)))
    return () => {
      current = false
    }
  }, [kind, period, customerId, branch, manager, reloads, t])

  const below = figure?.shareBp !== null && figure?.shareBp !== undefined && figure.shareBp < STANDARD_BP
  const colour = figure?.shareBp === null || !figure ? undefined : below ? '#cf1322' : '#389e0d'
  const wholeMonth =
    period.from.isSame(period.from.startOf('month'), 'day') &&
    period.to.isSame(period.from.endOf('month'), 'day')
  const current = wholeMonth && period.from.isSame(dayjs(), 'month')
  const monthName = new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'long' })
  const windowText = current
    ? t('delivery.onTime.thisMonth')
    : wholeMonth
      ? t('delivery.onTime.month', { month: monthName.format(period.from.toDate()) })
      : t('delivery.onTime.range', {
          from: format.date(isoDay(period.from)),
          to: format.date(isoDay(period.to)),
        })

  return (
    <Card size="small" styles={{ body: { padding: '8px 16px' } }} data-testid={`${kind}-on-time`}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space size={8} align="baseline" wrap>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {t(`delivery.onTime.${kind}`, { window: windowText })}
          </Typography.Text>
          {failure ? (
            <Typography.Text type="danger">{failure}</Typography.Text>
          ) : figure && figure.shareBp !== null ? (
            <span
              style={{ fontSize: 20, fontWeight: 600, color: colour, whiteSpace: 'nowrap' }}
              data-testid={`${kind}-on-time-figure`}
            >
              {t('delivery.onTime.figure', {
                onTime: format.count(figure.onTime),
                counted: format.count(figure.counted),
                share: t('sla.percent', { value: format.count(figure.shareBp / 100) }),
              })}
            </span>
          ) : (
            <Typography.Text type="secondary" data-testid={`${kind}-on-time-figure`}>
              {figure ? t('delivery.onTime.nothing') : ''}
            </Typography.Text>
          )}
          <Typography.Text type={below ? 'danger' : 'secondary'}>
            {t('delivery.onTime.standard')}
          </Typography.Text>
          <Tooltip title={t(`delivery.onTime.help.${kind}`)}>
            <QuestionCircleOutlined style={{ color: '#8c8c8c' }} />
          </Tooltip>
        </Space>
        <DatePicker.RangePicker
          size="small"
          // Clearing a chosen window returns to this month.
          allowClear={!current}
          value={[period.from, period.to]}
          onChange={(range) =>
            setPeriod(range?.[0] && range[1] ? { from: range[0], to: range[1] } : thisMonth())
          }
          presets={[
            { label: t('delivery.onTime.presets.thisMonth'), value: month(0) },
            { label: t('delivery.onTime.presets.lastMonth'), value: month(-1) },
            {
              label: t('delivery.onTime.presets.thisYear'),
              value: [dayjs().startOf('year'), dayjs().endOf('year')],
            },
          ]}
          aria-label={t('delivery.onTime.window')}
          data-testid={`${kind}-on-time-window`}
        />
      </Space>
    </Card>
  )
}
