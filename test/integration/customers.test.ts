import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppHost } from '../../electron/host'
import { call, refusal, sampleContacts, sampleCustomer, signInAs, startHost } from './helpers'

let host: AppHost

beforeEach(async () => {
  host = await startHost()
  await signInAs(host, 'staff', '张伟')
})
afterEach(() => host.close())

async function customerCount(): Promise<number> {
  const page = await call(host, 'customers.list', { startRow: 0, endRow: 100 })
  return page.total
}

async function auditActions(rowId: string) {
  const rows = await host
    .authorize('read')
    .db.selectFrom('auditLog')
    .selectAll()
    .where('rowId', '=', rowId)
    .orderBy('at')
    .execute()
  return rows.map((row) => `${row.tableName}:${row.action}:${row.operatorName}`)
}

describe('customer files', () => {
  it('creates a customer with two contacts in one save, with an audit row for each', async () => {
    const file = await call(host, 'customers.save', { fields: sampleCustomer, contacts: sampleContacts })
    expect(file.customer).toMatchObject({
      code: '5719990001',
      name: '临江市测试集团有限公司',
      version: 1,
      hasPbx: true,
    })
    expect(file.contacts.map((contact) => contact.name)).toEqual(['李娜', '赵强'])
    expect(await auditActions(file.customer.id)).toEqual(['customer:create:张伟'])
    for (const contact of file.contacts)
      expect(await auditActions(contact.id)).toEqual(['contact:create:张伟'])
  })

  it('edits a customer, bumping its version and recording before and after', async () => {
    const created = await call(host, 'customers.save', { fields: sampleCustomer, contacts: sampleContacts })
    const edited = await call(host, 'customers.save', {
      id: created.customer.id,
      version: created.customer.version,
      fields: { ...sampleCustomer, name: '临江市测试集团（改名）', employees: 150 },
      contacts: created.contacts,
    })
    expect(edited.customer).toMatchObject({ name: '临江市测试集团（改名）', employees: 150, version: 2 })
    const history = await call(host, 'customers.history', { id: created.customer.id })
    expect(history[0]!.action).toBe('update')
    expect(history[0]!.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', before: '临江市测试集团有限公司', after: '临江市测试集团（改名）' },
        { field: 'employees', before: 120, after: 150 },
      ]),
    )
    expect(history[0]!.operatorName).toBe('张伟')
    // Contacts saved unchanged are left alone: no audit row, no new version.
    expect(edited.contacts.map((contact) => contact.version)).toEqual([1, 1])
  })

  it('refuses a stale edit with a message naming who changed the file, and saves nothing', async () => {
    const created = await call(host, 'customers.save', { fields: sampleCustomer, contacts: sampleContacts })
    const ref = { id: created.customer.id, version: created.customer.version, contacts: created.contacts }
    await call(host, 'customers.save', { ...ref, fields: { ...sampleCustomer, leader: '第一个窗口' } })
    const error = await refusal(host, 'customers.save', {
      ...ref,
      fields: { ...sampleCustomer, leader: '第二个窗口' },
    })
    expect(error.code).toBe('stale_edit')
    expect(error.params).toMatchObject({ operator: '张伟' })
    expect(error.message).toMatch(/changed by 张伟/)
    const file = await call(host, 'customers.get', { id: created.customer.id })
    expect(file.customer).toMatchObject({ leader: '第一个窗口', version: 2 })
  })

  it('adds, changes and removes contacts in one save', async () => {
    const created = await call(host, 'customers.save', { fields: sampleCustomer, contacts: sampleContacts })
    const [first] = created.contacts
    const saved = await call(host, 'customers.save', {
      id: created.customer.id,
      version: created.customer.version,
      fields: sampleCustomer,
      contacts: [
        { ...first!, position: '副总经理' },
        { ...sampleContacts[1]!, name: '新联系人' },
      ],
    })
    expect(saved.contacts.map((contact) => [contact.name, contact.position])).toEqual([
      ['李娜', '副总经理'],
      ['新联系人', '网络管理员'],
    ])
    const removed = created.contacts[1]!
    expect(await auditActions(removed.id)).toEqual(['contact:create:张伟', 'contact:delete:张伟'])
  })

  it('soft-deletes and restores a customer, each with its audit row', async () => {
    const created = await call(host, 'customers.save', { fields: sampleCustomer, contacts: [] })
    const deleted = await call(host, 'customers.delete', { id: created.customer.id, version: 1 })
    expect(deleted.customer.deletedAt).not.toBeNull()
    expect(await customerCount()).toBe(0)
    const bin = await call(host, 'customers.list', { startRow: 0, endRow: 100, deleted: 'only' })
    expect(bin.rows.map((row) => row.code)).toEqual(['5719990001'])
    const restored = await call(host, 'customers.restore', { id: created.customer.id, version: 2 })
    expect(restored.customer.deletedAt).toBeNull()
    expect(await customerCount()).toBe(1)
    expect(await auditActions(created.customer.id)).toEqual([
      'customer:create:张伟',
      'customer:delete:张伟',
      'customer:restore:张伟',
    ])
  })
})

