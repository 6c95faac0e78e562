/** Unsaved changes on the page: leaving it (menu, back, switch operator or database) asks first. */
import { App } from 'antd'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

let unsaved = false

/** A page with a form reports whether it holds changes not yet saved. */
export function useUnsavedChanges(dirty: boolean): void {
  useEffect(() => {
    unsaved = dirty
    return () => {
      unsaved = false
    }
  }, [dirty])
}

/** Runs `leave` at once, or after the operator agrees to drop the unsaved changes. */
export function useLeaveGuard(): (leave: () => unknown) => void {
  const { modal } = App.useApp()
  const { t } = useTranslation()
  return (leave) => {
    if (!unsaved) {
      void leave()
      return
    }
    modal.confirm({
      title: t('unsaved.title'),
      content: t('unsaved.content'),
      okText: t('unsaved.discard'),
      okType: 'danger',
      cancelText: t('unsaved.stay'),
      onOk: () => {
        unsaved = false
        return leave()
      },
    })
  }
}
