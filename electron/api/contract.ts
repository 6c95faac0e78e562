/**
 * The API contract: every channel, its input schema, who may call it and what it returns.
 * A channel that is not here does not exist. The renderer imports types (and, for its forms, the
 * schemas in schemas.ts) from here, never an implementation.
 */
import { z } from 'zod'
import type { FieldError } from './errors'
import type { DayNote } from '../domain/calendar'
import type { SlipWorking } from '../files/documents/slip'
import {
  customerListSchema,
  customerSaveSchema,
  idSchema,
  lookupDeleteSchema,
  lookupSaveSchema,
  operatorSaveSchema,
  prefsSchema,
  recordRefSchema,
  signInSchema,
  tierSaveSchema,
  tierSchemeSchema,
  agreementListSchema,
  agreementSaveSchema,
  availabilitySchema,
  calendarDaySchema,
  calendarYearLoadedSchema,
  calendarYearSchema,
  circuitListSchema,
  circuitSaveSchema,
  faultListSchema,
  faultSaveSchema,
  gradeSaveSchema,
  importTokenSchema,
  orderListSchema,
  orderSaveSchema,
  quoteSchema,
  ruleSaveSchema,
  slaSettingsSchema,
  slipConfirmSchema,
  slipListSchema,
  slipPrintSchema,
  activityListSchema,
  activitySaveSchema,
  churnNoteSchema,
  complianceSummarySchema,
  customerComplianceSchema,
  customerValueSaveSchema,
  followUpSchema,
  planItemResetSchema,
  planItemSaveSchema,
  planQuerySchema,
  revenueSaveSchema,
  standardSaveSchema,
  valueSettingsSchema,
  warningListSchema,
  type ACTIVITY_KINDS,
  type PERIOD_KINDS,
  type AGREEMENT_STATUSES,
  type AgreementTerms,
  type CALENDAR_KINDS,
  type CIRCUIT_STATUSES,
  type FAULT_CAUSES,
  type ORDER_STATUSES,
  type PROVISIONING_CLASSES,
  type SLIP_STATUSES,
  type CONTACT_CLASSES,
  type CUSTOMER_STATUSES,
  type LANGUAGES,
  type MANAGER_LEVELS,
  type ROLES,
  type BUSINESS_KINDS,
  type DAY_COUNTS,
  type DEADLINE_CODES,
  type DEADLINE_STATUSES,
  type FOLLOW_UP_SOURCES,
  type SITE_KINDS,
  deadlineRuleSaveSchema,
  deliveryDocumentSaveSchema,
  deliveryListSchema,
  deliveryPrintSchema,
  deliverySaveSchema,
  deliverySettingsSchema,
  followUpListSchema,
  followUpSaveSchema,
  myDaySchema,
  onTimeSchema,
  type EXPORT_GRIDS,
  type IMPORT_KINDS,
  backupSettingsSchema,
  exportGridSchema,
  importMappingSchema,
  importStartSchema,
  importTokenRefSchema,
  reportExportSchema,
  reportRecordsSchema,
  reportWindowSchema,
} from './schemas'
import type { MeasureKind, ReportSection } from '../domain/report'

/**
 * public: no operator needed (choosing who is working); read: any signed-in operator;
 * write: any operator but a trainer on a real (non-demo) database; supervisor: supervisors only;
 * overseer: supervisors and trainers (who watch every branch), not branch staff.
 */
export type Access = 'public' | 'read' | 'write' | 'supervisor' | 'overseer'

export type Role = (typeof ROLES)[number]
export type ManagerLevel = (typeof MANAGER_LEVELS)[number]
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number]
export type ContactClass = (typeof CONTACT_CLASSES)[number]
export type Language = (typeof LANGUAGES)[number]
export type ProvisioningClass = (typeof PROVISIONING_CLASSES)[number]
export type OrderStatus = (typeof ORDER_STATUSES)[number]
export type CircuitStatus = (typeof CIRCUIT_STATUSES)[number]
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number]
export type SlipStatus = (typeof SLIP_STATUSES)[number]
export type FaultCause = (typeof FAULT_CAUSES)[number]
export type CalendarKind = (typeof CALENDAR_KINDS)[number]
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]
export type PeriodKind = (typeof PERIOD_KINDS)[number]
export type { AgreementTerms }
export type { DayNote, SlipWorking }

export interface Operator {
  id: string
  name: string
  level: ManagerLevel
  role: Role
  branchId: string | null
  branch: string | null
  phone: string | null
  version: number
}

export interface AppInfo {
  databaseFile: string
  isDemo: boolean
  schemaVersion: number
  appVersion: string
  hostName: string
}

