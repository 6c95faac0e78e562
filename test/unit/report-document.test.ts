/**
 * The report's files from a report made up here: figures as the screen shows them, the PDF's page
 * numbers, pages and tables, the workbook's formats, total rows and formula-proof text.
 */
import { describe, expect, it } from 'vitest'
import type { Report, ReportTable } from '../../electron/api/contract'
import {
  chartSvg,
  measureText,
  REPORT_STRINGS,
  reportHtml,
  type ReportWording,
} from '../../electron/files/documents/report'
import { reportWorkbook, sheetName } from '../../electron/files/reportWorkbook'

const slips: ReportTable = {
  section: 'slips',
  measures: [
    { key: 'slips', kind: 'count', drill: 'slips' },
    { key: 'amountFen', kind: 'fen', drill: 'slips' },
  ],
  byBranch: [
    { key: 'b1', values: { slips: 2, amountFen: 1_234_550 } },
    { key: null, values: { slips: 1, amountFen: 5 } },
  ],
  byManager: [{ key: 'm1', values: { slips: 3, amountFen: 1_234_555 } }],
  total: { slips: 3, amountFen: 1_234_555 },
}

const followUps: ReportTable = {
  section: 'followUps',
  measures: [
    { key: 'counted', kind: 'count', drill: 'counted' },
    { key: 'onTimeBp', kind: 'bp', drill: 'counted' },
    { key: 'satisfaction', kind: 'score', drill: 'rated' },
  ],
  byBranch: [
    { key: 'b1', values: { counted: 3, onTimeBp: 6666, satisfaction: 418 } },
    { key: null, values: { counted: 0, onTimeBp: null, satisfaction: null } },
  ],
  byManager: [{ key: 'm1', values: { counted: 3, onTimeBp: 6666, satisfaction: 418 } }],
  total: { counted: 3, onTimeBp: 6666, satisfaction: 418 },
}

const report: Report = {
  from: '2026-07-01',
  to: '2026-09-30',
  quarter: '2026Q3',
  asOf: '2026-11-23',
  sections: [slips, followUps],
}

function wording(language: 'zh-CN' | 'en', names: Record<string, string> = {}): ReportWording {
  const s = REPORT_STRINGS[language]
  return {
    language,
    s,
    issuer: language === 'en' ? 'Key Account Department' : '集团客户部',
    row: (grouping, key) =>
      key === null ? (grouping === 'branch' ? s.noBranch : s.noManager) : (names[key] ?? key),
    measure: (section, key) => (s.measures[section] as Record<string, string>)[key] ?? key,
  }
}

describe('figures as the screen shows them', () => {
  it.each([
    ['count', 12_345, 'zh-CN', '12,345'],
    ['fen', 1_234_550, 'zh-CN', '¥12,345.50'],
    ['fen', 5, 'en', '¥0.05'],
    ['bp', 7_500, 'en', '75.00%'],
    ['bp', 9_999, 'zh-CN', '99.99%'],
    ['ppm', 999_785, 'en', '99.978%'],
    ['minutes', 10_264, 'en', '10,264'],
    ['score', 418, 'zh-CN', '4.18'],
    ['bp', null, 'en', '—'],
  ] as const)('%s %s in %s is %s', (kind, value, language, text) => {
    expect(measureText(kind, value, language)).toBe(text)
  })
})

