/** The customer file's profile fields, checked at the field with the contract's own schema. */
import { Col, Divider, Form, Input, InputNumber, Row, Select, Switch, type FormInstance } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  CUSTOMER_STATUSES,
  customerFieldsSchema,
  type CustomerFields,
} from '../../../../electron/api/schemas'
import { schemaRule } from '../../errors'
import { fenToYuan, groupDigits, ungroupDigits, yuanToFen } from '../../format'
import { label, offered, useSession } from '../../session'

type Name = keyof CustomerFields

function Field({ name, children, span = 8 }: { name: Name; children: ReactNode; span?: number }) {
  const { t } = useTranslation()
  const required = name === 'code' || name === 'name'
  return (
    <Col span={span}>
      <Form.Item
        name={name}
        label={t(`fields.${name}`)}
        rules={[schemaRule(t, customerFieldsSchema.shape[name])]}
        required={required}
      >
        {children}
      </Form.Item>
    </Col>
  )
}

/** Money is kept in fen; the field shows and takes yuan. */
function MoneyField({ name }: { name: 'annualOutputFen' | 'monthlyRevenueFen' }) {
  const { t } = useTranslation()
  return (
    <Col span={8}>
      <Form.Item
        name={name}
        label={t(`fields.${name}`)}
        rules={[schemaRule(t, customerFieldsSchema.shape[name])]}
        getValueProps={(fen: number | null) => ({ value: fenToYuan(fen) })}
        normalize={(yuan: number | null) => yuanToFen(yuan)}
      >
        <InputNumber
          style={{ width: '100%' }}
          precision={2}
          step={100}
          formatter={groupDigits}
          parser={ungroupDigits}
        />
      </Form.Item>
    </Col>
  )
}

/** A list field: clearable and searchable by its label. */
function choice(options: { value: string; label: string }[]) {
  return <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={options} />
}

const count = (
  <InputNumber style={{ width: '100%' }} precision={0} formatter={groupDigits} parser={ungroupDigits} />
)

export function ProfileForm({
  form,
  disabled,
  onChange,
}: {
  form: FormInstance<CustomerFields>
  disabled: boolean
  onChange: () => void
}) {
  const { t, i18n } = useTranslation()
  const { lookups } = useSession()
  // The values the file has now: a retired entry it keeps is still offered, and shown by its label.
  const industryId = Form.useWatch('industryId', form)
  const branchId = Form.useWatch('branchId', form)
  const tierId = Form.useWatch('tierId', form)
  const options = (list: { id: string; labelZh: string; labelEn: string; code: string }[]) =>
    list.map((entry) => ({ value: entry.id, label: label(entry, i18n.language) }))
  const section = (key: string) => (
    <Divider titlePlacement="start" plain style={{ marginTop: 4 }}>
      {t(`customer.sections.${key}`)}
    </Divider>
  )
  return (
    <Form
      form={form}
      name="customer"
      layout="vertical"
      disabled={disabled}
      onValuesChange={onChange}
      data-testid="customer-form"
      scrollToFirstError
    >
      {section('identity')}
      <Row gutter={16}>
        <Field name="code">
          <Input />
        </Field>
        <Field name="name" span={16}>
          <Input />
        </Field>
        <Field name="industryId">{choice(options(offered(lookups.industries, industryId)))}</Field>
        <Field name="branchId">{choice(options(offered(lookups.branches, branchId)))}</Field>
        <Field name="tierId">
          {choice(
            options(lookups.tiers.filter((tier) => tier.scheme === lookups.tierScheme || tier.id === tierId)),
          )}
        </Field>
        <Field name="accountManagerId">
          {choice(
            lookups.accountManagers.map((manager) => ({
              value: manager.id,
              label: `${manager.name} · ${t(`levels.${manager.level}`)}`,
            })),
          )}
        </Field>
        <Field name="status">
          <Select
            options={CUSTOMER_STATUSES.map((status) => ({
              value: status,
              label: t(`customerStatus.${status}`),
            }))}
          />
        </Field>
        <Field name="leader">
          <Input />
        </Field>
        <Field name="address" span={24}>
          <Input />
        </Field>
      </Row>
      {section('size')}
      <Row gutter={16}>
        <Field name="employees">{count}</Field>
        <MoneyField name="annualOutputFen" />
        <MoneyField name="monthlyRevenueFen" />
      </Row>
      {section('telecom')}
      <Row gutter={16}>
        <Field name="ourSubscribers">{count}</Field>
        <Field name="competitorSubscribers">{count}</Field>
        <Col span={8}>
          <Form.Item name="hasPbx" valuePropName="checked" label={t('fields.hasPbx')}>
            <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
          </Form.Item>
        </Col>
        <Field name="fixedLines">{count}</Field>
        <Field name="broadbandLines">{count}</Field>
        <Field name="groupProducts" span={24}>
          <Input />
        </Field>
      </Row>
      {section('other')}
      <Row gutter={16}>
        <Field name="notes" span={24}>
          <Input.TextArea rows={3} />
        </Field>
      </Row>
    </Form>
  )
}
