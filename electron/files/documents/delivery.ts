/**
 * The delivery document (交付文件) the account manager hands over and the customer signs after an
 * opening (domain.md §3): the letter to the customer, the business delivery list (circuit number, opening
 * date, product, bandwidth, the billing data to confirm, the fault-report hotline and common fault
 * handling), the warranty service card, and signature lines. Money is integer fen.
 */
import { documentHtml, escapeHtml } from './frame'

export interface DeliveryDocument {
  number: string
  /** The department issuing it, e.g. 临江市分公司集团客户部. */
  issuer: string
  faultHotline: string
  /** The key-account service line, when the department has one. */
  accountHotline: string | null
  customerName: string
  customerCode: string
  customerAddress: string | null
  accountManagerName: string | null
  accountManagerPhone: string | null
  receiverName: string | null
  siteKind: 'hq' | 'branch'
  businessKind: 'first' | 'added'
  orderNumber: string
  circuitNumber: string
  productName: string
  bandwidth: string | null
  aEnd: string | null
  zEnd: string | null
  openedOn: string
  dueOn: string
  deliveredOn: string | null
  /** The billing data the customer is asked to confirm (filled in from the records, corrected on the visit). */
  billedCircuitNumber: string | null
  billedOpenedOn: string | null
  billedMonthlyFeeFen: number | null
  billedOneTimeFeeFen: number | null
  billingConfirmed: boolean
  /** The pack's documents in order: the printed forms among them get a page each. */
  pack: { name: string; form: 'letter' | 'delivery_list' | 'warranty_card' | null; handedOver: boolean }[]
  /** The circuit's SLA agreement, when it has one: the warranty card names it. */
  slaAgreementNumber?: string | null
  /** The agreement's fault-recovery target (its quality grade), in hours: the warranty card promises it. */
  slaRecoveryHours?: number | null
}

type Language = 'zh-CN' | 'en'
type Form = NonNullable<DeliveryDocument['pack'][number]['form']>

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** 2026-11-16 as 2026年11月16日 or 16 Nov 2026. */
function formatDate(iso: string, language: Language): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number]
  return language === 'zh-CN' ? `${year}年${month}月${day}日` : `${day} ${MONTHS[month - 1]} ${year}`
}

const grouped = (value: number) => value.toLocaleString('en-US')
/** Integer fen as 1,234.56 元 or ¥1,234.56. */
function formatMoney(fen: number, language: Language): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  const figure = `${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`
  return language === 'zh-CN' ? `${sign}${figure} 元` : `${sign}¥${figure}`
}

const CHECKED = '☑'
const UNCHECKED = '☐'
const box = (checked: boolean) => `<span class="box">${checked ? CHECKED : UNCHECKED}</span>`
/** An empty line to write on by hand. */
const fill = (size: 'short' | 'long' = 'long') => `<span class="fill ${size}"></span>`
/** Numbers that must not break at their hyphens: circuit numbers, phone numbers. */
const nobr = (text: string) => `<span class="nobr">${escapeHtml(text)}</span>`

/*
 * The strings of both languages. Functions that build sentences receive HTML already escaped (or made
 * here) and return HTML; the plain strings are escaped where they are used.
 */
