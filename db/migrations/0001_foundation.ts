import type { Kysely } from 'kysely'
import { defaultRowId } from '../ids'

/** Columns every business record carries (see RecordColumns in schema.ts). */
function recordTable(db: Kysely<unknown>, name: string) {
  return db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
}

const SHIPPED_AT = '2026-11-23T00:00:00.000Z'

/** The two tier presets of domain.md §1: A/B/C/D (the default) and 1A–5A star service. */
const TIER_PRESETS = [
  ['abcd', 'A', 'A类集团', 'Class A', 1],
  ['abcd', 'B', 'B类集团', 'Class B', 2],
  ['abcd', 'C', 'C类集团', 'Class C', 3],
  ['abcd', 'D', 'D类集团', 'Class D', 4],
  ['star', '5A', '5A（五星级服务）', '5A (5-star service)', 1],
  ['star', '4A', '4A（四星级服务）', '4A (4-star service)', 2],
  ['star', '3A', '3A（三星级服务）', '3A (3-star service)', 3],
  ['star', '2A', '2A（二星级服务）', '2A (2-star service)', 4],
  ['star', '1A', '1A（一星级服务）', '1A (1-star service)', 5],
] as const

const INDUSTRIES = [
  ['government', '党政机关', 'Government'],
  ['finance', '金融', 'Banking and finance'],
  ['insurance', '保险', 'Insurance'],
  ['hospitality', '酒店旅游', 'Hotels and tourism'],
  ['park', '产业园区', 'Industrial parks'],
  ['education', '教育', 'Education'],
  ['healthcare', '医疗卫生', 'Healthcare'],
  ['manufacturing', '工业制造', 'Manufacturing'],
  ['logistics', '交通物流', 'Transport and logistics'],
  ['energy', '能源', 'Energy and utilities'],
  ['retail', '商贸零售', 'Retail and trade'],
  ['media', '新闻媒体', 'Press and media'],
  ['military', '军警', 'Military and police'],
  ['other', '其他', 'Other'],
] as const

function stamps() {
  return { version: 1, created_at: SHIPPED_AT, updated_at: SHIPPED_AT, deleted_at: null }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('operator_id', 'text')
    .addColumn('operator_name', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.notNull())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute()
  await db.schema
    .createIndex('audit_log_row')
    .on('audit_log')
    .columns(['table_name', 'row_id', 'at'])
    .execute()

  await recordTable(db, 'tier')
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label_zh', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addUniqueConstraint('tier_scheme_code', ['scheme', 'code'])
    .execute()

  for (const lookup of ['industry', 'branch']) {
    await recordTable(db, lookup)
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('name_zh', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
      .execute()
  }

  await recordTable(db, 'account_manager')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('branch_id', 'text', (c) => c.references('branch.id'))
    .addColumn('phone', 'text')
    .addColumn('role', 'text', (c) => c.notNull().defaultTo('staff'))
    .addColumn('password_hash', 'text')
    .execute()

  const anyDb = db as Kysely<Record<string, Record<string, unknown>>>
  await anyDb
    .insertInto('tier')
    .values(
      TIER_PRESETS.map(([scheme, code, label_zh, label_en, rank]) => ({
        id: defaultRowId(`tier:${scheme}:${code}`),
        scheme,
        code,
        label_zh,
        label_en,
        rank,
        ...stamps(),
      })),
    )
    .execute()
  await anyDb
    .insertInto('industry')
    .values(
      INDUSTRIES.map(([code, name_zh, name_en], index) => ({
        id: defaultRowId(`industry:${code}`),
        code,
        name_zh,
        name_en,
        sort_order: index + 1,
        ...stamps(),
      })),
    )
    .execute()
  await anyDb
    .insertInto('setting')
    .values({ key: 'tier_scheme', value_json: JSON.stringify('abcd') })
    .execute()
}
