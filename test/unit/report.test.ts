/**
 * The report's measures (domain.md §6): shares are worked out per row from added-up counts and rounded
 * down, never added themselves; the average satisfaction comes from a hidden sum beside its count.
 */
import { describe, expect, it } from 'vitest'
import { deriveRow, REPORT_SECTIONS, SECTION_MEASURES, shareBp } from '../../electron/domain/report'

describe('report measures', () => {
  it('rounds a share down, so 99.995 % never shows as 100 %', () => {
    expect(shareBp(19_999, 20_000)).toBe(9_999)
    expect(shareBp(3, 3)).toBe(10_000)
    expect(shareBp(0, 7)).toBe(0)
  })

  it('has no share when nothing was counted', () => {
    expect(shareBp(0, 0)).toBeNull()
    expect(deriveRow(SECTION_MEASURES.deliveries, { counted: 0, onTime: 0, late: 0 }).onTimeBp).toBeNull()
  })

  it('works a share out from the row’s own counts, whatever value it arrived with', () => {
    // Two branches at 1/2 and 3/3 make 4/5 = 80 %, not the 75 % an average of their shares would give.
    const total = deriveRow(SECTION_MEASURES.orders, { opened: 5, onTime: 4, late: 1, onTimeBp: 17_500 })
    expect(total.onTimeBp).toBe(8_000)
  })

  it('averages satisfaction from its hidden sum, in hundredths', () => {
    const row = deriveRow(SECTION_MEASURES.followUps, {
      counted: 3,
      onTime: 3,
      late: 0,
      rated: 3,
      satisfactionSum: 13,
    })
    expect(row.satisfaction).toBe(433)
    expect(deriveRow(SECTION_MEASURES.followUps, { rated: 0, satisfactionSum: 0 }).satisfaction).toBeNull()
  })

  it('opens a derived number’s records through a measure of its own section', () => {
    for (const section of REPORT_SECTIONS) {
      const keys = new Set(SECTION_MEASURES[section].map((measure) => measure.key))
      for (const measure of SECTION_MEASURES[section]) {
        if (measure.derived) expect(keys.has(measure.drill), `${section}.${measure.key}`).toBe(true)
      }
    }
  })
})