export interface Prefs {
  language: Language
  /** null until the operator picks columns: the grid then hides its defaults. */
  hiddenCustomerColumns: string[] | null
}

export interface Labelled {
  id: string
  code: string
  labelZh: string
  labelEn: string
}

export interface TierOption extends Labelled {
  scheme: string
  rank: number
  version: number
}

export interface LookupOption extends Labelled {
  sortOrder: number
  version: number
  /** Retired from the list: kept for the customers that have it, no longer offered in forms. */
  retired: boolean
}

export interface Lookups {
  tierScheme: string
  tierSchemes: string[]
  /** Tiers of every scheme; forms offer the active scheme's. */
  tiers: TierOption[]
  /** Retired entries included (flagged), so that every stored value still has its label. */
  industries: LookupOption[]
  branches: LookupOption[]
  /** Bandwidth products (digital circuit, DDN, ...): an editable list like branches. */
  products: LookupOption[]
  grades: GradeOption[]
  accountManagers: Operator[]
}

export interface GradeOption extends Labelled {
  availabilityPpm: number
  recoveryMinutes: number
  sortOrder: number
  version: number
}

export interface Page<T> {
  rows: T[]
  /** Rows matching the filter, for the grid's scroll bar. */
  total: number
}

export interface ContactRecord {
  id: string
  version: number
  name: string
  position: string | null
  phone: string | null
  email: string | null
  birthday: string | null
  contactClass: ContactClass
  notes: string | null
}

