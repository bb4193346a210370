/** What a file is, from its first bytes (never from its name), and a safe name to keep it under. Pure. */

export type FileKind = 'jpeg' | 'png' | 'pdf' | 'mp4' | 'mov' | 'mp3' | 'wav' | 'avi'

export const FILE_KINDS: Record<FileKind, { mime: string; ext: string; category: 'image' | 'pdf' | 'av'; maxBytes: number }> = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg', category: 'image', maxBytes: 30 * 1024 * 1024 },
  png: { mime: 'image/png', ext: 'png', category: 'image', maxBytes: 30 * 1024 * 1024 },
  pdf: { mime: 'application/pdf', ext: 'pdf', category: 'pdf', maxBytes: 200 * 1024 * 1024 },
  mp4: { mime: 'video/mp4', ext: 'mp4', category: 'av', maxBytes: 1024 * 1024 * 1024 },
  mov: { mime: 'video/quicktime', ext: 'mov', category: 'av', maxBytes: 1024 * 1024 * 1024 },
  mp3: { mime: 'audio/mpeg', ext: 'mp3', category: 'av', maxBytes: 300 * 1024 * 1024 },
  wav: { mime: 'audio/wav', ext: 'wav', category: 'av', maxBytes: 1024 * 1024 * 1024 },
  avi: { mime: 'video/x-msvideo', ext: 'avi', category: 'av', maxBytes: 1024 * 1024 * 1024 }
}

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to))

export function sniff(b: Uint8Array): FileKind | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg'
  if (b.length >= 8 && ascii(b, 1, 4) === 'PNG' && b[0] === 0x89) return 'png'
  if (b.length >= 5 && ascii(b, 0, 5) === '%PDF-') return 'pdf'
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp') return ascii(b, 8, 10) === 'qt' ? 'mov' : 'mp4'
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE') return 'wav'
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 11) === 'AVI') return 'avi'
  if (b.length >= 3 && (ascii(b, 0, 3) === 'ID3' || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0))) return 'mp3'
  return null
}

/**
 * A file name safe on every OS: no path, no control or reserved characters, no leading dots, at most
 * 120 characters, with the extension of what the file really is.
 */
export function sanitizeFileName(name: string, kind: FileKind): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const stem = base
    .replace(/\.[^.]*$/, '')
    .split('')
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || '<>:"|?*'.includes(c) ? '_' : c))
    .join('')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120)
  const safe = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem) || stem === '' ? `file_${stem || 'unnamed'}` : stem
  return `${safe}.${FILE_KINDS[kind].ext}`
}

export const EVIDENCE_TYPES = [
  '书证',
  '物证',
  '视听资料',
  '电子数据',
  '证人证言',
  '当事人的陈述',
  '鉴定意见',
  '勘验笔录、现场笔录'
] as const
