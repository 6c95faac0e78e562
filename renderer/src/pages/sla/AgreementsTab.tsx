/** SLA agreements: validity, status, grade, circuits covered and the contract's own terms per class. */
import type { ColDef } from 'ag-grid-community'
import { DatePicker, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AgreementRecord, AgreementTerms, ProvisioningClass } from '../../../../electron/api/contract'
import {
  AGREEMENT_STATUSES,
  PROVISIONING_CLASSES,
  type AgreementSave,
} from '../../../../electron/api/schemas'
import { call } from '../../api'
import { OwnerFilter, ownerQuery, useListFilter } from '../../components/listFilter'
import type { PageRequest } from '../../components/PagedGrid'
import { useFormat } from '../../format'
import type { ListFilter } from '../../router'
import { label, useSession } from '../../session'
import { columnMakers } from './columns'
import { ListPage } from './ListPage'
import { CircuitField, CustomerField, useEditing } from './pickers'
import { RecordModal } from './RecordModal'

/** The terms are typed as percentages and working days; blank keeps the rule table's. */
type TermPercents = Record<
  ProvisioningClass,
  { limitDays?: number | null; priceFactor?: number | null; rate?: number | null; cap?: number | null }
>

type AgreementValues = Omit<
  AgreementSave,
  'signedOn' | 'validFrom' | 'validTo' | 'terms' | 'availabilityRateBp'
> & {
  signedOn: Dayjs | null
  validFrom: Dayjs | null
  validTo: Dayjs | null
  terms: TermPercents
  availabilityRate: number | null
}

const toPercent = (bp: number | undefined) => (bp === undefined ? null : bp / 100)
const toBp = (percent: number | null | undefined) => (percent == null ? undefined : Math.round(percent * 100))
const day = (value: string | null) => (value ? dayjs(value) : null)
const isoDay = (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : '')

function toValues(agreement: AgreementRecord | null, customerId?: string): Partial<AgreementValues> {
  if (!agreement) return { status: 'active', customerId, circuitIds: [], terms: {} as TermPercents }
  const terms = Object.fromEntries(
    PROVISIONING_CLASSES.map((name) => {
      const own = agreement.terms[name] ?? {}
      return [
        name,
        {
          limitDays: own.limitDays ?? null,
          priceFactor: toPercent(own.priceFactorBp),
          rate: toPercent(own.rateBp),
          cap: toPercent(own.capBp),
        },
      ]
    }),
  ) as TermPercents
  return {
    ...agreement,
    signedOn: day(agreement.signedOn),
    validFrom: day(agreement.validFrom),
    validTo: day(agreement.validTo),
    terms,
    availabilityRate: agreement.availabilityRateBp === null ? null : agreement.availabilityRateBp / 100,
  }
}

function toTerms(terms: TermPercents | undefined): AgreementTerms {
  const result: AgreementTerms = {}
  for (const name of PROVISIONING_CLASSES) {
    const own = terms?.[name] ?? {}
    const entry = {
      limitDays: own.limitDays ?? undefined,
      priceFactorBp: toBp(own.priceFactor),
      rateBp: toBp(own.rate),
      capBp: toBp(own.cap),
    }
    const set = Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined))
    if (Object.keys(set).length > 0) result[name] = set
  }
  return result
}

function toInput(values: AgreementValues, agreement: AgreementRecord | null): AgreementSave {
  const { signedOn, validFrom, validTo, terms, availabilityRate, ...rest } = values
  return {
    ...rest,
    ...(agreement && { id: agreement.id, version: agreement.version }),
    signedOn: signedOn ? isoDay(signedOn) : null,
    validFrom: isoDay(validFrom),
    validTo: isoDay(validTo),
    terms: toTerms(terms),
    availabilityRateBp: toBp(availabilityRate) ?? null,
  }
}

