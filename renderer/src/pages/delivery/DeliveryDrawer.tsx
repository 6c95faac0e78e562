/**
 * One delivery (交付): the opening it follows and its deadline, and the record of the visit: the site
 * and business that choose the pack, the documents handed over, when, by whom, to whom, and the billing
 * data the customer confirmed. Prints the delivery document in Chinese or English.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Radio,
  Space,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  BusinessKind,
  DeliveryRecord,
  DeliveryRules,
  PackItem,
  SiteKind,
} from '../../../../electron/api/contract'
import {
  BUSINESS_KINDS,
  SITE_KINDS,
  deliverySaveSchema,
  type DeliverySave,
} from '../../../../electron/api/schemas'
import { call } from '../../api'
import { schemaRule } from '../../errors'
import { fenToYuan, useFormat, yuanToFen } from '../../format'
import { useSession } from '../../session'
import { PrintBar } from '../../components/PrintBar'
import { useContacts } from '../plans/ActivityModal'
import { RecordDrawer, useRecordForm } from './RecordDrawer'
import { YuanInput } from '../sla/pickers'
import {
  ContactSelect,
  DATE_AND_PERSON,
  DeadlineTag,
  day,
  isoDay,
  notFuture,
  OperatorSelect,
  useRuleText,
} from './shared'

interface DeliveryValues {
  siteKind: SiteKind
  businessKind: BusinessKind
  handedOver: string[]
  deliveredOn: Dayjs | null
  deliveredBy: string | null
  receiverContactId: string | null
  billedCircuitNumber: string | null
  billedOpenedOn: Dayjs | null
  billedMonthlyFeeYuan: number | null
  billedOneTimeFeeYuan: number | null
  billingConfirmed: boolean
  notes: string | null
}

type PackEntry = Pick<PackItem, 'documentId' | 'nameZh' | 'nameEn' | 'form'>

/**
 * The form's values for a delivery. One not yet made has no date nor person: opened before the visit (to
 * tick the pack, switch the site) and saved, it stays open; "delivered today" fills them in.
 */
function toValues(delivery: DeliveryRecord): DeliveryValues {
  return {
    siteKind: delivery.siteKind,
    businessKind: delivery.businessKind,
    handedOver: delivery.pack.filter((item) => item.handedOver).map((item) => item.documentId),
    deliveredOn: day(delivery.deliveredOn),
    deliveredBy: delivery.deliveredBy,
    receiverContactId: delivery.receiverContactId,
    billedCircuitNumber: delivery.billedCircuitNumber,
    billedOpenedOn: day(delivery.billedOpenedOn),
    billedMonthlyFeeYuan: fenToYuan(delivery.billedMonthlyFeeFen),
    billedOneTimeFeeYuan: fenToYuan(delivery.billedOneTimeFeeFen),
    billingConfirmed: delivery.billingConfirmed,
    notes: delivery.notes,
  }
}

function toInput(values: DeliveryValues, delivery: DeliveryRecord, pack: PackEntry[]): DeliverySave {
  const inPack = new Set(pack.map((item) => item.documentId))
  return {
    id: delivery.id,
    version: delivery.version,
    siteKind: values.siteKind,
    businessKind: values.businessKind,
    handedOver: (values.handedOver ?? []).filter((id) => inPack.has(id)),
    deliveredOn: isoDay(values.deliveredOn),
    deliveredBy: values.deliveredBy ?? null,
    receiverContactId: values.receiverContactId ?? null,
    billedCircuitNumber: values.billedCircuitNumber ?? null,
    billedOpenedOn: isoDay(values.billedOpenedOn),
    billedMonthlyFeeFen: yuanToFen(values.billedMonthlyFeeYuan),
    billedOneTimeFeeFen: yuanToFen(values.billedOneTimeFeeYuan),
    billingConfirmed: Boolean(values.billingConfirmed),
    notes: values.notes ?? null,
  }
}

/** A contract path as this form's field: fees are typed in yuan, ticks are one checklist. */
function fieldName(path: string): string {
  if (path === 'billedMonthlyFeeFen') return 'billedMonthlyFeeYuan'
  if (path === 'billedOneTimeFeeFen') return 'billedOneTimeFeeYuan'
  return path.split('.')[0]!
}

const PACK_KEYS = {
  hq: { first: 'hqFirst', added: 'hqAdded' },
  branch: { first: 'branchFirst', added: 'branchAdded' },
} as const

/**
 * The pack the checklist shows: the delivery's own, or, once the site or business is changed, the
 * documents the rule data puts in the new pack (the main process resolves it again on save).
 */
