/**
 * The fields each kind of import fills, the headers that name them in branch offices' files (Chinese or
 * English), and the words their fixed choices are written with. A field's key is the key the form's schema
 * uses (`industryId`, `monthlyRevenueFen`), except `customerCode`, which a file gives instead of an id.
 */
import type { ImportKind } from '../../api/contract'
import { normalizeChoice, normalizeHeader } from './importValues'

export type FieldType = 'text' | 'code' | 'count' | 'fen' | 'date' | 'month' | 'boolean' | 'choice' | 'lookup'

export interface FieldSpec {
  key: string
  type: FieldType
  required?: boolean
  /** Headers that name the field, as written; compared after `normalizeHeader`. */
  headers: string[]
  /** For `choice`: the words for each value. */
  choices?: Record<string, string[]>
}

const customerCode: FieldSpec = {
  key: 'customerCode',
  type: 'code',
  required: true,
  headers: [
    '集团编号',
    '客户编号',
    '集团代码',
    '客户代码',
    '集团客户编号',
    '集团客户编码',
    '客户编码',
    '集团编码',
    'customer code',
    'group code',
    'customer',
    'customer no',
  ],
}

const notes: FieldSpec = { key: 'notes', type: 'text', headers: ['备注', '说明', 'notes', 'note', 'remarks'] }

export const KIND_FIELDS: Record<ImportKind, FieldSpec[]> = {
  customers: [
    {
      key: 'code',
      type: 'code',
      required: true,
      headers: [...customerCode.headers, '编号', 'code'],
    },
    {
      key: 'name',
      type: 'text',
      required: true,
      headers: [
        '集团名称',
        '客户名称',
        '集团客户名称',
        '单位名称',
        '名称',
        'name',
        'customer name',
        'group name',
      ],
    },
    { key: 'industryId', type: 'lookup', headers: ['行业', '所属行业', '行业类别', '行业类型', 'industry'] },
    {
      key: 'branchId',
      type: 'lookup',
      headers: ['所属区县', '区县', '所属分公司', '分公司', '归属区县', '区域', 'branch', 'district'],
    },
    { key: 'address', type: 'text', headers: ['地址', '单位地址', '集团地址', '详细地址', 'address'] },
    {
      key: 'tierId',
      type: 'lookup',
      headers: [
        '客户等级',
        '价值等级',
        '集团等级',
        '客户级别',
        '集团级别',
        '等级',
        '级别',
        'tier',
        'value tier',
        'grade',
      ],
    },
    {
      key: 'accountManagerId',
      type: 'lookup',
      headers: ['客户经理', '归属客户经理', '负责客户经理', 'account manager', 'manager'],
    },
    {
      key: 'status',
      type: 'choice',
      headers: ['状态', '客户状态', '集团状态', 'status'],
      choices: {
        active: ['在网', '正常', '活跃', '有效', 'active'],
        at_risk: ['预警', '风险', '有风险', '流失预警', 'at risk', 'at_risk', 'risk'],
        lost: ['离网', '流失', '已流失', '已离网', '销户', 'lost'],
      },
    },
    {
      key: 'employees',
      type: 'count',
      headers: ['员工数', '员工人数', '职工人数', '职工数', '人数', 'employees', 'headcount', 'staff'],
    },
    {
      key: 'annualOutputFen',
      type: 'fen',
      headers: ['产值', '年产值', '年营业额', 'annual output', 'output'],
    },
    { key: 'leader', type: 'text', headers: ['负责人', '单位负责人', '法人', '法定代表人', 'leader'] },
    {
      key: 'ourSubscribers',
      type: 'count',
      headers: ['我公司用户数', '本网用户数', '我网用户数', '我方用户数', 'our subscribers'],
    },
    {
      key: 'competitorSubscribers',
      type: 'count',
      headers: ['竞争对手用户数', '异网用户数', '竞争对手用户', 'competitor subscribers'],
    },
    {
      key: 'monthlyRevenueFen',
      type: 'fen',
      headers: ['月收入', '月通信收入', '月均收入', '月均通信收入', '月消费', 'monthly revenue', 'revenue'],
    },
    {
      key: 'fixedLines',
      type: 'count',
      headers: ['固话', '固话数', '固定电话', '固话数量', 'fixed lines', 'fixed'],
    },
    {
      key: 'broadbandLines',
      type: 'count',
      headers: ['宽带', '宽带数', '宽带数量', 'broadband lines', 'broadband'],
    },
    {
      key: 'groupProducts',
      type: 'text',
      headers: ['集团产品使用情况', '集团产品', '在用产品', '使用产品', 'group products', 'products'],
    },
    {
      key: 'hasPbx',
      type: 'boolean',
      headers: ['小交换机', '有无小交换机', '是否有小交换机', '自有小交换机', 'pbx', 'has pbx', 'own pbx'],
    },
    notes,
  ],
  contacts: [
    customerCode,
    {
      key: 'name',
      type: 'text',
      required: true,
      headers: ['联系人', '联系人姓名', '姓名', '关键联系人', 'contact', 'contact name', 'name'],
    },
    { key: 'position', type: 'text', headers: ['职务', '职位', '岗位', 'position', 'title', 'job title'] },
    {
      key: 'phone',
      type: 'code',
      headers: ['电话', '手机', '联系电话', '手机号', '手机号码', '电话号码', 'phone', 'mobile', 'tel'],
    },
    { key: 'email', type: 'code', headers: ['邮箱', '电子邮箱', '电子邮件', 'email', 'e-mail', 'mail'] },
    {
      key: 'birthday',
      type: 'date',
      headers: ['生日', '出生日期', '出生年月日', 'birthday', 'date of birth'],
    },
    {
      key: 'contactClass',
      type: 'choice',
      headers: ['类别', '联系人类别', '联系人级别', '成员类别', '级别', 'class', 'contact class'],
      choices: {
        core: ['核心', '重要核心成员', '核心成员', '重要核心', '关键', 'core', 'important core member'],
        important: ['重要', '重要普通成员', '重要成员', '重要普通', 'important', 'important ordinary member'],
        ordinary: ['一般', '普通', '普通成员', '一般成员', 'ordinary', 'ordinary member', 'normal'],
      },
    },
    notes,
  ],
  circuits: [
    {
      key: 'number',
      type: 'code',
      required: true,
      headers: [
        '电路编号',
        '电路专线号',
        '专线号',
        '电路号',
        '电路代号',
        '专线编号',
        'circuit number',
        'circuit',
        'number',
      ],
    },
    customerCode,
    {
      key: 'productId',
      type: 'lookup',
      required: true,
      headers: ['产品', '产品名称', '业务类型', '产品类型', '电路类型', '业务', 'product'],
    },
    { key: 'bandwidth', type: 'code', headers: ['带宽', '速率', '电路带宽', 'bandwidth', 'speed'] },
    { key: 'aEnd', type: 'text', headers: ['a端', 'a端地址', '本端', '本端地址', 'a end', 'aend'] },
    { key: 'zEnd', type: 'text', headers: ['z端', 'z端地址', '对端', '对端地址', 'z end', 'zend'] },
    {
      key: 'standardFeeFen',
      type: 'fen',
      headers: [
        '一次性费用',
        '标准一次性费用',
        '开通费',
        '一次性开通费',
        '初装费',
        'one-time fee',
        'standard fee',
      ],
    },
    {
      key: 'monthlyFeeFen',
      type: 'fen',
      headers: ['月租', '月租费', '月费', '月使用费', 'monthly fee', 'monthly rent'],
    },
    {
      key: 'status',
      type: 'choice',
      headers: ['状态', '电路状态', 'status'],
      choices: {
        provisioning: ['开通中', '在建', '施工中', '待开通', 'provisioning'],
        active: ['在用', '正常', '已开通', '开通', '运行', '在网', 'active', 'in use'],
        suspended: ['暂停', '停机', '欠费停机', '暂停使用', 'suspended'],
        ceased: ['已拆机', '拆机', '注销', '停用', '已拆除', 'ceased', 'closed'],
      },
    },
    {
      key: 'openedOn',
      type: 'date',
      headers: ['开通日期', '开通时间', '竣工日期', '启用日期', 'opened on', 'opening date', 'opened'],
    },
    notes,
  ],
  revenue: [
    customerCode,
    {
      key: 'month',
      type: 'month',
      required: true,
      headers: ['月份', '账期', '月', '收入月份', '统计月份', 'month', 'period'],
    },
    {
      key: 'revenueFen',
      type: 'fen',
      required: true,
      headers: ['收入', '月收入', '营收', '金额', '通信收入', '出账收入', 'revenue', 'amount'],
    },
  ],
}

