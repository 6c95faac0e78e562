/**
 * Locale formatting in one place: money (kept in fen, shown in yuan), counts, dates and instants.
 * Pages format what the main process computed; they never compute a figure themselves.
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

const FEN_PER_YUAN = 100

export function fenToYuan(fen: number | null | undefined): number | null {
  return fen === null || fen === undefined ? null : fen / FEN_PER_YUAN
}

/** Yuan as typed into a form, to integer fen (rounded to the fen, so 0.1 + 0.2 cannot leak in). */
export function yuanToFen(yuan: number | null | undefined): number | null {
  return yuan === null || yuan === undefined ? null : Math.round(yuan * FEN_PER_YUAN)
}

/** Thousands separators while typing a number (12,345.67), and back to a plain number string. */
export function groupDigits(value: string | number | undefined): string {
  if (value === undefined || value === '') return ''
  const [whole, fraction] = String(value).split('.')
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? grouped : `${grouped}.${fraction}`
}

export function ungroupDigits(text: string | undefined): string {
  return (text ?? '').replace(/,/g, '')
}

export function makeFormatters(language: string) {
  const money = new Intl.NumberFormat(language, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
  })
  const count = new Intl.NumberFormat(language)
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' })
  const instant = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' })
  return {
    money: (fen: number | null | undefined) =>
      fen === null || fen === undefined ? '' : money.format(fen / FEN_PER_YUAN),
    count: (value: number | null | undefined) =>
      value === null || value === undefined ? '' : count.format(value),
    /** A calendar date `YYYY-MM-DD`, shown as that day wherever the PC's clock is. */
    date: (value: string | null | undefined) => (value ? date.format(new Date(`${value}T00:00:00Z`)) : ''),
    instant: (value: string | null | undefined) => (value ? instant.format(new Date(value)) : ''),
  }
}

export type Formatters = ReturnType<typeof makeFormatters>

export function useFormat(): Formatters {
  const { i18n } = useTranslation()
  // One set per language, so that grids' column definitions are not rebuilt on every render.
  return useMemo(() => makeFormatters(i18n.language), [i18n.language])
}
