/**
 * CMS SignedData (RFC 5652) as PDF signatures carry it (adbe.pkcs7.detached / ETSI.CAdES.detached): the parts
 * the verifier checks, read with the strict DER reader. Detached content only; the first signer is read and the
 * number of signers reported. Also: a certificate's issuer and serial number, which name the signer in a CMS.
 */
import {
  algorithmOf,
  CTX,
  DerError,
  expect,
  kids,
  oidOf,
  raw,
  readTlv,
  T_INTEGER,
  T_OCTET,
  T_SEQ,
  T_SET,
  timeOf,
  U,
  value,
  type Tlv
} from './der'

// ---------------------------------------------------------------------------------------------
// OIDs

export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2'
export const OID_DATA = '1.2.840.113549.1.7.1'
export const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3'
export const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4'
export const OID_SIGNING_TIME = '1.2.840.113549.1.9.5'
export const OID_SIGNING_CERT = '1.2.840.113549.1.9.16.2.12'
export const OID_SIGNING_CERT_V2 = '1.2.840.113549.1.9.16.2.47'

export const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512'
}
/** signature algorithm → hash it implies (null: take the digest algorithm) */
export const SIG_ALGS: Record<string, string | null> = {
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
// SignedData

export interface ParsedCms {
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

export function parseCms(der: Buffer, top: Tlv): ParsedCms {
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
