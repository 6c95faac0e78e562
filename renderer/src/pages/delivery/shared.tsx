/**
 * What the deliveries and follow-ups share: the status of a record against its deadline, the rule it was
 * given ("3 个工作日"), the operators and the customer's contacts one names, and the check of a form's
 * input with the contract's own schema before it is sent.
 */
import type { ColDef } from 'ag-grid-community'
import { Select, Tag, Typography, type FormInstance, type SelectProps } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { TFunction } from 'i18next'
import type {
  ContactRecord,
  DayCount,
  DeadlineStatus,
  FollowUpRecord,
} from '../../../../electron/api/contract'
import type { FieldError } from '../../../../electron/api/errors'
import { ApiError } from '../../api'
import { fieldMessage } from '../../errors'
import { useFormat } from '../../format'
import { useSession } from '../../session'

const STATUS_COLOURS: Record<DeadlineStatus, string> = {
  upcoming: 'blue',
  due_soon: 'gold',
  overdue: 'red',
  on_time: 'green',
  late: 'volcano',
}

export function DeadlineTag({ status, testId }: { status: DeadlineStatus; testId?: string }) {
  const { t } = useTranslation()
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid={testId}>
      {t(`delivery.status.${status}`)}
    </Tag>
  )
}

export type IssueState = 'none' | 'open' | 'closed'

export function issueState(record: Pick<FollowUpRecord, 'issues' | 'issueClosedOn'>): IssueState {
  if (!record.issues) return 'none'
  return record.issueClosedOn ? 'closed' : 'open'
}

const ISSUE_COLOURS: Record<IssueState, string> = { none: 'default', open: 'orange', closed: 'green' }

export function IssueTag({ state, t }: { state: IssueState; t: TFunction }) {
  return <Tag color={ISSUE_COLOURS[state]}>{t(`delivery.issueState.${state}`)}</Tag>
}

/** Satisfaction as stars, with the number for those who read it aloud. */
export function Stars({ value }: { value: number | null }) {
  if (value === null) return null
  return (
    <span title={`${value}/5`} style={{ whiteSpace: 'nowrap', fontSize: 12 }}>
      <span style={{ color: '#fadb14' }}>{'★'.repeat(value)}</span>
      <span style={{ color: '#d9d9d9' }}>{'★'.repeat(5 - value)}</span>
      <span style={{ marginLeft: 4, color: '#595959' }}>{value}/5</span>
    </span>
  )
}

/**
 * The lists hold many columns: cells and headers are padded a little tighter than the app's default, and a
 * narrow column wraps its header rather than cut it (English headers run longer), with a tooltip.
 */
export function withHeaders<T>(columns: ColDef<T>[]): ColDef<T>[] {
  const padding = { paddingLeft: 10, paddingRight: 10 }
  return columns.map((column) => ({
    wrapHeaderText: true,
    autoHeaderHeight: true,
    headerTooltip: column.headerName,
    cellStyle: padding,
    headerStyle: padding,
    ...column,
  }))
}

/** The deadline a record was given: "3 个工作日", "7 天". */
export function useRuleText() {
  const { t } = useTranslation()
  return (days: number, dayCount: DayCount) => t(`delivery.rule.${dayCount}`, { count: days })
}

/**
 * An operator (account manager or desk staff) a record names: the name when chosen, the level beside it in
 * the list. Takes the props Form.Item passes (value, onChange, id) and a placeholder.
 */
export function OperatorSelect(props: SelectProps<string>) {
  const { t } = useTranslation()
  const { lookups } = useSession()
  const options = useMemo(
    () =>
      lookups.accountManagers.map((manager) => ({
        value: manager.id,
        label: manager.name,
        level: t(`levels.${manager.level}`),
      })),
    [lookups.accountManagers, t],
  )
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
      optionRender={(option) => (
        <span>
          {option.data.label}
          <Typography.Text type="secondary"> · {option.data.level}</Typography.Text>
        </span>
      )}
      {...props}
    />
  )
}

/**
 * A contact of the customer's file (name, position, phone), as the person who received the delivery or
 * took the call. Takes the props Form.Item passes (value, onChange, id).
 */
export function ContactSelect({ contacts, ...props }: SelectProps<string> & { contacts: ContactRecord[] }) {
  const { t } = useTranslation()
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={contacts.length === 0 ? t('delivery.noContacts') : undefined}
      options={contacts.map((contact) => ({
        value: contact.id,
        label: [contact.name, contact.position, contact.phone].filter(Boolean).join(' · '),
      }))}
      {...props}
    />
  )
}

export const day = (value: string | null | undefined): Dayjs | null => (value ? dayjs(value) : null)
export const isoDay = (value: Dayjs | null | undefined): string | null =>
  value ? value.format('YYYY-MM-DD') : null
/** A date beside the person (who delivered, who called): the select takes the rest of the row. */
export const DATE_AND_PERSON = {
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.2fr)',
  columnGap: 16,
} as const
/** Future days cannot be picked: a delivery or call is recorded once it has happened. */
export const notFuture = (value: Dayjs) => value.isAfter(dayjs(), 'day')

/** A refusal's message at a field: a date in it is shown the way the page shows dates. */
export function useFieldMessage() {
  const { t } = useTranslation()
  const format = useFormat()
  return (error: Pick<FieldError, 'message' | 'params'>) => {
    const params = { ...error.params }
    if (typeof params['date'] === 'string') params['date'] = format.date(params['date'])
    return fieldMessage(t, { message: error.message, params })
  }
}

/**
 * Puts field errors (the contract schema's own check, or the main process's refusal) at the form's
 * fields, `fieldName` mapping a contract path to this form's name. Returns how many found a field.
 */
export function setFieldErrors(
  form: FormInstance,
  errors: Pick<FieldError, 'path' | 'message' | 'params'>[],
  message: (error: Pick<FieldError, 'message' | 'params'>) => string,
  fieldName: (path: string) => string = (path) => path,
): number {
  const names = new Set(Object.keys(form.getFieldsValue(true) as object))
  const onForm = errors
    .map((error) => ({ name: fieldName(error.path), errors: [message(error)] }))
    .filter((entry) => names.has(entry.name))
  form.setFields(onForm as never)
  return onForm.length
}

/** The contract schema's check of what the form would send: its issues as field errors (none: it passes). */
export function schemaErrors(schema: z.ZodType, input: unknown): FieldError[] {
  const result = schema.safeParse(input)
  if (result.success) return []
  return result.error.issues.map((issue): FieldError => {
    const limit = 'maximum' in issue ? issue.maximum : 'minimum' in issue ? issue.minimum : undefined
    return {
      path: issue.path.join('.'),
      message: issue.message,
      ...(limit !== undefined && { params: { limit: Number(limit) } }),
    }
  })
}

/** The field errors of a refusal from the main process. */
export function refusalFields(error: unknown): FieldError[] {
  return error instanceof ApiError ? (error.data.fields ?? []) : []
}
