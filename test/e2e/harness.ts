/**
 * End-to-end harness: the renderer built by electron-vite, served from out/renderer on a loopback port,
 * in Debian's Chromium, with `window.api` bound through Playwright to the same `dispatch` the Electron
 * IPC transport calls, on a real SQLite file in a temp folder.
 */
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { expect } from 'vitest'
import { dispatch } from '../../electron/api/handlers'
import { AppHost } from '../../electron/host'
import { isAppUrl } from '../../electron/window/security'
import { tempDir } from '../integration/helpers'
import { chromiumPorts, type ChromiumPorts } from './ports'

const RENDERER_DIR = resolve('out/renderer')
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

export const SCREENSHOT_DIR = resolve(process.env['SCREENSHOT_DIR'] ?? 'test-results/screenshots')

function serveRenderer(): Promise<Server> {
  if (!existsSync(join(RENDERER_DIR, 'index.html')))
    throw new Error('Build the renderer first: npx electron-vite build')
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname))
    const file = join(RENDERER_DIR, path === '/' ? 'index.html' : path)
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' })
    createReadStream(file).pipe(response)
  })
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)))
}

export interface RunningApp {
  page: Page
  host: AppHost
  /** The file dialogs and printer the app sees: what was saved, and the file the next "open" picks. */
  ports: ChromiumPorts
  url: string
  /** Console errors and CSP violations seen so far: a clean run has none. */
  problems: string[]
  screenshot: (name: string) => Promise<void>
  close: () => Promise<void>
}

export async function startApp(
  options: { userDataDir?: string; systemLocale?: string } = {},
): Promise<RunningApp> {
  const server = await serveRenderer()
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const browser: Browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  const userDataDir = options.userDataDir ?? tempDir('account-desk-e2e-')
  const ports = chromiumPorts(browser, userDataDir)
  const host = new AppHost({
    userDataDir,
    systemLocale: options.systemLocale ?? 'zh-CN',
    appVersion: 'e2e',
    ports,
  })
  await host.openDefault()
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const page = await context.newPage()
  // The same sender check as the IPC transport: only the app's own top frame may call.
  await context.exposeBinding('__deskInvoke', (source, channel: unknown, input: unknown) => {
    if (source.frame !== source.page.mainFrame() || !isAppUrl(source.frame.url(), url)) {
      return { ok: false, error: { code: 'forbidden_sender', message: 'Refused: not the app window.' } }
    }
    return dispatch(host, channel, input)
  })
  // What the preload exposes in the app: one frozen `api.invoke`, here onto the binding.
  await context.addInitScript({
    content: `Object.defineProperty(window, 'api', { value: Object.freeze({ invoke: (c, i) => window.__deskInvoke(c, i) }) })`,
  })
  const problems: string[] = []
  page.on('console', (entry) => {
    if (entry.type() === 'error') problems.push(entry.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await page.goto(url)
  return {
    page,
    host,
    ports,
    url,
    problems,
    screenshot: async (name) => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true })
      await page.waitForTimeout(300) // let grids finish their first paint
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) })
    },
    close: async () => {
      await browser.close()
      server.close()
      await host.close()
    },
  }
}

/** On first start, registers 周主管 as the first supervisor (password e2e-supervisor) and starts work. */
export async function registerFirstSupervisor(page: Page): Promise<void> {
  await expect.poll(() => page.getByText('谁在使用服务台？').isVisible()).toBe(true)
  const form = page.getByTestId('register-form')
  await form.getByLabel('姓名').fill('周主管')
  await choose(page, '级别', '高级客户经理')
  await form.getByText('主管', { exact: true }).click()
  await form.getByLabel('密码').fill('e2e-supervisor')
  await form.getByRole('button', { name: '新增并开始工作' }).click()
  await expect.poll(() => page.getByTestId('current-operator').textContent()).toContain('周主管')
}

/** Picks an option of an antd Select by the text shown. */
export async function choose(page: Page, field: string, option: string): Promise<void> {
  await page.getByLabel(field, { exact: true }).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click()
}

/** Types a date into an antd DatePicker found by its label (in a page, a dialog or a drawer). */
export async function typeDate(scope: Page | Locator, label: string, date: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true })
  await input.click()
  await input.fill(date)
  await input.press('Enter')
}