/** "terms.urgent.rateBp" from the main process is the form's ['terms', 'urgent', 'rate']. */
function fieldName(path: string): (string | number)[] {
  const [head, name, term] = path.split('.')
  if (head === 'terms' && name && term)
    return ['terms', name, { priceFactorBp: 'priceFactor', rateBp: 'rate', capBp: 'cap' }[term] ?? term]
  if (path === 'availabilityRateBp') return ['availabilityRate']
  return [path]
}

function TermsTable() {
  const { t } = useTranslation()
  // Each term is its own field, so that a refusal from the main process shows under the very input.
  const input = (
    name: ProvisioningClass,
    term: string,
    props: { min: number; max: number; precision: number; suffix?: string },
  ) => (
    <Form.Item name={['terms', name, term]} style={{ marginBottom: 0 }}>
      <InputNumber style={{ width: 110 }} placeholder={t('sla.agreements.default')} {...props} />
    </Form.Item>
  )
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="name"
      dataSource={PROVISIONING_CLASSES.map((name) => ({ name }))}
      columns={[
        {
          title: t('sla.orders.class'),
          dataIndex: 'name',
          render: (name: string) => t(`sla.provisioningClass.${name}`),
        },
        {
          title: t('sla.agreements.limitDays'),
          render: (_, { name }) => input(name, 'limitDays', { min: 1, max: 365, precision: 0 }),
        },
        {
          title: t('sla.agreements.priceFactor'),
          render: (_, { name }) =>
            input(name, 'priceFactor', { min: 0, max: 1000, precision: 2, suffix: '%' }),
        },
        {
          title: t('sla.agreements.rate'),
          render: (_, { name }) => input(name, 'rate', { min: 0, max: 100, precision: 2, suffix: '%' }),
        },
        {
          title: t('sla.agreements.cap'),
          render: (_, { name }) => input(name, 'cap', { min: 0, max: 1000, precision: 2, suffix: '%' }),
        },
      ]}
    />
  )
}

/**
 * `filter` (expiring only, branch, account manager) comes with the route, e.g. from My day: on the SLA
 * page it lives in the route (`onFilterChange` navigates), on a customer's tab in the tab.
 */