export interface CustomerRecord {
  id: string
  version: number
  code: string
  name: string
  industryId: string | null
  branchId: string | null
  address: string | null
  tierId: string | null
  accountManagerId: string | null
  status: CustomerStatus
  employees: number | null
  annualOutputFen: number | null
  leader: string | null
  ourSubscribers: number | null
  competitorSubscribers: number | null
  monthlyRevenueFen: number | null
  fixedLines: number | null
  broadbandLines: number | null
  groupProducts: string | null
  hasPbx: boolean
  notes: string | null
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

/** One row of the customers grid: the record's listed columns, plus the manager's name and key contact. */
export interface CustomerRow extends Pick<
  CustomerRecord,
  | 'id'
  | 'version'
  | 'code'
  | 'name'
  | 'industryId'
  | 'branchId'
  | 'tierId'
  | 'accountManagerId'
  | 'status'
  | 'employees'
  | 'monthlyRevenueFen'
  | 'ourSubscribers'
  | 'competitorSubscribers'
  | 'leader'
  | 'address'
  | 'updatedAt'
  | 'deletedAt'
> {
  /** The manager's name (names are not translated; list labels are, so the renderer maps those ids). */
  accountManager: string | null
  keyContact: string | null
  keyContactPhone: string | null
}

export interface CustomerFile {
  customer: CustomerRecord
  contacts: ContactRecord[]
}

export interface AuditEntry {
  id: string
  at: string
  operatorName: string
  host: string
  tableName: string
  rowId: string
  action: 'create' | 'update' | 'delete' | 'restore'
  /** The record's name at the time (a contact's name, the customer's name). */
  recordName: string | null
  /** Fields that changed, with their values before and after. */
  changes: { field: string; before: unknown; after: unknown }[]
}

export interface RuleRow {
  id: string
  version: number
  provisioningClass: ProvisioningClass
  productId: string
  limitDays: number
  priceFactorBp: number
  rateBp: number
  capBp: number
}

export interface SlaRules {
  rules: RuleRow[]
  /** An open order this many working days or fewer from its due date is "due soon". */
  dueSoonDays: number
  /** An active agreement ending within this many days is flagged. */
  expiryWarningDays: number
}

export interface CalendarYearSummary {
  year: number
  /** The official notice for the year is entered: dates there are not a guess. */
  loaded: boolean
  source: 'shipped' | 'import' | 'manual' | null
  restDays: number
  workDays: number
}

export interface CalendarDayRecord {
  id: string
  version: number
  date: string
  kind: CalendarKind
  nameZh: string
  nameEn: string
  source: 'shipped' | 'import' | 'manual'
}

export interface CalendarImportPreview {
  /** Names the parsed file kept in the main process until it is committed. */
  token: string
  fileName: string
  years: number[]
  restDays: number
  workDays: number
  newDays: number
  /** Days the file gives another kind than the database holds. */
  changedDays: { date: string; kind: CalendarKind; was: CalendarKind }[]
  /** Lines that could not be read; a file with problems is not imported. */
  problems: { line: number; reason: string; text: string }[]
}

export interface CircuitRecord {
  id: string
  version: number
  customerId: string
  customerName: string
  customerCode: string
  number: string
  productId: string
  bandwidth: string | null
  aEnd: string | null
  zEnd: string | null
  standardFeeFen: number | null
  monthlyFeeFen: number | null
  status: CircuitStatus
  openedOn: string | null
  notes: string | null
  /** The active agreement covering the circuit today, if any. */
  agreementNumber: string | null
}

export interface AgreementRecord {
  id: string
  version: number
  customerId: string
  customerName: string
  number: string
  signedOn: string | null
  validFrom: string
  validTo: string
  status: AgreementStatus
  gradeId: string | null
  terms: AgreementTerms
  availabilityRateBp: number | null
  circuitIds: string[]
  notes: string | null
  /** Days until an active agreement ends (negative once past), null for the others. */
  daysToExpiry: number | null
  expiringSoon: boolean
}

export interface PauseRecord {
  id: string
  version: number
  startOn: string
  endOn: string | null
  reason: string
}

export interface OrderRecord {
  id: string
  version: number
  number: string
  customerId: string
  customerName: string
  circuitId: string
  circuitNumber: string
  agreementId: string | null
  agreementNumber: string | null
  provisioningClass: ProvisioningClass
  productId: string
  acceptedOn: string
  completedOn: string | null
  standardFeeFen: number | null
  limitDays: number
  priceFactorBp: number
  rateBp: number
  capBp: number
  dueOn: string
  status: OrderStatus
  pausedWorkingDays: number
  lateWorkingDays: number
  chargedFeeFen: number | null
  compensationFen: number
  notes: string | null
  slipId: string | null
  slipNumber: string | null
  slipStatus: SlipStatus | null
}

/** How an order's figures were reached: the days skipped and counted, and any year that is a guess. */
export interface OrderWorking {
  dueNotes: DayNote[]
  lateNotes: DayNote[]
  calendarWarnings: number[]
  capFen: number | null
  capped: boolean
}

export interface OrderDetail {
  order: OrderRecord
  pauses: PauseRecord[]
  working: OrderWorking
}

export interface QuoteResult extends OrderWorking {
  limitDays: number
  priceFactorBp: number
  rateBp: number
  capBp: number
  dueOn: string
  /** met or missed when a completion date was given. */
  status: 'met' | 'missed' | null
  pausedWorkingDays: number
  lateWorkingDays: number
  chargedFeeFen: number | null
  compensationFen: number
}

export interface FaultRecord {
  id: string
  version: number
  number: string
  customerId: string
  customerName: string
  circuitId: string
  circuitNumber: string
  reportedAt: string
  restoredAt: string | null
  cause: FaultCause
  description: string | null
  recoveryMinutes: number
  /** The covering agreement's grade target; null when no agreement with a grade covers the circuit. */
  targetMinutes: number | null
  metTarget: boolean | null
}

export interface AvailabilityRow {
  circuitId: string
  circuitNumber: string
  customerId: string
  customerName: string
  gradeId: string | null
  targetPpm: number | null
  period: string
  periodMinutes: number
  faultMinutes: number
  excludedMinutes: number
  availabilityPpm: number
  met: boolean | null
}

export interface SlipRecord {
  id: string
  version: number
  number: string
  kind: 'provisioning' | 'availability'
  customerId: string
  customerName: string
  circuitId: string
  circuitNumber: string
  orderId: string | null
  orderNumber: string | null
  agreementId: string | null
  agreementNumber: string | null
  period: string | null
  amountFen: number
  working: SlipWorking
  status: SlipStatus
  responsibleUnit: string | null
  confirmedAt: string | null
  confirmedBy: string | null
  paidAt: string | null
  paidBy: string | null
  notes: string | null
  createdAt: string
}

export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number]
export type DayCount = (typeof DAY_COUNTS)[number]
export type DeadlineCode = (typeof DEADLINE_CODES)[number]
export type SiteKind = (typeof SITE_KINDS)[number]
export type BusinessKind = (typeof BUSINESS_KINDS)[number]
export type FollowUpSource = (typeof FOLLOW_UP_SOURCES)[number]

export interface DeadlineRuleRecord {
  id: string
  version: number
  code: DeadlineCode
  days: number
  dayCount: DayCount
}

/** Which delivery packs hold a document: by customer site (HQ or branch) and first or added business. */
export interface PackMembership {
  hqFirst: boolean
  hqAdded: boolean
  branchFirst: boolean
  branchAdded: boolean
}

export interface DeliveryDocumentRecord {
  id: string
  version: number
  code: string
  nameZh: string
  nameEn: string
  /** The printed form the app makes for it; null: handed over as it is (a booklet). */
  form: 'letter' | 'delivery_list' | 'warranty_card' | null
  packs: PackMembership
  sortOrder: number
}

