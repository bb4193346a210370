/**
 * DOCX rendering with docxtemplater + pizzip and the safe tag parser, plus template inspection
 * (tags used, syntax errors) and defensive opening of untrusted DOCX files.
 */
import PizZip from 'pizzip'
import Docxtemplater from 'docxtemplater'
import { parseTag, safeParser, TagSyntaxError } from './tags'

/** Limits for opening a DOCX we did not write (custom templates): a zip bomb or a huge file is refused. */
export const DOCX_LIMITS = { maxFileBytes: 20 * 1024 * 1024, maxUncompressedBytes: 100 * 1024 * 1024, maxEntries: 2000, maxRatio: 200 }

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly details: { tag?: string; reason?: string }[] = []
  ) {
    super(message)
  }
}

interface ZipEntry {
  dir: boolean
  _data?: { uncompressedSize?: number; compressedSize?: number }
}

/** Open a DOCX defensively: size, entry count and compression-ratio limits before anything is inflated. */
export function openDocx(bytes: Uint8Array): PizZip {
  if (bytes.length > DOCX_LIMITS.maxFileBytes)
    throw new TemplateError(`文件过大（${Math.round(bytes.length / 1048576)} MB），模板不应超过 20 MB`)
  let zip: PizZip
  try {
    zip = new PizZip(bytes)
  } catch {
    throw new TemplateError('文件不是有效的 DOCX（无法作为 ZIP 打开，可能已损坏或被截断）')
  }
  const entries = Object.values(zip.files) as unknown as ZipEntry[]
  if (entries.length > DOCX_LIMITS.maxEntries) throw new TemplateError('DOCX 内部文件数量异常，已拒绝')
  let total = 0
  for (const e of entries) {
    const u = e._data?.uncompressedSize ?? 0
    const c = e._data?.compressedSize ?? 0
    total += u
    if (c > 0 && u / c > DOCX_LIMITS.maxRatio && u > 1024 * 1024) throw new TemplateError('DOCX 压缩比异常（疑似压缩炸弹），已拒绝')
  }
  if (total > DOCX_LIMITS.maxUncompressedBytes) throw new TemplateError('DOCX 解压后体积异常（疑似压缩炸弹），已拒绝')
  if (!zip.file('word/document.xml') || !zip.file('[Content_Types].xml'))
    throw new TemplateError('文件不是 Word 文档（缺少 word/document.xml）')
  return zip
}

function explain(err: unknown): TemplateError {
  type XtError = { properties?: { explanation?: string; xtag?: string; id?: string; rootError?: { message?: string } }; message?: string }
  const e = err as { properties?: { errors?: XtError[] }; message?: string }
  const list = e.properties?.errors ?? [e as XtError]
  // our own parser's (Chinese) reason when it refused the tag, else docxtemplater's explanation
  const details = list.map((x) => ({
    tag: x.properties?.xtag ?? '',
    reason: x.properties?.rootError?.message ?? x.properties?.explanation ?? x.message ?? String(x)
  }))
  const first = details[0]
  const more = details.length > 1 ? `等${details.length}处` : ''
  return new TemplateError(`模板标签有误${more}：${first?.reason ?? '未知错误'}`, details)
}

function compile(zip: PizZip): Docxtemplater {
  try {
    // a corrupt entry fails here, when docxtemplater first inflates the XML
    return new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      parser: safeParser,
      nullGetter: () => '',
      // errors are returned to the caller in Chinese, not logged to the console
      errorLogging: false
    })
  } catch (err) {
    if (err instanceof Error && !('properties' in err)) throw new TemplateError('DOCX 内容已损坏，无法读取正文')
    throw explain(err)
  }
}

/** Render a template with data; returns the DOCX bytes. */
export function renderDocx(template: Uint8Array, data: Record<string, unknown>): Buffer {
  const doc = compile(openDocx(template))
  try {
    doc.render(data)
  } catch (err) {
    if (err instanceof TagSyntaxError) throw new TemplateError(err.message)
    throw explain(err)
  }
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer
}

/** Every tag (and loop/condition) a template uses, with syntax checked, and the loops each sits in. */
export function inspectTemplate(template: Uint8Array): { tags: string[]; sections: string[]; uses: { tag: string; loops: string[] }[] } {
  const doc = compile(openDocx(template))
  const tags = new Set<string>()
  const sections = new Set<string>()
  const uses: { tag: string; loops: string[] }[] = []
  // compiled parts of every XML file docxtemplater templated
  const compiled = (doc as unknown as { compiled: Record<string, { postparsed: Part[] }> }).compiled
  type Part = { type: string; value?: string; module?: string; subparsed?: Part[] }
  const walk = (parts: Part[], loops: string[]) => {
    for (const p of parts) {
      if (p.type === 'placeholder' && p.value !== undefined) {
        parseTag(p.value) // throws on bad syntax
        const v = p.value.trim()
        uses.push({ tag: v, loops })
        if (p.module === 'loop') sections.add(v)
        else tags.add(v)
      }
      if (p.subparsed) walk(p.subparsed, p.module === 'loop' && p.value ? [...loops, p.value.trim()] : loops)
    }
  }
  for (const file of Object.values(compiled)) walk(file.postparsed, [])
  return { tags: [...tags].sort(), sections: [...sections].sort(), uses }
}

/** Plain text of a rendered DOCX (paragraphs joined by newlines): for tests and document checks. */
export function docxText(docx: Uint8Array): string {
  const xml = new PizZip(docx).file('word/document.xml')!.asText()
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}
