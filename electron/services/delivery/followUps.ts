/**
 * Follow-ups (回访, domain.md §3): one desk calls every customer after an opening (within 7 days) and
 * after a fault's repair (within 3 days), as the deadline rules say, and records the result, the
 * satisfaction (1–5) and any issues raised; the customer's account manager owns the issues until closed.
 */
import type { FollowUpRecord, Page } from '../../api/contract'
import { fieldError } from '../../api/errors'
import type { FollowUpInput } from '../../api/schemas'
import { chinaDate } from '../../domain/calendar'
import type { DeadlineStatus } from '../../domain/deadlines'
import type { ServiceContext } from '../context'
import { containsAny } from '../customers/list'
import { inTransaction, loadForChange, updateRecord } from '../records'
import {
  nextNumber,
  notFound,
  ownedBy,
  OWNER_COLUMNS,
  pageOf,
  today,
  type ListRequest,
  type OwnerFilter,
} from '../sla/common'
import { assertOperator, assertOwnContact } from './checks'
import {
  deskClock,
  followEvent,
  newDeadline,
  statusSql,
  type DeskClock,
  type RecordedEvent,
} from './deadlines'

/** Open issues belong to their owner (by default the customer's account manager, who may hand them on). */
export const ISSUE_OWNER_COLUMNS = { branchId: OWNER_COLUMNS.branchId, accountManagerId: 'u.issue_owner_id' }

function followUpQuery(ctx: ServiceContext, clock: DeskClock) {
  return ctx.db
    .selectFrom('followUp as u')
    .innerJoin('customer as c', 'c.id', 'u.customerId')
    .innerJoin('circuit as ci', 'ci.id', 'u.circuitId')
    .leftJoin('provisioningOrder as o', 'o.id', 'u.orderId')
    .leftJoin('fault as f', 'f.id', 'u.faultId')
    .leftJoin('accountManager as m', 'm.id', 'c.accountManagerId')
    .leftJoin('accountManager as by', 'by.id', 'u.doneBy')
    .leftJoin('accountManager as owner', 'owner.id', 'u.issueOwnerId')
    .leftJoin('contact as k', 'k.id', 'u.contactId')
    .where('u.deletedAt', 'is', null)
    .select([
      'u.id',
      'u.version',
      'u.number',
      'u.customerId',
      'c.name as customerName',
      'c.accountManagerId',
      'm.name as accountManagerName',
      'c.branchId',
      'u.circuitId',
      'ci.number as circuitNumber',
      'u.source',
      'u.orderId',
      'o.number as orderNumber',
      'u.faultId',
      'f.number as faultNumber',
      'u.triggerOn',
      'u.dueDays',
      'u.dayCount',
      'u.dueOn',
      statusSql('u.due_on', 'u.done_on', clock).as('status'),
      'u.doneOn',
      'u.doneBy',
      'by.name as doneByName',
      'u.contactId',
      'k.name as contactName',
      'k.phone as contactPhone',
      'u.result',
      'u.satisfaction',
      'u.issues',
      'u.issueOwnerId',
      'owner.name as issueOwnerName',
      'u.issueClosedOn',
      'u.issueClosure',
      'u.notes',
    ])
}

export async function listFollowUps(
  ctx: ServiceContext,
  input: ListRequest & OwnerFilter & { statuses: DeadlineStatus[]; issuesOpen: boolean },
): Promise<Page<FollowUpRecord>> {
  const clock = await deskClock(ctx)
  // Open issues are their owner's to close: narrowed by the issue owner, not the customer's manager.
  let query = ownedBy(
    followUpQuery(ctx, clock),
    input,
    input.issuesOpen ? ISSUE_OWNER_COLUMNS : OWNER_COLUMNS,
  )
  if (input.customerId) query = query.where('u.customerId', '=', input.customerId)
  if (input.statuses.length > 0)
    query = query.where(statusSql('u.due_on', 'u.done_on', clock), 'in', input.statuses)
  if (input.issuesOpen) query = query.where('u.issues', 'is not', null).where('u.issueClosedOn', 'is', null)
  if (input.search)
    query = query.where(containsAny(['u.number', 'c.name', 'ci.number', 'k.name', 'k.phone'], input.search))
  return pageOf(
    query,
    input,
    {
      number: 'u.number',
      customerName: 'c.name',
      triggerOn: 'u.trigger_on',
      dueOn: 'u.due_on',
      doneOn: 'u.done_on',
      satisfaction: 'u.satisfaction',
    },
    { column: 'dueOn', sort: 'asc' },
    'u.id',
  )
}

