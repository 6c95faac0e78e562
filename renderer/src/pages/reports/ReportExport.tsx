/**
 * 导出 ▾ on the report: the whole report for the window, as an XLSX workbook or a PDF, in the operator's
 * language. While the main process works, its progress shows with a button that stops it.
 */
import { DownloadOutlined, DownOutlined } from '@ant-design/icons'
import { App, Button, Dropdown, Progress, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language, ReportProgress } from '../../../../electron/api/contract'
import type { REPORT_FORMATS } from '../../../../electron/api/schemas'
import { ApiError, call } from '../../api'
import { useSavedFileNotice } from '../../components/ExportButton'
import { errorMessage } from '../../errors'
import type { ReportWindow } from './reportWindow'

type Format = (typeof REPORT_FORMATS)[number]

const POLL_MS = 300

/** How far the export under way has got, asked every few hundred milliseconds while `running`. */
function useProgress(running: boolean): ReportProgress | null {
  const [progress, setProgress] = useState<ReportProgress | null>(null)
  useEffect(() => {
    if (!running) return
    let live = true
    const timer = setInterval(() => {
      // A progress reading that fails is only a missed tick: the export's own result says what happened.
      call('report.progress')
        .then((next) => live && setProgress(next))
        .catch(() => undefined)
    }, POLL_MS)
    return () => {
      live = false
      clearInterval(timer)
      setProgress(null)
    }
  }, [running])
  return progress
}

export function ReportExport({ window }: { window: ReportWindow }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const notice = useSavedFileNotice()
  const [running, setRunning] = useState(false)
  const progress = useProgress(running)

  const run = (format: Format) => {
    setRunning(true)
    const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
    call('report.export', { from: window.from, to: window.to, format, language })
      .then((saved) => saved && notice(t('transfer.export.done'), saved, 'report-export-open'))
      .catch((error: unknown) => {
        const cancelled = error instanceof ApiError && error.data.code === 'report_cancelled'
        void (cancelled ? message.info : message.error)(errorMessage(t, error))
      })
      .finally(() => setRunning(false))
  }
  const cancel = () =>
    void call('report.cancel').catch((error: unknown) => message.error(errorMessage(t, error)))

  return (
    <Space size={12}>
      {running && progress && (
        <Space size={8} data-testid="report-export-progress">
          <Progress
            percent={Math.round((progress.done * 100) / Math.max(progress.total, 1))}
            size="small"
            showInfo={false}
            style={{ width: 120, margin: 0 }}
          />
          <Typography.Text type="secondary">
            {t('report.export.progress', {
              stage: t(`report.export.stages.${progress.stage}`),
              done: progress.done,
              total: progress.total,
            })}
          </Typography.Text>
          <Button size="small" onClick={cancel} data-testid="report-export-cancel">
            {t('report.export.cancel')}
          </Button>
        </Space>
      )}
      <Dropdown
        trigger={['click']}
        disabled={running}
        menu={{
          items: (['xlsx', 'pdf'] as const).map((format) => ({
            key: format,
            label: <span data-testid={`report-export-${format}`}>{t(`report.export.${format}`)}</span>,
          })),
          onClick: ({ key }) => run(key as Format),
        }}
      >
        <Button icon={<DownloadOutlined />} loading={running} data-testid="report-export">
          {t('report.export.button')}
          <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  )
}
