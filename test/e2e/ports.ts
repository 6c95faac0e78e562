/**
 * The desktop ports (electron/files/ports) for end-to-end tests: Chromium's page.pdf prints, the file
 * "dialogs" answer at once (saving into `saveDir`, opening what the test put in `nextOpenFile`), and
 * nothing is opened in a viewer. Plus poppler helpers to look at the PDFs.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { printPdfOn } from '../../electron/files/chromium'
import type { DesktopPorts } from '../../electron/files/ports'

export type ChromiumPorts = DesktopPorts & { saved: string[]; nextOpenFile: string | null }

export function chromiumPorts(browser: Browser, saveDir: string): ChromiumPorts {
  const ports: ChromiumPorts = {
    saved: [],
    nextOpenFile: null,
    printPdf: (html) => printPdfOn(browser, html),
    async chooseSaveFile(suggestedName) {
      const path = join(saveDir, suggestedName)
      ports.saved.push(path)
      return path
    },
    async chooseOpenFile() {
      const path = ports.nextOpenFile
      ports.nextOpenFile = null
      return path
    },
    async openFile() {},
  }
  return ports
}

/** Renders one page of a PDF to a PNG at 80 dpi (poppler's pdftoppm). */
export function pdfPageToPng(pdfPath: string, pngPath: string, page = 1): void {
  // pdftoppm adds the .png itself.
  const outputRoot = pngPath.replace(/\.png$/i, '')
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdfPath,
    outputRoot,
  ])
}

export function pdfPageCount(pdfPath: string): number {
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })
  const pages = /^Pages:\s+(\d+)$/m.exec(info)
  if (!pages) throw new Error(`pdfinfo gave no page count for ${pdfPath}`)
  return Number(pages[1])
}
