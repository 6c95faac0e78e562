/**
 * Operators: the account managers and other staff who work in the app. Who is working is recorded in
 * every audit row; a supervisor's role is protected by a password kept as a salted scrypt hash.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'
import type { Operator } from '../../api/contract'
import { AppError, fieldError } from '../../api/errors'
import type { OperatorInput } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { findRow, inTransaction, insertRecord, updateRecord } from '../records'
import { readSetting, writeSetting } from '../settings/store'

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 } as const

export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p })
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$')
}

/**
 * Checks a password against a stored hash. Only hashes of exactly the form hashPassword writes are
 * accepted: a damaged or hand-edited hash (wrong parameters, a short or empty key) refuses every
 * password rather than comparing a few bytes, or none.
 */
export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$')
  const params = [Number(n), Number(r), Number(p)]
  if (scheme !== 'scrypt' || rest.length > 0 || !salt || !hash) return false
  if (params.join() !== [SCRYPT.N, SCRYPT.r, SCRYPT.p].join()) return false
  const expected = Buffer.from(hash, 'base64')
  if (expected.length !== SCRYPT.keyLength || expected.toString('base64') !== hash) return false
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), SCRYPT.keyLength, {
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
  })
  return timingSafeEqual(expected, actual)
}

function operatorQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('accountManager as m')
    .leftJoin('branch as b', 'b.id', 'm.branchId')
    .select([
      'm.id',
      'm.name',
      'm.level',
      'm.role',
      'm.branchId',
      'b.nameZh as branch',
      'm.phone',
      'm.version',
    ])
    .where('m.deletedAt', 'is', null)
}

export async function listOperators(ctx: ServiceContext): Promise<Operator[]> {
  const rows = await operatorQuery(ctx).orderBy('m.name').execute()
  return rows as Operator[]
}

export async function getOperator(ctx: ServiceContext, id: string): Promise<Operator> {
  const row = await operatorQuery(ctx).where('m.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('not_found', 'No such operator.', { params: { table: 'accountManager' } })
  return row as Operator
}

/** Checks who is signing in; a supervisor must give the password. */
export async function signIn(
  ctx: ServiceContext,
  operatorId: string,
  password: string | undefined,
): Promise<Operator> {
  const row = await findRow(ctx, 'accountManager', operatorId)
  if (!row || row.deletedAt)
    throw new AppError('not_found', 'No such operator.', { params: { table: 'accountManager' } })
  if (row.role === 'supervisor') {
    const hash = row.passwordHash as string | null
    if (!password || !hash || !verifyPassword(password, hash)) {
      throw new AppError('wrong_password', 'The supervisor password is not right.', {
        fields: [{ path: 'password', message: 'wrong_password' }],
      })
    }
  }
  return getOperator(ctx, operatorId)
}

async function supervisorCount(ctx: ServiceContext): Promise<number> {
  const { count } = await ctx.db
    .selectFrom('accountManager')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'supervisor')
    .where('deletedAt', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(count)
}

/** Once a database has had a supervisor, nobody may again register as one from the sign-in screen. */
const FIRST_SUPERVISOR = 'first_supervisor_registered'

/**
 * Someone adds themselves on the sign-in screen. Staff and trainers may; a supervisor only when the
 * database has none yet (the first one sets up the office), otherwise a supervisor must add them.
 */
export async function registerOperator(ctx: ServiceContext, input: OperatorInput): Promise<Operator> {
  if (input.id) throw new AppError('supervisor_only', 'Only a supervisor can change an existing operator.')
  if (input.role === 'supervisor') {
    const bootstrapped = await readSetting(ctx, FIRST_SUPERVISOR, false)
    if (bootstrapped || (await supervisorCount(ctx)) > 0) {
      throw new AppError('supervisor_only', 'Only a supervisor can add another supervisor.', {
        fields: [{ path: 'role', message: 'supervisor_needed' }],
      })
    }
  }
  return saveOperator(ctx, input)
}

export async function saveOperator(ctx: ServiceContext, input: OperatorInput): Promise<Operator> {
  const { id, version, password, ...fields } = input
  const values = {
    ...fields,
    // Only supervisors carry a password; a change of role away from supervisor drops it.
    ...(fields.role !== 'supervisor'
      ? { passwordHash: null }
      : password
        ? { passwordHash: hashPassword(password) }
        : {}),
  }
  const saved = await inTransaction(ctx, async (tx) => {
    if (fields.role === 'supervisor') await writeSetting(tx, FIRST_SUPERVISOR, true)
    if (!id) return insertRecord(tx, 'accountManager', values)
    const current = await findRow(tx, 'accountManager', id)
    if (fields.role === 'supervisor' && !password && !current?.passwordHash)
      throw fieldError('password', 'password_required')
    // The office must keep a supervisor: the last one cannot be made staff or trainer.
    if (current?.role === 'supervisor' && fields.role !== 'supervisor' && (await supervisorCount(tx)) <= 1) {
      throw fieldError('role', 'last_supervisor')
    }
    return updateRecord(tx, 'accountManager', id, version ?? 0, values)
  })
  return getOperator(ctx, saved.id)
}
