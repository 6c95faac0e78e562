/**
 * The frame every printed document shares: one self-contained A4 page with no scripts and nothing
 * remote, so that it prints the same in Electron's hidden window and in the tests' Chromium.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text as HTML: safe in element content and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!)
}

// Nothing may load or run: inline styles and data: images only.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

const SERIF = '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif'
export const SANS = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'

const STYLE = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${SERIF}; font-size: 10.5pt; line-height: 1.5; color: #111; }
h1 { font-size: 19pt; font-weight: 700; letter-spacing: 0.12em; text-align: center; margin: 3mm 0 2mm; }
h2 { font-size: 11pt; font-weight: 700; margin: 3.5mm 0 1.2mm; }
p { margin: 1.5mm 0; }
table { width: 100%; border-collapse: collapse; font-family: ${SANS}; font-size: 9pt; line-height: 1.2; }
th, td { border: 0.5pt solid #555; padding: 0.7mm 2mm; text-align: left; vertical-align: top; }
tr { break-inside: avoid; }
th { background: #f0f0f0; font-weight: 700; }
/* Label and value pairs, two to a row, in columns of fixed width. */
table.pairs { table-layout: fixed; }
table.pairs th.label { width: 19%; }
/* A worked calculation: item, figure, how the figure follows. */
table.steps th:nth-child(1) { width: 24%; }
table.steps th:nth-child(2) { width: 18%; }
.amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.note { color: #444; }
.letterhead { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 1.2pt solid #111; padding-bottom: 2mm; }
.letterhead .issuer { font-size: 11pt; font-weight: 700; }
.letterhead .meta { font-family: ${SANS}; font-size: 9pt; text-align: right; line-height: 1.6; }
.banner { border: 1pt solid #b00; color: #b00; font-weight: 700; text-align: center; padding: 1.2mm; margin-bottom: 2mm; }
/* Fixed, so it repeats on every printed page; drawn over the content but faint enough to read through. */
.watermark { position: fixed; top: 45%; left: 0; right: 0; text-align: center; font-size: 96pt; font-weight: 700;
  color: rgba(180, 0, 0, 0.1); transform: rotate(-30deg); }
.total td { font-size: 10.5pt; font-weight: 700; }
.footnote { margin-top: 4mm; font-size: 9pt; color: #444; }
/* Each party's label, line and date share rows (subgrid), so the lines align when a label wraps. */
.signatures { display: grid; grid-template-columns: repeat(3, 1fr); column-gap: 8mm; margin-top: 6mm; break-inside: avoid; }
.signatures > div { display: grid; grid-row: span 3; grid-template-rows: subgrid; }
.signatures .party { font-weight: 700; }
/* Room to sign; a seal may overlap the line and the date, as seals do. */
.signatures .line { border-bottom: 0.6pt solid #111; height: 18mm; }
.signatures .date { margin-top: 2mm; font-size: 9.5pt; }
`

/** `style`: a document's own CSS, after the shared rules (so it may refine them). */
export function documentHtml(options: {
  title: string
  language: 'zh-CN' | 'en'
  body: string
  style?: string
}): string {
  return `<!doctype html>
<html lang="${options.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(options.title)}</title>
<style>${STYLE}${options.style ?? ''}</style>
</head>
<body>
${options.body}
</body>
</html>
`
}
