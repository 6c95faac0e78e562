/** Strings of the plans area (i18n key `plans`), 简体中文 and English with the same keys. */
import type { Strings } from '../strings'

export const zh = {} as const

export const en: Strings<typeof zh> = {}
