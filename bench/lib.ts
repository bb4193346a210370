/** Small helpers shared by the benchmarks: timing, percentiles, a seeded PRNG, JSON-lines output. */
import { performance } from 'node:perf_hooks'

export function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now()
  const value = fn()
  return { ms: performance.now() - t0, value }
}

/** The same for work that resolves later: the time until it has resolved. */
export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now()
  const value = await fn()
  return { ms: performance.now() - t0, value }
}

export function stats(samples: number[]): { n: number; median: number; p95: number; mean: number; min: number; max: number } {
  const s = [...samples].sort((a, b) => a - b)
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))]!
  const round = (x: number) => Math.round(x * 1000) / 1000
  return {
    n: s.length,
    median: round(q(0.5)),
    p95: round(q(0.95)),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length),
    min: round(s[0]!),
    max: round(s.at(-1)!)
  }
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One JSON object per line on stdout: machine-readable results. */
export function emit(result: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(result) + '\n')
}
