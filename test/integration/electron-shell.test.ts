/**
 * The Electron shell (electron/main.ts) with Electron replaced by recording fakes: Electron cannot run
 * on the build machine, but what main.ts asks of it can be checked. The window must be created with the
 * secure preferences, refuse navigation and new windows, deny permissions, and answer IPC only from its
 * own top frame at its own URL, through the real handlers on a real database.
 */
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../electron/window/security'
import { tempDir } from './helpers'

const recorded = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; contents: Record<string, unknown>; url?: string }[],
  contentsHandlers: {} as Record<string, (...args: unknown[]) => unknown>,
  windowOpenHandler: null as null | ((details: { url: string }) => unknown),
  ipc: {} as Record<string, (...args: unknown[]) => unknown>,
  permissionHandler: null as null | ((...args: unknown[]) => void),
  headersHandler: null as null | ((...args: unknown[]) => void),
  openedExternally: [] as string[],
  userData: '',
}))

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      const mainFrame = { url: '' }
      this.webContents = {
        mainFrame,
        on: (event: string, handler: (...args: unknown[]) => unknown) => {
          recorded.contentsHandlers[event] = handler
        },
        setWindowOpenHandler: (handler: (details: { url: string }) => unknown) => {
          recorded.windowOpenHandler = handler
        },
      }
      recorded.windows.push({ options, contents: this.webContents })
    }
    once() {}
    show() {}
    async loadURL(url: string) {
      recorded.windows.at(-1)!.url = url
      ;(this.webContents.mainFrame as { url: string }).url = url
    }
  }
  return {
    app: {
      whenReady: () => Promise.resolve(),
      getPath: () => recorded.userData,
      getLocale: () => 'zh-CN',
      getVersion: () => '0.0.0-test',
      isPackaged: false,
      on: () => undefined,
      quit: () => undefined,
    },
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) =>
        (recorded.ipc[channel] = handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: (...args: unknown[]) => void) =>
          (recorded.permissionHandler = handler),
        webRequest: {
          onHeadersReceived: (handler: (...args: unknown[]) => void) => (recorded.headersHandler = handler),
        },
      },
    },
    shell: { openExternal: async (url: string) => recorded.openedExternally.push(url) },
    dialog: { showErrorBox: () => undefined },
  }
})

beforeAll(async () => {
  recorded.userData = tempDir()
  delete process.env['ELECTRON_RENDERER_URL']
  await import('../../electron/main')
  await vi.waitFor(() => expect(recorded.ipc['desk:invoke']).toBeTypeOf('function'), { timeout: 10_000 })
})

const window = () => recorded.windows[0]!
const event = (frame: object, sender: unknown = window().contents) => ({ sender, senderFrame: frame })
const invoke = (e: object, channel: string, input?: unknown) =>
  recorded.ipc['desk:invoke']!(e, channel, input)

describe('the Electron shell', () => {
  it('creates one window with the secure preferences and the sandboxed CommonJS preload', () => {
    expect(recorded.windows).toHaveLength(1)
    const preload = join(resolve('electron'), '../preload/preload.cjs')
    expect(window().options['webPreferences']).toEqual(secureWebPreferences(preload))
  })

  it('loads the built renderer from a file URL', () => {
    expect(window().url).toMatch(/^file:\/\/.*\/renderer\/index\.html$/)
  })

  it('refuses navigation away from the app, and new windows (web links go to the system browser)', () => {
    const willNavigate = recorded.contentsHandlers['will-navigate']!
    const away = { preventDefault: vi.fn() }
    willNavigate(away, 'https://example.com/')
    expect(away.preventDefault).toHaveBeenCalled()
    const own = { preventDefault: vi.fn() }
    willNavigate(own, window().url!)
    expect(own.preventDefault).not.toHaveBeenCalled()
    expect(recorded.windowOpenHandler!({ url: 'https://example.com/help' })).toEqual({ action: 'deny' })
    expect(recorded.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(recorded.openedExternally).toEqual(['https://example.com/help'])
  })

  it('denies every permission request and sends the CSP with every response', () => {
    const callback = vi.fn()
    recorded.permissionHandler!({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    const headers = vi.fn()
    recorded.headersHandler!({ responseHeaders: { 'X-Other': ['1'] } }, headers)
    expect(headers).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })

  it('answers IPC from its own top frame through the real handlers on a real database', async () => {
    const result = (await invoke(event(window().contents['mainFrame'] as object), 'app.info')) as {
      ok: boolean
      value: { databaseFile: string }
    }
    expect(result.ok).toBe(true)
    expect(result.value.databaseFile).toBe(join(recorded.userData, 'account-desk.sqlite'))
  })

  it('refuses IPC from a sub-frame, from another page, or from another web contents', async () => {
    const mainFrame = window().contents['mainFrame'] as { url: string }
    const refused = {
      ok: false,
      error: { code: 'forbidden_sender', message: 'Refused: not the app window.' },
    }
    expect(await invoke(event({ url: mainFrame.url }), 'app.info')).toEqual(refused)
    const navigatedAway = { ...mainFrame, url: 'https://example.com/' }
    expect(await invoke(event(navigatedAway), 'app.info')).toEqual(refused)
    expect(await invoke(event(mainFrame, { other: true }), 'app.info')).toEqual(refused)
  })

  it('still validates input and access behind a trusted sender', async () => {
    const frame = window().contents['mainFrame'] as object
    expect(await invoke(event(frame), 'customers.list', { startRow: 0, endRow: 10 })).toMatchObject({
      ok: false,
      error: { code: 'not_signed_in' },
    })
    expect(await invoke(event(frame), 'no.suchChannel')).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' },
    })
  })
})
