/**
 * Service standards and plans (domain.md §2), activities, monthly revenue, churn warnings and value
 * assessment (§1). Ships the items of the standards table with illustrative per-tier defaults for both
 * tier presets (a star grade takes the settings of the A–D class of the same rank, 2A and 1A as D).
 */
import type { Kysely } from 'kysely'
import { defaultRowId } from '../ids'

const SHIPPED_AT = '2026-11-23T00:00:00.000Z'

function recordTable(db: Kysely<unknown>, name: string) {
  return db.schema
    .createTable(name)
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
}

type Period = 'ten_days' | 'month' | 'quarter' | 'year'
/** Per tier rank 1–4 (A–D): [frequency, period] | 'yes' (provided, no frequency) | null (not provided). */
type TierSetting = [number, Period] | 'yes' | null

interface ItemSeed {
  code: string
  itemClass: 'basic' | 'value_added' | 'extended'
  audience: 'organisation' | 'contact'
  nameZh: string
  nameEn: string
  activityKind: string
  tiers: [TierSetting, TierSetting, TierSetting, TierSetting]
  /** Response time in hours per tier, for items that answer a request. */
  responseHours?: [number, number, number, number]
  /** Contact classes covered, per tier (contact items). */
  coverage?: [string, string, string, string]
}

const CORE = 'core'
const CORE_IMPORTANT = 'core,important'
const ALL = 'core,important,ordinary'