const TEXT = {
  'zh-CN': {
    colon: '：',
    /** Between two sentences. */
    space: '',
    number: '编号',
    date: '日期',
    /** A date the account manager writes in by hand. */
    blankDate: '　　　　年　　月　　日',
    documentTitle: '交付文件',
    titles: { letter: '致客户信', delivery_list: '业务交付清单', warranty_card: '进网保修服务卡' },
    heading: (n: number, text: string) => `${'一二三四五六'[n - 1]}、${text}`,
    seal: (issuer: string) => `${issuer}（盖章）`,
    // The letter.
    salutation: (customer: string) => [`尊敬的${customer}：`],
    /** The date under the letter's seal. */
    sealDate: (date: string) => date,
    opened: (product: string, bandwidth: string | null, opened: string, circuit: string) =>
      `感谢贵单位选择我公司的集团客户业务！贵单位申请的${product}${bandwidth ? `（${bandwidth}）` : ''}业务已于${opened}正式开通，电路编号为 <b>${circuit}</b>。`,
    enclosed: (names: string[]) => `随函附上${names.map((name) => `《${name}》`).join('')}，请查收。`,
    checkAndSign: '请核对清单中的业务信息和计费信息，确认无误后签收。',
    manager: (name: string, phone: string) =>
      `为做好服务，我公司为贵单位配备了专属客户经理 ${name}<span class="nobr">（联系电话：${phone}）</span>，负责贵单位的业务咨询、需求受理和日常服务，并将上门拜访，了解业务使用情况，听取贵单位的意见和建议。`,
    faults: (hotline: string, circuit: string) =>
      `业务使用中如遇故障，请拨打报障热线 <b>${hotline}</b>（7×24 小时受理），并告知电路编号 ${circuit}、故障现象和发生时间，以便我们尽快处理。`,
    enquiries: (accountHotline: string | null) =>
      accountHotline
        ? `业务咨询及其他需求，欢迎拨打集团客户服务热线 <b>${accountHotline}</b> 或直接联系客户经理。`
        : '业务咨询及其他需求，欢迎直接联系客户经理。',
    thanks: '再次感谢贵单位对我公司的信任与支持！我们将竭诚为贵单位提供优质、高效的通信服务。',
    closing: ['此致', '敬礼！'],
    // The delivery list.
    customerSection: '客户信息',
    customer: '客户名称',
    code: '客户编码',
    address: '客户地址',
    order: '订单编号',
    site: '客户类别',
    sites: { hq: '总部', branch: '分支机构' },
    business: '业务类型',
    businesses: { first: '首次业务', added: '新增业务' },
    serviceSection: '业务信息',
    circuitColumns: ['电路编号', '开通日期', '产品', '带宽', 'A 端', 'Z 端'],
    billingSection: '计费信息确认',
    billingRecord: '计费记录',
    billingCorrection: '更正（如有不符）',
    circuit: '电路编号',
    openedOn: '开通日期',
    monthlyFee: '月租费',
    oneTimeFee: '一次性费用',
    billingConfirmed: '客户确认以上计费信息无误',
    packSection: '交付资料',
    packColumns: ['资料名称', '已交付'],
    faultSection: '报障与常见故障处理',
    faultHotline: '报障热线',
    allHours: '（7×24 小时受理）',
    accountHotline: '集团客户服务热线',
    accountManager: '客户经理',
    tips: [
      '业务中断时，请先检查我公司终端设备（光端机、协议转换器等）的电源是否接通、指示灯是否正常；电源灯不亮或告警灯亮起，多为供电或设备问题。',
      '检查设备之间的尾纤、网线和跳线是否松动、脱落或过度弯折，重新插紧后观察业务是否恢复。',
      '贵单位的路由器、交换机等客户端设备异常时，可断电约 30 秒后重新启动，再检查业务是否恢复。',
      '以上处理无效时，请拨打报障热线，告知电路编号、故障现象和发生时间，并保持联系电话畅通。',
      '请勿自行移动、拆卸或改接我公司的设备和线路；机房停电、装修或搬迁前，请提前联系客户经理。',
    ],
    signatures: { receiver: '客户签收人（签字）', manager: '客户经理（签字）', issuer: '交付单位（盖章）' },
    name: '姓名',
    copies: '本清单一式两份，客户与集团客户部各执一份。',
    // The warranty card.
    productAndBandwidth: '产品及带宽',
    managerPhone: '联系电话',
    commitmentsTitle: '服务承诺',
    commitments: (hotline: string, agreement: string | null, hours: number | null) => [
      `7×24 小时受理故障申告，报障热线 <b>${hotline}</b>。`,
      agreement
        ? `按贵单位与我公司签订的 SLA 服务协议（编号：${agreement}）约定的时限上门响应、修复故障${hours ? `，${hours} 小时内恢复业务` : ''}。`
        : '按贵单位与我公司签订的 SLA 服务协议约定的时限上门响应、修复故障；未签订协议的，按我公司集团客户服务标准执行。',
      '我公司产权的终端设备，在业务使用期间免费维修；无法修复的，免费更换。',
      '故障修复后 3 日内回访，听取贵单位对处理情况的意见。',
    ],
    exclusions:
      '因自行移动、拆卸、改接设备或线路，或人为原因造成的设备损坏，不在免费维修范围内，维修费用按规定收取。',
    issuedBy: '发卡单位',
    issuedOn: '发卡日期',
    keepCard: '请妥善保管本卡；报障时请提供电路编号。',
  },
  en: {
    colon: ': ',
    space: ' ',
    number: 'No.',
    date: 'Date',
    blankDate: fill('short'),
    documentTitle: 'Delivery documents',
    titles: {
      letter: 'Letter to the Customer',
      delivery_list: 'Business Delivery List',
      warranty_card: 'Warranty Service Card',
    },
    heading: (n: number, text: string) => `${n}. ${text}`,
    seal: (issuer: string) => `${issuer} (seal)`,
    salutation: (customer: string) => [`To: ${customer}`, 'Dear Sir or Madam,'],
    sealDate: (date: string) => `Date: ${date}`,
    opened: (product: string, bandwidth: string | null, opened: string, circuit: string) =>
      `Thank you for choosing our key-account services. Your ${product}${bandwidth ? ` (${bandwidth})` : ''} service was opened on ${opened}; its circuit number is <b>${circuit}</b>.`,
    enclosed: (names: string[]) =>
      `Enclosed please find: ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]}.`,
    checkAndSign:
      'Please check the service and billing details in the delivery list and sign it to confirm receipt.',
    manager: (name: string, phone: string) =>
      `Your dedicated account manager, ${name} <span class="nobr">(phone ${phone})</span>, handles your enquiries, requests and everyday service, and will visit you to see how the service is working for you and to hear your comments.`,
    faults: (hotline: string, circuit: string) =>
      `If a fault occurs, please call the fault-report hotline <b>${hotline}</b>, open 24 hours a day, 7 days a week, and give the circuit number ${circuit}, what you observe and when it started, so that we can deal with it quickly.`,
    enquiries: (accountHotline: string | null) =>
      accountHotline
        ? `For enquiries and other requests, please call the key-account service line <b>${accountHotline}</b> or contact your account manager directly.`
        : 'For enquiries and other requests, please contact your account manager directly.',
    thanks: 'Thank you again for your trust and support. We look forward to serving you.',
    closing: ['Yours faithfully,'],
    customerSection: 'Customer',
    customer: 'Customer',
    code: 'Customer code',
    address: 'Address',
    order: 'Order number',
    site: 'Site',
    sites: { hq: 'Headquarters', branch: 'Branch' },
    business: 'Business',
    businesses: { first: 'First-time', added: 'Added' },
    serviceSection: 'Service',
    circuitColumns: ['Circuit number', 'Opened on', 'Product', 'Bandwidth', 'A end', 'Z end'],
    billingSection: 'Billing data to confirm',
    billingRecord: 'Billing record',
    billingCorrection: 'Correction (if any)',
    circuit: 'Circuit number',
    openedOn: 'Opened on',
    monthlyFee: 'Monthly fee',
    oneTimeFee: 'One-time fee',
    billingConfirmed: 'The customer confirms that the billing data above are correct',
    packSection: 'Documents handed over',
    packColumns: ['Document', 'Handed over'],
    faultSection: 'Fault reporting and common fault handling',
    faultHotline: 'Fault-report hotline',
    allHours: '(24 hours a day, 7 days a week)',
    accountHotline: 'Key-account service line',
    accountManager: 'Account manager',
    tips: [
      'Service down: check that our terminal equipment (optical terminal, protocol converter) has power and normal indicator lights; no power light, or an alarm light, means a power or equipment fault.',
      'Check that the fibre pigtails, network cables and patch cords are firmly plugged in and not sharply bent.',
      'If your own router or switch misbehaves, switch it off for about 30 seconds and restart it.',
      'If the fault remains, call the fault-report hotline with the circuit number, the symptoms and when they began.',
      'Do not move, dismantle or reconnect our equipment; tell your account manager before power cuts, building work or a move.',
    ],
    signatures: {
      receiver: 'Received by',
      manager: 'Account manager',
      issuer: 'Delivered by (seal)',
    },
    name: 'Name',
    copies: 'Made out in two copies: one for the customer, one for the key account department.',
    productAndBandwidth: 'Product and bandwidth',
    managerPhone: 'Phone',
    commitmentsTitle: 'Our service commitments',
    commitments: (hotline: string, agreement: string | null, hours: number | null) => [
      `Faults are accepted 24 hours a day, 7 days a week on the fault-report hotline <b>${hotline}</b>.`,
      agreement
        ? `We respond on site and repair faults within the times of your SLA agreement with us (No. ${agreement})${hours ? `, restoring service within ${hours} hours` : ''}.`
        : 'We respond on site and repair faults within the times of your SLA agreement with us; without an agreement, our key-account service standards apply.',
      'Terminal equipment owned by us is repaired free of charge while the service is in use, and replaced free of charge if it cannot be repaired.',
      'We call you back within 3 days of each repair to hear how it was handled.',
    ],
    exclusions:
      'Damage caused by moving, dismantling or reconnecting equipment or lines yourself, or by mishandling, is not repaired free of charge; repairs are then charged as regulated.',
    issuedBy: 'Issued by',
    issuedOn: 'Issued on',
    keepCard: 'Please keep this card; quote the circuit number when you report a fault.',
  },
}

