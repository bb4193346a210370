/**
 * Signing certificates: open an agency's PKCS#12 (.p12/.pfx) file, and create self-signed TEST
 * certificates for demos and tests.
 *
 * The password is used only in memory, for the duration of the call: it is never stored, logged
 * or put into an error message. The private key leaves this module only as a Node KeyObject,
 * through `openPkcs12`, which is meant for `sign.ts` alone.
 *
 * node-forge parses PKCS#12 (Node's crypto has no PKCS#12 reader). forge supports RSA keys only,
 * so SM2 / ECDSA certificates are reported as CERT_INVALID with a message that says so.
 */
import { createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto'
import forge from 'node-forge'

export type CertificateErrorCode = 'CERT_PASSWORD_WRONG' | 'CERT_INVALID' | 'CERT_EXPIRED'

/** A problem with a signing certificate; `message` is Simplified Chinese, `code` is stable. */
export class CertificateError extends Error {
  readonly code: CertificateErrorCode
  constructor(code: CertificateErrorCode, message: string) {
    super(message)
    this.name = 'CertificateError'
    this.code = code
  }
}

export interface DistinguishedName {
  /** 通用名称 CN */
  commonName: string
  /** 组织 O */
  organization: string
  /** the whole name, RFC 4514 style order as written in the certificate (e.g. "CN=…, O=…") */
  text: string
}

export interface CertificateInfo {
  certificatePem: string
  subject: DistinguishedName
  issuer: DistinguishedName
  /** upper-case hex, no separators */
  serialNumber: string
  /** ISO 8601 */
  notBefore: string
  /** ISO 8601 */
  notAfter: string
  /** upper-case hex pairs separated by ':' (as openssl / Node print it) */
  fingerprintSha256: string
  selfSigned: boolean
}

/** What `sign.ts` needs: the certificate, its chain and the key (kept in memory only). */
export interface OpenedPkcs12 {
  info: CertificateInfo
  certificateDer: Buffer
  /** the other certificates in the file (CA chain), DER */
  chainDer: Buffer[]
  privateKey: KeyObject
}

const KEY_USAGE_DIGITAL_SIGNATURE = 0x80
const KEY_USAGE_NON_REPUDIATION = 0x40

/** Normalise a SHA-256 fingerprint for comparison: hex digits only, lower case. */
export function normalizeFingerprint(fp: string): string {
  return fp.replace(/[^0-9a-fA-F]/g, '').toLowerCase()
}

function decodeAttrValue(attr: { value: unknown; valueTagClass?: number }): string {
  const raw = String(attr.value ?? '')
  if (attr.valueTagClass === forge.asn1.Type.UTF8) {
    try {
      return forge.util.decodeUtf8(raw)
    } catch {
      return raw
    }
  }
  if (attr.valueTagClass === forge.asn1.Type.BMPSTRING) {
    let s = ''
    for (let i = 0; i + 1 < raw.length; i += 2) s += String.fromCharCode((raw.charCodeAt(i) << 8) | raw.charCodeAt(i + 1))
    return s
  }
  return raw
}

function dnOf(name: forge.pki.Certificate['subject']): DistinguishedName {
  const attrs = name.attributes as Array<{ shortName?: string; name?: string; type?: string; value: unknown; valueTagClass?: number }>
  const parts: string[] = []
  let commonName = ''
  let organization = ''
  for (const a of attrs) {
    const value = decodeAttrValue(a)
    const label = a.shortName ?? a.name ?? a.type ?? '?'
    parts.push(`${label}=${value}`)
    if (a.shortName === 'CN' && !commonName) commonName = value
    if (a.shortName === 'O' && !organization) organization = value
  }
  return { commonName, organization, text: parts.reverse().join(', ') }
}

function derOfForgeCert(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary')
}

/** Certificate facts from DER (used by the signer and, for display, by the verifier). */
export function describeCertificate(der: Buffer, cert?: forge.pki.Certificate): CertificateInfo {
  const x = new X509Certificate(der)
  const fc = cert ?? forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary')))
  return {
    certificatePem: x.toString(),
    subject: dnOf(fc.subject),
    issuer: dnOf(fc.issuer),
    serialNumber: x.serialNumber.toUpperCase(),
    notBefore: new Date(x.validFrom).toISOString(),
    notAfter: new Date(x.validTo).toISOString(),
    fingerprintSha256: x.fingerprint256.toUpperCase(),
    selfSigned: x.subject === x.issuer && x.verify(x.publicKey)
  }
}

/**
 * forge checks the MAC first: a MAC failure means a wrong password. Without a MAC, a wrong
 * password only shows as a decryption that yields garbage.
 */
function isWrongPasswordMessage(msg: string, hasMac: boolean): boolean {
  if (/invalid password|mac could not be verified/i.test(msg)) return true
  return !hasMac && /decrypt|padding|pkcs#8|privatekeyinfo|asn\.1|too few bytes/i.test(msg)
}

function keyUsageAllowsSigning(cert: forge.pki.Certificate): boolean {
  const ext = cert.getExtension('keyUsage') as { value?: string } | null
  if (!ext || typeof ext.value !== 'string') return true // no keyUsage extension: not restricted
  try {
    const bits = forge.asn1.fromDer(ext.value)
    const bytes = String(bits.value)
    // BIT STRING: first byte is the number of unused bits, then the bits
    const first = bytes.length > 1 ? bytes.charCodeAt(1) : 0
    return (first & (KEY_USAGE_DIGITAL_SIGNATURE | KEY_USAGE_NON_REPUDIATION)) !== 0
  } catch {
    return true
  }
}

/**
 * Open a PKCS#12 file: the certificate whose public key matches the private key, its chain and the
 * key. For `sign.ts`; other callers want `loadPkcs12`.
 */
export function openPkcs12(p12: Uint8Array, password: string, now: Date = new Date()): OpenedPkcs12 {
  let p12Asn1: forge.asn1.Asn1
  try {
    if (p12.length === 0) throw new Error('empty')
    p12Asn1 = forge.asn1.fromDer(Buffer.from(p12).toString('binary'), { strict: false, parseAllBytes: false } as never)
  } catch {
    throw new CertificateError('CERT_INVALID', '证书文件无法读取：不是有效的 PKCS#12（.p12/.pfx）文件，或文件已损坏。')
  }

  const hasMac = Array.isArray(p12Asn1.value) && p12Asn1.value.length > 2
  let pfx: forge.pkcs12.Pkcs12Pfx
  try {
    pfx = forge.pkcs12.pkcs12FromAsn1(p12Asn1, false, password)
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err)
    if (isWrongPasswordMessage(msg, hasMac)) throw new CertificateError('CERT_PASSWORD_WRONG', '证书密码错误，无法打开证书文件。')
    if (/unsupported|not supported|unknown/i.test(msg)) {
      throw new CertificateError('CERT_INVALID', '证书文件使用了不支持的加密或算法（目前支持 RSA 证书）。')
    }
    throw new CertificateError('CERT_INVALID', '证书文件无法读取：不是有效的 PKCS#12（.p12/.pfx）文件，或文件已损坏。')
  }

  const OID_SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2'
  const OID_KEY_BAG = '1.2.840.113549.1.12.10.1.1'
  const OID_CERT_BAG = '1.2.840.113549.1.12.10.1.3'
  const keyBags: forge.pkcs12.Bag[] = [
    ...(pfx.getBags({ bagType: OID_SHROUDED_KEY_BAG })[OID_SHROUDED_KEY_BAG] ?? []),
    ...(pfx.getBags({ bagType: OID_KEY_BAG })[OID_KEY_BAG] ?? [])
  ]
  const certBags: forge.pkcs12.Bag[] = pfx.getBags({ bagType: OID_CERT_BAG })[OID_CERT_BAG] ?? []
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined
  if (!key || !key.n) {
    if (keyBags.length > 0) throw new CertificateError('CERT_INVALID', '证书文件中的私钥不是 RSA 密钥（目前仅支持 RSA 签名证书）。')
    throw new CertificateError('CERT_INVALID', '证书文件中没有私钥，不能用于签名。')
  }
  const certs = certBags.map((b) => b.cert).filter((c): c is forge.pki.Certificate => !!c)
  if (certs.length === 0) throw new CertificateError('CERT_INVALID', '证书文件中没有证书。')

  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey
    return !!pub.n && pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0
  })
  if (!own) throw new CertificateError('CERT_INVALID', '证书文件中没有与私钥匹配的证书。')

  const certificateDer = derOfForgeCert(own)
  const info = describeCertificate(certificateDer, own)
  if (new Date(info.notAfter).getTime() < now.getTime()) {
    throw new CertificateError('CERT_EXPIRED', `证书已于 ${info.notAfter.slice(0, 10)} 过期，不能用于签名。`)
  }
  if (new Date(info.notBefore).getTime() > now.getTime()) {
    throw new CertificateError('CERT_INVALID', `证书尚未生效（生效日期 ${info.notBefore.slice(0, 10)}），不能用于签名。`)
  }
  if (!keyUsageAllowsSigning(own)) {
    throw new CertificateError('CERT_INVALID', '证书的密钥用法不包括数字签名或不可否认，不能用于签名。')
  }

  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(key))
  const chainDer = certs.filter((c) => c !== own).map(derOfForgeCert)
  return { info, certificateDer, chainDer, privateKey }
}

