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
 * The CMS is read by cms.ts with a small, strict DER reader (der.ts: definite lengths only, every element
 * must fill its parent exactly): a damaged or tampered signature is reported as a problem. This function
 * never throws for a malformed file.
 *
 * Trust (chains up to a CA, revocation) is not judged here: the caller pins the agency's
 * certificate with `expectedFingerprintSha256`.
 */
import { createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto'
import { describeCertificate, normalizeFingerprint } from './certificates'
import { certIssuerSerial, HASHES, OID_DATA, parseCms, SIG_ALGS, type ParsedCms } from './cms'
import { DerError, readTlv } from './der'
import { parsePdfDate, pdfStringEntry } from './pdf-syntax'

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
