/**
 * Archiving (立卷归档): a BagIt-style package — the (signed) bundle, the issued DOCX originals, the original
 * attachments, the case's activity record with its hashes, and SHA-256 manifests — written to a temp folder
 * and renamed into place; then the dossier is locked with its archive number, retention and date.
 * `verifyPath` checks a bundle or a package and says exactly what differs.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { appError } from '../core/errors'
import { canonical, entryHash, listActivity, sha256Hex } from '../store/activity'
import { caseDocuments } from '../store/repos/documents'
import { findCase } from '../store/repos/cases'
import { getAgency } from '../store/repos/agency'
import { caseEvidence } from '../store/repos/evidence'
import { verifyPdfSignature } from '../pdf/verify'
import { today, transact, type ServiceContext } from './context'
import { dossierShow, exportBundle, removeQuietly, tempSibling, type ExportOptions } from './dossier'
import { archiveCase, provisionalArchiveNumber, retentionFor } from './ops/archive-seal'

const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

function walk(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...walk(p))
    else out.push(p)
  }
  return out
}

export async function dossierArchive(
  ctx: ServiceContext,
  opts: Omit<ExportOptions, 'outPath' | 'archive'> & { outDir: string; fingerprint?: string | undefined }
) {
  const db = ctx.home.store
  const outDir = resolve(opts.outDir)
  const c = await findCase(db, opts.caseId)
  if (!c) throw appError('CASE_NOT_FOUND', `未找到编号为 ${opts.caseId} 的案件`)
  const view = await dossierShow(ctx, { caseId: c.id })
  if (view.record?.locked) throw appError('DOSSIER_LOCKED', `案卷已于${view.record.archivedOn}归档（归档号 ${view.record.archiveNumber}）`)
  if (!['closed', 'dossier'].includes(c.status)) throw appError('DOSSIER_CASE_NOT_CLOSED', '案件尚未结案，不能归档')
  // the dossier view decides whether its contents may be archived (archiveReady); the message says why not
  if (!view.archiveReady && !view.completeness.complete) {
    throw appError('DOSSIER_INCOMPLETE', `案卷不完整，不能归档：${view.completeness.missing.map((m) => m.message).join('；')}`, {
      issues: view.completeness.missing.map((m) => ({ path: m.type ?? m.code, message: m.message }))
    })
  }
  if (!view.archiveReady) throw appError('DOSSIER_REVIEW_VETO', `案卷评查存在否决项：${view.review.veto.join('；')}`)
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw appError('EXPORT_FOLDER_NOT_EMPTY', `目标文件夹不是空的：${outDir}`)

  const t = today(ctx)
  const year = Number(t.slice(0, 4))
  // the archive number is taken only when the package is complete (below); this one is for the cover
  const provisional = await provisionalArchiveNumber(db, year)
  const retention = await retentionFor(db, c.procedure)
  const tmp = tempSibling(outDir)
  try {
    const data = join(tmp, 'data')
    mkdirSync(join(data, 'documents'), { recursive: true })
    mkdirSync(join(data, 'attachments'), { recursive: true })
    const bundle = await exportBundle(ctx, {
      ...opts,
      outPath: join(data, '案卷.pdf'),
      archive: { number: provisional, retention, archivedOn: t }
    })
    opts.onProgress?.('package', 0, 1)
    for (const d of (await caseDocuments(db, c.id)).filter((x) => x.status !== 'draft' && x.docxSha256)) {
      writeFileSync(
        join(data, 'documents', `${d.id}_${safe(d.number ?? d.title)}${d.status === 'voided' ? '_作废' : ''}.docx`),
        ctx.home.blobs.get(d.docxSha256!)
      )
    }
    for (const e of await caseEvidence(db, c.id))
      writeFileSync(join(data, 'attachments', `${e.id}_${e.fileName}`), ctx.home.blobs.get(e.sha256))
    const activity = (await listActivity(db, { caseId: String(c.id), limit: 100000 })).reverse()
    writeFileSync(
      join(data, 'activity.json'),
      JSON.stringify(
        {
          caseId: c.id,
          caseNumber: c.number,
          exportedAt: new Date().toISOString(),
          hashAlgorithm: 'SHA-256 over RFC 8785 canonical JSON',
          entries: activity
        },
        null,
        1
      )
    )
    writeFileSync(join(tmp, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')
    const files = walk(data).sort()
    const payloadBytes = files.reduce((n, f) => n + statSync(f).size, 0)
    writeFileSync(
      join(tmp, 'manifest-sha256.txt'),
      files.map((f) => `${sha256File(f)}  ${relative(tmp, f).split(sep).join('/')}`).join('\n') + '\n'
    )
    writeFileSync(
      join(tmp, 'bag-info.txt'),
      [
        `Source-Organization: ${(await getAgency(db))!.name}`,
        `External-Identifier: ${c.number ?? c.id}`,
        `External-Description: ${c.name}`,
        `Bagging-Date: ${t}`,
        `Payload-Oxum: ${payloadBytes}.${files.length}`,
        `Archive-Number: ${provisional}`,
        `Retention-Period: ${retention}`,
        `Bundle-Pages: ${bundle.totalPages}`,
        ...(opts.fingerprint ? [`Signer-Certificate-SHA256: ${opts.fingerprint}`] : [])
      ].join('\n') + '\n'
    )
    const tags = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt']
    writeFileSync(join(tmp, 'tagmanifest-sha256.txt'), tags.map((f) => `${sha256File(join(tmp, f))}  ${f}`).join('\n') + '\n')
    opts.onProgress?.('package', 1, 1)
    if (opts.signal?.aborted) throw appError('JOB_CANCELLED', '已取消归档，未生成任何文件')

    // lock the dossier and move the case to 已归档 in one transaction, then put the package in place
    const bundleSha = sha256File(join(data, '案卷.pdf'))
    const record = await transact(ctx, (tx) =>
      archiveCase(tx, {
        caseId: c.id,
        date: t,
        bundleSha256: bundleSha,
        expected: provisional,
        pages: bundle.totalPages,
        detail: { files: files.length, outDir }
      })
    )
    mkdirSync(resolve(outDir, '..'), { recursive: true })
    if (existsSync(outDir)) removeQuietly(outDir) // empty, checked above
    renameSync(tmp, outDir)
    return { outDir, ...record, pages: bundle.totalPages, files: files.length }
  } catch (err) {
    removeQuietly(tmp)
    throw err
  }
}

export interface VerifyReport {
  ok: boolean
  kind: 'bundle' | 'package'
  problems: string[]
  checked: number
  signature: ReturnType<typeof verifyPdfSignature> | null
}

/** Check a signed bundle, or an archive package folder (manifests, bundle signature, activity hashes). */
export function verifyPath(path: string, opts: { expectedFingerprintSha256?: string | undefined } = {}): VerifyReport {
  const p = resolve(path)
  if (!existsSync(p)) return { ok: false, kind: 'bundle', problems: [`找不到：${p}`], checked: 0, signature: null }
  if (statSync(p).isFile()) {
    const sig = verifyPdfSignature(readFileSync(p), opts)
    return { ok: sig.ok, kind: 'bundle', problems: sig.problems, checked: 1, signature: sig }
  }
  const problems: string[] = []
  let checked = 0
  const manifestPath = join(p, 'manifest-sha256.txt')
  if (!existsSync(join(p, 'bagit.txt'))) problems.push('缺少 bagit.txt（不是归档包）')
  if (!existsSync(manifestPath))
    return { ok: false, kind: 'package', problems: [...problems, '缺少 manifest-sha256.txt'], checked, signature: null }
  const listed = new Map<string, string>()
  for (const line of readFileSync(manifestPath, 'utf8').split('\n').filter(Boolean)) {
    const m = line.match(/^([0-9a-f]{64}) {2}(.+)$/)
    if (!m) problems.push(`清单行格式错误：${line}`)
    else listed.set(m[2]!, m[1]!)
  }
  const present = new Set(existsSync(join(p, 'data')) ? walk(join(p, 'data')).map((f) => relative(p, f).split(sep).join('/')) : [])
  for (const [file, sum] of listed) {
    if (!present.has(file)) {
      problems.push(`缺少文件：${file}`)
      continue
    }
    checked++
    const actual = sha256File(join(p, file))
    if (actual !== sum) problems.push(`文件已被修改：${file}（SHA-256 应为 ${sum.slice(0, 12)}…，实为 ${actual.slice(0, 12)}…）`)
  }
  for (const f of present) if (!listed.has(f)) problems.push(`清单外的文件：${f}`)
  const tagPath = join(p, 'tagmanifest-sha256.txt')
  if (existsSync(tagPath)) {
    for (const line of readFileSync(tagPath, 'utf8').split('\n').filter(Boolean)) {
      const [sum, file] = line.split(/ {2}/)
      if (file && existsSync(join(p, file)) && sha256File(join(p, file)) !== sum) problems.push(`标签文件已被修改：${file}`)
    }
  } else problems.push('缺少 tagmanifest-sha256.txt')
  let signature: VerifyReport['signature'] = null
  const bundlePath = join(p, 'data', '案卷.pdf')
  if (existsSync(bundlePath)) {
    signature = verifyPdfSignature(readFileSync(bundlePath), opts)
    if (!signature.ok) problems.push(...signature.problems.map((x) => `案卷.pdf：${x}`))
  } else problems.push('缺少 data/案卷.pdf')
  const activityPath = join(p, 'data', 'activity.json')
  if (existsSync(activityPath)) {
    try {
      const a = JSON.parse(readFileSync(activityPath, 'utf8')) as {
        entries: { seq: number; detail: unknown; digest: string; hash: string }[]
      }
      for (const e of a.entries) {
        const { hash, detail, ...rest } = e as unknown as Parameters<typeof entryHash>[0] & { hash: string; detail: unknown }
        if (sha256Hex(canonical(detail)) !== rest.digest) problems.push(`全过程记录第${e.seq}条内容与摘要不符`)
        else if (entryHash(rest) !== hash) problems.push(`全过程记录第${e.seq}条已被修改`)
      }
    } catch {
      problems.push('activity.json 不是有效的全过程记录')
    }
  }
  return { ok: problems.length === 0, kind: 'package', problems, checked, signature }
}
