/** The SLA area: orders, agreements, circuits, faults and availability, compensation slips, the calculator. */
import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { navigate, SLA_TABS, type SlaTab } from '../../router'
import { AgreementsTab } from './AgreementsTab'
import { CalculatorTab } from './CalculatorTab'
import { CircuitsTab } from './CircuitsTab'
import { FaultsTab } from './FaultsTab'
import { OrdersTab } from './OrdersTab'
import { SlipsTab } from './SlipsTab'

const CONTENT: Record<SlaTab, () => React.ReactNode> = {
  orders: () => <OrdersTab />,
  agreements: () => <AgreementsTab />,
  circuits: () => <CircuitsTab />,
  faults: () => <FaultsTab />,
  slips: () => <SlipsTab />,
  calculator: () => <CalculatorTab />,
}

export function SlaPage({ tab }: { tab: SlaTab }) {
  const { t } = useTranslation()
  return (
    <div className="desk-page">
      <Tabs
        activeKey={tab}
        onChange={(next) => navigate({ page: 'sla', tab: next as SlaTab })}
        items={SLA_TABS.map((key) => ({ key, label: t(`sla.tabs.${key}`) }))}
        style={{ marginBottom: -12 }}
      />
      {CONTENT[tab]()}
    </div>
  )
}
