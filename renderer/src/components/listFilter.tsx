/**
 * A list's filter: its statuses, whose records (a branch, an account manager) and the list's own keys
 * (expiring agreements, open issues). On a page of its own the filter lives in the route, so that My day's
 * links, a reload and Back all show the same records; on a customer's page it lives in the list.
 */
import { CloseOutlined } from '@ant-design/icons'
import { Button, Select, Space } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ListFilter } from '../router'
import { label, offered, useSession } from '../session'

/** A branch and an account manager as the list channels take them (absent when not set). */
export interface OwnerQuery {
  /** An id, or `none`: the customers with none assigned. */
  branchId?: string
  accountManagerId?: string
}

/** A filter's branch and account manager as the list channels take them. */
export function ownerQuery(filter: Pick<ListFilter, 'branch' | 'manager'> | undefined): OwnerQuery {
  return {
    ...(filter?.branch && { branchId: filter.branch }),
    ...(filter?.manager && { accountManagerId: filter.manager }),
  }
}

/**
 * A key set to "nothing chosen" by the operator in a list that has a default filter (the desk's queue
 * opens on what is still to do): `status=all` keeps the list from falling back to its default.
 */
const ALL = 'all'

const NO_FILTER: ListFilter = {}

/** Whether the filter narrows the list at all (for "clear filter"). */
const isFiltered = (filter: ListFilter) => Object.values(filter).some((value) => value && value !== ALL)

/**
 * The list's filter and a function that changes some of its keys (`undefined` takes a key off).
 * `initial` is what the list shows with no filter in the route, or, on a customer's page, at first.
 */
export function useListFilter(
  filter: ListFilter | undefined,
  onChange: ((next: ListFilter) => void) | undefined,
  initial: ListFilter = NO_FILTER,
): [ListFilter, (patch: ListFilter) => void] {
  const [local, setLocal] = useState<ListFilter>(initial)
  const current = onChange ? (filter ?? initial) : local
  const update = (patch: ListFilter) => {
    let next = Object.fromEntries(
      Object.entries({ ...current, ...patch }).filter(([, value]) => Boolean(value)),
    ) as ListFilter
    if (Object.keys(next).length === 0 && Object.keys(initial).length > 0)
      next = Object.fromEntries(Object.keys(initial).map((key) => [key, ALL]))
    if (onChange) onChange(next)
    else setLocal(next)
  }
  return [current, update]
}

/** The filter's comma-separated statuses that the list knows; the same array while the text is. */
export function useStatuses<S extends string>(text: string | undefined, known: readonly S[]): S[] {
  return useMemo(
    () => (text ?? '').split(',').filter((value): value is S => (known as readonly string[]).includes(value)),
    [text, known],
  )
}

/** The multi-select of statuses above a list. */
export function StatusSelect<S extends string>({
  value,
  onChange,
  statuses,
  optionLabel,
  placeholder,
  testId,
}: {
  value: S[]
  onChange: (next: S[]) => void
  statuses: readonly S[]
  optionLabel: (status: S) => string
  placeholder: string
  testId: string
}) {
  return (
    <Select
      mode="multiple"
      allowClear
      maxTagCount="responsive"
      style={{ minWidth: 200, maxWidth: 320 }}
      placeholder={placeholder}
      aria-label={placeholder}
      value={value}
      onChange={onChange}
      options={statuses.map((status) => ({ value: status, label: optionLabel(status) }))}
      data-testid={testId}
    />
  )
}

/**
 * Whose records a list across customers shows (a branch, an account manager, or the customers with none
 * assigned), and "clear filter" when any filter is on; a link's filter shows in the selects.
 */
export function OwnerFilter({
  filter,
  onChange,
  owners = true,
}: {
  filter: ListFilter
  onChange: (patch: ListFilter) => void
  /** False on a customer's page: only "clear filter". */
  owners?: boolean
}) {
  const { t, i18n } = useTranslation()
  const { lookups } = useSession()
  const clear = () => onChange(Object.fromEntries(Object.keys(filter).map((key) => [key, undefined])))
  const branches = offered(lookups.branches, filter.branch).map((entry) => ({
    value: entry.id,
    label: label(entry, i18n.language),
  }))
  const managers = lookups.accountManagers.map((entry) => ({ value: entry.id, label: entry.name }))
  const select = (key: 'branch' | 'manager', options: { value: string; label: string }[]) => {
    const value = filter[key]
    const none = t(key === 'branch' ? 'myday.filter.noBranch' : 'myday.filter.noManager')
    return (
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
        style={{ minWidth: 120 }}
        placeholder={t(`delivery.filters.${key}`)}
        aria-label={t(`delivery.filters.${key}`)}
        value={value}
        onChange={(next: string | undefined) =>
          onChange(key === 'branch' ? { branch: next } : { manager: next })
        }
        options={[
          ...options,
          // An id from a link that the lookups no longer hold still shows, as such.
          ...(value && value !== 'none' && !options.some((option) => option.value === value)
            ? [{ value, label: t('myday.unknown') }]
            : []),
          { value: 'none', label: none },
        ]}
        // Chosen, it names the filter: "客户经理：李经理".
        labelRender={(chosen) =>
          chosen.value === 'none' ? none : t(`myday.filter.${key}`, { name: chosen.label })
        }
        data-testid={`filter-${key}`}
      />
    )
  }
  return (
    <Space size={8} wrap>
      {owners && select('branch', branches)}
      {owners && select('manager', managers)}
      {isFiltered(filter) && (
        <Button size="small" type="link" icon={<CloseOutlined />} onClick={clear} data-testid="filter-clear">
          {t('myday.filter.clear')}
        </Button>
      )}
    </Space>
  )
}
