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

export interface Database {
  setting: SettingTable
  auditLog: AuditLogTable
  tier: TierTable
  industry: LookupTable
  branch: LookupTable
  accountManager: AccountManagerTable
  customer: CustomerTable
  contact: ContactTable
}

export type Customer = Selectable<CustomerTable>
export type Contact = Selectable<ContactTable>
export type Tier = Selectable<TierTable>
export type Lookup = Selectable<LookupTable>
