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
import { basename, extname } from 'node:path'
import {
  calendarDays,
  calendarYears,
  commitCalendarImport,
  deleteCalendarDay,
  saveCalendarDay,
  setYearLoaded,
} from '../services/sla/calendar'
import { listAgreements, saveAgreement, deleteAgreement } from '../services/sla/agreements'
import { deleteCircuit, listCircuits, saveCircuit } from '../services/sla/circuits'
import { calendarPreview, printSlip, readCalendarFile } from '../services/sla/documents'
import { circuitAvailability, deleteFault, listFaults, saveFault } from '../services/sla/faults'
import { deleteOrder, getOrder, listOrders, quote, saveOrder } from '../services/sla/orders'
import { ruleHistory, saveGrade, saveRule, saveSlaSettings, slaRules } from '../services/sla/rules'
import { confirmSlip, getSlip, listSlips, paySlip, voidSlip } from '../services/sla/slips'
import { deleteActivity, listActivities, saveActivity } from '../services/plans/activities'
import {
  addChurnNote,
  customerRevenue,
  listWarnings,
  recordFollowUp,
  saveRevenue,
} from '../services/plans/churn'
import { complianceSummary, customerCompliance } from '../services/plans/compliance'
import {
  effectivePlan,
  resetPlanItem,
  savePlanItem,
  saveStandard,
  standardsMatrix,
} from '../services/plans/plans'
import { printStandards } from '../services/plans/printing'
import { customerValue, saveCustomerValue, saveValueSettings, valueSettings } from '../services/plans/value'
import {
  deliveryRules,
  saveDeadlineRule,
  saveDeliveryDocument,
  saveDeliverySettings,
} from '../services/delivery/rules'
import { getDelivery, listDeliveries, saveDelivery } from '../services/delivery/deliveries'
import { getFollowUp, listFollowUps, saveFollowUp } from '../services/delivery/followUps'
import { myDay, onTimeFigure } from '../services/delivery/figures'
import { printDelivery } from '../services/delivery/printing'
import { exportGrid, parseExportQuery } from '../services/transfer/export'
import { backupInfo, manualBackupName, saveBackupSettings } from '../services/transfer/backup'
import {
  cancelImport,
  commitImport,
  heldImport,
  holdImport,
  importProgress,
  openImport,
  previewImport,
  rejectedFileName,
  remapImport,
  writeRejectedFile,
} from '../services/transfer/import'
import { quarterlyReport, reportRecords } from '../services/reports/report'
import { exportReport } from '../services/reports/export'
import { contract, isChannel, type Channel, type OutputOf, type ParsedInputOf } from './contract'
import { AppError, type ApiErrorData, type FieldError, type Result } from './errors'

