/** What a CLI command calls: the same interface for a local home and for a bureau server (run.ts, remote.ts). */
import type { z } from 'zod'
import type { Channel, ChannelOutput, Contract } from '../contract'

export type JobChannel = 'dossiers.export' | 'dossiers.archive'
export type JobState = ChannelOutput<'jobs.get'>
export type Progress = (stage: string, done: number, total: number, item?: string) => void

export interface Door {
  /** Call one channel with input the command built from its options. */
  run<C extends Channel>(channel: C, input: z.input<Contract[C]['input']>): Promise<ChannelOutput<C>>
  /** Call one channel with input the user wrote as JSON (`--data`, a file): `invoke` validates it like any other. */
  runJson<C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>>
  /** Start a job channel, relay its progress, and return the finished job; a failed job leaves as its AppError. */
  runJob<C extends JobChannel>(channel: C, input: z.input<Contract[C]['input']>, onProgress: Progress): Promise<JobState>
}
