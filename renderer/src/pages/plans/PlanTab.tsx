/**
 * A customer's service plan (服务规划) for a year: its tier's standard items with the customer's own
 * targets over them, each editable and resettable; above it, how the plan is being kept this period,
 * with one-click entry of the standard actions that count against it.
 */
import { EditOutlined, RollbackOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd'
import dayjs from 'dayjs'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ActivityKind,
  ActivityRecord,
  PlanItemRecord,
  ServiceItemRecord,
  ServicePlan,
} from '../../../../electron/api/contract'
import { PERIOD_KINDS, planItemSaveSchema } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { errorMessage, schemaRule, showFieldErrors } from '../../errors'
import { label, useSession } from '../../session'
import { useEditing } from '../sla/pickers'
import { ActivityModal } from './ActivityModal'
import { CustomerCompliance } from './CustomerCompliance'
import { AUDIENCES, ITEM_CLASSES, useServiceItems } from './shared'
import { useTargetText } from './targets'

interface Row extends PlanItemRecord {
  item: ServiceItemRecord
  /** Rows the class and audience cells span (0 for the rows they are merged into). */
  classSpan: number
  audienceSpan: number
}

/** The plan's items in class and audience order, with the spans that merge their group cells. */
function groupRows(plan: ServicePlan | null, byId: Map<string, ServiceItemRecord>): Row[] {
  if (!plan) return []
  const sorted = plan.items
    .flatMap((entry) => {
      const item = byId.get(entry.itemId)
      return item ? [{ ...entry, item }] : []
    })
    .sort(
      (a, b) =>
        ITEM_CLASSES.indexOf(a.item.itemClass) - ITEM_CLASSES.indexOf(b.item.itemClass) ||
        AUDIENCES.indexOf(a.item.audience) - AUDIENCES.indexOf(b.item.audience) ||
        a.item.sortOrder - b.item.sortOrder,
    )
  return sorted.map((row, index) => {
    const previous = sorted[index - 1]
    const sameClass = (other: (typeof sorted)[number] | undefined) =>
      other?.item.itemClass === row.item.itemClass
    const sameGroup = (other: (typeof sorted)[number] | undefined) =>
      sameClass(other) && other?.item.audience === row.item.audience
    const span = (same: (other: (typeof sorted)[number] | undefined) => boolean) => {
      if (same(previous)) return 0
      let count = 1
      while (same(sorted[index + count])) count += 1
      return count
    }
    return { ...row, classSpan: span(sameClass), audienceSpan: span(sameGroup) }
  })
}

