/** The signed-in app: navigation for the areas, the operator and database switches, the current page. */
import {
  BarChartOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  HomeOutlined,
  DatabaseOutlined,
  ImportOutlined,
  TableOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { App, Button, Layout, Menu, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { call } from '../api'
import { errorMessage } from '../errors'
import { CustomerPage } from '../pages/customers/CustomerPage'
import { CustomersPage } from '../pages/customers/CustomersPage'
import { SettingsPage } from '../pages/settings/SettingsPage'
import { DeliveryPage } from '../pages/delivery/DeliveryPage'
import { MyDayPage } from '../pages/myday/MyDayPage'
import { SlaPage } from '../pages/sla/SlaPage'
import { ServicePage } from '../pages/plans/ServicePage'
import { StandardsPage } from '../pages/standards/StandardsPage'
import { ImportPage } from '../pages/transfer/ImportPage'
import { ReportsPage } from '../pages/reports/ReportsPage'
import { navigate, useRoute, type Route } from '../router'
import { useSession } from '../session'
import { useLeaveGuard } from '../unsaved'

function Page({ route, onSessionChange }: { route: Route; onSessionChange: () => Promise<void> }) {
  if (route.page === 'customer') return <CustomerPage key={route.id ?? 'new'} id={route.id} tab={route.tab} />
  if (route.page === 'customers') return <CustomersPage />
  if (route.page === 'sla') return <SlaPage tab={route.tab} filter={route.filter} />
  if (route.page === 'delivery') return <DeliveryPage tab={route.tab} filter={route.filter} />
  if (route.page === 'service') return <ServicePage tab={route.tab} />
  if (route.page === 'standards') return <StandardsPage />
  if (route.page === 'reports') return <ReportsPage query={route.query} />
  if (route.page === 'import') return <ImportPage key={route.kind ?? 'customers'} kind={route.kind} />
  if (route.page === 'settings') return <SettingsPage onSessionChange={onSessionChange} />
  return <MyDayPage />
}

/** Where each menu entry leads. */
const MENU_ROUTES: Record<string, Route> = {
  myday: { page: 'myday' },
  customers: { page: 'customers' },
  sla: { page: 'sla', tab: 'orders' },
  delivery: { page: 'delivery', tab: 'deliveries' },
  service: { page: 'service', tab: 'activities' },
  standards: { page: 'standards' },
  reports: { page: 'reports' },
  import: { page: 'import' },
  settings: { page: 'settings' },
}

export function Shell({ onSessionChange }: { onSessionChange: () => Promise<void> }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { info, operator } = useSession()
  const route = useRoute()
  const area = route.page === 'customer' ? 'customers' : route.page

  const leave = useLeaveGuard()
  const run =
    (work: () => Promise<unknown>, signsOut = false) =>
    () =>
      leave(async () => {
        try {
          await work()
          // Signed out, the shell gives way to "who is working" first: a page opened meanwhile would ask
          // the main process as no one ("choose who is working first").
          if (signsOut) await onSessionChange()
          navigate({ page: 'myday' })
          if (!signsOut) await onSessionChange()
        } catch (error) {
          void message.error(errorMessage(t, error))
        }
      })

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 16,
          background: info.isDemo ? '#873800' : '#0d3b70',
        }}
      >
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Title>
        <div style={{ flex: 1 }} />
        <Space>
          <span style={{ color: '#fff' }} data-testid="current-operator">
            {t('header.operator')}
            {t('common.colon')}
            {operator.name}
          </span>
          <Tag
            color={operator.role === 'supervisor' ? 'gold' : operator.role === 'trainer' ? 'purple' : 'blue'}
          >
            {t(`roles.${operator.role}`)}
          </Tag>
          <Button
            icon={<DatabaseOutlined />}
            onClick={run(() => call(info.isDemo ? 'database.openDefault' : 'database.openDemo'))}
          >
            {info.isDemo ? t('header.backToMine') : t('header.openDemo')}
          </Button>
          <Button icon={<LogoutOutlined />} onClick={run(() => call('session.signOut'), true)}>
            {t('header.switchOperator')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={168} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[area]}
            style={{ height: '100%' }}
            onClick={({ key }) => leave(() => navigate(MENU_ROUTES[key] ?? { page: 'myday' }))}
            items={[
              { key: 'myday', icon: <HomeOutlined />, label: t('nav.myday') },
              { key: 'customers', icon: <TeamOutlined />, label: t('nav.customers') },
              { key: 'sla', icon: <SafetyCertificateOutlined />, label: t('nav.sla') },
              { key: 'delivery', icon: <CarryOutOutlined />, label: t('nav.delivery') },
              { key: 'service', icon: <CalendarOutlined />, label: t('nav.service') },
              { key: 'standards', icon: <TableOutlined />, label: t('nav.standards') },
              // The report is for those who oversee the desk: supervisors and trainers.
              ...(operator.role === 'staff'
                ? []
                : [{ key: 'reports', icon: <BarChartOutlined />, label: t('report.menu') }]),
              { key: 'import', icon: <ImportOutlined />, label: t('nav.import') },
              { key: 'settings', icon: <SettingOutlined />, label: t('nav.settings') },
            ]}
          />
        </Layout.Sider>
        <Layout.Content style={{ minWidth: 0, overflow: 'auto', background: '#fff' }}>
          <Page route={route} onSessionChange={onSessionChange} />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
