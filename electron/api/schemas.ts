/**
 * Input schemas of the API. Pure zod, no Node: the main process validates every IPC input with them and
 * the renderer's forms validate with the very same schemas, so a message at a field and a refusal from
 * the main process always agree. Messages are i18n keys under `validation.`.
 */
import { z } from 'zod'
import { ORDER_STATUSES, PROVISIONING_CLASSES } from '../domain/sla'
import { FAULT_CAUSES } from '../domain/availability'
import { PERIOD_KINDS } from '../domain/periods'
import { DAY_COUNTS, DEADLINE_STATUSES } from '../domain/deadlines'
import { REPORT_SECTIONS } from '../domain/report'

/** Trimmed text; blank becomes null so that "nothing entered" is stored as nothing. */
function emptyToNull(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

export const LIMITS = {
  code: 32,
  name: 100,
  shortText: 50,
  address: 200,
  longText: 2000,
  products: 500,
  maxCount: 10_000_000,
  /** 100 billion yuan, in fen: far above any real figure, far below Number.MAX_SAFE_INTEGER. */
  maxFen: 10_000_000_000_000,
} as const

/**
 * Mainland mobile (also written 138 0013 8000 or 138-0013-8000), landline with area code (written 0571-88886666, 0571 88886666 or (0571)88886666,
 * with an optional extension), 400/800 service numbers; optional +86.
 */
export const PHONE_PATTERN =
  /^(\+?86[- ]?)?(1[3-9]\d[- ]?\d{4}[- ]?\d{4}|(0\d{2,3}[- ]?|\(0\d{2,3}\) ?)\d{7,8}(-\d{1,6})?|[48]00-?\d{3}-?\d{4})$/
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** An optional field: missing, blank or null all arrive as null. */
function blankable<T extends z.ZodType>(inner: T) {
  return z
    .preprocess(emptyToNull, inner.nullable())
    .optional()
    .transform((value) => value ?? null)
}

export const requiredText = (max: number) =>
  z.string('required').trim().min(1, 'required').max(max, 'too_long')
export const optionalText = (max: number) => blankable(z.string().max(max, 'too_long'))
const optionalPhone = blankable(
  z.string().max(LIMITS.shortText, 'too_long').regex(PHONE_PATTERN, 'invalid_phone'),
)
const optionalEmail = blankable(z.string().max(LIMITS.name, 'too_long').pipe(z.email('invalid_email')))
const optionalDate = blankable(z.string().refine(isCalendarDate, 'invalid_date'))
const optionalCount = blankable(
  z.number('not_a_number').int('not_integer').min(0, 'not_negative').max(LIMITS.maxCount, 'too_large'),
)
const optionalFen = blankable(
  z.number('not_a_number').int('not_integer').min(0, 'not_negative').max(LIMITS.maxFen, 'too_large'),
)
export const recordId = z.uuid('invalid_choice')
const optionalRef = blankable(recordId)
export const version = z.number().int().min(1)

export const CUSTOMER_STATUSES = ['active', 'at_risk', 'lost'] as const
export const CONTACT_CLASSES = ['core', 'important', 'ordinary'] as const
export const ROLES = ['staff', 'supervisor', 'trainer'] as const
/** Account manager levels, highest first (domain.md §1). */
export const MANAGER_LEVELS = [
  'chief',
  'special',
  'senior',
  'senior_industry',
  'key_account',
  'industry',
  'account_manager',
  'service_rep',
] as const
export const LANGUAGES = ['zh-CN', 'en'] as const

export const customerFieldsSchema = z.object({
  code: requiredText(LIMITS.code).regex(CODE_PATTERN, 'invalid_code'),
  name: requiredText(LIMITS.name),
  industryId: optionalRef,
  branchId: optionalRef,
  address: optionalText(LIMITS.address),
  tierId: optionalRef,
  accountManagerId: optionalRef,
  status: z.enum(CUSTOMER_STATUSES, 'invalid_choice'),
  employees: optionalCount,
  annualOutputFen: optionalFen,
  leader: optionalText(LIMITS.shortText),
  ourSubscribers: optionalCount,
  competitorSubscribers: optionalCount,
  monthlyRevenueFen: optionalFen,
  fixedLines: optionalCount,
  broadbandLines: optionalCount,
  groupProducts: optionalText(LIMITS.products),
  hasPbx: z.boolean(),
  notes: optionalText(LIMITS.longText),
})
export type CustomerFields = z.output<typeof customerFieldsSchema>

export const contactFieldsSchema = z.object({
  name: requiredText(LIMITS.shortText),
  position: optionalText(LIMITS.shortText),
  phone: optionalPhone,
  email: optionalEmail,
  birthday: optionalDate,
  contactClass: z.enum(CONTACT_CLASSES, 'invalid_choice'),
  notes: optionalText(LIMITS.longText),
})
export type ContactFields = z.output<typeof contactFieldsSchema>

/** A contact as the customer page sends it: new ones have no id; existing ones carry their version. */
export const contactDraftSchema = contactFieldsSchema.extend({
  id: recordId.optional(),
  version: version.optional(),
})

/** One save of a customer file: the profile and its whole contact list, in one transaction. */
export const customerSaveSchema = z.object({
  id: recordId.optional(),
  version: version.optional(),
  fields: customerFieldsSchema,
  contacts: z.array(contactDraftSchema).max(200, 'too_many'),
})
export type CustomerSave = z.input<typeof customerSaveSchema>

export const recordRefSchema = z.object({ id: recordId, version })
export const idSchema = z.object({ id: recordId })

/** Columns of the customers grid that sort and filter in SQL. */
export const CUSTOMER_TEXT_COLUMNS = ['code', 'name', 'leader', 'address', 'keyContact'] as const
export const CUSTOMER_NUMBER_COLUMNS = [
  'employees',
  'monthlyRevenueFen',
  'ourSubscribers',
  'competitorSubscribers',
] as const
/** The key contact is filterable but not sortable: sorting by a per-row subquery would scan every customer. */
export const CUSTOMER_SORT_COLUMNS = [
  'code',
  'name',
  'leader',
  'address',
  ...CUSTOMER_NUMBER_COLUMNS,
  'industry',
  'branch',
  'tier',
  'accountManager',
  'status',
  'updatedAt',
] as const

/** The AG Grid filter operators the customers query implements (the grid offers exactly these). */
export const TEXT_OPERATORS = [
  'contains',
  'notContains',
  'equals',
  'notEqual',
  'startsWith',
  'endsWith',
  'blank',
  'notBlank',
] as const
export const NUMBER_OPERATORS = [
  'equals',
  'notEqual',
  'lessThan',
  'lessThanOrEqual',
  'greaterThan',
  'greaterThanOrEqual',
  'inRange',
  'blank',
  'notBlank',
] as const

/** AG Grid's text and number filter models (single or two conditions joined by AND/OR). */
const needsValue = (type: string) => type !== 'blank' && type !== 'notBlank'
const textCondition = z
  .object({
    filterType: z.literal('text'),
    type: z.enum(TEXT_OPERATORS),
    filter: z.string().max(100).nullish(),
  })
  .refine((c) => !needsValue(c.type) || (c.filter ?? '') !== '', { message: 'required', path: ['filter'] })
const numberCondition = z
  .object({
    filterType: z.literal('number'),
    type: z.enum(NUMBER_OPERATORS),
    filter: z.number().nullish(),
    filterTo: z.number().nullish(),
  })
  // A number filter without its number would silently compare with nothing; refuse it instead.
  .refine((c) => !needsValue(c.type) || typeof c.filter === 'number', {
    message: 'required',
    path: ['filter'],
  })
  .refine((c) => c.type !== 'inRange' || typeof c.filterTo === 'number', {
    message: 'required',
    path: ['filterTo'],
  })
const combined = <T extends z.ZodType>(condition: T, filterType: 'text' | 'number') =>
  z.object({
    filterType: z.literal(filterType),
    operator: z.enum(['AND', 'OR']),
    conditions: z.array(condition).min(1).max(2),
  })
export const textFilterSchema = z.union([textCondition, combined(textCondition, 'text')])
export const numberFilterSchema = z.union([numberCondition, combined(numberCondition, 'number')])
export type TextCondition = z.output<typeof textCondition>
export type NumberCondition = z.output<typeof numberCondition>

export const customerListSchema = z
  .object({
    startRow: z.number().int().min(0),
    endRow: z.number().int().min(1),
    sort: z
      .array(z.object({ colId: z.enum(CUSTOMER_SORT_COLUMNS), sort: z.enum(['asc', 'desc']) }))
      .max(5)
      .default([]),
    textFilters: z.partialRecord(z.enum(CUSTOMER_TEXT_COLUMNS), textFilterSchema).default({}),
    numberFilters: z.partialRecord(z.enum(CUSTOMER_NUMBER_COLUMNS), numberFilterSchema).default({}),
    quickSearch: z.string().trim().max(100).default(''),
    tierIds: z.array(recordId).max(50).default([]),
    branchIds: z.array(recordId).max(200).default([]),
    industryIds: z.array(recordId).max(200).default([]),
    accountManagerIds: z.array(recordId).max(500).default([]),
    statuses: z.array(z.enum(CUSTOMER_STATUSES)).max(3).default([]),
    deleted: z.enum(['exclude', 'only']).default('exclude'),
  })
  .refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000, {
    message: 'page_size',
    path: ['endRow'],
  })