export async function getFollowUp(ctx: ServiceContext, id: string): Promise<FollowUpRecord> {
  const row = await followUpQuery(ctx, await deskClock(ctx))
    .where('u.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('followUp', id)
  return row
}

/** Creates, moves or removes the follow-up an opening or a repair calls for. */
export async function syncFollowUp(
  ctx: ServiceContext,
  source: 'opening' | 'repair',
  link: { column: 'orderId' | 'faultId'; id: string },
  event: RecordedEvent | null,
): Promise<void> {
  await followEvent(ctx, {
    table: 'followUp',
    link,
    startColumn: 'triggerOn',
    doneColumn: 'doneOn',
    event,
    create: async ({ start, customerId, circuitId }) => ({
      number: await nextNumber(ctx, 'followUp', 'HF'),
      customerId,
      circuitId,
      source,
      orderId: link.column === 'orderId' ? link.id : null,
      faultId: link.column === 'faultId' ? link.id : null,
      triggerOn: start,
      ...(await newDeadline(ctx, source === 'opening' ? 'follow_up_opening' : 'follow_up_repair', start)),
    }),
  })
}

/**
 * A fault's repair (its circuit restored) calls for a follow-up, counted from the China date of the
 * repair. Planned maintenance agreed with the customer is not a fault the customer needs calling about.
 */
export async function syncRepair(
  ctx: ServiceContext,
  fault: {
    id: string
    customerId: string
    circuitId: string
    cause: string
    restoredAt: string | null
    deletedAt: string | null
  },
): Promise<void> {
  const repaired = fault.restoredAt && !fault.deletedAt && fault.cause !== 'planned'
  await syncFollowUp(
    ctx,
    'repair',
    { column: 'faultId', id: fault.id },
    repaired
      ? {
          start: chinaDate(new Date(fault.restoredAt!)),
          customerId: fault.customerId,
          circuitId: fault.circuitId,
        }
      : null,
  )
}

/** The customer's account manager owns the issues a call raised, unless someone else is named. */
async function issueOwner(ctx: ServiceContext, input: FollowUpInput, customerId: string) {
  if (!input.issues || input.issueOwnerId) return input.issueOwnerId
  const customer = await ctx.db
    .selectFrom('customer')
    .select('accountManagerId')
    .where('id', '=', customerId)
    .executeTakeFirstOrThrow()
  return customer.accountManagerId
}

/** Records the call: when, by whom, to whom, the result, the satisfaction, issues and their closure. */
export async function saveFollowUp(ctx: ServiceContext, input: FollowUpInput): Promise<FollowUpRecord> {
  return inTransaction(ctx, async (tx) => {
    const before = await loadForChange(tx, 'followUp', input.id, input.version)
    if (before.deletedAt) throw notFound('followUp', input.id)
    const { triggerOn, customerId } = before as unknown as { triggerOn: string; customerId: string }
    const date = today(tx)
    if (input.doneOn && input.doneOn < triggerOn)
      throw fieldError('doneOn', 'called_before_trigger', { date: triggerOn })
    if (input.doneOn && input.doneOn > date) throw fieldError('doneOn', 'in_future')
    if (input.issueClosedOn && input.issueClosedOn > date) throw fieldError('issueClosedOn', 'in_future')
    // The desk operator recording a call made it, unless another name is given.
    const doneBy = input.doneOn ? (input.doneBy ?? tx.actor.id) : input.doneBy
    await assertOperator(tx, 'doneBy', doneBy)
    await assertOperator(tx, 'issueOwnerId', input.issueOwnerId)
    await assertOwnContact(tx, 'contactId', input.contactId, customerId)
    const { id, version, ...fields } = input
    await updateRecord(tx, 'followUp', id, version, {
      ...fields,
      doneBy,
      issueOwnerId: await issueOwner(tx, input, customerId),
    })
    return getFollowUp(tx, id)
  })
}