describe('the PDF document', () => {
  const names = { b1: '城东区 <b>&', m1: '王伟' }

  it('numbers every page in its bottom margin, in the language', () => {
    expect(reportHtml(report, wording('zh-CN', names), [])).toContain(
      'content: "第 " counter(page) " 页，共 " counter(pages) " 页"',
    )
    expect(reportHtml(report, wording('en', names), [])).toContain(
      'content: "Page " counter(page) " of " counter(pages)',
    )
  })

  it('has a cover listing the sections, then each section on its own pages with both tables', () => {
    const html = reportHtml(report, wording('zh-CN', names), ['<svg id="one"></svg>', '<svg id="two"></svg>'])
    expect(html).toContain('size: A4 landscape')
    expect(html).toContain('2026 年第 3 季度（2026-07-01 至 2026-09-30）')
    expect(html.match(/<li>/g)).toHaveLength(2)
    expect(html.match(/<section class="part">/g)).toHaveLength(2)
    expect(html).toContain('section.part { break-before: page; }')
    expect(html).toContain('thead { display: table-header-group; }')
    // By branch and by manager, each with its total.
    expect(html.match(/<tr class="total">/g)).toHaveLength(4)
    expect(html).toContain('<svg id="two"></svg>')
    expect(html).toContain('<td class="amount">¥12,345.50</td>')
    expect(html).toContain('<td class="amount">66.66%</td><td class="amount">4.18</td>')
    expect(html).toContain('<td class="name">（未分区县）</td>')
    expect(html).toContain('城东区 &lt;b&gt;&amp;')
    expect(html).not.toMatch(/<script|https?:/)
  })

  it('draws a section’s chart by branch as SVG with the rows’ names, escaped', () => {
    const svg = chartSvg(slips, wording('en', names))
    expect(svg).toMatch(/^<svg[^>]+width="1000"/)
    expect(svg).toContain('城东区 &lt;b&gt;&amp;')
    expect(svg).toContain('(no branch)')
    expect(svg).toContain('Opening amount')
  })
})

describe('the workbook', () => {
  const book = reportWorkbook(report, wording('en', { b1: '=HYPERLINK("x")', m1: '+86 571' }))
  const sheet = book.worksheets[1]!

  it('has a cover sheet, then a sheet per section with its header frozen and filtered', () => {
    expect(book.worksheets.map((one) => one.name)).toEqual([
      'Quarterly report',
      'Compensation slips and amounts',
      'Follow-ups within their deadline'.slice(0, 23),
    ])
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 })
    expect(sheet.autoFilter).toEqual({ from: { row: 1, column: 1 }, to: { row: 1, column: 4 } })
    expect(sheet.getRow(1).values).toEqual([undefined, 'Grouping', 'Name', 'Slips', 'Amount'])
  })

  it('writes figures as numbers in their kind’s format, totals bold under a rule', () => {
    const rows = sheet.getRows(2, 5)!.map((row) => row.values)
    expect(rows).toEqual([
      [undefined, 'By branch', '\'=HYPERLINK("x")', 2, 12_345.5],
      [undefined, 'By branch', '(no branch)', 1, 0.05],
      [undefined, 'By branch', 'Total', 3, 12_345.55],
      [undefined, 'By account manager', "'+86 571", 3, 12_345.55],
      [undefined, 'By account manager', 'Total', 3, 12_345.55],
    ])
    expect(sheet.getCell('D2').numFmt).toBe('#,##0.00')
    expect(sheet.getCell('C2').numFmt).toBe('#,##0')
    const total = sheet.getRow(4)
    expect(total.getCell(1).font?.bold).toBe(true)
    expect(total.getCell(4).border?.top?.style).toBe('thin')
    expect(sheet.getRow(2).getCell(4).font?.bold).toBeFalsy()

    const scores = book.worksheets[2]!
    expect(scores.getRow(2).values).toEqual([undefined, 'By branch', '\'=HYPERLINK("x")', 3, 0.6666, 4.18])
    expect(scores.getCell('D2').numFmt).toBe('0.00%')
    expect(scores.getCell('E2').numFmt).toBe('0.00')
    // No share where nothing was counted: the cell stays empty.
    expect(scores.getRow(3).getCell(4).value).toBeNull()
  })

  it('cuts a sheet name at a word to fit Excel’s 31 characters', () => {
    expect(sheetName('Service plan compliance (standard actions)')).toBe('Service plan compliance')
    expect(sheetName('a/b')).toBe('a-b')
    expect(sheetName('x'.repeat(40))).toHaveLength(31)
  })
})
