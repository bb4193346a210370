/** The bodies of the long jobs, run inside the worker thread (or in-process where no worker can start). */
import type { Progress } from '../jobs/types'
import type { Principal } from '../core/roles'
import type { ServiceContext } from './context'
import { exportBundle } from './dossier'
import { dossierArchive } from './archive'
import { signerFor, withPdfTools } from './pdf-tools'

export type JobRequest =
  | {
      kind: 'dossier.export'
      home: string
      /** the bureau server's PostgreSQL database (absent for a desk home) */
      database?: string | undefined
      actor: string
      /** the signed-in user who started the job, named on its activity entries */
      principal?: Principal | null
      version: string
      now?: number
      input: { caseId: number; outPath: string; sign: boolean; password?: string | undefined }
    }
  | {
      kind: 'dossier.archive'
      home: string
      /** the bureau server's PostgreSQL database (absent for a desk home) */
      database?: string | undefined
      actor: string
      /** the signed-in user who started the job, named on its activity entries */
      principal?: Principal | null
      version: string
      now?: number
      input: { caseId: number; outDir: string; password?: string | undefined }
    }

export type { Progress }

export async function runJobBody(ctx: ServiceContext, req: JobRequest, progress: Progress, signal: AbortSignal): Promise<unknown> {
  if (req.kind === 'dossier.export') {
    const signer = req.input.sign ? await signerFor(ctx, { password: req.input.password }) : null
    return withPdfTools(ctx, (tools) =>
      exportBundle(ctx, {
        caseId: req.input.caseId,
        outPath: req.input.outPath,
        ...tools,
        sign: signer?.sign,
        onProgress: progress,
        signal
      })
    )
  }
  const signer = await signerFor(ctx, { password: req.input.password })
  return withPdfTools(ctx, (tools) =>
    dossierArchive(ctx, {
      caseId: req.input.caseId,
      outDir: req.input.outDir,
      ...tools,
      sign: signer.sign,
      fingerprint: signer.fingerprint,
      onProgress: progress,
      signal
    })
  )
}
