/**
 * Digital signature of a dossier PDF bundle (电子签名法 art. 14: a reliable electronic signature
 * has the same effect as a handwritten signature or seal).
 *
 * Produces a PAdES-compatible signature: SubFilter ETSI.CAdES.detached, a detached CMS SignedData
 * with SHA-256, signed attributes contentType, messageDigest and ESS signing-certificate-v2 (the
 * hash of the signing certificate, so the certificate cannot be swapped), no signing-time attribute
 * (PAdES puts the claimed signing time in the signature dictionary's /M). The byte range covers
 * the whole file except the /Contents hex string.
 *
 * How:
 *  1. pdf-lib loads the bundle (it may use object streams) and adds the signature field, widget
 *     (optionally visible) and the signature dictionary with a /ByteRange and /Contents
 *     placeholder; the dictionary is written as a raw object so it never lands in an object stream.
 *     The file is saved without object streams, with a classic xref table.
 *  2. @signpdf/signpdf fills in the /ByteRange and puts the CMS into /Contents, using our
 *     `CadesSigner` (a @signpdf/utils Signer) that builds the CMS with a few lines of DER and
 *     signs with Node crypto.
 *  3. The result is verified with `verifyPdfSignature` before it is returned.
 *
 * pdf-lib rewrites the file when saving, so a PDF that is already signed is refused (its existing
 * signature would break); counter-signatures through incremental updates are not supported yet.
 *
 * The visible appearance uses the standard Helvetica font, so it shows ASCII only (signing time,
 * certificate serial and fingerprint, the signer's name when it is ASCII); a Chinese name needs an
 * embedded CJK font, which the project does not ship yet.
 */
import { createHash, sign as cryptoSign } from 'node:crypto'
import { SignPdf } from '@signpdf/signpdf'
import { Signer } from '@signpdf/utils'
import forge from 'node-forge'
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFString,
  StandardFonts,
  type PDFFont,
  type PDFRef
} from 'pdf-lib'
import { openPkcs12, type OpenedPkcs12 } from './certificates'
import { certIssuerSerial } from './cms'
import { verifyPdfSignature } from './verify'

export interface SignOptions {
  /** 签名原因, e.g. "案卷归档" */
  reason: string
  /** 签名地点 */
  location: string
  /** signer's name as shown in the signature dictionary */
  name: string
  contactInfo?: string
  /** draw a small signature box on a page; rect in PDF points from the bottom-left corner */
  visible?: { pageIndex: number; rect: [number, number, number, number] }
  /** claimed signing time (/M); defaults to now */
  signingTime?: Date
}

export type SigningErrorReason = 'PDF_INVALID' | 'PDF_ENCRYPTED' | 'PDF_ALREADY_SIGNED' | 'OPTIONS_INVALID' | 'SIGNATURE_FAILED'

/** Signing could not be done; `code` maps to the AppError code SIGNING_FAILED, `reason` says why. */
export class SigningError extends Error {
  readonly code = 'SIGNING_FAILED' as const
  readonly reason: SigningErrorReason
  readonly details?: Record<string, unknown>
  constructor(reason: SigningErrorReason, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'SigningError'
    this.reason = reason
    if (details) this.details = details
  }
}

/** Room for the CMS in /Contents, in bytes (hex doubles it). Fits a certificate chain of a few CAs. */
export const SIGNATURE_BYTES = 16_384
const BYTE_RANGE_PLACEHOLDER = '**********'
const SUBFILTER = 'ETSI.CAdES.detached'

// ---------------------------------------------------------------------------------------------
// a few lines of DER

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}
const tlv = (tag: number, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts)
  return Buffer.concat([Buffer.from([tag]), derLength(body.length), body])
}
const seq = (...parts: Buffer[]): Buffer => tlv(0x30, ...parts)
/** SET OF, elements sorted by their encoding as DER requires */
const setOf = (...parts: Buffer[]): Buffer => tlv(0x31, ...[...parts].sort(Buffer.compare))
const oid = (dotted: string): Buffer => tlv(0x06, Buffer.from(forge.asn1.oidToDer(dotted).getBytes(), 'binary'))
const octets = (b: Buffer): Buffer => tlv(0x04, b)
const smallInt = (n: number): Buffer => tlv(0x02, Buffer.from([n]))
const DER_NULL = Buffer.from([0x05, 0x00])

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47'
}

/** Builds a detached CAdES (CMS SignedData) signature over the bytes @signpdf hands it. */
export class CadesSigner extends Signer {
  readonly #cert: OpenedPkcs12
  constructor(opened: OpenedPkcs12) {
    super()
    this.#cert = opened
  }

