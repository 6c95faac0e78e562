/**
 * Kysely table types (camelCase here; CamelCasePlugin maps them to the snake_case columns): one interface per table, joined in `Database`.
 * Conventions: ids are UUIDv7 text; money is integer fen; dates `YYYY-MM-DD`; instants ISO-8601 UTC;
 * booleans are 0/1 integers (portable to PostgreSQL through the dialect layer later).
 */
import type { Generated, Selectable } from 'kysely'

/** Columns every business record carries: global id, optimistic-lock version, soft delete, stamps. */
export interface RecordColumns {
  id: string
  version: Generated<number>
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

export interface SettingTable {
  key: string
  valueJson: string
}

export interface AuditLogTable {
  id: string
  at: string
  operatorId: string | null
  operatorName: string
  host: string
  tableName: string
  rowId: string
  action: 'create' | 'update' | 'delete' | 'restore'
  beforeJson: string | null
  afterJson: string | null
}

export interface TierTable extends RecordColumns {
  scheme: string
  code: string
  labelZh: string
  labelEn: string
  rank: number
}

/** Industry (行业) and branch (所属区县) lists share one shape. */
export interface LookupTable extends RecordColumns {
  code: string
  nameZh: string
  nameEn: string
  sortOrder: number
}

export interface AccountManagerTable extends RecordColumns {
  name: string
  level: string
  branchId: string | null
  phone: string | null
  role: 'staff' | 'supervisor' | 'trainer'
  /** scrypt hash with its salt; only supervisors have one. */
  passwordHash: string | null
}

export interface CustomerTable extends RecordColumns {
  code: string
  name: string
  industryId: string | null
  branchId: string | null
  address: string | null
  tierId: string | null
  accountManagerId: string | null
  status: 'active' | 'at_risk' | 'lost'
  employees: number | null
  annualOutputFen: number | null
  leader: string | null
  ourSubscribers: number | null
  competitorSubscribers: number | null
  monthlyRevenueFen: number | null
  fixedLines: number | null
  broadbandLines: number | null
  groupProducts: string | null
  hasPbx: number
  notes: string | null
  /** Lower-cased code, name, contact names and phones: what quick search matches. */
  searchText: string
}

export interface ContactTable extends RecordColumns {
  customerId: string
  name: string
  position: string | null
  phone: string | null
  email: string | null
  birthday: string | null
  contactClass: 'core' | 'important' | 'ordinary'
  notes: string | null
}

export interface CalendarYearTable {
  year: number
  source: 'shipped' | 'import' | 'manual'
  loadedAt: string
}

export interface CalendarDayTable extends RecordColumns {
  date: string
  kind: 'rest' | 'work'
  nameZh: string
  nameEn: string
  source: 'shipped' | 'import' | 'manual'
}

export interface QualityGradeTable extends RecordColumns {
  code: string
  nameZh: string
  nameEn: string
  availabilityPpm: number
  recoveryMinutes: number
  sortOrder: number
}

export type ProvisioningClass = 'urgent' | 'expedited' | 'normal'

export interface ProvisioningRuleTable extends RecordColumns {
  provisioningClass: ProvisioningClass
  productId: string
  limitDays: number
  priceFactorBp: number
  rateBp: number
  capBp: number
}

export interface CircuitTable extends RecordColumns {
  customerId: string
  number: string
  productId: string
  bandwidth: string | null
  aEnd: string | null
  zEnd: string | null
  standardFeeFen: number | null
  monthlyFeeFen: number | null
  status: 'provisioning' | 'active' | 'suspended' | 'ceased'
  openedOn: string | null
  notes: string | null
}

export interface SlaAgreementTable extends RecordColumns {
  customerId: string
  number: string
  signedOn: string | null
  validFrom: string
  validTo: string
  status: 'draft' | 'active' | 'expired' | 'terminated'
  gradeId: string | null
  /** The agreement's own provisioning terms per class (see AgreementTerms in the contract). */
  termsJson: string
  availabilityRateBp: number | null
  notes: string | null
}

export interface AgreementCircuitTable {
  agreementId: string
  circuitId: string
}

export interface ProvisioningOrderTable extends RecordColumns {
  number: string
  customerId: string
  circuitId: string
  agreementId: string | null
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
  status: 'on_track' | 'due_soon' | 'late' | 'met' | 'missed'
  pausedWorkingDays: number
  lateWorkingDays: number
  chargedFeeFen: number | null
  compensationFen: number
  notes: string | null
}

export interface OrderPauseTable extends RecordColumns {
  orderId: string
  startOn: string
  endOn: string | null
  reason: string
}

export interface FaultTable extends RecordColumns {
  number: string
  customerId: string
  circuitId: string
  reportedAt: string
  restoredAt: string | null
  cause: 'operator' | 'customer' | 'planned'
  description: string | null
  reportedOn: string
}

export interface CompensationSlipTable extends RecordColumns {
  number: string
  kind: 'provisioning' | 'availability'
  customerId: string
  circuitId: string
  orderId: string | null
  agreementId: string | null
  /** The month (`YYYY-MM`) of an availability slip. */
  period: string | null
  amountFen: number
  workingJson: string
  status: 'draft' | 'confirmed' | 'paid' | 'void'
  responsibleUnit: string | null
  confirmedAt: string | null
  confirmedBy: string | null
  paidAt: string | null
  paidBy: string | null
  voidedBy: string | null
  notes: string | null
}

export type PeriodKind = 'ten_days' | 'month' | 'quarter' | 'year'

export interface ServiceItemTable extends RecordColumns {
  code: string
  itemClass: 'basic' | 'value_added' | 'extended'
  audience: 'organisation' | 'contact'
  nameZh: string
  nameEn: string
  /** The kind of activity (visit, call, ...) that counts as doing this item. */
  activityKind: string
  sortOrder: number
}

export interface ServiceStandardTable extends RecordColumns {
  itemId: string
  tierId: string
  provided: number
  frequency: number | null
  period: PeriodKind | null
  responseHours: number | null
  degreeZh: string | null
  degreeEn: string | null
  /** Contact classes covered, comma-separated (contact items). */
  coverage: string | null
}

export interface ServicePlanTable extends RecordColumns {
  customerId: string
  year: number
  tierId: string | null
}

export interface PlanItemTable extends RecordColumns {
  planId: string
  itemId: string
  provided: number
  frequency: number | null
  period: PeriodKind | null
  /** Set by hand for this customer: kept when the plan is made again from a new tier. */
  overridden: number
  note: string | null
}

export interface ActivityTable extends RecordColumns {
  customerId: string
  itemId: string | null
  kind: string
  occurredOn: string
  staffId: string | null
  contactIds: string
  notes: string | null
}

export interface MonthlyRevenueTable extends RecordColumns {
  customerId: string
  month: string
  revenueFen: number
}

export interface ChurnWarningTable extends RecordColumns {
  customerId: string
  source: 'revenue_drop' | 'crisis' | 'cancellation'
  month: string | null
  raisedOn: string
  detailJson: string
  note: string | null
  handledOn: string | null
  handledBy: string | null
  followUp: string | null
}

export interface CustomerValueTable extends RecordColumns {
  customerId: string
  additionalFen: number
  intangibleScore: number
  note: string | null
}

export type DeadlineCode = 'delivery' | 'follow_up_opening' | 'follow_up_repair'
export type DayCount = 'working' | 'calendar'

export interface DeadlineRuleTable extends RecordColumns {
  code: DeadlineCode
  days: number
  dayCount: DayCount
}

export interface DeliveryDocumentTable extends RecordColumns {
  code: string
  nameZh: string
  nameEn: string
  /** The printed form the app makes for it; null: a document handed over as it is (a booklet). */
  form: 'letter' | 'delivery_list' | 'warranty_card' | null
  inHqFirst: number
  inHqAdded: number
  inBranchFirst: number
  inBranchAdded: number
  sortOrder: number
}

export interface DeliveryTable extends RecordColumns {
  number: string
  customerId: string
  orderId: string
  circuitId: string
  openedOn: string
  siteKind: 'hq' | 'branch'
  businessKind: 'first' | 'added'
  dueDays: number
  dayCount: DayCount
  dueOn: string
  deliveredOn: string | null
  deliveredBy: string | null
  receiverContactId: string | null
  /** The pack as it was resolved, each document with whether it was handed over. */
  packJson: string
  billedCircuitNumber: string | null
  billedOpenedOn: string | null
  billedMonthlyFeeFen: number | null
  billedOneTimeFeeFen: number | null
  billingConfirmed: number
  notes: string | null
}

export interface FollowUpTable extends RecordColumns {
  number: string
  customerId: string
  circuitId: string
  source: 'opening' | 'repair'
  orderId: string | null
  faultId: string | null
  triggerOn: string
  dueDays: number
  dayCount: DayCount
  dueOn: string
  doneOn: string | null
  doneBy: string | null
  contactId: string | null
  result: string | null
  satisfaction: number | null
  issues: string | null
  issueOwnerId: string | null
  issueClosedOn: string | null
  issueClosure: string | null
  notes: string | null
}

export interface Database {
  setting: SettingTable
  auditLog: AuditLogTable
  tier: TierTable
  industry: LookupTable
  branch: LookupTable
  accountManager: AccountManagerTable
  customer: CustomerTable
  contact: ContactTable
  calendarYear: CalendarYearTable
  calendarDay: CalendarDayTable
  product: LookupTable
  qualityGrade: QualityGradeTable
  provisioningRule: ProvisioningRuleTable
  circuit: CircuitTable
  slaAgreement: SlaAgreementTable
  agreementCircuit: AgreementCircuitTable
  provisioningOrder: ProvisioningOrderTable
  orderPause: OrderPauseTable
  fault: FaultTable
  compensationSlip: CompensationSlipTable
  serviceItem: ServiceItemTable
  serviceStandard: ServiceStandardTable
  servicePlan: ServicePlanTable
  planItem: PlanItemTable
  activity: ActivityTable
  monthlyRevenue: MonthlyRevenueTable
  churnWarning: ChurnWarningTable
  customerValue: CustomerValueTable
  deadlineRule: DeadlineRuleTable
  deliveryDocument: DeliveryDocumentTable
  delivery: DeliveryTable
  followUp: FollowUpTable
}

export type Customer = Selectable<CustomerTable>
export type Contact = Selectable<ContactTable>
export type Tier = Selectable<TierTable>
export type Lookup = Selectable<LookupTable>
export type Circuit = Selectable<CircuitTable>
export type SlaAgreement = Selectable<SlaAgreementTable>
export type ProvisioningOrder = Selectable<ProvisioningOrderTable>
export type Fault = Selectable<FaultTable>
export type CompensationSlip = Selectable<CompensationSlipTable>
