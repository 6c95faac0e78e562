/** A customer's monthly revenue, newest first: add a month, or correct one; a drop raises a churn warning. */
import { EditOutlined, PlusOutlined } from '@ant-design/icons'
import type { ColDef } from 'ag-grid-community'
import { App, Button, Card, DatePicker, Form, Modal, Space, Typography } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RevenueRecord } from '../../../../electron/api/contract'
import { call } from '../../api'
import { Grid } from '../../components/Grid'
import { errorMessage } from '../../errors'
import { fenToYuan, useFormat, yuanToFen } from '../../format'
import { YuanInput } from '../sla/pickers'
import { showRefusal, useMonthLabel, usePercentBp } from './common'

interface MonthValues {
  month: Dayjs | null
  revenue: number | null
}

/** Where the contract's fields sit in these forms (revenue typed in yuan). */
const FIELD_NAMES: Record<string, string> = { month: 'month', revenueFen: 'revenue' }
const toField = (path: string) => (FIELD_NAMES[path] ? [FIELD_NAMES[path]] : null)

export function RevenueCard({ customerId, onChanged }: { customerId: string; onChanged: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const format = useFormat()
  const monthLabel = useMonthLabel()
  const percent = usePercentBp()
  const [rows, setRows] = useState<RevenueRecord[]>([])
  const [shareBp, setShareBp] = useState<number | null>(null)
  const [editing, setEditing] = useState<RevenueRecord | null>(null)
  const [form] = Form.useForm<MonthValues>()
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    Promise.all([call('revenue.list', { id: customerId }), call('value.settings')])
      .then(([list, settings]) => {
        setRows(list)
        setShareBp(settings.churnShareBp)
      })
      .catch((error: unknown) => void message.error(errorMessage(t, error)))
  }, [customerId, message, t])

  const save = useCallback(
    async (values: MonthValues, record: RevenueRecord | null) =>
      call('revenue.save', {
        ...(record && { id: record.id, version: record.version }),
        customerId,
        month: values.month?.format('YYYY-MM') ?? '',
        revenueFen: yuanToFen(values.revenue) ?? 0,
      }),
    [customerId],
  )

  const add = async (values: MonthValues) => {
    setSaving(true)
    try {
      setRows(await save(values, null))
      form.resetFields()
      void message.success(t('common.saved'))
      onChanged()
    } catch (error) {
      showRefusal(t, form, error, (text) => void message.error(text), toField)
    } finally {
      setSaving(false)
    }
  }

  const columns = useMemo<ColDef<RevenueRecord>[]>(
    () => [
      {
        colId: 'month',
        headerName: t('value.revenue.month'),
        flex: 1,
        valueGetter: ({ data }) => monthLabel(data?.month),
      },
      {
        colId: 'revenueFen',
        headerName: t('value.revenue.revenueFen'),
        flex: 1,
        type: 'rightAligned',
        valueGetter: ({ data }) => format.money(data?.revenueFen),
      },
      {
        colId: 'edit',
        headerName: '',
        width: 96,
        cellRenderer: ({ data }: { data?: RevenueRecord }) =>
          data && (
            <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(data)}>
              {t('value.revenue.edit')}
            </Button>
          ),
      },
    ],
    [t, format, monthLabel],
  )
  const required = [{ required: true, message: t('validation.required') }]

  return (
    <Card size="small" title={t('value.revenue.title')} style={{ height: '100%' }}>
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {shareBp === null ? '' : t('value.revenue.hint', { share: percent(shareBp) })}
        </Typography.Text>
        <Form
          form={form}
          name="revenue"
          layout="inline"
          onFinish={(values) => void add(values)}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="month" rules={required} style={{ marginInlineEnd: 8 }}>
            <DatePicker
              picker="month"
              format="YYYY-MM"
              placeholder={t('value.revenue.month')}
              style={{ width: 116 }}
              aria-label={t('value.revenue.month')}
              data-testid="revenue-month"
            />
          </Form.Item>
          <Form.Item name="revenue" rules={required} style={{ marginInlineEnd: 8 }}>
            <YuanInput
              style={{ width: 150 }}
              placeholder={t('value.revenue.amount')}
              aria-label={t('value.revenue.amount')}
              data-testid="revenue-amount"
            />
          </Form.Item>
          <Form.Item style={{ marginInlineEnd: 0 }}>
            <Button htmlType="submit" icon={<PlusOutlined />} loading={saving} data-testid="revenue-add">
              {t('value.revenue.add')}
            </Button>
          </Form.Item>
        </Form>
        <div style={{ height: 280 }} data-testid="revenue-grid">
          <Grid<RevenueRecord>
            rowData={rows}
            columnDefs={columns}
            getRowId={({ data }) => data.id}
            overlayNoRowsTemplate={t('value.revenue.empty')}
            onRowDoubleClicked={({ data }) => data && setEditing(data)}
          />
        </div>
      </Space>
      <EditMonthModal
        record={editing}
        save={save}
        onClose={() => setEditing(null)}
        onSaved={(next) => {
          setRows(next)
          setEditing(null)
          onChanged()
        }}
      />
    </Card>
  )
}

function EditMonthModal(props: {
  record: RevenueRecord | null
  save: (values: MonthValues, record: RevenueRecord) => Promise<RevenueRecord[]>
  onClose: () => void
  onSaved: (rows: RevenueRecord[]) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const monthLabel = useMonthLabel()
  const [form] = Form.useForm<MonthValues>()
  const { record } = props

  useEffect(() => {
    if (!record) return
    form.resetFields()
    form.setFieldsValue({ month: dayjs(`${record.month}-01`), revenue: fenToYuan(record.revenueFen) })
  }, [record, form])

  const submit = async () => {
    if (!record) return
    const values = await form.validateFields()
    try {
      props.onSaved(await props.save(values, record))
      void message.success(t('common.saved'))
    } catch (error) {
      showRefusal(t, form, error, (text) => void message.error(text), toField)
    }
  }
  const required = [{ required: true, message: t('validation.required') }]

  return (
    <Modal
      open={record !== null}
      title={record ? t('value.revenue.editTitle', { month: monthLabel(record.month) }) : ''}
      forceRender
      width={420}
      onCancel={props.onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit().catch(() => undefined)}
      okButtonProps={{ 'data-testid': 'save-revenue-month' }}
    >
      <Form form={form} name="revenueMonth" layout="vertical">
        <Form.Item name="month" label={t('value.revenue.month')} rules={required}>
          <DatePicker picker="month" format="YYYY-MM" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="revenue" label={t('value.revenue.amount')} rules={required}>
          <YuanInput />
        </Form.Item>
      </Form>
    </Modal>
  )
}
