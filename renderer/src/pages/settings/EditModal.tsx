/** A small form in a modal for one settings record; refusals from the main process land at the fields. */
import { App, Form, Modal } from 'antd'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ApiError } from '../../api'
import { errorMessage, schemaRule, showFieldErrors } from '../../errors'

export interface FieldSpec {
  name: string
  label: string
  input: ReactNode
  schema?: z.ZodType
  extra?: string
}

interface Props<T> {
  /** The form's name: ids of its fields start with it, so each modal on a page needs its own. */
  name: string
  title: string
  open: boolean
  initial: Partial<T>
  fields: FieldSpec[]
  onSave: (values: T) => Promise<unknown>
  onClose: () => void
}

export function EditModal<T extends object>({
  name,
  title,
  open,
  initial,
  fields,
  onSave,
  onClose,
}: Props<T>) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm()

  useEffect(() => {
    if (open) {
      form.resetFields()
      form.setFieldsValue(initial)
    }
  }, [open, initial, form])

  const submit = async () => {
    const values = (await form.validateFields()) as T
    try {
      await onSave({ ...initial, ...values })
      onClose()
    } catch (error) {
      // Refusals at a field go there; anything else (a stale edit, a role refused) is said aloud.
      const rest = showFieldErrors(t, form, error)
      const onFields = error instanceof ApiError && (error.data.fields?.length ?? 0) > rest.length
      if (!onFields) void message.error(errorMessage(t, error))
    }
  }

  return (
    <Modal
      title={title}
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      forceRender
    >
      <Form form={form} name={name} layout="vertical">
        {fields.map((field) => (
          <Form.Item
            key={field.name}
            name={field.name}
            label={field.label}
            extra={field.extra}
            rules={field.schema ? [schemaRule(t, field.schema)] : []}
          >
            {field.input}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  )
}
