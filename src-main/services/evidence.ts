/**
 * Evidence, signed scans and A/V records attached to a case. Files go to the blob store by SHA-256; the type
 * is sniffed from the content, the name sanitised, sizes limited; the same file twice in a case is refused.
 */
import { appError } from '../core/errors'
import { FILE_KINDS, sanitizeFileName, sniff } from '../core/files'
import { findCase } from '../store/repos/cases'
import { findDocument } from '../store/repos/documents'
import { dossierLocked } from '../store/repos/dossiers'
import { caseEvidence, findCaseEvidenceByHash, findEvidence, insertEvidence } from '../store/repos/evidence'
import { recordBlob } from '../store/blobs'
import type { Scope } from '../store/engine/engine'
import { change, type ServiceContext } from './context'

export async function assertNotLocked(db: Scope, caseId: number): Promise<void> {
  if (await dossierLocked(db, caseId)) throw appError('DOSSIER_LOCKED', '案卷已归档封存，不能再增加、删除或修改材料')
}

export interface EvidenceInput {
  caseId: number
  kind: 'evidence' | 'scan' | 'av'
  evidenceType?: string | undefined
  description: string
  source: string
  collector: string
  collectedAt?: string | undefined
  place: string
  documentId?: number | undefined
  fileName: string
  base64: string
}

export function evidenceAdd(ctx: ServiceContext, input: EvidenceInput) {
  const bytes = Buffer.from(input.base64, 'base64')
  if (bytes.length === 0) throw appError('EVIDENCE_INVALID', '文件为空')
  const kind = sniff(bytes)
  if (!kind)
    throw appError(
      'EVIDENCE_INVALID',
      `无法识别“${input.fileName}”的文件类型：只接受 JPEG、PNG、PDF 和常见音视频（MP4、MOV、MP3、WAV、AVI）`
    )
  const info = FILE_KINDS[kind]
  if (bytes.length > info.maxBytes)
    throw appError(
      'EVIDENCE_INVALID',
      `文件过大（${(bytes.length / 1048576).toFixed(1)} MB），此类文件不应超过 ${info.maxBytes / 1048576} MB`
    )
  if (input.kind === 'av' && info.category !== 'av')
    throw appError('EVIDENCE_INVALID', `音像记录应为音频或视频文件，“${input.fileName}”是${info.mime}`)
  if (input.kind === 'scan' && info.category === 'av') throw appError('EVIDENCE_INVALID', '扫描件应为 PDF 或图片')
  const fileName = sanitizeFileName(input.fileName, kind)
  return change(
    ctx,
    'evidence',
    async (db, at) => {
      if (!(await findCase(db, input.caseId))) throw appError('CASE_NOT_FOUND', `未找到编号为 ${input.caseId} 的案件`)
      await assertNotLocked(db, input.caseId)
      if (input.kind === 'scan') {
        const doc = input.documentId ? await findDocument(db, input.documentId) : null
        if (!doc || doc.caseId !== input.caseId) throw appError('DOCUMENT_NOT_FOUND', '扫描件须对应本案一份已签发的文书')
        if (doc.status !== 'issued') throw appError('DOCUMENT_NOT_ISSUED', `${doc.title}尚未签发，不能登记签字扫描件`)
      }
      const blob = await recordBlob(db, ctx.home.blobs, bytes, info.mime, at)
      const existing = await findCaseEvidenceByHash(db, input.caseId, blob.sha256)
      if (existing)
        throw appError('EVIDENCE_DUPLICATE', `同一文件已作为“${existing.description}”登记（编号 ${existing.id}）`, {
          existingId: existing.id
        })
      const id = await insertEvidence(db, {
        caseId: input.caseId,
        kind: input.kind,
        evidenceType: input.evidenceType ?? null,
        description: input.description,
        source: input.source,
        collector: input.collector,
        collectedAt: input.collectedAt ?? null,
        place: input.place,
        documentId: input.documentId ?? null,
        sha256: blob.sha256,
        fileName,
        mime: info.mime,
        size: bytes.length,
        createdBy: ctx.actor,
        createdAt: at
      })
      return (await findEvidence(db, id))!
    },
    (e) => ({
      action: 'evidence.add',
      targetType: 'evidence',
      targetId: e.id,
      caseId: String(e.caseId),
      summary: `登记${e.kind === 'scan' ? '签字扫描件' : e.kind === 'av' ? '音像记录' : `证据（${e.evidenceType ?? ''}）`}：${e.description}（${e.fileName}）`,
      detail: { ...e }
    })
  )
}

export function evidenceList(ctx: ServiceContext, input: { caseId: number }) {
  return caseEvidence(ctx.home.store, input.caseId)
}

export async function evidenceFile(ctx: ServiceContext, input: { id: number }) {
  const e = await findEvidence(ctx.home.store, input.id)
  if (!e) throw appError('EVIDENCE_NOT_FOUND', `未找到编号为 ${input.id} 的证据`)
  return { fileName: e.fileName, mime: e.mime, base64: ctx.home.blobs.get(e.sha256).toString('base64') }
}
