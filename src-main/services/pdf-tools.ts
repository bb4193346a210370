/**
 * The PDF toolchain a dossier export needs, set up once per job: the DOCX renditioner (Chromium by default,
 * LibreOffice when the agency chose it), a Chromium page printer for the front matter, and the signer with
 * the agency's certificate (its password only ever in memory).
 */
import { appError } from '../core/errors'
import { createRenditioner, findChromium, libreOfficeAvailable, type Renditioner } from '../pdf/rendition'
import { htmlToPdf, launchChromium } from '../pdf/html-pdf'
import { signPdf } from '../pdf/sign'
import { CertificateError, createTestCertificate, loadPkcs12 } from '../pdf/certificates'
import { getAgency } from '../store/repos/agency'
import { recordBlob } from '../store/blobs'
import { getSetting, setSetting } from '../store/settings'
import type { DocxRenditioner, HtmlPrinter, Signer } from './dossier'
import { change, type ServiceContext } from './context'

export interface PdfTools {
  renditioner: DocxRenditioner
  printHtml: HtmlPrinter
}

export async function withPdfTools<T>(ctx: ServiceContext, fn: (tools: PdfTools) => Promise<T>): Promise<T> {
  const engine = await getSetting<'chromium' | 'libreoffice'>(ctx.home.store, 'rendition.engine', 'chromium')
  const chromiumPath = findChromium()
  if (!chromiumPath)
    throw appError('RENDITION_FAILED', '未找到 Chromium、Chrome 或 Edge 浏览器，无法生成 PDF（可设置 CHROMIUM_PATH 环境变量）')
  if (engine === 'libreoffice' && !libreOfficeAvailable())
    throw appError('RENDITION_FAILED', '已选择 LibreOffice 转换，但本机未安装 LibreOffice')
  // the renditioner (a browser with docx-preview loaded) starts only when a rendition is not cached
  const lazy: { started: Renditioner | null } = { started: null }
  const renditioner: DocxRenditioner = {
    name: engine,
    render: async (docs, onProgress, signal) => {
      lazy.started ??= await createRenditioner(engine, { executablePath: chromiumPath })
      return lazy.started.render(docs, onProgress, signal)
    }
  }
  const browser = await launchChromium(chromiumPath)
  try {
    return await fn({ renditioner, printHtml: (htmls) => htmlToPdf(browser, htmls) })
  } finally {
    await Promise.allSettled([lazy.started?.close(), browser.close()])
  }
}

interface StoredCert {
  sha256: string
  test: boolean
  /** only for the generated test certificate, which has no legal effect */
  testPassword?: string
  info: ReturnType<typeof loadPkcs12>
}

export function signingInfo(ctx: ServiceContext) {
  return certificateInfo(ctx)
}

async function certificateInfo(ctx: ServiceContext) {
  const c = await getSetting<StoredCert | null>(ctx.home.store, 'signing.certificate', null)
  return c
    ? {
        configured: true,
        test: c.test,
        subject: c.info.subject,
        issuer: c.info.issuer,
        notAfter: c.info.notAfter,
        fingerprintSha256: c.info.fingerprintSha256
      }
    : { configured: false, test: false }
}

function certError(err: unknown): never {
  if (err instanceof CertificateError) throw appError('SIGNING_FAILED', err.message, { reason: err.code })
  throw err
}

/** Import the agency's PKCS#12: checked with the password, which is then forgotten. */
export async function signingImport(ctx: ServiceContext, input: { base64: string; password: string }) {
  const p12 = Buffer.from(input.base64, 'base64')
  let info
  try {
    info = loadPkcs12(p12, input.password)
  } catch (err) {
    certError(err)
  }
  await change(
    ctx,
    'signing',
    async (db, at) => {
      const blob = await recordBlob(db, ctx.home.blobs, p12, 'application/x-pkcs12', at)
      await setSetting(db, 'signing.certificate', { sha256: blob.sha256, test: false, info } satisfies StoredCert)
      return null
    },
    () => ({
      action: 'signing.import',
      targetType: 'certificate',
      targetId: info.fingerprintSha256,
      summary: `导入签名证书：${info.subject.commonName}`,
      detail: { info }
    })
  )
  return certificateInfo(ctx)
}

/** A clearly labelled self-signed certificate for trying the app. */
export async function signingCreateTest(ctx: ServiceContext) {
  const agency = await getAgency(ctx.home.store)
  if (!agency) throw appError('AGENCY_NOT_CONFIGURED', '请先登记执法主体信息')
  const cert = createTestCertificate({ commonName: agency.name, organization: agency.name, validDays: 365 })
  const info = loadPkcs12(cert.p12, cert.password)
  await change(
    ctx,
    'signing',
    async (db, at) => {
      const blob = await recordBlob(db, ctx.home.blobs, cert.p12, 'application/x-pkcs12', at)
      await setSetting(db, 'signing.certificate', {
        sha256: blob.sha256,
        test: true,
        testPassword: cert.password,
        info
      } satisfies StoredCert)
      return null
    },
    () => ({
      action: 'signing.createTest',
      targetType: 'certificate',
      targetId: info.fingerprintSha256,
      summary: '生成测试签名证书（不具法律效力）',
      detail: { info }
    })
  )
  return certificateInfo(ctx)
}

/** The signer for an export: a given PKCS#12, or the stored agency certificate (password needed unless test). */
export async function signerFor(
  ctx: ServiceContext,
  opts: { p12?: Uint8Array | undefined; password?: string | undefined }
): Promise<{ sign: Signer; fingerprint: string }> {
  const agency = await getAgency(ctx.home.store)
  let p12 = opts.p12
  let password = opts.password
  if (!p12) {
    const c = await getSetting<StoredCert | null>(ctx.home.store, 'signing.certificate', null)
    if (!c) throw appError('SIGNING_NOT_CONFIGURED', '尚未配置签名证书：请在“设置 › 签名证书”中导入机关证书，或生成测试证书')
    p12 = ctx.home.blobs.get(c.sha256)
    password = c.test ? c.testPassword : password
  }
  if (password === undefined) throw appError('SIGNING_PASSWORD_REQUIRED', '请输入签名证书密码')
  let info
  try {
    info = loadPkcs12(p12, password)
  } catch (err) {
    certError(err)
  }
  const key = p12
  const pw = password
  return {
    fingerprint: info.fingerprintSha256,
    sign: (pdf) =>
      signPdf(pdf, key, pw, { reason: '行政执法案卷归档', location: agency?.address ?? '', name: agency?.name ?? info.subject.commonName })
  }
}
