/**
 * The window's security settings as plain data, so that tests can hold them to the policy without
 * starting Electron (which cannot run on the build machine).
 */

/** Origin the packaged renderer is served from: loadFile() gives file:// URLs. */
export const APP_PROTOCOL = 'file:'

/**
 * Content-Security-Policy of the renderer. Styles allow 'unsafe-inline' because antd's CSS-in-JS and
 * AG Grid's themes inject <style> elements at run time; scripts stay 'self' only (no eval, no inline).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "worker-src 'none'",
].join('; ')

export interface SecureWebPreferences {
  preload: string
  contextIsolation: true
  sandbox: true
  nodeIntegration: false
  nodeIntegrationInWorker: false
  nodeIntegrationInSubFrames: false
  webSecurity: true
  allowRunningInsecureContent: false
  webviewTag: false
  spellcheck: false
  navigateOnDragDrop: false
}

export function secureWebPreferences(preload: string): SecureWebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  }
}

/**
 * True when a URL is the app's own page. Anything else (a link, a dropped file, a redirect) must not
 * replace the app in its window.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url)
    const app = new URL(appUrl)
    if (target.protocol !== app.protocol) return false
    if (target.protocol === APP_PROTOCOL) return target.host === app.host && target.pathname === app.pathname
    return target.origin === app.origin
  } catch {
    return false
  }
}
