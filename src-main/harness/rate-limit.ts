/**
 * A sliding-window rate limit per key (the bureau server counts auth.signIn attempts per client address): at most
 * `limit` attempts in any `windowMs`. A refused attempt is not counted, so a client may try again once its oldest
 * attempt has left the window. The clock is the caller's (tests move it).
 */
export type RateVerdict = { ok: true } | { ok: false; retryAfterMs: number }

export class RateLimiter {
  private readonly hits = new Map<string, number[]>()

  constructor(
    readonly limit: number,
    readonly windowMs: number
  ) {}

  /** Count one attempt for key at now, or refuse it with the time until the next one would pass. */
  hit(key: string, now: number): RateVerdict {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs)
    if (recent.length >= this.limit) {
      this.hits.set(key, recent)
      return { ok: false, retryAfterMs: this.windowMs - (now - recent[0]!) }
    }
    recent.push(now)
    this.hits.set(key, recent)
    if (this.hits.size > 10_000) this.prune(now)
    return { ok: true }
  }

  /** Forget keys whose attempts have all left the window. */
  prune(now: number): void {
    for (const [key, times] of this.hits) if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key)
  }

  get size(): number {
    return this.hits.size
  }
}
