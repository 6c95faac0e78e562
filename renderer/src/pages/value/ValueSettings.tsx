/**
 * The value assessment and churn settings (supervisors edit, others read): the weights in % (adding up to
 * 100 %), the current value that scores 100, the lowest score per tier rank, what losing a key account
 * equals, and the revenue drop that raises a churn warning.
 */
import { App, Button, Form, InputNumber, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ValueSettingsRecord } from '../../../../electron/api/contract'
import { call } from '../../api'
import { errorMessage } from '../../errors'
import { fenToYuan, yuanToFen } from '../../format'
import { label, useSession } from '../../session'
import { YuanInput } from '../sla/pickers'
import { showRefusal, usePercentBp } from './common'

const BP_PER_PERCENT = 100
const WEIGHTS = ['currentBp', 'potentialBp', 'intangibleBp'] as const
const PART_OF: Record<(typeof WEIGHTS)[number], string> = {
  currentBp: 'current',
  potentialBp: 'potential',
  intangibleBp: 'intangible',
}

type Weights = Record<(typeof WEIGHTS)[number], number | null>

interface SettingsValues {
  /** In %. */
  weights: Weights
  /** In yuan. */
  fullCurrent: number | null
  thresholds: { rank: number; minScore: number | null }[]
  equivalentBusiness: number | null
  equivalentPublic: number | null
  /** In %. */
  churnShare: number | null
}

const pct = (bp: number) => bp / BP_PER_PERCENT
const bp = (percent: number | null) => Math.round((percent ?? 0) * BP_PER_PERCENT)

function toValues(settings: ValueSettingsRecord): SettingsValues {
  return {
    weights: {
      currentBp: pct(settings.weights.currentBp),
      potentialBp: pct(settings.weights.potentialBp),
      intangibleBp: pct(settings.weights.intangibleBp),
    },
    fullCurrent: fenToYuan(settings.fullCurrentFen),
    thresholds: [...settings.thresholds].sort((a, b) => a.rank - b.rank),
    equivalentBusiness: settings.equivalentBusiness,
    equivalentPublic: settings.equivalentPublic,
    churnShare: pct(settings.churnShareBp),
  }
}

function weightsTotalBp(weights: Partial<Weights> | undefined): number {
  return WEIGHTS.reduce((total, key) => total + bp(weights?.[key] ?? 0), 0)
}

/** A contract path as the form's field name (weights as one field, money and shares under their own names). */
function fieldName(path: string): (string | number)[] | null {
  if (path === 'weights' || path.startsWith('weights.')) return ['weights']
  if (path === 'fullCurrentFen') return ['fullCurrent']
  if (path === 'churnShareBp') return ['churnShare']
  if (path === 'equivalentBusiness' || path === 'equivalentPublic') return [path]
  const threshold = /^thresholds\.(\d+)\.(\w+)$/.exec(path)
  if (threshold) return ['thresholds', Number(threshold[1]), threshold[2]!]
  return null
}

/** The three weights side by side, typed in %, as one form field. */
function WeightsInput({
  value,
  onChange,
  disabled,
}: {
  value?: Weights
  onChange?: (value: Weights) => void
  disabled?: boolean
}) {
  const { t } = useTranslation()
  const percent = usePercentBp()
  const total = weightsTotalBp(value)
  return (
    <Space wrap size={16} align="center">
      {WEIGHTS.map((key) => (
        <Space key={key} size={6}>
          <Typography.Text>{t(`value.assessment.${PART_OF[key]}`)}</Typography.Text>
          <InputNumber
            min={0}
            max={100}
            suffix="%"
            style={{ width: 100 }}
            disabled={disabled}
            value={value?.[key] ?? null}
            onChange={(next) => onChange?.({ ...(value ?? ({} as Weights)), [key]: next })}
            aria-label={t(`value.assessment.${PART_OF[key]}`)}
            data-testid={`weight-${PART_OF[key]}`}
          />
        </Space>
      ))}
      <Typography.Text type={total === 10_000 ? 'secondary' : 'danger'} data-testid="weights-total">
        {t('value.settings.weightsTotal', { total: percent(total) })}
      </Typography.Text>
    </Space>
  )
}

