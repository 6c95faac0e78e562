/**
 * My day's drill-downs: which list each number opens (the route and its filter), and what a list opened
 * that way needs — the filter read back from the route and shown above the list with a way to clear it.
 * The lists apply the same conditions as My day's counts (electron/services/delivery/figures.ts).
 */
import { CloseOutlined } from '@ant-design/icons'
import { Button, Tag } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MyDayMeasure } from '../../../../electron/api/contract'
import type { ListFilter, Route } from '../../router'
import { label, useSession } from '../../session'

type ListRoute = Extract<Route, { page: 'sla' | 'delivery' }>

/** The list behind each number, before the scope's branch or account manager is added. */
const TARGETS: Record<MyDayMeasure, ListRoute> = {
  deliveriesDue: { page: 'delivery', tab: 'deliveries', filter: { status: 'upcoming,due_soon' } },
  deliveriesOverdue: { page: 'delivery', tab: 'deliveries', filter: { status: 'overdue' } },
  followUpsDue: { page: 'delivery', tab: 'followups', filter: { status: 'upcoming,due_soon' } },
  followUpsOverdue: { page: 'delivery', tab: 'followups', filter: { status: 'overdue' } },
  issuesOpen: { page: 'delivery', tab: 'followups', filter: { issues: 'open' } },
  ordersDueSoon: { page: 'sla', tab: 'orders', filter: { status: 'due_soon' } },
  ordersLate: { page: 'sla', tab: 'orders', filter: { status: 'late' } },
  agreementsExpiring: { page: 'sla', tab: 'agreements', filter: { expiring: '1' } },
}

/** The records behind a number: `owner` narrows to a branch or account manager (an id, or `none`). */
export function drillDown(measure: MyDayMeasure, owner: Pick<ListFilter, 'branch' | 'manager'>): ListRoute {
  const target = TARGETS[measure]
  return { ...target, filter: { ...target.filter, ...owner } }
}

/** A route's branch and account manager as the list channels take them. */
export function ownerQuery(filter: ListFilter | undefined): { branchId?: string; accountManagerId?: string } {
  return {
    ...(filter?.branch && { branchId: filter.branch }),
    ...(filter?.manager && { accountManagerId: filter.manager }),
  }
}

/** The route's comma-separated statuses that the list knows; the same array while the route's text is. */
export function useStatuses<S extends string>(text: string | undefined, known: readonly S[]): S[] {
  return useMemo(
    () => (text ?? '').split(',').filter((value): value is S => (known as readonly string[]).includes(value)),
    [text, known],
  )
}

/**
 * A list's filter that lives in the route when the list is a page of its own (so that My day's links,
 * a reload and Back all show the same records), and in the component when it is a customer's tab.
 */
export function useListFilter(
  filter: ListFilter | undefined,
  onChange: ((next: ListFilter) => void) | undefined,
): [ListFilter, (patch: ListFilter) => void] {
  const [local, setLocal] = useState<ListFilter>({})
  const current = onChange ? (filter ?? {}) : local
  const update = (patch: ListFilter) => {
    const next = Object.fromEntries(
      Object.entries({ ...current, ...patch }).filter(([, value]) => Boolean(value)),
    ) as ListFilter
    if (onChange) onChange(next)
    else setLocal(next)
  }
  return [current, update]
}

/** The branch and account manager a list is narrowed to, as closable tags, and "clear filter". */
export function OwnerFilterTags({
  filter,
  active,
  onChange,
  onClear,
}: {
  filter: ListFilter
  /** Whether any filter is on (statuses, expiring...), for the "clear filter" button. */
  active: boolean
  onChange: (patch: ListFilter) => void
  onClear: () => void
}) {
  const { t, i18n } = useTranslation()
  const { lookups } = useSession()
  const branchName = (id: string) =>
    label(
      lookups.branches.find((branch) => branch.id === id),
      i18n.language,
    ) || t('myday.unknown')
  const managerName = (id: string) =>
    lookups.accountManagers.find((manager) => manager.id === id)?.name ?? t('myday.unknown')
  return (
    <>
      {filter.branch && (
        <Tag
          color="blue"
          closable
          onClose={() => onChange({ branch: undefined })}
          data-testid="filter-branch"
          style={{ marginInlineEnd: 0 }}
        >
          {filter.branch === 'none'
            ? t('myday.filter.noBranch')
            : t('myday.filter.branch', { name: branchName(filter.branch) })}
        </Tag>
      )}
      {filter.manager && (
        <Tag
          color="blue"
          closable
          onClose={() => onChange({ manager: undefined })}
          data-testid="filter-manager"
          style={{ marginInlineEnd: 0 }}
        >
          {filter.manager === 'none'
            ? t('myday.filter.noManager')
            : t('myday.filter.manager', { name: managerName(filter.manager) })}
        </Tag>
      )}
      {active && (
        <Button
          size="small"
          type="link"
          icon={<CloseOutlined />}
          onClick={onClear}
          data-testid="filter-clear"
        >
          {t('myday.filter.clear')}
        </Button>
      )}
    </>
  )
}
