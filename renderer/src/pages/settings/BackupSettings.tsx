/**
 * Backup and restore in Settings: where the automatic daily backups go, whether they run and how many are
 * kept (supervisors change it; everyone else reads it), the last backup, a backup now where the supervisor
 * chooses, and a restore from a backup behind a confirmation: the current file is backed up first, and
 * afterwards everyone chooses who is working again.
 */
import { CloudDownloadOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons'
import { Alert, App, Button, Descriptions, Form, InputNumber, Space, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupInfo } from '../../../../electron/api/contract'
import { backupSettingsSchema, type BackupSettingsInput } from '../../../../electron/api/schemas'
import { ApiError, call } from '../../api'
import { errorMessage, schemaRule, showFieldErrors } from '../../errors'
import { useFormat } from '../../format'
import { navigate } from '../../router'
import { useSession } from '../../session'

export function BackupSettings({ onSessionChange }: { onSessionChange: () => Promise<void> }) {
  const { t } = useTranslation()
  const { message, modal } = App.useApp()
  const { isSupervisor } = useSession()
  const format = useFormat()
  const [info, setInfo] = useState<BackupInfo | null>(null)
  const [busy, setBusy] = useState<'now' | 'restore' | 'save' | null>(null)
  const [form] = Form.useForm<BackupSettingsInput>()
  const report = (error: unknown) => void message.error(errorMessage(t, error))

  useEffect(() => {
    call('backup.info')
      .then(setInfo)
      .catch((error: unknown) => void message.error(errorMessage(t, error)))
  }, [message, t])

  useEffect(() => {
    if (info) form.setFieldsValue({ automatic: info.automatic, keep: info.keep })
  }, [info, form])

  const save = (values: BackupSettingsInput) => {
    setBusy('save')
    call('backup.saveSettings', values)
      .then((next) => {
        setInfo(next)
        void message.success(t('common.saved'))
      })
      .catch((error: unknown) => {
        // Refusals at a field go there; anything else (a role refused) is said aloud.
        const rest = showFieldErrors(t, form, error)
        const onFields = error instanceof ApiError && (error.data.fields?.length ?? 0) > rest.length
        if (!onFields || rest.length > 0) report(error)
      })
      .finally(() => setBusy(null))
  }

  const backupNow = () => {
    setBusy('now')
    call('backup.now')
      .then(async (saved) => {
        if (!saved) return
        void message.success(t('transfer.backup.done', { fileName: saved.fileName }))
        setInfo(await call('backup.info'))
      })
      .catch(report)
      .finally(() => setBusy(null))
  }

  const restore = () =>
    modal.confirm({
      title: t('transfer.backup.restoreTitle'),
      width: 520,
      content: (
        <Space orientation="vertical" data-testid="restore-confirm">
          <Typography.Text>{t('transfer.backup.restoreSteps.choose')}</Typography.Text>
          <Typography.Text>{t('transfer.backup.restoreSteps.safety')}</Typography.Text>
          <Typography.Text>{t('transfer.backup.restoreSteps.replace')}</Typography.Text>
          <Typography.Text>{t('transfer.backup.restoreSteps.signIn')}</Typography.Text>
        </Space>
      ),
      okText: t('transfer.backup.restoreOk'),
      okType: 'danger',
      cancelText: t('common.cancel'),
      onOk: () => {
        setBusy('restore')
        return call('backup.restore')
          .then(async (result) => {
            if (!result) return
            // Whoever was working is signed out: the session first (the shell, and this page, give way to
            // "who is working"), then My day as the page to come back to. What was restored, and where the
            // data as it was went, stays on screen until read.
            await onSessionChange()
            navigate({ page: 'myday' })
            modal.success({
              title: t('transfer.backup.restored'),
              content: t('transfer.backup.restoredDetail', {
                from: result.restoredFrom,
                safety: result.safetyCopy,
              }),
              okText: t('common.confirm'),
              width: 560,
            })
          })
          .catch(report)
          .finally(() => setBusy(null))
      },
    })

  const keepRule = schemaRule(t, backupSettingsSchema.shape.keep)
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="backup-settings">
      <Typography.Text type="secondary">{t('transfer.backup.intro')}</Typography.Text>
      <Descriptions
        size="small"
        bordered
        column={1}
        styles={{ label: { width: 200 } }}
        items={[
          {
            key: 'folder',
            label: t('transfer.backup.folder'),
            children: info && (
              <Typography.Text copyable code data-testid="backup-folder">
                {info.folder}
              </Typography.Text>
            ),
          },
          {
            key: 'last',
            label: t('transfer.backup.last'),
            children: info && (
              <span data-testid="backup-last">
                {info.last
                  ? t('transfer.backup.lastValue', {
                      at: format.instant(info.last.at),
                      file: info.last.file.split(/[\\/]/).pop(),
                    })
                  : t('transfer.backup.never')}
              </span>
            ),
          },
        ]}
      />
      <Form<BackupSettingsInput>
        form={form}
        layout="inline"
        disabled={!isSupervisor || !info}
        onFinish={save}
        data-testid="backup-form"
      >
        <Form.Item name="automatic" label={t('transfer.backup.automatic')} valuePropName="checked">
          <Switch data-testid="backup-automatic" />
        </Form.Item>
        <Form.Item
          name="keep"
          label={t('transfer.backup.keep')}
          rules={[keepRule]}
          extra={t('transfer.backup.keepHint')}
        >
          <InputNumber
            min={1}
            max={365}
            precision={0}
            style={{ width: 120 }}
            suffix={t('transfer.backup.copies')}
          />
        </Form.Item>
        <Form.Item>
          <Button
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={busy === 'save'}
            data-testid="backup-save"
          >
            {t('common.save')}
          </Button>
        </Form.Item>
      </Form>
      <Space wrap>
        <Button
          icon={<CloudDownloadOutlined />}
          disabled={!isSupervisor}
          loading={busy === 'now'}
          onClick={backupNow}
          data-testid="backup-now"
        >
          {t('transfer.backup.now')}
        </Button>
        <Button
          danger
          icon={<HistoryOutlined />}
          disabled={!isSupervisor}
          loading={busy === 'restore'}
          onClick={restore}
          data-testid="backup-restore"
        >
          {t('transfer.backup.restore')}
        </Button>
        <Typography.Text type="secondary">{t('transfer.backup.nowHint')}</Typography.Text>
      </Space>
      {!isSupervisor && <Alert type="info" showIcon title={t('transfer.backup.supervisorOnly')} />}
    </Space>
  )
}
