/**
 * What only the desktop shell can do, as ports: choosing files, printing HTML to PDF, opening a file in
 * the system viewer. In the app they are Electron's (dialog, webContents.printToPDF, shell); in end-to-end
 * tests Chromium's page.pdf and a stub that picks a path; the command line writes where it is told.
 * The renderer never sends a path: the main process chooses it here and hands back what it did.
 */
export interface FileFilter {
  name: string
  extensions: string[]
}

export interface DesktopPorts {
  /** Renders a self-contained HTML document (no scripts, no remote content) to an A4 PDF. */
  printPdf(html: string): Promise<Uint8Array>
  /** Asks where to save; null when the operator cancels. */
  chooseSaveFile(suggestedName: string, filters: FileFilter[]): Promise<string | null>
  /** Asks for a file to read; null when the operator cancels. */
  chooseOpenFile(filters: FileFilter[]): Promise<string | null>
  /** Opens a saved file with the system's viewer. */
  openFile(path: string): Promise<void>
}
