/**
 * Deliveries and follow-ups (domain.md §3): the deliveries due after openings, and the follow-up calls
 * after openings and repairs, each with its on-time share against the 100 % standard. A link from My day
 * carries its filter (statuses, branch, account manager, open issues) into the list it opens.
 */
import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { DELIVERY_TABS, navigate, routeHash, type DeliveryTab, type ListFilter } from '../../router'
import { DeliveriesTab } from './DeliveriesTab'
import { FollowUpsTab } from './FollowUpsTab'

export function DeliveryPage({ tab, filter }: { tab: DeliveryTab; filter?: ListFilter | undefined }) {
  const { t } = useTranslation()
  // A new link (another filter) starts the list afresh from it.
  const key = routeHash({ page: 'delivery', tab, ...(filter && { filter }) })
  return (
    <div className="desk-page">
      <Tabs
        activeKey={tab}
        onChange={(next) => navigate({ page: 'delivery', tab: next as DeliveryTab })}
        items={DELIVERY_TABS.map((name) => ({ key: name, label: t(`delivery.tabs.${name}`) }))}
        style={{ marginBottom: -12 }}
      />
      {tab === 'deliveries' ? (
        <DeliveriesTab key={key} filter={filter} />
      ) : (
        <FollowUpsTab key={key} filter={filter} />
      )}
    </div>
  )
}