export type CustomerListQuery = z.input<typeof customerListSchema>
export type CustomerListFilter = z.output<typeof customerListSchema>

export const signInSchema = z.object({
  operatorId: recordId,
  password: z.string().max(200).optional(),
})

export const PASSWORD_MIN = 8
const operatorFields = z.object({
  name: requiredText(LIMITS.shortText),
  level: z.enum(MANAGER_LEVELS, 'invalid_choice'),
  branchId: optionalRef,
  phone: optionalPhone,
  role: z.enum(ROLES, 'invalid_choice'),
  /** Required for a supervisor, ignored for the other roles. */
  password: blankable(z.string().min(PASSWORD_MIN, 'password_too_short').max(200, 'too_long')),
})
export const operatorSaveSchema = operatorFields
  .extend({ id: recordId.optional(), version: version.optional() })
  .refine((o) => o.role !== 'supervisor' || o.id !== undefined || o.password !== null, {
    message: 'password_required',
    path: ['password'],
  })
export type OperatorSave = z.input<typeof operatorSaveSchema>

export const prefsSchema = z.object({
  language: z.enum(LANGUAGES).optional(),
  hiddenCustomerColumns: z.array(z.string().max(40)).max(40).optional(),
})

export const tierSchemeSchema = z.object({ scheme: z.string().trim().min(1).max(20) })
export const tierSaveSchema = z.object({
  id: recordId.optional(),
  version: version.optional(),
  scheme: z.string().trim().min(1, 'required').max(20, 'too_long'),
  code: requiredText(10),
  labelZh: requiredText(LIMITS.shortText),
  labelEn: requiredText(LIMITS.shortText),
  rank: z.number('not_a_number').int('not_integer').min(1, 'not_positive').max(99, 'too_large'),
})
export type TierSave = z.input<typeof tierSaveSchema>