export interface DeliveryRules {
  rules: DeadlineRuleRecord[]
  documents: DeliveryDocumentRecord[]
  /** The department printed on documents, in Chinese and in English. */
  issuerName: string
  issuerNameEn: string
  faultHotline: string
  accountHotline: string | null
}

/** One document of a delivery's pack, as resolved when the delivery was made, and whether it was handed over. */
export interface PackItem {
  documentId: string
  code: string
  nameZh: string
  nameEn: string
  form: DeliveryDocumentRecord['form']
  handedOver: boolean
}

/** The customer's account manager and branch: whose record it is, for My day and its drill-downs. */
interface Owned {
  accountManagerId: string | null
  accountManagerName: string | null
  branchId: string | null
}

export interface DeliveryRecord extends Owned {
  id: string
  version: number
  number: string
  customerId: string
  customerName: string
  orderId: string
  orderNumber: string
  circuitId: string
  circuitNumber: string
  productNameZh: string
  productNameEn: string
  bandwidth: string | null
  openedOn: string
  siteKind: SiteKind
  businessKind: BusinessKind
  dueDays: number
  dayCount: DayCount
  dueOn: string
  status: DeadlineStatus
  deliveredOn: string | null
  deliveredBy: string | null
  deliveredByName: string | null
  receiverContactId: string | null
  receiverName: string | null
  pack: PackItem[]
  billedCircuitNumber: string | null
  billedOpenedOn: string | null
  billedMonthlyFeeFen: number | null
  billedOneTimeFeeFen: number | null
  billingConfirmed: boolean
  notes: string | null
}

export interface FollowUpRecord extends Owned {
  id: string
  version: number
  number: string
  customerId: string
  customerName: string
  circuitId: string
  circuitNumber: string
  source: FollowUpSource
  orderId: string | null
  orderNumber: string | null
  faultId: string | null
  faultNumber: string | null
  /** The opening or repair date the deadline counts from. */
  triggerOn: string
  dueDays: number
  dayCount: DayCount
  dueOn: string
  status: DeadlineStatus
  doneOn: string | null
  doneBy: string | null
  doneByName: string | null
  contactId: string | null
  contactName: string | null
  contactPhone: string | null
  result: string | null
  satisfaction: number | null
  issues: string | null
  issueOwnerId: string | null
  issueOwnerName: string | null
  issueClosedOn: string | null
  issueClosure: string | null
  notes: string | null
}

/** Done on time against the 100 % standard, over the records whose deadline falls in a window. */
export interface OnTimeFigure {
  from: string
  to: string
  /** Records done, or whose deadline has passed: the ones the standard holds to. */
  counted: number
  onTime: number
  /** Basis points; null when nothing is counted yet. */
  shareBp: number | null
}

export const MY_DAY_MEASURES = [
  'deliveriesDue',
  'deliveriesOverdue',
  'followUpsDue',
  'followUpsOverdue',
  'issuesOpen',
  'ordersDueSoon',
  'ordersLate',
  'agreementsExpiring',
] as const
export type MyDayMeasure = (typeof MY_DAY_MEASURES)[number]
export type MyDayCounts = Record<MyDayMeasure, number>

/** One branch's or account manager's counts (names come from the lookups). */
export interface MyDayRow {
  /** null: customers with no branch (or no account manager) assigned. */
  id: string | null
  counts: MyDayCounts
}

export interface MyDay {
  today: string
  counts: MyDayCounts
  /** Supervisors (and trainers, who demo it) see the same counts per branch and account manager. */
  byBranch: MyDayRow[] | null
  byManager: MyDayRow[] | null
}

export type ImportKind = (typeof IMPORT_KINDS)[number]
export type ExportGrid = (typeof EXPORT_GRIDS)[number]

/** Why a row of an imported file was rejected: a field (or null for the row) and an i18n key under `validation.`. */
export type ImportReason = FieldError

export interface ImportCounts {
  /** Data rows read (after the header; blank rows included). */
  read: number
  imported: number
  updated: number
  unchanged: number
  skippedBlank: number
  rejected: number
}

export interface ImportPreview {
  token: string
  kind: ImportKind
  fileName: string
  sheetName: string | null
  /** The text encoding of a CSV file (utf-8, utf-8-bom, gb18030); null for XLSX. */
  encoding: string | null
  /** The header's row number in the file (title rows above it are skipped). */
  headerRow: number
  /** Each column of the file, its header as written, and the field it fills (null: not imported). */
  columns: { index: number; header: string; field: string | null }[]
  /** The kind's fields, required first. */
  fields: { key: string; required: boolean }[]
  /** The mapping came from the last confirmed file of the same layout. */
  mappingRemembered: boolean
  counts: ImportCounts
  /** Rejected rows with their reasons (the first 1,000; `counts.rejected` has them all). */
  rejected: { row: number; reasons: ImportReason[] }[]
  /** The first rows as they would be written, for a look before committing. */
  sample: {
    row: number
    action: 'new' | 'update' | 'unchanged'
    values: Record<string, string | number | null>
  }[]
}

