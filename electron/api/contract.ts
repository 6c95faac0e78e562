/**
 * The API contract: every channel, its input schema, who may call it and what it returns.
 * A channel that is not here does not exist. The renderer imports types (and, for its forms, the
 * schemas in schemas.ts) from here, never an implementation.
 */
import { z } from 'zod'
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
  type CONTACT_CLASSES,
  type CUSTOMER_STATUSES,
  type LANGUAGES,
  type MANAGER_LEVELS,
  type ROLES,
} from './schemas'

/**
 * public: no operator needed (choosing who is working); read: any signed-in operator;
 * write: any operator but a trainer on a real (non-demo) database; supervisor: supervisors only.
 */
export type Access = 'public' | 'read' | 'write' | 'supervisor'

export type Role = (typeof ROLES)[number]
export type ManagerLevel = (typeof MANAGER_LEVELS)[number]
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number]
export type ContactClass = (typeof CONTACT_CLASSES)[number]
export type Language = (typeof LANGUAGES)[number]

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
  accountManagers: Operator[]
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
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>
export type OutputOf<C extends Channel> = Exclude<Contract[C]['output'], undefined>

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}