export const LOOKUP_KINDS = ['industry', 'branch', 'product'] as const
export const lookupSaveSchema = z.object({
  kind: z.enum(LOOKUP_KINDS),
  id: recordId.optional(),
  version: version.optional(),
  code: requiredText(LIMITS.code).regex(CODE_PATTERN, 'invalid_code'),
  nameZh: requiredText(LIMITS.shortText),
  nameEn: requiredText(LIMITS.shortText),
  sortOrder: z.number('not_a_number').int('not_integer').min(0, 'not_negative').max(9999, 'too_large'),
})
export type LookupSave = z.input<typeof lookupSaveSchema>
export const lookupDeleteSchema = recordRefSchema.extend({ kind: z.enum(LOOKUP_KINDS) })

/** Parsed inputs, as the services receive them. */
export type CustomerSaveInput = z.output<typeof customerSaveSchema>
export type OperatorInput = z.output<typeof operatorSaveSchema>
export type TierInput = z.output<typeof tierSaveSchema>
export type LookupInput = z.output<typeof lookupSaveSchema>

// ——— SLA: calendar, rules, circuits, agreements, orders, faults, compensation slips ———

export { PROVISIONING_CLASSES, ORDER_STATUSES } from '../domain/sla'
export { FAULT_CAUSES } from '../domain/availability'
export const CIRCUIT_STATUSES = ['provisioning', 'active', 'suspended', 'ceased'] as const
export const AGREEMENT_STATUSES = ['draft', 'active', 'expired', 'terminated'] as const
export const SLIP_STATUSES = ['draft', 'confirmed', 'paid', 'void'] as const
export const CALENDAR_KINDS = ['rest', 'work'] as const

const requiredDate = z.string('required').refine(isCalendarDate, 'invalid_date')
const instant = z.iso.datetime({ offset: true, error: 'invalid_instant' })
const fen = z.number('not_a_number').int('not_integer').min(0, 'not_negative').max(LIMITS.maxFen, 'too_large')
const basisPoints = (max: number) =>
  z.number('not_a_number').int('not_integer').min(0, 'not_negative').max(max, 'too_large')
const workingDays = z.number('not_a_number').int('not_integer').min(1, 'not_positive').max(365, 'too_large')
const businessKey = (max: number) => requiredText(max).regex(/^[^\s].*$/, 'invalid_code')
const draftRef = { id: recordId.optional(), version: version.optional() }

/** Whether `to` is not before `from` (dates or instants); a missing end is in order. */
function inOrder(from: string | null, to: string | null): boolean {
  return !from || !to || Date.parse(to) >= Date.parse(from)
}

export const calendarDaySchema = z.object({
  date: requiredDate,
  kind: z.enum(CALENDAR_KINDS, 'invalid_choice'),
  nameZh: requiredText(LIMITS.shortText),
  nameEn: optionalText(LIMITS.shortText),
})
export type CalendarDaySave = z.input<typeof calendarDaySchema>
export const calendarYearSchema = z.object({ year: z.number().int().min(2000).max(2100) })
export const calendarYearLoadedSchema = calendarYearSchema.extend({ loaded: z.boolean() })
export const importTokenSchema = z.object({ token: z.uuid() })

export const ruleSaveSchema = z.object({
  id: recordId,
  version,
  limitDays: workingDays,
  priceFactorBp: basisPoints(100_000),
  rateBp: basisPoints(10_000),
  capBp: basisPoints(100_000),
})
export type RuleSave = z.input<typeof ruleSaveSchema>

