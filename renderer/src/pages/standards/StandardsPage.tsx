/**
 * The service standards (domain.md §2) as trainers show them: the tier × item matrix of the active
 * tier scheme, a projector mode that fills the window with large type, and the matrix as a PDF.
 * Supervisors change a cell in place; everyone else reads.
 */
import {
  FilePdfOutlined,
  FullscreenExitOutlined,
  FullscreenOutlined,
  ReloadOutlined,
} from '@ant-design/icons'
import { Alert, App, Button, Space, Spin, Tag, Typography } from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language, SavedDocument, StandardsMatrix as Matrix } from '../../../../electron/api/contract'
import { call } from '../../api'
import { errorMessage } from '../../errors'
import { useSession } from '../../session'
import { StandardModal } from './StandardModal'
import { COLOURS, StandardsMatrix, type CellRef } from './StandardsMatrix'

function Legend() {
  const { t } = useTranslation()
  const swatch = (background: string) => (
    <span
      style={{
        display: 'inline-block',
        width: 16,
        height: 16,
        marginInlineEnd: 6,
        verticalAlign: -3,
        background,
        border: '1px solid #d9d9d9',
      }}
    />
  )
  return (
    <Space size="large" style={{ fontSize: 15 }}>
      <span>
        {swatch(COLOURS.provided)}
        {t('plans.standards.legendProvided')}
      </span>
      <span>
        {swatch(COLOURS.none)}
        {t('plans.standards.legendNone')}
      </span>
    </Space>
  )
}

function PrintResult({ saved, onError }: { saved: SavedDocument; onError: (error: unknown) => void }) {
  const { t } = useTranslation()
  return (
    <Alert
      type="success"
      showIcon
      title={t('plans.standards.printed', { fileName: saved.fileName })}
      action={
        <Button
          size="small"
          onClick={() => void call('files.open', { handle: saved.handle }).catch(onError)}
          data-testid="standards-open"
        >
          {t('plans.standards.open')}
        </Button>
      }
      data-testid="standards-printed"
    />
  )
}

export function StandardsPage() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { info, lookups, isSupervisor } = useSession()
  const [matrix, setMatrix] = useState<Matrix | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const [projector, setProjector] = useState(false)
  const [editing, setEditing] = useState<CellRef | null>(null)
  const [printing, setPrinting] = useState(false)
  const [saved, setSaved] = useState<SavedDocument | null>(null)

  const report = useCallback((error: unknown) => void message.error(errorMessage(t, error)), [message, t])

  const load = useCallback(() => {
    setFailed(null)
    return call('standards.get')
      .then(setMatrix)
      .catch((error: unknown) => setFailed(errorMessage(t, error)))
  }, [t])
  useEffect(() => {
    let current = true
    call('standards.get')
      .then((loaded) => current && setMatrix(loaded))
      .catch((error: unknown) => current && setFailed(errorMessage(t, error)))
    return () => {
      current = false
    }
  }, [t])

  // Esc leaves projector mode (unless a dialog is open: Esc closes that first).
  useEffect(() => {
    if (!projector) return
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !editing) setProjector(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [projector, editing])

  const tiers = useMemo(
    () => lookups.tiers.filter((tier) => tier.scheme === lookups.tierScheme).sort((a, b) => a.rank - b.rank),
    [lookups],
  )
  const scheme = t(`settings.schemes.${lookups.tierScheme}`, { defaultValue: lookups.tierScheme })

  const print = () => {
    setPrinting(true)
    const language: Language = i18n.language === 'en' ? 'en' : 'zh-CN'
    call('standards.print', { language })
      .then((document) => document && setSaved(document))
      .catch(report)
      .finally(() => setPrinting(false))
  }

  const body = failed ? (
    <Alert
      type="error"
      showIcon
      title={failed}
      action={
        <Button icon={<ReloadOutlined />} onClick={() => void load()}>
          {t('common.reload')}
        </Button>
      }
    />
  ) : !matrix ? (
    <Spin />
  ) : (
    <div data-testid="standards-matrix">
      <StandardsMatrix
        matrix={matrix}
        tiers={tiers}
        projector={projector}
        onEdit={isSupervisor ? setEditing : undefined}
      />
    </div>
  )

  const modal = (
    <StandardModal
      cell={editing}
      onClose={() => setEditing(null)}
      onSaved={setMatrix}
      onStale={() => void load()}
    />
  )

  if (projector) {
    return (
      <div className="standards-projector-view" data-testid="standards-projector">
        {info.isDemo && <div className="desk-demo-banner">{t('demo.banner')}</div>}
        <div style={{ padding: '20px 28px', display: 'flex', flexDirection: 'column', gap: 16 }}>
          <div style={{ display: 'flex', alignItems: 'center', gap: 16 }}>
            <Typography.Title level={1} style={{ margin: 0, flex: 1, fontSize: 36 }}>
              {t('plans.standards.title')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ fontSize: 20 }}>
              {scheme}
            </Typography.Text>
            <Button
              icon={<FullscreenExitOutlined />}
              onClick={() => setProjector(false)}
              aria-pressed
              data-testid="standards-projector-toggle"
            >
              {t('plans.standards.exitProjector')}
            </Button>
          </div>
          {body}
        </div>
        {modal}
      </div>
    )
  }

  return (
    <div className="desk-page" style={{ height: 'auto' }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: 16, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('plans.standards.title')}
        </Typography.Title>
        <Tag color="blue" style={{ fontSize: 14, paddingBlock: 2 }} data-testid="standards-scheme">
          {scheme}
        </Tag>
        <div style={{ flex: 1 }} />
        <Button
          icon={<FullscreenOutlined />}
          onClick={() => setProjector(true)}
          aria-pressed={false}
          data-testid="standards-projector-toggle"
        >
          {t('plans.standards.projector')}
        </Button>
        <Button
          type="primary"
          icon={<FilePdfOutlined />}
          loading={printing}
          onClick={print}
          data-testid="standards-print"
        >
          {t('plans.standards.print')}
        </Button>
      </div>
      {saved && <PrintResult saved={saved} onError={report} />}
      <div style={{ display: 'flex', alignItems: 'center', gap: 24, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary" style={{ fontSize: 15 }} data-testid="standards-hint">
          {isSupervisor ? t('plans.standards.editHint') : t('plans.standards.readOnlyHint')}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Legend />
      </div>
      {body}
      {modal}
    </div>
  )
}