/** The service items of domain.md §2 with illustrative tiered defaults (every figure is editable). */
const ITEMS: ItemSeed[] = [
  {
    code: 'routine_visit',
    itemClass: 'basic',
    audience: 'organisation',
    nameZh: '日常拜访',
    nameEn: 'Routine visit',
    activityKind: 'visit',
    tiers: [
      [2, 'month'],
      [1, 'month'],
      [1, 'quarter'],
      [2, 'year'],
    ],
  },
  {
    code: 'consultation',
    itemClass: 'basic',
    audience: 'organisation',
    nameZh: '业务咨询',
    nameEn: 'Business consultation',
    activityKind: 'call',
    tiers: ['yes', 'yes', 'yes', 'yes'],
    responseHours: [2, 4, 8, 24],
  },
  {
    code: 'group_points',
    itemClass: 'basic',
    audience: 'organisation',
    nameZh: '集团积分',
    nameEn: 'Group points',
    activityKind: 'other',
    tiers: ['yes', 'yes', 'yes', 'yes'],
  },
  {
    code: 'complaint_response',
    itemClass: 'basic',
    audience: 'organisation',
    nameZh: '投诉响应',
    nameEn: 'Complaint response',
    activityKind: 'complaint',
    tiers: ['yes', 'yes', 'yes', 'yes'],
    responseHours: [2, 4, 8, 24],
  },
  {
    code: 'contact_routine',
    itemClass: 'basic',
    audience: 'contact',
    nameZh: '日常服务',
    nameEn: 'Routine service',
    activityKind: 'call',
    tiers: [
      [1, 'month'],
      [1, 'quarter'],
      [1, 'quarter'],
      [1, 'year'],
    ],
    coverage: [CORE_IMPORTANT, CORE_IMPORTANT, CORE, CORE],
  },
  {
    code: 'contact_complaint',
    itemClass: 'basic',
    audience: 'contact',
    nameZh: '投诉响应',
    nameEn: 'Complaint response',
    activityKind: 'complaint',
    tiers: ['yes', 'yes', 'yes', 'yes'],
    responseHours: [2, 4, 8, 24],
    coverage: [ALL, ALL, ALL, ALL],
  },
  {
    code: 'chief_manager',
    itemClass: 'value_added',
    audience: 'organisation',
    nameZh: '首席客户经理',
    nameEn: 'Chief account manager',
    activityKind: 'visit',
    tiers: [[1, 'quarter'], null, null, null],
  },
  {
    code: 'onsite_desk',
    itemClass: 'value_added',
    audience: 'organisation',
    nameZh: '挂牌驻点',
    nameEn: 'On-site service desk',
    activityKind: 'event',
    tiers: [[1, 'ten_days'], [1, 'month'], null, null],
  },
  {
    code: 'holiday_greeting',
    itemClass: 'value_added',
    audience: 'organisation',
    nameZh: '节日问候',
    nameEn: 'Holiday greetings',
    activityKind: 'greeting',
    tiers: [
      [4, 'year'],
      [4, 'year'],
      [2, 'year'],
      [1, 'year'],
    ],
  },
  {
    code: 'product_trial',
    itemClass: 'value_added',
    audience: 'organisation',
    nameZh: '新业务优先试用',
    nameEn: 'Priority trial of new IT products',
    activityKind: 'trial',
    tiers: [[2, 'year'], [1, 'year'], null, null],
  },
  {
    code: 'chief_visit',
    itemClass: 'value_added',
    audience: 'contact',
    nameZh: '首席客户经理拜访',
    nameEn: 'Visit by the chief',
    activityKind: 'visit',
    tiers: [[1, 'year'], null, null, null],
    coverage: [CORE, CORE, CORE, CORE],
  },
  {
    code: 'backup_handset',
    itemClass: 'value_added',
    audience: 'contact',
    nameZh: '备用手机',
    nameEn: 'Backup handset',
    activityKind: 'other',
    tiers: ['yes', 'yes', null, null],
    coverage: [CORE_IMPORTANT, CORE, CORE, CORE],
  },
  {
    code: 'roaming_no_deposit',
    itemClass: 'value_added',
    audience: 'contact',
    nameZh: '免押金开通国际漫游',
    nameEn: 'Roaming without deposit',
    activityKind: 'other',
    tiers: ['yes', 'yes', 'yes', null],
    coverage: [ALL, CORE_IMPORTANT, CORE, CORE],
  },
  {
    code: 'exclusive_service',
    itemClass: 'extended',
    audience: 'organisation',
    nameZh: '专属业务服务',
    nameEn: 'Exclusive business services',
    activityKind: 'other',
    tiers: ['yes', 'yes', null, null],
  },
  {
    code: 'club_event',
    itemClass: 'extended',
    audience: 'organisation',
    nameZh: '俱乐部活动',
    nameEn: 'Club events',
    activityKind: 'event',
    tiers: [[2, 'year'], [1, 'year'], null, null],
  },
  {
    code: 'demo_handset',
    itemClass: 'extended',
    audience: 'contact',
    nameZh: '体验机',
    nameEn: 'Demo handsets',
    activityKind: 'trial',
    tiers: ['yes', 'yes', null, null],
    coverage: [CORE_IMPORTANT, CORE, CORE, CORE],
  },
  {
    code: 'merchant_card',
    itemClass: 'extended',
    audience: 'contact',
    nameZh: '合作商户卡',
    nameEn: 'Partner merchant cards',
    activityKind: 'other',
    tiers: ['yes', 'yes', 'yes', null],
    coverage: [ALL, CORE_IMPORTANT, CORE, CORE],
  },
]

/** The shipped tiers by preset and the A–D rank whose defaults each takes. */
const TIERS: [scheme: string, code: string, rank: number][] = [
  ['abcd', 'A', 1],
  ['abcd', 'B', 2],
  ['abcd', 'C', 3],
  ['abcd', 'D', 4],
  ['star', '5A', 1],
  ['star', '4A', 2],
  ['star', '3A', 3],
  ['star', '2A', 4],
  ['star', '1A', 4],
]

function stamps() {
  return { version: 1, created_at: SHIPPED_AT, updated_at: SHIPPED_AT, deleted_at: null }
}