export const gradeSaveSchema = z.object({
  ...draftRef,
  code: requiredText(LIMITS.code).regex(CODE_PATTERN, 'invalid_code'),
  nameZh: requiredText(LIMITS.shortText),
  nameEn: requiredText(LIMITS.shortText),
  availabilityPpm: z
    .number('not_a_number')
    .int('not_integer')
    .min(900_000, 'too_small')
    .max(1_000_000, 'too_large'),
  recoveryMinutes: z
    .number('not_a_number')
    .int('not_integer')
    .min(1, 'not_positive')
    .max(10_080, 'too_large'),
  sortOrder: z.number('not_a_number').int('not_integer').min(0, 'not_negative').max(9999, 'too_large'),
})
export type GradeSave = z.input<typeof gradeSaveSchema>

export const circuitSaveSchema = z.object({
  ...draftRef,
  customerId: recordId,
  number: businessKey(40),
  productId: recordId,
  bandwidth: optionalText(20),
  aEnd: optionalText(LIMITS.address),
  zEnd: optionalText(LIMITS.address),
  standardFeeFen: blankable(fen),
  monthlyFeeFen: blankable(fen),
  status: z.enum(CIRCUIT_STATUSES, 'invalid_choice'),
  openedOn: optionalDate,
  notes: optionalText(LIMITS.longText),
})
export type CircuitSave = z.input<typeof circuitSaveSchema>

const classTermsSchema = z.object({
  limitDays: workingDays.optional(),
  priceFactorBp: basisPoints(100_000).optional(),
  rateBp: basisPoints(10_000).optional(),
  capBp: basisPoints(100_000).optional(),
})
export const agreementTermsSchema = z.partialRecord(z.enum(PROVISIONING_CLASSES), classTermsSchema)
export type AgreementTerms = z.output<typeof agreementTermsSchema>

export const agreementSaveSchema = z
  .object({
    ...draftRef,
    customerId: recordId,
    number: businessKey(40),
    signedOn: optionalDate,
    validFrom: requiredDate,
    validTo: requiredDate,
    status: z.enum(AGREEMENT_STATUSES, 'invalid_choice'),
    gradeId: optionalRef,
    terms: agreementTermsSchema.default({}),
    availabilityRateBp: blankable(basisPoints(10_000)),
    circuitIds: z.array(recordId).max(500, 'too_many').default([]),
    notes: optionalText(LIMITS.longText),
  })
  .refine((a) => inOrder(a.validFrom, a.validTo), { message: 'ends_before_start', path: ['validTo'] })
export type AgreementSave = z.input<typeof agreementSaveSchema>

export const pauseDraftSchema = z
  .object({ ...draftRef, startOn: requiredDate, endOn: optionalDate, reason: requiredText(200) })
  .refine((p) => inOrder(p.startOn, p.endOn), { message: 'ends_before_start', path: ['endOn'] })

export const orderSaveSchema = z
  .object({
    ...draftRef,
    /** Blank: the next number is given. */
    number: optionalText(LIMITS.code),
    customerId: recordId,
    circuitId: recordId,
    provisioningClass: z.enum(PROVISIONING_CLASSES, 'invalid_choice'),
    acceptedOn: requiredDate,
    completedOn: optionalDate,
    standardFeeFen: blankable(fen),
    notes: optionalText(LIMITS.longText),
    pauses: z.array(pauseDraftSchema).max(50, 'too_many').default([]),
  })
  .refine((o) => inOrder(o.acceptedOn, o.completedOn), {
    message: 'completed_before_accepted',
    path: ['completedOn'],
  })
  .superRefine((order, context) => {
    order.pauses.forEach((pause, index) => {
      const outside =
        pause.startOn < order.acceptedOn ||
        (order.completedOn !== null && (pause.endOn === null || pause.endOn > order.completedOn))
      if (outside)
        context.addIssue({ code: 'custom', message: 'pause_outside_order', path: ['pauses', index] })
    })
  })
export type OrderSave = z.input<typeof orderSaveSchema>

export const faultSaveSchema = z
  .object({
    ...draftRef,
    number: optionalText(LIMITS.code),
    circuitId: recordId,
    reportedAt: instant,
    restoredAt: blankable(instant),
    cause: z.enum(FAULT_CAUSES, 'invalid_choice'),
    description: optionalText(LIMITS.longText),
  })
  .refine((f) => inOrder(f.reportedAt, f.restoredAt), {
    message: 'restored_before_reported',
    path: ['restoredAt'],
  })
export type FaultSave = z.input<typeof faultSaveSchema>

export const quoteSchema = z
  .object({
    provisioningClass: z.enum(PROVISIONING_CLASSES, 'invalid_choice'),
    productId: recordId,
    acceptedOn: requiredDate,
    completedOn: optionalDate,
    standardFeeFen: blankable(fen),
  })
  .refine((q) => inOrder(q.acceptedOn, q.completedOn), {
    message: 'completed_before_accepted',
    path: ['completedOn'],
  })