type Text = (typeof TEXT)['zh-CN']

/** Everything a page needs: the facts as HTML, ready to place. */
interface Context {
  d: DeliveryDocument
  t: Text
  language: Language
  /** A date, or the blank to write it in. */
  date: (iso: string | null) => string
  /** A value, or an empty line to write it in. */
  orFill: (text: string | null, size?: 'short' | 'long') => string
}

const SANS = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'

const STYLE = `
.form + .form { break-before: page; }
/* The ballot boxes are missing from the CJK fonts. */
.box { font-family: "DejaVu Sans", "Segoe UI Symbol", sans-serif; font-size: 1.1em; line-height: 1; }
.fill { display: inline-block; border-bottom: 0.6pt solid #111; vertical-align: baseline; height: 1.1em; }
.fill.long { min-width: 32mm; }
.fill.short { min-width: 22mm; }
.nobr { white-space: nowrap; }
.letterhead .issuer { max-width: 62%; }
:lang(en) h1 { letter-spacing: 0.02em; }

/* The letter. */
.letter { font-size: 12pt; line-height: 1.9; }
.letter h1 { margin: 12mm 0 9mm; }
.letter .salutation { margin: 0 0 2mm; }
.letter p.body { text-indent: 2em; margin: 0 0 2.5mm; text-align: justify; }
.letter p.body.ragged { text-align: left; }
.letter .closing { margin-top: 5mm; }
.letter .closing .first { text-indent: 2em; }
.letter .sender { margin: 12mm 0 0 auto; width: 95mm; text-align: center; }
.letter .sender .seal-space { height: 10mm; }
:lang(en) .letter { line-height: 1.7; }
:lang(en) .letter .salutation:first-of-type { margin-bottom: 4mm; }
:lang(en) .letter p.body { text-indent: 0; text-align: left; margin-bottom: 4mm; }
:lang(en) .letter .closing .first { text-indent: 0; }
:lang(en) .letter .sender { margin: 0; width: auto; text-align: left; }
:lang(en) .letter .sender .seal-space { height: 20mm; }

/* The delivery list: one page. */
.list h1 { margin: 2mm 0 0.5mm; }
.list h2 { margin: 2.5mm 0 0.8mm; }
table.pairs.wide th.label { width: 15%; }
:lang(en) table.pairs.wide th.label { width: 19%; }
table.circuits th:nth-child(1) { width: 16%; }
table.circuits th:nth-child(2) { width: 14%; }
table.circuits th:nth-child(3) { width: 13%; }
table.circuits th:nth-child(4) { width: 10%; }
table.circuits td:nth-child(2) { white-space: nowrap; }
table.billing { table-layout: fixed; }
table.billing th:first-child { width: 19%; }
table.billing td { height: 6.5mm; vertical-align: middle; }
table.pack { table-layout: fixed; }
table.pack th:nth-child(2n) { width: 14%; }
table.pack th:nth-child(2n), table.pack td.tick { text-align: center; }
.confirm { font-family: ${SANS}; font-size: 9.5pt; margin: 1.2mm 0 0; }
.hotlines { display: flex; flex-wrap: wrap; gap: 0.5mm 8mm; align-items: baseline; border: 1pt solid #111; padding: 1.2mm 4mm; margin: 1mm 0 1.2mm; }
.hotlines .main { font-size: 11pt; font-weight: 700; }
.hotlines .main .phone { font-size: 17pt; letter-spacing: 0.05em; margin: 0 1.5mm; white-space: nowrap; }
.hotlines .other { font-size: 9.5pt; }
ol.tips { margin: 0; padding-left: 6mm; font-size: 9.5pt; line-height: 1.35; }
ol.tips li { margin: 0.2mm 0; }
.list .signatures { margin-top: 3.5mm; }
.signatures .party .name { font-weight: 400; font-size: 9.5pt; margin-top: 0.5mm; }
.list .signatures .line { height: 12mm; }
.list .footnote { margin-top: 2mm; }

/* The warranty card. */
.card { border: 3pt double #111; border-radius: 3mm; padding: 5mm 7mm 6mm; margin-top: 4mm; }
.card .card-head { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 1.2pt solid #111; padding-bottom: 1.5mm; }
.card .card-head .issuer { font-size: 11pt; font-weight: 700; max-width: 70%; }
.card .card-head .meta { font-family: ${SANS}; font-size: 9pt; }
.card h1 { margin: 4mm 0; font-size: 20pt; }
:lang(en) .card table.pairs.wide th.label { width: 23%; }
.card h2 { margin-top: 4mm; }
.card ol { margin: 0; padding-left: 6mm; line-height: 1.6; }
.card .exclusions { font-size: 9pt; color: #444; margin-top: 2mm; }
.card .hotlines { margin-top: 4mm; }
.card .card-foot { display: flex; justify-content: space-between; gap: 8mm; margin-top: 6mm; font-size: 10pt; }
.card .keep { text-align: center; font-size: 9pt; color: #444; margin: 4mm 0 0; }
`

