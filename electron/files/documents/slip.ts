/**
 * The compensation slip (赔付单): the document the customer, the unit responsible for the miss and the
 * key account department sign. It shows every step from the facts to the amount, so that the customer
 * can check the figure without the app. Money is integer fen, rates basis points, availability ppm.
 */
import { BASIS_POINTS, mulDiv } from '../../domain/sla'
import { documentHtml, escapeHtml } from './frame'

export interface SlipDocument {
  number: string
  status: 'draft' | 'confirmed' | 'paid' | 'void'
  /** The department issuing it, e.g. 临江市分公司集团客户部. */
  issuer: string
  customerName: string
  customerCode: string
  agreementNumber: string | null
  circuitNumber: string
  productName: string
  bandwidth: string | null
  responsibleUnit: string | null
  draftedOn: string
  confirmedOn: string | null
  confirmedBy: string | null
  paidOn: string | null
  amountFen: number
  working: SlipWorking
}

export type SlipWorking =
  | {
      kind: 'provisioning'
      provisioningClass: 'urgent' | 'expedited' | 'normal'
      acceptedOn: string
      dueOn: string
      completedOn: string
      limitDays: number
      pausedWorkingDays: number
      lateWorkingDays: number
      standardFeeFen: number
      priceFactorBp: number
      chargedFeeFen: number
      rateBp: number
      capBp: number
      capFen: number
      capped: boolean
      compensationFen: number
      /** Years the dates reached with no official calendar loaded: counted on weekends only. */
      calendarWarnings?: number[]
    }
  | {
      kind: 'availability'
      period: string
      periodMinutes: number
      faultMinutes: number
      excludedMinutes: number
      availabilityPpm: number
      targetPpm: number
      monthlyFeeFen: number
      rateBp: number
      compensationFen: number
    }

type Language = 'zh-CN' | 'en'

const CAPITAL_DIGITS = '零壹贰叁肆伍陆柒捌玖'
const CAPITAL_UNITS = ['', '拾', '佰', '仟']
const CAPITAL_SECTIONS = ['', '万', '亿']

/**
 * An amount in Chinese capital numerals as written on cheques (支付结算办法): 壹拾 not 拾, one 零 for
 * any run of zeros inside the number, 整 after 元 or 角 but never after 分.
 */
export function toChineseCapitalAmount(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || fen >= 1e14)
    throw new RangeError(`Not an amount in fen: ${fen}`)
  const yuan = Math.floor(fen / 100)
  const jiao = Math.floor(fen / 10) % 10
  const fenDigit = fen % 10
  let words = yuan > 0 ? capitalInteger(yuan) + '元' : ''
  if (jiao > 0) words += CAPITAL_DIGITS[jiao] + '角'
  else if (fenDigit > 0 && yuan > 0) words += '零'
  if (fenDigit > 0) return words + CAPITAL_DIGITS[fenDigit] + '分'
  return words ? words + '整' : '零元整'
}

