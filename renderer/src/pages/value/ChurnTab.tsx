/**
 * Churn warnings (流失预警) for everyone: the open ones by account manager, each staying on the list
 * until someone records the follow-up (clicking a row asks for it).
 */
import type { ColDef, RowClickedEvent } from 'ag-grid-community'
import { App, Button, Select, Space, Switch, Typography } from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChurnWarningRecord } from '../../../../electron/api/contract'
import { call } from '../../api'
import { Grid } from '../../components/Grid'
import { errorMessage } from '../../errors'
import { useFormat } from '../../format'
import { routeHash } from '../../router'
import { useSession } from '../../session'
import { SourceTag, TextModal, useMonthLabel, useWarningDetail, WarningStatus } from './common'

/** The warning columns both lists show; the Service area's adds the customer and its manager. */
export function useWarningColumns({
  withCustomer,
  onFollowUp,
}: {
  withCustomer: boolean
  onFollowUp: (warning: ChurnWarningRecord) => void
}): ColDef<ChurnWarningRecord>[] {
  const { t } = useTranslation()
  const format = useFormat()
  const monthLabel = useMonthLabel()
  const detail = useWarningDetail()
  return useMemo<ColDef<ChurnWarningRecord>[]>(
    () => [
      ...(withCustomer
        ? [
            {
              colId: 'customerName',
              headerName: t('value.warnings.customer'),
              minWidth: 200,
              flex: 1,
              cellRenderer: ({ data }: { data?: ChurnWarningRecord }) =>
                data && (
                  <a href={routeHash({ page: 'customer', id: data.customerId, tab: 'value' })}>
                    {data.customerName}
                  </a>
                ),
            },
            {
              colId: 'accountManagerName',
              field: 'accountManagerName' as const,
              headerName: t('value.warnings.accountManager'),
              width: 130,
            },
          ]
        : []),
      {
        colId: 'source',
        headerName: t('value.warnings.source'),
        width: 130,
        cellRenderer: ({ data }: { data?: ChurnWarningRecord }) => data && <SourceTag source={data.source} />,
      },
      {
        colId: 'month',
        headerName: t('value.warnings.month'),
        width: 110,
        valueGetter: ({ data }) => (data?.month ? monthLabel(data.month) : ''),
      },
      {
        colId: 'raisedOn',
        headerName: t('value.warnings.raisedOn'),
        width: 140,
        valueGetter: ({ data }) => format.date(data?.raisedOn),
      },
      {
        colId: 'detail',
        headerName: t('value.warnings.detail'),
        flex: 2,
        minWidth: 200,
        wrapText: true,
        autoHeight: true,
        cellStyle: { lineHeight: '20px', paddingTop: 6, paddingBottom: 6 },
        valueGetter: ({ data }) => (data ? detail(data, format) : ''),
      },
      {
        colId: 'status',
        headerName: t('value.warnings.status'),
        flex: 1,
        minWidth: 200,
        wrapText: true,
        autoHeight: true,
        cellStyle: { lineHeight: '20px', paddingTop: 6, paddingBottom: 6 },
        cellRenderer: ({ data }: { data?: ChurnWarningRecord }) =>
          data && (
            <div>
              <WarningStatus warning={data} format={format} />
              {data.handledOn ? (
                <>
                  {data.followUp}
                  <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                    {t('value.warnings.handledBy', {
                      name: data.handledBy,
                      date: format.date(data.handledOn),
                    })}
                  </Typography.Text>
                </>
              ) : (
                <Button
                  size="small"
                  type="link"
                  style={{ paddingInline: 0, height: 20 }}
                  onClick={() => onFollowUp(data)}
                  data-testid="record-follow-up"
                >
                  {t('value.warnings.recordFollowUp')}
                </Button>
              )}
            </div>
          ),
      },
    ],
    [t, format, monthLabel, detail, withCustomer, onFollowUp],
  )
}

