/** Checks of the people a delivery or follow-up names: a live operator, and the customer's own contact. */
import { fieldError } from '../../api/errors'
import type { ServiceContext } from '../context'

/** The account manager or desk operator named in `field` must exist and not be deleted. */
export async function assertOperator(ctx: ServiceContext, field: string, id: string | null): Promise<void> {
  if (!id) return
  const operator = await ctx.db
    .selectFrom('accountManager')
    .select('deletedAt')
    .where('id', '=', id)
    .executeTakeFirst()
  if (!operator || operator.deletedAt) throw fieldError(field, 'invalid_choice')
}

/** A contact named on a customer's record must be one of that customer's live contacts. */
export async function assertOwnContact(
  ctx: ServiceContext,
  field: string,
  contactId: string | null,
  customerId: string,
): Promise<void> {
  if (!contactId) return
  const contact = await ctx.db
    .selectFrom('contact')
    .select(['customerId', 'deletedAt'])
    .where('id', '=', contactId)
    .executeTakeFirst()
  if (!contact || contact.deletedAt || contact.customerId !== customerId)
    throw fieldError(field, 'contact_not_in_file')
}
