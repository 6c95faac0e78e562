/** Service execution: everyone's activities, compliance by customer, manager and branch, churn warnings. */
import { Tabs } from 'antd'
import { useTranslation } from 'react-i18next'
import { navigate, SERVICE_TABS, type ServiceTab } from '../../router'
import { ActivitiesTab } from './ActivitiesTab'
import { ComplianceTab } from './ComplianceTab'
import { ChurnTab } from '../value/ChurnTab'

const CONTENT: Record<ServiceTab, () => React.ReactNode> = {
  activities: () => <ActivitiesTab />,
  compliance: () => <ComplianceTab />,
  churn: () => <ChurnTab />,
}

export function ServicePage({ tab }: { tab: ServiceTab }) {
  const { t } = useTranslation()
  return (
    <div className="desk-page">
      <Tabs
        activeKey={tab}
        onChange={(next) => navigate({ page: 'service', tab: next as ServiceTab })}
        items={SERVICE_TABS.map((key) => ({ key, label: t(`plans.tabs.${key}`) }))}
        style={{ marginBottom: -12 }}
      />
      {CONTENT[tab]()}
    </div>
  )
}
