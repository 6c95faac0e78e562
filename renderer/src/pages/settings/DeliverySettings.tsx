/**
 * Deliveries and follow-ups in Settings (domain.md §3), edited by supervisors and read by everyone else:
 * the deadline rules (days, working or calendar), the pack matrix (which documents each delivery pack
 * holds, for HQ or branch sites and first or added business) and what the printed delivery documents say
 * about the issuer and the hotlines. Each delivery and follow-up keeps the rule and pack it was created
 * with, so a change here applies to records created afterwards only.
 */
import { CheckOutlined, PlusOutlined } from '@ant-design/icons'
import { App, Button, Checkbox, Form, Input, InputNumber, Radio, Space, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  DeadlineRuleRecord,
  DeliveryDocumentRecord,
  DeliveryRules,
  PackMembership,
} from '../../../../electron/api/contract'
import {
  DAY_COUNTS,
  deadlineRuleSaveSchema,
  deliveryDocumentSaveSchema,
  deliverySettingsSchema,
  type DeliveryDocumentSave,
} from '../../../../electron/api/schemas'
import type { z } from 'zod'
import { ApiError, call } from '../../api'
import { errorMessage, schemaRule, showFieldErrors } from '../../errors'
import { useSession } from '../../session'
import { EditModal, type FieldSpec } from './EditModal'

const PACKS = [
  'hqFirst',
  'hqAdded',
  'branchFirst',
  'branchAdded',
] as const satisfies readonly (keyof PackMembership)[]

type RuleSave = z.input<typeof deadlineRuleSaveSchema>

export function DeliverySettings() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [rules, setRules] = useState<DeliveryRules | null>(null)
  useEffect(() => {
    call('delivery.rules')
      .then(setRules)
      .catch((error: unknown) => void message.error(errorMessage(t, error)))
  }, [message, t])

  const section = (key: 'rules' | 'documents' | 'print') => (
    <Typography.Title level={5} style={{ margin: '12px 0 0' }}>
      {t(`deliveryRules.${key}.title`)}
    </Typography.Title>
  )
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="delivery-settings">
      <Typography.Text type="secondary">{t('deliveryRules.intro')}</Typography.Text>
      {section('rules')}
      <Typography.Text type="secondary">{t('deliveryRules.rules.hint')}</Typography.Text>
      <RuleTable rules={rules?.rules ?? []} loading={!rules} onSaved={setRules} />
      {section('documents')}
      <Typography.Text type="secondary">{t('deliveryRules.documents.hint')}</Typography.Text>
      <PackMatrix documents={rules?.documents ?? []} loading={!rules} onSaved={setRules} />
      {section('print')}
      <Typography.Text type="secondary">{t('deliveryRules.print.hint')}</Typography.Text>
      {rules && <PrintForm rules={rules} onSaved={setRules} />}
    </Space>
  )
}

