/**
 * The rule data of deliveries and follow-ups, edited by supervisors: the deadline rules, the documents
 * and the packs that hold them, and what the printed document says about the issuer and the hotlines.
 * A change applies to records created after it: each record keeps the rule and pack it was made with.
 */
import type { DeliveryRules } from '../../api/contract'
import { fieldError } from '../../api/errors'
import type { DeadlineRuleInput, DeliveryDocumentInput, DeliverySettingsInput } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { inTransaction, insertRecord, updateRecord, writeAudit } from '../records'
import { readSetting, writeSetting } from '../settings/store'

/** The department named on printed documents, in the document's language; the slip and the delivery document share it. */
export function issuerName(ctx: ServiceContext, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<string> {
  return language === 'en'
    ? readSetting(ctx, 'issuer_name_en', 'Key Account Department')
    : readSetting(ctx, 'issuer_name', '集团客户部')
}

/** The hotlines printed on the delivery document: the fault-report line and the key-account line, if any. */
export async function hotlines(
  ctx: ServiceContext,
): Promise<Pick<DeliveryRules, 'faultHotline' | 'accountHotline'>> {
  return {
    faultHotline: await readSetting(ctx, 'fault_hotline', '10000'),
    accountHotline: await readSetting<string | null>(ctx, 'account_hotline', null),
  }
}

export async function deliveryRules(ctx: ServiceContext): Promise<DeliveryRules> {
  const [rules, documents] = await Promise.all([
    ctx.db
      .selectFrom('deadlineRule')
      .select(['id', 'version', 'code', 'days', 'dayCount'])
      .where('deletedAt', 'is', null)
      .orderBy('code')
      .execute(),
    ctx.db
      .selectFrom('deliveryDocument')
      .selectAll()
      .where('deletedAt', 'is', null)
      .orderBy('sortOrder')
      .orderBy('code')
      .execute(),
  ])
  return {
    rules,
    documents: documents.map((document) => ({
      id: document.id,
      version: document.version,
      code: document.code,
      nameZh: document.nameZh,
      nameEn: document.nameEn,
      form: document.form,
      sortOrder: document.sortOrder,
      packs: {
        hqFirst: document.inHqFirst === 1,
        hqAdded: document.inHqAdded === 1,
        branchFirst: document.inBranchFirst === 1,
        branchAdded: document.inBranchAdded === 1,
      },
    })),
    issuerName: await issuerName(ctx),
    issuerNameEn: await issuerName(ctx, 'en'),
    ...(await hotlines(ctx)),
  }
}

export async function saveDeadlineRule(
  ctx: ServiceContext,
  input: DeadlineRuleInput,
): Promise<DeliveryRules> {
  await inTransaction(ctx, (tx) =>
    updateRecord(tx, 'deadlineRule', input.id, input.version, { days: input.days, dayCount: input.dayCount }),
  )
  return deliveryRules(ctx)
}

export async function saveDeliveryDocument(
  ctx: ServiceContext,
  input: DeliveryDocumentInput,
): Promise<DeliveryRules> {
  const { id, version, packs, ...fields } = input
  const columns = {
    ...fields,
    inHqFirst: packs.hqFirst ? 1 : 0,
    inHqAdded: packs.hqAdded ? 1 : 0,
    inBranchFirst: packs.branchFirst ? 1 : 0,
    inBranchAdded: packs.branchAdded ? 1 : 0,
  }
  await inTransaction(ctx, async (tx) => {
    const holder = await tx.db
      .selectFrom('deliveryDocument')
      .select('id')
      .where('code', '=', fields.code)
      .executeTakeFirst()
    if (holder && holder.id !== id) throw fieldError('code', 'code_taken', { name: fields.code })
    if (id) await updateRecord(tx, 'deliveryDocument', id, version ?? 0, columns)
    // A document the supervisor adds is handed over as it is: the app prints only its own forms.
    else await insertRecord(tx, 'deliveryDocument', { ...columns, form: null })
  })
  return deliveryRules(ctx)
}

export async function saveDeliverySettings(
  ctx: ServiceContext,
  input: DeliverySettingsInput,
): Promise<DeliveryRules> {
  await inTransaction(ctx, async (tx) => {
    // Compared with the values in use (the defaults included), so that an unchanged field is no change.
    const current = await deliveryRules(tx)
    for (const [key, field] of [
      ['issuer_name', 'issuerName'],
      ['issuer_name_en', 'issuerNameEn'],
      ['fault_hotline', 'faultHotline'],
      ['account_hotline', 'accountHotline'],
    ] as const) {
      const [before, value] = [current[field], input[field]]
      if (before === value) continue
      await writeSetting(tx, key, value)
      await writeAudit(tx, 'setting', 'update', { id: key, value: before }, { id: key, value })
    }
  })
  return deliveryRules(ctx)
}