function usePack(
  delivery: DeliveryRecord | null,
  rules: DeliveryRules | null,
  site?: SiteKind,
  business?: BusinessKind,
) {
  return useMemo(() => {
    if (!delivery) return { pack: [] as PackEntry[], changed: false }
    const changed = Boolean(
      site && business && (site !== delivery.siteKind || business !== delivery.businessKind),
    )
    if (!changed || !rules || !site || !business) return { pack: delivery.pack as PackEntry[], changed }
    const key = PACK_KEYS[site][business]
    const pack = rules.documents
      .filter((document) => document.packs[key])
      .map(({ id, nameZh, nameEn, form }) => ({ documentId: id, nameZh, nameEn, form }))
    return { pack, changed }
  }, [delivery, rules, site, business])
}

const getDelivery = (id: string) => call('deliveries.get', { id })
const saveDelivery = (input: DeliverySave) => call('deliveries.save', input)

export function DeliveryDrawer({
  id,
  onClose,
  onSaved,
}: {
  id: string | null
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const [rules, setRules] = useState<DeliveryRules | null>(null)
  const { form, shown, saving, save } = useRecordForm({
    id,
    get: getDelivery,
    save: saveDelivery,
    toValues,
    // The checklist's pack: the delivery's own, or the new site's and business's.
    toInput: (values: DeliveryValues, delivery: DeliveryRecord) => toInput(values, delivery, pack),
    schema: deliverySaveSchema,
    fieldName,
    onSaved,
  })
  const site = Form.useWatch('siteKind', form)
  const business = Form.useWatch('businessKind', form)
  const { pack, changed } = usePack(shown, rules, site, business)

  useEffect(() => {
    if (!id) return
    call('delivery.rules')
      .then(setRules)
      .catch(() => undefined)
  }, [id])

  return (
    <RecordDrawer
      open={id !== null}
      onClose={onClose}
      title={
        shown ? t('delivery.deliveries.title', { number: shown.number, customer: shown.customerName }) : ''
      }
      saving={saving}
      onSave={save}
      testId="delivery-drawer"
      footer={
        shown && (
          <PrintBar
            print={(language) => call('deliveries.print', { id: shown.id, language })}
            testId="delivery"
            labels={{
              zh: t('delivery.print.zh'),
              en: t('delivery.print.en'),
              print: t('delivery.print.print'),
              open: t('delivery.print.open'),
              printed: (fileName) => t('delivery.print.printed', { fileName }),
            }}
            hint={t('delivery.print.hint')}
          />
        )
      }
    >
      {shown && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <DeliveryFacts delivery={shown} rules={rules} />
          <Form form={form} name="delivery" layout="vertical">
            <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 24 }}>
              <DeliveryFields delivery={shown} pack={pack} packChanged={changed} />
              <BillingFields />
            </div>
          </Form>
        </Space>
      )}
    </RecordDrawer>
  )
}

function DeliveryFacts({ delivery, rules }: { delivery: DeliveryRecord; rules: DeliveryRules | null }) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const ruleText = useRuleText()
  const text = (key: string) => t(`delivery.deliveries.${key}`)
  const product = i18n.language === 'en' ? delivery.productNameEn : delivery.productNameZh
  return (
    <Descriptions
      bordered
      size="small"
      column={3}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="delivery-facts"
      items={[
        { key: 'order', label: text('order'), children: delivery.orderNumber },
        { key: 'circuit', label: text('circuit'), children: delivery.circuitNumber },
        {
          key: 'product',
          label: text('product'),
          children: [product, delivery.bandwidth].filter(Boolean).join(' · '),
        },
        { key: 'openedOn', label: text('openedOn'), children: format.date(delivery.openedOn) },
        {
          key: 'dueOn',
          label: text('dueOn'),
          children: (
            <Space size={4} wrap>
              <strong data-testid="delivery-due">{format.date(delivery.dueOn)}</strong>
              <Typography.Text type="secondary">
                {t('delivery.deliveries.dueRule', { rule: ruleText(delivery.dueDays, delivery.dayCount) })}
              </Typography.Text>
            </Space>
          ),
        },
        {
          key: 'status',
          label: text('status'),
          children: <DeadlineTag status={delivery.status} testId="delivery-status" />,
        },
        { key: 'manager', label: t('delivery.accountManager'), children: delivery.accountManagerName ?? '—' },
        { key: 'hotline', label: text('hotline'), children: rules?.faultHotline ?? '' },
        {
          key: 'pack',
          label: text('pack'),
          children: t('delivery.deliveries.packProgress', {
            done: format.count(delivery.pack.filter((item) => item.handedOver).length),
            total: format.count(delivery.pack.length),
          }),
        },
      ]}
    />
  )
}

