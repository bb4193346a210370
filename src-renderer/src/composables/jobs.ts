import { onBeforeUnmount, ref } from 'vue'
import type { ChannelOutput } from '../../../src-main/contract'
import { api } from '../api/client'

export type JobState = ChannelOutput<'jobs.get'>

/** The stages a dossier export / archive job goes through, in order (for the overall progress). */
const STAGES = ['start', 'rendition', 'front-matter', 'assemble', 'sign', 'package'] as const

/** Overall percentage from the stage and the count within it. */
export function jobPercent(job: JobState | null, withPackage = false): number {
  if (!job) return 0
  if (job.status === 'done') return 100
  const stages = withPackage ? STAGES.slice(1) : STAGES.slice(1, 5)
  const i = stages.indexOf(job.stage as (typeof stages)[number])
  if (i < 0) return 0
  const within = job.total > 0 ? Math.min(1, job.done / job.total) : 0
  return Math.min(99, Math.round(((i + within) / stages.length) * 100))
}

/**
 * Follow a job: progress from job.progress events, the end from job.done, with a slow poll of jobs.get as a
 * safety net (an event missed while the event stream was connecting). `cancel` asks the worker to stop.
 */
export function useJob() {
  const job = ref<JobState | null>(null)
  let stop: (() => void) | null = null
  let timer: ReturnType<typeof setInterval> | null = null
  let settle: ((j: JobState) => void) | null = null

  function cleanup() {
    stop?.()
    stop = null
    if (timer) clearInterval(timer)
    timer = null
  }

  async function finish(id: string) {
    if (!settle || job.value?.id !== id) return
    const done = settle
    settle = null
    cleanup()
    let final: JobState
    try {
      final = await api.call('jobs.get', { jobId: id })
    } catch {
      final = { ...job.value, status: 'failed' }
    }
    job.value = final
    done(final)
  }

  /** Track a job that was just started; resolves with its final state. */
  function track(initial: JobState): Promise<JobState> {
    cleanup()
    job.value = { ...initial }
    const id = initial.id
    return new Promise<JobState>((resolve) => {
      settle = resolve
      stop = api.onEvent((e) => {
        if (!job.value || job.value.id !== id) return
        if (e.type === 'job.progress' && e.jobId === id) {
          job.value = { ...job.value, stage: e.stage, done: e.done, total: e.total, item: e.item }
        } else if (e.type === 'job.done' && e.jobId === id) {
          void finish(id)
        }
      })
      timer = setInterval(() => {
        void api
          .call('jobs.get', { jobId: id })
          .then((s) => {
            if (s.status !== 'running') void finish(id)
          })
          .catch(() => undefined)
      }, 1500)
      if (initial.status !== 'running') void finish(id)
    })
  }

  async function cancel() {
    if (!job.value || job.value.status !== 'running') return
    await api.call('jobs.cancel', { jobId: job.value.id })
  }

  function reset() {
    cleanup()
    settle = null
    job.value = null
  }

  onBeforeUnmount(cleanup)

  return { job, track, cancel, reset }
}
