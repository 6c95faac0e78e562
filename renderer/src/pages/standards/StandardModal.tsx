/**
 * A supervisor changes what one tier gets of one item: provided or not, how often, how fast, the
 * contact classes covered and the degree in both languages. The fields are checked with the main
 * process's own schema, and its refusals land at the fields.
 */
import { App, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Switch } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { PeriodKind, StandardsMatrix } from '../../../../electron/api/contract'
import { PERIOD_KINDS, standardSaveSchema } from '../../../../electron/api/schemas'
import { ApiError, call } from '../../api'
import { errorMessage, schemaRule, showFieldErrors } from '../../errors'
import { label } from '../../session'
import { CONTACT_CLASSES, coverageList } from './cells'
import type { CellRef } from './StandardsMatrix'

interface Values {
  provided: boolean
  frequency: number | null
  period: PeriodKind | null
  responseHours: number | null
  degreeZh: string | null
  degreeEn: string | null
  coverage: string[]
}

const shape = standardSaveSchema.shape
const joinCoverage = (value: unknown) => (Array.isArray(value) && value.length > 0 ? value.join(',') : null)

export function StandardModal({
  cell,
  onClose,
  onSaved,
  onStale,
}: {
  cell: CellRef | null
  onClose: () => void
  onSaved: (matrix: StandardsMatrix) => void
  /** Another window changed the standard first: the matrix is read again and the modal closed. */
  onStale: () => void
}) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const provided = Form.useWatch('provided', form) ?? false

  useEffect(() => {
    if (!cell) return
    const { standard } = cell
    form.resetFields()
    form.setFieldsValue({
      provided: standard.provided,
      frequency: standard.frequency,
      period: standard.period,
      responseHours: standard.responseHours,
      degreeZh: standard.degreeZh,
      degreeEn: standard.degreeEn,
      coverage: coverageList(standard.coverage),
    })
  }, [cell, form])

  const submit = async () => {
    if (!cell) return
    const values = await form.validateFields()
    try {
      const matrix = await call('standards.save', {
        id: cell.standard.id,
        version: cell.standard.version,
        provided: values.provided,
        // Not provided: nothing to count or answer.
        frequency: values.provided ? (values.frequency ?? null) : null,
        period: values.provided ? (values.period ?? null) : null,
        responseHours: values.provided ? (values.responseHours ?? null) : null,
        degreeZh: values.degreeZh ?? null,
        degreeEn: values.degreeEn ?? null,
        coverage: joinCoverage(values.coverage),
      })
      onSaved(matrix)
      void message.success(t('common.saved'))
      onClose()
    } catch (error) {
      if (error instanceof ApiError && error.data.code === 'stale_edit') {
        void message.warning(`${errorMessage(t, error)} ${t('plans.standards.reloaded')}`)
        onStale()
        onClose()
        return
      }
      // Refusals at a field go there; anything else (a stale edit, a role refused) is said aloud.
      const rest = showFieldErrors(t, form, error)
      const onFields = error instanceof ApiError && (error.data.fields?.length ?? 0) > rest.length
      if (!onFields) void message.error(errorMessage(t, error))
    }
  }

  const title = cell
    ? t('plans.standards.edit.title', {
        item: i18n.language === 'en' ? cell.item.nameEn : cell.item.nameZh,
        tier: label(cell.tier, i18n.language),
      })
    : ''

  return (
    <Modal
      title={title}
      open={cell !== null}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
      width={560}
    >
      <Form form={form} name="standard" layout="vertical" data-testid="standard-form">
        <Form.Item name="provided" label={t('plans.standards.edit.provided')} valuePropName="checked">
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
        <Form.Item label={t('plans.standards.edit.frequency')} required={false} style={{ marginBottom: 0 }}>
          <Space align="start" wrap>
            <Form.Item name="frequency" rules={[schemaRule(t, shape.frequency, (v) => v ?? null)]}>
              <InputNumber
                min={0}
                precision={0}
                disabled={!provided}
                aria-label={t('plans.standards.edit.times')}
                placeholder={t('plans.standards.edit.times')}
                style={{ width: 140 }}
              />
            </Form.Item>
            <Form.Item
              name="period"
              dependencies={['frequency', 'provided']}
              rules={[
                schemaRule(t, shape.period, (v) => v ?? null),
                ({ getFieldValue }) => ({
                  validator: async (_rule: unknown, value: unknown) => {
                    const hasFrequency = getFieldValue('frequency') != null
                    if (getFieldValue('provided') && hasFrequency !== (value != null))
                      throw new Error(t('validation.frequency_needs_period'))
                  },
                }),
              ]}
            >
              <Select<PeriodKind>
                allowClear
                disabled={!provided}
                aria-label={t('plans.standards.edit.period')}
                placeholder={t('plans.standards.edit.period')}
                style={{ width: 160 }}
                options={PERIOD_KINDS.map((kind) => ({
                  value: kind,
                  label: t(`plans.standards.edit.periods.${kind}`),
                }))}
              />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item
          name="responseHours"
          label={t('plans.standards.edit.responseHours')}
          extra={t('plans.standards.edit.responseHint')}
          rules={[schemaRule(t, shape.responseHours, (v) => v ?? null)]}
        >
          <InputNumber min={0} precision={0} disabled={!provided} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="coverage"
          label={t('plans.standards.edit.coverage')}
          extra={t('plans.standards.edit.coverageHint')}
          rules={[schemaRule(t, shape.coverage, joinCoverage)]}
        >
          <Checkbox.Group
            options={CONTACT_CLASSES.map((name) => ({ value: name, label: t(`contactClass.${name}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="degreeZh"
          label={t('plans.standards.edit.degreeZh')}
          rules={[schemaRule(t, shape.degreeZh)]}
        >
          <Input placeholder={t('plans.standards.edit.degreeZhHint')} />
        </Form.Item>
        <Form.Item
          name="degreeEn"
          label={t('plans.standards.edit.degreeEn')}
          rules={[schemaRule(t, shape.degreeEn)]}
        >
          <Input placeholder={t('plans.standards.edit.degreeEnHint')} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
