/** Settings: one JSON value per key. */
import type { ServiceContext } from '../context'

export async function readSetting<T>(ctx: ServiceContext, key: string, fallback: T): Promise<T> {
  const row = await ctx.db.selectFrom('setting').select('valueJson').where('key', '=', key).executeTakeFirst()
  return row ? (JSON.parse(row.valueJson) as T) : fallback
}

export async function writeSetting(ctx: ServiceContext, key: string, value: unknown): Promise<void> {
  const valueJson = JSON.stringify(value)
  await ctx.db
    .insertInto('setting')
    .values({ key, valueJson })
    .onConflict((oc) => oc.column('key').doUpdateSet({ valueJson }))
    .execute()
}