/** A kind's fields, required first (the order the preview lists them). */
export function kindFields(kind: ImportKind): { key: string; required: boolean }[] {
  const fields = KIND_FIELDS[kind]
  return [...fields.filter((field) => field.required), ...fields.filter((field) => !field.required)].map(
    (field) => ({ key: field.key, required: field.required === true }),
  )
}

export function fieldSpec(kind: ImportKind, key: string): FieldSpec | undefined {
  return KIND_FIELDS[kind].find((field) => field.key === key)
}

const HEADER_INDEX = new Map<ImportKind, Map<string, string>>()

/** The field a header names for a kind, or null. */
export function recogniseHeader(kind: ImportKind, header: string): string | null {
  let index = HEADER_INDEX.get(kind)
  if (!index) {
    index = new Map()
    for (const field of KIND_FIELDS[kind])
      for (const header of [field.key, ...field.headers]) {
        const { key } = normalizeHeader(header)
        if (!index.has(key)) index.set(key, field.key)
      }
    HEADER_INDEX.set(kind, index)
  }
  const { key } = normalizeHeader(header)
  return key ? (index.get(key) ?? null) : null
}

/** A header row's mapping: each column's field, the first column naming a field taking it. */
export function guessMapping(kind: ImportKind, headers: string[]): (string | null)[] {
  const taken = new Set<string>()
  return headers.map((header) => {
    const field = recogniseHeader(kind, header)
    if (!field || taken.has(field)) return null
    taken.add(field)
    return field
  })
}

const CHOICE_INDEX = new Map<FieldSpec, Map<string, string>>()

/** A choice field's words (its value names in both languages included), normalised, to its values. */
export function choiceIndex(field: FieldSpec, labels: Record<string, string>[] = []): Map<string, string> {
  let index = CHOICE_INDEX.get(field)
  if (!index) {
    index = new Map()
    for (const [value, words] of Object.entries(field.choices ?? {})) {
      for (const word of [value, ...words, ...labels.map((language) => language[value] ?? '')])
        if (word) index.set(normalizeChoice(word), value)
    }
    CHOICE_INDEX.set(field, index)
  }
  return index
}
