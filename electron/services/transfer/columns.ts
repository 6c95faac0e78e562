/**
 * The columns of every grid that exports, as one table: for each grid its list schema, its list service
 * and its columns, each column a header (the grid's own, from the app's strings in the chosen language), a
 * kind (how the value is written: a real date, yuan from fen, a number or text) and the value of a row.
 * The writers in export.ts know nothing of any grid.
 */
import type { z } from 'zod'
import type { ExportGrid, Language, Lookups, Page } from '../../api/contract'
import {
  activityListSchema,
  agreementListSchema,
  circuitListSchema,
  customerListSchema,
  deliveryListSchema,
  faultListSchema,
  followUpListSchema,
  orderListSchema,
  slipListSchema,
} from '../../api/schemas'
import { en } from '../../../renderer/src/i18n/en'
import type { Strings } from '../../../renderer/src/i18n/strings'
import { zhCN } from '../../../renderer/src/i18n/zh-CN'
import * as delivery from '../../../renderer/src/i18n/areas/delivery'
import * as plans from '../../../renderer/src/i18n/areas/plans'
import * as sla from '../../../renderer/src/i18n/areas/sla'
import * as slips from '../../../renderer/src/i18n/areas/slips'
import type { ServiceContext } from '../context'
import { listCustomers } from '../customers/list'
import { listActivities } from '../plans/activities'
import { listAgreements } from '../sla/agreements'
import { listCircuits } from '../sla/circuits'
import { listFaults } from '../sla/faults'
import { listOrders } from '../sla/orders'
import { listSlips } from '../sla/slips'
import { listDeliveries } from '../delivery/deliveries'
import { listFollowUps } from '../delivery/followUps'

/** The app's strings the grids' headers and labels come from: the same words the screens show. */
const STRINGS_ZH = { ...zhCN, sla: sla.zh, slips: slips.zh, plans: plans.zh, delivery: delivery.zh }
export type Bundle = Strings<typeof STRINGS_ZH>
export const STRINGS: Record<Language, Bundle> = {
  'zh-CN': STRINGS_ZH,
  en: { ...en, sla: sla.en, slips: slips.en, plans: plans.en, delivery: delivery.en },
}

/**
 * How a value is written. `date` is a calendar day (YYYY-MM-DD) and `instant` an ISO time, both written as
 * real dates; `money` is integer fen, written as yuan with 2 decimals; `number` a count as it is.
 */
export type Kind = 'text' | 'date' | 'instant' | 'money' | 'number'
export type Value = string | number | null

/** What values need beyond the row: the language's strings and the labels of ids. */
export interface Labels {
  s: Bundle
  language: Language
  /** The label of a list entry (tier, industry, branch, product, grade) in the language. */
  entry(
    list: keyof Pick<Lookups, 'tiers' | 'industries' | 'branches' | 'products' | 'grades'>,
    id: string | null,
  ): string | null
  /** A service item's name in the language. */
  serviceItem(id: string | null): string | null
  /** Contacts' names, for the rows of the page being written (see `GridSpec.prepare`). */
  contactNames(ids: string[]): string
  yesNo(value: boolean | null): string | null
}

export interface Column<R> {
  header: (s: Bundle) => string
  kind: Kind
  /** In characters, as Excel measures column widths. */
  width: number
  value: (row: R, labels: Labels) => Value
  /** The customer's name: left out when the export is one customer's, as the grid there leaves it out. */
  customer?: true
}

/** A grid's rows are opaque to the writers: only its columns read them. */
export type Row = object

export interface GridSpec {
  /** The grid's list request, checked as the list channel checks it. */
  schema: z.ZodType
  list: (ctx: ServiceContext, query: unknown) => Promise<Page<Row>>
  columns: Column<Row>[]
  /** Sheet name (and the start of the suggested file name) in the language. */
  title: (s: Bundle) => string
  /** Loads what a page's rows refer to (contacts' names) before they are written. */
  prepare?: (rows: Row[], labels: LabelsLoader) => Promise<void>
}

