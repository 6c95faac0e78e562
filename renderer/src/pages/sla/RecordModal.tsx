/**
 * A form in a modal for one SLA record: validates, saves through the API, puts the main process's
 * field refusals at the fields (`fieldName` maps a contract path to this form's name), and offers delete.
 */
import { App, Button, Form, Modal, Popconfirm, type FormInstance } from 'antd'
import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api'
import { errorMessage, fieldMessage } from '../../errors'

interface Props<V, R extends { id: string; version: number }> {
  name: string
  title: string
  /** Which record is open (see useEditing): its save and cancel close the modal. */
  editor: { editing: R | 'new' | null; current: R | null; saved: () => void; close: () => void }
  initial: Partial<V>
  save: (values: V) => Promise<unknown>
  /** Offered for a record that exists. */
  remove?: (record: { id: string; version: number }) => Promise<unknown>
  /** A contract path as this form's field name, where they differ (fees typed in yuan, say). */
  fieldName?: (path: string) => (string | number)[]
  width?: number
  children: (form: FormInstance<V>) => ReactNode
}

export function RecordModal<V extends object, R extends { id: string; version: number }>(props: Props<V, R>) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<V>()
  const { initial, editor } = props
  const open = editor.editing !== null
  const current = editor.current

  useEffect(() => {
    if (!open) return
    form.resetFields()
    form.setFieldsValue(initial as Parameters<typeof form.setFieldsValue>[0])
  }, [open, initial, form])

  const run = async (work: () => Promise<unknown>) => {
    try {
      await work()
      void message.success(t('common.saved'))
      editor.saved()
    } catch (error) {
      const fields = error instanceof ApiError ? (error.data.fields ?? []) : []
      const name = props.fieldName ?? ((path: string) => path.split('.'))
      form.setFields(
        fields.map((field) => ({ name: name(field.path) as never, errors: [fieldMessage(t, field)] })),
      )
      void message.error(errorMessage(t, error))
    }
  }

  const submit = async () => {
    const values = await form.validateFields()
    await run(() => props.save(values))
  }

  return (
    <Modal
      title={props.title}
      open={open}
      width={props.width ?? 640}
      onCancel={editor.close}
      forceRender
      footer={[
        props.remove && current && (
          <Popconfirm
            key="delete"
            title={t('sla.confirmDelete')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            onConfirm={() => run(() => props.remove!({ id: current.id, version: current.version }))}
          >
            <Button danger style={{ float: 'left' }}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        ),
        <Button key="cancel" onClick={editor.close}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          onClick={() => void submit().catch(() => undefined)}
          data-testid={`save-${props.name}`}
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form form={form} name={props.name} layout="vertical">
        {props.children(form)}
      </Form>
    </Modal>
  )
}
