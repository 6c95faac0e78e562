/**
 * The Electron desktop ports (electron/files/electron-ports.ts) against a fake Electron: the print
 * window must be hidden, sandboxed, script-less and gone afterwards whatever happens; the dialogs must
 * hang off the app window and turn a cancel into null.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronPorts } from '../../electron/files/electron-ports'

const fake = vi.hoisted(() => ({
  windows: [] as {
    options: Record<string, unknown>
    url?: string
    destroyed: boolean
    handlers: Record<string, (...args: unknown[]) => unknown>
    openHandler?: (details: { url: string }) => unknown
  }[],
  printToPDF: null as unknown as (options: unknown) => Promise<Uint8Array>,
  showSaveDialog: null as unknown as (...args: unknown[]) => Promise<unknown>,
  showOpenDialog: null as unknown as (...args: unknown[]) => Promise<unknown>,
  openPath: null as unknown as (path: string) => Promise<string>,
}))

vi.mock('electron', () => {
  class BrowserWindow {
    record: (typeof fake.windows)[number]
    webContents: Record<string, unknown>
    constructor(options: Record<string, unknown>) {
      const record: (typeof fake.windows)[number] = { options, destroyed: false, handlers: {} }
      this.record = record
      fake.windows.push(record)
      this.webContents = {
        on: (event: string, handler: (...args: unknown[]) => unknown) => (record.handlers[event] = handler),
        setWindowOpenHandler: (handler: (details: { url: string }) => unknown) =>
          (record.openHandler = handler),
        printToPDF: (options: unknown) => fake.printToPDF(options),
      }
    }
    async loadURL(url: string) {
      this.record.url = url
    }
    destroy() {
      this.record.destroyed = true
    }
  }
  return {
    BrowserWindow,
    dialog: {
      showSaveDialog: (...args: unknown[]) => fake.showSaveDialog(...args),
      showOpenDialog: (...args: unknown[]) => fake.showOpenDialog(...args),
    },
    shell: { openPath: (path: string) => fake.openPath(path) },
  }
})

const appWindow = { id: 'app window' } as never
const ports = electronPorts(() => appWindow)
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46])

beforeEach(() => {
  fake.windows.length = 0
  fake.printToPDF = vi.fn(async () => PDF)
})

describe('printing to PDF', () => {
  it('loads the document into a hidden, sandboxed window without scripts, Node or preload', async () => {
    const html = '<!doctype html><p>赔付单 & 100%</p>'
    expect(await ports.printPdf(html)).toBe(PDF)
    expect(fake.windows).toHaveLength(1)
    const [window] = fake.windows
    expect(window!.options['show']).toBe(false)
    expect(window!.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    })
    expect(window!.options['webPreferences']).not.toHaveProperty('preload')
    expect(decodeURIComponent(window!.url!.replace('data:text/html;charset=utf-8,', ''))).toBe(html)
  })

  it('prints A4 with backgrounds and the page size the document asks for, then destroys the window', async () => {
    await ports.printPdf('<p>x</p>')
    expect(fake.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    })
    expect(fake.windows[0]!.destroyed).toBe(true)
  })

  it('destroys the window even when printing fails', async () => {
    fake.printToPDF = vi.fn(async () => {
      throw new Error('printing failed')
    })
    await expect(ports.printPdf('<p>x</p>')).rejects.toThrow('printing failed')
    expect(fake.windows[0]!.destroyed).toBe(true)
  })

  it('refuses navigation and new windows from the document', async () => {
    await ports.printPdf('<a href="https://example.com/">x</a>')
    const window = fake.windows[0]!
    const navigation = { preventDefault: vi.fn() }
    window.handlers['will-navigate']!(navigation, 'https://example.com/')
    expect(navigation.preventDefault).toHaveBeenCalled()
    expect(window.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })
})

describe('file dialogs and the system viewer', () => {
  const filters = [{ name: 'PDF', extensions: ['pdf'] }]

  it('asks where to save over the app window, and returns null when canceled', async () => {
    fake.showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '/home/a/PF-2026-0007.pdf' }))
    expect(await ports.chooseSaveFile('PF-2026-0007.pdf', filters)).toBe('/home/a/PF-2026-0007.pdf')
    expect(fake.showSaveDialog).toHaveBeenCalledWith(appWindow, { defaultPath: 'PF-2026-0007.pdf', filters })
    fake.showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }))
    expect(await ports.chooseSaveFile('PF-2026-0007.pdf', filters)).toBeNull()
  })

  it('asks for one file to open, and returns null when canceled', async () => {
    fake.showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: ['/home/a/customers.xlsx'] }))
    expect(await ports.chooseOpenFile(filters)).toBe('/home/a/customers.xlsx')
    expect(fake.showOpenDialog).toHaveBeenCalledWith(appWindow, { properties: ['openFile'], filters })
    fake.showOpenDialog = vi.fn(async () => ({ canceled: true, filePaths: [] }))
    expect(await ports.chooseOpenFile(filters)).toBeNull()
  })

  it('opens a dialog without a parent when there is no app window', async () => {
    fake.showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }))
    expect(await electronPorts(() => null).chooseSaveFile('a.pdf', filters)).toBeNull()
    expect(fake.showSaveDialog).toHaveBeenCalledWith({ defaultPath: 'a.pdf', filters })
  })

  it('opens a file in the system viewer, and throws the error the shell reports', async () => {
    fake.openPath = vi.fn(async () => '')
    await ports.openFile('/home/a/PF-2026-0007.pdf')
    expect(fake.openPath).toHaveBeenCalledWith('/home/a/PF-2026-0007.pdf')
    fake.openPath = vi.fn(async () => 'Failed to open path')
    await expect(ports.openFile('/gone.pdf')).rejects.toThrow('Failed to open path')
  })
})
