/**
 * Prints a document to PDF in Chinese (the default) or English, through a channel of the main process
 * that asks where to save it, then offers to open the file. The slip and the delivery document share it.
 */
import { FilePdfOutlined } from '@ant-design/icons'
import { Alert, App, Button, Segmented, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language, SavedDocument } from '../../../electron/api/contract'
import { call } from '../api'
import { errorMessage } from '../errors'

interface Props {
  /** Prints in the language chosen; null when the save dialog was cancelled. */
  print: (language: Language) => Promise<SavedDocument | null>
  /** Prefix of the test ids: `<testId>-print`, `<testId>-print-language`, `<testId>-printed`. */
  testId: string
  labels: { zh: string; en: string; print: string; open: string; printed: (fileName: string) => string }
  hint?: string
}

export function PrintBar({ print, testId, labels, hint }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [language, setLanguage] = useState<Language>('zh-CN')
  const [saved, setSaved] = useState<SavedDocument | null>(null)
  const [busy, setBusy] = useState(false)
  const report = (error: unknown) => void message.error(errorMessage(t, error))
  const run = () => {
    setBusy(true)
    print(language)
      .then((document) => document && setSaved(document))
      .catch(report)
      .finally(() => setBusy(false))
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<Language>
          value={language}
          onChange={setLanguage}
          options={[
            { value: 'zh-CN', label: labels.zh },
            { value: 'en', label: labels.en },
          ]}
          data-testid={`${testId}-print-language`}
        />
        <Button icon={<FilePdfOutlined />} loading={busy} onClick={run} data-testid={`${testId}-print`}>
          {labels.print}
        </Button>
        {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
      </Space>
      {saved && (
        <Alert
          type="success"
          showIcon
          title={labels.printed(saved.fileName)}
          action={
            <Button
              size="small"
              onClick={() => void call('files.open', { handle: saved.handle }).catch(report)}
            >
              {labels.open}
            </Button>
          }
          data-testid={`${testId}-printed`}
        />
      )}
    </Space>
  )
}