function letterhead(c: Context): string {
  return `<div class="letterhead">
  <div class="issuer">${escapeHtml(c.d.issuer)}</div>
  <div class="meta">
    ${escapeHtml(c.t.number)}${c.t.colon}${escapeHtml(c.d.number)}<br>
    ${escapeHtml(c.t.date)}${c.t.colon}${c.date(c.d.deliveredOn)}
  </div>
</div>`
}

/** The hotline box: the fault hotline large, then the key-account line and the account manager. */
function hotlines(c: Context, withManager: boolean): string {
  const { d, t } = c
  const other = [
    ...(d.accountHotline
      ? [`${escapeHtml(t.accountHotline)}${t.colon}<b>${nobr(d.accountHotline)}</b>`]
      : []),
    ...(withManager
      ? [
          `${escapeHtml(t.accountManager)}${t.colon}${c.orFill(d.accountManagerName, 'short')} ${c.orFill(d.accountManagerPhone)}`,
        ]
      : []),
  ]
  return `<div class="hotlines">
  <div class="main">${escapeHtml(t.faultHotline)}<span class="phone">${escapeHtml(d.faultHotline)}</span>${escapeHtml(t.allHours)}</div>
  ${other.map((line) => `<div class="other">${line}</div>`).join('\n  ')}
</div>`
}

