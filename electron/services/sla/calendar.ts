/**
 * The working-day calendar as data: official rest days and make-up working days per year, shipped for
 * the published years, editable in Settings and importable from an .ics or CSV file. Every change moves
 * the deadlines counted in working days (orders', deliveries'), in the same transaction.
 */
import { buildCalendar, type CalendarEntry, type WorkCalendar } from '../../domain/calendar'
import type { CalendarDayRecord, CalendarImportPreview, CalendarYearSummary } from '../../api/contract'
import { AppError, fieldError } from '../../api/errors'
import type { CalendarDayInput } from '../../api/schemas'
import type { ServiceContext } from '../context'
import { inTransaction, insertRecord, nowIso, softDelete, updateRecord, writeAudit } from '../records'
import { recomputeOrders } from './orders'
import { recomputeWorkingDayDeadlines } from '../delivery/deadlines'

/** Every deadline counted in working days moves with the calendar: orders', deliveries'. */
async function recomputeDeadlines(ctx: ServiceContext): Promise<void> {
  await recomputeOrders(ctx)
  await recomputeWorkingDayDeadlines(ctx)
}

/**
 * The calendar last loaded, by what it was built from: a recompute of every order, or a demo writing
 * hundreds, reuses it (and its day index) instead of building it again for each order.
 */
let lastLoaded: { signature: string; calendar: WorkCalendar } | null = null

export async function loadCalendar(ctx: ServiceContext): Promise<WorkCalendar> {
  const [years, days] = await Promise.all([
    ctx.db.selectFrom('calendarYear').select('year').orderBy('year').execute(),
    ctx.db
      .selectFrom('calendarDay')
      .select(['date', 'kind', 'nameZh', 'nameEn'])
      .where('deletedAt', 'is', null)
      .orderBy('date')
      .execute(),
  ])
  const signature = JSON.stringify([years, days])
  if (lastLoaded?.signature !== signature) {
    lastLoaded = {
      signature,
      calendar: buildCalendar(
        years.map((row) => row.year),
        days,
      ),
    }
  }
  return lastLoaded.calendar
}

export async function calendarYears(ctx: ServiceContext): Promise<CalendarYearSummary[]> {
  const [loaded, counts] = await Promise.all([
    ctx.db.selectFrom('calendarYear').selectAll().execute(),
    ctx.db
      .selectFrom('calendarDay')
      .select((eb) => [
        eb.fn<string>('substr', ['date', eb.val(1), eb.val(4)]).as('year'),
        eb.fn.countAll<number>().filterWhere('kind', '=', 'rest').as('restDays'),
        eb.fn.countAll<number>().filterWhere('kind', '=', 'work').as('workDays'),
      ])
      .where('deletedAt', 'is', null)
      .groupBy('year')
      .execute(),
  ])
  const years = new Set([...loaded.map((row) => row.year), ...counts.map((row) => Number(row.year))])
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => {
      const official = loaded.find((row) => row.year === year)
      const count = counts.find((row) => Number(row.year) === year)
      return {
        year,
        loaded: official !== undefined,
        source: official?.source ?? null,
        restDays: Number(count?.restDays ?? 0),
        workDays: Number(count?.workDays ?? 0),
      }
    })
}

export async function calendarDays(ctx: ServiceContext, year: number): Promise<CalendarDayRecord[]> {
  const rows = await ctx.db
    .selectFrom('calendarDay')
    .select(['id', 'version', 'date', 'kind', 'nameZh', 'nameEn', 'source'])
    .where('date', 'like', `${year}-%`)
    .where('deletedAt', 'is', null)
    .orderBy('date')
    .execute()
  return rows
}

/** Adds or changes one day; a day removed earlier comes back with the new values. */
async function putDay(
  ctx: ServiceContext,
  day: CalendarEntry,
  source: 'import' | 'manual',
): Promise<'added' | 'changed' | 'unchanged'> {
  const existing = await ctx.db
    .selectFrom('calendarDay')
    .select(['id', 'version', 'kind', 'nameZh', 'nameEn', 'deletedAt'])
    .where('date', '=', day.date)
    .executeTakeFirst()
  if (!existing) {
    await insertRecord(ctx, 'calendarDay', { ...day, source })
    return 'added'
  }
  const same =
    !existing.deletedAt &&
    existing.kind === day.kind &&
    existing.nameZh === day.nameZh &&
    existing.nameEn === day.nameEn
  if (same) return 'unchanged'
  await updateRecord(ctx, 'calendarDay', existing.id, existing.version, { ...day, source, deletedAt: null })
  return existing.deletedAt ? 'added' : 'changed'
}

