/** Refusals and rules found in review: each would lose data or let someone past a role check. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppHost } from '../../electron/host'
import { call, refusal, sampleContacts, sampleCustomer, signInAs, startHost } from './helpers'

let host: AppHost
beforeEach(async () => {
  host = await startHost()
})
afterEach(() => host.close())

const db = () => host.authorize('public').db

describe('a customer file is versioned as one unit', () => {
  it('moves the file version on when only a contact changes, with an audit row for the contact alone', async () => {
    await signInAs(host, 'staff', '张伟')
    const created = await call(host, 'customers.save', { fields: sampleCustomer, contacts: sampleContacts })
    const [first, second] = created.contacts
    const edited = await call(host, 'customers.save', {
      id: created.customer.id,
      version: 1,
      fields: sampleCustomer,
      contacts: [{ ...first!, email: 'new@example.cn' }, second!],
    })
    expect(edited.customer.version).toBe(2)
    const history = await call(host, 'customers.history', { id: created.customer.id })
    expect(history.filter((entry) => entry.action === 'update').map((entry) => entry.tableName)).toEqual([
      'contact',
    ])
  })

  it('refuses a window that saw the file before another window edited a contact (no silent removal)', async () => {
    await signInAs(host, 'staff', '张伟')
    const created = await call(host, 'customers.save', { fields: sampleCustomer, contacts: sampleContacts })
    const [first, second] = created.contacts
    // Window A edits the second contact.
    await call(host, 'customers.save', {
      id: created.customer.id,
      version: 1,
      fields: sampleCustomer,
      contacts: [first!, { ...second!, position: '信息中心主任' }],
    })
    // Window B, still on version 1, removes it.
    const error = await refusal(host, 'customers.save', {
      id: created.customer.id,
      version: 1,
      fields: sampleCustomer,
      contacts: [first!],
    })
    expect(error.code).toBe('stale_edit')
    const file = await call(host, 'customers.get', { id: created.customer.id })
    expect(file.contacts.map((contact) => [contact.name, contact.position])).toContainEqual([
      '赵强',
      '信息中心主任',
    ])
  })

  it('calls an edit of a contact removed meanwhile a stale edit, not "another customer\'s contact"', async () => {
    await signInAs(host, 'staff')
    const created = await call(host, 'customers.save', { fields: sampleCustomer, contacts: sampleContacts })
    const removed = await call(host, 'customers.save', {
      id: created.customer.id,
      version: 1,
      fields: sampleCustomer,
      contacts: [created.contacts[0]!],
    })
    const error = await refusal(host, 'customers.save', {
      id: created.customer.id,
      version: removed.customer.version,
      fields: sampleCustomer,
      contacts: created.contacts,
    })
    expect(error.code).toBe('stale_edit')
  })

  it('treats customer codes alike whatever their case', async () => {
    await signInAs(host, 'staff')
    await call(host, 'customers.save', { fields: { ...sampleCustomer, code: 'LJ-001' }, contacts: [] })
    const error = await refusal(host, 'customers.save', {
      fields: { ...sampleCustomer, code: 'lj-001', name: '另一家' },
      contacts: [],
    })
    expect(error.fields?.[0]).toMatchObject({ path: 'fields.code', message: 'code_taken' })
  })
})

describe('retired list entries', () => {
  it('leave the customers that have them savable, and still labelled', async () => {
    await signInAs(host, 'supervisor')
    const lookups = await call(host, 'settings.saveLookup', {
      kind: 'branch',
      code: 'chengdong',
      nameZh: '城东区',
      nameEn: 'Chengdong',
      sortOrder: 1,
    })
    const branch = lookups.branches[0]!
    const created = await call(host, 'customers.save', {
      fields: { ...sampleCustomer, branchId: branch.id },
      contacts: [],
    })
    const after = await call(host, 'settings.deleteLookup', {
      kind: 'branch',
      id: branch.id,
      version: branch.version,
    })
    expect(after.branches).toEqual([
      expect.objectContaining({ id: branch.id, labelZh: '城东区', retired: true }),
    ])
    const saved = await call(host, 'customers.save', {
      id: created.customer.id,
      version: 1,
      fields: { ...sampleCustomer, branchId: branch.id, leader: '新负责人' },
      contacts: [],
    })
    expect(saved.customer).toMatchObject({ branchId: branch.id, leader: '新负责人' })
    // Choosing it anew is refused.
    const other = await refusal(host, 'customers.save', {
      fields: { ...sampleCustomer, code: 'NEW-1', branchId: branch.id },
      contacts: [],
    })
    expect(other.fields?.[0]).toMatchObject({ path: 'fields.branchId', message: 'invalid_choice' })
  })
})

describe('supervisors', () => {
  it('cannot be demoted to the last one, so nobody can then register as supervisor at sign-in', async () => {
    const supervisor = await signInAs(host, 'supervisor', '主管')
    const error = await refusal(host, 'operators.save', {
      id: supervisor.id,
      version: supervisor.version,
      name: '主管',
      level: 'account_manager',
      role: 'staff',
      branchId: null,
      phone: null,
    })
    expect(error.fields).toEqual([{ path: 'role', message: 'last_supervisor' }])
  })

  it('are never again self-registered once the database has had one, even if every one was removed', async () => {
    await signInAs(host, 'supervisor', '主管')
    await db().updateTable('accountManager').set({ deletedAt: '2026-11-23T00:00:00.000Z' }).execute()
    await call(host, 'session.signOut')
    const error = await refusal(host, 'operators.register', {
      name: '冒充者',
      level: 'chief',
      role: 'supervisor',
      branchId: null,
      phone: null,
      password: 'long enough password',
    })
    expect(error.code).toBe('supervisor_only')
  })
})

describe('settings changes are audited', () => {
  it('writes an audit row when the tier scheme changes', async () => {
    await signInAs(host, 'supervisor', '主管')
    await call(host, 'settings.setTierScheme', { scheme: 'star' })
    const rows = await db().selectFrom('auditLog').selectAll().where('tableName', '=', 'setting').execute()
    expect(rows).toEqual([
      expect.objectContaining({
        operatorName: '主管',
        rowId: 'tier_scheme',
        beforeJson: JSON.stringify({ id: 'tier_scheme', value: 'abcd' }),
        afterJson: JSON.stringify({ id: 'tier_scheme', value: 'star' }),
      }),
    ])
  })
})
