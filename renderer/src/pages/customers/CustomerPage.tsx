/** One customer file: profile, key contacts and history; saved as one unit. */
import { ArrowLeftOutlined, DeleteOutlined, RollbackOutlined, SaveOutlined } from '@ant-design/icons'
import { Alert, App, Badge, Button, Form, Space, Spin, Tabs, Tag, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CustomerFile } from '../../../../electron/api/contract'
import type { FieldError } from '../../../../electron/api/errors'
import type { CustomerFields } from '../../../../electron/api/schemas'
import { ApiError, call } from '../../api'
import { errorMessage, showFieldErrors } from '../../errors'
import { useFormat } from '../../format'
import { navigate } from '../../router'
import { useLeaveGuard, useUnsavedChanges } from '../../unsaved'
import { ContactsTab, type ContactDraft } from './ContactsTab'
import { HistoryTab } from './HistoryTab'
import { ProfileForm } from './ProfileForm'
import { AgreementsTab } from '../sla/AgreementsTab'
import { CircuitsTab } from '../sla/CircuitsTab'
import { FaultsTab } from '../sla/FaultsTab'
import { OrdersTab } from '../sla/OrdersTab'
import { SlipsTab } from '../sla/SlipsTab'
import type { TFunction } from 'i18next'
import { ActivitiesTab } from '../plans/ActivitiesTab'
import { PlanTab } from '../plans/PlanTab'
import { ValueTab } from '../value/ValueTab'
import { DeliveriesTab } from '../delivery/DeliveriesTab'
import { FollowUpsTab } from '../delivery/FollowUpsTab'

/** The customer's service: its plan and compliance, its activities, its value and churn warnings. */
function serviceTabs(customerId: string, t: TFunction) {
  const tabs = [
    ['plan', PlanTab],
    ['activities', ActivitiesTab],
    ['value', ValueTab],
  ] as const
  return tabs.map(([key, Tab]) => ({
    key,
    label: t(`plans.customerTabs.${key}`),
    children: (
      <div className="desk-tab-pane" style={{ height: 'auto', minHeight: 560 }}>
        <Tab customerId={customerId} />
      </div>
    ),
  }))
}

/** The one-stop view (domain.md §5): the customer's circuits, SLA, orders, faults and slips beside the file. */
function slaTabs(customerId: string, t: TFunction) {
  const tabs = [
    ['circuits', CircuitsTab],
    ['agreements', AgreementsTab],
    ['orders', OrdersTab],
    ['faults', FaultsTab],
    ['slips', SlipsTab],
  ] as const
  return tabs.map(([key, Tab]) => ({
    key,
    label: t(`sla.tabs.${key}`),
    children: (
      <div className="desk-tab-pane">
        <Tab customerId={customerId} />
      </div>
    ),
  }))
}

/** The customer's deliveries after its openings and the follow-up calls after openings and repairs. */
function deliveryTabs(customerId: string, t: TFunction) {
  const tabs = [
    ['deliveries', DeliveriesTab],
    ['followups', FollowUpsTab],
  ] as const
  return tabs.map(([key, Tab]) => ({
    key,
    label: t(`delivery.customerTabs.${key}`),
    children: (
      <div className="desk-tab-pane">
        <Tab customerId={customerId} />
      </div>
    ),
  }))
}

const NEW_CUSTOMER: Partial<CustomerFields> = { status: 'active', hasPbx: false }

function toDrafts(file: CustomerFile): ContactDraft[] {
  return file.contacts.map((contact) => ({ ...contact, key: contact.id }))
}

/** Field errors of contacts ("contacts.2.phone") by the contact's position in the list. */
function contactErrors(errors: FieldError[]): Map<number, FieldError[]> {
  const byIndex = new Map<number, FieldError[]>()
  for (const error of errors) {
    const match = /^contacts\.(\d+)\.?(.*)$/.exec(error.path)
    if (!match) continue
    const index = Number(match[1])
    byIndex.set(index, [...(byIndex.get(index) ?? []), { ...error, path: match[2] || 'name' }])
  }
  return byIndex
}

