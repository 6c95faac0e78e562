import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Channel, InputOf, OutputOf, Role } from '../../electron/api/contract'
import type { ApiErrorData } from '../../electron/api/errors'
import { dispatch } from '../../electron/api/handlers'
import { AppHost } from '../../electron/host'

export function tempDir(prefix = 'account-desk-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** A host on a fresh real SQLite file in a temp folder, as the app has it after first start. */
export async function startHost(options: { now?: () => Date } = {}): Promise<AppHost> {
  const host = new AppHost({ userDataDir: tempDir(), systemLocale: 'zh-CN', appVersion: 'test', ...options })
  await host.openDefault()
  return host
}

export async function call<C extends Channel>(
  host: AppHost,
  channel: C,
  input?: InputOf<C>,
): Promise<OutputOf<C>> {
  const result = await dispatch(host, channel, input)
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  return result.value as OutputOf<C>
}

/** Calls a channel that must be refused, returning the refusal. */
export async function refusal(host: AppHost, channel: string, input?: unknown): Promise<ApiErrorData> {
  const result = await dispatch(host, channel, input)
  if (result.ok)
    throw new Error(`${channel} was expected to fail but returned ${JSON.stringify(result.value)}`)
  return result.error
}

/** Registers an operator with the role and signs them in. */
export async function signInAs(host: AppHost, role: Role, name = `${role} tester`) {
  const password = role === 'supervisor' ? 'correct horse battery' : undefined
  const operator = await call(host, 'operators.register', {
    name,
    level: 'account_manager',
    role,
    branchId: null,
    phone: null,
    ...(password && { password }),
  })
  return call(host, 'session.signIn', { operatorId: operator.id, ...(password && { password }) })
}

export const sampleCustomer = {
  code: '5719990001',
  name: '临江市测试集团有限公司',
  industryId: null,
  branchId: null,
  address: '临江市人民路1号',
  tierId: null,
  accountManagerId: null,
  status: 'active' as const,
  employees: 120,
  annualOutputFen: null,
  leader: '王伟',
  ourSubscribers: 80,
  competitorSubscribers: 20,
  monthlyRevenueFen: 1_234_500,
  fixedLines: 10,
  broadbandLines: 2,
  groupProducts: '集团V网',
  hasPbx: true,
  notes: null,
}

export const sampleContacts = [
  {
    name: '李娜',
    position: '办公室主任',
    phone: '13800138000',
    email: 'li.na@example.cn',
    birthday: '1980-05-06',
    contactClass: 'core' as const,
    notes: null,
  },
  {
    name: '赵强',
    position: '网络管理员',
    phone: '0571-88886666',
    email: null,
    birthday: null,
    contactClass: 'ordinary' as const,
    notes: null,
  },
]