export interface LabelsLoader {
  loadContacts(ids: string[]): Promise<void>
}

/** A template's {{name}} filled; `_one` picked for a count of 1 when the strings have it. */
export function fill(strings: object, key: string, params: Record<string, string | number>): string {
  const table = strings as Record<string, string | undefined>
  const template = (params['count'] === 1 && table[`${key}_one`]) || table[key] || key
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''))
}

/** A column as the table writes it: the header, the value of a row, and a width in characters. */
interface ColumnDraft<R> {
  header: (s: Bundle) => string
  value: (row: R, labels: Labels) => Value
  width?: number
}

function columnsOf<R>() {
  const make =
    (kind: Kind, width: number) =>
    (draft: ColumnDraft<R>): Column<R> => ({ kind, width, ...draft })
  return {
    text: make('text', 16),
    date: make('date', 12),
    instant: make('instant', 18),
    money: make('money', 14),
    number: make('number', 10),
    customerName: (header: (s: Bundle) => string): Column<R> => ({
      header,
      kind: 'text',
      width: 30,
      value: (row) => (row as { customerName: string }).customerName,
      customer: true,
    }),
  }
}

type Makers<R> = ReturnType<typeof columnsOf<R>>

/** One grid's entry, typed by its list service's rows; the table holds it with its rows made opaque. */
function grid<S extends z.ZodType, R>(spec: {
  schema: S
  list: (ctx: ServiceContext, query: z.output<S>) => Promise<Page<R>>
  title: (s: Bundle) => string
  columns: (c: Makers<R>) => Column<R>[]
  prepare?: (rows: R[], labels: LabelsLoader) => Promise<void>
}): GridSpec {
  return {
    schema: spec.schema,
    list: spec.list as GridSpec['list'],
    title: spec.title,
    columns: spec.columns(columnsOf<R>()) as unknown as Column<Row>[],
    ...(spec.prepare && { prepare: spec.prepare as GridSpec['prepare'] }),
  }
}

/** Unit after a figure's header when the header does not say it already. */
const unit = (s: Bundle, header: string, which: 'yuan' | 'minutes') => {
  const zh = s === STRINGS['zh-CN']
  const words = { yuan: zh ? '元' : 'yuan', minutes: zh ? '分钟' : 'minutes' }[which]
  if (header.includes(words)) return header
  return zh ? `${header}（${words}）` : `${header} (${words})`
}
const yuan = (header: (s: Bundle) => string) => (s: Bundle) => unit(s, header(s), 'yuan')
const minutes = (header: (s: Bundle) => string) => (s: Bundle) => unit(s, header(s), 'minutes')

