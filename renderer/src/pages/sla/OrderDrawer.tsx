/**
 * One provisioning order: the facts a person enters (circuit, class, dates, fee, customer pauses) and,
 * beside them, what the main process worked out from them: due date, status, late days, charged fee,
 * compensation, the days skipped and why, and the slip it raised.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Radio,
  Space,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrderDetail } from '../../../../electron/api/contract'
import { PROVISIONING_CLASSES, type OrderSave } from '../../../../electron/api/schemas'
import { ApiError, call } from '../../api'
import { errorMessage, fieldMessage } from '../../errors'
import { fenToYuan, useFormat, yuanToFen } from '../../format'
import { CalendarWarning } from './CalendarWarning'
import { StatusTag } from './columns'
import { DayNotes } from './DayNotes'
import { CircuitField, CustomerField, useCircuits, YuanInput } from './pickers'

interface PauseValues {
  id?: string
  version?: number
  startOn: Dayjs | null
  endOn: Dayjs | null
  reason: string
}

interface OrderValues {
  number: string | null
  customerId: string | null
  circuitId: string | null
  provisioningClass: OrderSave['provisioningClass']
  acceptedOn: Dayjs | null
  completedOn: Dayjs | null
  standardFeeYuan: number | null
  notes: string | null
  pauses: PauseValues[]
}

const day = (value: string | null) => (value ? dayjs(value) : null)
const isoDay = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null)

function toValues(detail: OrderDetail): OrderValues {
  const { order } = detail
  return {
    number: order.number,
    customerId: order.customerId,
    circuitId: order.circuitId,
    provisioningClass: order.provisioningClass,
    acceptedOn: day(order.acceptedOn),
    completedOn: day(order.completedOn),
    standardFeeYuan: fenToYuan(order.standardFeeFen),
    notes: order.notes,
    pauses: detail.pauses.map((pause) => ({
      ...pause,
      startOn: day(pause.startOn),
      endOn: day(pause.endOn),
    })),
  }
}

function toInput(values: OrderValues, detail: OrderDetail | null): OrderSave {
  return {
    ...(detail && { id: detail.order.id, version: detail.order.version }),
    number: values.number,
    customerId: values.customerId ?? '',
    circuitId: values.circuitId ?? '',
    provisioningClass: values.provisioningClass,
    acceptedOn: isoDay(values.acceptedOn) ?? '',
    completedOn: isoDay(values.completedOn),
    standardFeeFen: yuanToFen(values.standardFeeYuan),
    notes: values.notes,
    pauses: (values.pauses ?? []).map((pause) => ({
      ...(pause.id && { id: pause.id, version: pause.version }),
      startOn: isoDay(pause.startOn) ?? '',
      endOn: isoDay(pause.endOn),
      reason: pause.reason ?? '',
    })),
  }
}

/** A refusal's field paths ("pauses.0.endOn", "standardFeeFen") as this form's field names. */
function formPath(path: string): (string | number)[] {
  if (path === 'standardFeeFen') return ['standardFeeYuan']
  const [head, index, rest] = path.split('.')
  if (head === 'pauses' && index !== undefined) return ['pauses', Number(index), rest ?? 'startOn']
  return [path]
}

interface Props {
  orderId: string | 'new' | null
  /** Set on a customer's page: new orders are that customer's. */
  customerId?: string | undefined
  onClose: () => void
  onSaved: (id: string) => void
}

export function OrderDrawer({ orderId, customerId, onClose, onSaved }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<OrderValues>()
  const [detail, setDetail] = useState<OrderDetail | null>(null)
  const [saving, setSaving] = useState(false)
  const chosenCustomer = Form.useWatch('customerId', form)
  const circuits = useCircuits(chosenCustomer)

  const show = useCallback(
    (next: OrderDetail) => {
      setDetail(next)
      form.resetFields()
      form.setFieldsValue(toValues(next))
    },
    [form],
  )

  // A new order starts from the form's initial values; an existing one is read (the drawer is keyed by it).
  useEffect(() => {
    if (orderId === null || orderId === 'new') return
    call('orders.get', { id: orderId })
      .then(show)
      .catch((error: unknown) => message.error(errorMessage(t, error)))
  }, [orderId, show, message, t])

  const save = async () => {
    const values = await form.validateFields()
    setSaving(true)
    try {
      const saved = await call('orders.save', toInput(values, detail))
      show(saved)
      void message.success(t('common.saved'))
      onSaved(saved.order.id)
    } catch (error) {
      const fields = error instanceof ApiError ? (error.data.fields ?? []) : []
      form.setFields(
        fields.map((field) => ({ name: formPath(field.path) as never, errors: [fieldMessage(t, field)] })),
      )
      void message.error(errorMessage(t, error))
    } finally {
      setSaving(false)
    }
  }

  // Choosing a circuit offers its standard one-time fee, unless one was typed.
  const onCircuit = (circuitId: string) => {
    const circuit = circuits.find((entry) => entry.id === circuitId)
    if (circuit && form.getFieldValue('standardFeeYuan') == null)
      form.setFieldValue('standardFeeYuan', fenToYuan(circuit.standardFeeFen))
  }

  return (
    <Drawer
      open={orderId !== null}
      onClose={onClose}
      size={960}
      title={detail ? t('sla.orders.title', { number: detail.order.number }) : t('sla.orders.new')}
      extra={
        <Button
          type="primary"
          loading={saving}
          onClick={() => void save().catch(() => undefined)}
          data-testid="save-order"
        >
          {t('common.save')}
        </Button>
      }
      data-testid="order-drawer"
    >
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 24 }}>
        <Form
          form={form}
          name="order"
          layout="vertical"
          initialValues={{ provisioningClass: 'normal', customerId: customerId ?? null, pauses: [] }}
        >
          <OrderFields
            fixedCustomer={Boolean(customerId)}
            customerLabel={detail?.order.customerName}
            onCircuit={onCircuit}
          />
        </Form>
        {detail ? (
          <Working detail={detail} />
        ) : (
          <Alert type="info" showIcon title={t('sla.orders.workingAfterSave')} />
        )}
      </div>
    </Drawer>
  )
}