export type QuoteInput = z.input<typeof quoteSchema>

export const slaSettingsSchema = z.object({
  dueSoonDays: z.number('not_a_number').int('not_integer').min(0, 'not_negative').max(30, 'too_large'),
  expiryWarningDays: z.number('not_a_number').int('not_integer').min(0, 'not_negative').max(365, 'too_large'),
})
export const slipConfirmSchema = recordRefSchema.extend({ responsibleUnit: requiredText(LIMITS.name) })
export const slipPrintSchema = idSchema.extend({ language: z.enum(LANGUAGES).default('zh-CN') })

/** The SLA lists page and filter in SQL: one customer's records, or everyone's. */
const slaListBase = {
  startRow: z.number().int().min(0),
  endRow: z.number().int().min(1),
  customerId: recordId.optional(),
  search: z.string().trim().max(100).default(''),
}
/** A branch or account manager, or `none`: the records with none assigned. */
const ownerRef = z.union([recordId, z.literal('none')]).optional()
/** Narrows a list to one branch's or one account manager's customers (My day's numbers open these). */
const ownerFilter = { branchId: ownerRef, accountManagerId: ownerRef }
const pageSize = { message: 'page_size', path: ['endRow'] }
const validPage = (q: { startRow: number; endRow: number }) =>
  q.endRow > q.startRow && q.endRow - q.startRow <= 1000
const sortBy = <T extends readonly [string, ...string[]]>(columns: T) =>
  z
    .array(z.object({ colId: z.enum(columns), sort: z.enum(['asc', 'desc']) }))
    .max(3)
    .default([])

export const circuitListSchema = z
  .object({ ...slaListBase, sort: sortBy(['number', 'customerName', 'status', 'openedOn', 'monthlyFeeFen']) })
  .refine(validPage, pageSize)
export const agreementListSchema = z
  .object({
    ...slaListBase,
    ...ownerFilter,
    expiringOnly: z.boolean().default(false),
    sort: sortBy(['number', 'customerName', 'validTo', 'status']),
  })
  .refine(validPage, pageSize)
export const orderListSchema = z
  .object({
    ...slaListBase,
    ...ownerFilter,
    statuses: z.array(z.enum(ORDER_STATUSES)).max(5).default([]),
    sort: sortBy([
      'number',
      'customerName',
      'acceptedOn',
      'dueOn',
      'completedOn',
      'status',
      'compensationFen',
    ]),
  })
  .refine(validPage, pageSize)
export const faultListSchema = z
  .object({ ...slaListBase, sort: sortBy(['number', 'customerName', 'reportedAt', 'restoredAt']) })
  .refine(validPage, pageSize)
export const slipListSchema = z
  .object({
    ...slaListBase,
    statuses: z.array(z.enum(SLIP_STATUSES)).max(4).default([]),
    sort: sortBy(['number', 'customerName', 'amountFen', 'status', 'createdAt']),
  })
  .refine(validPage, pageSize)
export const availabilitySchema = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$|^\d{4}Q[1-4]$/, 'invalid_period'),
  customerId: recordId.optional(),
})

export type CircuitInput = z.output<typeof circuitSaveSchema>
export type AgreementInput = z.output<typeof agreementSaveSchema>
export type OrderInput = z.output<typeof orderSaveSchema>
export type FaultInput = z.output<typeof faultSaveSchema>
export type GradeInput = z.output<typeof gradeSaveSchema>
export type RuleInput = z.output<typeof ruleSaveSchema>
export type CalendarDayInput = z.output<typeof calendarDaySchema>
export type QuoteQuery = z.output<typeof quoteSchema>

// ——— Service standards, plans, activities, revenue, churn, value ———

export { PERIOD_KINDS } from '../domain/periods'
export const ACTIVITY_KINDS = ['visit', 'call', 'greeting', 'complaint', 'event', 'trial', 'other'] as const
export const CHURN_NOTE_SOURCES = ['crisis', 'cancellation'] as const
const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/
const count = (max: number) =>
  z.number('not_a_number').int('not_integer').min(0, 'not_negative').max(max, 'too_large')

export const standardSaveSchema = z.object({
  id: recordId,
  version,
  provided: z.boolean(),
  frequency: blankable(count(1000)),
  period: blankable(z.enum(PERIOD_KINDS, 'invalid_choice')),
  responseHours: blankable(count(720)),
  degreeZh: optionalText(LIMITS.name),
  degreeEn: optionalText(LIMITS.name),
  coverage: optionalText(LIMITS.shortText),
})
export type StandardSave = z.input<typeof standardSaveSchema>

