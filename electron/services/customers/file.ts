/**
 * A customer file (客户档案): the profile and its key contacts, read and saved as one unit.
 * A save is one transaction: profile, every contact added, changed or removed, and their audit rows.
 */
import type { Contact, Customer } from '../../../db/schema'
import type { AuditEntry, ContactRecord, CustomerFile, CustomerRecord } from '../../api/contract'
import { AppError, fieldError } from '../../api/errors'
import type { ContactFields, CustomerFields, CustomerSaveInput } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { chinaDate } from '../../domain/calendar'
import { followTier } from '../plans/plans'
import {
  bumpVersion,
  findRow,
  inTransaction,
  insertRecord,
  loadForChange,
  restore,
  softDelete,
  syncChildren,
  toAuditEntry,
  updateRecord,
} from '../records'

type ContactDraft = CustomerSaveInput['contacts'][number]

function saveContacts(ctx: ServiceContext, customerId: string, drafts: ContactDraft[]): Promise<boolean> {
  return syncChildren(ctx, 'contact', { column: 'customerId', id: customerId }, drafts, (index) =>
    fieldError(`contacts.${index}`, 'contact_not_in_file'),
  )
}

function toCustomerRecord(row: Customer): CustomerRecord {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { searchText, hasPbx, ...rest } = row
  return { ...rest, hasPbx: hasPbx === 1 }
}

function toContactRecord(row: Contact): ContactRecord {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { customerId, createdAt, updatedAt, deletedAt, ...rest } = row
  return rest
}

/** What quick search matches: code, name, contact names and phones (also with the dashes taken out). */
export function searchText(
  fields: Pick<CustomerFields, 'code' | 'name'>,
  contacts: { name: string; phone?: string | null | undefined }[],
): string {
  const parts = [fields.code, fields.name]
  for (const contact of contacts) {
    parts.push(contact.name)
    if (contact.phone) parts.push(contact.phone, contact.phone.replace(/\D/g, ''))
  }
  return parts.join(' ').toLowerCase()
}

export async function getCustomerFile(ctx: ServiceContext, id: string): Promise<CustomerFile> {
  const customer = await ctx.db.selectFrom('customer').selectAll().where('id', '=', id).executeTakeFirst()
  if (!customer)
    throw new AppError('not_found', `No customer with id ${id}.`, { params: { table: 'customer' } })
  const contacts = await ctx.db
    .selectFrom('contact')
    .selectAll()
    .where('customerId', '=', id)
    .where('deletedAt', 'is', null)
    .orderBy('createdAt')
    .execute()
  return { customer: toCustomerRecord(customer), contacts: contacts.map(toContactRecord) }
}

/** Customer codes are unique whatever their case: "p1" and "P1" would be one customer to a person. */
async function assertCodeFree(ctx: ServiceContext, code: string, ownId: string | undefined): Promise<void> {
  const holder = await ctx.db
    .selectFrom('customer')
    .select(['id', 'name', 'deletedAt'])
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
    .executeTakeFirst()
  if (!holder || holder.id === ownId) return
  throw fieldError('fields.code', holder.deletedAt ? 'code_taken_deleted' : 'code_taken', {
    name: holder.name,
  })
}

/**
 * Checks the references a save links anew: a list entry or manager that is gone must not be chosen.
 * A reference the file already had stays valid after its entry is retired, so the file can still be
 * saved (retiring a branch must not lock every customer in it).
 */
async function assertReferences(
  ctx: ServiceContext,
  fields: CustomerFields,
  current?: Record<string, unknown>,
) {
  const refs = [
    ['industryId', 'industry', fields.industryId],
    ['branchId', 'branch', fields.branchId],
    ['tierId', 'tier', fields.tierId],
    ['accountManagerId', 'accountManager', fields.accountManagerId],
  ] as const
  for (const [path, table, id] of refs) {
    if (!id || current?.[path] === id) continue
    const row = await findRow(ctx, table, id)
    if (!row || row.deletedAt) throw fieldError(`fields.${path}`, 'invalid_choice')
  }
}

function customerColumns(fields: CustomerFields, contacts: ContactFields[]) {
  return { ...fields, hasPbx: fields.hasPbx ? 1 : 0, searchText: searchText(fields, contacts) }
}

/**
 * Saves a customer file. The customer row's version is the whole file's version: it is checked first
 * and moves on whenever the profile or any contact changes, so a window that saw an older file (say,
 * before another window edited a contact) is refused rather than silently undoing that edit.
 */
export async function saveCustomerFile(ctx: ServiceContext, input: CustomerSaveInput): Promise<CustomerFile> {
  return inTransaction(ctx, async (tx) => {
    await assertCodeFree(tx, input.fields.code, input.id)
    const columns = customerColumns(input.fields, input.contacts)
    if (!input.id) {
      await assertReferences(tx, input.fields)
      const { id } = await insertRecord(tx, 'customer', columns)
      await saveContacts(tx, id, input.contacts)
      return getCustomerFile(tx, id)
    }
    const current = await loadForChange(tx, 'customer', input.id, input.version ?? 0)
    if (current.deletedAt) throw new AppError('not_found', 'This customer is deleted; restore it first.')
    await assertReferences(tx, input.fields, current)
    const contactsChanged = await saveContacts(tx, input.id, input.contacts)
    const after = await updateRecord(tx, 'customer', input.id, current.version, columns)
    // A new tier: this year's plan and later ones follow it, keeping the customer's own settings.
    if (current.tierId !== input.fields.tierId)
      await followTier(tx, input.id, input.fields.tierId, Number(chinaDate(tx.now()).slice(0, 4)))
    if (contactsChanged && after.version === current.version)
      await bumpVersion(tx, 'customer', input.id, current.version)
    return getCustomerFile(tx, input.id)
  })
}

export async function deleteCustomer(
  ctx: ServiceContext,
  id: string,
  version: number,
): Promise<CustomerFile> {
  return inTransaction(ctx, async (tx) => {
    await softDelete(tx, 'customer', id, version)
    return getCustomerFile(tx, id)
  })
}

export async function restoreCustomer(
  ctx: ServiceContext,
  id: string,
  version: number,
): Promise<CustomerFile> {
  return inTransaction(ctx, async (tx) => {
    await restore(tx, 'customer', id, version)
    return getCustomerFile(tx, id)
  })
}

/** The customer's audit trail, its contacts' included, newest first. */
export async function customerHistory(ctx: ServiceContext, id: string): Promise<AuditEntry[]> {
  const contactIds = ctx.db.selectFrom('contact').select('id').where('customerId', '=', id)
  const rows = await ctx.db
    .selectFrom('auditLog')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('tableName', '=', 'customer'), eb('rowId', '=', id)]),
        eb.and([eb('tableName', '=', 'contact'), eb('rowId', 'in', contactIds)]),
      ]),
    )
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map(toAuditEntry)
}