describe('bad input: a message at the field, nothing saved in part', () => {
  it('refuses a duplicate code, also one held by a deleted customer', async () => {
    const first = await call(host, 'customers.save', { fields: sampleCustomer, contacts: [] })
    const duplicate = await refusal(host, 'customers.save', {
      fields: { ...sampleCustomer, name: '另一家' },
      contacts: [],
    })
    expect(duplicate.fields).toEqual([
      { path: 'fields.code', message: 'code_taken', params: { name: sampleCustomer.name } },
    ])
    await call(host, 'customers.delete', { id: first.customer.id, version: 1 })
    const held = await refusal(host, 'customers.save', {
      fields: { ...sampleCustomer, name: '另一家' },
      contacts: [],
    })
    expect(held.fields?.[0]?.message).toBe('code_taken_deleted')
  })

  it.each([
    ['an empty name', { name: '   ' }, 'fields.name', 'required'],
    ['an empty code', { code: '' }, 'fields.code', 'required'],
    ['a code with spaces', { code: '571 001' }, 'fields.code', 'invalid_code'],
    ['an over-long name', { name: '集'.repeat(101) }, 'fields.name', 'too_long'],
    ['a negative headcount', { employees: -5 }, 'fields.employees', 'not_negative'],
    ['a fractional fen amount', { monthlyRevenueFen: 10.5 }, 'fields.monthlyRevenueFen', 'not_integer'],
  ])('refuses %s', async (_case, change, path, message) => {
    const error = await refusal(host, 'customers.save', {
      fields: { ...sampleCustomer, ...change },
      contacts: [],
    })
    expect(error.code).toBe('invalid_input')
    expect(error.fields).toContainEqual(expect.objectContaining({ path, message }))
    expect(await customerCount()).toBe(0)
  })

  it.each([
    ['a malformed phone', { phone: '12345' }, 'contacts.1.phone', 'invalid_phone'],
    ['a malformed email', { email: 'li.na@' }, 'contacts.1.email', 'invalid_email'],
    ['an impossible birthday', { birthday: '1980-02-30' }, 'contacts.1.birthday', 'invalid_date'],
    ['an empty contact name', { name: '' }, 'contacts.1.name', 'required'],
  ])(
    'refuses a contact with %s and saves neither the customer nor the first contact',
    async (_c, change, path, message) => {
      const contacts = [sampleContacts[0]!, { ...sampleContacts[1]!, ...change }]
      const error = await refusal(host, 'customers.save', { fields: sampleCustomer, contacts })
      expect(error.fields).toContainEqual(expect.objectContaining({ path, message }))
      expect(await customerCount()).toBe(0)
      const contactRows = await host.authorize('read').db.selectFrom('contact').select('id').execute()
      expect(contactRows).toHaveLength(0)
    },
  )

  it('rolls back the whole save when a later step is refused (a contact of another file)', async () => {
    const other = await call(host, 'customers.save', {
      fields: { ...sampleCustomer, code: 'OTHER-1' },
      contacts: sampleContacts,
    })
    const mine = await call(host, 'customers.save', { fields: sampleCustomer, contacts: [] })
    const error = await refusal(host, 'customers.save', {
      id: mine.customer.id,
      version: 1,
      fields: { ...sampleCustomer, name: '不该保存的名字' },
      contacts: [other.contacts[0]!],
    })
    expect(error.fields?.[0]).toMatchObject({ path: 'contacts.0', message: 'contact_not_in_file' })
    const reread = await call(host, 'customers.get', { id: mine.customer.id })
    expect(reread.customer).toMatchObject({ name: sampleCustomer.name, version: 1 })
    expect(reread.contacts).toHaveLength(0)
  })
})