export const planQuerySchema = z.object({ customerId: recordId, year: z.number().int().min(2000).max(2100) })
export const planItemSaveSchema = planQuerySchema
  .extend({
    itemId: recordId,
    version: version.optional(),
    provided: z.boolean(),
    frequency: blankable(count(1000)),
    period: blankable(z.enum(PERIOD_KINDS, 'invalid_choice')),
    note: optionalText(LIMITS.longText),
  })
  .refine((item) => !item.provided || (item.frequency !== null) === (item.period !== null), {
    message: 'frequency_needs_period',
    path: ['period'],
  })
export type PlanItemSave = z.input<typeof planItemSaveSchema>
export const planItemResetSchema = planQuerySchema.extend({ itemId: recordId, version })

export const activitySaveSchema = z.object({
  id: recordId.optional(),
  version: version.optional(),
  customerId: recordId,
  kind: z.enum(ACTIVITY_KINDS, 'invalid_choice'),
  itemId: optionalRef,
  occurredOn: z.string('required').refine(isCalendarDate, 'invalid_date'),
  staffId: optionalRef,
  contactIds: z.array(recordId).max(50, 'too_many').default([]),
  notes: optionalText(LIMITS.longText),
})
export type ActivitySave = z.input<typeof activitySaveSchema>
export const activityListSchema = z
  .object({
    startRow: z.number().int().min(0),
    endRow: z.number().int().min(1),
    customerId: recordId.optional(),
    kinds: z.array(z.enum(ACTIVITY_KINDS)).max(7).default([]),
    from: z.string().refine(isCalendarDate, 'invalid_date').optional(),
    to: z.string().refine(isCalendarDate, 'invalid_date').optional(),
    search: z.string().trim().max(100).default(''),
    sort: z
      .array(
        z.object({ colId: z.enum(['occurredOn', 'customerName', 'kind']), sort: z.enum(['asc', 'desc']) }),
      )
      .max(3)
      .default([]),
  })
  .refine((q) => q.endRow > q.startRow && q.endRow - q.startRow <= 1000, {
    message: 'page_size',
    path: ['endRow'],
  })

export const complianceQuerySchema = z.object({
  periodKind: z.enum(['ten_days', 'month', 'quarter'], 'invalid_choice'),
  date: z.string().refine(isCalendarDate, 'invalid_date'),
})
export const customerComplianceSchema = complianceQuerySchema.extend({ customerId: recordId })
export const complianceSummarySchema = complianceQuerySchema.extend({
  groupBy: z.enum(['customer', 'manager', 'branch']),
})

export const revenueSaveSchema = z.object({
  id: recordId.optional(),
  version: version.optional(),
  customerId: recordId,
  month: z.string('required').regex(MONTH_PATTERN, 'invalid_month'),
  revenueFen: z
    .number('not_a_number')
    .int('not_integer')
    .min(0, 'not_negative')
    .max(LIMITS.maxFen, 'too_large'),
})
export type RevenueSave = z.input<typeof revenueSaveSchema>
export const churnNoteSchema = z.object({
  customerId: recordId,
  source: z.enum(CHURN_NOTE_SOURCES, 'invalid_choice'),
  note: requiredText(LIMITS.longText),
})
export type ChurnNoteSave = z.input<typeof churnNoteSchema>
export const followUpSchema = recordRefSchema.extend({ followUp: requiredText(LIMITS.longText) })
export const warningListSchema = z.object({
  customerId: recordId.optional(),
  accountManagerId: recordId.optional(),
  openOnly: z.boolean().default(true),
})

export const customerValueSaveSchema = z.object({
  id: recordId.optional(),
  version: version.optional(),
  customerId: recordId,
  additionalFen: z
    .number('not_a_number')
    .int('not_integer')
    .min(0, 'not_negative')
    .max(LIMITS.maxFen, 'too_large'),
  intangibleScore: z.number('not_a_number').int('not_integer').min(0, 'not_negative').max(100, 'too_large'),
  note: optionalText(LIMITS.longText),
})
export type CustomerValueSave = z.input<typeof customerValueSaveSchema>

const weightBp = z.number('not_a_number').int('not_integer').min(0, 'not_negative').max(10_000, 'too_large')
export const valueSettingsSchema = z
  .object({
    weights: z.object({ currentBp: weightBp, potentialBp: weightBp, intangibleBp: weightBp }),
    fullCurrentFen: z
      .number('not_a_number')
      .int('not_integer')
      .min(100, 'too_small')
      .max(LIMITS.maxFen, 'too_large'),
    thresholds: z
      .array(z.object({ rank: z.number().int().min(1).max(99), minScore: z.number().min(0).max(100) }))
      .min(1)
      .max(10),
    equivalentBusiness: count(1_000_000),
    equivalentPublic: count(1_000_000),
    churnShareBp: z.number('not_a_number').int('not_integer').min(100, 'too_small').max(9000, 'too_large'),
  })
  .refine((s) => s.weights.currentBp + s.weights.potentialBp + s.weights.intangibleBp === 10_000, {
    message: 'weights_not_whole',
    path: ['weights'],
  })
export type ValueSettingsSave = z.input<typeof valueSettingsSchema>