export function AgreementsTab({
  customerId,
  filter: routeFilter,
  onFilterChange,
}: {
  customerId?: string
  filter?: ListFilter | undefined
  onFilterChange?: (next: ListFilter) => void
}) {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  const { lookups } = useSession()
  const editor = useEditing<AgreementRecord>()
  const { current, reloads } = editor
  const [filter, setFilter] = useListFilter(routeFilter, onFilterChange)
  const { branch, manager } = filter
  const expiringOnly = filter.expiring === '1'
  const setExpiringOnly = (on: boolean) => setFilter({ expiring: on ? '1' : undefined })

  const columns = useMemo<ColDef<AgreementRecord>[]>(() => {
    const col = columnMakers<AgreementRecord>(t, format)
    return [
      col.text('number', t('sla.agreements.number'), { width: 170, sortable: true, pinned: 'left' }),
      ...(customerId
        ? []
        : [col.text('customerName', t('sla.customer'), { flex: 1, minWidth: 180, sortable: true })]),
      col.date('signedOn', t('sla.agreements.signedOn')),
      col.date('validFrom', t('sla.agreements.validFrom')),
      col.date('validTo', t('sla.agreements.validTo'), { sortable: true }),
      col.status('status', 'agreementStatus', t('sla.agreements.status'), { sortable: true, width: 100 }),
      {
        colId: 'expiry',
        headerName: t('sla.agreements.expiry'),
        width: 140,
        cellRenderer: ({ data }: { data?: AgreementRecord }) =>
          data?.expiringSoon ? (
            <Tag color="orange">{t('sla.agreements.endsIn', { count: data.daysToExpiry ?? 0 })}</Tag>
          ) : null,
      },
      {
        colId: 'gradeId',
        headerName: t('sla.agreements.grade'),
        width: 140,
        valueGetter: ({ data }) =>
          data &&
          label(
            lookups.grades.find((grade) => grade.id === data.gradeId),
            i18n.language,
          ),
      },
      {
        colId: 'circuits',
        headerName: t('sla.agreements.circuits'),
        width: 140,
        valueGetter: ({ data }) => data?.circuitIds.length,
      },
    ]
  }, [t, format, customerId, lookups.grades, i18n.language])

  // The list request for a page: the grid's, and an export's (less paging).
  const query = useCallback(
    (request: PageRequest & { search: string }) => ({
      ...request,
      sort: request.sort as { colId: 'number'; sort: 'asc' | 'desc' }[],
      expiringOnly,
      ...ownerQuery({ branch, manager }),
      ...(customerId && { customerId }),
    }),
    [customerId, expiringOnly, branch, manager],
  )
  const load = useCallback(
    (request: PageRequest & { search: string }) => call('agreements.list', query(request)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a save asks for a new load, which reloads the grid
    [query, reloads],
  )
  const initial = useMemo(() => toValues(current, customerId), [current, customerId])
  const required = [{ required: true, message: t('validation.required') }]

  return (
    <>
      <ListPage<AgreementRecord>
        testId="agreements-grid"
        columns={columns}
        load={load}
        exportAs={{ grid: 'agreements', query }}
        newLabel={t('sla.agreements.new')}
        onNew={() => editor.open('new')}
        onOpen={editor.open}
        filters={
          <Space>
            <Switch
              size="small"
              checked={expiringOnly}
              onChange={setExpiringOnly}
              data-testid="expiring-only"
            />
            {t('sla.agreements.expiringOnly')}
            <OwnerFilter filter={filter} onChange={setFilter} owners={!customerId} />
          </Space>
        }
      />
      <RecordModal<AgreementValues, AgreementRecord>
        name="agreement"
        title={current ? current.number : t('sla.agreements.new')}
        editor={editor}
        initial={initial}
        width={820}
        save={(values) => call('agreements.save', toInput(values, current))}
        remove={(record) => call('agreements.delete', record)}
        fieldName={fieldName}
      >
        {() => (
          <>
            <CustomerField
              fixed={Boolean(customerId)}
              locked={Boolean(current)}
              initialLabel={current?.customerName}
            />
            <Space align="start" wrap>
              <Form.Item name="number" label={t('sla.agreements.number')} rules={required}>
                <Input style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name="status" label={t('sla.agreements.status')}>
                <Select
                  style={{ width: 120 }}
                  options={AGREEMENT_STATUSES.map((value) => ({
                    value,
                    label: t(`sla.agreementStatus.${value}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="gradeId" label={t('sla.agreements.grade')}>
                <Select
                  allowClear
                  style={{ width: 200 }}
                  options={lookups.grades.map((grade) => ({
                    value: grade.id,
                    label: label(grade, i18n.language),
                  }))}
                />
              </Form.Item>
            </Space>
            <Space align="start" wrap>
              <Form.Item name="signedOn" label={t('sla.agreements.signedOn')}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="validFrom" label={t('sla.agreements.validFrom')} rules={required}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="validTo" label={t('sla.agreements.validTo')} rules={required}>
                <DatePicker />
              </Form.Item>
            </Space>
            <CircuitField name="circuitIds" label={t('sla.agreements.circuits')} multiple />
            <Typography.Text strong>{t('sla.agreements.terms')}</Typography.Text>
            <Typography.Paragraph type="secondary">{t('sla.agreements.termsHint')}</Typography.Paragraph>
            <TermsTable />
            <Form.Item
              name="availabilityRate"
              label={t('sla.agreements.availabilityRate')}
              extra={t('sla.agreements.availabilityRateHint')}
              style={{ marginTop: 16 }}
            >
              <InputNumber min={0} max={100} suffix="%" style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="notes" label={t('sla.orders.notes')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
      </RecordModal>
    </>
  )
}
