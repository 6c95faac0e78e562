/**
 * The value assessment of one customer as the main process computes it: the score, its three parts
 * with their inputs, the suggested tier against the assigned one, what losing the customer costs;
 * and the two inputs typed by hand (additional value, intangible score).
 */
import { WarningOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  Descriptions,
  Divider,
  Form,
  Input,
  InputNumber,
  Progress,
  Slider,
  Space,
  Tag,
  Typography,
} from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerValueRecord, ValueSettingsRecord } from '../../../../electron/api/contract'
import { LIMITS } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { errorMessage } from '../../errors'
import { fenToYuan, useFormat, yuanToFen } from '../../format'
import { label, useSession } from '../../session'
import { YuanInput } from '../sla/pickers'
import { showRefusal, usePercentBp } from './common'

interface EditValues {
  additional: number | null
  intangibleScore: number
  note: string | null
}

const FIELD_NAMES: Record<string, string> = {
  additionalFen: 'additional',
  intangibleScore: 'intangibleScore',
  note: 'note',
}

const PARTS = [
  ['current', 'currentBp', '#1456a0'],
  ['potential', 'potentialBp', '#13a8a8'],
  ['intangible', 'intangibleBp', '#9254de'],
] as const

export function AssessmentCard({ customerId, reloads }: { customerId: string; reloads: number }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { lookups } = useSession()
  const format = useFormat()
  const percent = usePercentBp()
  const [record, setRecord] = useState<CustomerValueRecord | null>(null)
  const [settings, setSettings] = useState<ValueSettingsRecord | null>(null)
  const [saving, setSaving] = useState(false)
  const [form] = Form.useForm<EditValues>()

  useEffect(() => {
    let current = true
    Promise.all([call('value.get', { id: customerId }), call('value.settings')])
      .then(([value, weights]) => {
        if (!current) return
        setRecord(value)
        setSettings(weights)
      })
      .catch((error: unknown) => void message.error(errorMessage(t, error)))
    return () => {
      current = false
    }
  }, [customerId, reloads, message, t])

  useEffect(() => {
    if (!record) return
    form.setFieldsValue({
      additional: fenToYuan(record.additionalFen),
      intangibleScore: record.intangibleScore,
      note: record.note,
    })
  }, [record, form])

  const save = async (values: EditValues) => {
    if (!record) return
    setSaving(true)
    try {
      const next = await call('value.save', {
        ...(record.id && record.version !== null && { id: record.id, version: record.version }),
        customerId,
        additionalFen: yuanToFen(values.additional) ?? 0,
        intangibleScore: values.intangibleScore,
        note: values.note,
      })
      setRecord(next)
      void message.success(t('common.saved'))
    } catch (error) {
      showRefusal(
        t,
        form,
        error,
        (text) => void message.error(text),
        (path) => (FIELD_NAMES[path] ? [FIELD_NAMES[path]] : null),
      )
    } finally {
      setSaving(false)
    }
  }

  const tier = (id: string | null) =>
    id
      ? label(
          lookups.tiers.find((entry) => entry.id === id),
          i18n.language,
        )
      : t('value.assessment.noTier')
  const inputs = record?.inputs
  const partInputs: Record<(typeof PARTS)[number][0], [string, string][]> = {
    current: inputs
      ? [
          [t('value.assessment.directFen'), format.money(inputs.directFen)],
          [t('value.assessment.additionalFen'), format.money(inputs.additionalFen)],
        ]
      : [],
    potential: inputs
      ? [
          [
            t('value.assessment.subscribers'),
            t('value.assessment.subscribersValue', {
              employees: inputs.employees === null ? t('value.none') : format.count(inputs.employees),
              subscribers:
                inputs.ourSubscribers === null ? t('value.none') : format.count(inputs.ourSubscribers),
            }),
          ],
          [
            t('value.assessment.products'),
            t('value.assessment.productsValue', {
              taken: format.count(inputs.productsTaken),
              offered: format.count(inputs.productsOffered),
            }),
          ],
        ]
      : [],
    intangible: inputs ? [[t('value.assessment.intangibleScore'), format.count(inputs.intangibleScore)]] : [],
  }

  return (
    <Card size="small" title={t('value.assessment.title')} loading={!record} data-testid="value-assessment">
      {record && (
        <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', alignItems: 'stretch' }}>
          <div style={{ flex: '0 0 240px' }}>
            <Typography.Text type="secondary">{t('value.assessment.score')}</Typography.Text>
            <div style={{ display: 'flex', alignItems: 'baseline', gap: 6 }}>
              <span
                style={{ fontSize: 44, fontWeight: 600, lineHeight: 1.1, color: '#1456a0' }}
                data-testid="value-score"
              >
                {record.score.toLocaleString(i18n.language, { minimumFractionDigits: 1 })}
              </span>
              <Typography.Text type="secondary">{t('value.assessment.outOf')}</Typography.Text>
            </div>
            <Descriptions
              size="small"
              column={1}
              style={{ marginTop: 12 }}
              items={[
                {
                  key: 'suggested',
                  label: t('value.assessment.suggestedTier'),
                  children: <Tag color="blue">{tier(record.suggestedTierId)}</Tag>,
                },
                {
                  key: 'assigned',
                  label: t('value.assessment.assignedTier'),
                  children: <Tag>{tier(record.assignedTierId)}</Tag>,
                },
              ]}
            />
            {record.differs ? (
              <Tag color="warning" icon={<WarningOutlined />} data-testid="tier-differs">
                {t('value.assessment.differs')}
              </Tag>
            ) : (
              record.assignedTierId && <Tag color="success">{t('value.assessment.matches')}</Tag>
            )}
          </div>
          <div style={{ flex: '1 1 420px', minWidth: 360 }}>
            {PARTS.map(([part, weight, colour]) => (
              <div key={part} style={{ marginBottom: 10 }} data-testid={`value-${part}`}>
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Typography.Text strong>{t(`value.assessment.${part}`)}</Typography.Text>
                  {settings && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('value.assessment.weight', { weight: percent(settings.weights[weight]) })}
                    </Typography.Text>
                  )}
                </Space>
                <Progress
                  percent={record[part]}
                  strokeColor={colour}
                  status="normal"
                  format={(value) => (value ?? 0).toLocaleString(i18n.language, { maximumFractionDigits: 1 })}
                  size="small"
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {partInputs[part]
                    .map(([name, value]) => `${name}${t('common.colon')}${value}`)
                    .join(t('common.separator'))}
                </Typography.Text>
              </div>
            ))}
            <Typography.Text type="warning" data-testid="value-equivalent">
              {t('value.assessment.equivalent', {
                business: format.count(record.equivalentBusiness),
                public: format.count(record.equivalentPublic),
              })}
            </Typography.Text>
          </div>
          <Divider orientation="vertical" style={{ height: 'auto', margin: 0 }} />
          <div style={{ flex: '1 1 320px', minWidth: 300 }}>
            <Typography.Text strong>{t('value.assessment.editTitle')}</Typography.Text>
            <Form
              form={form}
              name="customerValue"
              layout="horizontal"
              labelCol={{ flex: '160px' }}
              labelWrap
              labelAlign="left"
              colon={false}
              onFinish={(values) => void save(values)}
              style={{ marginTop: 12 }}
            >
              <Form.Item
                name="additional"
                label={t('value.assessment.additionalLabel')}
                tooltip={t('value.assessment.additionalHint')}
                style={{ marginBottom: 10 }}
              >
                <YuanInput style={{ width: '100%', maxWidth: 220 }} />
              </Form.Item>
              <Form.Item
                label={t('value.assessment.intangibleLabel')}
                tooltip={t('value.assessment.intangibleHint')}
                style={{ marginBottom: 10 }}
              >
                <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
                  <Form.Item name="intangibleScore" noStyle>
                    <Slider min={0} max={100} style={{ flex: 1, margin: '0 4px' }} />
                  </Form.Item>
                  <Form.Item name="intangibleScore" noStyle>
                    <InputNumber
                      min={0}
                      max={100}
                      precision={0}
                      style={{ width: 72 }}
                      aria-label={t('value.assessment.intangibleLabel')}
                    />
                  </Form.Item>
                </div>
              </Form.Item>
              <Form.Item name="note" label={t('value.assessment.noteLabel')} style={{ marginBottom: 10 }}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={LIMITS.longText} />
              </Form.Item>
              <Form.Item label=" " style={{ marginBottom: 0 }}>
                <Button htmlType="submit" type="primary" loading={saving} data-testid="save-value">
                  {t('common.save')}
                </Button>
              </Form.Item>
            </Form>
          </div>
        </div>
      )}
    </Card>
  )
}
