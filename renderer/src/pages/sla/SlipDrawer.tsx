/**
 * One compensation slip: where it stands (draft → confirmed → paid, or void), who and what it is about,
 * the working kept on it step by step, and what a supervisor does next. Every figure is the main
 * process's; this page formats them. Also the pieces the calculator shows the same way.
 */
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Space,
  Spin,
  Steps,
  Tooltip,
  Typography,
  type FormInstance,
} from 'antd'
import type { TFunction } from 'i18next'
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SlipRecord, SlipWorking } from '../../../../electron/api/contract'
import { slipConfirmSchema } from '../../../../electron/api/schemas'
import { ApiError, call } from '../../api'
import { errorMessage, schemaRule, showFieldErrors } from '../../errors'
import { useFormat } from '../../format'
import { useSession } from '../../session'
import { PrintBar } from '../../components/PrintBar'
import { CalendarWarning } from './CalendarWarning'
import { StatusTag } from './columns'

/** The app's formatters plus the SLA's own units: percent of basis points or ppm, working days, periods. */
export function useFigures() {
  const { t, i18n } = useTranslation()
  const format = useFormat()
  return useMemo(() => {
    const fixed4 = new Intl.NumberFormat(i18n.language, {
      minimumFractionDigits: 4,
      maximumFractionDigits: 4,
    })
    const month = new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'long', timeZone: 'UTC' })
    const period = (key: string | null) => {
      const [, year, part] = /^(\d{4})-?(Q?\d{1,2})$/.exec(key ?? '') ?? []
      if (!year || !part) return key ?? ''
      if (part.startsWith('Q')) return t('slips.quarter', { year, quarter: part.slice(1) })
      return month.format(new Date(Date.UTC(Number(year), Number(part) - 1, 1)))
    }
    return {
      ...format,
      percent: (bp: number) => t('sla.percent', { value: format.count(bp / 100) }),
      availability: (ppm: number) => t('sla.percent', { value: fixed4.format(ppm / 10_000) }),
      days: (count: number) => t('slips.workingDays', { count }),
      minutes: (count: number) => t('slips.minutes', { count, formatted: format.count(count) }),
      period,
    }
  }, [format, t, i18n.language])
}

export type Figures = ReturnType<typeof useFigures>

/** A figure big enough to read from the back of a training room. */
export function Figure(props: {
  label: string
  value: string
  note?: ReactNode
  testId: string
  colour?: string
}) {
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 16 }}>
        {props.label}
      </Typography.Text>
      <div
        data-testid={props.testId}
        style={{ fontSize: 40, fontWeight: 600, lineHeight: 1.3, color: props.colour, whiteSpace: 'nowrap' }}
      >
        {props.value}
      </div>
      {props.note && <Typography.Text type="secondary">{props.note}</Typography.Text>}
    </div>
  )
}

interface FormulaFacts {
  standardFeeFen: number | null
  priceFactorBp: number
  chargedFeeFen: number | null
  rateBp: number
  lateWorkingDays: number
  compensationFen: number
  capped: boolean
  /** null while the order has no completion date. */
  status: 'met' | 'missed' | null
}

/** The working of a provisioning miss as sentences: the charged fee, then the compensation. */
export function ProvisioningFormula({ facts, testId }: { facts: FormulaFacts; testId: string }) {
  const { t } = useTranslation()
  const f = useFigures()
  const charged = f.money(facts.chargedFeeFen)
  const days = f.days(facts.lateWorkingDays)
  const lines: string[] = []
  if (facts.standardFeeFen !== null && facts.chargedFeeFen !== null) {
    const factor = f.percent(facts.priceFactorBp)
    lines.push(t('slips.working.charged', { fee: f.money(facts.standardFeeFen), factor, charged }))
  }
  if (facts.status === null) lines.push(t('slips.working.open'))
  else if (facts.status === 'met') lines.push(t('slips.working.onTime'))
  else if (facts.chargedFeeFen === null) lines.push(t('slips.working.noFee', { days }))
  else {
    const amount = f.money(facts.compensationFen)
    const key = facts.capped ? 'slips.working.capped' : 'slips.working.compensation'
    lines.push(t(key, { charged, rate: f.percent(facts.rateBp), days, amount }))
  }
  return (
    <div data-testid={testId} style={{ fontSize: 16, lineHeight: 1.8 }}>
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
    </div>
  )
}

/** One line of the working: which figure (an i18n key under slips.drawer), its value, how it follows. */
type Step = [key: string, value: string, note?: string]

