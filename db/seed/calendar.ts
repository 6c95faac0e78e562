/**
 * The official calendar the app ships: public holidays and make-up working days (调休) for every year
 * the State Council has published, from the maintained `chinese-days` package. Years are added to a
 * database when it opens and does not have them yet; a year already there (shipped, imported or edited
 * in Settings) is never overwritten, so a supervisor's correction survives app updates.
 */
import type { Kysely } from 'kysely'
import shipped from 'chinese-days/dist/chinese-days.json' with { type: 'json' }
import type { CalendarEntry } from '../../electron/domain/calendar'
import { defaultRowId } from '../ids'
import type { Database } from '../schema'

/** "Spring Festival,春节,4": English name, Chinese name, length of the holiday. */
function toEntry(date: string, kind: CalendarEntry['kind'], label: string): CalendarEntry {
  const [nameEn = '', nameZh = ''] = label.split(',')
  return { date, kind, nameZh, nameEn }
}

export const SHIPPED_CALENDAR: CalendarEntry[] = [
  ...Object.entries(shipped.holidays).map(([date, label]) => toEntry(date, 'rest', label)),
  ...Object.entries(shipped.workdays).map(([date, label]) => toEntry(date, 'work', label)),
].sort((a, b) => a.date.localeCompare(b.date))

export const SHIPPED_YEARS = [...new Set(SHIPPED_CALENDAR.map((entry) => Number(entry.date.slice(0, 4))))]

export async function addShippedCalendarYears(db: Kysely<Database>, now: Date): Promise<number[]> {
  const present = new Set(
    (await db.selectFrom('calendarYear').select('year').execute()).map((row) => row.year),
  )
  const missing = SHIPPED_YEARS.filter((year) => !present.has(year))
  if (missing.length === 0) return []
  const at = now.toISOString()
  await db.transaction().execute(async (trx) => {
    for (const year of missing) {
      const days = SHIPPED_CALENDAR.filter((entry) => entry.date.startsWith(`${year}-`))
      await trx
        .insertInto('calendarDay')
        .values(
          days.map((day) => ({
            ...day,
            id: defaultRowId(`calendar_day:${day.date}`),
            source: 'shipped' as const,
            version: 1,
            createdAt: at,
            updatedAt: at,
            deletedAt: null,
          })),
        )
        // A day a supervisor entered by hand for a year not yet published stays as it is.
        .onConflict((oc) => oc.column('date').doNothing())
        .execute()
      await trx.insertInto('calendarYear').values({ year, source: 'shipped', loadedAt: at }).execute()
    }
  })
  return missing
}
