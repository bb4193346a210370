/** Deterministic randomness for the demo: a seeded PRNG (mulberry32) and a string hash for seeds. No Math.random. */

export class Rng {
  private a: number
  constructor(seed: number) {
    this.a = seed >>> 0
  }
  /** mulberry32 */
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0
    let t = this.a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('demo: pick from an empty list')
    return list[Math.floor(this.next() * list.length)]!
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0)
    let x = this.next() * total
    for (const [v, w] of entries) {
      x -= w
      if (x < 0) return v
    }
    return entries.at(-1)![0]
  }
}

export function hashSeed(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}
