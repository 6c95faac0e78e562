import { describe, expect, it } from 'vitest'
import { deliveryForms, deliveryHtml, type DeliveryDocument } from '../../electron/files/documents/delivery'

const pack: DeliveryDocument['pack'] = [
  { name: '致客户信', form: 'letter', handedOver: true },
  { name: '业务交付清单', form: 'delivery_list', handedOver: true },
  { name: '进网保修服务卡', form: 'warranty_card', handedOver: false },
  { name: '进网业务使用说明书', form: null, handedOver: false },
]

const document: DeliveryDocument = {
  number: 'JF-2026-0012',
  issuer: '临江市分公司集团客户部',
  faultHotline: '10000',
  accountHotline: '0571-10086-8',
  customerName: '临江市城投集团有限公司',
  customerCode: 'LJ-00017',
  customerAddress: '临江市滨江区江南大道 1888 号',
  accountManagerName: '李娜',
  accountManagerPhone: '13800138000',
  receiverName: '王建国',
  siteKind: 'hq',
  businessKind: 'first',
  orderNumber: 'DD-2026-11-0345',
  circuitNumber: 'LJ-DIG-0001',
  productName: '数字电路',
  bandwidth: '10M',
  aEnd: '城投大厦 B1 机房',
  zEnd: '临江电信枢纽楼',
  openedOn: '2026-11-16',
  dueOn: '2026-11-19',
  deliveredOn: null,
  billedCircuitNumber: 'LJ-DIG-0001',
  billedOpenedOn: '2026-11-16',
  billedMonthlyFeeFen: 300000,
  billedOneTimeFeeFen: 123456,
  billingConfirmed: false,
  pack,
}

const english: DeliveryDocument = {
  ...document,
  issuer: 'Key Account Department',
  productName: 'Digital circuit',
  pack: [
    { name: 'Letter to the customer', form: 'letter', handedOver: true },
    { name: 'Business delivery list', form: 'delivery_list', handedOver: true },
    { name: 'Warranty service card', form: 'warranty_card', handedOver: false },
    { name: 'User guide', form: null, handedOver: false },
  ],
}

/** The pages of the body: each printed form is one section. */
const sections = (html: string) => html.match(/<section class="form [a-z]+">/g) ?? []