export interface ImportResult extends ImportCounts {
  /** Every rejected row, by its row number in the file. */
  rejectedRows: { row: number; reasons: ImportReason[] }[]
}

/** A commit under way: `done` of `total` steps, each row counting once when checked and once when written. */
export interface ImportProgress {
  phase: 'reading' | 'writing' | 'done' | 'cancelled' | 'failed'
  done: number
  total: number
}

export interface BackupInfo {
  /** Where the automatic backups go. */
  folder: string
  automatic: boolean
  /** How many daily backups are kept. */
  keep: number
  /** The newest automatic backup (a backup taken by hand goes where the operator chose). */
  last: { file: string; at: string } | null
}

export interface RestoreResult {
  restoredFrom: string
  /** The copy of the file as it was before the restore. */
  safetyCopy: string
  schemaVersion: number
}

/** A document written by the main process where the operator chose. */
export type { MeasureKind, ReportSection } from '../domain/report'

/** A column of a report section; `drill`: the measure whose records its number opens. */
export interface ReportMeasure {
  key: string
  kind: MeasureKind
  drill: string
}

export interface ReportRow {
  /** The branch's or account manager's id; null: customers with none assigned. */
  key: string | null
  values: Record<string, number | null>
}

export interface ReportTable {
  section: ReportSection
  measures: ReportMeasure[]
  /**
   * Branches in their list's order, managers by name, none assigned last; the rows add up to the total
   * (shares are worked out per row, not added).
   */
  byBranch: ReportRow[]
  byManager: ReportRow[]
  total: Record<string, number | null>
}

export interface Report {
  from: string
  to: string
  /** `2026Q3` when the window is exactly a quarter. */
  quarter: string | null
  /** The desk's date the report was made on: open work is judged as of this day. */
  asOf: string
  sections: ReportTable[]
}

/** One record behind a number of the report, with the customer's page tab that shows it. */
export interface ReportRecord {
  id: string
  customerId: string
  customerCode: string
  customerName: string
  tab: string
  /** The record's own number (order, slip, circuit, delivery...) or the customer's code. */
  reference: string
  date: string | null
  /** The record's status or kind, as its code. */
  status: string | null
  /** The record's own figure, in the section's drill kind (an amount, an availability, a share). */
  figure: number | null
}

export interface ReportRecords {
  figureKind: MeasureKind | null
  rows: ReportRecord[]
  /** All the records behind the number; `rows` holds at most the first 2,000. */
  total: number
}

export interface ReportProgress {
  stage: 'figures' | 'charts' | 'writing'
  done: number
  total: number
}

export interface SavedDocument {
  /** Opens the file through `files.open`; the renderer never holds a path. */
  handle: string
  fileName: string
}

export interface ServiceItemRecord {
  id: string
  version: number
  code: string
  itemClass: 'basic' | 'value_added' | 'extended'
  audience: 'organisation' | 'contact'
  nameZh: string
  nameEn: string
  activityKind: string
  sortOrder: number
}

export interface StandardRecord {
  id: string
  version: number
  itemId: string
  tierId: string
  provided: boolean
  frequency: number | null
  period: PeriodKind | null
  responseHours: number | null
  degreeZh: string | null
  degreeEn: string | null
  /** Contact classes covered, comma-separated. */
  coverage: string | null
}

/** The tier × item matrix: the items in order, and one standard per item and tier. */
export interface StandardsMatrix {
  items: ServiceItemRecord[]
  standards: StandardRecord[]
}

export interface PlanItemRecord {
  itemId: string
  provided: boolean
  frequency: number | null
  period: PeriodKind | null
  /** The customer's own setting, kept when the tier changes. */
  overridden: boolean
  note: string | null
  planItemId: string | null
  version: number | null
}

export interface ServicePlan {
  customerId: string
  year: number
  tierId: string | null
  /** Whether the customer has anything of its own in it yet. */
  stored: boolean
  items: PlanItemRecord[]
}

export interface ActivityRecord {
  id: string
  version: number
  customerId: string
  customerName: string
  itemId: string | null
  kind: string
  occurredOn: string
  staffId: string | null
  staffName: string | null
  contactIds: string[]
  notes: string | null
  createdAt: string
}

export interface DatePeriodRecord {
  kind: PeriodKind
  key: string
  start: string
  end: string
}

export interface OverdueRecord {
  itemId: string
  periodKey: string
  end: string
  done: number
  wanted: number
}

