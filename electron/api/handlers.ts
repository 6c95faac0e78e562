/**
 * The one registry of handlers: channel → service. Every transport (Electron IPC in the app, a Playwright
 * binding in end-to-end tests, the command line) calls `dispatch`, which checks the channel against the
 * contract, validates the input with its schema, checks who may call it, and turns errors into data.
 */
import type { z } from 'zod'
import { DatabaseOpenError } from '../../db/connection'
import type { AppHost } from '../host'
import type { ServiceContext } from '../services/context'
import {
  customerHistory,
  deleteCustomer,
  getCustomerFile,
  restoreCustomer,
  saveCustomerFile,
} from '../services/customers/file'
import { listCustomers } from '../services/customers/list'
import { listOperators, registerOperator, saveOperator, signIn } from '../services/session/operators'
import { deleteLookup, getLookups, saveLookup, saveTier, setTierScheme } from '../services/settings/lookups'
import { contract, isChannel, type Channel, type OutputOf, type ParsedInputOf } from './contract'
import { AppError, type ApiErrorData, type FieldError, type Result } from './errors'

interface Call {
  host: AppHost
  ctx: ServiceContext
}

type Handlers = {
  [C in Channel]: (call: Call, input: ParsedInputOf<C>) => Promise<OutputOf<C>> | OutputOf<C>
}

export const handlers: Handlers = {
  'app.info': ({ host }) => host.info(),
  'prefs.get': ({ host }) => host.prefs(),
  'prefs.set': ({ host }, input) => host.setPrefs(input),

  'session.get': ({ host }) => ({ operator: host.currentOperator() }),
  'session.signIn': async ({ host, ctx }, input) => {
    const operator = await signIn(ctx, input.operatorId, input.password)
    host.setOperator(operator)
    return operator
  },
  'session.signOut': ({ host }) => {
    host.setOperator(null)
    return null
  },
  'operators.list': ({ ctx }) => listOperators(ctx),
  'operators.register': ({ ctx }, input) => registerOperator(ctx, input),
  'operators.save': ({ ctx }, input) => saveOperator(ctx, input),

  'database.openDemo': ({ host }) => host.openDemo(),
  'database.openDefault': ({ host }) => host.openDefault(),

  'lookups.get': ({ ctx }) => getLookups(ctx),
  'settings.setTierScheme': ({ ctx }, input) => setTierScheme(ctx, input.scheme),
  'settings.saveTier': ({ ctx }, input) => saveTier(ctx, input),
  'settings.saveLookup': ({ ctx }, input) => saveLookup(ctx, input),
  'settings.deleteLookup': ({ ctx }, input) => deleteLookup(ctx, input),

  'customers.list': ({ ctx }, input) => listCustomers(ctx, input),
  'customers.get': ({ ctx }, input) => getCustomerFile(ctx, input.id),
  'customers.save': ({ ctx }, input) => saveCustomerFile(ctx, input),
  'customers.delete': ({ ctx }, input) => deleteCustomer(ctx, input.id, input.version),
  'customers.restore': ({ ctx }, input) => restoreCustomer(ctx, input.id, input.version),
  'customers.history': ({ ctx }, input) => customerHistory(ctx, input.id),
}

/** Zod issues as field errors: the path joined with dots, the message an i18n key. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const limit = 'maximum' in issue ? issue.maximum : 'minimum' in issue ? issue.minimum : undefined
    return {
      path: issue.path.join('.'),
      message: issue.message,
      ...(limit !== undefined && { params: { limit: Number(limit) } }),
    }
  })
}

function toErrorData(error: unknown): ApiErrorData {
  if (error instanceof AppError) return error.toData()
  // A file that cannot be opened (newer schema, failed migration): its message says what to do.
  if (error instanceof DatabaseOpenError) return { code: 'database_open', message: error.message }
  // Not a refusal we foresaw: log it here, send the renderer a message without internals.
  console.error(error)
  const message = error instanceof Error ? error.message : String(error)
  if (/SQLITE_/.test(String((error as { code?: unknown })?.code))) {
    return { code: 'database', message: `The database refused the change: ${message}` }
  }
  return { code: 'internal', message: 'Something went wrong inside Account Desk; nothing was saved.' }
}

export async function dispatch(host: AppHost, channel: unknown, rawInput: unknown): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) throw new AppError('unknown_channel', `There is no channel ${String(channel)}.`)
    const spec = contract[channel]
    const parsed = spec.input.safeParse(rawInput)
    if (!parsed.success) {
      throw new AppError('invalid_input', `Invalid input for ${channel}.`, {
        fields: fieldErrors(parsed.error),
      })
    }
    const ctx = host.authorize(spec.access)
    const handler = handlers[channel] as (call: Call, input: unknown) => Promise<unknown> | unknown
    return { ok: true, value: await handler({ host, ctx }, parsed.data) }
  } catch (error) {
    return { ok: false, error: toErrorData(error) }
  }
}
