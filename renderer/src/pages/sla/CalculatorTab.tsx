/**
 * The SLA calculator, for trainers and staff: the rule table applied to an order's class, product and
 * dates. The main process works out every figure as the form changes; this page only shows them, large
 * enough for a projector.
 */
import {
  App,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  InputNumber,
  Row,
  Segmented,
  Select,
  Space,
  Typography,
  type FormInstance,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import type { TFunction } from 'i18next'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuoteResult } from '../../../../electron/api/contract'
import { PROVISIONING_CLASSES, quoteSchema, type QuoteInput } from '../../../../electron/api/schemas'
import { ApiError, call } from '../../api'
import { errorMessage, fieldMessage, schemaRule, showFieldErrors } from '../../errors'
import { fenToYuan, groupDigits, ungroupDigits, yuanToFen } from '../../format'
import { label, offered, useSession } from '../../session'
import { CalendarWarning } from './CalendarWarning'
import { DayNotes } from './DayNotes'
import { StatusTag } from './columns'
import { Figure, ProvisioningFormula, useFigures } from './SlipDrawer'

type Field = keyof QuoteInput

const dateProps = {
  getValueProps: (value: string | null) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
}

/** A field's own check, and the schema's checks across fields (completion before acceptance) that name it. */
function rules(t: TFunction, name: Field) {
  return [
    schemaRule(t, quoteSchema.shape[name]),
    ({ getFieldsValue }: Pick<FormInstance, 'getFieldsValue'>) => ({
      validator: async () => {
        const issue = quoteSchema
          .safeParse(getFieldsValue())
          .error?.issues.find((candidate) => candidate.code === 'custom' && candidate.path[0] === name)
        if (issue) throw new Error(fieldMessage(t, issue))
      },
    }),
  ]
}

