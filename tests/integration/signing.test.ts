/**
 * Digital signatures of dossier PDF bundles: sign with a test certificate, check the result with
 * the real poppler (pdfsig) and qpdf, and with our own verifier; tamper with it in every way we can
 * think of and make sure the verifier notices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib'
import { CertificateError, createTestCertificate, loadPkcs12, type TestCertificate } from '../../src-main/pdf/certificates'
import { SigningError, signPdf } from '../../src-main/pdf/sign'
import { verifyPdfSignature } from '../../src-main/pdf/verify'

const SIGN_OPTS = { reason: '案卷归档', location: '江州市', name: '李明', contactInfo: '0792-8123456' }

function tool(cmd: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' })
  if (r.error) throw r.error
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}
const hasOpenssl = spawnSync('openssl', ['version']).status === 0

/** A small multi-page PDF as pdf-lib writes it by default (with object streams). */
async function makePdf(pages = 3): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  doc.setTitle('Dossier 2026-001')
  const font = await doc.embedFont(StandardFonts.Helvetica)
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89])
    page.drawText(`Dossier 2026-001, page ${i + 1} of ${pages}`, { x: 60, y: 780, size: 14, font })
    page.drawText('Administrative penalty decision (ASCII test content)', { x: 60, y: 750, size: 11, font })
  }
  return doc.save()
}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Append a real incremental update (new version of page 1 with /Rotate 90, new xref section and
 * trailer with /Prev) after the signed bytes — what a viewer's "save" would do.
 */
