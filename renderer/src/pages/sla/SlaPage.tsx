/** The SLA area: orders, agreements, circuits, faults and availability, compensation slips, the calculator. */
import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { navigate, SLA_TABS, type ListFilter, type SlaTab } from '../../router'
import { AgreementsTab } from './AgreementsTab'
import { CalculatorTab } from './CalculatorTab'
import { CircuitsTab } from './CircuitsTab'
import { FaultsTab } from './FaultsTab'
import { OrdersTab } from './OrdersTab'
import { SlipsTab } from './SlipsTab'

interface TabProps {
  filter: ListFilter | undefined
  onFilterChange: (next: ListFilter) => void
}

const CONTENT: Record<SlaTab, (props: TabProps) => React.ReactNode> = {
  orders: (props) => <OrdersTab {...props} />,
  agreements: (props) => <AgreementsTab {...props} />,
  circuits: () => <CircuitsTab />,
  faults: () => <FaultsTab />,
  slips: () => <SlipsTab />,
  calculator: () => <CalculatorTab />,
}

/**
 * `filter` comes with the route (a link from My day, a reload, Back); the orders and agreements tabs
 * apply it and keep their own filter changes in the route too, so the URL always names what is shown.
 */
export function SlaPage({ tab, filter }: { tab: SlaTab; filter?: ListFilter | undefined }) {
  const { t } = useTranslation()
  const onFilterChange = (next: ListFilter) => navigate({ page: 'sla', tab, filter: next })
  return (
    <div className="desk-page">
      <Tabs
        activeKey={tab}
        onChange={(next) => navigate({ page: 'sla', tab: next as SlaTab })}
        items={SLA_TABS.map((key) => ({ key, label: t(`sla.tabs.${key}`) }))}
        style={{ marginBottom: -12 }}
      />
      {CONTENT[tab]({ filter, onFilterChange })}
    </div>
  )
}
