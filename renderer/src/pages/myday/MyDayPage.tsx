/**
 * My day (我的今日), the home page: what is due soon or late today — deliveries, follow-up calls and their
 * open issues, provisioning orders, expiring SLA agreements — for a staff member's own customers or for
 * everyone; supervisors (and trainers) also see the counts per branch and per account manager. Every
 * number opens the records behind it.
 */
import { CheckCircleFilled, ReloadOutlined } from '@ant-design/icons'
import { App, Button, Card, Result, Segmented, Skeleton, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MyDay, MyDayCounts, MyDayMeasure, Operator } from '../../../../electron/api/contract'
import { call } from '../../api'
import { errorMessage } from '../../errors'
import { useFormat } from '../../format'
import { routeHash } from '../../router'
import { useSession } from '../../session'
import { Breakdown } from './Breakdown'
import { drillDown } from './drillDown'
import { GROUPS, MISSED } from './measures'
import './myday.css'

type Scope = 'mine' | 'all'

const scopeKey = (operatorId: string) => `myday.scope.${operatorId}`

/**
 * A staff member's scope. The choice made on the page is kept for the session (so that coming back from
 * a drill-down shows the same numbers). Before any choice: "my customers" if the operator is the account
 * manager of any customer — their own work list — and otherwise "all": someone who manages no customer
 * (the follow-up desk that makes every call, domain.md §3, or a new colleague) would otherwise see only
 * zeros and a misleading "nothing due today".
 */
function useScope(operator: Operator): {
  scope: Scope | null
  setScope: (scope: Scope) => void
  ownsCustomers: boolean | null
} {
  const staff = operator.role === 'staff'
  const [chosen, setChosen] = useState<Scope | null>(() =>
    staff ? (sessionStorage.getItem(scopeKey(operator.id)) as Scope | null) : 'all',
  )
  const [ownsCustomers, setOwnsCustomers] = useState<boolean | null>(null)
  useEffect(() => {
    if (!staff) return
    let live = true
    call('customers.list', { startRow: 0, endRow: 1, accountManagerIds: [operator.id] })
      .then(({ total }) => {
        if (!live) return
        setOwnsCustomers(total > 0)
        setChosen((current) => current ?? (total > 0 ? 'mine' : 'all'))
      })
      .catch(() => live && setChosen((current) => current ?? 'all'))
    return () => {
      live = false
    }
  }, [staff, operator.id])
  const setScope = (scope: Scope) => {
    sessionStorage.setItem(scopeKey(operator.id), scope)
    setChosen(scope)
  }
  return { scope: chosen, setScope, ownsCustomers }
}

export function MyDayPage() {
  const { t } = useTranslation()
  const format = useFormat()
  const { message } = App.useApp()
  const { operator } = useSession()
  const staff = operator.role === 'staff'
  const { scope, setScope, ownsCustomers } = useScope(operator)
  const [day, setDay] = useState<MyDay | null>(null)
  const [windows, setWindows] = useState<{ dueSoonDays: number; expiryWarningDays: number } | null>(null)

  const load = useCallback(
    () =>
      scope === null
        ? Promise.resolve()
        : call('myDay.get', scope === 'mine' ? { accountManagerId: operator.id } : {})
            .then(setDay)
            .catch((error: unknown) => void message.error(errorMessage(t, error))),
    [scope, operator.id, message, t],
  )
  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    call('sla.rules')
      .then(({ dueSoonDays, expiryWarningDays }) => setWindows({ dueSoonDays, expiryWarningDays }))
      .catch(() => setWindows(null))
  }, [])

  // The cards' links keep the scope: "my customers" opens my customers' records only.
  const owner = scope === 'mine' ? { manager: operator.id } : {}
  const allClear = day !== null && Object.values(day.counts).every((n) => n === 0)

  return (
    <div className="desk-page myday" style={{ height: 'auto' }} data-testid="myday">
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space align="baseline" size={16} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('myday.title')}
          </Typography.Title>
          {day && (
            <Typography.Text type="secondary" className="myday-date" data-testid="myday-date">
              {t('myday.date', { date: format.date(day.today), weekday: dayjs(day.today).format('dddd') })}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          {staff && scope && (
            <Segmented<Scope>
              value={scope}
              onChange={setScope}
              options={[
                { value: 'mine', label: t('myday.scope.mine') },
                { value: 'all', label: t('myday.scope.all') },
              ]}
              data-testid="myday-scope"
            />
          )}
          <Button icon={<ReloadOutlined />} onClick={() => void load()} data-testid="myday-reload">
            {t('myday.reload')}
          </Button>
        </Space>
      </Space>
      {staff && scope === 'mine' && ownsCustomers === false && (
        <Typography.Text type="warning">{t('myday.scope.noneOwned')}</Typography.Text>
      )}
      {!day ? (
        <Skeleton active />
      ) : (
        <>
          {allClear && (
            <Result
              className="myday-clear"
              icon={<CheckCircleFilled />}
              status="success"
              title={t('myday.allClear')}
              subTitle={t('myday.allClearHint')}
              data-testid="myday-all-clear"
            />
          )}
          <div className="myday-cards">
            {GROUPS.map((group) => (
              <Card
                key={group.key}
                size="small"
                title={t(`myday.groups.${group.key}`)}
                className={`myday-card myday-card-${group.measures.length}`}
                data-testid={`myday-group-${group.key}`}
              >
                <div className="myday-tiles">
                  {group.measures.map((measure) => (
                    <Tile
                      key={measure}
                      measure={measure}
                      counts={day.counts}
                      href={routeHash(drillDown(measure, owner))}
                    />
                  ))}
                </div>
              </Card>
            ))}
          </div>
          <Typography.Text type="secondary" className="myday-windows">
            {windows
              ? t('myday.windows', { days: windows.dueSoonDays, expiryDays: windows.expiryWarningDays })
              : t('myday.windowsUnknown')}
          </Typography.Text>
          {day.byBranch && <Breakdown kind="branch" rows={day.byBranch} />}
          {day.byManager && <Breakdown kind="manager" rows={day.byManager} />}
        </>
      )}
    </div>
  )
}

/** One number of a card: a link to the records behind it, red when a deadline is already missed. */
function Tile({ measure, counts, href }: { measure: MyDayMeasure; counts: MyDayCounts; href: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const value = counts[measure]
  const tone = value === 0 ? 'zero' : MISSED.has(measure) ? 'missed' : 'open'
  return (
    <a className={`myday-tile myday-tile-${tone}`} href={href} data-testid={`myday-${measure}-link`}>
      <span className="myday-number" data-testid={`myday-${measure}`}>
        {format.count(value)}
      </span>
      <span className="myday-label">{t(`myday.measures.${measure}`)}</span>
      <span className="myday-hint">{t(`myday.hints.${measure}`)}</span>
    </a>
  )
}