function letterPage(c: Context): string {
  const { d, t } = c
  const enclosed = d.pack.filter((item) => item.form !== 'letter').map((item) => escapeHtml(item.name))
  const hasList = d.pack.some((item) => item.form === 'delivery_list')
  const circuit = nobr(d.circuitNumber)
  // Blanks to fill in stretch a justified line: that paragraph is set ragged.
  const blanks = !d.accountManagerName || !d.accountManagerPhone
  const opening = [
    t.opened(
      escapeHtml(d.productName),
      d.bandwidth ? escapeHtml(d.bandwidth) : null,
      escapeHtml(formatDate(d.openedOn, c.language)),
      circuit,
    ),
    ...(enclosed.length > 0 ? [t.enclosed(enclosed)] : []),
    ...(enclosed.length > 0 && hasList ? [t.checkAndSign] : []),
  ]
  const paragraphs = [
    opening.join(t.space),
    t.manager(c.orFill(d.accountManagerName, 'short'), c.orFill(d.accountManagerPhone)),
    [
      t.faults(nobr(d.faultHotline), circuit),
      t.enquiries(d.accountHotline ? nobr(d.accountHotline) : null),
    ].join(t.space),
    t.thanks,
  ]
  const [first, second] = t.closing
  return `<section class="form letter">
${letterhead(c)}
<h1>${escapeHtml(t.titles.letter)}</h1>
${t
  .salutation(escapeHtml(d.customerName))
  .map((line) => `<p class="salutation">${line}</p>`)
  .join('\n')}
${paragraphs.map((paragraph, i) => `<p class="body${i === 1 && blanks ? ' ragged' : ''}">${paragraph}</p>`).join('\n')}
<div class="closing">
  <div class="first">${escapeHtml(first!)}</div>
  ${second ? `<div>${escapeHtml(second)}</div>` : ''}
</div>
<div class="sender">
  <div class="seal-space"></div>
  <div>${escapeHtml(t.seal(d.issuer))}</div>
  <div>${t.sealDate(c.date(d.deliveredOn))}</div>
</div>
</section>`
}

