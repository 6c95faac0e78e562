import SqliteDatabase from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_SUPERVISOR_PASSWORD } from '../../db/seed/demo'
import type { AppHost } from '../../electron/host'
import { call, refusal, sampleCustomer, signInAs, startHost } from './helpers'

let host: AppHost
beforeEach(async () => {
  host = await startHost()
})
afterEach(() => host.close())

const secondSupervisor = {
  name: '第二位',
  level: 'senior',
  role: 'supervisor',
  branchId: null,
  phone: null,
  password: 'another password',
} as const

const newBranch = {
  kind: 'branch',
  code: 'chengdong',
  nameZh: '城东区',
  nameEn: 'Chengdong',
  sortOrder: 1,
} as const

describe('operators, roles and the main-process checks', () => {
  it('asks who is working before anything else', async () => {
    expect(await call(host, 'session.get')).toEqual({ operator: null })
    expect((await refusal(host, 'customers.list', { startRow: 0, endRow: 10 })).code).toBe('not_signed_in')
  })

  it('protects a supervisor with a password stored as a salted hash', async () => {
    await signInAs(host, 'supervisor', '主管')
    const [supervisor] = await call(host, 'operators.list')
    const row = await host
      .authorize('read')
      .db.selectFrom('accountManager')
      .selectAll()
      .executeTakeFirstOrThrow()
    expect(row.passwordHash).toMatch(/^scrypt\$/)
    expect(row.passwordHash).not.toContain('correct horse battery')
    const wrong = await refusal(host, 'session.signIn', { operatorId: supervisor!.id, password: 'guess' })
    expect(wrong.code).toBe('wrong_password')
    expect(wrong.fields).toEqual([{ path: 'password', message: 'wrong_password' }])
    const none = await refusal(host, 'session.signIn', { operatorId: supervisor!.id })
    expect(none.code).toBe('wrong_password')
  })

  it('refuses supervisor-only actions to staff in the main process, whatever the UI shows', async () => {
    await signInAs(host, 'staff')
    expect((await refusal(host, 'settings.saveLookup', newBranch)).code).toBe('supervisor_only')
    expect((await refusal(host, 'settings.setTierScheme', { scheme: 'star' })).code).toBe('supervisor_only')
    const lookups = await call(host, 'lookups.get')
    expect(lookups.branches).toHaveLength(0)
    expect(lookups.tierScheme).toBe('abcd')
  })

  it('lets a supervisor edit the lists and switch the tier scheme', async () => {
    await signInAs(host, 'supervisor')
    const lookups = await call(host, 'settings.saveLookup', newBranch)
    expect(lookups.branches.map((branch) => branch.labelZh)).toEqual(['城东区'])
    const star = await call(host, 'settings.setTierScheme', { scheme: 'star' })
    expect(star.tierScheme).toBe('star')
    expect(star.tiers.filter((tier) => tier.scheme === 'star').map((tier) => tier.code)).toEqual([
      '5A',
      '4A',
      '3A',
      '2A',
      '1A',
    ])
  })

  it('allows the first supervisor to register, then only a supervisor may add another', async () => {
    await signInAs(host, 'supervisor', '第一位主管')
    const second = await refusal(host, 'operators.register', secondSupervisor)
    expect(second.code).toBe('supervisor_only')
    const added = await call(host, 'operators.save', secondSupervisor)
    expect(added.role).toBe('supervisor')
  })

  it('refuses a supervisor without a password', async () => {
    const error = await refusal(host, 'operators.register', {
      name: '主管',
      level: 'chief',
      role: 'supervisor',
      branchId: null,
      phone: null,
    })
    expect(error.fields).toContainEqual(
      expect.objectContaining({ path: 'password', message: 'password_required' }),
    )
  })

  it('keeps trainers off real files: writes refused there, allowed on the demo database', async () => {
    await signInAs(host, 'trainer')
    const refused = await refusal(host, 'customers.save', { fields: sampleCustomer, contacts: [] })
    expect(refused.code).toBe('trainer_read_only')
    const info = await call(host, 'database.openDemo')
    expect(info.isDemo).toBe(true)
    const demoTrainer = (await call(host, 'operators.list')).find((operator) => operator.role === 'trainer')!
    await call(host, 'session.signIn', { operatorId: demoTrainer.id })
    const saved = await call(host, 'customers.save', { fields: sampleCustomer, contacts: [] })
    expect(saved.customer.code).toBe(sampleCustomer.code)
  })

  it('opens the demo database in its own file and never touches the real one', async () => {
    await signInAs(host, 'staff')
    await call(host, 'customers.save', { fields: sampleCustomer, contacts: [] })
    const realFile = (await call(host, 'app.info')).databaseFile
    const demo = await call(host, 'database.openDemo')
    expect(demo.databaseFile).not.toBe(realFile)
    const supervisor = (await call(host, 'operators.list')).find(
      (operator) => operator.role === 'supervisor',
    )!
    await call(host, 'session.signIn', { operatorId: supervisor.id, password: DEMO_SUPERVISOR_PASSWORD })
    const demoCustomers = await call(host, 'customers.list', { startRow: 0, endRow: 10 })
    expect(demoCustomers.total).toBe(300)
    const back = await call(host, 'database.openDefault')
    expect(back).toMatchObject({ databaseFile: realFile, isDemo: false })
    // Staff carry on as the remembered operator after the switch back.
    expect((await call(host, 'session.get')).operator?.role).toBe('staff')
    expect((await call(host, 'customers.list', { startRow: 0, endRow: 10 })).total).toBe(1)
  })

  it('refuses unknown channels and inputs that do not match the contract', async () => {
    await signInAs(host, 'staff')
    expect((await refusal(host, 'customers.drop', {})).code).toBe('unknown_channel')
    expect((await refusal(host, 'customers.list', { startRow: 0, endRow: 5000 })).code).toBe('invalid_input')
    const sortInjection = await refusal(host, 'customers.list', {
      startRow: 0,
      endRow: 10,
      sort: [{ colId: 'name; drop table customer', sort: 'asc' }],
    })
    expect(sortInjection.code).toBe('invalid_input')
    expect((await refusal(host, 'customers.get', { id: 'not-an-id' })).code).toBe('invalid_input')
  })

  it('remembers the language and defaults it from the OS locale', async () => {
    expect((await call(host, 'prefs.get')).language).toBe('zh-CN')
    await call(host, 'prefs.set', { language: 'en' })
    expect((await call(host, 'prefs.get')).language).toBe('en')
  })
})

describe('a database file that cannot be opened', () => {
  it('is refused with its reason, and the open database stays open', async () => {
    const realFile = (await call(host, 'app.info')).databaseFile
    await call(host, 'database.openDemo')
    const raw = new SqliteDatabase(realFile)
    raw.prepare("insert into kysely_migration (name, timestamp) values ('0099_from_the_future', 'x')").run()
    raw.close()
    const error = await refusal(host, 'database.openDefault')
    expect(error.code).toBe('database_open')
    expect(error.message).toMatch(/newer version of Account Desk/)
    expect(await call(host, 'app.info')).toMatchObject({ isDemo: true })
  })
})