const BACKUP_FILTERS = [{ name: 'Account Desk backup (.sqlite)', extensions: ['sqlite', 'db'] }]

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

  'sla.rules': ({ ctx }) => slaRules(ctx),
  'sla.ruleHistory': ({ ctx }) => ruleHistory(ctx),
  'sla.saveRule': ({ ctx }, input) => saveRule(ctx, input),
  'sla.saveSettings': ({ ctx }, input) => saveSlaSettings(ctx, input),
  'sla.saveGrade': ({ ctx }, input) => saveGrade(ctx, input),
  'sla.quote': ({ ctx }, input) => quote(ctx, input),

  'calendar.years': ({ ctx }) => calendarYears(ctx),
  'calendar.days': ({ ctx }, input) => calendarDays(ctx, input.year),
  'calendar.saveDay': ({ ctx }, input) => saveCalendarDay(ctx, input),
  'calendar.deleteDay': ({ ctx }, input) => deleteCalendarDay(ctx, input.date),
  'calendar.setYearLoaded': ({ ctx }, input) => setYearLoaded(ctx, input.year, input.loaded),
  'calendar.previewImport': async ({ host, ctx }) => {
    const path = await host.ports.chooseOpenFile([
      { name: 'Calendar (.ics, .csv)', extensions: ['ics', 'csv', 'txt'] },
    ])
    if (!path) return null
    const file = readCalendarFile(path)
    const preview = await calendarPreview(ctx, '', file)
    // Only a file without problems can be committed; one with problems is shown, not held.
    return { ...preview, token: preview.problems.length === 0 ? host.holdCalendar(file) : '' }
  },
  'calendar.commitImport': ({ host, ctx }, input) => {
    const file = host.takeCalendar(input.token)
    return commitCalendarImport(ctx, file.entries, file.years)
  },

  'circuits.list': ({ ctx }, input) => listCircuits(ctx, input),
  'circuits.save': ({ ctx }, input) => saveCircuit(ctx, input),
  'circuits.delete': ({ ctx }, input) => deleteCircuit(ctx, input.id, input.version),

  'agreements.list': ({ ctx }, input) => listAgreements(ctx, input),
  'agreements.save': ({ ctx }, input) => saveAgreement(ctx, input),
  'agreements.delete': ({ ctx }, input) => deleteAgreement(ctx, input.id, input.version),

  'orders.list': ({ ctx }, input) => listOrders(ctx, input),
  'orders.get': ({ ctx }, input) => getOrder(ctx, input.id),
  'orders.save': ({ ctx }, input) => saveOrder(ctx, input),
  'orders.delete': ({ ctx }, input) => deleteOrder(ctx, input.id, input.version),

  'faults.list': ({ ctx }, input) => listFaults(ctx, input),
  'faults.save': ({ ctx }, input) => saveFault(ctx, input),
  'faults.delete': ({ ctx }, input) => deleteFault(ctx, input.id, input.version),
  'faults.availability': ({ ctx }, input) => circuitAvailability(ctx, input),

  'slips.list': ({ ctx }, input) => listSlips(ctx, input),
  'slips.get': ({ ctx }, input) => getSlip(ctx, input.id),
  'slips.confirm': ({ ctx }, input) => confirmSlip(ctx, input),
  'slips.pay': ({ ctx }, input) => paySlip(ctx, input),
  'slips.void': ({ ctx }, input) => voidSlip(ctx, input),
  'slips.print': async ({ host, ctx }, input) => {
    const path = await printSlip(ctx, host.ports, input.id, input.language)
    return path ? { handle: host.rememberFile(path), fileName: basename(path) } : null
  },
  'files.open': ({ host }, input) => host.openSavedFile(input.handle),

  'standards.get': ({ ctx }) => standardsMatrix(ctx),
  'standards.save': ({ ctx }, input) => saveStandard(ctx, input),
  'standards.print': async ({ host, ctx }, input) => {
    const path = await printStandards(ctx, host.ports, input.language)
    return path ? { handle: host.rememberFile(path), fileName: basename(path) } : null
  },
  'plans.get': ({ ctx }, input) => effectivePlan(ctx, input.customerId, input.year),
  'plans.saveItem': ({ ctx }, input) => savePlanItem(ctx, input),
  'plans.resetItem': ({ ctx }, input) => resetPlanItem(ctx, input),
  'activities.list': ({ ctx }, input) => listActivities(ctx, input),
  'activities.save': ({ ctx }, input) => saveActivity(ctx, input),
  'activities.delete': ({ ctx }, input) => deleteActivity(ctx, input.id, input.version),
  'compliance.customer': ({ ctx }, input) => customerCompliance(ctx, input),
  'compliance.summary': ({ ctx }, input) => complianceSummary(ctx, input),
  'revenue.list': ({ ctx }, input) => customerRevenue(ctx, input.id),
  'revenue.save': ({ ctx }, input) => saveRevenue(ctx, input),
  'churn.list': ({ ctx }, input) => listWarnings(ctx, input),
  'churn.addNote': ({ ctx }, input) => addChurnNote(ctx, input),
  'churn.followUp': ({ ctx }, input) => recordFollowUp(ctx, input),
  'value.get': ({ ctx }, input) => customerValue(ctx, input.id),
  'value.save': ({ ctx }, input) => saveCustomerValue(ctx, input),
  'value.settings': ({ ctx }) => valueSettings(ctx),
  'value.saveSettings': ({ ctx }, input) => saveValueSettings(ctx, input),

  'delivery.rules': ({ ctx }) => deliveryRules(ctx),
  'delivery.saveRule': ({ ctx }, input) => saveDeadlineRule(ctx, input),
  'delivery.saveDocument': ({ ctx }, input) => saveDeliveryDocument(ctx, input),
  'delivery.saveSettings': ({ ctx }, input) => saveDeliverySettings(ctx, input),
  'deliveries.list': ({ ctx }, input) => listDeliveries(ctx, input),
  'deliveries.get': ({ ctx }, input) => getDelivery(ctx, input.id),
  'deliveries.save': ({ ctx }, input) => saveDelivery(ctx, input),
  'deliveries.print': async ({ host, ctx }, input) => {
    const path = await printDelivery(ctx, host.ports, input.id, input.language)
    return path ? { handle: host.rememberFile(path), fileName: basename(path) } : null
  },
  'deliveries.onTime': ({ ctx }, input) => onTimeFigure(ctx, 'delivery', input),
  'followUps.list': ({ ctx }, input) => listFollowUps(ctx, input),
  'followUps.get': ({ ctx }, input) => getFollowUp(ctx, input.id),
  'followUps.save': ({ ctx }, input) => saveFollowUp(ctx, input),
  'followUps.onTime': ({ ctx }, input) => onTimeFigure(ctx, 'followUp', input),
  'myDay.get': ({ ctx }, input) => myDay(ctx, input),

  'import.preview': async ({ host, ctx }, input) => {
    const path = await host.ports.chooseOpenFile([
      { name: 'Excel or CSV (.xlsx, .csv)', extensions: ['xlsx', 'csv', 'txt'] },
    ])
    if (!path) return null
    const session = await openImport(ctx, path, input.kind, { language: host.prefs().language })
    const preview = await previewImport(ctx, session)
    holdImport(host.importSessions, session)
    return preview
  },
  'import.remap': ({ host, ctx }, input) =>
    remapImport(ctx, heldImport(host.importSessions, input.token), input.mapping),
  'import.commit': ({ host, ctx }, input) => commitImport(ctx, heldImport(host.importSessions, input.token)),
  'import.progress': ({ host }, input) => importProgress(heldImport(host.importSessions, input.token)),
  'import.cancel': ({ host }, input) => cancelImport(heldImport(host.importSessions, input.token)),
  'import.saveRejected': async ({ host }, input) => {
    const session = heldImport(host.importSessions, input.token)
    const path = await host.ports.chooseSaveFile(rejectedFileName(session), [
      { name: 'CSV', extensions: ['csv'] },
    ])
    if (!path) return null
    // A CSV whatever name was typed, as an export's file is: never the database, written over as text.
    const file = extname(path).toLowerCase() === '.csv' ? path : `${path}.csv`
    writeRejectedFile(file, session, host.prefs().language)
    return { handle: host.rememberFile(file), fileName: basename(file) }
  },

  'export.grid': async ({ host, ctx }, input) => {
    // The grid's own list schema judges the filter and sort, before any dialog opens.
    const query = parseExportQuery(input)
    if (!query.success) {
      throw new AppError('invalid_input', `Invalid filter for the ${input.grid} export.`, {
        fields: fieldErrors(query.error).map((field) => ({ ...field, path: `query.${field.path}` })),
      })
    }
    const path = await exportGrid(ctx, host.ports, input, query.data)
    return path ? { handle: host.rememberFile(path), fileName: basename(path) } : null
  },
  'backup.info': ({ host, ctx }) => backupInfo(ctx, host.info().databaseFile),
  'backup.now': async ({ host, ctx }) => {
    const file = host.info().databaseFile
    const path = await host.ports.chooseSaveFile(manualBackupName(file, ctx.now()), BACKUP_FILTERS)
    if (!path) return null
    await host.backupTo(path)
    return { handle: host.rememberFile(path), fileName: basename(path) }
  },
  'backup.saveSettings': async ({ host, ctx }, input) => {
    await saveBackupSettings(ctx, input)
    return backupInfo(ctx, host.info().databaseFile)
  },
  'backup.restore': async ({ host }) => {
    const path = await host.ports.chooseOpenFile(BACKUP_FILTERS)
    return path ? host.restore(path) : null
  },

  'report.get': ({ ctx }, input) => quarterlyReport(ctx, input),
  'report.records': ({ ctx }, input) => reportRecords(ctx, input),
  'report.export': async ({ host, ctx }, input) => {
    const path = await host.reportExports.run((step) => exportReport(ctx, host.ports, input, step))
    return path ? { handle: host.rememberFile(path), fileName: basename(path) } : null
  },
  'report.progress': ({ host }) => host.reportExports.progress(),
  'report.cancel': ({ host }) => host.reportExports.cancel(),
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