export interface ComplianceFigureRecord {
  target: number
  done: number
  /** done / target in basis points; null when nothing fell due. */
  shareBp: number | null
  overdue: OverdueRecord[]
}

export interface CustomerCompliance extends ComplianceFigureRecord {
  window: DatePeriodRecord
  items: (ComplianceFigureRecord & { itemId: string })[]
}

export interface ComplianceRow {
  /** Customer, account manager or branch id; null for customers with no manager or branch. */
  key: string | null
  label: string | null
  customers: number
  target: number
  done: number
  shareBp: number | null
  overdue: number
}

export interface RevenueRecord {
  id: string
  version: number
  customerId: string
  month: string
  revenueFen: number
}

export interface ChurnWarningRecord {
  id: string
  version: number
  customerId: string
  customerName: string
  accountManagerId: string | null
  accountManagerName: string | null
  source: 'revenue_drop' | 'crisis' | 'cancellation'
  month: string | null
  raisedOn: string
  /** For a revenue drop: the month's revenue, the trailing average and the drop. */
  detail: { revenueFen?: number; averageFen?: number; dropBp?: number }
  note: string | null
  handledOn: string | null
  handledBy: string | null
  followUp: string | null
}

export interface ValueSettingsRecord {
  weights: { currentBp: number; potentialBp: number; intangibleBp: number }
  fullCurrentFen: number
  thresholds: { rank: number; minScore: number }[]
  equivalentBusiness: number
  equivalentPublic: number
  churnShareBp: number
}

export interface CustomerValueRecord {
  customerId: string
  id: string | null
  version: number | null
  additionalFen: number
  intangibleScore: number
  note: string | null
  inputs: {
    directFen: number
    additionalFen: number
    employees: number | null
    ourSubscribers: number | null
    productsTaken: number
    productsOffered: number
    intangibleScore: number
  }
  current: number
  potential: number
  intangible: number
  score: number
  suggestedRank: number
  suggestedTierId: string | null
  assignedTierId: string | null
  /** The assigned tier is not the one the score suggests. */
  differs: boolean
  equivalentBusiness: number
  equivalentPublic: number
}

interface ChannelSpec<I extends z.ZodType, O> {
  input: I
  access: Access
  /** Phantom: carries the output type, never read at run time. */
  output?: O
}

function channel<I extends z.ZodType>(input: I, access: Access) {
  return { returns: <O>(): ChannelSpec<I, O> => ({ input, access }) }
}

const none = z.object({}).strict().optional()

