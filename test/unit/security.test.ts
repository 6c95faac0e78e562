import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  APP_PROTOCOL,
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  secureWebPreferences,
} from '../../electron/window/security'

/** The policy as directive → sources, e.g. `script-src` → [`'self'`]. */
function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (!name) continue
    expect(map.has(name), `directive ${name} appears twice`).toBe(false)
    map.set(name, sources)
  }
  return map
}

const csp = directives(CONTENT_SECURITY_POLICY)

describe('the Content-Security-Policy', () => {
  it('denies everything by default', () => {
    expect(csp.get('default-src')).toEqual(["'none'"])
  })

  it("runs the app's own script files only: no eval, no inline scripts, no data: scripts", () => {
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'")
    expect(CONTENT_SECURITY_POLICY).not.toContain("'wasm-unsafe-eval'")
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-hashes'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'(nonce|sha256|sha384|sha512)-/)
  })

  it("allows 'unsafe-inline' for styles only", () => {
    for (const [name, sources] of csp) {
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'")
    }
  })

  it('names no remote host, scheme or wildcard in any directive', () => {
    for (const [name, sources] of csp) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/^(https?|wss?|ftp|blob|filesystem):/i)
        expect(source, `${name} ${source}`).not.toContain('*')
        // Only keywords in quotes, or data: where an image or font may come inline.
        expect(source === 'data:' || /^'[a-z-]+'$/.test(source), `${name} ${source}`).toBe(true)
      }
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/)
  })

  it('shuts plugins, frames, workers, forms and <base> off', () => {
    for (const name of ['object-src', 'frame-src', 'worker-src', 'form-action', 'base-uri']) {
      expect(csp.get(name), name).toEqual(["'none'"])
    }
  })

  it('lets data: through for images and fonts only', () => {
    for (const [name, sources] of csp) {
      if (sources.includes('data:')) expect(['img-src', 'font-src'], name).toContain(name)
    }
  })
})

describe('secureWebPreferences', () => {
  const preferences = secureWebPreferences('/app/out/preload/preload.cjs')

  it('isolates and sandboxes the renderer, with Node nowhere', () => {
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    })
  })

  it('keeps web security on and refuses insecure content, webviews and drag-and-drop navigation', () => {
    expect(preferences).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    })
  })

  it('passes the preload path through', () => {
    expect(preferences.preload).toBe('/app/out/preload/preload.cjs')
  })

  it('turns nothing on that is not in the reviewed list', () => {
    expect(Object.keys(preferences).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    )
  })
})

describe('isAppUrl', () => {
  const appUrl = pathToFileURL('/opt/account-desk/resources/app.asar/out/renderer/index.html').href

  it('the packaged app is served over file:', () => {
    expect(new URL(appUrl).protocol).toBe(APP_PROTOCOL)
  })

  it.each([
    ['the page itself', appUrl],
    ['the page with a hash route', `${appUrl}#/customers`],
    ['the page with a query', `${appUrl}?lang=en`],
  ])('accepts %s', (_label, url) => {
    expect(isAppUrl(url, appUrl)).toBe(true)
  })

  it.each([
    [
      'another file beside it',
      pathToFileURL('/opt/account-desk/resources/app.asar/out/renderer/other.html').href,
    ],
    ['a system file', 'file:///etc/passwd'],
    ['a dropped document', pathToFileURL('/home/user/Downloads/index.html').href],
    ['the same name in another folder', 'file:///tmp/out/renderer/index.html'],
    ['the same path on another host', appUrl.replace('file:///', 'file://otherhost/')],
    ['an http page', 'http://example.com/'],
    ['an https page', 'https://example.com/opt/account-desk/resources/app.asar/out/renderer/index.html'],
    ['an http page on localhost', 'http://localhost:5173/'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
  ])('refuses %s', (_label, url) => {
    expect(isAppUrl(url, appUrl)).toBe(false)
  })

  it('refuses everything when the app URL itself is garbage', () => {
    expect(isAppUrl(appUrl, 'not a url')).toBe(false)
  })

  describe('in development, against the dev server', () => {
    const devUrl = 'http://localhost:5173/'

    it.each([devUrl, 'http://localhost:5173/index.html', 'http://localhost:5173/#/settings'])(
      'accepts %s',
      (url) => {
        expect(isAppUrl(url, devUrl)).toBe(true)
      },
    )

    it.each([
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://localhost.evil.example:5173/',
      'http://evil.example/',
      'file:///etc/passwd',
    ])('refuses %s', (url) => {
      expect(isAppUrl(url, devUrl)).toBe(false)
    })
  })
})
