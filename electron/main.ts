/**
 * Electron's main process: the app's lifecycle, one secure window, and the IPC transport onto the
 * handler registry. Everything else lives in services that run without Electron (and are tested so).
 */
import { app, BrowserWindow, dialog, ipcMain, session, shell, type IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { dispatch } from './api/handlers'
import { electronPorts } from './files/electron-ports'
import { AppHost } from './host'
import { CONTENT_SECURITY_POLICY, isAppUrl, secureWebPreferences } from './window/security'

const INVOKE = 'desk:invoke'
let mainWindow: BrowserWindow | null = null

function rendererUrl(): string {
  const devServer = process.env['ELECTRON_RENDERER_URL']
  if (!app.isPackaged && devServer) return devServer
  return pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href
}

/** Only the app's own top frame may call the API: not a sub-frame, not a page it was navigated to. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  return (
    mainWindow !== null &&
    frame !== null &&
    event.sender === mainWindow.webContents &&
    frame === mainWindow.webContents.mainFrame &&
    isAppUrl(frame.url, rendererUrl())
  )
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Account Desk',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/preload.cjs')),
  })
  window.once('ready-to-show', () => window.show())
  // Navigation and new windows are refused; an http(s) link opens in the system browser instead.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererUrl())) event.preventDefault()
  })
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  void window.loadURL(rendererUrl())
  return window
}

function lockDownSession(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  // The built page carries the CSP in a meta tag (file:// has no headers); the header covers anything
  // else the window might load. The dev server is left alone: HMR needs inline scripts and a websocket.
  if (app.isPackaged || !process.env['ELECTRON_RENDERER_URL']) {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      })
    })
  }
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
  })
}

async function start(): Promise<void> {
  await app.whenReady()
  lockDownSession()
  const host = new AppHost({
    userDataDir: app.getPath('userData'),
    systemLocale: app.getLocale(),
    appVersion: app.getVersion(),
    ports: electronPorts(() => mainWindow),
  })
  try {
    await host.openDefault()
  } catch (error) {
    // A file the app must not open (written by a newer version, or a migration that failed and was
    // rolled back): say why, and leave the file alone.
    dialog.showErrorBox(
      'Account Desk · 集团客户服务台',
      error instanceof Error ? error.message : String(error),
    )
    app.quit()
    return
  }
  ipcMain.handle(INVOKE, (event, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'forbidden_sender', message: 'Refused: not the app window.' } }
    }
    return dispatch(host, channel, input)
  })
  mainWindow = createWindow()
  // A desk left open overnight: order statuses follow the date without waiting for a restart, and the
  // day's automatic backup is taken (once a day) without one either.
  const refresh = setInterval(
    () =>
      void host
        .refreshDerived()
        .catch((error) => console.error(error))
        .then(() => host.automaticBackup())
        .catch((error) => console.error(error)),
    600_000,
  )
  refresh.unref()
  app.on('before-quit', () => clearInterval(refresh))
  app.on('window-all-closed', () => {
    void host.close().then(() => app.quit())
  })
}

void start()
