/** Strings of the value area (i18n key `value`), 简体中文 and English with the same keys. */
import type { Strings } from '../strings'

export const zh = {} as const

export const en: Strings<typeof zh> = {}