/** The three deadlines; a supervisor edits one in a modal. */
function RuleTable({
  rules,
  loading,
  onSaved,
}: {
  rules: DeadlineRuleRecord[]
  loading: boolean
  onSaved: (next: DeliveryRules) => void
}) {
  const { t } = useTranslation()
  const { isSupervisor } = useSession()
  const [editing, setEditing] = useState<DeadlineRuleRecord | null>(null)
  const shape = deadlineRuleSaveSchema.shape

  const columns: ColumnsType<DeadlineRuleRecord> = [
    {
      key: 'code',
      title: t('deliveryRules.rules.code'),
      render: (_, rule) => t(`deliveryRules.rules.codes.${rule.code}`),
    },
    {
      key: 'days',
      title: t('deliveryRules.rules.days'),
      width: 200,
      render: (_, rule) => (
        <span data-testid={`deadline-${rule.code}`}>
          {t(`deliveryRules.rules.value.${rule.dayCount}`, { count: rule.days })}
        </span>
      ),
    },
    {
      key: 'dayCount',
      title: t('deliveryRules.rules.dayCount'),
      width: 160,
      render: (_, rule) => t(`deliveryRules.rules.dayCounts.${rule.dayCount}`),
    },
    {
      key: 'edit',
      width: 90,
      render: (_, rule) => (
        <Button
          size="small"
          type="link"
          disabled={!isSupervisor}
          onClick={() => setEditing(rule)}
          data-testid={`deadline-edit-${rule.code}`}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ]

  const fields: FieldSpec[] = [
    {
      name: 'days',
      label: t('deliveryRules.rules.daysField'),
      input: <InputNumber min={0} precision={0} style={{ width: 160 }} />,
      schema: shape.days,
    },
    {
      name: 'dayCount',
      label: t('deliveryRules.rules.dayCount'),
      input: (
        <Radio.Group
          options={DAY_COUNTS.map((value) => ({ value, label: t(`deliveryRules.rules.dayCounts.${value}`) }))}
        />
      ),
      schema: shape.dayCount,
      extra: t('deliveryRules.rules.newOnly'),
    },
  ]
  const initial = useMemo<Partial<RuleSave>>(
    () =>
      editing
        ? { id: editing.id, version: editing.version, days: editing.days, dayCount: editing.dayCount }
        : {},
    [editing],
  )

  return (
    <>
      <Table<DeadlineRuleRecord>
        size="small"
        bordered
        pagination={false}
        loading={loading}
        rowKey="id"
        dataSource={rules}
        columns={columns}
        style={{ maxWidth: 760 }}
        data-testid="deadline-rules"
      />
      <EditModal<RuleSave>
        name="deadline-rule"
        title={
          editing
            ? t('deliveryRules.rules.editTitle', { name: t(`deliveryRules.rules.codes.${editing.code}`) })
            : ''
        }
        open={editing !== null}
        initial={initial}
        fields={fields}
        onSave={(values) => call('delivery.saveRule', values).then(onSaved)}
        onClose={() => setEditing(null)}
      />
    </>
  )
}

/** The four packs of a document as one form field. */
function PackInput({
  value,
  onChange,
}: {
  value?: PackMembership
  onChange?: (value: PackMembership) => void
}) {
  const { t } = useTranslation()
  const packs = value ?? { hqFirst: false, hqAdded: false, branchFirst: false, branchAdded: false }
  return (
    <Space wrap>
      {PACKS.map((pack) => (
        <Checkbox
          key={pack}
          checked={packs[pack]}
          onChange={(event) => onChange?.({ ...packs, [pack]: event.target.checked })}
        >
          {t(`deliveryRules.documents.packs.${pack}`)}
        </Checkbox>
      ))}
    </Space>
  )
}

function documentInput(document: DeliveryDocumentRecord, packs = document.packs): DeliveryDocumentSave {
  const { id, version, code, nameZh, nameEn, sortOrder } = document
  return { id, version, code, nameZh, nameEn, sortOrder, packs }
}

/** Documents × packs: a tick saves at once; names and order are edited, and documents added, in a modal. */
function PackMatrix({
  documents,
  loading,
  onSaved,
}: {
  documents: DeliveryDocumentRecord[]
  loading: boolean
  onSaved: (next: DeliveryRules) => void
}) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { isSupervisor } = useSession()
  const [editing, setEditing] = useState<DeliveryDocumentRecord | 'new' | null>(null)
  const [saving, setSaving] = useState<string | null>(null)
  const shape = deliveryDocumentSaveSchema.shape
  const name = useCallback(
    (document: DeliveryDocumentRecord) => (i18n.language === 'en' ? document.nameEn : document.nameZh),
    [i18n.language],
  )

  const tick = async (document: DeliveryDocumentRecord, pack: (typeof PACKS)[number], checked: boolean) => {
    setSaving(document.id)
    try {
      onSaved(
        await call('delivery.saveDocument', documentInput(document, { ...document.packs, [pack]: checked })),
      )
      void message.success(t('common.saved'))
    } catch (error) {
      void message.error(errorMessage(t, error))
    } finally {
      setSaving(null)
    }
  }

  const columns: ColumnsType<DeliveryDocumentRecord> = [
    {
      key: 'name',
      title: t('deliveryRules.documents.name'),
      render: (_, document) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{name(document)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {document.code}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'form',
      title: t('deliveryRules.documents.form'),
      width: 150,
      render: (_, document) => t(`deliveryRules.documents.forms.${document.form ?? 'none'}`),
    },
    ...PACKS.map((pack) => ({
      key: pack,
      title: t(`deliveryRules.documents.packs.${pack}`),
      width: 140,
      align: 'center' as const,
      render: (_: unknown, document: DeliveryDocumentRecord) => {
        const testId = `pack-${document.code}-${pack}`
        const inPack = document.packs[pack]
        // Read-only: a plain mark, easier to read than a greyed-out checkbox.
        if (!isSupervisor)
          return inPack ? (
            <CheckOutlined
              className="pack-in"
              style={{ color: '#1456a0', fontSize: 16 }}
              aria-label={t('deliveryRules.documents.inPack')}
              data-testid={testId}
            />
          ) : (
            <span
              style={{ color: '#bfbfbf' }}
              aria-label={t('deliveryRules.documents.notInPack')}
              data-testid={testId}
            >
              —
            </span>
          )
        return (
          <Checkbox
            checked={inPack}
            disabled={saving !== null}
            onChange={(event) => void tick(document, pack, event.target.checked)}
            aria-label={`${name(document)} · ${t(`deliveryRules.documents.packs.${pack}`)}`}
            data-testid={testId}
          />
        )
      },
    })),
    {
      key: 'sortOrder',
      title: t('deliveryRules.documents.sortOrder'),
      dataIndex: 'sortOrder',
      width: 80,
      align: 'right',
    },
    {
      key: 'edit',
      width: 90,
      render: (_, document) => (
        <Button
          size="small"
          type="link"
          disabled={!isSupervisor}
          onClick={() => setEditing(document)}
          data-testid={`document-edit-${document.code}`}
        >
          {t('common.edit')}
        </Button>
      ),
    },
  ]

  const current = editing === 'new' ? null : editing
  const fields: FieldSpec[] = [
    {
      name: 'code',
      label: t('deliveryRules.documents.code'),
      // The code names the document for good (the app's own forms are found by it): set when added.
      input: <Input disabled={current !== null} style={{ width: 240 }} />,
      schema: shape.code,
    },
    { name: 'nameZh', label: t('deliveryRules.documents.nameZh'), input: <Input />, schema: shape.nameZh },
    { name: 'nameEn', label: t('deliveryRules.documents.nameEn'), input: <Input />, schema: shape.nameEn },
    {
      name: 'packs',
      label: t('deliveryRules.documents.packsField'),
      input: <PackInput />,
      schema: shape.packs,
      extra: current ? undefined : t('deliveryRules.documents.addedHint'),
    },
    {
      name: 'sortOrder',
      label: t('deliveryRules.documents.sortOrder'),
      input: <InputNumber min={0} precision={0} />,
      schema: shape.sortOrder,
    },
  ]
  const initial = useMemo<Partial<DeliveryDocumentSave>>(() => {
    if (current) return documentInput(current)
    const last = Math.max(0, ...documents.map((document) => document.sortOrder))
    return {
      packs: { hqFirst: false, hqAdded: false, branchFirst: false, branchAdded: false },
      sortOrder: last + 1,
    }
  }, [current, documents])

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button
        icon={<PlusOutlined />}
        disabled={!isSupervisor}
        onClick={() => setEditing('new')}
        data-testid="document-add"
      >
        {t('deliveryRules.documents.add')}
      </Button>
      <Table<DeliveryDocumentRecord>
        size="small"
        bordered
        pagination={false}
        loading={loading}
        rowKey="id"
        dataSource={documents}
        columns={columns}
        scroll={{ x: 'max-content' }}
        data-testid="pack-matrix"
      />
      <EditModal<DeliveryDocumentSave>
        name="delivery-document"
        title={
          current
            ? t('deliveryRules.documents.editTitle', { name: name(current) })
            : t('deliveryRules.documents.addTitle')
        }
        open={editing !== null}
        initial={initial}
        fields={fields}
        onSave={(values) => call('delivery.saveDocument', values).then(onSaved)}
        onClose={() => setEditing(null)}
      />
    </Space>
  )
}

interface PrintValues {
  issuerName: string
  issuerNameEn: string
  faultHotline: string
  accountHotline: string
}

/** The issuer and hotlines printed on the delivery documents. */
function PrintForm({ rules, onSaved }: { rules: DeliveryRules; onSaved: (next: DeliveryRules) => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { isSupervisor } = useSession()
  const [form] = Form.useForm<PrintValues>()
  const shape = deliverySettingsSchema.shape
  const save = async (values: PrintValues) => {
    try {
      onSaved(await call('delivery.saveSettings', values))
      void message.success(t('common.saved'))
    } catch (error) {
      // Refusals at a field go there; anything else (a stale edit, a role refused) is said aloud.
      const rest = showFieldErrors(t, form, error)
      const onFields = error instanceof ApiError && (error.data.fields?.length ?? 0) > rest.length
      if (!onFields || rest.length > 0) void message.error(errorMessage(t, error))
    }
  }
  const fields = [
    ['issuerName', 360, undefined],
    ['issuerNameEn', 360, t('deliveryRules.print.issuerNameEnHint')],
    ['faultHotline', 220, undefined],
    ['accountHotline', 220, t('deliveryRules.print.accountHotlineHint')],
  ] as const

  return (
    <Form
      form={form}
      name="delivery-print"
      layout="horizontal"
      labelCol={{ flex: '180px' }}
      labelAlign="left"
      labelWrap
      disabled={!isSupervisor}
      initialValues={{
        issuerName: rules.issuerName,
        issuerNameEn: rules.issuerNameEn,
        faultHotline: rules.faultHotline,
        accountHotline: rules.accountHotline ?? '',
      }}
      onFinish={(values) => void save(values)}
      style={{ maxWidth: 760 }}
    >
      {fields.map(([name, width, extra]) => (
        <Form.Item
          key={name}
          name={name}
          label={t(`deliveryRules.print.${name}`)}
          extra={extra}
          rules={[schemaRule(t, shape[name])]}
        >
          <Input style={{ width }} data-testid={`delivery-${name}`} />
        </Form.Item>
      ))}
      <Form.Item label=" " colon={false}>
        <Button htmlType="submit" data-testid="delivery-print-save">
          {t('common.save')}
        </Button>
      </Form.Item>
    </Form>
  )
}
