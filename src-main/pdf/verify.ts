/**
 * Verification of PDF digital signatures (PAdES / adbe.pkcs7.detached), without trusting anything
 * in the file but the bytes themselves.
 *
 * For every signature dictionary (found by its /ByteRange) we check:
 *  - structure: the byte range starts at 0, its gap is exactly the /Contents hex string, and the
 *    hex string is well formed (one case, only zero padding after the CMS object);
 *  - whole file: nothing follows the signed range (anything appended = an incremental update made
 *    after signing, "签名后文件被追加修改");
 *  - digest: the messageDigest signed attribute equals the hash of the signed ranges;
 *  - signature: the CMS signature verifies with the embedded signer certificate (Node crypto);
 *  - certificate: the ESS signing-certificate(-v2) attribute names exactly that certificate, a
 *    self-signed certificate's own signature is intact, the signing time lies in its validity,
 *    and, when asked, its SHA-256 fingerprint is the expected one.
 *
 * The CMS is read with a small, strict DER reader (definite lengths only, every element must fill
 * its parent exactly): a damaged or tampered signature is reported as a problem. This function
 * never throws for a malformed file.
 *
 * Trust (chains up to a CA, revocation) is not judged here: the caller pins the agency's
 * certificate with `expectedFingerprintSha256`.
 */
import { createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto'
import { describeCertificate, normalizeFingerprint } from './certificates'

export interface SignatureCheck {
  /** signer's CN (and O), or the /Name of the signature dictionary when no certificate could be read */
  signer: string
  /** upper-case hex pairs with ':'; null when no signer certificate was found */
  fingerprintSha256: string | null
  /** ISO 8601; from the CMS signing-time attribute, or the /M entry of the signature dictionary */
  signedAt: string | null
  subFilter: string | null
  coversWholeFile: boolean
  digestValid: boolean
  signatureValid: boolean
  /** null when no expected fingerprint was given */
  certificateExpected: boolean | null
  /** the signed byte range [start1, length1, start2, length2] as written in the file */
  byteRange: [number, number, number, number] | null
}

export interface VerifyResult {
  ok: boolean
  signatures: SignatureCheck[]
  /** specific problems in Simplified Chinese; empty when ok */
  problems: string[]
}

export interface VerifyOptions {
  expectedFingerprintSha256?: string
}

// ---------------------------------------------------------------------------------------------
// strict DER reader

class DerError extends Error {}

interface Tlv {
  /** class bits (0 universal, 1 application, 2 context, 3 private) */
  cls: number
  constructed: boolean
  /** tag number */
  num: number
  start: number
  headerLength: number
  end: number
}

function readTlv(buf: Buffer, pos: number, limit: number): Tlv {
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

function kids(buf: Buffer, t: Tlv): Tlv[] {
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

const value = (buf: Buffer, t: Tlv): Buffer => buf.subarray(t.start + t.headerLength, t.end)
const raw = (buf: Buffer, t: Tlv): Buffer => buf.subarray(t.start, t.end)

function expect(t: Tlv | undefined, cls: number, num: number, constructed: boolean, what: string): Tlv {
  if (!t || t.cls !== cls || t.num !== num || t.constructed !== constructed) throw new DerError(`${what} 结构错误`)
  return t
}
const U = 0
const CTX = 2
const T_INTEGER = 2
const T_OCTET = 4
const T_NULL = 5
const T_OID = 6
const T_SEQ = 16
const T_SET = 17
const T_UTCTIME = 23
const T_GENTIME = 24

function oidOf(buf: Buffer, t: Tlv): string {
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

function timeOf(buf: Buffer, t: Tlv): Date {
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
function algorithmOf(buf: Buffer, t: Tlv | undefined, what: string): string {
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

// ---------------------------------------------------------------------------------------------
// OIDs

const OID_SIGNED_DATA = '1.2.840.113549.1.7.2'
const OID_DATA = '1.2.840.113549.1.7.1'
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3'
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4'
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5'
const OID_SIGNING_CERT = '1.2.840.113549.1.9.16.2.12'
const OID_SIGNING_CERT_V2 = '1.2.840.113549.1.9.16.2.47'

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512'
}
/** signature algorithm → hash it implies (null: take the digest algorithm) */
const SIG_ALGS: Record<string, string | null> = {
  '1.2.840.113549.1.1.1': null, // rsaEncryption
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.2.840.10045.2.1': null // id-ecPublicKey used as signature algorithm by some signers
}

// ---------------------------------------------------------------------------------------------
// PDF text helpers

function decodePdfBytes(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const body = Buffer.from(bytes.subarray(2))
    if (body.length % 2) return body.toString('latin1')
    return body.swap16().toString('utf16le')
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  return bytes.toString('latin1')
}

/** Value of a string entry (/Key (literal) or /Key <hex>) in dictionary text, decoded. */
function pdfStringEntry(dict: string, key: string): string | null {
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

function parsePdfDate(s: string | null): Date | null {
  if (!s) return null
  const m = /^D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?([Zz+-])?(\d\d)?'?(\d\d)?'?/.exec(s.trim())
  if (!m) return null
  const utc = Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0))
  let offsetMin = 0
  if (m[7] === '+' || m[7] === '-') offsetMin = (m[7] === '+' ? 1 : -1) * (Number(m[8] ?? 0) * 60 + Number(m[9] ?? 0))
  const d = new Date(utc - offsetMin * 60_000)
  return Number.isNaN(d.getTime()) ? null : d
}

// ---------------------------------------------------------------------------------------------
// CMS

interface ParsedCms {
  digestAlgorithms: string[]
  certificates: Buffer[]
  signerCount: number
  sid: { issuer: Buffer; serial: Buffer } | { ski: Buffer }
  digestAlgorithm: string
  signedAttrs: Buffer | null
  signatureAlgorithm: string
  signature: Buffer
  contentType: string | null
  messageDigest: Buffer | null
  signingTime: Date | null
  essCert: { hashAlg: string; hash: Buffer } | null
}

function parseCms(der: Buffer, top: Tlv): ParsedCms {
  const ci = kids(der, expect(top, U, T_SEQ, true, 'ContentInfo'))
  if (ci.length !== 2 || oidOf(der, ci[0] as Tlv) !== OID_SIGNED_DATA) throw new DerError('不是 CMS SignedData')
  const wrapper = kids(der, expect(ci[1], CTX, 0, true, 'ContentInfo.content'))
  if (wrapper.length !== 1) throw new DerError('ContentInfo.content 结构错误')
  const sd = kids(der, expect(wrapper[0], U, T_SEQ, true, 'SignedData'))
  let i = 0
  const version = expect(sd[i++], U, T_INTEGER, false, 'SignedData.version')
  const sdVersion = value(der, version)
  if (sdVersion.length !== 1 || ![1, 3, 4, 5].includes(sdVersion[0] as number)) throw new DerError('SignedData 版本号无效')
  const digestAlgorithms = kids(der, expect(sd[i++], U, T_SET, true, 'digestAlgorithms')).map((t) => algorithmOf(der, t, 'digestAlgorithm'))
  const eci = kids(der, expect(sd[i++], U, T_SEQ, true, 'encapContentInfo'))
  if (eci.length < 1 || eci.length > 2) throw new DerError('encapContentInfo 结构错误')
  if (oidOf(der, eci[0] as Tlv) !== OID_DATA) throw new DerError('encapContentInfo 的内容类型不是 id-data')
  if (eci.length === 2) throw new DerError('签名不是分离式（detached）签名：CMS 中含有被签名内容')
  const certificates: Buffer[] = []
  let next = sd[i]
  if (next && next.cls === CTX && next.num === 0) {
    for (const c of kids(der, expect(next, CTX, 0, true, 'certificates'))) {
      if (c.cls === U && c.num === T_SEQ && c.constructed) certificates.push(Buffer.from(raw(der, c)))
    }
    next = sd[++i]
  }
  if (next && next.cls === CTX && next.num === 1) next = sd[++i]
  const signerTlvs = kids(der, expect(next, U, T_SET, true, 'signerInfos'))
  if (i + 1 !== sd.length) throw new DerError('SignedData 结构错误')
  if (signerTlvs.length === 0) throw new DerError('CMS 中没有签名者')
  const si = kids(der, expect(signerTlvs[0], U, T_SEQ, true, 'SignerInfo'))
  let j = 0
  const siVersion = value(der, expect(si[j++], U, T_INTEGER, false, 'SignerInfo.version'))
  if (siVersion.length !== 1 || ![1, 3].includes(siVersion[0] as number)) throw new DerError('SignerInfo 版本号无效')
  const sidTlv = si[j++] as Tlv
  let sid: ParsedCms['sid']
  if (sidTlv && sidTlv.cls === U && sidTlv.num === T_SEQ) {
    const ias = kids(der, sidTlv)
    if (ias.length !== 2) throw new DerError('IssuerAndSerialNumber 结构错误')
    sid = {
      issuer: Buffer.from(raw(der, expect(ias[0], U, T_SEQ, true, 'issuer'))),
      serial: Buffer.from(value(der, expect(ias[1], U, T_INTEGER, false, 'serialNumber')))
    }
  } else if (sidTlv && sidTlv.cls === CTX && sidTlv.num === 0 && !sidTlv.constructed) {
    sid = { ski: Buffer.from(value(der, sidTlv)) }
  } else throw new DerError('SignerIdentifier 结构错误')
  const digestAlgorithm = algorithmOf(der, si[j++], 'SignerInfo.digestAlgorithm')
  let signedAttrs: Buffer | null = null
  let attrs: Tlv[] = []
  const maybeAttrs = si[j]
  if (maybeAttrs && maybeAttrs.cls === CTX && maybeAttrs.num === 0) {
    attrs = kids(der, expect(maybeAttrs, CTX, 0, true, 'signedAttrs'))
    // the signature covers the DER of the attributes with the SET OF tag (RFC 5652 §5.4)
    signedAttrs = Buffer.from(raw(der, maybeAttrs))
    signedAttrs[0] = 0x31
    j++
  }
  const signatureAlgorithm = algorithmOf(der, si[j++], 'SignerInfo.signatureAlgorithm')
  const signature = Buffer.from(value(der, expect(si[j++], U, T_OCTET, false, 'SignerInfo.signature')))
  const rest = si[j]
  if (rest && !(rest.cls === CTX && rest.num === 1 && rest.constructed)) throw new DerError('SignerInfo 结构错误')
  if (j + (rest ? 1 : 0) !== si.length) throw new DerError('SignerInfo 结构错误')

  let contentType: string | null = null
  let messageDigest: Buffer | null = null
  let signingTime: Date | null = null
  let essCert: ParsedCms['essCert'] = null
  const seen = new Set<string>()
  for (const a of attrs) {
    const ak = kids(der, expect(a, U, T_SEQ, true, 'Attribute'))
    if (ak.length !== 2) throw new DerError('Attribute 结构错误')
    const type = oidOf(der, ak[0] as Tlv)
    if (seen.has(type)) throw new DerError(`签名属性 ${type} 重复`)
    seen.add(type)
    const vals = kids(der, expect(ak[1], U, T_SET, true, 'Attribute.values'))
    const v0 = vals[0]
    if (vals.length !== 1 || !v0) throw new DerError(`签名属性 ${type} 的取值个数错误`)
    if (type === OID_CONTENT_TYPE) contentType = oidOf(der, v0)
    else if (type === OID_MESSAGE_DIGEST) messageDigest = Buffer.from(value(der, expect(v0, U, T_OCTET, false, 'messageDigest')))
    else if (type === OID_SIGNING_TIME) signingTime = timeOf(der, v0)
    else if (type === OID_SIGNING_CERT_V2 || type === OID_SIGNING_CERT) {
      // SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), policies OPTIONAL }
      const sc = kids(der, expect(v0, U, T_SEQ, true, 'SigningCertificate'))
      const certIds = kids(der, expect(sc[0], U, T_SEQ, true, 'SigningCertificate.certs'))
      const id = kids(der, expect(certIds[0], U, T_SEQ, true, 'ESSCertID'))
      let k = 0
      let hashAlg = type === OID_SIGNING_CERT ? 'sha1' : 'sha256'
      if (type === OID_SIGNING_CERT_V2 && id[0] && id[0].cls === U && id[0].num === T_SEQ) {
        const alg = algorithmOf(der, id[k++], 'ESSCertIDv2.hashAlgorithm')
        const name = HASHES[alg]
        if (!name) throw new DerError('ESSCertIDv2 的散列算法不受支持')
        hashAlg = name
      }
      const hash = Buffer.from(value(der, expect(id[k], U, T_OCTET, false, 'ESSCertID.certHash')))
      essCert = { hashAlg, hash }
    }
  }
  return {
    digestAlgorithms,
    certificates,
    signerCount: signerTlvs.length,
    sid,
    digestAlgorithm,
    signedAttrs,
    signatureAlgorithm,
    signature,
    contentType,
    messageDigest,
    signingTime,
    essCert
  }
}

/** issuer Name (raw DER) and serialNumber (INTEGER contents) of a certificate. */
export function certIssuerSerial(der: Buffer): { issuer: Buffer; serial: Buffer } | null {
  try {
    const top = readTlv(der, 0, der.length)
    const tbs = kids(der, top)[0] as Tlv
    const f = kids(der, tbs)
    let k = 0
    if (f[0] && f[0].cls === CTX && f[0].num === 0) k++
    const serial = value(der, expect(f[k], U, T_INTEGER, false, 'serial'))
    const issuer = raw(der, expect(f[k + 2], U, T_SEQ, true, 'issuer'))
    return { issuer: Buffer.from(issuer), serial: Buffer.from(serial) }
  } catch {
    return null
  }
}

// ---------------------------------------------------------------------------------------------
// the verifier

const RE_BYTE_RANGE = /\/ByteRange\s*\[\s*(\d{1,15})\s+(\d{1,15})\s+(\d{1,15})\s+(\d{1,15})\s*\]/y

function fmtDate(d: Date): string {
  return d.toISOString().replace('T', ' ').slice(0, 19) + ' UTC'
}

function checkOne(buf: Buffer, text: string, brPos: number, opts: VerifyOptions): { check: SignatureCheck; problems: string[] } {
  const problems: string[] = []
  const check: SignatureCheck = {
    signer: '（未知）',
    fingerprintSha256: null,
    signedAt: null,
    subFilter: null,
    coversWholeFile: false,
    digestValid: false,
    signatureValid: false,
    certificateExpected: opts.expectedFingerprintSha256 ? false : null,
    byteRange: null
  }
  RE_BYTE_RANGE.lastIndex = brPos
  const m = RE_BYTE_RANGE.exec(text)
  if (!m) {
    problems.push('签名字典的 /ByteRange 格式错误，无法确定签名范围（文件可能已损坏或被修改）。')
    return { check, problems }
  }
  const [a, b, c, d] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])]
  check.byteRange = [a, b, c, d]
  const len = buf.length
  if (a !== 0) problems.push(`签名范围没有从文件开头开始（/ByteRange 起点为 ${a}）。`)
  if (!(b > 0 && c > b + 1 && c + d <= len)) {
    problems.push(`签名范围 /ByteRange [${a} ${b} ${c} ${d}] 与文件长度 ${len} 不符（文件被截断或被修改）。`)
    return { check, problems }
  }
  if (brPos >= b && brPos < c) {
    problems.push('/ByteRange 位于未签名的区间内，签名结构无效。')
    return { check, problems }
  }

  // the gap must be exactly the /Contents hex string
  const gap = text.slice(b, c)
  const before = text.slice(Math.max(0, b - 64), b)
  if (!/\/Contents\s*$/.test(before) || gap[0] !== '<' || gap[gap.length - 1] !== '>') {
    problems.push('签名范围的空隙不是 /Contents 签名值（签名结构被破坏或文件被修改）。')
    return { check, problems }
  }
  const hex = gap.slice(1, -1)
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2 !== 0) {
    problems.push('/Contents 签名值中含有非十六进制字符（签名值被修改）。')
    return { check, problems }
  }
  if (/[a-f]/.test(hex) && /[A-F]/.test(hex)) {
    problems.push('/Contents 签名值的十六进制大小写混杂（签名值被改动过）。')
  }

  // dictionary text around the signature (object start .. endobj, without the hex)
  let objStart = Math.max(0, brPos - 20_000)
  const head = text.slice(objStart, brPos)
  const objRe = /\d+\s+\d+\s+obj\b/g
  let om: RegExpExecArray | null
  let lastObj = -1
  while ((om = objRe.exec(head))) lastObj = om.index
  if (lastObj >= 0) objStart += lastObj
  const afterStart = Math.max(c, brPos)
  let objEnd = text.indexOf('endobj', afterStart)
  if (objEnd < 0 || objEnd - afterStart > 20_000) objEnd = Math.min(len, afterStart + 4000)
  const dictText = brPos < b ? text.slice(objStart, b) + text.slice(c, objEnd) : text.slice(objStart, objEnd)
  check.subFilter = /\/SubFilter\s*\/([^\s/<>[\]()]+)/.exec(dictText)?.[1] ?? null
  const dictName = pdfStringEntry(dictText, 'Name')
  if (dictName) check.signer = dictName
  const mDate = parsePdfDate(pdfStringEntry(dictText, 'M'))
  if (mDate) check.signedAt = mDate.toISOString()

  // whole file?
  const tail = len - (c + d)
  check.coversWholeFile = tail === 0
  if (tail > 0) {
    const extra = text.slice(c + d)
    const looksLikeUpdate = /startxref|%%EOF|\bxref\b|\bobj\b|trailer/.test(extra)
    problems.push(
      looksLikeUpdate
        ? `签名后文件被追加修改：签名范围之后还有 ${tail} 字节的增量更新，签名不能证明这部分内容。`
        : `签名后文件被追加修改：签名范围之后还有 ${tail} 字节未被签名覆盖。`
    )
  }

  // CMS
  const cmsBytes = Buffer.from(hex, 'hex')
  let cms: ParsedCms
  let cmsEnd: number
  try {
    const top = readTlv(cmsBytes, 0, cmsBytes.length)
    cmsEnd = top.end
    cms = parseCms(cmsBytes, top)
  } catch (err) {
    const why = err instanceof DerError ? err.message : '格式错误'
    problems.push(`签名值（CMS）无法解析：${why}（签名值被修改或已损坏）。`)
    return { check, problems }
  }
  for (let p = cmsEnd; p < cmsBytes.length; p++) {
    if (cmsBytes[p] !== 0) {
      problems.push('签名值之后的填充区不全为零（签名值被修改）。')
      break
    }
  }
  if (cms.signerCount !== 1) problems.push(`签名值中有 ${cms.signerCount} 个签名者，预期 1 个。`)
  if (cms.signingTime) check.signedAt = cms.signingTime.toISOString()

  // digest of the signed ranges
  const hashName = HASHES[cms.digestAlgorithm]
  if (!hashName) {
    problems.push(`签名使用了不支持的摘要算法（${cms.digestAlgorithm}）。`)
    return { check, problems }
  }
  if (!cms.digestAlgorithms.includes(cms.digestAlgorithm))
    problems.push('签名者的摘要算法未列入 SignedData 的摘要算法集合（签名结构不一致）。')
  if (hashName === 'sha1') problems.push('签名使用 SHA-1 摘要算法，已不安全。')
  const h = createHash(hashName)
  h.update(buf.subarray(a, a + b))
  h.update(buf.subarray(c, c + d))
  const contentDigest = h.digest()
  if (cms.signedAttrs) {
    if (!cms.messageDigest) problems.push('签名属性中缺少消息摘要（messageDigest）。')
    else if (cms.messageDigest.equals(contentDigest)) check.digestValid = true
    else problems.push('文件内容与签名时不一致：签名范围的摘要与签名中的消息摘要不符（文件被修改）。')
    if (cms.contentType !== OID_DATA) problems.push('签名属性中的内容类型（contentType）不是 id-data。')
  } else {
    check.digestValid = true // checked through the signature itself below
  }

  // signer certificate
  let signerDer: Buffer | null = null
  let signerX509: X509Certificate | null = null
  const parsedCerts: Array<{ der: Buffer; x: X509Certificate }> = []
  for (const der of cms.certificates) {
    try {
      parsedCerts.push({ der, x: new X509Certificate(der) })
    } catch {
      problems.push('签名值中有一份证书无法解析（证书数据被修改或已损坏）。')
    }
  }
  const signedData = cms.signedAttrs ?? Buffer.concat([buf.subarray(a, a + b), buf.subarray(c, c + d)])
  const sigHash = SIG_ALGS[cms.signatureAlgorithm]
  const verifyWith = (x: X509Certificate): boolean => {
    try {
      return cryptoVerify(sigHash ?? hashName, signedData, x.publicKey, cms.signature)
    } catch {
      return false
    }
  }
  if ('issuer' in cms.sid) {
    const sid = cms.sid
    const found = parsedCerts.find((pc) => {
      const is = certIssuerSerial(pc.der)
      return !!is && is.issuer.equals(sid.issuer) && is.serial.equals(sid.serial)
    })
    if (found) {
      signerDer = found.der
      signerX509 = found.x
    }
  } else {
    const found = parsedCerts.find((pc) => verifyWith(pc.x))
    if (found) {
      signerDer = found.der
      signerX509 = found.x
    }
  }
  if (!signerDer || !signerX509) {
    problems.push('签名值中找不到签名者的证书，无法验证签名。')
    return { check, problems }
  }
  check.fingerprintSha256 = signerX509.fingerprint256.toUpperCase()
  try {
    const info = describeCertificate(signerDer)
    const org = info.subject.organization
    check.signer = info.subject.commonName ? (org ? `${info.subject.commonName}（${org}）` : info.subject.commonName) : info.subject.text
  } catch {
    check.signer = signerX509.subject.replace(/\n/g, ', ')
  }

  // the signature itself
  if (sigHash === undefined) {
    problems.push(`签名使用了不支持的签名算法（${cms.signatureAlgorithm}）。`)
  } else if (sigHash !== null && sigHash !== hashName) {
    problems.push('签名算法与摘要算法不一致（签名结构被修改）。')
  } else if (verifyWith(signerX509)) {
    check.signatureValid = true
  } else {
    problems.push('签名值验证失败：签名与签名证书不匹配，或签名属性被修改。')
  }

  // the signed attributes must name this very certificate (protects the unsigned certificate bytes)
  if (cms.essCert) {
    const certHash = createHash(cms.essCert.hashAlg).update(signerDer).digest()
    if (!certHash.equals(cms.essCert.hash)) problems.push('签名属性中记录的签名证书与嵌入的证书不一致（证书被替换或修改）。')
  } else if (check.subFilter === 'ETSI.CAdES.detached') {
    problems.push('签名缺少签名证书属性（ESS signing-certificate-v2），不符合 PAdES 要求。')
  }
  // a self-signed certificate must carry an intact self-signature; otherwise check the issuer if present
  try {
    if (signerX509.subject === signerX509.issuer) {
      if (!signerX509.verify(signerX509.publicKey)) problems.push('签名证书自身的签名无效（证书数据被修改）。')
    } else {
      const issuer = parsedCerts.find((pc) => pc.x !== signerX509 && signerX509.checkIssued(pc.x))
      if (issuer && !signerX509.verify(issuer.x.publicKey)) problems.push('签名证书的签发者签名无效（证书数据被修改）。')
    }
  } catch {
    problems.push('签名证书无法校验（证书数据已损坏）。')
  }

  // validity at signing time
  if (check.signedAt) {
    const t = new Date(check.signedAt).getTime()
    const from = new Date(signerX509.validFrom).getTime()
    const to = new Date(signerX509.validTo).getTime()
    if (t < from || t > to) {
      problems.push(`签名时间 ${fmtDate(new Date(t))} 不在签名证书有效期（${fmtDate(new Date(from))} 至 ${fmtDate(new Date(to))}）内。`)
    }
  }

  // pinned certificate
  if (opts.expectedFingerprintSha256) {
    const want = normalizeFingerprint(opts.expectedFingerprintSha256)
    const got = normalizeFingerprint(check.fingerprintSha256)
    check.certificateExpected = want === got
    if (!check.certificateExpected) {
      problems.push(`签名证书不是预期的证书：预期 SHA-256 指纹 ${opts.expectedFingerprintSha256}，实际为 ${check.fingerprintSha256}。`)
    }
  }
  return { check, problems }
}

