/**
 * Reading PDF syntax from raw file text without a PDF library: string entries of a dictionary (literal or
 * hex, PDFDocEncoding / UTF-16BE / UTF-8) and PDF dates (D:YYYYMMDDHHmmSSOHH'mm'). Used by the signature
 * verifier, which must look at the bytes exactly as written.
 */

export function decodePdfBytes(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2))
    if (body.length % 2) return body.toString('latin1')
    return body.swap16().toString('utf16le')
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  return bytes.toString('latin1')
}

/** Value of a string entry (/Key (literal) or /Key <hex>) in dictionary text, decoded. */
export function pdfStringEntry(dict: string, key: string): string | null {
  const re = new RegExp(`/${key}\\s*([(<])`)
  const m = re.exec(dict)
  if (!m || m.index === undefined) return null
  let i = m.index + m[0].length
  if (m[1] === '<') {
    const close = dict.indexOf('>', i)
    if (close < 0) return null
    let hex = dict.slice(i, close).replace(/\s+/g, '')
    if (!/^[0-9a-fA-F]*$/.test(hex)) return null
    if (hex.length % 2) hex += '0'
    return decodePdfBytes(Buffer.from(hex, 'hex'))
  }
  const out: number[] = []
  let depth = 1
  while (i < dict.length) {
    const ch = dict.charCodeAt(i)
    if (ch === 0x5c /* \ */) {
      const n = dict[i + 1] ?? ''
      const map: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 }
      if (n in map) {
        out.push(map[n] as number)
        i += 2
      } else if (/[0-7]/.test(n)) {
        const oct = /^[0-7]{1,3}/.exec(dict.slice(i + 1))?.[0] ?? '0'
        out.push(parseInt(oct, 8) & 0xff)
        i += 1 + oct.length
      } else if (n === '\r' || n === '\n') {
        i += 2
        if (n === '\r' && dict[i] === '\n') i++
      } else {
        i += 1
      }
      continue
    }
    if (ch === 0x28) depth++
    if (ch === 0x29 && --depth === 0) break
    out.push(ch & 0xff)
    i++
  }
  return decodePdfBytes(Buffer.from(out))
}

export function parsePdfDate(s: string | null): Date | null {
  if (!s) return null
  const m = /^D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?([Zz+-])?(\d\d)?'?(\d\d)?'?/.exec(s.trim())
  if (!m) return null
  const utc = Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0))
  let offsetMin = 0
  if (m[7] === '+' || m[7] === '-') offsetMin = (m[7] === '+' ? 1 : -1) * (Number(m[8] ?? 0) * 60 + Number(m[9] ?? 0))
  const d = new Date(utc - offsetMin * 60_000)
  return Number.isNaN(d.getTime()) ? null : d
}
