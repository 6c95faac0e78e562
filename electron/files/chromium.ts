/**
 * Printing to PDF on a headless Chromium through playwright-core, for where there is no Electron: the
 * command line, and the end-to-end tests' ports. playwright-core is a development dependency: the app
 * prints through Electron (electron-ports.ts) and never loads this module.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'
import { AppError } from '../api/errors'

/** Prints a document in its own context with scripts off, as the app's print window has its own. */
export async function printPdfOn(browser: Browser, html: string): Promise<Uint8Array> {
  const context = await browser.newContext({ javaScriptEnabled: false })
  try {
    const page = await context.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
  } finally {
    await context.close()
  }
}

/** Where Debian, Ubuntu and Google install their browsers, tried in this order. */
const INSTALLED = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

/** Chromium as a quiet printer: no GPU, nothing fetched in the background. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Chromium will not start its sandbox as root (containers, build machines); the page is our own
  // script-less document.
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
]

const NOT_FOUND =
  'No Chromium, Chrome or Edge was found to print the PDF: install one, or set ACCOUNT_DESK_CHROMIUM to its executable.'

/**
 * A browser to print with: ACCOUNT_DESK_CHROMIUM if set, else the first of the usual install paths, else
 * an installed Edge or Chrome found by Playwright's channels. Nothing is downloaded.
 */
export async function launchPrinter(): Promise<Browser> {
  const given = process.env['ACCOUNT_DESK_CHROMIUM']
  if (given && !existsSync(given))
    throw new AppError('no_printer', `ACCOUNT_DESK_CHROMIUM names ${given}, which does not exist.`)
  const executablePath = given || INSTALLED.find((path) => existsSync(path))
  if (executablePath) return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  for (const channel of ['msedge', 'chrome']) {
    try {
      return await chromium.launch({ channel, args: CHROMIUM_ARGS })
    } catch {
      // Not installed: try the next one.
    }
  }
  throw new AppError('no_printer', NOT_FOUND)
}
