/**
 * What the deliveries and follow-ups share: the status of a record against its deadline, the rule it was
 * given ("3 个工作日"), the list filters a link from My day carries, the operators one names, and the
 * check of a form's input with the contract's own schema before it is sent.
 */
import type { ColDef } from 'ag-grid-community'
import { Select, Space, Tag, Typography, type FormInstance, type SelectProps } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { TFunction } from 'i18next'
import type { DayCount, DeadlineStatus, FollowUpRecord } from '../../../../electron/api/contract'
import type { FieldError } from '../../../../electron/api/errors'
import { DEADLINE_STATUSES } from '../../../../electron/api/schemas'
import { ApiError } from '../../api'
import { fieldMessage } from '../../errors'
import { useFormat } from '../../format'
import type { ListFilter } from '../../router'
import { label, offered, useSession } from '../../session'

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

/** The multi-select of statuses above a list. */
export function StatusFilter({
  value,
  onChange,
  testId,
}: {
  value: DeadlineStatus[]
  onChange: (next: DeadlineStatus[]) => void
  testId: string
}) {
  const { t } = useTranslation()
  return (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      style={{ minWidth: 200, maxWidth: 320 }}
      placeholder={t('delivery.filters.status')}
      aria-label={t('delivery.filters.status')}
      value={value}
      onChange={onChange}
      options={DEADLINE_STATUSES.map((status) => ({ value: status, label: t(`delivery.status.${status}`) }))}
      data-testid={testId}
    />
  )
}

/** The deadline a record was given: "3 个工作日", "7 天". */
export function useRuleText() {
  const { t } = useTranslation()
  return (days: number, dayCount: DayCount) => t(`delivery.rule.${dayCount}`, { count: days })
}

/** The filters of a list: its statuses and, across customers, whose records (a branch, an account manager). */
export interface OwnerFilters {
  /** An id, or `none`: the customers with none assigned. */
  branchId?: string | undefined
  accountManagerId?: string | undefined
}

export interface ListFilters extends OwnerFilters {
  statuses: DeadlineStatus[]
  issuesOpen: boolean
}

const isStatus = (value: string): value is DeadlineStatus =>
  (DEADLINE_STATUSES as readonly string[]).includes(value)

/** What is still to do: the desk's queue opens on these, overdue first in its own sort by due date. */
const OPEN_STATUSES: DeadlineStatus[] = ['overdue', 'due_soon', 'upcoming']

/**
 * The route's filter (a link from My day) as the list's first filter state. With no link, a queue opens
 * on the records still to do (`queue`); a customer's page shows them all.
 */
export function filtersOf(filter: ListFilter | undefined, queue: boolean): ListFilters {
  return {
    statuses: filter ? (filter.status ?? '').split(',').filter(isStatus) : queue ? OPEN_STATUSES : [],
    branchId: filter?.branch || undefined,
    accountManagerId: filter?.manager || undefined,
    issuesOpen: filter?.issues === 'open',
  }
}

/** The owner filters as the API takes them (absent when not set). */
export function ownerInput(filters: OwnerFilters) {
  return {
    ...(filters.branchId && { branchId: filters.branchId }),
    ...(filters.accountManagerId && { accountManagerId: filters.accountManagerId }),
  }
}

/** Branch and account manager selectors: a link's filter shows in them and is cleared there. */
export function OwnerSelects({
  value,
  onChange,
  testId,
}: {
  value: OwnerFilters
  onChange: (next: OwnerFilters) => void
  testId: string
}) {
  const { t, i18n } = useTranslation()
  const { lookups } = useSession()
  const none = { value: 'none', label: t('delivery.filters.none') }
  const branches = offered(lookups.branches, value.branchId).map((entry) => ({
    value: entry.id,
    label: label(entry, i18n.language),
  }))
  const managers = lookups.accountManagers.map((entry) => ({ value: entry.id, label: entry.name }))
  const keep = (options: { value: string; label: string }[], id: string | undefined) =>
    id && !options.some((option) => option.value === id) ? [...options, { value: id, label: id }] : options
  const select = (key: keyof OwnerFilters, options: { value: string; label: string }[]) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 170 }}
      placeholder={t(`delivery.filters.${key}`)}
      aria-label={t(`delivery.filters.${key}`)}
      value={value[key]}
      onChange={(next: string | undefined) => onChange({ ...value, [key]: next ?? undefined })}
      options={[...keep(options, value[key]), none]}
      data-testid={`${testId}-${key}`}
      className={value[key] ? 'desk-filter-set' : undefined}
    />
  )
  return (
    <Space size={8} wrap>
      {select('branchId', branches)}
      {select('accountManagerId', managers)}
    </Space>
  )
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