function capitalInteger(value: number): string {
  const digits = String(value)
  let words = ''
  let zeros = false
  for (let i = 0; i < digits.length; i++) {
    const place = digits.length - 1 - i
    const digit = Number(digits[i])
    if (digit === 0) zeros = true
    else {
      words += (zeros ? '零' : '') + CAPITAL_DIGITS[digit] + CAPITAL_UNITS[place % 4]
      zeros = false
    }
    // 万 and 亿 close a group of four digits, unless the whole group is zero (壹亿零壹元, not 壹亿万零壹元).
    if (place > 0 && place % 4 === 0 && /[1-9]/.test(digits.slice(Math.max(0, i - 3), i + 1)))
      words += CAPITAL_SECTIONS[place / 4]
  }
  return words
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** 2026-11-23 as 2026年11月23日 or 23 Nov 2026. */
function formatDate(iso: string, language: Language): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number]
  return language === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${MONTHS[month - 1]} ${year}`
}

/** A month (2026-10) or a quarter (2026Q4). */
function formatPeriod(key: string, language: Language): string {
  const month = /^(\d{4})-(\d{2})$/.exec(key)
  if (month) {
    const [, year, number] = month as unknown as [string, string, string]
    return language === 'zh-CN' ? `${year}年${Number(number)}月` : `${MONTHS[Number(number) - 1]} ${year}`
  }
  const quarter = /^(\d{4})Q([1-4])$/.exec(key)
  if (quarter)
    return language === 'zh-CN' ? `${quarter[1]}年第${quarter[2]}季度` : `Q${quarter[2]} ${quarter[1]}`
  return key
}

const grouped = (value: number) => value.toLocaleString('en-US')
const money = (fen: number) => `¥${grouped(Math.floor(fen / 100))}.${String(fen % 100).padStart(2, '0')}`
const percentOfBp = (bp: number) => `${bp / 100}%`
const percentOfPpm = (ppm: number) => `${Math.floor(ppm / 10_000)}.${String(ppm % 10_000).padStart(4, '0')}%`

const TEXT = {
  'zh-CN': {
    title: '集团客户SLA赔付单',
    colon: '：',
    number: '编号',
    drafted: '制单日期',
    draftBanner: '草稿：尚未确认，不作为赔付依据',
    voidBanner: '已作废：本单不再有效',
    watermark: { draft: '草 稿', void: '作 废' },
    heading: (n: number, text: string) => `${'一二三四五'[n - 1]}、${text}`,
    parties: '客户与电路',
    customer: '客户名称',
    code: '客户编码',
    agreement: '协议编号',
    circuit: '电路编号',
    product: '产品',
    bandwidth: '带宽',
    working: '计算过程',
    columns: ['项目', '数值', '说明'],
    classes: { urgent: '特急', expedited: '加急', normal: '普通' },
    provisioningClass: '开通等级',
    acceptedOn: '受理日期',
    limit: '开通时限',
    workingDays: (n: number) => `${n} 个工作日`,
    paused: '客户原因暂停',
    pausedNote: '时限顺延',
    dueOn: '应完成日期',
    dueNote: '时限按工作日计，暂停顺延',
    completedOn: '实际完成日期',
    late: '逾期工作日',
    standardFee: '标准一次性费用',
    priceFactor: '价格系数',
    priceFactorNote: (cls: string) => `${cls}开通`,
    chargedFee: '计费金额',
    rate: '赔付比例',
    perLateDay: (rate: string) => `每逾期工作日 ${rate}`,
    cap: '赔付上限',
    capNote: (rate: string) => `计费金额的 ${rate}`,
    compensation: '赔付金额',
    daysFactor: (n: number) => `${n} 个工作日`,
    overCap: (amount: string) => `= ${amount}，超过上限，按上限计`,
    period: '统计周期',
    periodMinutes: '周期总时长',
    minutes: (n: number) => `${grouped(n)} 分钟`,
    faultMinutes: '故障时长',
    faultNote: '各原因合计，重叠时段只计一次',
    excluded: '剔除时长',
    excludedNote: '客户原因及计划检修',
    counted: '计入时长',
    countedNote: '= 故障时长 − 剔除时长',
    availability: '可用率',
    availabilityNote: '= 1 − 计入时长 ÷ 周期总时长',
    target: '目标可用率',
    monthlyFee: '月租费',
    rateOfMonthlyFee: (rate: string) => `月租费的 ${rate}`,
    targetMet: '达到目标，不予赔付',
    belowTarget: (below: string, formula?: string) => `未达目标（${below}）${formula ? `：${formula}` : ''}`,
    amount: '赔付金额',
    inFigures: '赔付金额（小写）',
    inWords: '人民币（大写）',
    record: '责任与确认',
    responsibleUnit: '责任单位',
    confirmedBy: '确认人',
    confirmedOn: '确认日期',
    paidOn: '支付日期',
    signatures: ['客户确认（签章）', '责任单位', '集团客户部'],
    signDate: '日期：　　　年　　月　　日',
    copies: '本单一式三份，客户、责任单位、集团客户部各执一份。',
    calendarWarning: (years: string) => `注：${years} 年的官方节假日安排尚未载入，该年的工作日只按周末推算。`,
  },
  en: {
    title: 'SLA Compensation Slip',
    colon: ': ',
    number: 'No.',
    drafted: 'Drafted',
    draftBanner: 'DRAFT: not yet confirmed; not a basis for payment',
    voidBanner: 'VOID: this slip is no longer valid',
    watermark: { draft: 'DRAFT', void: 'VOID' },
    heading: (n: number, text: string) => `${n}. ${text}`,
    parties: 'Customer and circuit',
    customer: 'Customer',
    code: 'Customer code',
    agreement: 'Agreement',
    circuit: 'Circuit',
    product: 'Product',
    bandwidth: 'Bandwidth',
    working: 'Working',
    columns: ['Item', 'Figure', 'Basis'],
    classes: { urgent: 'Urgent', expedited: 'Expedited', normal: 'Normal' },
    provisioningClass: 'Provisioning class',
    acceptedOn: 'Accepted on',
    limit: 'Time limit',
    workingDays: (n: number) => `${n} working day${n === 1 ? '' : 's'}`,
    paused: 'Paused by the customer',
    pausedNote: 'Extends the time limit',
    dueOn: 'Due on',
    dueNote: 'Limit counted in working days, extended by pauses',
    completedOn: 'Completed on',
    late: 'Late',
    standardFee: 'Standard one-time fee',
    priceFactor: 'Price factor',
    priceFactorNote: (cls: string) => `${cls} provisioning`,
    chargedFee: 'Charged fee',
    rate: 'Rate',
    perLateDay: (rate: string) => `${rate} per late working day`,
    cap: 'Cap',
    capNote: (rate: string) => `${rate} of the charged fee`,
    compensation: 'Compensation',
    daysFactor: (n: number) => `${n} day${n === 1 ? '' : 's'}`,
    overCap: (amount: string) => `= ${amount}, over the cap`,
    period: 'Period',
    periodMinutes: 'Minutes in period',
    minutes: (n: number) => `${grouped(n)} min`,
    faultMinutes: 'Fault minutes',
    faultNote: 'All causes; overlapping faults counted once',
    excluded: 'Excluded minutes',
    excludedNote: 'Caused by the customer, or planned work',
    counted: 'Counted minutes',
    countedNote: '= fault minutes − excluded minutes',
    availability: 'Availability',
    availabilityNote: '= 1 − counted minutes ÷ minutes in period',
    target: 'Target availability',
    monthlyFee: 'Monthly fee',
    rateOfMonthlyFee: (rate: string) => `${rate} of the monthly fee`,
    targetMet: 'Target met: no compensation',
    belowTarget: (below: string, formula?: string) =>
      `Below target (${below})${formula ? `: ${formula}` : ''}`,
    amount: 'Amount',
    inFigures: 'Compensation',
    inWords: 'In Chinese capitals',
    record: 'Responsibility and confirmation',
    responsibleUnit: 'Responsible unit',
    confirmedBy: 'Confirmed by',
    confirmedOn: 'Confirmed on',
    paidOn: 'Paid on',
    signatures: ['Customer (signature and seal)', 'Responsible unit', 'Key account department'],
    signDate: 'Date:',
    copies:
      'Made out in three copies: one each for the customer, the responsible unit and the key account department.',
    calendarWarning: (years: string) =>
      `Note: no official calendar was loaded for ${years}; its working days were counted on weekends only.`,
  },
}

type Text = (typeof TEXT)['zh-CN']
/** One line of the working: label, figure, and how the figure follows (all plain text). */
type Step = [label: string, figure: string, basis?: string]

function provisioningSteps(w: Extract<SlipWorking, { kind: 'provisioning' }>, t: Text, language: Language) {
  const uncappedFen = mulDiv(w.chargedFeeFen, w.rateBp * w.lateWorkingDays, BASIS_POINTS)
  const formula = `${money(w.chargedFeeFen)} × ${percentOfBp(w.rateBp)} × ${t.daysFactor(w.lateWorkingDays)}`
  const className = t.classes[w.provisioningClass]
  const steps: Step[] = [
    [t.provisioningClass, className],
    [t.acceptedOn, formatDate(w.acceptedOn, language)],
    [t.limit, t.workingDays(w.limitDays)],
    [t.paused, t.workingDays(w.pausedWorkingDays), t.pausedNote],
    [t.dueOn, formatDate(w.dueOn, language), t.dueNote],
    [t.completedOn, formatDate(w.completedOn, language)],
    [t.late, t.workingDays(w.lateWorkingDays)],
    [t.standardFee, money(w.standardFeeFen)],
    [t.priceFactor, percentOfBp(w.priceFactorBp), t.priceFactorNote(className)],
    [t.chargedFee, money(w.chargedFeeFen), `= ${money(w.standardFeeFen)} × ${percentOfBp(w.priceFactorBp)}`],
    [t.rate, t.perLateDay(percentOfBp(w.rateBp))],
    [t.cap, money(w.capFen), t.capNote(percentOfBp(w.capBp))],
    [
      t.compensation,
      money(w.compensationFen),
      w.capped ? `${formula} ${t.overCap(money(uncappedFen))}` : formula,
    ],
  ]
  return steps
}

function availabilitySteps(w: Extract<SlipWorking, { kind: 'availability' }>, t: Text, language: Language) {
  const below = `${percentOfPpm(w.availabilityPpm)} < ${percentOfPpm(w.targetPpm)}`
  // The formula is shown only when it is the one that gave the amount: a slip must never show sums
  // that do not add up.
  const isFlatRate = Math.round((w.monthlyFeeFen * w.rateBp) / 10_000) === w.compensationFen
  const basis =
    w.availabilityPpm >= w.targetPpm
      ? t.targetMet
      : isFlatRate
        ? t.belowTarget(below, `${money(w.monthlyFeeFen)} × ${percentOfBp(w.rateBp)}`)
        : t.belowTarget(below)
  const steps: Step[] = [
    [t.period, formatPeriod(w.period, language)],
    [t.periodMinutes, t.minutes(w.periodMinutes)],
    [t.faultMinutes, t.minutes(w.faultMinutes), t.faultNote],
    [t.excluded, t.minutes(w.excludedMinutes), t.excludedNote],
    [t.counted, t.minutes(w.faultMinutes - w.excludedMinutes), t.countedNote],
    [t.availability, percentOfPpm(w.availabilityPpm), t.availabilityNote],
    [t.target, percentOfPpm(w.targetPpm)],
    [t.monthlyFee, money(w.monthlyFeeFen)],
    [t.rate, percentOfBp(w.rateBp), t.rateOfMonthlyFee(percentOfBp(w.rateBp))],
    [t.compensation, money(w.compensationFen), basis],
  ]
  return steps
}

const cell = (text: string | null) => escapeHtml(text ?? '—')

/** Rows of label/value pairs, two pairs to a row. */
function pairsTable(pairs: [string, string | null][]): string {
  const rows: string[] = []
  for (let i = 0; i < pairs.length; i += 2) {
    const row = pairs
      .slice(i, i + 2)
      .map(([label, value]) => `<th class="label">${escapeHtml(label)}</th><td>${cell(value)}</td>`)
    rows.push(`<tr>${row.join('')}</tr>`)
  }
  return `<table class="pairs">${rows.join('\n')}</table>`
}

export function slipHtml(slip: SlipDocument, language: Language): string {
  const t = TEXT[language]
  const date = (iso: string | null) => (iso ? formatDate(iso, language) : null)
  const steps =
    slip.working.kind === 'provisioning'
      ? provisioningSteps(slip.working, t, language)
      : availabilitySteps(slip.working, t, language)
  const unfinished = slip.status === 'draft' || slip.status === 'void'
  const warnings = (slip.working.kind === 'provisioning' && slip.working.calendarWarnings) || []
  const amountRows = [
    `<tr class="total"><th class="label">${escapeHtml(t.inFigures)}</th><td>${escapeHtml(money(slip.amountFen))}</td></tr>`,
    ...(language === 'zh-CN'
      ? [
          `<tr class="total"><th class="label">${t.inWords}</th><td>${toChineseCapitalAmount(slip.amountFen)}</td></tr>`,
        ]
      : []),
  ]
  const body = `