function QuoteForm({ form }: { form: FormInstance<QuoteInput> }) {
  const { t, i18n } = useTranslation()
  const { lookups } = useSession()
  const products = offered(lookups.products)
  const item = (name: Field, extra?: string) => ({
    name,
    label: t(`slips.calculator.${name}`),
    rules: rules(t, name),
    extra,
  })
  return (
    <Form<QuoteInput>
      form={form}
      name="sla-calculator"
      layout="vertical"
      size="large"
      initialValues={{
        provisioningClass: 'normal',
        productId: products[0]?.id,
        acceptedOn: dayjs().format('YYYY-MM-DD'),
        completedOn: null,
        standardFeeFen: null,
      }}
      data-testid="calculator-form"
    >
      <Form.Item {...item('provisioningClass')}>
        <Segmented
          block
          options={PROVISIONING_CLASSES.map((value) => ({
            value,
            label: t(`sla.provisioningClass.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item {...item('productId')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={products.map((product) => ({ value: product.id, label: label(product, i18n.language) }))}
        />
      </Form.Item>
      <Form.Item {...item('acceptedOn')} {...dateProps}>
        <DatePicker style={{ width: '100%' }} allowClear={false} />
      </Form.Item>
      <Form.Item
        {...item('completedOn', t('slips.calculator.completedHint'))}
        {...dateProps}
        dependencies={['acceptedOn']}
      >
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        {...item('standardFeeFen', t('slips.calculator.standardFeeHint'))}
        getValueProps={(fen: number | null) => ({ value: fenToYuan(fen) })}
        normalize={(yuan: number | null) => yuanToFen(yuan)}
      >
        <InputNumber
          style={{ width: '100%' }}
          min={0}
          precision={2}
          formatter={groupDigits}
          parser={ungroupDigits}
        />
      </Form.Item>
    </Form>
  )
}

/** The answer, with the standard fee it was asked for (the formula starts from it). */
interface Answer {
  quote: QuoteResult
  standardFeeFen: number | null
}

function QuoteView({ answer: { quote, standardFeeFen } }: { answer: Answer }) {
  const { t } = useTranslation()
  const f = useFigures()
  const completed = quote.status !== null
  const owed = completed && quote.chargedFeeFen !== null
  const cap = f.percent(quote.capBp)
  const terms = [
    ['limit', f.days(quote.limitDays)],
    ['priceFactor', f.percent(quote.priceFactorBp)],
    ['rate', t('slips.calculator.ratePerDay', { rate: f.percent(quote.rateBp) })],
    ['cap', t('slips.calculator.capOfCharged', { cap })],
    ['lateDays', completed ? f.days(quote.lateWorkingDays) : t('slips.none')],
    ['chargedFee', quote.chargedFeeFen === null ? t('slips.none') : f.money(quote.chargedFeeFen)],
  ] as const
  const section = (key: 'working' | 'dueNotes' | 'lateNotes') => (
    <Typography.Title level={5} style={{ margin: 0 }}>
      {t(`slips.calculator.${key}`)}
    </Typography.Title>
  )
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <CalendarWarning years={quote.calendarWarnings} />
      <Row gutter={24}>
        <Col span={12}>
          <Figure
            label={t('slips.calculator.dueOn')}
            value={f.date(quote.dueOn)}
            note={t('slips.calculator.dueRule', { count: quote.limitDays })}
            testId="calc-due-date"
            colour="#1456a0"
          />
        </Col>
        <Col span={12}>
          <Figure
            label={t('slips.calculator.compensation')}
            value={owed ? f.money(quote.compensationFen) : t('slips.none')}
            note={
              !completed
                ? t('slips.calculator.noCompletion')
                : !owed
                  ? t('slips.calculator.noFee')
                  : quote.capped && t('slips.calculator.capped', { cap })
            }
            testId="calc-compensation"
            colour={quote.compensationFen > 0 ? '#cf1322' : undefined}
          />
        </Col>
      </Row>
      <Descriptions
        bordered
        size="small"
        column={2}
        styles={{ label: { width: 160, whiteSpace: 'nowrap' }, content: { fontSize: 16 } }}
        items={[
          ...terms.map(([key, value]) => ({
            key,
            label: t(`slips.calculator.${key}`),
            children: <span data-testid={`calc-${key}`}>{value}</span>,
          })),
          ...(quote.status
            ? [
                {
                  key: 'status',
                  label: t('slips.calculator.status'),
                  children: <StatusTag group="orderStatus" value={quote.status} t={t} />,
                },
              ]
            : []),
        ]}
      />
      {section('working')}
      <ProvisioningFormula facts={{ ...quote, standardFeeFen }} testId="calc-working" />
      {section('dueNotes')}
      <div data-testid="calc-due-notes">
        <DayNotes notes={quote.dueNotes} />
      </div>
      {completed && section('lateNotes')}
      {completed && (
        <div data-testid="calc-late-notes">
          <DayNotes notes={quote.lateNotes} />
        </div>
      )}
    </Space>
  )
}

export function CalculatorTab() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<QuoteInput>()
  const values = Form.useWatch([], form)
  const [answer, setAnswer] = useState<Answer | null>(null)

  // Asks again a moment after the form settles; an answer to an older form is dropped.
  useEffect(() => {
    let current = true
    const timer = setTimeout(() => {
      form
        .validateFields()
        .then(async (valid) => {
          const quote = await call('sla.quote', valid)
          if (current)
            setAnswer({
              quote,
              standardFeeFen: typeof valid.standardFeeFen === 'number' ? valid.standardFeeFen : null,
            })
        })
        .catch((error: unknown) => {
          if (!current) return
          setAnswer(null)
          if (!(error instanceof ApiError)) return // the form shows its own messages
          const rest = showFieldErrors(t, form, error)
          if ((error.data.fields?.length ?? 0) <= rest.length) void message.error(errorMessage(t, error))
        })
    }, 200)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [values, form, message, t])

  return (
    <div style={{ flex: 1, overflow: 'auto' }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 15, maxWidth: 1100 }}>
        {t('slips.calculator.intro')}
      </Typography.Paragraph>
      <Row gutter={24} align="top">
        <Col flex="400px">
          <Card>
            <QuoteForm form={form} />
          </Card>
        </Col>
        <Col flex="1" style={{ minWidth: 520 }}>
          <Card data-testid="calculator-result">
            {answer ? <QuoteView answer={answer} /> : <Empty description={t('slips.calculator.waiting')} />}
          </Card>
        </Col>
      </Row>
    </div>
  )
}
