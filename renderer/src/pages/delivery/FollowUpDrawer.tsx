/**
 * One follow-up call (回访): what it follows (an opening or a repair) and its deadline, whom to call, and
 * the record of the call: when, by whom, to whom, the result, the satisfaction (1–5), the issues raised
 * with their owner (the account manager by default), and their closure.
 */
import { PhoneOutlined } from '@ant-design/icons'
import { Card, DatePicker, Descriptions, Form, Input, Rate, Space, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ContactRecord, FollowUpRecord } from '../../../../electron/api/contract'
import { followUpSaveSchema, type FollowUpSave } from '../../../../electron/api/schemas'
import { call } from '../../api'
import { schemaRule } from '../../errors'
import { useFormat } from '../../format'
import { useSession } from '../../session'
import { useContacts } from '../plans/ActivityModal'
import { RecordDrawer, useRecordForm } from './RecordDrawer'
import {
  ContactSelect,
  DATE_AND_PERSON,
  DeadlineTag,
  day,
  isoDay,
  IssueTag,
  issueState,
  Stars,
  notFuture,
  OperatorSelect,
  useRuleText,
} from './shared'

interface FollowUpValues {
  doneOn: Dayjs | null
  doneBy: string | null
  contactId: string | null
  result: string | null
  /** 0 from the stars when cleared. */
  satisfaction: number | null
  issues: string | null
  issueOwnerId: string | null
  issueClosedOn: Dayjs | null
  issueClosure: string | null
  notes: string | null
}

function toValues(record: FollowUpRecord): FollowUpValues {
  return {
    doneOn: day(record.doneOn),
    doneBy: record.doneBy,
    contactId: record.contactId,
    result: record.result,
    satisfaction: record.satisfaction,
    issues: record.issues,
    issueOwnerId: record.issueOwnerId,
    issueClosedOn: day(record.issueClosedOn),
    issueClosure: record.issueClosure,
    notes: record.notes,
  }
}

function toInput(values: FollowUpValues, record: FollowUpRecord): FollowUpSave {
  return {
    id: record.id,
    version: record.version,
    doneOn: isoDay(values.doneOn),
    doneBy: values.doneBy ?? null,
    contactId: values.contactId ?? null,
    result: values.result ?? null,
    satisfaction: values.satisfaction || null,
    issues: values.issues ?? null,
    issueOwnerId: values.issueOwnerId ?? null,
    issueClosedOn: isoDay(values.issueClosedOn),
    issueClosure: values.issueClosure ?? null,
    notes: values.notes ?? null,
  }
}

/** Whom the desk calls by default: the contact named before, else the first core contact, else the first. */
function contactToCall(contacts: ContactRecord[]): string | null {
  return (contacts.find((contact) => contact.contactClass === 'core') ?? contacts[0])?.id ?? null
}

const getFollowUp = (id: string) => call('followUps.get', { id })
const saveFollowUp = (input: FollowUpSave) => call('followUps.save', input)

export function FollowUpDrawer({
  id,
  onClose,
  onSaved,
}: {
  id: string | null
  onClose: () => void
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const { form, shown, saving, save } = useRecordForm({
    id,
    get: getFollowUp,
    save: saveFollowUp,
    toValues,
    toInput,
    schema: followUpSaveSchema,
    onSaved,
  })
  const contacts = useContacts(shown?.customerId)

  // A call not yet made offers the customer's key contact, once the contacts are read.
  useEffect(() => {
    if (!shown || shown.doneOn || shown.contactId || form.getFieldValue('contactId')) return
    const suggested = contactToCall(contacts)
    if (suggested) form.setFieldValue('contactId', suggested)
  }, [shown, contacts, form])

  return (
    <RecordDrawer
      open={id !== null}
      onClose={onClose}
      title={
        shown ? t('delivery.followUps.title', { number: shown.number, customer: shown.customerName }) : ''
      }
      saving={saving}
      onSave={save}
      testId="followup-drawer"
    >
      {shown && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <FollowUpFacts record={shown} />
          <Form form={form} name="followup" layout="vertical">
            <ContactToCall contacts={contacts} />
            <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 24 }}>
              <CallFields contacts={contacts} />
              <IssueFields record={shown} />
            </div>
          </Form>
        </Space>
      )}
    </RecordDrawer>
  )
}

