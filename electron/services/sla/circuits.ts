/** Circuits (专线) per customer: the number is unique for ever, fees are fen, the product a list entry. */
import type { CircuitRecord, Page } from '../../api/contract'
import { AppError, fieldError } from '../../api/errors'
import type { CircuitInput } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { containsAny } from '../customers/list'
import { findRow, inTransaction, insertRecord, loadForChange, softDelete, updateRecord } from '../records'
import { notFound, pageOf, today, type ListRequest, assertLiveCustomer } from './common'

function circuitQuery(ctx: ServiceContext) {
  const date = today(ctx)
  return ctx.db
    .selectFrom('circuit as ci')
    .innerJoin('customer as c', 'c.id', 'ci.customerId')
    .where('ci.deletedAt', 'is', null)
    .select((eb) => [
      'ci.id',
      'ci.version',
      'ci.customerId',
      'c.name as customerName',
      'c.code as customerCode',
      'ci.number',
      'ci.productId',
      'ci.bandwidth',
      'ci.aEnd',
      'ci.zEnd',
      'ci.standardFeeFen',
      'ci.monthlyFeeFen',
      'ci.status',
      'ci.openedOn',
      'ci.notes',
      eb
        .selectFrom('slaAgreement as a')
        .innerJoin('agreementCircuit as ac', 'ac.agreementId', 'a.id')
        .select('a.number')
        .whereRef('ac.circuitId', '=', 'ci.id')
        .where('a.status', '=', 'active')
        .where('a.deletedAt', 'is', null)
        .where('a.validFrom', '<=', date)
        .where('a.validTo', '>=', date)
        .limit(1)
        .as('agreementNumber'),
    ])
}

export async function listCircuits(ctx: ServiceContext, input: ListRequest): Promise<Page<CircuitRecord>> {
  let query = circuitQuery(ctx)
  if (input.customerId) query = query.where('ci.customerId', '=', input.customerId)
  if (input.search) {
    query = query.where(containsAny(['ci.number', 'c.name'], input.search))
  }
  return pageOf(
    query,
    input,
    {
      number: 'ci.number',
      customerName: 'c.name',
      status: 'ci.status',
      openedOn: 'ci.opened_on',
      monthlyFeeFen: 'ci.monthly_fee_fen',
    },
    { column: 'number', sort: 'asc' },
    'ci.id',
  )
}

export async function getCircuit(ctx: ServiceContext, id: string): Promise<CircuitRecord> {
  const row = await circuitQuery(ctx).where('ci.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('circuit', id)
  return row
}

async function assertCircuitRefs(ctx: ServiceContext, input: CircuitInput): Promise<void> {
  const holder = await ctx.db
    .selectFrom('circuit')
    .select(['id', 'customerId'])
    .where((eb) => eb(eb.fn('lower', ['number']), '=', input.number.toLowerCase()))
    .executeTakeFirst()
  if (holder && holder.id !== input.id) throw fieldError('number', 'number_taken', { name: input.number })
  await assertLiveCustomer(ctx, input.customerId)
  const product = await findRow(ctx, 'product', input.productId)
  if (!product) throw fieldError('productId', 'invalid_choice')
}

export async function saveCircuit(ctx: ServiceContext, input: CircuitInput): Promise<CircuitRecord> {
  return inTransaction(ctx, async (tx) => {
    await assertCircuitRefs(tx, input)
    const { id, version, ...fields } = input
    if (!id) return getCircuit(tx, (await insertRecord(tx, 'circuit', fields)).id)
    const before = await loadForChange(tx, 'circuit', id, version ?? 0)
    if (before.customerId !== fields.customerId) throw fieldError('customerId', 'circuit_moves_customer')
    await updateRecord(tx, 'circuit', id, before.version, fields)
    return getCircuit(tx, id)
  })
}

/** A circuit with orders or faults on record is kept: set it to ceased instead. */
export async function deleteCircuit(ctx: ServiceContext, id: string, version: number): Promise<null> {
  return inTransaction(ctx, async (tx) => {
    const used = await tx.db
      .selectFrom('provisioningOrder')
      .select('id')
      .where('circuitId', '=', id)
      .where('deletedAt', 'is', null)
      .union(
        tx.db.selectFrom('fault').select('id').where('circuitId', '=', id).where('deletedAt', 'is', null),
      )
      .executeTakeFirst()
    if (used)
      throw new AppError(
        'in_use',
        'This circuit has orders or faults on record; set its status to ceased instead.',
      )
    await softDelete(tx, 'circuit', id, version)
    return null
  })
}
