import { App as AntApp, ConfigProvider, Spin } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo, Lookups, Operator } from '../../electron/api/contract'
import { call } from './api'
import { Frame } from './components/Frame'
import { Shell } from './components/Shell'
import { SignInPage } from './pages/session/SignInPage'
import { SessionContext, type Session } from './session'

interface Loaded {
  info: AppInfo
  operator: Operator | null
  lookups: Lookups | null
}

async function loadSession(): Promise<Loaded> {
  const [info, { operator }] = await Promise.all([call('app.info'), call('session.get')])
  return { info, operator, lookups: operator ? await call('lookups.get') : null }
}

export function App() {
  const { i18n } = useTranslation()
  const [loaded, setLoaded] = useState<Loaded | null>(null)

  const reload = useCallback(() => loadSession().then(setLoaded), [])
  useEffect(() => {
    void loadSession().then(setLoaded)
  }, [])
  useEffect(() => {
    dayjs.locale(i18n.language === 'en' ? 'en' : 'zh-cn')
    document.documentElement.lang = i18n.language
  }, [i18n.language])

  const session = useMemo<Session | null>(() => {
    if (!loaded?.operator || !loaded.lookups) return null
    return {
      info: loaded.info,
      operator: loaded.operator,
      lookups: loaded.lookups,
      isSupervisor: loaded.operator.role === 'supervisor',
      refreshLookups: async (next) => {
        const lookups = next ?? (await call('lookups.get'))
        setLoaded((current) => current && { ...current, lookups })
      },
    }
  }, [loaded])

  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1456a0', fontFamily: 'var(--desk-font)', borderRadius: 4 } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp style={{ height: '100%' }}>
        {!loaded ? (
          <Spin fullscreen />
        ) : (
          <Frame info={loaded.info} operator={loaded.operator}>
            {session ? (
              <SessionContext.Provider value={session}>
                <Shell onSessionChange={reload} />
              </SessionContext.Provider>
            ) : (
              <SignInPage info={loaded.info} onSignedIn={reload} />
            )}
          </Frame>
        )}
      </AntApp>
    </ConfigProvider>
  )
}