function FollowUpFacts({ record }: { record: FollowUpRecord }) {
  const { t } = useTranslation()
  const format = useFormat()
  const ruleText = useRuleText()
  const text = (key: string) => t(`delivery.followUps.${key}`)
  const reference = record.source === 'opening' ? record.orderNumber : record.faultNumber
  return (
    <Descriptions
      bordered
      size="small"
      column={3}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="followup-facts"
      items={[
        {
          key: 'source',
          label: text('source'),
          children: `${t(`delivery.source.${record.source}`)} ${reference ?? ''}`,
        },
        { key: 'circuit', label: text('circuit'), children: record.circuitNumber },
        { key: 'manager', label: t('delivery.accountManager'), children: record.accountManagerName ?? '—' },
        {
          key: 'triggerOn',
          label: t(`delivery.followUps.triggerOf.${record.source}`),
          children: format.date(record.triggerOn),
        },
        {
          key: 'dueOn',
          label: text('dueOn'),
          children: (
            <Space size={4} wrap>
              <strong data-testid="followup-due">{format.date(record.dueOn)}</strong>
              <Typography.Text type="secondary">
                {t(`delivery.followUps.dueRule.${record.source}`, {
                  rule: ruleText(record.dueDays, record.dayCount),
                })}
              </Typography.Text>
            </Space>
          ),
        },
        {
          key: 'status',
          label: text('status'),
          children: <DeadlineTag status={record.status} testId="followup-status" />,
        },
        {
          key: 'issues',
          label: text('issues'),
          children: (
            <Space size={8} wrap>
              <IssueTag state={issueState(record)} t={t} />
              {record.issues && record.issueOwnerName && (
                <Typography.Text type="secondary">
                  {t('delivery.followUps.ownedBy', { name: record.issueOwnerName })}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          key: 'doneBy',
          label: text('doneBy'),
          children: record.doneByName ?? '—',
        },
        {
          key: 'satisfaction',
          label: text('satisfaction'),
          children: <Stars value={record.satisfaction} />,
        },
      ]}
    />
  )
}

/** The person to call, with the number, as the contact chosen in the form. */
function ContactToCall({ contacts }: { contacts: ContactRecord[] }) {
  const { t } = useTranslation()
  const form = Form.useFormInstance<FollowUpValues>()
  const contactId = Form.useWatch('contactId', form)
  const contact = contacts.find((entry) => entry.id === contactId)
  return (
    <Card size="small" style={{ marginBottom: 16, background: '#f6f9fc' }} data-testid="followup-contact">
      <Space size="large" wrap align="center">
        <Typography.Text type="secondary">{t('delivery.followUps.toCall')}</Typography.Text>
        {contact ? (
          <>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {contact.name}
              {contact.position && (
                <Typography.Text type="secondary" style={{ marginLeft: 8, fontWeight: 400 }}>
                  {contact.position}
                </Typography.Text>
              )}
            </Typography.Text>
            <Typography.Text
              copyable={contact.phone ? { text: contact.phone } : false}
              style={{ fontSize: 16 }}
            >
              <PhoneOutlined style={{ marginRight: 6 }} />
              {contact.phone ?? t('delivery.followUps.noPhone')}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">
            {contacts.length === 0 ? t('delivery.noContacts') : t('delivery.followUps.chooseContact')}
          </Typography.Text>
        )}
      </Space>
    </Card>
  )
}

function CallFields({ contacts }: { contacts: ContactRecord[] }) {
  const { t } = useTranslation()
  const { operator } = useSession()
  const form = Form.useFormInstance<FollowUpValues>()
  const doneOn = Form.useWatch('doneOn', form)
  const shape = followUpSaveSchema.shape
  const text = (key: string) => t(`delivery.followUps.${key}`)
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {text('call')}
      </Typography.Title>
      <div style={DATE_AND_PERSON}>
        <Form.Item name="doneOn" label={text('doneOn')}>
          <DatePicker disabledDate={notFuture} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="doneBy" label={text('doneBy')}>
          <OperatorSelect placeholder={t('delivery.followUps.doneByDefault', { name: operator.name })} />
        </Form.Item>
      </div>
      <Form.Item name="contactId" label={text('contact')}>
        <ContactSelect contacts={contacts} />
      </Form.Item>
      <Form.Item
        name="result"
        label={text('result')}
        required={Boolean(doneOn)}
        extra={text('resultHint')}
        rules={[schemaRule(t, shape.result)]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="satisfaction" label={text('satisfaction')}>
        <Rate allowClear tooltips={[1, 2, 3, 4, 5].map((n) => t(`delivery.satisfaction.${n}`))} />
      </Form.Item>
      <Form.Item name="notes" label={text('notes')} rules={[schemaRule(t, shape.notes)]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </div>
  )
}

function IssueFields({ record }: { record: FollowUpRecord }) {
  const { t } = useTranslation()
  const form = Form.useFormInstance<FollowUpValues>()
  const issues = Form.useWatch('issues', form)
  const shape = followUpSaveSchema.shape
  const text = (key: string) => t(`delivery.followUps.${key}`)
  const hasIssues = Boolean(issues?.trim()) || Boolean(record.issues)
  // The account manager owns the issues unless another owner is named: shown as soon as issues are typed.
  const onIssues = (value: string) => {
    if (value.trim() && !form.getFieldValue('issueOwnerId') && record.accountManagerId)
      form.setFieldValue('issueOwnerId', record.accountManagerId)
  }
  const owner = useMemo(
    () =>
      record.accountManagerName
        ? t('delivery.followUps.ownerDefault', { name: record.accountManagerName })
        : undefined,
    [record.accountManagerName, t],
  )
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {text('issuesTitle')}
      </Typography.Title>
      <Form.Item name="issues" label={text('issuesRaised')} rules={[schemaRule(t, shape.issues)]}>
        <Input.TextArea rows={3} onChange={(event) => onIssues(event.target.value)} />
      </Form.Item>
      <Form.Item name="issueOwnerId" label={text('issueOwner')} extra={text('issueOwnerHint')}>
        <OperatorSelect placeholder={owner} />
      </Form.Item>
      <Card size="small" title={text('closure')} style={{ marginBottom: 16 }} data-testid="followup-closure">
        <Form.Item name="issueClosedOn" label={text('issueClosedOn')}>
          <DatePicker disabledDate={notFuture} disabled={!hasIssues} style={{ width: 170 }} />
        </Form.Item>
        <Form.Item
          name="issueClosure"
          label={text('issueClosure')}
          rules={[schemaRule(t, shape.issueClosure)]}
          style={{ marginBottom: 0 }}
        >
          <Input.TextArea rows={2} disabled={!hasIssues} />
        </Form.Item>
      </Card>
    </div>
  )
}