export const contract = {
  'app.info': channel(none, 'public').returns<AppInfo>(),
  'prefs.get': channel(none, 'public').returns<Prefs>(),
  'prefs.set': channel(prefsSchema, 'public').returns<Prefs>(),

  'session.get': channel(none, 'public').returns<{ operator: Operator | null }>(),
  'session.signIn': channel(signInSchema, 'public').returns<Operator>(),
  'session.signOut': channel(none, 'public').returns<null>(),
  'operators.list': channel(none, 'public').returns<Operator[]>(),
  /** Anyone may add themselves as staff or trainer; a supervisor needs a supervisor (or is the first). */
  'operators.register': channel(operatorSaveSchema, 'public').returns<Operator>(),
  'operators.save': channel(operatorSaveSchema, 'supervisor').returns<Operator>(),

  'database.openDemo': channel(none, 'public').returns<AppInfo>(),
  'database.openDefault': channel(none, 'public').returns<AppInfo>(),

  // Public: the sign-in screen offers branches to a new operator; the lists hold nothing secret.
  'lookups.get': channel(none, 'public').returns<Lookups>(),
  'settings.setTierScheme': channel(tierSchemeSchema, 'supervisor').returns<Lookups>(),
  'settings.saveTier': channel(tierSaveSchema, 'supervisor').returns<Lookups>(),
  'settings.saveLookup': channel(lookupSaveSchema, 'supervisor').returns<Lookups>(),
  'settings.deleteLookup': channel(lookupDeleteSchema, 'supervisor').returns<Lookups>(),

  'customers.list': channel(customerListSchema, 'read').returns<Page<CustomerRow>>(),
  'customers.get': channel(idSchema, 'read').returns<CustomerFile>(),
  'customers.save': channel(customerSaveSchema, 'write').returns<CustomerFile>(),
  'customers.delete': channel(recordRefSchema, 'write').returns<CustomerFile>(),
  'customers.restore': channel(recordRefSchema, 'write').returns<CustomerFile>(),
  'customers.history': channel(idSchema, 'read').returns<AuditEntry[]>(),

  'sla.rules': channel(none, 'read').returns<SlaRules>(),
  'sla.ruleHistory': channel(none, 'read').returns<AuditEntry[]>(),
  'sla.saveRule': channel(ruleSaveSchema, 'supervisor').returns<SlaRules>(),
  'sla.saveSettings': channel(slaSettingsSchema, 'supervisor').returns<SlaRules>(),
  'sla.saveGrade': channel(gradeSaveSchema, 'supervisor').returns<Lookups>(),
  'sla.quote': channel(quoteSchema, 'read').returns<QuoteResult>(),

  'calendar.years': channel(none, 'read').returns<CalendarYearSummary[]>(),
  'calendar.days': channel(calendarYearSchema, 'read').returns<CalendarDayRecord[]>(),
  'calendar.saveDay': channel(calendarDaySchema, 'supervisor').returns<CalendarYearSummary[]>(),
  'calendar.deleteDay': channel(calendarDaySchema.pick({ date: true }), 'supervisor').returns<
    CalendarYearSummary[]
  >(),
  'calendar.setYearLoaded': channel(calendarYearLoadedSchema, 'supervisor').returns<CalendarYearSummary[]>(),
  /** Asks for an .ics or CSV file and reads it; nothing is written until the preview is committed. */
  'calendar.previewImport': channel(none, 'supervisor').returns<CalendarImportPreview | null>(),
  'calendar.commitImport': channel(importTokenSchema, 'supervisor').returns<CalendarYearSummary[]>(),

  'circuits.list': channel(circuitListSchema, 'read').returns<Page<CircuitRecord>>(),
  'circuits.save': channel(circuitSaveSchema, 'write').returns<CircuitRecord>(),
  'circuits.delete': channel(recordRefSchema, 'write').returns<null>(),

  'agreements.list': channel(agreementListSchema, 'read').returns<Page<AgreementRecord>>(),
  'agreements.save': channel(agreementSaveSchema, 'write').returns<AgreementRecord>(),
  'agreements.delete': channel(recordRefSchema, 'write').returns<null>(),

  'orders.list': channel(orderListSchema, 'read').returns<Page<OrderRecord>>(),
  'orders.get': channel(idSchema, 'read').returns<OrderDetail>(),
  'orders.save': channel(orderSaveSchema, 'write').returns<OrderDetail>(),
  'orders.delete': channel(recordRefSchema, 'write').returns<null>(),

  'faults.list': channel(faultListSchema, 'read').returns<Page<FaultRecord>>(),
  'faults.save': channel(faultSaveSchema, 'write').returns<FaultRecord>(),
  'faults.delete': channel(recordRefSchema, 'write').returns<null>(),
  'faults.availability': channel(availabilitySchema, 'read').returns<AvailabilityRow[]>(),

  'slips.list': channel(slipListSchema, 'read').returns<Page<SlipRecord>>(),
  'slips.get': channel(idSchema, 'read').returns<SlipRecord>(),
  /** The customer has confirmed the slip: a supervisor records it, with the unit responsible. */
  'slips.confirm': channel(slipConfirmSchema, 'supervisor').returns<SlipRecord>(),
  'slips.pay': channel(recordRefSchema, 'supervisor').returns<SlipRecord>(),
  'slips.void': channel(recordRefSchema, 'supervisor').returns<SlipRecord>(),
  /** Prints the slip as an A4 PDF where the operator chooses; null when the dialog is cancelled. */
  'slips.print': channel(slipPrintSchema, 'read').returns<SavedDocument | null>(),
  'files.open': channel(z.object({ handle: z.uuid() }), 'read').returns<null>(),

  'standards.get': channel(none, 'read').returns<StandardsMatrix>(),
  'standards.save': channel(standardSaveSchema, 'supervisor').returns<StandardsMatrix>(),
  /** The matrix as an A4 landscape PDF, where the operator chooses; null when cancelled. */
  'standards.print': channel(
    z.object({ language: z.enum(['zh-CN', 'en']).default('zh-CN') }),
    'read',
  ).returns<SavedDocument | null>(),
  'plans.get': channel(planQuerySchema, 'read').returns<ServicePlan>(),
  'plans.saveItem': channel(planItemSaveSchema, 'write').returns<ServicePlan>(),
  'plans.resetItem': channel(planItemResetSchema, 'write').returns<ServicePlan>(),
  'activities.list': channel(activityListSchema, 'read').returns<Page<ActivityRecord>>(),
  'activities.save': channel(activitySaveSchema, 'write').returns<ActivityRecord>(),
  'activities.delete': channel(recordRefSchema, 'write').returns<null>(),
  'compliance.customer': channel(customerComplianceSchema, 'read').returns<CustomerCompliance>(),
  'compliance.summary': channel(complianceSummarySchema, 'read').returns<ComplianceRow[]>(),
  'revenue.list': channel(idSchema, 'read').returns<RevenueRecord[]>(),
  'revenue.save': channel(revenueSaveSchema, 'write').returns<RevenueRecord[]>(),
  'churn.list': channel(warningListSchema, 'read').returns<ChurnWarningRecord[]>(),
  'churn.addNote': channel(churnNoteSchema, 'write').returns<ChurnWarningRecord[]>(),
  'churn.followUp': channel(followUpSchema, 'write').returns<ChurnWarningRecord>(),
  'value.get': channel(idSchema, 'read').returns<CustomerValueRecord>(),
  'value.save': channel(customerValueSaveSchema, 'write').returns<CustomerValueRecord>(),
  'value.settings': channel(none, 'read').returns<ValueSettingsRecord>(),
  'value.saveSettings': channel(valueSettingsSchema, 'supervisor').returns<ValueSettingsRecord>(),

  'delivery.rules': channel(none, 'read').returns<DeliveryRules>(),
  'delivery.saveRule': channel(deadlineRuleSaveSchema, 'supervisor').returns<DeliveryRules>(),
  'delivery.saveDocument': channel(deliveryDocumentSaveSchema, 'supervisor').returns<DeliveryRules>(),
  'delivery.saveSettings': channel(deliverySettingsSchema, 'supervisor').returns<DeliveryRules>(),
  'deliveries.list': channel(deliveryListSchema, 'read').returns<Page<DeliveryRecord>>(),
  'deliveries.get': channel(idSchema, 'read').returns<DeliveryRecord>(),
  'deliveries.save': channel(deliverySaveSchema, 'write').returns<DeliveryRecord>(),
  /** The delivery document (letter, delivery list, warranty card) as an A4 PDF; null when cancelled. */
  'deliveries.print': channel(deliveryPrintSchema, 'read').returns<SavedDocument | null>(),
  'deliveries.onTime': channel(onTimeSchema, 'read').returns<OnTimeFigure>(),
  'followUps.list': channel(followUpListSchema, 'read').returns<Page<FollowUpRecord>>(),
  'followUps.get': channel(idSchema, 'read').returns<FollowUpRecord>(),
  'followUps.save': channel(followUpSaveSchema, 'write').returns<FollowUpRecord>(),
  'followUps.onTime': channel(onTimeSchema, 'read').returns<OnTimeFigure>(),
  'myDay.get': channel(myDaySchema, 'read').returns<MyDay>(),

  /** Asks for a CSV or XLSX file, reads it and checks every row; nothing is written until committed. */
  'import.preview': channel(importStartSchema, 'write').returns<ImportPreview | null>(),
  /** The operator's corrected column mapping: every row is checked again. */
  'import.remap': channel(importMappingSchema, 'write').returns<ImportPreview>(),
  /** Writes the accepted rows in one transaction (all or nothing); remembers the mapping. */
  'import.commit': channel(importTokenRefSchema, 'write').returns<ImportResult>(),
  'import.progress': channel(importTokenRefSchema, 'read').returns<ImportProgress>(),
  /** Stops a commit under way: its transaction is rolled back, nothing is written. */
  'import.cancel': channel(importTokenRefSchema, 'write').returns<null>(),
  /** The rejected rows with their reasons, as a file to fix and import again. */
  'import.saveRejected': channel(importTokenRefSchema, 'read').returns<SavedDocument | null>(),
  /** A grid with its current filter and sort, as XLSX or CSV where the operator chooses. */
  'export.grid': channel(exportGridSchema, 'read').returns<SavedDocument | null>(),
  'backup.info': channel(none, 'read').returns<BackupInfo>(),
  /** A backup (SQLite's online backup) where the operator chooses. */
  'backup.now': channel(none, 'supervisor').returns<SavedDocument | null>(),
  'backup.saveSettings': channel(backupSettingsSchema, 'supervisor').returns<BackupInfo>(),
  /** Asks for a backup, checks it, backs up the current file, then puts the backup in its place. */
  'backup.restore': channel(none, 'supervisor').returns<RestoreResult | null>(),

  'report.get': channel(reportWindowSchema, 'overseer').returns<Report>(),
  'report.records': channel(reportRecordsSchema, 'overseer').returns<ReportRecords>(),
  /** Writes the report as XLSX or PDF where the operator chooses; null when the dialog is cancelled. */
  'report.export': channel(reportExportSchema, 'overseer').returns<SavedDocument | null>(),
  /** How far the export under way has got; null when none is running. */
  'report.progress': channel(none, 'overseer').returns<ReportProgress | null>(),
  /** Stops the export under way; no file is left behind. */
  'report.cancel': channel(none, 'overseer').returns<null>(),
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>
export type OutputOf<C extends Channel> = Exclude<Contract[C]['output'], undefined>

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}
