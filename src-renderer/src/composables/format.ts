import dayjs from 'dayjs'

/** An ISO timestamp as local "YYYY-MM-DD HH:mm" (the app runs in the agency's time zone). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = dayjs(iso)
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso
}

/** Mask a phone number for display: 138****5678 / 0792-****456. */
export function maskPhone(phone: string): string {
  const p = phone.trim()
  if (p.length < 7) return '****'
  return p.slice(0, 3) + '****' + p.slice(-4)
}

/** Split a search snippet on the 【】 markers the service puts around the hit: plain text parts, no HTML. */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = []
  const re = /【([^【】]*)】/g
  let last = 0
  let m: RegExpExecArray | null
  while ((m = re.exec(snippet)) !== null) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), hit: false })
    if (m[1]) parts.push({ text: m[1], hit: true })
    last = m.index + m[0].length
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), hit: false })
  return parts
}
