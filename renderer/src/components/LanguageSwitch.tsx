/** 简体中文 / English: changes the UI at once and is remembered for the next start. */
import { Radio } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../../electron/api/contract'
import { call } from '../api'

export function LanguageSwitch({ size }: { size?: 'small' | 'middle' }) {
  const { i18n } = useTranslation()
  const change = async (language: Language) => {
    await call('prefs.set', { language })
    await i18n.changeLanguage(language)
  }
  return (
    <Radio.Group
      size={size}
      value={i18n.language}
      onChange={(event) => void change(event.target.value as Language)}
      optionType="button"
      options={[
        { value: 'zh-CN', label: '简体中文' },
        { value: 'en', label: 'English' },
      ]}
      data-testid="language-switch"
    />
  )
}