describe('the delivery document', () => {
  it('shows customer-supplied text as text', () => {
    const html = deliveryHtml(
      {
        ...document,
        customerName: '临江<script>alert("x")</script>\'城投\'',
        receiverName: '<b>王</b>',
        aEnd: 'A & B',
      },
      'zh-CN',
    )
    expect(html).toContain('临江&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;城投&#39;')
    expect(html).toContain('&lt;b&gt;王&lt;/b&gt;')
    expect(html).toContain('A &amp; B')
    expect(html).not.toMatch(/<script/i)
  })

  it('loads nothing and runs nothing, in either language', () => {
    for (const html of [deliveryHtml(document, 'zh-CN'), deliveryHtml(english, 'en')]) {
      expect(html).not.toMatch(/<script|https?:|url\(|<img|<link|<iframe/i)
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
    }
  })

  it('gives the customer the circuit, the hotline and lines to sign, in Chinese', () => {
    const html = deliveryHtml(document, 'zh-CN')
    expect(html).toContain('<html lang="zh-CN">')
    for (const text of [
      '致客户信',
      '业务交付清单',
      '进网保修服务卡',
      '尊敬的临江市城投集团有限公司：',
      'LJ-DIG-0001',
      '2026年11月16日',
      '数字电路',
      '10M',
      '城投大厦 B1 机房',
      '临江电信枢纽楼',
      '报障热线',
      '10000',
      '0571-10086-8',
      '报障与常见故障处理',
      '客户签收人（签字）',
      '客户经理（签字）',
      '交付单位（盖章）',
      '王建国',
      '李娜',
      '13800138000',
      '☑</span> 总部',
      '☐</span> 分支机构',
      '☑</span> 首次业务',
      '☐</span> 新增业务',
      '《业务交付清单》《进网保修服务卡》《进网业务使用说明书》',
    ])
      expect(html).toContain(text)
    expect(html).not.toMatch(/Dear|Received by|Fault-report/)
  })

  it('says the same in English', () => {
    const html = deliveryHtml(english, 'en')
    expect(html).toContain('<html lang="en">')
    for (const text of [
      'Letter to the Customer',
      'Business Delivery List',
      'Warranty Service Card',
      'Dear Sir or Madam,',
      'LJ-DIG-0001',
      '16 Nov 2026',
      'Digital circuit',
      '10M',
      'Fault-report hotline',
      '10000',
      'Fault reporting and common fault handling',
      'Received by',
      'Account manager',
      'Delivered by (seal)',
      '王建国',
      '☑</span> Headquarters',
      '☐</span> Added',
    ])
      expect(html).toContain(text)
    // No Chinese but the customer's own data.
    const withoutData = html
      .replaceAll(document.customerName, '')
      .replaceAll(document.customerAddress!, '')
      .replaceAll(document.aEnd!, '')
      .replaceAll(document.zEnd!, '')
      .replaceAll('王建国', '')
      .replaceAll('李娜', '')
    expect(withoutData.replace(/<style>[\s\S]*<\/style>/, '')).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/)
  })

  it('prints the forms of the pack, a page each, in the pack’s order', () => {
    const html = deliveryHtml(document, 'zh-CN')
    expect(sections(html)).toEqual([
      '<section class="form letter">',
      '<section class="form list">',
      '<section class="form warranty">',
    ])
    expect(html).toContain('.form + .form { break-before: page; }')

    const reordered = deliveryHtml({ ...document, pack: [pack[2]!, pack[3]!, pack[1]!] }, 'zh-CN')
    expect(sections(reordered)).toEqual(['<section class="form warranty">', '<section class="form list">'])
    expect(reordered).not.toContain('致客户信')
    expect(reordered).not.toContain('尊敬的')
  })

  it('prints the delivery list when the pack has no printed form: the customer still signs for it', () => {
    expect(deliveryForms({ ...document, pack: [pack[3]!] })).toEqual(['delivery_list'])
    expect(deliveryForms({ ...document, pack: [...pack, pack[0]!] })).toEqual([
      'letter',
      'delivery_list',
      'warranty_card',
    ])
  })

  it('asks the customer to confirm the billing data, money formatted from fen', () => {
    const zh = deliveryHtml(document, 'zh-CN')
    expect(zh).toContain('3,000.00 元')
    expect(zh).toContain('1,234.56 元')
    expect(zh).toContain('☐</span> 客户确认以上计费信息无误')
    const en = deliveryHtml({ ...english, billingConfirmed: true }, 'en')
    expect(en).toContain('¥3,000.00')
    expect(en).toContain('¥1,234.56')
    expect(en).toContain('☑</span> The customer confirms that the billing data above are correct')
  })

  it('leaves the billing data blank to fill in when the records have none', () => {
    const html = deliveryHtml(
      {
        ...document,
        billedCircuitNumber: null,
        billedOpenedOn: null,
        billedMonthlyFeeFen: null,
        billedOneTimeFeeFen: null,
      },
      'zh-CN',
    )
    expect(html).not.toContain(' 元<')
    expect(html).toMatch(/<th class="label">计费记录<\/th><td><\/td><td><\/td><td class="amount"><\/td>/)
  })

  it('ticks the documents handed over, printed or not', () => {
    const html = deliveryHtml(document, 'zh-CN')
    expect(html).toContain('1. 致客户信</td><td class="tick"><span class="box">☑</span>')
    expect(html).toContain('2. 业务交付清单</td><td class="tick"><span class="box">☑</span>')
    expect(html).toContain('3. 进网保修服务卡</td><td class="tick"><span class="box">☐</span>')
    expect(html).toContain('4. 进网业务使用说明书</td><td class="tick"><span class="box">☐</span>')
  })

  it('leaves dates and missing names to write in by hand, and prints them once known', () => {
    const blank = deliveryHtml({ ...document, receiverName: null }, 'zh-CN')
    expect(blank).toContain('日期：　　　　年　　月　　日')
    expect(blank).toContain('姓名：<span class="fill short"></span>')
    const delivered = deliveryHtml({ ...document, deliveredOn: '2026-11-18' }, 'zh-CN')
    expect(delivered).toContain('日期：2026年11月18日')
    expect(delivered).not.toContain('　　年')
    const english18 = deliveryHtml({ ...english, deliveredOn: '2026-11-18' }, 'en')
    expect(english18).toContain('Date: 18 Nov 2026')
  })

  it('names the SLA agreement on the warranty card when there is one', () => {
    const generic = deliveryHtml(document, 'zh-CN')
    expect(generic).toContain('未签订协议的，按我公司集团客户服务标准执行')
    const html = deliveryHtml(
      { ...document, slaAgreementNumber: 'SLA-LJ-2026-0031', slaRecoveryHours: 4 },
      'zh-CN',
    )
    expect(html).toContain('SLA-LJ-2026-0031')
    expect(html).toContain('4 小时内恢复业务')
  })

  it('leaves out the key-account line when there is none', () => {
    const html = deliveryHtml({ ...document, accountHotline: null }, 'zh-CN')
    expect(html).not.toContain('集团客户服务热线')
    expect(html).toContain('欢迎直接联系客户经理')
  })
})
