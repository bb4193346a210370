/**
 * Tables for publication: CSV that Excel and WPS open as Chinese, and escaped HTML tables. Pure, and free of
 * Node built-ins so the renderer can import it too.
 */

export interface Table {
  title: string
  headers: string[]
  rows: string[][]
}

const BOM = '\uFEFF' // Excel and WPS need it to read UTF-8 CSV as Chinese

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; CRLF between records. */
function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

export function csv(table: Table): string {
  return BOM + [table.headers, ...table.rows].map((r) => r.map(csvField).join(',') + '\r\n').join('')
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

export function htmlTable(t: Table): string {
  const head = t.headers.map((h) => `<th>${esc(h)}</th>`).join('')
  const body = t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n')
  return `<section><h2>${esc(t.title)}</h2><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></section>`
}

export const PAGE_STYLE = `
  body { font-family: "Noto Serif CJK SC", "SimSun", "Songti SC", serif; margin: 2em auto; max-width: 1100px; color: #111; }
  h1 { text-align: center; font-size: 22pt; margin-bottom: .2em; }
  .meta { text-align: center; color: #444; margin-bottom: 2em; }
  h2 { font-size: 16pt; border-left: 4px solid #b22; padding-left: .5em; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 2em; font-size: 11pt; }
  th, td { border: 1px solid #333; padding: 4px 6px; text-align: left; vertical-align: top; }
  th { background: #f2f2f2; }
  @page { size: A4 landscape; margin: 15mm; }
  @media print { body { margin: 0; max-width: none; } section { break-inside: avoid; } }`

/** A printable page of one or more tables, with a heading and a date line. */
export function htmlPage(heading: string, meta: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(heading.replace(/<br>/g, ' '))}</title>
<style>${PAGE_STYLE}
</style>
</head>
<body>
<h1>${heading.split('<br>').map(esc).join('<br>')}</h1>
<p class="meta">${esc(meta)}</p>
${body}
</body>
</html>
`
}