function DeliveryFields({
  delivery,
  pack,
  packChanged,
}: {
  delivery: DeliveryRecord
  pack: PackEntry[]
  packChanged: boolean
}) {
  const { t, i18n } = useTranslation()
  const { lookups } = useSession()
  const form = Form.useFormInstance<DeliveryValues>()
  const deliveredOn = Form.useWatch('deliveredOn', form)
  const contacts = useContacts(delivery.customerId)
  const text = (key: string) => t(`delivery.deliveries.${key}`)
  // Today, by the account manager unless another person is named already.
  const deliveredToday = () => {
    const manager = lookups.accountManagers.some((entry) => entry.id === delivery.accountManagerId)
      ? delivery.accountManagerId
      : null
    form.setFieldValue('deliveredOn', dayjs())
    if (!form.getFieldValue('deliveredBy') && manager) form.setFieldValue('deliveredBy', manager)
  }
  const options = (values: readonly string[], group: 'site' | 'business') =>
    values.map((value) => ({ value, label: t(`delivery.${group}.${value}` as const) }))
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {text('record')}
      </Typography.Title>
      <Space size="large" wrap align="start">
        <Form.Item name="siteKind" label={text('site')}>
          <Radio.Group optionType="button" options={options(SITE_KINDS, 'site')} />
        </Form.Item>
        <Form.Item name="businessKind" label={text('business')}>
          <Radio.Group optionType="button" options={options(BUSINESS_KINDS, 'business')} />
        </Form.Item>
      </Space>
      <Form.Item
        name="handedOver"
        label={text('packList')}
        extra={packChanged ? undefined : text('packSiteHint')}
        style={{ marginBottom: 16 }}
      >
        {pack.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text('packEmpty')} />
        ) : (
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
            data-testid="delivery-pack"
          >
            {pack.map((item) => (
              <Checkbox key={item.documentId} value={item.documentId}>
                {i18n.language === 'en' ? item.nameEn : item.nameZh}
                {item.form && (
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {text('printed')}
                  </Typography.Text>
                )}
              </Checkbox>
            ))}
          </Checkbox.Group>
        )}
      </Form.Item>
      {packChanged && (
        <Alert
          type="info"
          showIcon
          title={text('packChanged')}
          style={{ marginBottom: 16 }}
          data-testid="pack-changed"
        />
      )}
      {/* The date has its "delivered today" button beside it: the date takes the wider share of the row. */}
      <div style={{ ...DATE_AND_PERSON, gridTemplateColumns: 'minmax(0, 1.5fr) minmax(0, 1fr)' }}>
        <Form.Item
          label={text('deliveredOn')}
          tooltip={text('deliveredOnHint')}
          // The date's own id (form "delivery", field "deliveredOn"): the label names the picker.
          htmlFor="delivery_deliveredOn"
        >
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="deliveredOn" noStyle>
              <DatePicker disabledDate={notFuture} style={{ flex: 1, minWidth: 0 }} />
            </Form.Item>
            <Button onClick={deliveredToday} data-testid="delivered-today">
              {text('deliveredToday')}
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="deliveredBy" label={text('deliveredBy')} required={Boolean(deliveredOn)}>
          <OperatorSelect />
        </Form.Item>
      </div>
      <Form.Item name="receiverContactId" label={text('receiver')} required={Boolean(deliveredOn)}>
        <ContactSelect contacts={contacts} />
      </Form.Item>
    </div>
  )
}

function BillingFields() {
  const { t } = useTranslation()
  const text = (key: string) => t(`delivery.deliveries.${key}`)
  const shape = deliverySaveSchema.shape
  return (
    <div>
      <Card size="small" title={text('billing')} style={{ marginBottom: 16 }} data-testid="delivery-billing">
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {text('billingHint')}
        </Typography.Paragraph>
        <Form.Item
          name="billedCircuitNumber"
          label={text('billedCircuitNumber')}
          rules={[schemaRule(t, shape.billedCircuitNumber)]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="billedOpenedOn" label={text('billedOpenedOn')}>
          <DatePicker style={{ width: 170 }} />
        </Form.Item>
        <Space size="middle" wrap align="start">
          <Form.Item name="billedMonthlyFeeYuan" label={text('billedMonthlyFee')}>
            <YuanInput />
          </Form.Item>
          <Form.Item name="billedOneTimeFeeYuan" label={text('billedOneTimeFee')}>
            <YuanInput />
          </Form.Item>
        </Space>
        <Form.Item name="billingConfirmed" valuePropName="checked" style={{ marginBottom: 0 }}>
          <Checkbox data-testid="billing-confirmed">{text('billingConfirmed')}</Checkbox>
        </Form.Item>
      </Card>
      <Form.Item name="notes" label={text('notes')} rules={[schemaRule(t, shape.notes)]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </div>
  )
}
