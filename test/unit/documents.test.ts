import { describe, expect, it } from 'vitest'
import { documentHtml, escapeHtml } from '../../electron/files/documents/frame'
import {
  slipHtml,
  toChineseCapitalAmount,
  type SlipDocument,
  type SlipWorking,
} from '../../electron/files/documents/slip'

const provisioning: SlipWorking = {
  kind: 'provisioning',
  provisioningClass: 'expedited',
  acceptedOn: '2026-10-08',
  dueOn: '2026-10-22',
  completedOn: '2026-11-20',
  limitDays: 10,
  pausedWorkingDays: 2,
  lateWorkingDays: 21,
  standardFeeFen: 823033,
  priceFactorBp: 15000,
  chargedFeeFen: 1234550,
  rateBp: 500,
  capBp: 10000,
  capFen: 1234550,
  capped: true,
  compensationFen: 1234550,
}

const availability: SlipWorking = {
  kind: 'availability',
  period: '2026-10',
  periodMinutes: 44640,
  faultMinutes: 185,
  excludedMinutes: 60,
  availabilityPpm: 997199,
  targetPpm: 999900,
  monthlyFeeFen: 3000000,
  rateBp: 1000,
  compensationFen: 300000,
}

const slip: SlipDocument = {
  number: 'PF-2026-0007',
  status: 'confirmed',
  issuer: '临江市分公司集团客户部',
  customerName: '临江<script>alert("x")</script>医院',
  customerCode: 'LJ-00231',
  agreementNumber: 'SLA-LJ-2025-0142',
  circuitNumber: 'LJ/MSTP/0412-0087',
  productName: '数字电路',
  bandwidth: '100 Mbit/s',
  responsibleUnit: '网络运维中心',
  draftedOn: '2026-11-23',
  confirmedOn: '2026-11-25',
  confirmedBy: '王晓梅',
  paidOn: null,
  amountFen: 1234550,
  working: provisioning,
}

describe('the document frame', () => {
  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })

  it('is a self-contained A4 page under a CSP that lets nothing load or run', () => {
    const html = documentHtml({ title: 'A & B', language: 'zh-CN', body: '<p>正文</p>' })
    expect(html).toContain('<html lang="zh-CN">')
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
    expect(html).toContain('@page { size: A4; margin: 18mm 16mm; }')
    expect(html).toContain('<title>A &amp; B</title>')
    expect(html).not.toMatch(/<script|https?:/i)
  })
})

describe('the compensation slip', () => {
  it('shows the customer name as text, and has no script anywhere', () => {
    const html = slipHtml(slip, 'zh-CN')
    expect(html).toContain('临江&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;医院')
    expect(html).not.toMatch(/<script/i)
    expect(slipHtml(slip, 'en')).not.toMatch(/<script/i)
  })

  it('shows every step of capped provisioning working, in Chinese', () => {
    const html = slipHtml(slip, 'zh-CN')
    for (const text of [
      '集团客户SLA赔付单',
      '加急',
      '2026年10月8日',
      '10 个工作日',
      '2026年10月22日',
      '21 个工作日',
      '¥8,230.33',
      '150%',
      '= ¥8,230.33 × 150%',
      '每逾期工作日 5%',
      '计费金额的 100%',
      '¥12,345.50 × 5% × 21 个工作日 = ¥12,962.78，超过上限，按上限计',
      '壹万贰仟叁佰肆拾伍元伍角整',
      '客户确认（签章）',
      '2026年11月23日',
    ])
      expect(html).toContain(text)
    expect(html).not.toContain('草稿')
  })

  it('shows the same in English, without the amount in Chinese capitals', () => {
    const html = slipHtml(slip, 'en')
    for (const text of [
      'SLA Compensation Slip',
      'Expedited',
      '8 Oct 2026',
      '23 Nov 2026',
      '= ¥12,962.78, over the cap',
      'Customer (signature and seal)',
    ])
      expect(html).toContain(text)
    expect(html).not.toContain('壹万')
  })

  it('shows availability working to four decimals, and marks a draft', () => {
    const html = slipHtml({ ...slip, status: 'draft', amountFen: 300000, working: availability }, 'zh-CN')
    for (const text of [
      '2026年10月',
      '44,640 分钟',
      '125 分钟',
      '99.7199%',
      '99.9900%',
      '未达目标（99.7199% &lt; 99.9900%）：¥30,000.00 × 10%',
      '叁仟元整',
      'class="watermark"',
      '草稿：尚未确认',
    ])
      expect(html).toContain(text)
  })

  it('marks a void slip', () => {
    const html = slipHtml({ ...slip, status: 'void' }, 'en')
    expect(html).toContain('VOID: this slip is no longer valid')
  })
})

describe('amounts in Chinese capitals', () => {
  it.each([
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角整'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [1005, '壹拾元零伍分'],
    [1050, '壹拾元伍角整'],
    [10100, '壹佰零壹元整'],
    [123456, '壹仟贰佰叁拾肆元伍角陆分'],
    [1000000, '壹万元整'],
    [10010000, '壹拾万零壹佰元整'],
    [100000100, '壹佰万零壹元整'],
    [1000000000, '壹仟万元整'],
    [10000000000, '壹亿元整'],
    [10000100000, '壹亿零壹仟元整'],
    [12000000000, '壹亿贰仟万元整'],
    [10001000000, '壹亿零壹万元整'],
  ])('%i fen is %s', (fen, words) => {
    expect(toChineseCapitalAmount(fen)).toBe(words)
  })

  it('refuses what is not a whole number of fen', () => {
    expect(() => toChineseCapitalAmount(-1)).toThrow(RangeError)
    expect(() => toChineseCapitalAmount(1.5)).toThrow(RangeError)
  })
})
