/**
 * Exports as jobs: the UI starts one, follows its progress events, may cancel it, and fetches the result.
 */
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { appError } from '../core/errors'
import { findCase } from '../store/repos/cases'
import type { JobState } from '../jobs/types'
import { verifyPath } from './archive'
import { signerFor } from './pdf-tools'
import type { JobRequest } from './job-bodies'
import { today, type ServiceContext } from './context'

async function defaultExportPath(ctx: ServiceContext, caseId: number): Promise<string> {
  const c = await findCase(ctx.home.store, caseId)
  if (!c) throw appError('CASE_NOT_FOUND', `未找到编号为 ${caseId} 的案件`)
  const stem = (c.number ?? `案件${c.id}`).replace(/[\\/:*?"<>|（）〔〕]/g, '_')
  return join(ctx.home.paths.exports, `${stem}_案卷_${today(ctx)}_${Date.now()}.pdf`)
}

function base(ctx: ServiceContext) {
  return {
    home: ctx.home.location.root,
    database: ctx.home.location.database,
    actor: ctx.actor,
    principal: ctx.principal,
    version: ctx.version,
    now: ctx.now().getTime()
  }
}

/** Export in a worker thread; wrong passwords and unknown cases fail at once, before a job starts. */
export async function dossiersExport(
  ctx: ServiceContext,
  input: { caseId: number; sign: boolean; password?: string | undefined; outPath?: string | undefined }
): Promise<JobState> {
  const outPath = input.outPath ?? (await defaultExportPath(ctx, input.caseId))
  if (input.sign) await signerFor(ctx, { password: input.password })
  const req: JobRequest = {
    kind: 'dossier.export',
    ...base(ctx),
    input: { caseId: input.caseId, outPath, sign: input.sign, password: input.password }
  }
  return ctx.jobs.startInWorker(req.kind, req, ctx.principal?.userId ?? null)
}

export async function dossiersArchive(
  ctx: ServiceContext,
  input: { caseId: number; outDir: string; password?: string | undefined }
): Promise<JobState> {
  if (!(await findCase(ctx.home.store, input.caseId))) throw appError('CASE_NOT_FOUND', `未找到编号为 ${input.caseId} 的案件`)
  await signerFor(ctx, { password: input.password })
  const req: JobRequest = { kind: 'dossier.archive', ...base(ctx), input }
  return ctx.jobs.startInWorker(req.kind, req, ctx.principal?.userId ?? null)
}

export function jobsGet(ctx: ServiceContext, input: { jobId: string }): JobState {
  return mustJob(ctx, input.jobId)
}

/** The job, when the caller may see it: their own (or any, for a trusted caller without a principal). */
function mustJob(ctx: ServiceContext, jobId: string): JobState {
  const j = ctx.jobs.get(jobId)
  const theirs = j !== null && (ctx.principal === null || j.ownerId === null || j.ownerId === ctx.principal.userId)
  // another user's job is not found, as an unknown one: its id says nothing about it
  if (!j || !theirs) throw appError('JOB_NOT_FOUND', `没有编号为 ${jobId} 的任务`)
  return j
}

export function jobsCancel(ctx: ServiceContext, input: { jobId: string }) {
  mustJob(ctx, input.jobId)
  return { cancelled: ctx.jobs.cancel(input.jobId) }
}

/** The PDF an export job produced (for a browser download). */
export function jobsFile(ctx: ServiceContext, input: { jobId: string }) {
  const j = mustJob(ctx, input.jobId)
  const path = (j.result as { path?: string } | undefined)?.path
  if (j.status !== 'done' || !path) throw appError('JOB_NOT_DONE', '任务尚未完成或没有生成文件')
  return { fileName: path.split(/[\\/]/).pop()!, base64: readFileSync(path).toString('base64') }
}

export function dossiersVerify(_ctx: ServiceContext, input: { path: string; expectedFingerprintSha256?: string | undefined }) {
  return verifyPath(input.path, { expectedFingerprintSha256: input.expectedFingerprintSha256 })
}