/** Asks for the follow-up of one open warning; saved, the warning leaves the open list. */
export function FollowUpModal(props: {
  warning: ChurnWarningRecord | null
  onClose: () => void
  onSaved: (warning: ChurnWarningRecord) => void
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const detail = useWarningDetail()
  const { warning } = props
  return (
    <TextModal<ChurnWarningRecord>
      open={warning !== null}
      title={warning ? t('value.warnings.followUpTitle', { customer: warning.customerName }) : ''}
      label={t('value.warnings.followUp')}
      placeholder={t('value.warnings.followUpPlaceholder')}
      field="followUp"
      testId="follow-up"
      hint={
        warning && (
          <Space orientation="vertical" size={4}>
            <span>
              <SourceTag source={warning.source} />
              {format.date(warning.raisedOn)}
            </span>
            <Typography.Text>{detail(warning, format)}</Typography.Text>
            <Typography.Text type="secondary">{t('value.warnings.followUpHint')}</Typography.Text>
          </Space>
        )
      }
      save={(followUp) => call('churn.followUp', { id: warning!.id, version: warning!.version, followUp })}
      onClose={props.onClose}
      onSaved={props.onSaved}
    />
  )
}

export function ChurnTab() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormat()
  const { lookups, operator } = useSession()
  // undefined until we know whether the operator manages customers (then theirs), else null (everyone's).
  const [manager, setManager] = useState<string | null | undefined>(undefined)
  const [includeHandled, setIncludeHandled] = useState(false)
  const [rows, setRows] = useState<ChurnWarningRecord[]>([])
  const [reloads, setReloads] = useState(0)
  const [following, setFollowing] = useState<ChurnWarningRecord | null>(null)

  useEffect(() => {
    let current = true
    call('customers.list', { startRow: 0, endRow: 1, accountManagerIds: [operator.id] })
      .then((page) => current && setManager(page.total > 0 ? operator.id : null))
      .catch(() => current && setManager(null))
    return () => {
      current = false
    }
  }, [operator.id])

  useEffect(() => {
    if (manager === undefined) return
    let current = true
    call('churn.list', { openOnly: !includeHandled, ...(manager && { accountManagerId: manager }) })
      .then((list) => current && setRows(list))
      .catch((error: unknown) => void message.error(errorMessage(t, error)))
    return () => {
      current = false
    }
  }, [manager, includeHandled, reloads, message, t])

  const columns = useWarningColumns({ withCustomer: true, onFollowUp: setFollowing })
  const onRowClicked = useCallback((event: RowClickedEvent<ChurnWarningRecord>) => {
    const target = event.event?.target as HTMLElement | null | undefined
    if (target?.closest('a, button')) return
    if (event.data && !event.data.handledOn) setFollowing(event.data)
  }, [])

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, flex: 1, minHeight: 0 }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Select
            style={{ width: 220 }}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={manager ?? undefined}
            placeholder={t('value.churn.allManagers')}
            onChange={(value: string | undefined) => setManager(value ?? null)}
            options={lookups.accountManagers.map((entry) => ({ value: entry.id, label: entry.name }))}
            aria-label={t('value.warnings.accountManager')}
            data-testid="churn-manager"
          />
          <Space size={6}>
            <Switch
              checked={includeHandled}
              onChange={setIncludeHandled}
              data-testid="churn-include-handled"
            />
            <Typography.Text>{t('value.churn.includeHandled')}</Typography.Text>
          </Space>
          <Typography.Text type="secondary">{t('value.churn.hint')}</Typography.Text>
        </Space>
        <Typography.Text type="secondary" data-testid="churn-total">
          {t('value.churn.total', { count: rows.length, formatted: format.count(rows.length) })}
        </Typography.Text>
      </Space>
      <div className="desk-grid" data-testid="churn-grid">
        <Grid<ChurnWarningRecord>
          rowData={rows}
          columnDefs={columns}
          getRowId={({ data }) => data.id}
          onRowClicked={onRowClicked}
          rowStyle={{ cursor: 'pointer' }}
          overlayNoRowsTemplate={t('value.warnings.empty')}
        />
      </div>
      <FollowUpModal
        warning={following}
        onClose={() => setFollowing(null)}
        onSaved={() => {
          setFollowing(null)
          setReloads((n) => n + 1)
        }}
      />
    </div>
  )
}
