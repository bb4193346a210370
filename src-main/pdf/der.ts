/**
 * A small, strict DER reader for the CMS objects inside PDF signatures: definite lengths only, shortest
 * length encodings, single-byte tags, and every element must fill its parent exactly. Anything else is a
 * DerError (with a Simplified Chinese reason), which the verifier reports as a damaged or tampered signature.
 */

export class DerError extends Error {}

export interface Tlv {
  /** class bits (0 universal, 1 application, 2 context, 3 private) */
  cls: number
  constructed: boolean
  /** tag number */
  num: number
  start: number
  headerLength: number
  end: number
}

export function readTlv(buf: Buffer, pos: number, limit: number): Tlv {
  if (pos + 2 > limit) throw new DerError('数据意外结束')
  const first = buf[pos] as number
  const num = first & 0x1f
  if (num === 0x1f) throw new DerError('不支持多字节标签')
  const lenByte = buf[pos + 1] as number
  let len = 0
  let headerLength = 2
  if (lenByte === 0x80) throw new DerError('不定长编码（BER）')
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f
    if (n > 4 || pos + 2 + n > limit) throw new DerError('长度字段无效')
    for (let i = 0; i < n; i++) len = len * 256 + (buf[pos + 2 + i] as number)
    if ((buf[pos + 2] as number) === 0 || len < 0x80) throw new DerError('长度字段不是最短编码')
    headerLength += n
  } else {
    len = lenByte
  }
  const end = pos + headerLength + len
  if (end > limit) throw new DerError('长度超出范围')
  return { cls: first >> 6, constructed: (first & 0x20) !== 0, num, start: pos, headerLength, end }
}

export function kids(buf: Buffer, t: Tlv): Tlv[] {
  if (!t.constructed) throw new DerError('应为构造类型')
  const out: Tlv[] = []
  let p = t.start + t.headerLength
  while (p < t.end) {
    const c = readTlv(buf, p, t.end)
    out.push(c)
    p = c.end
  }
  return out
}

export const value = (buf: Buffer, t: Tlv): Buffer => buf.subarray(t.start + t.headerLength, t.end)
export const raw = (buf: Buffer, t: Tlv): Buffer => buf.subarray(t.start, t.end)

export function expect(t: Tlv | undefined, cls: number, num: number, constructed: boolean, what: string): Tlv {
  if (!t || t.cls !== cls || t.num !== num || t.constructed !== constructed) throw new DerError(`${what} 结构错误`)
  return t
}
export const U = 0
export const CTX = 2
export const T_INTEGER = 2
export const T_OCTET = 4
export const T_NULL = 5
export const T_OID = 6
export const T_SEQ = 16
export const T_SET = 17
export const T_UTCTIME = 23
export const T_GENTIME = 24

export function oidOf(buf: Buffer, t: Tlv): string {
  expect(t, U, T_OID, false, 'OID')
  const v = value(buf, t)
  if (v.length === 0) throw new DerError('OID 为空')
  const parts: number[] = []
  let acc = 0
  for (let i = 0; i < v.length; i++) {
    const b = v[i] as number
    acc = acc * 128 + (b & 0x7f)
    if (!(b & 0x80)) {
      parts.push(acc)
      acc = 0
    } else if (i === v.length - 1) throw new DerError('OID 截断')
  }
  const firstPart = parts.shift() as number
  const head = firstPart < 80 ? [Math.floor(firstPart / 40), firstPart % 40] : [2, firstPart - 80]
  return [...head, ...parts].join('.')
}

export function timeOf(buf: Buffer, t: Tlv): Date {
  const s = value(buf, t).toString('latin1')
  let m: RegExpMatchArray | null
  if (t.num === T_UTCTIME && (m = s.match(/^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/))) {
    const yy = Number(m[1])
    return new Date(Date.UTC(yy < 50 ? 2000 + yy : 1900 + yy, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])))
  }
  if (t.num === T_GENTIME && (m = s.match(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(?:\.\d+)?Z$/))) {
    return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])))
  }
  throw new DerError('时间格式错误')
}

/** AlgorithmIdentifier: OID, parameters absent or NULL (anything else is rejected). */
export function algorithmOf(buf: Buffer, t: Tlv | undefined, what: string): string {
  const s = expect(t, U, T_SEQ, true, what)
  const k = kids(buf, s)
  const oid = oidOf(buf, k[0] as Tlv)
  if (k.length > 2) throw new DerError(`${what} 结构错误`)
  if (k.length === 2) {
    const p = k[1] as Tlv
    const isNull = p.cls === U && p.num === T_NULL && !p.constructed && p.end - p.start === 2
    if (!isNull) throw new DerError(`${what} 的参数不受支持`)
  }
  return oid
}