export const GRIDS: Record<ExportGrid, GridSpec> = {
  customers: grid({
    schema: customerListSchema,
    list: listCustomers,
    title: (s) => s.customers.title,
    columns: (c) => [
      c.text({ header: (s) => s.fields.code, value: (r) => r.code, width: 14 }),
      c.text({ header: (s) => s.fields.name, value: (r) => r.name, width: 30 }),
      c.text({ header: (s) => s.fields.tier, value: (r, l) => l.entry('tiers', r.tierId), width: 10 }),
      c.text({ header: (s) => s.fields.industry, value: (r, l) => l.entry('industries', r.industryId) }),
      c.text({ header: (s) => s.fields.branch, value: (r, l) => l.entry('branches', r.branchId) }),
      c.text({ header: (s) => s.fields.accountManager, value: (r) => r.accountManager, width: 14 }),
      c.text({ header: (s) => s.fields.status, value: (r, l) => l.s.customerStatus[r.status], width: 10 }),
      c.text({ header: (s) => s.fields.keyContact, value: (r) => r.keyContact, width: 12 }),
      c.text({ header: (s) => s.fields.keyContactPhone, value: (r) => r.keyContactPhone, width: 16 }),
      c.number({ header: (s) => s.fields.employees, value: (r) => r.employees }),
      c.money({ header: yuan((s) => s.fields.monthlyRevenueFen), value: (r) => r.monthlyRevenueFen }),
      c.number({ header: (s) => s.fields.ourSubscribers, value: (r) => r.ourSubscribers }),
      c.number({ header: (s) => s.fields.competitorSubscribers, value: (r) => r.competitorSubscribers }),
      c.text({ header: (s) => s.fields.leader, value: (r) => r.leader, width: 10 }),
      c.text({ header: (s) => s.fields.address, value: (r) => r.address, width: 36 }),
      c.instant({ header: (s) => s.fields.updatedAt, value: (r) => r.updatedAt }),
    ],
  }),

  circuits: grid({
    schema: circuitListSchema,
    list: listCircuits,
    title: (s) => s.sla.tabs.circuits,
    columns: (c) => [
      c.text({ header: (s) => s.sla.circuits.number, value: (r) => r.number, width: 18 }),
      c.customerName((s) => s.sla.customer),
      c.text({ header: (s) => s.sla.circuits.product, value: (r, l) => l.entry('products', r.productId) }),
      c.text({ header: (s) => s.sla.circuits.bandwidth, value: (r) => r.bandwidth, width: 10 }),
      c.text({ header: (s) => s.sla.circuits.aEnd, value: (r) => r.aEnd, width: 30 }),
      c.text({ header: (s) => s.sla.circuits.zEnd, value: (r) => r.zEnd, width: 24 }),
      c.text({
        header: (s) => s.sla.circuits.status,
        value: (r, l) => l.s.sla.circuitStatus[r.status],
        width: 10,
      }),
      c.date({ header: (s) => s.sla.circuits.openedOn, value: (r) => r.openedOn }),
      c.money({ header: yuan((s) => s.sla.circuits.standardFee), value: (r) => r.standardFeeFen }),
      c.money({ header: yuan((s) => s.sla.circuits.monthlyFee), value: (r) => r.monthlyFeeFen }),
      c.text({ header: (s) => s.sla.circuits.agreement, value: (r) => r.agreementNumber, width: 18 }),
    ],
  }),

  agreements: grid({
    schema: agreementListSchema,
    list: listAgreements,
    title: (s) => s.sla.tabs.agreements,
    columns: (c) => [
      c.text({ header: (s) => s.sla.agreements.number, value: (r) => r.number, width: 18 }),
      c.customerName((s) => s.sla.customer),
      c.date({ header: (s) => s.sla.agreements.signedOn, value: (r) => r.signedOn }),
      c.date({ header: (s) => s.sla.agreements.validFrom, value: (r) => r.validFrom }),
      c.date({ header: (s) => s.sla.agreements.validTo, value: (r) => r.validTo }),
      c.text({
        header: (s) => s.sla.agreements.status,
        value: (r, l) => l.s.sla.agreementStatus[r.status],
        width: 10,
      }),
      c.text({
        header: (s) => s.sla.agreements.expiry,
        value: (r, l) =>
          r.expiringSoon ? fill(l.s.sla.agreements, 'endsIn', { count: r.daysToExpiry ?? 0 }) : null,
        width: 14,
      }),
      c.text({ header: (s) => s.sla.agreements.grade, value: (r, l) => l.entry('grades', r.gradeId) }),
      c.number({ header: (s) => s.sla.agreements.circuits, value: (r) => r.circuitIds.length }),
    ],
  }),

  orders: grid({
    schema: orderListSchema,
    list: listOrders,
    title: (s) => s.sla.tabs.orders,
    columns: (c) => [
      c.text({ header: (s) => s.sla.orders.number, value: (r) => r.number, width: 16 }),
      c.customerName((s) => s.sla.customer),
      c.text({ header: (s) => s.sla.orders.circuit, value: (r) => r.circuitNumber, width: 18 }),
      c.text({
        header: (s) => s.sla.orders.class,
        value: (r, l) => l.s.sla.provisioningClass[r.provisioningClass],
        width: 10,
      }),
      c.date({ header: (s) => s.sla.orders.acceptedOn, value: (r) => r.acceptedOn }),
      c.date({ header: (s) => s.sla.orders.dueOn, value: (r) => r.dueOn }),
      c.date({ header: (s) => s.sla.orders.completedOn, value: (r) => r.completedOn }),
      c.text({
        header: (s) => s.sla.orders.status,
        value: (r, l) => l.s.sla.orderStatus[r.status],
        width: 10,
      }),
      c.number({ header: (s) => s.sla.orders.lateDays, value: (r) => r.lateWorkingDays }),
      c.money({ header: yuan((s) => s.sla.orders.compensation), value: (r) => r.compensationFen }),
      c.text({ header: (s) => s.sla.orders.slip, value: (r) => r.slipNumber, width: 16 }),
    ],
  }),

  faults: grid({
    schema: faultListSchema,
    list: listFaults,
    title: (s) => s.sla.tabs.faults,
    columns: (c) => [
      c.text({ header: (s) => s.sla.faults.number, value: (r) => r.number, width: 16 }),
      c.customerName((s) => s.sla.customer),
      c.text({ header: (s) => s.sla.orders.circuit, value: (r) => r.circuitNumber, width: 18 }),
      c.instant({ header: (s) => s.sla.faults.reportedAt, value: (r) => r.reportedAt }),
      c.instant({ header: (s) => s.sla.faults.restoredAt, value: (r) => r.restoredAt }),
      c.text({ header: (s) => s.sla.faults.cause, value: (r, l) => l.s.sla.faultCause[r.cause], width: 12 }),
      c.number({ header: minutes((s) => s.sla.faults.recovery), value: (r) => r.recoveryMinutes }),
      c.number({ header: minutes((s) => s.sla.faults.target), value: (r) => r.targetMinutes }),
      c.text({ header: (s) => s.sla.faults.met, value: (r, l) => l.yesNo(r.metTarget), width: 8 }),
      c.text({ header: (s) => s.sla.faults.description, value: (r) => r.description, width: 40 }),
    ],
  }),

  slips: grid({
    schema: slipListSchema,
    list: listSlips,
    title: (s) => s.sla.tabs.slips,
    columns: (c) => [
      c.text({ header: (s) => s.slips.list.number, value: (r) => r.number, width: 16 }),
      c.text({ header: (s) => s.slips.list.kind, value: (r, l) => l.s.sla.slipKind[r.kind], width: 14 }),
      c.customerName((s) => s.slips.list.customer),
      c.text({ header: (s) => s.slips.list.circuit, value: (r) => r.circuitNumber, width: 18 }),
      c.text({ header: (s) => s.slips.list.source, value: (r) => r.orderNumber ?? r.period, width: 16 }),
      c.money({ header: yuan((s) => s.slips.list.amount), value: (r) => r.amountFen }),
      c.text({ header: (s) => s.slips.list.state, value: (r, l) => l.s.sla.slipStatus[r.status], width: 12 }),
      c.text({ header: (s) => s.slips.list.responsibleUnit, value: (r) => r.responsibleUnit, width: 16 }),
      c.instant({ header: (s) => s.slips.list.createdAt, value: (r) => r.createdAt }),
      c.text({ header: (s) => s.slips.list.confirmedBy, value: (r) => r.confirmedBy, width: 12 }),
      c.instant({ header: (s) => s.slips.list.confirmedAt, value: (r) => r.confirmedAt }),
      c.instant({ header: (s) => s.slips.list.paidAt, value: (r) => r.paidAt }),
    ],
  }),

  activities: grid({
    schema: activityListSchema,
    list: listActivities,
    title: (s) => s.plans.tabs.activities,
    columns: (c) => [
      c.date({ header: (s) => s.plans.activities.date, value: (r) => r.occurredOn }),
      c.customerName((s) => s.plans.activities.customer),
      c.text({
        header: (s) => s.plans.activities.kind,
        value: (r, l) => (l.s.plans.kinds as Record<string, string>)[r.kind] ?? r.kind,
        width: 10,
      }),
      c.text({
        header: (s) => s.plans.activities.item,
        value: (r, l) => l.serviceItem(r.itemId) ?? l.s.plans.activities.noItem,
        width: 20,
      }),
      c.text({ header: (s) => s.plans.activities.staff, value: (r) => r.staffName, width: 12 }),
      c.text({
        header: (s) => s.plans.activities.contacts,
        value: (r, l) => l.contactNames(r.contactIds),
        width: 20,
      }),
      c.text({ header: (s) => s.plans.activities.notes, value: (r) => r.notes, width: 50 }),
    ],
    prepare: (rows, labels) => labels.loadContacts(rows.flatMap((row) => row.contactIds)),
  }),

  deliveries: grid({
    schema: deliveryListSchema,
    list: listDeliveries,
    title: (s) => s.delivery.tabs.deliveries,
    columns: (c) => [
      c.text({ header: (s) => s.delivery.deliveries.number, value: (r) => r.number, width: 16 }),
      c.customerName((s) => s.delivery.customer),
      c.text({ header: (s) => s.delivery.deliveries.circuit, value: (r) => r.circuitNumber, width: 18 }),
      c.text({ header: (s) => s.delivery.deliveries.order, value: (r) => r.orderNumber, width: 16 }),
      c.date({ header: (s) => s.delivery.deliveries.openedOn, value: (r) => r.openedOn }),
      c.date({ header: (s) => s.delivery.deliveries.dueOn, value: (r) => r.dueOn }),
      c.text({
        header: (s) => s.delivery.deliveries.status,
        value: (r, l) => l.s.delivery.status[r.status],
        width: 10,
      }),
      c.date({ header: (s) => s.delivery.deliveries.deliveredOn, value: (r) => r.deliveredOn }),
      c.text({
        header: (s) => s.delivery.deliveries.deliveredBy,
        value: (r) => r.deliveredByName,
        width: 12,
      }),
      c.text({ header: (s) => s.delivery.deliveries.receiverShort, value: (r) => r.receiverName, width: 12 }),
      // "3 / 5", spaced so that a spreadsheet does not read it as a date.
      c.text({
        header: (s) => s.delivery.deliveries.pack,
        value: (r) => `${r.pack.filter((item) => item.handedOver).length} / ${r.pack.length}`,
        width: 8,
      }),
    ],
  }),

  followUps: grid({
    schema: followUpListSchema,
    list: listFollowUps,
    title: (s) => s.delivery.tabs.followups,
    columns: (c) => [
      c.text({ header: (s) => s.delivery.followUps.number, value: (r) => r.number, width: 16 }),
      c.customerName((s) => s.delivery.customer),
      c.text({
        header: (s) => s.delivery.followUps.source,
        value: (r, l) =>
          `${l.s.delivery.source[r.source]} ${(r.source === 'opening' ? r.orderNumber : r.faultNumber) ?? ''}`.trim(),
        width: 20,
      }),
      c.date({ header: (s) => s.delivery.followUps.triggerOn, value: (r) => r.triggerOn }),
      c.date({ header: (s) => s.delivery.followUps.dueOn, value: (r) => r.dueOn }),
      c.text({
        header: (s) => s.delivery.followUps.status,
        value: (r, l) => l.s.delivery.status[r.status],
        width: 10,
      }),
      c.date({ header: (s) => s.delivery.followUps.doneOn, value: (r) => r.doneOn }),
      c.number({ header: (s) => s.delivery.followUps.satisfaction, value: (r) => r.satisfaction }),
      c.text({
        header: (s) => s.delivery.followUps.issues,
        value: (r, l) => l.s.delivery.issueState[!r.issues ? 'none' : r.issueClosedOn ? 'closed' : 'open'],
        width: 10,
      }),
      c.text({ header: (s) => s.delivery.followUps.issueOwner, value: (r) => r.issueOwnerName, width: 12 }),
    ],
  }),
}