  override async sign(content: Buffer): Promise<Buffer> {
    const { certificateDer, chainDer, privateKey } = this.#cert
    const is = certIssuerSerial(certificateDer)
    if (!is) throw new SigningError('SIGNATURE_FAILED', '签名证书无法解析。')
    const issuerAndSerial = seq(is.issuer, tlv(0x02, is.serial))
    const sha256Alg = seq(oid(OID.sha256))

    const digest = createHash('sha256').update(content).digest()
    const certHash = createHash('sha256').update(certificateDer).digest()
    // ESSCertIDv2 with the default hash algorithm (SHA-256, omitted) and the issuer/serial
    const essCertIdV2 = seq(octets(certHash), seq(seq(tlv(0xa4, is.issuer)), tlv(0x02, is.serial)))
    const attrs = [
      seq(oid(OID.contentType), setOf(oid(OID.data))),
      seq(oid(OID.messageDigest), setOf(octets(digest))),
      seq(oid(OID.signingCertificateV2), setOf(seq(seq(essCertIdV2))))
    ]
    const signedAttrsSet = setOf(...attrs) // what is signed: tag SET OF
    const signedAttrsImplicit = Buffer.concat([Buffer.from([0xa0]), signedAttrsSet.subarray(1)]) // [0] IMPLICIT in SignerInfo
    const signature = cryptoSign('sha256', signedAttrsSet, privateKey)

    const signerInfo = seq(
      smallInt(1),
      issuerAndSerial,
      sha256Alg,
      signedAttrsImplicit,
      seq(oid(OID.sha256WithRSA), DER_NULL),
      octets(signature)
    )
    const signedData = seq(smallInt(1), setOf(sha256Alg), seq(oid(OID.data)), tlv(0xa0, certificateDer, ...chainDer), setOf(signerInfo))
    return seq(oid(OID.signedData), tlv(0xa0, signedData))
  }
}

// ---------------------------------------------------------------------------------------------
// the signature field

function isAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s)
}

/** "2025-05-01 10:20:30 UTC+8" — the agency's time zone, independent of the machine's. */
function beijingTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19) + ' UTC+8'
}

function appearanceStream(font: PDFFont, w: number, h: number, lines: string[]): string {
  const size = Math.max(
    4,
    Math.min(9, (h - 6) / (lines.length * 1.25), ...lines.map((l) => (w - 8) / Math.max(1, font.widthOfTextAtSize(l, 1))))
  )
  const lead = size * 1.25
  const ops = [
    'q',
    '1 1 1 rg',
    `0 0 ${w} ${h} re f`,
    '0.70 0.10 0.10 RG 1 w',
    `0.5 0.5 ${w - 1} ${h - 1} re S`,
    'BT',
    '0 0 0 rg',
    `/F1 ${size.toFixed(2)} Tf`,
    `${lead.toFixed(2)} TL`,
    `4 ${(h - 3 - size).toFixed(2)} Td`
  ]
  lines.forEach((l, i) => ops.push(`${i ? 'T* ' : ''}${font.encodeText(l).toString()} Tj`))
  ops.push('ET', 'Q')
  return ops.join('\n')
}

function uniqueFieldName(acroForm: PDFDict | undefined): string {
  const used = new Set<string>()
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray)
  for (let i = 0; fields && i < fields.size(); i++) {
    const f = fields.lookupMaybe(i, PDFDict)
    const t = f?.get(PDFName.of('T'))
    if (t instanceof PDFString || t instanceof PDFHexString) used.add(t.decodeText())
  }
  let n = 1
  while (used.has(`Signature${n}`)) n++
  return `Signature${n}`
}

function alreadySigned(doc: PDFDocument, raw: Uint8Array): boolean {
  if (Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).indexOf('/ByteRange') >= 0) return true
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of('ByteRange'))) return true
  }
  return false
}