export function ValueSettings() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { isSupervisor, lookups } = useSession()
  const [settings, setSettings] = useState<ValueSettingsRecord | null>(null)
  const [saving, setSaving] = useState(false)
  const [form] = Form.useForm<SettingsValues>()

  useEffect(() => {
    call('value.settings')
      .then(setSettings)
      .catch((error: unknown) => void message.error(errorMessage(t, error)))
  }, [message, t])

  useEffect(() => {
    if (settings) form.setFieldsValue(toValues(settings))
  }, [settings, form])

  const save = async (values: SettingsValues) => {
    setSaving(true)
    try {
      const next = await call('value.saveSettings', {
        weights: {
          currentBp: bp(values.weights.currentBp),
          potentialBp: bp(values.weights.potentialBp),
          intangibleBp: bp(values.weights.intangibleBp),
        },
        fullCurrentFen: yuanToFen(values.fullCurrent) ?? 0,
        thresholds: values.thresholds.map(({ rank, minScore }) => ({ rank, minScore: minScore ?? 0 })),
        equivalentBusiness: values.equivalentBusiness ?? 0,
        equivalentPublic: values.equivalentPublic ?? 0,
        churnShareBp: bp(values.churnShare),
      })
      setSettings(next)
      void message.success(t('common.saved'))
    } catch (error) {
      showRefusal(t, form, error, (text) => void message.error(text), fieldName)
    } finally {
      setSaving(false)
    }
  }

  /** The active scheme's tier of a rank, for the thresholds' labels (A类, 5A ...). */
  const tierOfRank = (rank: number) =>
    label(
      lookups.tiers.find((tier) => tier.scheme === lookups.tierScheme && tier.rank === rank),
      i18n.language,
    )
  const required = { required: true, message: t('validation.required') }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="value-settings">
      <Typography.Text type="secondary">{t('value.settings.intro')}</Typography.Text>
      <Form
        form={form}
        name="valueSettings"
        layout="horizontal"
        labelCol={{ flex: '280px' }}
        labelWrap
        disabled={!isSupervisor || !settings}
        onFinish={(values) => void save(values)}
        style={{ maxWidth: 1140 }}
      >
        <Form.Item
          name="weights"
          label={t('value.settings.weights')}
          rules={[
            {
              validator: async (_rule, value: Weights | undefined) => {
                if (weightsTotalBp(value) !== 10_000) throw new Error(t('validation.weights_not_whole'))
              },
            },
          ]}
        >
          <WeightsInput />
        </Form.Item>
        <Form.Item
          name="fullCurrent"
          label={t('value.settings.fullCurrentFen')}
          extra={t('value.settings.fullCurrentHint')}
          rules={[required]}
        >
          <YuanInput style={{ width: 220 }} min={1} />
        </Form.Item>
        <Form.Item label={t('value.settings.thresholds')} style={{ marginBottom: 12 }}>
          <Form.List name="thresholds">
            {(fields) => (
              <Space wrap size={16}>
                {fields.map((field) => {
                  const rank = form.getFieldValue(['thresholds', field.name, 'rank']) as number
                  const tier = tierOfRank(rank)
                  return (
                    <Space key={field.key} size={6} align="baseline">
                      <Form.Item name={[field.name, 'rank']} hidden noStyle>
                        <InputNumber />
                      </Form.Item>
                      <Typography.Text>
                        {t('value.settings.thresholdRank', { rank })}
                        {tier && ` · ${tier}`}
                      </Typography.Text>
                      <Form.Item
                        name={[field.name, 'minScore']}
                        rules={[required]}
                        style={{ marginBottom: 0 }}
                      >
                        <InputNumber
                          min={0}
                          max={100}
                          style={{ width: 72 }}
                          aria-label={t('value.settings.thresholdRank', { rank })}
                        />
                      </Form.Item>
                    </Space>
                  )
                })}
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item
          name="equivalentBusiness"
          label={t('value.settings.equivalentBusiness')}
          rules={[required]}
          style={{ marginBottom: 8 }}
        >
          <InputNumber min={1} precision={0} style={{ width: 140 }} suffix={t('value.settings.customers')} />
        </Form.Item>
        <Form.Item
          name="equivalentPublic"
          label={t('value.settings.equivalentPublic')}
          extra={t('value.settings.equivalentHint')}
          rules={[required]}
        >
          <InputNumber min={1} precision={0} style={{ width: 140 }} suffix={t('value.settings.customers')} />
        </Form.Item>
        <Form.Item
          name="churnShare"
          label={t('value.settings.churnShare')}
          extra={t('value.settings.churnShareHint')}
          rules={[required]}
        >
          <InputNumber min={1} max={90} suffix="%" style={{ width: 120 }} />
        </Form.Item>
        {isSupervisor && (
          <Form.Item label=" " colon={false} style={{ marginBottom: 0 }}>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="save-value-settings">
              {t('common.save')}
            </Button>
          </Form.Item>
        )}
      </Form>
    </Space>
  )
}
