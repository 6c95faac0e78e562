/**
 * Deliveries and follow-ups (domain.md §3): the deliveries due after openings, and the follow-up calls
 * after openings and repairs, each with its on-time share against the 100 % standard. The list's filter
 * (statuses, branch, account manager, open issues) lives in the route: a link from My day carries it in,
 * and a change to it stays through Back and a reload.
 */
import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { DELIVERY_TABS, navigate, type DeliveryTab, type ListFilter } from '../../router'
import { DeliveriesTab } from './DeliveriesTab'
import { FollowUpsTab } from './FollowUpsTab'

export function DeliveryPage({ tab, filter }: { tab: DeliveryTab; filter?: ListFilter | undefined }) {
  const { t } = useTranslation()
  const onFilterChange = (next: ListFilter) => navigate({ page: 'delivery', tab, filter: next })
  const Tab = tab === 'deliveries' ? DeliveriesTab : FollowUpsTab
  return (
    <div className="desk-page">
      <Tabs
        activeKey={tab}
        onChange={(next) => navigate({ page: 'delivery', tab: next as DeliveryTab })}
        items={DELIVERY_TABS.map((name) => ({ key: name, label: t(`delivery.tabs.${name}`) }))}
        style={{ marginBottom: -12 }}
      />
      <Tab filter={filter} onFilterChange={onFilterChange} />
    </div>
  )
}
