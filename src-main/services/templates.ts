/**
 * Custom templates: an agency's own DOCX for a document type. Checked against the manifest before it is
 * accepted; a refused file changes nothing.
 */
import { appError } from '../core/errors'
import { templateType } from '../drafting/catalogue'
import { templateBytes } from './template-source'
import { TemplateError } from '../drafting/render'
import { validateTemplate } from '../drafting/validate-template'
import { recordBlob } from '../store/blobs'
import { deleteCustomTemplate, saveCustomTemplate } from '../store/repos/templates'
import { change, type ServiceContext } from './context'

const MAX_BASE64 = 28 * 1024 * 1024 // ~20 MB of DOCX

function mustType(id: string) {
  const t = templateType(id)
  if (!t) throw appError('TEMPLATE_NOT_FOUND', `没有“${id}”这种文书`)
  return t
}

function decode(base64: string): Buffer {
  if (base64.length > MAX_BASE64) throw appError('TEMPLATE_INVALID', '文件过大，模板不应超过 20 MB')
  return Buffer.from(base64, 'base64')
}

/** Dry run: what the file contains and whether it fits the type. */
export function templatesInspect(_ctx: ServiceContext, input: { type: string; base64: string }) {
  const type = mustType(input.type)
  try {
    const report = validateTemplate(type, decode(input.base64))
    return { ...report, acceptable: report.unknown.length === 0 }
  } catch (err) {
    if (err instanceof TemplateError)
      throw appError('TEMPLATE_INVALID', err.message, { issues: err.details.map((d) => ({ path: d.tag ?? '', message: d.reason ?? '' })) })
    throw err
  }
}

export function templatesImport(ctx: ServiceContext, input: { type: string; fileName: string; base64: string }) {
  const type = mustType(input.type)
  const bytes = decode(input.base64)
  let report
  try {
    report = validateTemplate(type, bytes)
  } catch (err) {
    if (err instanceof TemplateError)
      throw appError('TEMPLATE_INVALID', err.message, { issues: err.details.map((d) => ({ path: d.tag ?? '', message: d.reason ?? '' })) })
    throw err
  }
  if (report.unknown.length) {
    throw appError(
      'TEMPLATE_INVALID',
      `模板含有${report.unknown.length}个无法识别的标签：${report.unknown
        .map((u) => `{${u.tag}}`)
        .slice(0, 5)
        .join('、')}`,
      {
        issues: report.unknown.map((u) => ({ path: u.tag, message: u.reason }))
      }
    )
  }
  return change(
    ctx,
    'templates',
    async (db, at) => {
      const blob = await recordBlob(
        db,
        ctx.home.blobs,
        bytes,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        at
      )
      await saveCustomTemplate(db, { type: type.id, sha256: blob.sha256, fileName: input.fileName, tags: report.tags }, at, ctx.actor)
      return { type: type.id, sha256: blob.sha256, ...report, acceptable: true }
    },
    (r) => ({
      action: 'template.import',
      targetType: 'template',
      targetId: r.type,
      summary: `导入本机关“${type.title}”模板（${input.fileName}）`,
      detail: { type: r.type, sha256: r.sha256, fileName: input.fileName, tags: r.tags, unusedRequired: r.unusedRequired }
    })
  )
}

export function templatesReset(ctx: ServiceContext, input: { type: string }) {
  const type = mustType(input.type)
  return change(
    ctx,
    'templates',
    async (db) => {
      if (!(await deleteCustomTemplate(db, type.id)))
        throw appError('TEMPLATE_NOT_FOUND', `“${type.title}”没有本机关模板，已在使用内置模板`)
      return { type: type.id }
    },
    () => ({
      action: 'template.reset',
      targetType: 'template',
      targetId: type.id,
      summary: `恢复“${type.title}”内置模板`,
      detail: { type: type.id }
    })
  )
}

export async function templatesFile(ctx: ServiceContext, input: { type: string }) {
  const type = mustType(input.type)
  const t = await templateBytes(ctx.home, type.id)
  return { fileName: `${type.title}${t.custom ? '（本机关模板）' : ''}.docx`, base64: t.bytes.toString('base64'), custom: t.custom }
}
