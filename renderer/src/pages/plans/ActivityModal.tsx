/**
 * The form of one service activity (标准动作): customer, kind, date (never in the future), staff, the
 * customer's contacts met, the plan item it counts for ("auto": the desk picks by kind), notes.
 */
import { DatePicker, Form, Input, Select, Space } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ActivityKind,
  ActivityRecord,
  ContactRecord,
  PlanItemRecord,
} from '../../../../electron/api/contract'
import { ACTIVITY_KINDS, type ActivitySave } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { useSession } from '../../session'
import { CustomerField } from '../sla/pickers'
import { RecordModal } from '../sla/RecordModal'
import { useServiceItems } from './shared'
import { useTargetText } from './targets'

export interface ActivityValues {
  customerId: string | null
  kind: ActivityKind
  occurredOn: Dayjs | null
  staffId: string | null
  contactIds: string[]
  /** '' lets the desk pick the plan item by kind. */
  itemId: string
  notes: string | null
}

export interface ActivityEditor {
  editing: ActivityRecord | 'new' | null
  current: ActivityRecord | null
  saved: () => void
  close: () => void
}

/** The contacts of a customer file, for naming them and choosing among them. */
export function useContacts(customerId: string | null | undefined): ContactRecord[] {
  const [loaded, setLoaded] = useState<{ customerId: string; contacts: ContactRecord[] } | null>(null)
  useEffect(() => {
    if (!customerId) return
    let current = true
    void call('customers.get', { id: customerId }).then((file) => {
      if (current) setLoaded({ customerId, contacts: file.contacts })
    })
    return () => {
      current = false
    }
  }, [customerId])
  return loaded && loaded.customerId === customerId ? loaded.contacts : []
}

/** The items of the customer's plan for a year that are provided: those an activity can count for. */
function usePlanItems(customerId: string | null | undefined, year: number): PlanItemRecord[] {
  const [loaded, setLoaded] = useState<{ key: string; items: PlanItemRecord[] } | null>(null)
  const key = `${customerId}|${year}`
  useEffect(() => {
    if (!customerId) return
    let current = true
    void call('plans.get', { customerId, year }).then((plan) => {
      if (current) setLoaded({ key: `${customerId}|${year}`, items: plan.items.filter((i) => i.provided) })
    })
    return () => {
      current = false
    }
  }, [customerId, year])
  return loaded && loaded.key === key ? loaded.items : []
}

function toValues(
  record: ActivityRecord | null,
  customerId: string | undefined,
  kind: ActivityKind,
  staffId: string | null,
): Partial<ActivityValues> {
  if (!record)
    return {
      customerId: customerId ?? null,
      kind,
      occurredOn: dayjs(),
      staffId,
      contactIds: [],
      itemId: '',
      notes: null,
    }
  return {
    customerId: record.customerId,
    kind: record.kind as ActivityKind,
    occurredOn: dayjs(record.occurredOn),
    staffId: record.staffId,
    contactIds: record.contactIds,
    itemId: record.itemId ?? '',
    notes: record.notes,
  }
}

function toInput(values: ActivityValues, record: ActivityRecord | null): ActivitySave {
  return {
    ...(record && { id: record.id, version: record.version }),
    customerId: values.customerId ?? '',
    kind: values.kind,
    occurredOn: values.occurredOn ? values.occurredOn.format('YYYY-MM-DD') : '',
    staffId: values.staffId ?? null,
    contactIds: values.contactIds ?? [],
    itemId: values.itemId || null,
    notes: values.notes ?? null,
  }
}

