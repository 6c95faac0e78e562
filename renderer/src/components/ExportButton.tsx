/**
 * 导出 ▾ on a grid: the grid's rows as XLSX or CSV, with the filter and sort the grid shows (the list
 * request it sends, less paging) and the headers in the operator's language. The main process asks where
 * to save; then the operator may open the file. Every grid that exports uses this one button.
 */
import { DownloadOutlined, DownOutlined } from '@ant-design/icons'
import { App, Button, Dropdown } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportGrid, Language, SavedDocument } from '../../../electron/api/contract'
import { call } from '../api'
import { errorMessage } from '../errors'

type Format = 'xlsx' | 'csv'

/** A list request without its paging: what an export sends as `query`. */
export function withoutPaging<Q extends object>(request: Q): Omit<Q, 'startRow' | 'endRow'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { startRow, endRow, ...query } = request as Q & { startRow?: unknown; endRow?: unknown }
  return query
}

/**
 * Says that a file was saved, with a button that opens it; one notice at a time (the last file saved),
 * down in the corner, away from the page's own buttons.
 */
export function useSavedFileNotice(): (title: string, saved: SavedDocument, testId?: string) => void {
  const { t } = useTranslation()
  const { message, notification } = App.useApp()
  return (title, saved, testId) =>
    notification.success({
      key: SAVED_NOTICE,
      title,
      description: saved.fileName,
      duration: 8,
      placement: 'bottomRight',
      actions: (
        <Button
          size="small"
          type="primary"
          onClick={() => {
            notification.destroy(SAVED_NOTICE)
            void call('files.open', { handle: saved.handle }).catch(
              (error: unknown) => void message.error(errorMessage(t, error)),
            )
          }}
          {...(testId && { 'data-testid': testId })}
        >
          {t('transfer.export.open')}
        </Button>
      ),
    })
}

const SAVED_NOTICE = 'saved-file'

interface Props {
  grid: ExportGrid
  /** The grid's list request as it is now (filters and sort), read when the operator exports. */
  query: () => object
  /** Test ids: `<testId>` on the button, `<testId>-xlsx` and `<testId>-csv` on its menu entries. */
  testId?: string
}

export function ExportButton({ grid, query, testId = `${grid}-export` }: Props) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const notice = useSavedFileNotice()
  const [busy, setBusy] = useState(false)

  const run = (format: Format) => {
    setBusy(true)
    const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
    call('export.grid', {
      grid,
      format,
      language,
      query: withoutPaging(query()) as Record<string, unknown>,
    })
      .then((saved) => saved && notice(t('transfer.export.done'), saved, `${testId}-open`))
      .catch((error: unknown) => void message.error(errorMessage(t, error)))
      .finally(() => setBusy(false))
  }

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: (['xlsx', 'csv'] as const).map((format) => ({
          key: format,
          label: <span data-testid={`${testId}-${format}`}>{t(`transfer.export.${format}`)}</span>,
        })),
        onClick: ({ key }) => run(key as Format),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} data-testid={testId}>
        {t('transfer.export.button')}
        <DownOutlined />
      </Button>
    </Dropdown>
  )
}
