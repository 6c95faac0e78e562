/** What the value tab, the churn list and the settings card share: messages, months, warning cells, a note modal. */
import { App, Form, Input, Modal, Tag, Typography, type FormInstance } from 'antd'
import type { TFunction } from 'i18next'
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChurnWarningRecord } from '../../../../electron/api/contract'
import { LIMITS } from '../../../../electron/api/schemas'
import { ApiError } from '../../api'
import { errorMessage, fieldMessage } from '../../errors'
import type { Formatters } from '../../format'

/**
 * Puts a refusal's field errors on the form (`name` maps a contract path to the form's field name, or
 * null for a path the form does not have) and says the refusal in a message when some are left over.
 */
export function showRefusal(
  t: TFunction,
  form: FormInstance,
  error: unknown,
  notify: (text: string) => void,
  name: (path: string) => (string | number)[] | null = (path) => [path],
): void {
  const fields = error instanceof ApiError ? (error.data.fields ?? []) : []
  const placed = fields
    .map((field) => ({ name: name(field.path), errors: [fieldMessage(t, field)] }))
    .filter((field): field is { name: (string | number)[]; errors: string[] } => field.name !== null)
  form.setFields(placed as Parameters<typeof form.setFields>[0])
  if (placed.length === 0 || placed.length < fields.length) notify(errorMessage(t, error))
}

/** `YYYY-MM` in the current language: 2026年9月 / Sep 2026 (or 9月 / Sep without the year). */
export function useMonthLabel() {
  const { i18n } = useTranslation()
  return useMemo(() => {
    const long = new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'short', timeZone: 'UTC' })
    const short = new Intl.DateTimeFormat(i18n.language, { month: 'short', timeZone: 'UTC' })
    return (month: string | null | undefined, withYear = true) =>
      month ? (withYear ? long : short).format(new Date(`${month}-01T00:00:00Z`)) : ''
  }, [i18n.language])
}

/** Basis points as a percentage in the current language (3000 → 30%). */
export function usePercentBp() {
  const { i18n } = useTranslation()
  return useMemo(() => {
    const format = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 2 })
    return (bp: number) => format.format(bp / 10_000)
  }, [i18n.language])
}

const SOURCE_COLOURS: Record<ChurnWarningRecord['source'], string> = {
  revenue_drop: 'orange',
  crisis: 'volcano',
  cancellation: 'red',
}

export function SourceTag({ source }: { source: ChurnWarningRecord['source'] }) {
  const { t } = useTranslation()
  return <Tag color={SOURCE_COLOURS[source]}>{t(`value.source.${source}`)}</Tag>
}

export function WarningStatus({ warning, format }: { warning: ChurnWarningRecord; format: Formatters }) {
  const { t } = useTranslation()
  if (!warning.handledOn) return <Tag color="red">{t('value.status.open')}</Tag>
  return (
    <Tag
      color="green"
      title={t('value.warnings.handledBy', { name: warning.handledBy, date: format.date(warning.handledOn) })}
    >
      {t('value.status.handled')}
    </Tag>
  )
}

/** The detail of a warning: a drop's figures as computed by the main process, or the note typed in. */
export function useWarningDetail() {
  const { t } = useTranslation()
  const monthLabel = useMonthLabel()
  const percent = usePercentBp()
  return useCallback(
    (warning: ChurnWarningRecord, format: Formatters): string => {
      const { revenueFen, averageFen, dropBp } = warning.detail
      if (warning.source === 'revenue_drop' && revenueFen !== undefined && averageFen !== undefined)
        return t('value.warnings.drop', {
          month: monthLabel(warning.month, false),
          revenue: format.money(revenueFen),
          average: format.money(averageFen),
          drop: percent(dropBp ?? 0),
        })
      return warning.note ?? ''
    },
    [t, monthLabel, percent],
  )
}

/**
 * A modal asking for one required text (a follow-up, a crisis note, a cancellation): the save's field
 * refusals show at the text, anything else in a message.
 */
export function TextModal<T = unknown>(props: {
  open: boolean
  title: string
  label: string
  /** The contract's name for the text (followUp, note): where its refusals point. */
  field: string
  hint?: ReactNode
  placeholder?: string
  testId: string
  save: (text: string) => Promise<T>
  onClose: () => void
  onSaved: (result: T) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ text: string }>()
  const [saving, setSaving] = useState(false)
  const { open } = props

  useEffect(() => {
    if (open) form.resetFields()
  }, [open, form])

  const submit = async () => {
    const { text } = await form.validateFields()
    setSaving(true)
    try {
      const result = await props.save(text.trim())
      void message.success(t('common.saved'))
      props.onSaved(result)
    } catch (error) {
      showRefusal(
        t,
        form,
        error,
        (text) => void message.error(text),
        (path) => (path === props.field ? ['text'] : null),
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      title={props.title}
      open={open}
      forceRender
      onCancel={props.onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{ 'data-testid': `save-${props.testId}` }}
    >
      {props.hint && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {props.hint}
        </Typography.Paragraph>
      )}
      <Form form={form} name={props.testId} layout="vertical">
        <Form.Item
          name="text"
          label={props.label}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={LIMITS.longText}
            placeholder={props.placeholder}
            data-testid={props.testId}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