async function addPlaceholder(doc: PDFDocument, opts: SignOptions, opened: OpenedPkcs12, signingTime: Date): Promise<void> {
  const pages = doc.getPages()
  if (pages.length === 0) throw new SigningError('PDF_INVALID', 'PDF 文件没有页面，不能签名。')
  const pageIndex = opts.visible?.pageIndex ?? 0
  const page = pages[pageIndex]
  if (!page || !Number.isInteger(pageIndex)) {
    throw new SigningError('OPTIONS_INVALID', `签名框所在页码无效：第 ${pageIndex + 1} 页不存在（共 ${pages.length} 页）。`)
  }
  let widgetRect: [number, number, number, number] = [0, 0, 0, 0]
  if (opts.visible) {
    const [x, y, w, h] = opts.visible.rect
    if (![x, y, w, h].every(Number.isFinite) || w < 20 || h < 12) {
      throw new SigningError('OPTIONS_INVALID', '签名框的位置或大小无效（宽至少 20 点，高至少 12 点）。')
    }
    widgetRect = [x, y, x + w, y + h]
  }
  const ctx = doc.context

  // the signature dictionary, serialised now and registered as raw bytes so that pdf-lib never
  // puts it into an object stream (the /ByteRange and /Contents must stay visible in the file)
  const byteRange = PDFArray.withContext(ctx)
  byteRange.push(PDFNumber.of(0))
  for (let i = 0; i < 3; i++) byteRange.push(PDFName.of(BYTE_RANGE_PLACEHOLDER))
  const sigEntries: Record<string, unknown> = {
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: SUBFILTER,
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(SIGNATURE_BYTES * 2)),
    Reason: PDFHexString.fromText(opts.reason),
    M: PDFString.fromDate(signingTime),
    Name: PDFHexString.fromText(opts.name),
    Location: PDFHexString.fromText(opts.location),
    Prop_Build: { App: { Name: 'CaseBinder' }, Filter: { Name: 'Adobe.PPKLite' } }
  }
  if (opts.contactInfo) sigEntries['ContactInfo'] = PDFHexString.fromText(opts.contactInfo)
  const sigDict = ctx.obj(sigEntries as never)
  const sigBytes = new Uint8Array(sigDict.sizeInBytes())
  sigDict.copyBytesInto(sigBytes, 0)
  const sigRef = ctx.register(PDFInvalidObject.of(sigBytes))

  // appearance
  const [x1, y1, x2, y2] = widgetRect
  const w = x2 - x1
  const h = y2 - y1
  let apRef: PDFRef
  if (opts.visible) {
    const font = await doc.embedFont(StandardFonts.Helvetica)
    const cn = opened.info.subject.commonName
    const who = isAscii(opts.name) && opts.name.trim() ? opts.name : isAscii(cn) && cn.trim() ? cn : null
    const lines = [
      'Digitally signed (CaseBinder)',
      ...(who ? [`Signer: ${who}`] : []),
      `Time: ${beijingTime(signingTime)}`,
      `Cert SN: ${opened.info.serialNumber.slice(0, 20)}`,
      `SHA-256: ${opened.info.fingerprintSha256.replace(/:/g, '').slice(0, 16)}...`
    ]
    const stream = ctx.flateStream(appearanceStream(font, w, h, lines), {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, w, h],
      Resources: { Font: { F1: font.ref } }
    })
    apRef = ctx.register(stream)
  } else {
    apRef = ctx.register(ctx.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 0, 0], Resources: {} }))
  }

  let acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: widgetRect,
    V: sigRef,
    T: PDFHexString.fromText(uniqueFieldName(acroForm)),
    F: 4, // print
    P: page.ref,
    AP: { N: apRef }
  })
  const widgetRef = ctx.register(widget)

  let annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
  if (!annots) {
    annots = ctx.obj([])
    page.node.set(PDFName.of('Annots'), annots)
  }
  annots.push(widgetRef)

  if (!acroForm) {
    acroForm = ctx.obj({ Fields: [] })
    doc.catalog.set(PDFName.of('AcroForm'), ctx.register(acroForm))
  }
  const flags = acroForm.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(flags | 1 | 2)) // SignaturesExist | AppendOnly
  let fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray)
  if (!fields) {
    fields = ctx.obj([])
    acroForm.set(PDFName.of('Fields'), fields)
  }
  fields.push(widgetRef)
}

/**
 * Sign a PDF with the certificate in a PKCS#12 file. Returns the signed file; the input is not
 * modified. Throws CertificateError (CERT_*) for certificate problems and SigningError otherwise.
 */
export async function signPdf(pdf: Uint8Array, p12: Uint8Array, password: string, opts: SignOptions): Promise<Uint8Array> {
  if (!opts.reason?.trim() || !opts.location?.trim() || !opts.name?.trim()) {
    throw new SigningError('OPTIONS_INVALID', '签名原因、签名地点和签名人不能为空。')
  }
  const signingTime = opts.signingTime ?? new Date()
  const opened = openPkcs12(p12, password, signingTime)

  let doc: PDFDocument
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false })
  } catch (err) {
    const name = err instanceof Error ? err.name + err.message : ''
    if (/encrypt/i.test(name)) throw new SigningError('PDF_ENCRYPTED', 'PDF 文件已加密，不能签名。请先导出未加密的案卷文件。')
    throw new SigningError('PDF_INVALID', 'PDF 文件无法读取，不能签名（文件不是 PDF 或已损坏）。')
  }
  if (alreadySigned(doc, pdf)) {
    throw new SigningError('PDF_ALREADY_SIGNED', 'PDF 文件已含有数字签名；再次签名会使原签名失效，已拒绝。')
  }

  await addPlaceholder(doc, opts, opened, signingTime)
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }))

  let signed: Buffer
  try {
    signed = await new SignPdf().sign(prepared, new CadesSigner(opened))
  } catch (err) {
    if (err instanceof SigningError) throw err
    throw new SigningError('SIGNATURE_FAILED', `签名失败：${err instanceof Error ? err.message : String(err)}`)
  }

  const check = verifyPdfSignature(signed, { expectedFingerprintSha256: opened.info.fingerprintSha256 })
  if (!check.ok) {
    throw new SigningError('SIGNATURE_FAILED', `签名后自检未通过：${check.problems.join('；')}`, { problems: check.problems })
  }
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength)
}