function workingSteps(working: SlipWorking, f: Figures, t: TFunction): Step[] {
  if (working.kind === 'availability') {
    return [
      ['period', f.period(working.period)],
      ['periodMinutes', f.minutes(working.periodMinutes)],
      ['faultMinutes', f.minutes(working.faultMinutes), t('slips.drawer.faultNote')],
      ['excluded', f.minutes(working.excludedMinutes), t('slips.drawer.excludedNote')],
      [
        'availability',
        f.availability(working.availabilityPpm),
        t('slips.drawer.target', { target: f.availability(working.targetPpm) }),
      ],
      ['monthlyFee', f.money(working.monthlyFeeFen)],
      ['rate', f.percent(working.rateBp), t('slips.drawer.rateOfMonthlyFee')],
      ['compensation', f.money(working.compensationFen)],
    ]
  }
  const className = t(`sla.provisioningClass.${working.provisioningClass}`)
  const cap = f.percent(working.capBp)
  return [
    ['provisioningClass', className],
    ['acceptedOn', f.date(working.acceptedOn)],
    ['limit', f.days(working.limitDays)],
    ['paused', f.days(working.pausedWorkingDays), t('slips.drawer.pausedNote')],
    ['dueOn', f.date(working.dueOn), t('slips.drawer.dueNote')],
    ['completedOn', f.date(working.completedOn)],
    ['late', f.days(working.lateWorkingDays)],
    ['standardFee', f.money(working.standardFeeFen)],
    [
      'priceFactor',
      f.percent(working.priceFactorBp),
      t('slips.drawer.priceFactorNote', { class: className }),
    ],
    ['chargedFee', f.money(working.chargedFeeFen)],
    ['rate', f.percent(working.rateBp), t('slips.drawer.rateNote')],
    ['cap', f.money(working.capFen), t('slips.calculator.capOfCharged', { cap })],
    [
      'compensation',
      f.money(working.compensationFen),
      working.capped ? t('slips.calculator.capped', { cap }) : undefined,
    ],
  ]
}

function SlipHeader({ slip }: { slip: SlipRecord }) {
  const { t } = useTranslation()
  const f = useFigures()
  const byAt = (name: string | null, at: string | null) =>
    at ? t('slips.byAt', { name: name ?? '', at: f.instant(at) }) : undefined
  const drafted = { title: t('slips.drawer.steps.draft'), content: f.instant(slip.createdAt) }
  const items =
    slip.status === 'void'
      ? [drafted, { title: t('slips.drawer.steps.void') }]
      : [
          drafted,
          { title: t('slips.drawer.steps.confirmed'), content: byAt(slip.confirmedBy, slip.confirmedAt) },
          { title: t('slips.drawer.steps.paid'), content: byAt(slip.paidBy, slip.paidAt) },
        ]
  // The step reached is shown done; a void slip ends in red.
  const current = { draft: 0, confirmed: 1, paid: 2, void: 1 }[slip.status]
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space size="large" align="end" wrap>
        <Figure
          label={t('slips.drawer.amount')}
          value={f.money(slip.amountFen)}
          testId="slip-amount"
          colour="#cf1322"
        />
        <span data-testid="slip-status">
          <StatusTag group="slipStatus" value={slip.status} t={t} />
        </span>
      </Space>
      <Steps
        size="small"
        current={current}
        status={slip.status === 'void' ? 'error' : 'finish'}
        items={items}
      />
    </Space>
  )
}

function SlipBody({ slip }: { slip: SlipRecord }) {
  const { t } = useTranslation()
  const f = useFigures()
  const parties: [string, ReactNode][] = [
    ['customer', slip.customerName],
    ['circuit', slip.circuitNumber],
    ['agreement', slip.agreementNumber ?? t('slips.none')],
    slip.kind === 'provisioning' ? ['order', slip.orderNumber] : ['period', f.period(slip.period)],
    ['kind', t(`sla.slipKind.${slip.kind}`)],
    ['responsibleUnit', slip.responsibleUnit ?? t('slips.none')],
  ]
  // Both tables: bordered and compact, labels on one line.
  const table = (title: 'parties' | 'working', column: number, width: number) => ({
    title: t(`slips.drawer.${title}`),
    bordered: true,
    size: 'small' as const,
    column,
    styles: { label: { width, whiteSpace: 'nowrap' as const } },
  })
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <SlipHeader slip={slip} />
      <Descriptions
        {...table('parties', 2, 140)}
        items={parties.map(([key, value]) => ({ key, label: t(`slips.drawer.${key}`), children: value }))}
      />
      <Descriptions
        {...table('working', 1, 200)}
        data-testid="slip-working"
        items={workingSteps(slip.working, f, t).map(([key, value, note]) => ({
          key,
          label: t(`slips.drawer.${key}`),
          children: (
            <Space size="middle" wrap>
              <strong>{value}</strong>
              {note && <Typography.Text type="secondary">{note}</Typography.Text>}
            </Space>
          ),
        }))}
      />
      {slip.working.kind === 'provisioning' && (
        <>
          <CalendarWarning years={slip.working.calendarWarnings ?? []} />
          <ProvisioningFormula facts={{ ...slip.working, status: 'missed' }} testId="slip-formula" />
        </>
      )}
    </Space>
  )
}

/** Runs a workflow step; a slip another window moved on is reloaded, and the refusal said. */
type Act = (work: () => Promise<SlipRecord>, done: string, form?: FormInstance) => Promise<boolean>