async function appendIncrementalUpdate(signed: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(signed, { updateMetadata: false })
  const page = doc.getPage(0)
  page.node.set(PDFName.of('Rotate'), doc.context.obj(90))
  const text = Buffer.from(signed).toString('latin1')
  const prevXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1])
  const { objectNumber, generationNumber } = page.ref
  const trailer = doc.context.trailerInfo
  let out = text.endsWith('\n') ? text : `${text}\n`
  const objOffset = out.length
  out += `${objectNumber} ${generationNumber} obj\n${page.node.toString()}\nendobj\n`
  const xrefOffset = out.length
  out += `xref\n${objectNumber} 1\n${String(objOffset).padStart(10, '0')} ${String(generationNumber).padStart(5, '0')} n \n`
  out += `trailer\n<< /Size ${doc.context.largestObjectNumber + 1} /Root ${trailer.Root?.toString()}`
  if (trailer.Info) out += ` /Info ${trailer.Info.toString()}`
  out += ` /Prev ${prevXref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}

describe('signing dossier PDF bundles', () => {
  let dir: string
  let cert: TestCertificate
  let other: TestCertificate
  let unsigned: Uint8Array
  let signed: Uint8Array
  let signedPath: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casebinder-sign-'))
    cert = createTestCertificate({ commonName: '李明', organization: '江州市应急管理局', validDays: 365 })
    other = createTestCertificate({ commonName: '王五', organization: '江州市应急管理局', validDays: 365 })
    unsigned = await makePdf(3)
    signed = await signPdf(unsigned, cert.p12, cert.password, SIGN_OPTS)
    signedPath = join(dir, 'signed.pdf')
    writeFileSync(signedPath, signed)
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('creates a clearly marked self-signed test certificate that loads back', () => {
    const info = loadPkcs12(cert.p12, cert.password)
    expect(info.subject.commonName).toBe('李明')
    expect(info.subject.organization).toBe('江州市应急管理局（测试证书，不具法律效力）')
    expect(info.selfSigned).toBe(true)
    expect(info.fingerprintSha256).toBe(cert.info.fingerprintSha256)
    expect(info.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(info.certificatePem).toContain('BEGIN CERTIFICATE')
    expect(new Date(info.notAfter).getTime() - new Date(info.notBefore).getTime()).toBe(365 * 86_400_000)
  })

  it('input from pdf-lib uses object streams (the case placeholders must survive)', () => {
    expect(Buffer.from(unsigned).indexOf('/ObjStm')).toBeGreaterThan(0)
  })

  it('pdfsig says the signature is valid and covers the whole document', () => {
    const { out } = tool('pdfsig', [signedPath])
    expect(out).toContain('Signature Validation: Signature is Valid.')
    expect(out).toContain('Total document signed')
    expect(out).toContain('Signature Type: ETSI.CAdES.detached')
    expect(out).toContain('Signing Hash Algorithm: SHA-256')
    expect(out).toContain('Signer Certificate Common Name: 李明')
  })

  it('qpdf --check passes on the signed file', () => {
    const r = tool('qpdf', ['--check', signedPath])
    expect(r.out).toContain('No syntax or stream encoding errors found')
    expect(r.status).toBe(0)
  })

  it('our verifier: ok, whole file, digest, signature, expected certificate', () => {
    const res = verifyPdfSignature(signed, { expectedFingerprintSha256: cert.info.fingerprintSha256 })
    expect(res.problems).toEqual([])
    expect(res.ok).toBe(true)
    expect(res.signatures).toHaveLength(1)
    const s = res.signatures[0]!
    expect(s).toMatchObject({
      subFilter: 'ETSI.CAdES.detached',
      coversWholeFile: true,
      digestValid: true,
      signatureValid: true,
      certificateExpected: true,
      fingerprintSha256: cert.info.fingerprintSha256
    })
    expect(s.signer).toContain('李明')
    expect(s.signedAt).not.toBeNull()
    // fingerprints compare without regard to separators and case
    expect(verifyPdfSignature(signed, { expectedFingerprintSha256: cert.info.fingerprintSha256.replace(/:/g, '').toLowerCase() }).ok).toBe(
      true
    )
  })

  it('keeps the pages and writes the signature field', async () => {
    const doc = await PDFDocument.load(signed)
    expect(doc.getPageCount()).toBe(3)
    const acro = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict)
    expect(acro.get(PDFName.of('SigFlags'))?.toString()).toBe('3')
    expect(doc.getTitle()).toBe('Dossier 2026-001')
  })

  it('flipping any single byte (200 seeded positions) always fails verification', () => {
    const buf = Buffer.from(signed)
    const res = verifyPdfSignature(buf)
    const [, b, c, d] = res.signatures[0]!.byteRange!
    expect(c + d).toBe(buf.length)
    const hex = buf.subarray(b + 1, c - 1).toString('latin1')
    const cmsHexEnd = b + 1 + hex.replace(/0+$/, '').length // end of the CMS, start of zero padding
    const brPos = buf.indexOf('/ByteRange')
    const rand = rng(20261125)
    const pick = (from: number, to: number): number => from + Math.floor(rand() * (to - from))
    const positions = new Set<number>([0, 5, brPos + 12, b - 1, b, b + 1, cmsHexEnd - 1, cmsHexEnd, c - 2, c - 1, c, buf.length - 1])
    while (positions.size < 60) positions.add(pick(0, b)) // first signed range
    while (positions.size < 100) positions.add(pick(c, buf.length)) // second signed range
    while (positions.size < 150) positions.add(pick(b + 1, cmsHexEnd)) // the CMS inside /Contents
    while (positions.size < 175) positions.add(pick(cmsHexEnd, c - 1)) // zero padding of /Contents
    while (positions.size < 200) positions.add(pick(0, buf.length)) // anywhere
    const undetected: string[] = []
    const started = Date.now()
    const copy = Buffer.alloc(buf.length)
    for (const pos of positions) {
      const mask = 1 + Math.floor(rand() * 255)
      buf.copy(copy)
      copy[pos] = (copy[pos] as number) ^ mask
      const r = verifyPdfSignature(copy)
      if (r.ok || r.problems.length === 0) undetected.push(`${pos}^${mask}`)
    }
    expect(undetected).toEqual([])
    expect(positions.size).toBe(200)
    expect(Date.now() - started).toBeLessThan(20_000)
  })

  it('an incremental update appended after signing is reported', async () => {
    const updated = await appendIncrementalUpdate(signed)
    const path = join(dir, 'updated.pdf')
    writeFileSync(path, updated)
    // it is a well-formed incremental update: qpdf accepts it and sees the change
    expect(tool('qpdf', ['--check', path]).status).toBe(0)
    expect((await PDFDocument.load(updated)).getPage(0).getRotation().angle).toBe(90)
    // poppler: the signature itself is still valid but no longer covers the whole document
    const ps = tool('pdfsig', [path]).out
    expect(ps).not.toContain('Total document signed')

    const res = verifyPdfSignature(updated, { expectedFingerprintSha256: cert.info.fingerprintSha256 })
    expect(res.ok).toBe(false)
    expect(res.signatures[0]).toMatchObject({ coversWholeFile: false, digestValid: true, signatureValid: true })
    expect(res.problems.join('\n')).toContain('签名后文件被追加修改')
  })

  it('even a few appended bytes are reported', () => {
    const res = verifyPdfSignature(Buffer.concat([Buffer.from(signed), Buffer.from('\n% note\n')]))
    expect(res.ok).toBe(false)
    expect(res.problems.join('\n')).toContain('签名后文件被追加修改')
  })

  it('a wrong expected certificate fails', () => {
    const res = verifyPdfSignature(signed, { expectedFingerprintSha256: other.info.fingerprintSha256 })
    expect(res.ok).toBe(false)
    expect(res.signatures[0]).toMatchObject({ certificateExpected: false, digestValid: true, signatureValid: true })
    expect(res.problems.join('\n')).toContain('签名证书不是预期的证书')
  })

  it('a PDF without signature says so', () => {
    const res = verifyPdfSignature(unsigned)
    expect(res).toEqual({ ok: false, signatures: [], problems: ['文件中没有数字签名。'] })
  })

  it('malformed input is reported, never thrown', () => {
    for (const input of [
      new Uint8Array(0),
      Buffer.from('not a pdf at all'),
      Buffer.from(signed).subarray(0, 3000),
      Buffer.from(signed).subarray(0, signed.length - 10)
    ]) {
      const res = verifyPdfSignature(input)
      expect(res.ok).toBe(false)
      expect(res.problems.length).toBeGreaterThan(0)
    }
  })

  it('wrong PKCS#12 password gives CERT_PASSWORD_WRONG; corrupt file CERT_INVALID; expired CERT_EXPIRED', async () => {
    const codeOf = async (f: () => unknown): Promise<string | undefined> => {
      try {
        await f()
      } catch (err) {
        expect(err).toBeInstanceOf(CertificateError)
        expect((err as Error).message).toMatch(/[\u4e00-\u9fff]/)
        return (err as CertificateError).code
      }
      return undefined
    }
    expect(await codeOf(() => loadPkcs12(cert.p12, 'wrong-password'))).toBe('CERT_PASSWORD_WRONG')
    expect(await codeOf(() => signPdf(unsigned, cert.p12, 'wrong-password', SIGN_OPTS))).toBe('CERT_PASSWORD_WRONG')
    expect(await codeOf(() => loadPkcs12(Buffer.from('this is no pkcs12'), 'x'))).toBe('CERT_INVALID')
    const truncated = cert.p12.subarray(0, 200)
    expect(await codeOf(() => loadPkcs12(truncated, cert.password))).toBe('CERT_INVALID')
    const expired = createTestCertificate({
      commonName: '过期',
      organization: '江州市应急管理局',
      validDays: 1,
      notBefore: new Date(Date.now() - 10 * 86_400_000)
    })
    expect(await codeOf(() => loadPkcs12(expired.p12, expired.password))).toBe('CERT_EXPIRED')
  })

  it('refuses to re-sign a signed file (its signature would break)', async () => {
    await expect(signPdf(signed, cert.p12, cert.password, SIGN_OPTS)).rejects.toMatchObject({
      code: 'SIGNING_FAILED',
      reason: 'PDF_ALREADY_SIGNED'
    })
    await expect(signPdf(Buffer.from('no pdf'), cert.p12, cert.password, SIGN_OPTS)).rejects.toBeInstanceOf(SigningError)
  })

  it('visible signature box on a chosen page; signature stays valid', async () => {
    const out = await signPdf(unsigned, cert.p12, cert.password, { ...SIGN_OPTS, visible: { pageIndex: 1, rect: [340, 40, 220, 64] } })
    const path = join(dir, 'visible.pdf')
    writeFileSync(path, out)
    expect(tool('pdfsig', [path]).out).toContain('Signature Validation: Signature is Valid.')
    expect(tool('qpdf', ['--check', path]).status).toBe(0)
    expect(verifyPdfSignature(out, { expectedFingerprintSha256: cert.info.fingerprintSha256 }).ok).toBe(true)
    const doc = await PDFDocument.load(out)
    const widget = doc.getPage(1).node.lookup(PDFName.of('Annots'), PDFArray).lookup(0, PDFDict)
    expect(widget.get(PDFName.of('FT'))?.toString()).toBe('/Sig')
    // the widget's /Rect is where we asked
    expect(widget.get(PDFName.of('Rect'))?.toString()).toBe('[ 340 40 560 104 ]')
    expect((widget.get(PDFName.of('T')) as PDFString | undefined)?.decodeText()).toBe('Signature1')
    await expect(
      signPdf(unsigned, cert.p12, cert.password, { ...SIGN_OPTS, visible: { pageIndex: 9, rect: [0, 0, 100, 40] } })
    ).rejects.toMatchObject({ reason: 'OPTIONS_INVALID' })
  })

  it.skipIf(!hasOpenssl)('signs with a PKCS#12 made by OpenSSL 3 (AES + SHA-256 MAC)', () => {
    const key = join(dir, 'k.pem')
    const crt = join(dir, 'c.pem')
    const p12 = join(dir, 'o.p12')
    expect(
      tool('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        crt,
        '-days',
        '30',
        '-subj',
        '/CN=Archivist/O=Jiangzhou EMB TEST',
        '-addext',
        'keyUsage=critical,digitalSignature,nonRepudiation'
      ]).status
    ).toBe(0)
    expect(tool('openssl', ['pkcs12', '-export', '-inkey', key, '-in', crt, '-out', p12, '-passout', 'pass:s3cret']).status).toBe(0)
    const bytes = readFileSync(p12)
    const info = loadPkcs12(bytes, 's3cret')
    expect(info.subject.commonName).toBe('Archivist')
    return signPdf(unsigned, bytes, 's3cret', SIGN_OPTS).then((out) => {
      const path = join(dir, 'openssl-signed.pdf')
      writeFileSync(path, out)
      expect(tool('pdfsig', [path]).out).toContain('Signature Validation: Signature is Valid.')
      expect(verifyPdfSignature(out, { expectedFingerprintSha256: info.fingerprintSha256 }).ok).toBe(true)
    })
  })
})
