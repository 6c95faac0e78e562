/** The SLA rule table, the reminder windows, the bandwidth products and the quality grades. */
import type { ColDef } from 'ag-grid-community'
import { App, Button, Form, InputNumber, Space, Typography } from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RuleRow, SlaRules } from '../../../../electron/api/contract'
import { ruleSaveSchema, slaSettingsSchema, type RuleSave } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { Grid } from '../../components/Grid'
import { errorMessage, schemaRule, showFieldErrors } from '../../errors'
import { label, useSession } from '../../session'
import { EditModal, type FieldSpec } from './EditModal'
import { RuleHistory } from './RuleHistory'
import { GradeList, scaled, usePercent } from './GradeList'
import { LookupList } from './LookupList'

const BP_PER_PERCENT = 100
/** Room for the number and its unit (个工作日, working days). */
const UNIT_INPUT = { width: 180 }
/** The rule's terms kept in basis points, shown and typed in %. */
const PERCENT_TERMS = [
  ['priceFactorBp', 'priceFactor'],
  ['rateBp', 'rate'],
  ['capBp', 'cap'],
] as const

function inPercent({ id, version, limitDays, priceFactorBp, rateBp, capBp }: RuleRow): RuleSave {
  const pct = (bp: number) => bp / BP_PER_PERCENT
  return { id, version, limitDays, priceFactorBp: pct(priceFactorBp), rateBp: pct(rateBp), capBp: pct(capBp) }
}

function inBasisPoints(values: RuleSave): RuleSave {
  const bp = (pct: number) => Math.round(pct * BP_PER_PERCENT)
  return {
    ...values,
    priceFactorBp: bp(values.priceFactorBp),
    rateBp: bp(values.rateBp),
    capBp: bp(values.capBp),
  }
}

export function SlaRuleSettings() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [rules, setRules] = useState<SlaRules | null>(null)
  const load = useCallback(
    () =>
      call('sla.rules')
        .then(setRules)
        .catch((error: unknown) => void message.error(errorMessage(t, error))),
    [message, t],
  )
  useEffect(() => {
    void load()
  }, [load])

  const section = (key: 'reminders' | 'products' | 'grades') => (
    <Typography.Title level={5} style={{ margin: '12px 0 0' }}>
      {t(`calendar.rules.${key}`)}
    </Typography.Title>
  )
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
        <Typography.Text type="secondary">{t('calendar.rules.intro')}</Typography.Text>
        <RuleHistory rules={rules?.rules ?? []} />
      </Space>
      <RuleTable rules={rules?.rules ?? []} onSaved={setRules} />
      {section('reminders')}
      {rules && <ReminderForm rules={rules} onSaved={setRules} />}
      {section('products')}
      <Typography.Text type="secondary">{t('calendar.rules.productsHint')}</Typography.Text>
      <LookupList kind="product" onChanged={load} />
      {section('grades')}
      <Typography.Text type="secondary">{t('calendar.rules.gradesHint')}</Typography.Text>
      <GradeList />
    </Space>
  )
}

