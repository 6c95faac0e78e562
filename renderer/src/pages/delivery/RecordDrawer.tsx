/**
 * The drawer in which a delivery or a follow-up is recorded: the record read, shown in a form, checked
 * with the contract's own schema before it is sent, saved, and a refusal shown at its field (or, for a
 * stale edit, an offer to reload).
 */
import { App, Button, Drawer, Form, Spin, type FormInstance } from 'antd'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { ApiError } from '../../api'
import { errorMessage } from '../../errors'
import { refusalFields, schemaErrors, setFieldErrors, useFieldMessage } from './shared'

interface RecordFormSpec<R, V, I> {
  id: string | null
  /** Stable functions (module-level or memoised): a new one reloads the record. */
  get: (id: string) => Promise<R>
  save: (input: I) => Promise<R>
  toValues: (record: R) => V
  toInput: (values: V, record: R) => I
  schema: z.ZodType
  /** The form field a contract path is shown at (default: its first segment). */
  fieldName?: (path: string) => string
  onSaved: () => void
}

export function useRecordForm<R extends { id: string }, V, I>(spec: RecordFormSpec<R, V, I>) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const [form] = Form.useForm<V>()
  const [record, setRecord] = useState<R | null>(null)
  const [saving, setSaving] = useState(false)
  const showMessage = useFieldMessage()
  const { id, get, toValues } = spec
  const fieldName = spec.fieldName ?? ((path: string) => path.split('.')[0]!)

  const show = useCallback(
    (next: R) => {
      setRecord(next)
      form.resetFields()
      form.setFieldsValue(toValues(next) as Parameters<typeof form.setFieldsValue>[0])
    },
    [form, toValues],
  )

  const load = useCallback(() => {
    if (!id) return
    get(id)
      .then(show)
      .catch((error: unknown) => void message.error(errorMessage(t, error)))
  }, [id, get, show, message, t])

  useEffect(load, [load])

  const save = async () => {
    if (!record) return
    const values = form.getFieldsValue(true) as V
    form.setFields(Object.keys(values as object).map((name) => ({ name: name as never, errors: [] })))
    await form.validateFields()
    const input = spec.toInput(values, record)
    // The contract's own check first: nothing is sent that the main process would refuse for its shape.
    const problems = schemaErrors(spec.schema, input)
    if (problems.length > 0) {
      setFieldErrors(form, problems, showMessage, fieldName)
      return
    }
    setSaving(true)
    try {
      show(await spec.save(input))
      void message.success(t('common.saved'))
      spec.onSaved()
    } catch (error) {
      setFieldErrors(form, refusalFields(error), showMessage, fieldName)
      if (error instanceof ApiError && error.data.code === 'stale_edit') {
        modal.confirm({
          title: errorMessage(t, error),
          okText: t('common.reload'),
          cancelText: t('common.cancel'),
          onOk: load,
        })
      } else void message.error(errorMessage(t, error))
    } finally {
      setSaving(false)
    }
  }

  // A record of another id is the previous one's, still shown while the next is read.
  const shown = record && record.id === id ? record : null
  return { form: form as FormInstance<V>, shown, saving, save }
}

export function RecordDrawer(props: {
  open: boolean
  onClose: () => void
  title: string
  saving: boolean
  onSave: () => Promise<void>
  /** The drawer's test id; its save button's is `save-<testId without -drawer>`. */
  testId: 'delivery-drawer' | 'followup-drawer'
  footer?: ReactNode
  /** Null while the record is read. */
  children: ReactNode | null
}) {
  const { t } = useTranslation()
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={1040}
      title={props.title}
      extra={
        <Button
          type="primary"
          loading={props.saving}
          disabled={!props.children}
          onClick={() => void props.onSave().catch(() => undefined)}
          data-testid={`save-${props.testId.replace('-drawer', '')}`}
        >
          {t('common.save')}
        </Button>
      }
      footer={props.footer}
      data-testid={props.testId}
    >
      {props.children ?? <Spin />}
    </Drawer>
  )
}
