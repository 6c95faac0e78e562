/**
 * How one customer's plan is kept over a ten-day period, month or quarter: standard actions done against
 * the targets falling due in it, per item, and the periods already over with too few done; with buttons
 * that record a standard action at once.
 */
import { ExclamationCircleOutlined, PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Progress,
  Row,
  Segmented,
  Space,
  Tag,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActivityKind, CustomerCompliance as Figures } from '../../../../electron/api/contract'
import { call } from '../../api'
import { errorMessage } from '../../errors'
import { useFormat } from '../../format'
import {
  COMPLIANCE_KINDS,
  QUICK_KINDS,
  useServiceItems,
  usePeriodLabel,
  useShareText,
  type ComplianceKind,
} from './shared'

const PICKERS: Record<ComplianceKind, 'date' | 'month' | 'quarter'> = {
  ten_days: 'date',
  month: 'month',
  quarter: 'quarter',
}

/** Progress colours: all done green, under half red, otherwise the theme's blue. */
export function shareStatus(shareBp: number | null): 'success' | 'exception' | 'normal' {
  if (shareBp === null) return 'normal'
  if (shareBp >= 10_000) return 'success'
  return shareBp < 5_000 ? 'exception' : 'normal'
}

/** The compliance query a period picker sets: a kind, and any date inside the period. */
export function PeriodPicker({
  kind,
  date,
  onChange,
}: {
  kind: ComplianceKind
  date: Dayjs
  onChange: (kind: ComplianceKind, date: Dayjs) => void
}) {
  const { t } = useTranslation()
  return (
    <Space wrap>
      <Segmented<ComplianceKind>
        value={kind}
        onChange={(next) => onChange(next, date)}
        options={COMPLIANCE_KINDS.map((value) => ({ value, label: t(`plans.compliance.kind.${value}`) }))}
        data-testid="compliance-kind"
      />
      <DatePicker
        picker={PICKERS[kind]}
        value={date}
        allowClear={false}
        onChange={(next: Dayjs | null) => next && onChange(kind, next)}
        style={{ width: 150 }}
        data-testid="compliance-date"
      />
    </Space>
  )
}

export function CustomerCompliance({
  customerId,
  changes,
  onQuickEntry,
}: {
  customerId: string
  /** Moves when an activity or the plan changed: the figures are read again. */
  changes: number
  onQuickEntry: (kind: ActivityKind) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormat()
  const periodLabel = usePeriodLabel()
  const shareText = useShareText()
  const { name } = useServiceItems()
  const [query, setQuery] = useState<{ kind: ComplianceKind; date: Dayjs }>(() => ({
    kind: 'month',
    date: dayjs(),
  }))
  const [figures, setFigures] = useState<Figures | null>(null)
  const date = query.date.format('YYYY-MM-DD')

  useEffect(() => {
    let current = true
    call('compliance.customer', { customerId, periodKind: query.kind, date })
      .then((next) => current && setFigures(next))
      .catch((error: unknown) => void message.error(errorMessage(t, error)))
    return () => {
      current = false
    }
  }, [customerId, query.kind, date, changes, message, t])

  const items = (figures?.items ?? []).filter((item) => item.target > 0)
  const overdue = figures?.overdue ?? []

  return (
    <Card
      size="small"
      title={t('plans.compliance.title')}
      extra={
        <PeriodPicker
          kind={query.kind}
          date={query.date}
          onChange={(kind, next) => setQuery({ kind, date: next })}
        />
      }
      data-testid="customer-compliance"
    >
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={8}>
          <Space orientation="vertical" size={6} style={{ width: '100%' }}>
            <Typography.Text type="secondary" data-testid="compliance-window">
              {figures &&
                t('plans.compliance.window', {
                  period: periodLabel(figures.window.key),
                  start: format.date(figures.window.start),
                  end: format.date(figures.window.end),
                })}
            </Typography.Text>
            <Space align="baseline" size="middle">
              <Typography.Title level={2} style={{ margin: 0 }} data-testid="compliance-share">
                {figures ? shareText(figures.shareBp) : ''}
              </Typography.Title>
              <Typography.Text type="secondary" data-testid="compliance-figures">
                {figures && t('plans.compliance.figures', { done: figures.done, target: figures.target })}
              </Typography.Text>
            </Space>
            <Progress
              percent={figures?.shareBp == null ? 0 : figures.shareBp / 100}
              status={shareStatus(figures?.shareBp ?? null)}
              showInfo={false}
            />
            {figures && figures.shareBp === null && (
              <Typography.Text type="secondary">{t('plans.compliance.nothingDue')}</Typography.Text>
            )}
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Typography.Text strong>{t('plans.compliance.items')}</Typography.Text>
          <div style={{ maxHeight: 220, overflowY: 'auto', marginTop: 8 }} data-testid="compliance-items">
            {items.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.compliance.nothingDue')} />
            ) : (
              items.map((item) => (
                <div key={item.itemId} style={{ marginBottom: 6 }}>
                  <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                    <span>{name(item.itemId)}</span>
                    <Typography.Text type="secondary">
                      {t('plans.compliance.doneOf', { done: item.done, target: item.target })}
                    </Typography.Text>
                  </Space>
                  <Progress
                    size="small"
                    percent={item.shareBp == null ? 0 : item.shareBp / 100}
                    status={shareStatus(item.shareBp)}
                    showInfo={false}
                  />
                </div>
              ))
            )}
          </div>
        </Col>
        <Col xs={24} lg={8}>
          <Space>
            <Typography.Text strong>{t('plans.compliance.overdueTitle')}</Typography.Text>
            {overdue.length > 0 && <Tag color="red">{overdue.length}</Tag>}
          </Space>
          <div style={{ maxHeight: 220, overflowY: 'auto', marginTop: 8 }} data-testid="compliance-overdue">
            {overdue.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.compliance.noOverdue')} />
            ) : (
              overdue.map((entry) => (
                <div
                  key={`${entry.itemId}|${entry.periodKey}`}
                  style={{ display: 'flex', gap: 8, alignItems: 'baseline', marginBottom: 6 }}
                >
                  <ExclamationCircleOutlined style={{ color: '#cf1322' }} />
                  <span style={{ flex: 1 }}>{name(entry.itemId)}</span>
                  <Typography.Text type="secondary">{periodLabel(entry.periodKey)}</Typography.Text>
                  <Tag color="red" style={{ marginInlineEnd: 0 }}>
                    {t('plans.compliance.doneOf', { done: entry.done, target: entry.wanted })}
                  </Tag>
                </div>
              ))
            )}
          </div>
        </Col>
      </Row>
      <Space
        wrap
        size={[8, 8]}
        style={{ width: '100%', marginTop: 12, paddingTop: 12, borderTop: '1px dashed #f0f0f0' }}
      >
        <Typography.Text strong>{t('plans.compliance.quickEntry')}</Typography.Text>
        {QUICK_KINDS.map((kind) => (
          <Button
            key={kind}
            icon={<PlusOutlined />}
            onClick={() => onQuickEntry(kind)}
            data-testid={`quick-${kind}`}
          >
            {t(`plans.plan.quick.${kind}`)}
          </Button>
        ))}
      </Space>
    </Card>
  )
}