/** Read a PKCS#12 file and describe its signing certificate. The password is not kept. */
export function loadPkcs12(p12: Uint8Array, password: string): CertificateInfo {
  return openPkcs12(p12, password).info
}

export interface TestCertificateOptions {
  commonName: string
  organization: string
  validDays: number
  /** defaults to now; lets tests make an expired certificate */
  notBefore?: Date
}

export interface TestCertificate {
  p12: Uint8Array
  password: string
  info: CertificateInfo
}

export const TEST_CERT_MARK = '（测试证书，不具法律效力）'

/**
 * A self-signed RSA-2048 TEST certificate in a PKCS#12 file protected by a random password.
 * The organisation carries "（测试证书，不具法律效力）" and an OU says TEST CERTIFICATE, so no one
 * can take a signature made with it for the agency's real seal.
 */
export function createTestCertificate(opts: TestCertificateOptions): TestCertificate {
  if (!(opts.validDays > 0)) throw new CertificateError('CERT_INVALID', '测试证书的有效天数必须大于 0。')
  const { privateKey: privPem, publicKey: pubPem } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' }
  })
  const key = forge.pki.privateKeyFromPem(privPem)
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(pubPem)
  // positive 16-byte serial
  const serial = randomBytes(16)
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x10
  cert.serialNumber = serial.toString('hex')
  const start = opts.notBefore ?? new Date(Date.now() - 60_000)
  cert.validity.notBefore = start
  cert.validity.notAfter = new Date(start.getTime() + opts.validDays * 86_400_000)
  const organization = opts.organization.includes(TEST_CERT_MARK) ? opts.organization : `${opts.organization}${TEST_CERT_MARK}`
  const utf8 = forge.asn1.Type.UTF8
  const attrs = [
    { shortName: 'C', value: 'CN' },
    { shortName: 'O', value: organization, valueTagClass: utf8 },
    { shortName: 'OU', value: 'TEST CERTIFICATE - NOT FOR LEGAL USE', valueTagClass: utf8 },
    { shortName: 'CN', value: opts.commonName, valueTagClass: utf8 }
  ] as forge.pki.CertificateField[]
  cert.setSubject(attrs)
  cert.setIssuer(attrs)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' }
  ])
  cert.sign(key, forge.md.sha256.create())

  const password = randomBytes(18).toString('base64url')
  const p12Asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, {
    algorithm: 'aes256',
    friendlyName: opts.commonName,
    generateLocalKeyId: true
  })
  const p12 = new Uint8Array(Buffer.from(forge.asn1.toDer(p12Asn1).getBytes(), 'binary'))
  return { p12, password, info: describeCertificate(derOfForgeCert(cert)) }
}