export function PlanTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { lookups } = useSession()
  const { byId, name } = useServiceItems()
  const targetText = useTargetText()
  const [year, setYear] = useState(() => dayjs().year())
  const [plan, setPlan] = useState<ServicePlan | null>(null)
  const [editingItem, setEditingItem] = useState<Row | null>(null)
  const activities = useEditing<ActivityRecord>()
  const [quickKind, setQuickKind] = useState<ActivityKind | undefined>(undefined)
  // Counts up whenever the plan or an activity changes, so that the compliance figures are read again.
  const [changes, setChanges] = useState(0)

  const reload = useCallback(
    () =>
      call('plans.get', { customerId, year })
        .then(setPlan)
        .catch((error: unknown) => void message.error(errorMessage(t, error))),
    [customerId, year, message, t],
  )
  useEffect(() => {
    void reload()
  }, [reload])

  const rows = useMemo(() => groupRows(plan, byId), [plan, byId])
  const tier = lookups.tiers.find((entry) => entry.id === plan?.tierId)
  const thisYear = dayjs().year()
  const yearOptions = [...new Set([thisYear - 1, thisYear, thisYear + 1, year])].sort((a, b) => a - b)

  const reset = async (row: Row) => {
    try {
      setPlan(
        await call('plans.resetItem', { customerId, year, itemId: row.itemId, version: row.version ?? 1 }),
      )
      setChanges((n) => n + 1)
      void message.success(t('common.saved'))
    } catch (error) {
      void message.error(errorMessage(t, error))
    }
  }

  const columns: TableColumnsType<Row> = [
    {
      key: 'itemClass',
      title: t('plans.plan.columns.itemClass'),
      width: 110,
      onCell: (row) => ({ rowSpan: row.classSpan }),
      render: (_, row) => (
        <Typography.Text strong>{t(`plans.plan.itemClass.${row.item.itemClass}`)}</Typography.Text>
      ),
    },
    {
      key: 'audience',
      title: t('plans.plan.columns.audience'),
      width: 110,
      onCell: (row) => ({ rowSpan: row.audienceSpan }),
      render: (_, row) => t(`plans.plan.audience.${row.item.audience}`),
    },
    {
      key: 'item',
      title: t('plans.plan.columns.item'),
      render: (_, row) => (
        <Space size={4} wrap>
          <span>{name(row.itemId)}</span>
          {row.overridden && <Tag color="gold">{t('plans.plan.own')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'provided',
      title: t('plans.plan.columns.provided'),
      width: 80,
      render: (_, row) =>
        row.provided ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
    },
    {
      key: 'target',
      title: t('plans.plan.columns.target'),
      width: 150,
      render: (_, row) => (row.provided ? targetText(row) : ''),
    },
    {
      key: 'kind',
      title: t('plans.plan.columns.kind'),
      width: 150,
      render: (_, row) => t(`plans.kinds.${row.item.activityKind}`, { defaultValue: row.item.activityKind }),
    },
    {
      key: 'note',
      title: t('plans.plan.columns.note'),
      ellipsis: true,
      render: (_, row) => row.note,
    },
    {
      key: 'actions',
      title: t('plans.plan.columns.actions'),
      width: 250,
      render: (_, row) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditingItem(row)}
            data-testid={`plan-edit-${row.item.code}`}
          >
            {t('common.edit')}
          </Button>
          {row.overridden && (
            <Popconfirm
              title={t('plans.plan.confirmReset', { tier: tier ? label(tier, i18n.language) : '' })}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => reset(row)}
            >
              <Button type="link" size="small" icon={<RollbackOutlined />}>
                {t('plans.plan.reset')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ]

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <CustomerCompliance
        customerId={customerId}
        changes={changes + activities.reloads}
        onQuickEntry={(kind) => {
          setQuickKind(kind)
          activities.open('new')
        }}
      />
      <Card
        size="small"
        title={t('plans.plan.title', { year })}
        extra={
          <Space>
            {tier && (
              <Typography.Text type="secondary">
                {t('plans.plan.tier', { tier: label(tier, i18n.language) })}
              </Typography.Text>
            )}
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 110 }}
              options={yearOptions.map((value) => ({ value, label: t('plans.plan.year', { year: value }) }))}
              data-testid="plan-year"
            />
          </Space>
        }
      >
        {plan && !plan.tierId ? (
          <Alert type="info" showIcon title={t('plans.plan.noTier')} />
        ) : (
          <Table<Row>
            size="small"
            bordered
            rowKey="itemId"
            pagination={false}
            columns={columns}
            dataSource={rows}
            loading={!plan}
            locale={{ emptyText: <Empty description={t('plans.plan.empty')} /> }}
            data-testid="plan-items"
          />
        )}
      </Card>
      <PlanItemModal
        customerId={customerId}
        year={year}
        row={editingItem}
        itemName={editingItem ? name(editingItem.itemId) : ''}
        onClose={() => setEditingItem(null)}
        onSaved={(next) => {
          setPlan(next)
          setEditingItem(null)
          setChanges((n) => n + 1)
        }}
      />
      <ActivityModal customerId={customerId} editor={activities} kind={quickKind} />
    </Space>
  )
}

interface ItemValues {
  provided: boolean
  frequency: number | null
  period: string | null
  note: string | null
}

function PlanItemModal({
  customerId,
  year,
  row,
  itemName,
  onClose,
  onSaved,
}: {
  customerId: string
  year: number
  row: Row | null
  itemName: string
  onClose: () => void
  onSaved: (plan: ServicePlan) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<ItemValues>()
  const provided = Form.useWatch('provided', form)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (!row) return
    form.resetFields()
    form.setFieldsValue({
      provided: row.provided,
      frequency: row.frequency,
      period: row.period,
      note: row.note,
    })
  }, [row, form])

  const save = async () => {
    if (!row) return
    const values = await form.validateFields()
    setSaving(true)
    try {
      onSaved(
        await call('plans.saveItem', {
          customerId,
          year,
          itemId: row.itemId,
          ...(row.version !== null && row.overridden && { version: row.version }),
          provided: values.provided,
          frequency: values.provided ? (values.frequency ?? null) : null,
          period: values.provided
            ? ((values.period ?? null) as ServicePlan['items'][number]['period'])
            : null,
          note: values.note ?? null,
        }),
      )
      void message.success(t('common.saved'))
    } catch (error) {
      showFieldErrors(t, form, error)
      void message.error(errorMessage(t, error))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open={row !== null}
      title={t('plans.plan.editTitle', { item: itemName })}
      onCancel={onClose}
      onOk={() => void save().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'save-plan-item' }}
      forceRender
      width={520}
    >
      <Form form={form} name="planItem" layout="vertical">
        <Form.Item name="provided" label={t('plans.plan.provided')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item
            name="frequency"
            label={t('plans.plan.frequency')}
            rules={[schemaRule(t, planItemSaveSchema.shape.frequency)]}
            extra={t('plans.plan.frequencyHint')}
          >
            <InputNumber<number> precision={0} disabled={!provided} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="period" label={t('plans.plan.period')}>
            <Select
              allowClear
              disabled={!provided}
              style={{ width: 140 }}
              options={PERIOD_KINDS.map((value) => ({ value, label: t(`plans.plan.per.${value}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('plans.plan.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Typography.Text type="secondary">{t('plans.plan.ownHint')}</Typography.Text>
      </Form>
    </Modal>
  )
}
