/** Around every screen: the DEMO banner while the demo database is open, and the status bar. */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo, Operator } from '../../../electron/api/contract'

export function Frame({
  info,
  operator,
  children,
}: {
  info: AppInfo
  operator: Operator | null
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      {info.isDemo && (
        <div className="desk-demo-banner" role="alert" data-testid="demo-banner">
          {t('demo.banner')}
        </div>
      )}
      <div style={{ flex: 1, minHeight: 0 }}>{children}</div>
      <footer className="desk-status-bar" data-testid="status-bar">
        <span style={{ display: 'flex', minWidth: 0 }}>
          {t('status.database')}
          {t('common.colon')}
          <span className="desk-status-file" title={info.databaseFile}>
            <bdi>{info.databaseFile}</bdi>
          </span>
        </span>
        <span>
          {t('status.schema')}
          {t('common.colon')}v{info.schemaVersion}
        </span>
        {operator && (
          <span>
            {t('status.operator')}
            {t('common.colon')}
            {t('common.nameWithRole', { name: operator.name, role: t(`roles.${operator.role}`) })}
          </span>
        )}
        <span>
          {t('status.host')}
          {t('common.colon')}
          {info.hostName}
        </span>
      </footer>
    </div>
  )
}
