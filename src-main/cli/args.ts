/** Turning argv strings into contract input: repeatable options, numbers, choices, files and JSON. */
import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { fail } from './output'

export const collect = (v: string, prev: string[] = []): string[] => [...prev, v]
export const numbers = (list: string[] | undefined): number[] => (list ?? []).map(Number)
export const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path

export const isOneOf = <T extends string>(values: readonly T[], v: string): v is T => (values as readonly string[]).includes(v)

/**
 * An option checked on its own against the contract's schema for its field (an enum, mostly), so that the value is
 * typed and a wrong one is refused as VALIDATION_FAILED with the same message `invoke` would give.
 */
export function pick<S extends z.ZodType>(schema: S, v: string, option: string): z.output<S>
export function pick<S extends z.ZodType>(schema: S, v: string | undefined, option: string): z.output<S> | undefined
export function pick<S extends z.ZodType>(schema: S, v: string | undefined, option: string): z.output<S> | undefined {
  if (v === undefined) return undefined
  const r = schema.safeParse(v)
  if (r.success) return r.data
  const message = r.error.issues[0]?.message ?? ''
  return fail('VALIDATION_FAILED', `输入有误：${message}`, { issues: [{ path: option, message }] })
}

/** A repeatable option, each value checked like `pick`. */
export function pickAll<S extends z.ZodType>(schema: S, list: string[] | undefined, option: string): z.output<S>[] {
  return (list ?? []).map((v) => pick(schema, v, option))
}

/** Read a file the user named, failing with the command's error code. */
export function readFile(path: string, code: Parameters<typeof fail>[0], encoding: 'utf8'): string
export function readFile(path: string, code: Parameters<typeof fail>[0]): Buffer
export function readFile(path: string, code: Parameters<typeof fail>[0], encoding?: 'utf8'): string | Buffer {
  try {
    return encoding ? readFileSync(path, encoding) : readFileSync(path)
  } catch (err) {
    return fail(code, `cannot read ${path}: ${(err as Error).message}`)
  }
}

/** JSON given inline or as @file.json. */
export function parseJsonArg(text: string, option: string): unknown {
  try {
    return JSON.parse(text.startsWith('@') ? readFileSync(text.slice(1), 'utf8') : text)
  } catch (err) {
    return fail('VALIDATION_FAILED', `${option} is not valid JSON (${(err as Error).message})`)
  }
}

/** `--set field=value` pairs: JSON for lists, numbers and booleans (problems='[{"text":"…"}]', fine=20000); text otherwise. */
export function parseSet(pairs: string[] | undefined): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const p of pairs ?? []) {
    const at = p.indexOf('=')
    if (at < 1) fail('VALIDATION_FAILED', `--set expects field=value, got "${p}"`)
    const key = p.slice(0, at)
    const raw = p.slice(at + 1)
    let value: unknown = raw
    if (/^[[{]|^-?\d+(\.\d+)?$|^(true|false)$/.test(raw)) {
      try {
        value = JSON.parse(raw)
      } catch {
        fail('VALIDATION_FAILED', `--set ${key}: not valid JSON`)
      }
    }
    fields[key] = value
  }
  return fields
}

/** The options the user gave, without the ones left out (an edit names only what it changes). */
export function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  const r: Partial<T> = {}
  for (const [k, v] of Object.entries(o) as [keyof T, T[keyof T]][]) if (v !== undefined) r[k] = v
  return r
}

/** An object with one entry per key of a vocabulary (e.g. every review aspect). */
export function recordOf<K extends string, V>(keys: readonly K[], value: (k: K) => V): Record<K, V> {
  return Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>
}