/**
 * Verify every signature in a PDF. `ok` is true only when there is at least one signature and no
 * problem at all. Never throws for malformed input.
 */
export function verifyPdfSignature(pdf: Uint8Array, opts: VerifyOptions = {}): VerifyResult {
  const problems: string[] = []
  const signatures: SignatureCheck[] = []
  try {
    const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
    if (buf.length < 8 || buf.subarray(0, 1024).indexOf('%PDF-') < 0) {
      return { ok: false, signatures, problems: ['文件不是 PDF 文件（缺少 %PDF- 文件头）。'] }
    }
    const text = buf.toString('latin1')
    const positions: number[] = []
    for (let p = text.indexOf('/ByteRange'); p >= 0; p = text.indexOf('/ByteRange', p + 10)) positions.push(p)
    if (positions.length === 0) {
      return { ok: false, signatures, problems: ['文件中没有数字签名。'] }
    }
    positions.forEach((pos, idx) => {
      let res: { check: SignatureCheck; problems: string[] }
      try {
        res = checkOne(buf, text, pos, opts)
      } catch (err) {
        res = {
          check: {
            signer: '（未知）',
            fingerprintSha256: null,
            signedAt: null,
            subFilter: null,
            coversWholeFile: false,
            digestValid: false,
            signatureValid: false,
            certificateExpected: opts.expectedFingerprintSha256 ? false : null,
            byteRange: null
          },
          problems: [`签名无法检查：${err instanceof Error ? err.message : String(err)}`]
        }
      }
      signatures.push(res.check)
      const prefix = positions.length > 1 ? `第 ${idx + 1} 个签名：` : ''
      problems.push(...res.problems.map((p) => prefix + p))
    })
  } catch (err) {
    problems.push(`文件无法检查：${err instanceof Error ? err.message : String(err)}`)
  }
  const ok =
    problems.length === 0 &&
    signatures.length > 0 &&
    signatures.every((s) => s.coversWholeFile && s.digestValid && s.signatureValid && s.certificateExpected !== false)
  return { ok, signatures, problems }
}