${unfinished ? `<div class="watermark">${t.watermark[slip.status as 'draft' | 'void']}</div>` : ''}
${unfinished ? `<div class="banner">${escapeHtml(slip.status === 'draft' ? t.draftBanner : t.voidBanner)}</div>` : ''}
<div class="letterhead">
  <div class="issuer">${escapeHtml(slip.issuer)}</div>
  <div class="meta">
    ${escapeHtml(t.number)}${t.colon}${escapeHtml(slip.number)}<br>
    ${escapeHtml(t.drafted)}${t.colon}${escapeHtml(formatDate(slip.draftedOn, language))}
  </div>
</div>
<h1>${escapeHtml(t.title)}</h1>
<h2>${escapeHtml(t.heading(1, t.parties))}</h2>
${pairsTable([
  [t.customer, slip.customerName],
  [t.code, slip.customerCode],
  [t.agreement, slip.agreementNumber],
  [t.circuit, slip.circuitNumber],
  [t.product, slip.productName],
  [t.bandwidth, slip.bandwidth],
])}
<h2>${escapeHtml(t.heading(2, t.working))}</h2>
<table class="steps">
  <tr>${t.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr>
  ${steps
    .map(
      ([label, figure, basis]) =>
        `<tr><td>${escapeHtml(label)}</td><td class="amount">${escapeHtml(figure)}</td><td class="note">${escapeHtml(basis ?? '')}</td></tr>`,
    )
    .join('\n  ')}
</table>
${warnings.length > 0 ? `<p class="footnote">${escapeHtml(t.calendarWarning(warnings.join(language === 'en' ? ', ' : '、')))}</p>` : ''}
<h2>${escapeHtml(t.heading(3, t.amount))}</h2>
<table class="pairs">${amountRows.join('')}</table>
<h2>${escapeHtml(t.heading(4, t.record))}</h2>
${pairsTable([
  [t.responsibleUnit, slip.responsibleUnit],
  [t.confirmedBy, slip.confirmedBy],
  [t.confirmedOn, date(slip.confirmedOn)],
  [t.paidOn, date(slip.paidOn)],
])}
<div class="signatures">
  ${t.signatures
    .map(
      (party) =>
        `<div><div class="party">${escapeHtml(party)}</div><div class="line"></div><div class="date">${escapeHtml(t.signDate)}</div></div>`,
    )
    .join('\n  ')}
</div>
<p class="footnote">${escapeHtml(t.copies)}</p>
`
  return documentHtml({ title: `${t.title} ${slip.number}`, language, body })
}
