import { execFileSync } from 'node:child_process'
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

/** Runs the command line (electron/cli.ts) in a process of its own; throws when it fails. */
export function runCli(...args: string[]): string {
  return execFileSync('npx', ['tsx', 'electron/cli.ts', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Runs a command line that must fail: its exit status and what it said. */
export function cliFailure(...args: string[]): { status: number; stderr: string } {
  try {
    runCli(...args)
  } catch (error) {
    const failed = error as { status: number; stderr: string }
    return { status: failed.status, stderr: failed.stderr }
  }
  throw new Error('expected the command to fail')
}

export { sampleContacts, sampleCustomer } from '../fixtures/customers'