export async function saveCalendarDay(
  ctx: ServiceContext,
  input: CalendarDayInput,
): Promise<CalendarYearSummary[]> {
  return inTransaction(ctx, async (tx) => {
    await putDay(tx, { ...input, nameEn: input.nameEn ?? input.nameZh }, 'manual')
    await recomputeDeadlines(tx)
    return calendarYears(tx)
  })
}

export async function deleteCalendarDay(ctx: ServiceContext, date: string): Promise<CalendarYearSummary[]> {
  return inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('calendarDay')
      .select(['id', 'version'])
      .where('date', '=', date)
      .where('deletedAt', 'is', null)
      .executeTakeFirst()
    if (!row)
      throw new AppError('not_found', `No calendar entry on ${date}.`, { params: { table: 'calendarDay' } })
    await softDelete(tx, 'calendarDay', row.id, row.version)
    await recomputeDeadlines(tx)
    return calendarYears(tx)
  })
}

/**
 * Marks a year's official notice as entered (or not). Until it is, dates in that year are a guess and
 * every result reaching it says so.
 */
export async function setYearLoaded(
  ctx: ServiceContext,
  year: number,
  loaded: boolean,
): Promise<CalendarYearSummary[]> {
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('calendarYear')
      .selectAll()
      .where('year', '=', year)
      .executeTakeFirst()
    if (loaded && !before) {
      const after = { year, source: 'manual' as const, loadedAt: nowIso(tx) }
      await tx.db.insertInto('calendarYear').values(after).execute()
      await writeAudit(tx, 'calendarYear', 'create', null, { id: String(year), ...after })
    }
    if (!loaded && before) {
      await tx.db.deleteFrom('calendarYear').where('year', '=', year).execute()
      await writeAudit(tx, 'calendarYear', 'delete', { id: String(year), ...before }, { id: String(year) })
    }
    await recomputeDeadlines(tx)
    return calendarYears(tx)
  })
}

/** Compares an imported file with what the database holds, day by day. */
export async function previewCalendarImport(
  ctx: ServiceContext,
  entries: CalendarEntry[],
  years: number[],
): Promise<Omit<CalendarImportPreview, 'token' | 'fileName' | 'problems'>> {
  const existing = await ctx.db
    .selectFrom('calendarDay')
    .select(['date', 'kind', 'nameZh'])
    .where('deletedAt', 'is', null)
    .where(
      'date',
      'in',
      entries.map((entry) => entry.date),
    )
    .execute()
  const byDate = new Map(existing.map((row) => [row.date, row]))
  const changed = entries.filter(
    (entry) => byDate.has(entry.date) && byDate.get(entry.date)!.kind !== entry.kind,
  )
  return {
    years,
    restDays: entries.filter((entry) => entry.kind === 'rest').length,
    workDays: entries.filter((entry) => entry.kind === 'work').length,
    newDays: entries.filter((entry) => !byDate.has(entry.date)).length,
    changedDays: changed.map((entry) => ({
      date: entry.date,
      kind: entry.kind,
      was: byDate.get(entry.date)!.kind,
    })),
  }
}

/** Writes an imported file's days in one transaction and marks its years as loaded. */
export async function commitCalendarImport(
  ctx: ServiceContext,
  entries: CalendarEntry[],
  years: number[],
): Promise<CalendarYearSummary[]> {
  if (entries.length === 0) throw fieldError('file', 'calendar_empty')
  return inTransaction(ctx, async (tx) => {
    for (const entry of entries) await putDay(tx, entry, 'import')
    for (const year of years) {
      const loaded = await tx.db
        .selectFrom('calendarYear')
        .select('year')
        .where('year', '=', year)
        .executeTakeFirst()
      if (loaded) continue
      const after = { year, source: 'import' as const, loadedAt: nowIso(tx) }
      await tx.db.insertInto('calendarYear').values(after).execute()
      await writeAudit(tx, 'calendarYear', 'create', null, { id: String(year), ...after })
    }
    await recomputeDeadlines(tx)
    return calendarYears(tx)
  })
}
