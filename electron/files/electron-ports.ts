/**
 * The desktop ports (./ports) on Electron: a hidden, script-less window prints to PDF, the system
 * dialogs choose files, the shell opens them.
 */
import { BrowserWindow, dialog, shell } from 'electron'
import type { DesktopPorts } from './ports'

export function electronPorts(getWindow: () => BrowserWindow | null): DesktopPorts {
  return {
    async printPdf(html) {
      // The document is data, not an app page: no preload, no Node, not even JavaScript.
      const printer = new BrowserWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          webSecurity: true,
          spellcheck: false,
          navigateOnDragDrop: false,
        },
      })
      try {
        printer.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
        // Fires only for navigation the page starts; our own loadURL below is not affected.
        printer.webContents.on('will-navigate', (event) => event.preventDefault())
        // A data: URL needs no file on disk. Chromium caps URLs at 2 MB, far above any of our documents.
        await printer.loadURL('data:text/html;charset=utf-8,' + encodeURIComponent(html))
        return await printer.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
        })
      } finally {
        printer.destroy()
      }
    },

    async chooseSaveFile(suggestedName, filters) {
      const options = { defaultPath: suggestedName, filters }
      const window = getWindow()
      const result = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },

    async chooseOpenFile(filters) {
      const options = { properties: ['openFile' as const], filters }
      const window = getWindow()
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },

    async openFile(path) {
      // openPath resolves with an error message rather than rejecting.
      const error = await shell.openPath(path)
      if (error) throw new Error(error)
    },
  }
}
