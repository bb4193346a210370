/**
 * How the CLI speaks: lines on stdout (or JSON with --json), and one error type. Every failure a command reports is
 * an AppError, printed the same way (`casebinder: CODE: message`) with the exit code documented in the README:
 * 1 rejected input or failed operation, 2 usage, 3 activity record broken, 4 verification failed.
 */
import type { AppError, ErrorCode } from '../core/errors'

export const EXIT = { failed: 1, usage: 2, chainBroken: 3, verifyFailed: 4 } as const

export class CliFailure extends Error {
  constructor(
    readonly error: AppError,
    readonly exitCode: number = EXIT.failed
  ) {
    super(describe(error))
  }
}

/** Fail the command with an AppError. */
export function fail(code: ErrorCode, message: string, details?: AppError['details'], exitCode: number = EXIT.failed): never {
  throw new CliFailure(details ? { code, message, details } : { code, message }, exitCode)
}

/** `CODE: message`, with every field problem when there are several. */
export function describe(e: AppError): string {
  const fields = e.details?.issues?.map((i) => `${i.path || '(input)'}: ${i.message}`) ?? []
  return `${e.code}: ${e.message}${fields.length > 1 ? ` [${fields.join('; ')}]` : ''}`
}

export interface Printer {
  line(s: string): void
  json(v: unknown): void
}

export function printerFor(out: (s: string) => void): Printer {
  return { line: out, json: (v) => out(JSON.stringify(v, null, 2)) }
}

/** A document check finding, as `documents check`, `draft` and `documents set` print it. */
export function findingLine(f: { severity: string; field: string | null; message: string; fix?: string | undefined }): string {
  return `${f.severity === 'error' ? '错误' : '提示'} ${f.field ?? ''} ${f.message}${f.fix ? ` → ${f.fix}` : ''}`
}

/** Progress of a long job on stderr, only when it is a terminal. */
export const progressLine = (stage: string, done: number, total: number, item?: string): void => {
  if (process.stderr.isTTY) process.stderr.write(`\r${stage} ${done}/${total} ${item ?? ''}`.padEnd(70).slice(0, 100))
}
export const endProgress = (): void => {
  if (process.stderr.isTTY) process.stderr.write('\n')
}