function OrderFields({
  fixedCustomer,
  customerLabel,
  onCircuit,
}: {
  fixedCustomer: boolean
  customerLabel: string | undefined
  onCircuit: (id: string) => void
}) {
  const { t } = useTranslation()
  const form = Form.useFormInstance<OrderValues>()
  const required = [{ required: true, message: t('validation.required') }]
  return (
    <>
      <Form.Item name="number" label={t('sla.orders.number')} extra={t('sla.orders.numberHint')}>
        <Input placeholder={t('sla.orders.numberAuto')} />
      </Form.Item>
      <CustomerField
        fixed={fixedCustomer}
        initialLabel={customerLabel}
        onChange={() => form.setFieldValue('circuitId', null)}
      />
      <CircuitField name="circuitId" label={t('sla.orders.circuit')} onChange={onCircuit} />
      <Form.Item name="provisioningClass" label={t('sla.orders.class')} rules={required}>
        <Radio.Group
          optionType="button"
          options={PROVISIONING_CLASSES.map((value) => ({
            value,
            label: t(`sla.provisioningClass.${value}`),
          }))}
        />
      </Form.Item>
      <Space align="start">
        <Form.Item name="acceptedOn" label={t('sla.orders.acceptedOn')} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="completedOn" label={t('sla.orders.completedOn')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="standardFeeYuan" label={t('sla.orders.standardFee')}>
        <YuanInput />
      </Form.Item>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>
        {t('sla.orders.pauses')}
      </Typography.Paragraph>
      <Form.List name="pauses">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Space key={field.key} align="start" wrap>
                <Form.Item name={[field.name, 'startOn']} rules={required}>
                  <DatePicker placeholder={t('sla.orders.pauseStart')} />
                </Form.Item>
                <Form.Item name={[field.name, 'endOn']}>
                  <DatePicker placeholder={t('sla.orders.pauseEnd')} />
                </Form.Item>
                <Form.Item name={[field.name, 'reason']} rules={required}>
                  <Input placeholder={t('sla.orders.pauseReason')} style={{ width: 200 }} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  aria-label={t('common.remove')}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ reason: '' })} style={{ marginBottom: 16 }}>
              {t('sla.orders.addPause')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="notes" label={t('sla.orders.notes')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </>
  )
}

function Working({ detail }: { detail: OrderDetail }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { order, working } = detail
  const percent = (bp: number) => t('sla.percent', { value: format.count(bp / 100) })
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="order-working">
      <CalendarWarning years={working.calendarWarnings} />
      <Card size="small">
        <Descriptions
          column={1}
          size="small"
          bordered
          styles={{ label: { width: 130, whiteSpace: 'nowrap' } }}
        >
          <Descriptions.Item label={t('sla.orders.dueOn')}>
            <Typography.Text strong data-testid="order-due">
              {format.date(order.dueOn)}
            </Typography.Text>{' '}
            <StatusTag group="orderStatus" value={order.status} t={t} />
          </Descriptions.Item>
          <Descriptions.Item label={t('sla.orders.terms')}>
            {t('sla.orders.termsText', {
              days: order.limitDays,
              factor: percent(order.priceFactorBp),
              rate: percent(order.rateBp),
              cap: percent(order.capBp),
            })}
            {order.agreementNumber && (
              <div>{t('sla.orders.fromAgreement', { number: order.agreementNumber })}</div>
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('sla.orders.pausedDays')}>{order.pausedWorkingDays}</Descriptions.Item>
          <Descriptions.Item label={t('sla.orders.lateDays')}>
            <span data-testid="order-late-days">{order.lateWorkingDays}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('sla.orders.chargedFee')}>
            {format.money(order.chargedFeeFen)}
          </Descriptions.Item>
          <Descriptions.Item label={t('sla.orders.compensation')}>
            <Typography.Text strong data-testid="order-compensation">
              {format.money(order.compensationFen)}
            </Typography.Text>
            {working.capped && <div>{t('sla.orders.capped', { cap: format.money(working.capFen) })}</div>}
          </Descriptions.Item>
          {order.slipNumber && (
            <Descriptions.Item label={t('sla.orders.slip')}>
              <span data-testid="order-slip">
                {order.slipNumber} · {t(`sla.slipStatus.${order.slipStatus}`)}
              </span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Typography.Text strong>{t('sla.orders.dueNotes')}</Typography.Text>
      <DayNotes notes={working.dueNotes} />
      {working.lateNotes.length > 0 && (
        <>
          <Typography.Text strong>{t('sla.orders.lateNotes')}</Typography.Text>
          <DayNotes notes={working.lateNotes} />
        </>
      )}
    </Space>
  )
}