/** One row per product and provisioning class; a supervisor edits a row's terms in a modal. */
function RuleTable({ rules, onSaved }: { rules: RuleRow[]; onSaved: (next: SlaRules) => void }) {
  const { t, i18n } = useTranslation()
  const { lookups, isSupervisor } = useSession()
  const percent = usePercent()
  const [editing, setEditing] = useState<RuleRow | null>(null)
  const product = useCallback(
    (id: string | undefined) =>
      label(
        lookups.products.find((entry) => entry.id === id),
        i18n.language,
      ),
    [lookups.products, i18n.language],
  )

  const columns = useMemo<ColDef<RuleRow>[]>(
    () => [
      {
        colId: 'product',
        headerName: t('calendar.rules.product'),
        flex: 1,
        minWidth: 160,
        valueGetter: ({ data }) => product(data?.productId),
      },
      {
        field: 'provisioningClass',
        headerName: t('calendar.rules.class'),
        width: 110,
        valueFormatter: ({ value }) => t(`sla.provisioningClass.${String(value)}`),
      },
      { field: 'limitDays', headerName: t('calendar.rules.limitDays'), width: 150, type: 'rightAligned' },
      ...PERCENT_TERMS.map(([field, key]): ColDef<RuleRow> => ({
        field,
        headerName: t(`calendar.rules.${key}`),
        width: 170,
        type: 'rightAligned',
        valueFormatter: ({ value }) => percent(Number(value) / (100 * BP_PER_PERCENT)),
      })),
      {
        colId: 'edit',
        headerName: '',
        width: 90,
        sortable: false,
        cellRenderer: ({ data }: { data: RuleRow }) => (
          <Button size="small" type="link" disabled={!isSupervisor} onClick={() => setEditing(data)}>
            {t('common.edit')}
          </Button>
        ),
      },
    ],
    [t, product, percent, isSupervisor],
  )

  const shape = ruleSaveSchema.shape
  const fields: FieldSpec[] = [
    {
      name: 'limitDays',
      label: t('calendar.rules.limitDays'),
      input: (
        <InputNumber min={1} precision={0} suffix={t('calendar.rules.workingDaysUnit')} style={UNIT_INPUT} />
      ),
      schema: shape.limitDays,
    },
    ...PERCENT_TERMS.map(([name, key]) => ({
      name,
      label: t(`calendar.rules.${key}`),
      input: <InputNumber min={0} suffix="%" style={UNIT_INPUT} />,
      schema: scaled(shape[name], BP_PER_PERCENT),
      extra: key === 'rate' ? t('calendar.rules.rateHint') : undefined,
    })),
  ]
  const initial = useMemo(() => (editing ? inPercent(editing) : {}), [editing])

  return (
    <>
      <div data-testid="rule-grid">
        <Grid<RuleRow>
          rowData={rules}
          columnDefs={columns}
          getRowId={({ data }) => data.id}
          domLayout="autoHeight"
          defaultColDef={{ wrapHeaderText: true, autoHeaderHeight: true }}
        />
      </div>
      <EditModal<RuleSave>
        name="rule"
        title={
          editing
            ? t('calendar.rules.editTitle', {
                product: product(editing.productId),
                class: t(`sla.provisioningClass.${editing.provisioningClass}`),
              })
            : ''
        }
        open={editing !== null}
        initial={initial}
        fields={fields}
        onSave={(values) => call('sla.saveRule', inBasisPoints(values)).then(onSaved)}
        onClose={() => setEditing(null)}
      />
    </>
  )
}

/** How early an order counts as due soon (working days), and an agreement as expiring (days). */
const REMINDERS = [
  ['dueSoonDays', 'workingDaysUnit'],
  ['expiryWarningDays', 'daysUnit'],
] as const

function ReminderForm({ rules, onSaved }: { rules: SlaRules; onSaved: (next: SlaRules) => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { isSupervisor } = useSession()
  const [form] = Form.useForm<{ dueSoonDays: number; expiryWarningDays: number }>()
  const save = async (values: { dueSoonDays: number; expiryWarningDays: number }) => {
    try {
      onSaved(await call('sla.saveSettings', values))
      void message.success(t('common.saved'))
    } catch (error) {
      if (showFieldErrors(t, form, error).length === 0) void message.error(errorMessage(t, error))
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('calendar.rules.remindersHint')}</Typography.Text>
      <Form
        form={form}
        name="slaReminders"
        layout="inline"
        disabled={!isSupervisor}
        initialValues={{ dueSoonDays: rules.dueSoonDays, expiryWarningDays: rules.expiryWarningDays }}
        onFinish={(values) => void save(values)}
      >
        {REMINDERS.map(([name, unit]) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`calendar.rules.${name}`)}
            rules={[schemaRule(t, slaSettingsSchema.shape[name])]}
          >
            <InputNumber min={0} precision={0} suffix={t(`calendar.rules.${unit}`)} style={UNIT_INPUT} />
          </Form.Item>
        ))}
        <Form.Item>
          <Button htmlType="submit">{t('common.save')}</Button>
        </Form.Item>
      </Form>
    </Space>
  )
}
