/** Adding or editing one key contact; it is saved with the customer file. */
import { DatePicker, Form, Input, Modal, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CONTACT_CLASSES, contactFieldsSchema, type ContactFields } from '../../../../electron/api/schemas'
import { fieldMessage, schemaRule } from '../../errors'
import type { FieldError } from '../../../../electron/api/errors'

export interface ContactModalProps {
  open: boolean
  initial: Partial<ContactFields> | null
  /** Refusals from the last save for this contact, shown at their fields. */
  errors: FieldError[]
  onOk: (contact: ContactFields) => void
  onCancel: () => void
}

const rule = (t: Parameters<typeof schemaRule>[0], name: keyof ContactFields) => [
  schemaRule(t, contactFieldsSchema.shape[name]),
]

export function ContactModal({ open, initial, errors, onOk, onCancel }: ContactModalProps) {
  const { t } = useTranslation()
  const [form] = Form.useForm<ContactFields>()

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue({ contactClass: 'ordinary', ...initial })
    form.setFields(
      errors.map((error) => ({ name: error.path as keyof ContactFields, errors: [fieldMessage(t, error)] })),
    )
  }, [open, initial, errors, form, t])

  const submit = async () => {
    const values = await form.validateFields()
    onOk(contactFieldsSchema.parse(values))
  }

  return (
    <Modal
      open={open}
      title={initial?.name ? t('customer.editContact') : t('customer.addContact')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onCancel}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      forceRender
    >
      <Form form={form} name="contact" layout="vertical" data-testid="contact-form">
        <Form.Item name="name" label={t('fields.contactName')} rules={rule(t, 'name')} required>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="position" label={t('fields.position')} rules={rule(t, 'position')}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('fields.phone')} rules={rule(t, 'phone')}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label={t('fields.email')} rules={rule(t, 'email')}>
          <Input />
        </Form.Item>
        <Form.Item
          name="birthday"
          label={t('fields.birthday')}
          rules={rule(t, 'birthday')}
          getValueProps={(value: string | null) => ({ value: value ? dayjs(value) : null })}
          normalize={(value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null)}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="contactClass" label={t('fields.contactClass')}>
          <Select options={CONTACT_CLASSES.map((value) => ({ value, label: t(`contactClass.${value}`) }))} />
        </Form.Item>
        <Form.Item name="notes" label={t('fields.notes')} rules={rule(t, 'notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