function deliveryListPage(c: Context): string {
  const { d, t, language } = c
  const label = (text: string) => `<th class="label">${escapeHtml(text)}</th>`
  const value = (text: string | null) => escapeHtml(text ?? '—')
  const choice = <K extends string>(options: Record<K, string>, chosen: K) =>
    (Object.keys(options) as K[])
      .map((key) => `${box(key === chosen)} ${escapeHtml(options[key])}`)
      .join('\u2003')
  const money = (fen: number | null) => (fen === null ? '' : escapeHtml(formatMoney(fen, language)))
  const billing = [
    escapeHtml(d.billedCircuitNumber ?? ''),
    d.billedOpenedOn ? escapeHtml(formatDate(d.billedOpenedOn, language)) : '',
    money(d.billedMonthlyFeeFen),
    money(d.billedOneTimeFeeFen),
  ]
  // The pack two documents to a row.
  const packRows: string[] = []
  for (let i = 0; i < d.pack.length; i += 2) {
    const cells = d.pack
      .slice(i, i + 2)
      .map(
        (item, j) =>
          `<td>${i + j + 1}. ${escapeHtml(item.name)}</td><td class="tick">${box(item.handedOver)}</td>`,
      )
    packRows.push(`<tr>${cells.join('')}${cells.length < 2 ? '<td></td><td></td>' : ''}</tr>`)
  }
  const signature = (party: string, name: string) =>
    `<div><div class="party">${escapeHtml(party)}<div class="name">${name}</div></div><div class="line"></div><div class="date">${escapeHtml(t.date)}${t.colon}${c.date(d.deliveredOn)}</div></div>`
  const named = (name: string | null) => `${escapeHtml(t.name)}${t.colon}${c.orFill(name, 'short')}`
  return `<section class="form list">
${letterhead(c)}
<h1>${escapeHtml(t.titles.delivery_list)}</h1>
<h2>${escapeHtml(t.heading(1, t.customerSection))}</h2>
<table class="pairs wide">
  <tr>${label(t.customer)}<td colspan="3">${value(d.customerName)}</td></tr>
  <tr>${label(t.code)}<td>${value(d.customerCode)}</td>${label(t.order)}<td>${value(d.orderNumber)}</td></tr>
  <tr>${label(t.address)}<td colspan="3">${value(d.customerAddress)}</td></tr>
  <tr>${label(t.site)}<td>${choice(t.sites, d.siteKind)}</td>${label(t.business)}<td>${choice(t.businesses, d.businessKind)}</td></tr>
</table>
<h2>${escapeHtml(t.heading(2, t.serviceSection))}</h2>
<table class="circuits">
  <tr>${t.circuitColumns.map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr>
  <tr>${[d.circuitNumber, formatDate(d.openedOn, language), d.productName, d.bandwidth, d.aEnd, d.zEnd]
    .map((text) => `<td>${value(text)}</td>`)
    .join('')}</tr>
</table>
<h2>${escapeHtml(t.heading(3, t.billingSection))}</h2>
<table class="billing">
  <tr><th></th>${[t.circuit, t.openedOn, t.monthlyFee, t.oneTimeFee].map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr>
  <tr><th class="label">${escapeHtml(t.billingRecord)}</th>${billing.map((record, i) => `<td${i >= 2 ? ' class="amount"' : ''}>${record}</td>`).join('')}</tr>
  <tr><th class="label">${escapeHtml(t.billingCorrection)}</th>${'<td></td>'.repeat(4)}</tr>
</table>
<p class="confirm">${box(d.billingConfirmed)} ${escapeHtml(t.billingConfirmed)}</p>
<h2>${escapeHtml(t.heading(4, t.packSection))}</h2>
<table class="pack">
  <tr>${[...t.packColumns, ...t.packColumns].map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr>
  ${packRows.join('\n  ')}
</table>
<h2>${escapeHtml(t.heading(5, t.faultSection))}</h2>
${hotlines(c, true)}
<ol class="tips">
  ${t.tips.map((tip) => `<li>${escapeHtml(tip)}</li>`).join('\n  ')}
</ol>
<div class="signatures">
  ${signature(t.signatures.receiver, named(d.receiverName))}
  ${signature(t.signatures.manager, named(d.accountManagerName))}
  ${signature(t.signatures.issuer, escapeHtml(d.issuer))}
</div>
<p class="footnote">${escapeHtml(t.copies)}</p>
</section>`
}

