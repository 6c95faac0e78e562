/** Prints a delivery's document to PDF where the operator chooses, in Chinese or English. */
import { writeFileSync } from 'node:fs'
import type { Language } from '../../api/contract'
import { deliveryHtml, type DeliveryDocument } from '../../files/documents/delivery'
import type { DesktopPorts } from '../../files/ports'
import type { ServiceContext } from '../context'
import { agreementsCovering } from '../sla/agreements'
import { deliveryFacts } from './deliveries'
import { hotlines, issuerName } from './rules'

export async function deliveryDocument(
  ctx: ServiceContext,
  id: string,
  language: Language,
): Promise<DeliveryDocument> {
  const { delivery, customer, circuit, managerPhone } = await deliveryFacts(ctx, id)
  const english = language === 'en'
  // The signed agreement covering the circuit on its opening day, with its grade's recovery time.
  const agreement = await agreementsCovering(ctx, delivery.circuitId, delivery.openedOn)
    .leftJoin('qualityGrade as g', 'g.id', 'a.gradeId')
    .select(['a.number', 'g.recoveryMinutes'])
    .executeTakeFirst()
  const recoveryMinutes = agreement?.recoveryMinutes ?? null
  return {
    number: delivery.number,
    issuer: await issuerName(ctx, language),
    ...(await hotlines(ctx)),
    customerName: delivery.customerName,
    customerCode: customer.code,
    customerAddress: customer.address,
    accountManagerName: delivery.accountManagerName,
    accountManagerPhone: managerPhone,
    receiverName: delivery.receiverName,
    siteKind: delivery.siteKind,
    businessKind: delivery.businessKind,
    orderNumber: delivery.orderNumber,
    circuitNumber: delivery.circuitNumber,
    productName: english ? delivery.productNameEn : delivery.productNameZh,
    bandwidth: delivery.bandwidth,
    aEnd: circuit.aEnd,
    zEnd: circuit.zEnd,
    openedOn: delivery.openedOn,
    dueOn: delivery.dueOn,
    deliveredOn: delivery.deliveredOn,
    billedCircuitNumber: delivery.billedCircuitNumber,
    billedOpenedOn: delivery.billedOpenedOn,
    billedMonthlyFeeFen: delivery.billedMonthlyFeeFen,
    billedOneTimeFeeFen: delivery.billedOneTimeFeeFen,
    billingConfirmed: delivery.billingConfirmed,
    slaAgreementNumber: agreement?.number ?? null,
    slaRecoveryHours: recoveryMinutes === null ? null : recoveryMinutes / 60,
    pack: delivery.pack.map((item) => ({
      name: english ? item.nameEn : item.nameZh,
      form: item.form,
      handedOver: item.handedOver,
    })),
  }
}

/** Writes the PDF; returns its path, or null when the save dialog was cancelled. */
export async function printDelivery(
  ctx: ServiceContext,
  ports: DesktopPorts,
  id: string,
  language: Language,
): Promise<string | null> {
  const document = await deliveryDocument(ctx, id, language)
  const path = await ports.chooseSaveFile(`${document.number}.pdf`, [{ name: 'PDF', extensions: ['pdf'] }])
  if (!path) return null
  writeFileSync(path, await ports.printPdf(deliveryHtml(document, language)))
  return path
}
