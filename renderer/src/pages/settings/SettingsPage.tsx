/**
 * Settings: language for everyone; tier scheme, lists, operators, SLA rules, deliveries and follow-ups,
 * the calendar, the value assessment and backup and restore for supervisors.
 */
import { Alert, App, Card, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { call } from '../../api'
import { LanguageSwitch } from '../../components/LanguageSwitch'
import { errorMessage } from '../../errors'
import { useSession } from '../../session'
import { BackupSettings } from './BackupSettings'
import { CalendarSettings } from './CalendarSettings'
import { DeliverySettings } from './DeliverySettings'
import { LookupList } from './LookupList'
import { OperatorList } from './OperatorList'
import { SlaRuleSettings } from './SlaRuleSettings'
import { TierList } from './TierList'
import { ValueSettings } from '../value/ValueSettings'

/** `onSessionChange` reloads the session after a restore (everyone chooses who is working again). */
export function SettingsPage({ onSessionChange }: { onSessionChange: () => Promise<void> }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { isSupervisor, lookups, refreshLookups } = useSession()

  return (
    <div className="desk-page" style={{ height: 'auto' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Card title={t('settings.language')} size="small">
        <Space orientation="vertical">
          <LanguageSwitch />
          <Typography.Text type="secondary">{t('settings.languageHint')}</Typography.Text>
        </Space>
      </Card>
      {!isSupervisor && <Alert type="info" showIcon title={t('settings.supervisorOnly')} />}
      <Card title={t('settings.tierScheme')} size="small">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Select
            style={{ width: 360 }}
            disabled={!isSupervisor}
            value={lookups.tierScheme}
            onChange={(scheme) =>
              void call('settings.setTierScheme', { scheme })
                .then(refreshLookups)
                .catch((error: unknown) => message.error(errorMessage(t, error)))
            }
            options={lookups.tierSchemes.map((scheme) => ({
              value: scheme,
              label: t(`settings.schemes.${scheme}`, { defaultValue: scheme }),
            }))}
          />
          <TierList />
        </Space>
      </Card>
      <Card title={t('settings.branches')} size="small">
        <LookupList kind="branch" />
      </Card>
      <Card title={t('settings.industries')} size="small">
        <LookupList kind="industry" />
      </Card>
      <Card title={t('settings.operators')} size="small">
        <OperatorList />
      </Card>
      <Card title={t('calendar.rules.title')} size="small" data-testid="sla-rules-card">
        <SlaRuleSettings />
      </Card>
      <Card title={t('deliveryRules.title')} size="small" data-testid="delivery-settings-card">
        <DeliverySettings />
      </Card>
      <Card title={t('calendar.title')} size="small" data-testid="calendar-card">
        <CalendarSettings />
      </Card>
      <Card title={t('value.settings.title')} size="small" data-testid="value-settings-card">
        <ValueSettings />
      </Card>
      <Card title={t('transfer.backup.title')} size="small" data-testid="backup-card">
        <BackupSettings onSessionChange={onSessionChange} />
      </Card>
    </div>
  )
}