function warrantyCardPage(c: Context): string {
  const { d, t, language } = c
  const label = (text: string) => `<th class="label">${escapeHtml(text)}</th>`
  const product = d.bandwidth ? `${d.productName} ${d.bandwidth}` : d.productName
  return `<section class="form warranty">
<div class="card">
  <div class="card-head">
    <div class="issuer">${escapeHtml(d.issuer)}</div>
    <div class="meta">${escapeHtml(t.number)}${t.colon}${escapeHtml(d.number)}</div>
  </div>
  <h1>${escapeHtml(t.titles.warranty_card)}</h1>
  <table class="pairs wide">
    <tr>${label(t.customer)}<td colspan="3">${escapeHtml(d.customerName)}</td></tr>
    <tr>${label(t.circuit)}<td>${escapeHtml(d.circuitNumber)}</td>${label(t.openedOn)}<td>${escapeHtml(formatDate(d.openedOn, language))}</td></tr>
    <tr>${label(t.productAndBandwidth)}<td colspan="3">${escapeHtml(product)}</td></tr>
    <tr>${label(t.accountManager)}<td>${c.orFill(d.accountManagerName, 'short')}</td>${label(t.managerPhone)}<td>${c.orFill(d.accountManagerPhone)}</td></tr>
  </table>
  <h2>${escapeHtml(t.commitmentsTitle)}</h2>
  <ol>
    ${t
      .commitments(
        nobr(d.faultHotline),
        d.slaAgreementNumber ? nobr(d.slaAgreementNumber) : null,
        d.slaRecoveryHours ?? null,
      )
      .map((line) => `<li>${line}</li>`)
      .join('\n    ')}
  </ol>
  <p class="exclusions">${escapeHtml(t.exclusions)}</p>
  ${hotlines(c, false)}
  <div class="card-foot">
    <div>${escapeHtml(t.issuedBy)}${t.colon}${escapeHtml(t.seal(d.issuer))}</div>
    <div>${escapeHtml(t.issuedOn)}${t.colon}${c.date(d.deliveredOn)}</div>
  </div>
  <p class="keep">${escapeHtml(t.keepCard)}</p>
</div>
</section>`
}

const PAGES: Record<Form, (c: Context) => string> = {
  letter: letterPage,
  delivery_list: deliveryListPage,
  warranty_card: warrantyCardPage,
}

/**
 * The printed forms of the pack, a page each, in the pack's order (each form once). A pack with no
 * printed form still gets the delivery list: it is what the customer signs for the pack.
 */
export function deliveryForms(document: DeliveryDocument): Form[] {
  const forms: Form[] = []
  for (const item of document.pack) if (item.form && !forms.includes(item.form)) forms.push(item.form)
  return forms.length > 0 ? forms : ['delivery_list']
}

export function deliveryHtml(document: DeliveryDocument, language: Language): string {
  const t = TEXT[language]
  const c: Context = {
    d: document,
    t,
    language,
    date: (iso) => (iso ? escapeHtml(formatDate(iso, language)) : t.blankDate),
    orFill: (text, size = 'long') => (text ? nobr(text) : fill(size)),
  }
  const pages = deliveryForms(document).map((form) => PAGES[form](c))
  return documentHtml({
    title: `${t.documentTitle} ${document.number}`,
    language,
    style: STYLE,
    body: pages.join('\n'),
  })
}