function ConfirmModal({
  slip,
  open,
  onClose,
  act,
}: {
  slip: SlipRecord
  open: boolean
  onClose: () => void
  act: Act
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ responsibleUnit: string }>()
  const submit = async () => {
    const { responsibleUnit } = await form.validateFields()
    const work = () => call('slips.confirm', { id: slip.id, version: slip.version, responsibleUnit })
    if (await act(work, t('slips.drawer.confirmed'), form)) onClose()
  }
  return (
    <Modal
      title={t('slips.drawer.confirmTitle', { number: slip.number })}
      open={open}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('slips.drawer.confirmHint')}</Typography.Paragraph>
      <Form
        form={form}
        name="slip-confirm"
        layout="vertical"
        data-testid="slip-confirm-form"
        preserve={false}
      >
        <Form.Item
          name="responsibleUnit"
          label={t('slips.drawer.responsibleUnit')}
          extra={t('slips.drawer.responsibleUnitHint')}
          rules={[schemaRule(t, slipConfirmSchema.shape.responsibleUnit)]}
          required
        >
          <Input autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function SlipActions({ slip, act }: { slip: SlipRecord; act: Act }) {
  const { t } = useTranslation()
  const { modal } = App.useApp()
  const f = useFigures()
  const { isSupervisor } = useSession()
  const [confirming, setConfirming] = useState(false)
  const ref = { id: slip.id, version: slip.version }
  const ask = (title: string, work: () => Promise<SlipRecord>, done: string) =>
    modal.confirm({
      title,
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => act(work, done),
    })
  // A supervisor's step: others see it, greyed, with the reason.
  const step = (testId: string, text: string, onClick: () => void, danger = false) => {
    const button = (
      <Button
        type={danger ? 'default' : 'primary'}
        danger={danger}
        disabled={!isSupervisor}
        onClick={onClick}
        data-testid={testId}
        style={isSupervisor ? undefined : { pointerEvents: 'none' }}
      >
        {text}
      </Button>
    )
    if (isSupervisor) return button
    return (
      <Tooltip title={t('slips.drawer.supervisorOnly')}>
        <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>{button}</span>
      </Tooltip>
    )
  }
  const values = { number: slip.number, amount: f.money(slip.amountFen) }
  return (
    <Space>
      {slip.status === 'draft' && step('slip-confirm', t('slips.drawer.confirm'), () => setConfirming(true))}
      {slip.status === 'confirmed' &&
        step('slip-pay', t('slips.drawer.pay'), () =>
          ask(t('slips.drawer.payConfirm', values), () => call('slips.pay', ref), t('slips.drawer.paid')),
        )}
      {slip.status === 'draft' &&
        step(
          'slip-void',
          t('slips.drawer.void'),
          () =>
            ask(
              t('slips.drawer.voidConfirm', values),
              () => call('slips.void', ref),
              t('slips.drawer.voided'),
            ),
          true,
        )}
      <ConfirmModal slip={slip} open={confirming} onClose={() => setConfirming(false)} act={act} />
    </Space>
  )
}

export function SlipDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null
  onClose: () => void
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [slip, setSlip] = useState<SlipRecord | null>(null)

  useEffect(() => {
    if (!id) return
    let current = true
    call('slips.get', { id })
      .then((loaded) => current && setSlip(loaded))
      .catch((error: unknown) => void message.error(errorMessage(t, error)))
    return () => {
      current = false
    }
  }, [id, message, t])

  const act = useCallback<Act>(
    async (work, done, form) => {
      try {
        setSlip(await work())
        void message.success(done)
        return true
      } catch (error) {
        const moved = error instanceof ApiError && ['stale_edit', 'slip_state'].includes(error.data.code)
        if (moved && id) {
          setSlip(await call('slips.get', { id }))
          void message.warning(`${errorMessage(t, error)} ${t('slips.drawer.reloaded')}`)
        } else {
          // Refusals at the form's field are shown there; anything else is said aloud.
          const rest = form ? showFieldErrors(t, form, error) : []
          const atField = error instanceof ApiError && (error.data.fields?.length ?? 0) > rest.length
          if (!atField) void message.error(errorMessage(t, error))
        }
        return moved
      } finally {
        onChanged()
      }
    },
    [id, message, onChanged, t],
  )

  const shown = slip && slip.id === id ? slip : null
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={780}
      title={shown ? t('slips.drawer.title', { number: shown.number }) : ''}
      extra={shown && <SlipActions slip={shown} act={act} />}
      footer={
        shown && (
          <PrintBar
            key={shown.id}
            print={(language) => call('slips.print', { id: shown.id, language })}
            testId="slip"
            labels={{
              zh: t('slips.drawer.printIn.zh'),
              en: t('slips.drawer.printIn.en'),
              print: t('slips.drawer.print'),
              open: t('slips.drawer.open'),
              printed: (fileName) => t('slips.drawer.printed', { fileName }),
            }}
          />
        )
      }
      data-testid="slip-drawer"
    >
      {shown ? <SlipBody slip={shown} /> : <Spin />}
    </Drawer>
  )
}