export function CustomerPage({ id, tab: initialTab }: { id: string | null; tab?: string | undefined }) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const format = useFormat()
  const [form] = Form.useForm<CustomerFields>()
  const [file, setFile] = useState<CustomerFile | null>(null)
  const [contacts, setContacts] = useState<ContactDraft[]>([])
  const [errorsByContact, setErrorsByContact] = useState(new Map<number, FieldError[]>())
  const [dirty, setDirty] = useState(false)
  const [tab, setTab] = useState(initialTab ?? 'profile')
  const [saving, setSaving] = useState(false)
  const [historyKey, setHistoryKey] = useState(0)
  useUnsavedChanges(dirty)
  const leave = useLeaveGuard()

  const show = useCallback(
    (next: CustomerFile) => {
      setFile(next)
      setContacts(toDrafts(next))
      form.setFieldsValue(next.customer)
      setDirty(false)
      setErrorsByContact(new Map())
      setHistoryKey((key) => key + 1)
    },
    [form],
  )

  useEffect(() => {
    if (!id) {
      form.setFieldsValue(NEW_CUSTOMER)
      return
    }
    // A link to a file that is gone (or never was) says so and goes back to the list.
    call('customers.get', { id })
      .then(show)
      .catch((error: unknown) => {
        void message.error(errorMessage(t, error))
        navigate({ page: 'customers' })
      })
  }, [id, form, show, message, t])

  const reportRefusal = (error: unknown) => {
    const rest = showFieldErrors(t, form, error, 'fields.')
    const byContact = contactErrors(rest)
    setErrorsByContact(byContact)
    if (byContact.size > 0) setTab('contacts')
    else if (rest.length < ((error as ApiError).data?.fields?.length ?? 0)) setTab('profile')
    if (error instanceof ApiError && error.data.code === 'stale_edit') {
      modal.confirm({
        title: errorMessage(t, error),
        okText: t('common.reload'),
        cancelText: t('common.cancel'),
        onOk: () => id && call('customers.get', { id }).then(show),
      })
    } else {
      void message.error(errorMessage(t, error))
    }
  }

  const save = async () => {
    let fields: CustomerFields
    try {
      fields = await form.validateFields()
    } catch {
      setTab('profile')
      return
    }
    setSaving(true)
    try {
      const saved = await call('customers.save', {
        ...(file && { id: file.customer.id, version: file.customer.version }),
        fields: { ...NEW_CUSTOMER, ...fields },
        contacts: contacts.map(({ key: _key, ...contact }) => contact),
      })
      show(saved)
      void message.success(t('common.saved'))
      if (!id) navigate({ page: 'customer', id: saved.customer.id })
    } catch (error) {
      reportRefusal(error)
    } finally {
      setSaving(false)
    }
  }

  const changeState = (channel: 'customers.delete' | 'customers.restore') => async () => {
    if (!file) return
    try {
      show(await call(channel, { id: file.customer.id, version: file.customer.version }))
    } catch (error) {
      reportRefusal(error)
    }
  }

  const confirmDelete = () =>
    modal.confirm({
      title: t('customer.confirmDelete', { name: file?.customer.name }),
      okType: 'danger',
      okText: t('common.delete'),
      cancelText: t('common.cancel'),
      onOk: changeState('customers.delete'),
    })

  if (id && !file) return <Spin style={{ margin: 48 }} />
  const deleted = Boolean(file?.customer.deletedAt)
  const contactProblems = [...errorsByContact.values()].reduce((sum, list) => sum + list.length, 0)

  return (
    <div className="desk-page" style={{ height: 'auto' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => leave(() => navigate({ page: 'customers' }))}>
            {t('common.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-title">
            {file ? `${file.customer.name}` : t('customer.newTitle')}
          </Typography.Title>
          {file && <Tag>{file.customer.code}</Tag>}
          {file && (
            <Tag
              color={
                file.customer.status === 'active'
                  ? 'green'
                  : file.customer.status === 'at_risk'
                    ? 'orange'
                    : 'default'
              }
            >
              {t(`customerStatus.${file.customer.status}`)}
            </Tag>
          )}
          {dirty && <Tag color="gold">{t('customer.unsaved')}</Tag>}
        </Space>
        <Space>
          {file && !deleted && (
            <Button danger icon={<DeleteOutlined />} onClick={confirmDelete}>
              {t('common.delete')}
            </Button>
          )}
          {deleted && (
            <Button icon={<RollbackOutlined />} onClick={changeState('customers.restore')}>
              {t('common.restore')}
            </Button>
          )}
          <Button
            type="primary"
            icon={<SaveOutlined />}
            onClick={() => void save()}
            loading={saving}
            disabled={deleted}
            data-testid="save-customer"
          >
            {t('common.save')}
          </Button>
        </Space>
      </Space>
      {deleted && (
        <Alert
          type="warning"
          showIcon
          title={t('customer.deletedBanner', { at: format.instant(file?.customer.deletedAt) })}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'profile',
            label: t('customer.tabs.profile'),
            forceRender: true,
            children: <ProfileForm form={form} disabled={deleted} onChange={() => setDirty(true)} />,
          },
          {
            key: 'contacts',
            label: (
              <Badge count={contactProblems} size="small" offset={[8, 0]}>
                {t('customer.tabs.contacts')} ({contacts.length})
              </Badge>
            ),
            children: (
              <ContactsTab
                contacts={contacts}
                errors={errorsByContact}
                disabled={deleted}
                onChange={(next) => {
                  setContacts(next)
                  setDirty(true)
                }}
              />
            ),
          },
          ...(file ? serviceTabs(file.customer.id, t) : []),
          ...(file ? slaTabs(file.customer.id, t) : []),
          ...(file ? deliveryTabs(file.customer.id, t) : []),
          ...(file
            ? [
                {
                  key: 'history',
                  label: t('customer.tabs.history'),
                  children: <HistoryTab customerId={file.customer.id} refreshKey={historyKey} />,
                },
              ]
            : []),
        ]}
      />
    </div>
  )
}