async function createTables(db: Kysely<unknown>): Promise<void> {
  await recordTable(db, 'service_item')
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('item_class', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('activity_kind', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await recordTable(db, 'service_standard')
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_item.id'))
    .addColumn('tier_id', 'text', (c) => c.notNull().references('tier.id'))
    .addColumn('provided', 'integer', (c) => c.notNull())
    .addColumn('frequency', 'integer')
    .addColumn('period', 'text')
    .addColumn('response_hours', 'integer')
    .addColumn('degree_zh', 'text')
    .addColumn('degree_en', 'text')
    .addColumn('coverage', 'text')
    .addUniqueConstraint('service_standard_item_tier', ['item_id', 'tier_id'])
    .execute()
  await recordTable(db, 'service_plan')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('tier_id', 'text', (c) => c.references('tier.id'))
    .addUniqueConstraint('service_plan_customer_year', ['customer_id', 'year'])
    .execute()
  await recordTable(db, 'plan_item')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('service_plan.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('service_item.id'))
    .addColumn('provided', 'integer', (c) => c.notNull())
    .addColumn('frequency', 'integer')
    .addColumn('period', 'text')
    .addColumn('overridden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .execute()
  await recordTable(db, 'activity')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('item_id', 'text', (c) => c.references('service_item.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.references('account_manager.id'))
    .addColumn('contact_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notes', 'text')
    .execute()
  await recordTable(db, 'monthly_revenue')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('revenue_fen', 'integer', (c) => c.notNull())
    .addUniqueConstraint('monthly_revenue_customer_month', ['customer_id', 'month'])
    .execute()
  await recordTable(db, 'churn_warning')
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customer.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('month', 'text')
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('note', 'text')
    .addColumn('handled_on', 'text')
    .addColumn('handled_by', 'text')
    .addColumn('follow_up', 'text')
    .execute()
  await recordTable(db, 'customer_value')
    .addColumn('customer_id', 'text', (c) => c.notNull().unique().references('customer.id'))
    .addColumn('additional_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('intangible_score', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .execute()
  const indexes: [string, string, string[]][] = [
    ['plan_item_plan', 'plan_item', ['plan_id']],
    ['activity_customer_date', 'activity', ['customer_id', 'occurred_on']],
    ['activity_date', 'activity', ['occurred_on']],
    ['churn_warning_customer', 'churn_warning', ['customer_id']],
    ['churn_warning_open', 'churn_warning', ['handled_on']],
  ]
  for (const [name, table, columns] of indexes)
    await db.schema.createIndex(name).on(table).columns(columns).execute()
}

async function seed(db: Kysely<unknown>): Promise<void> {
  const anyDb = db as Kysely<Record<string, Record<string, unknown>>>
  await anyDb
    .insertInto('service_item')
    .values(
      ITEMS.map((item, index) => ({
        id: defaultRowId(`service_item:${item.code}`),
        code: item.code,
        item_class: item.itemClass,
        audience: item.audience,
        name_zh: item.nameZh,
        name_en: item.nameEn,
        activity_kind: item.activityKind,
        sort_order: index + 1,
        ...stamps(),
      })),
    )
    .execute()
  await anyDb
    .insertInto('service_standard')
    .values(
      ITEMS.flatMap((item) =>
        TIERS.map(([scheme, code, rank]) => {
          const setting = item.tiers[rank - 1]!
          return {
            id: defaultRowId(`service_standard:${item.code}:${scheme}:${code}`),
            item_id: defaultRowId(`service_item:${item.code}`),
            tier_id: defaultRowId(`tier:${scheme}:${code}`),
            provided: setting === null ? 0 : 1,
            frequency: Array.isArray(setting) ? setting[0] : null,
            period: Array.isArray(setting) ? setting[1] : null,
            response_hours: setting === null ? null : (item.responseHours?.[rank - 1] ?? null),
            degree_zh: null,
            degree_en: null,
            coverage: setting === null ? null : (item.coverage?.[rank - 1] ?? null),
            ...stamps(),
          }
        }),
      ),
    )
    .execute()
  await anyDb
    .insertInto('setting')
    .values([
      { key: 'churn_drop_share_bp', value_json: '2000' },
      {
        key: 'value_assessment',
        value_json: JSON.stringify({
          weights: { currentBp: 5000, potentialBp: 3000, intangibleBp: 2000 },
          fullCurrentFen: 100_000_000,
          thresholds: [
            { rank: 1, minScore: 75 },
            { rank: 2, minScore: 50 },
            { rank: 3, minScore: 25 },
            { rank: 4, minScore: 0 },
          ],
          equivalentBusiness: 79,
          equivalentPublic: 338,
        }),
      },
    ])
    .execute()
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await createTables(db)
  await seed(db)
}