export type StandardInput = z.output<typeof standardSaveSchema>
export type PlanItemInput = z.output<typeof planItemSaveSchema>
export type ActivityInput = z.output<typeof activitySaveSchema>
export type RevenueInput = z.output<typeof revenueSaveSchema>
export type ChurnNoteInput = z.output<typeof churnNoteSchema>
export type CustomerValueInput = z.output<typeof customerValueSaveSchema>
export type ValueSettingsInput = z.output<typeof valueSettingsSchema>

// ——— Deliveries and follow-ups (domain.md §3), and My day ———

export { DAY_COUNTS, DEADLINE_CODES, DEADLINE_STATUSES } from '../domain/deadlines'
export const SITE_KINDS = ['hq', 'branch'] as const
export const BUSINESS_KINDS = ['first', 'added'] as const
export const FOLLOW_UP_SOURCES = ['opening', 'repair'] as const

export const deliveryListSchema = z
  .object({
    ...slaListBase,
    ...ownerFilter,
    statuses: z.array(z.enum(DEADLINE_STATUSES)).max(5).default([]),
    sort: sortBy(['number', 'customerName', 'openedOn', 'dueOn', 'deliveredOn']),
  })
  .refine(validPage, pageSize)

export const followUpListSchema = z
  .object({
    ...slaListBase,
    ...ownerFilter,
    statuses: z.array(z.enum(DEADLINE_STATUSES)).max(5).default([]),
    /** Only those whose issues are still open (the account manager's to close). */
    issuesOpen: z.boolean().default(false),
    sort: sortBy(['number', 'customerName', 'triggerOn', 'dueOn', 'doneOn', 'satisfaction']),
  })
  .refine(validPage, pageSize)

export const deliverySaveSchema = z
  .object({
    id: recordId,
    version,
    siteKind: z.enum(SITE_KINDS, 'invalid_choice'),
    businessKind: z.enum(BUSINESS_KINDS, 'invalid_choice'),
    deliveredOn: optionalDate,
    deliveredBy: optionalRef,
    receiverContactId: optionalRef,
    /** The documents of the pack that were handed over (ticked). */
    handedOver: z.array(recordId).max(50, 'too_many').default([]),
    billedCircuitNumber: optionalText(40),
    billedOpenedOn: optionalDate,
    billedMonthlyFeeFen: blankable(fen),
    billedOneTimeFeeFen: blankable(fen),
    billingConfirmed: z.boolean().default(false),
    notes: optionalText(LIMITS.longText),
  })
  .superRefine((delivery, context) => {
    if (!delivery.deliveredOn) return
    // A delivery made is a record of who handed the pack to whom.
    if (!delivery.deliveredBy)
      context.addIssue({ code: 'custom', message: 'required', path: ['deliveredBy'] })
    if (!delivery.receiverContactId)
      context.addIssue({ code: 'custom', message: 'required', path: ['receiverContactId'] })
  })
export type DeliverySave = z.input<typeof deliverySaveSchema>
export type DeliveryInput = z.output<typeof deliverySaveSchema>

export const followUpSaveSchema = z
  .object({
    id: recordId,
    version,
    doneOn: optionalDate,
    doneBy: optionalRef,
    contactId: optionalRef,
    result: optionalText(LIMITS.longText),
    satisfaction: blankable(
      z
        .number('not_a_number')
        .int('satisfaction_range')
        .min(1, 'satisfaction_range')
        .max(5, 'satisfaction_range'),
    ),
    issues: optionalText(LIMITS.longText),
    issueOwnerId: optionalRef,
    issueClosedOn: optionalDate,
    issueClosure: optionalText(LIMITS.longText),
    notes: optionalText(LIMITS.longText),
  })
  .superRefine((call, context) => {
    const issue = (path: string, message: string) =>
      context.addIssue({ code: 'custom', message, path: [path] })
    if (call.doneOn && !call.result) issue('result', 'result_required')
    // Results, satisfaction and issues come from a call: they need its date.
    if (!call.doneOn && (call.result || call.satisfaction !== null || call.issues || call.issueClosedOn))
      issue('doneOn', 'required')
    if (call.issueClosedOn) {
      if (!call.issues) issue('issues', 'required')
      if (!call.issueClosure) issue('issueClosure', 'required')
      if (!inOrder(call.doneOn, call.issueClosedOn)) issue('issueClosedOn', 'closed_before_raised')
    }
  })
export type FollowUpSave = z.input<typeof followUpSaveSchema>
export type FollowUpInput = z.output<typeof followUpSaveSchema>

export const deadlineRuleSaveSchema = z.object({
  id: recordId,
  version,
  days: z.number('not_a_number').int('not_integer').min(0, 'not_negative').max(60, 'too_large'),
  dayCount: z.enum(DAY_COUNTS, 'invalid_choice'),
})
export type DeadlineRuleInput = z.output<typeof deadlineRuleSaveSchema>