export function ActivityModal({
  customerId,
  editor,
  kind,
}: {
  /** The customer page's customer: the form then has no customer field. */
  customerId?: string | undefined
  editor: ActivityEditor
  /** The kind a new activity starts with (the quick-entry buttons). */
  kind?: ActivityKind | undefined
}) {
  const { t } = useTranslation()
  const { operator, lookups } = useSession()
  const current = editor.current
  const me = lookups.accountManagers.some((manager) => manager.id === operator.id) ? operator.id : null
  const initial = useMemo(
    () => toValues(current, customerId, kind ?? 'visit', me),
    [current, customerId, kind, me],
  )
  const title = current
    ? t('plans.activities.editTitle', { customer: current.customerName })
    : kind
      ? t('plans.activities.newOf', { kind: t(`plans.kinds.${kind}`) })
      : t('plans.activities.new')

  return (
    <RecordModal<ActivityValues, ActivityRecord>
      name="activity"
      title={title}
      editor={editor}
      initial={initial}
      width={700}
      save={(values) => call('activities.save', toInput(values, current))}
      remove={(record) => call('activities.delete', record)}
    >
      {(form) => (
        <ActivityFields
          fixed={Boolean(customerId)}
          customerLabel={current?.customerName}
          onCustomerChange={() => form.setFieldsValue({ contactIds: [], itemId: '' })}
        />
      )}
    </RecordModal>
  )
}

function ActivityFields({
  fixed,
  customerLabel,
  onCustomerChange,
}: {
  fixed: boolean
  customerLabel: string | undefined
  onCustomerChange: () => void
}) {
  const { t } = useTranslation()
  const { lookups } = useSession()
  const form = Form.useFormInstance<ActivityValues>()
  const customerId = Form.useWatch('customerId', form)
  const occurredOn = Form.useWatch('occurredOn', form)
  const kind = Form.useWatch('kind', form)
  const itemId = Form.useWatch('itemId', form)
  const contacts = useContacts(customerId)
  const year = (occurredOn ?? dayjs()).year()
  const planItems = usePlanItems(customerId, year)
  const { byId, name } = useServiceItems()
  const targetText = useTargetText()
  const required = [{ required: true, message: t('validation.required') }]

  // Items counting for this kind come first: they are the ones "auto" would choose among.
  const kept =
    itemId && !planItems.some((item) => item.itemId === itemId)
      ? [{ value: itemId, label: name(itemId) }]
      : []
  const itemOptions = [...planItems]
    .sort(
      (a, b) =>
        Number(byId.get(b.itemId)?.activityKind === kind) - Number(byId.get(a.itemId)?.activityKind === kind),
    )
    .map((item) => ({
      value: item.itemId,
      label: [name(item.itemId), targetText(item)].filter(Boolean).join(' · '),
    }))

  return (
    <>
      <CustomerField fixed={fixed} initialLabel={customerLabel} onChange={onCustomerChange} />
      <Space align="start" wrap size="middle">
        <Form.Item name="kind" label={t('plans.activities.kind')} rules={required}>
          <Select
            style={{ width: 160 }}
            options={ACTIVITY_KINDS.map((value) => ({ value, label: t(`plans.kinds.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="occurredOn"
          label={t('plans.activities.date')}
          rules={required}
          tooltip={t('plans.activities.dateHint')}
        >
          <DatePicker disabledDate={(day) => day.isAfter(dayjs(), 'day')} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="staffId" label={t('plans.activities.staff')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            options={lookups.accountManagers.map((manager) => ({
              value: manager.id,
              label: `${manager.name} · ${t(`levels.${manager.level}`)}`,
            }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="contactIds" label={t('plans.activities.contacts')}>
        <Select
          mode="multiple"
          disabled={!customerId}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={customerId && contacts.length === 0 ? t('plans.activities.noContacts') : undefined}
          options={contacts.map((contact) => ({
            value: contact.id,
            label: [contact.name, contact.position].filter(Boolean).join(' · '),
          }))}
        />
      </Form.Item>
      <Form.Item name="itemId" label={t('plans.activities.item')} extra={t('plans.activities.itemHint')}>
        <Select
          disabled={!customerId}
          options={[{ value: '', label: t('plans.activities.itemAuto') }, ...itemOptions, ...kept]}
        />
      </Form.Item>
      <Form.Item name="notes" label={t('plans.activities.notes')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </>
  )
}