export const deliveryDocumentSaveSchema = z.object({
  ...draftRef,
  code: requiredText(LIMITS.code).regex(CODE_PATTERN, 'invalid_code'),
  nameZh: requiredText(LIMITS.name),
  nameEn: requiredText(LIMITS.name),
  packs: z.object({
    hqFirst: z.boolean(),
    hqAdded: z.boolean(),
    branchFirst: z.boolean(),
    branchAdded: z.boolean(),
  }),
  sortOrder: z.number('not_a_number').int('not_integer').min(0, 'not_negative').max(999, 'too_large'),
})
export type DeliveryDocumentSave = z.input<typeof deliveryDocumentSaveSchema>
export type DeliveryDocumentInput = z.output<typeof deliveryDocumentSaveSchema>

export const deliverySettingsSchema = z.object({
  issuerName: requiredText(LIMITS.name),
  issuerNameEn: requiredText(LIMITS.name),
  faultHotline: requiredText(LIMITS.shortText),
  accountHotline: optionalText(LIMITS.shortText),
})
export type DeliverySettingsInput = z.output<typeof deliverySettingsSchema>

export const deliveryPrintSchema = idSchema.extend({ language: z.enum(LANGUAGES).default('zh-CN') })

export const myDaySchema = z.object(ownerFilter)
export type MyDayQuery = z.output<typeof myDaySchema>

/** A window of due dates (default: this month) and whose records. */
export const onTimeSchema = z
  .object({ from: optionalDate, to: optionalDate, customerId: recordId.optional(), ...ownerFilter })
  .refine((w) => inOrder(w.from, w.to), { message: 'ends_before_start', path: ['to'] })

// ——— Import, export, backup and restore ———

export const IMPORT_KINDS = ['customers', 'contacts', 'circuits', 'revenue'] as const
export const EXPORT_FORMATS = ['xlsx', 'csv'] as const
/** The grids that export, each with its list channel's filter and sort (paging is the export's own). */
export const EXPORT_GRIDS = [
  'customers',
  'circuits',
  'agreements',
  'orders',
  'faults',
  'slips',
  'activities',
  'deliveries',
  'followUps',
] as const

export const importStartSchema = z.object({ kind: z.enum(IMPORT_KINDS) })
export const importTokenRefSchema = z.object({ token: z.uuid() })
/** The field each column of the file fills, by column position; null: the column is not imported. */
export const importMappingSchema = z.object({
  token: z.uuid(),
  mapping: z.array(z.string().max(40).nullable()).max(500),
})
export const exportGridSchema = z.object({
  grid: z.enum(EXPORT_GRIDS),
  format: z.enum(EXPORT_FORMATS),
  language: z.enum(LANGUAGES).default('zh-CN'),
  /** The grid's list request as the grid sends it (filters and sort); checked against its own schema. */
  query: z.record(z.string(), z.unknown()).default({}),
})
export const backupSettingsSchema = z.object({
  automatic: z.boolean(),
  keep: z.number('not_a_number').int('not_integer').min(1, 'not_positive').max(365, 'too_large'),
})
export type BackupSettingsInput = z.output<typeof backupSettingsSchema>

// ——— The supervisors' report ———

export { REPORT_SECTIONS } from '../domain/report'

export const REPORT_FORMATS = ['xlsx', 'pdf'] as const
export const REPORT_GROUPINGS = ['branch', 'manager', 'total'] as const
const reportWindow = { from: requiredDate, to: requiredDate }

/**
 * A window of days, inclusive, in order and at most a year long (ending before the same day a year on),
 * so that its figures stay a report and not an archive.
 */
function checkedWindow<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema
    .refine((w) => inOrder(w.from, w.to), { message: 'ends_before_start', path: ['to'] })
    .refine((w) => w.to < `${Number(w.from.slice(0, 4)) + 1}${w.from.slice(4)}`, {
      message: 'window_too_long',
      path: ['to'],
    })
}

/** A quarter (`2026Q3`, as its first and last days) or any range of days. */
export const reportWindowSchema = checkedWindow(z.object(reportWindow))
export type ReportWindowInput = z.output<typeof reportWindowSchema>

/** The records behind one number of the report: a section's measure for a branch, a manager or all. */
export const reportRecordsSchema = checkedWindow(
  z.object({
    ...reportWindow,
    section: z.enum(REPORT_SECTIONS),
    measure: z.string().min(1).max(60),
    grouping: z.enum(REPORT_GROUPINGS),
    /** The branch's or manager's id; null: customers with none. Ignored for the total. */
    key: recordId.nullable(),
  }),
)
export type ReportRecordsInput = z.output<typeof reportRecordsSchema>

export const reportExportSchema = checkedWindow(
  z.object({ ...reportWindow, format: z.enum(REPORT_FORMATS), language: z.enum(LANGUAGES).default('zh-CN') }),
)
export type ReportExportInput = z.output<typeof reportExportSchema>
