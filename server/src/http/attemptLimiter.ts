/**
 * Counts attempts per key (a client address) in a sliding window, with timestamps rather than
 * timers, so nothing keeps running and nothing is left to clean up. Used where a guess is
 * worth something (six-character join codes) and where each request costs storage (creating
 * boards and meetings).
 */
export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>()

  constructor(
    private readonly maxAttempts: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; false when the key has used up its attempts in the window. */
  tryAttempt(key: string): boolean {
    const now = this.now()
    const recent = (this.attempts.get(key) ?? []).filter((t) => now - t < this.windowMs)
    if (recent.length >= this.maxAttempts) {
      this.attempts.set(key, recent)
      return false
    }
    recent.push(now)
    this.attempts.set(key, recent)
    if (this.attempts.size > 10_000) this.prune(now)
    return true
  }

  /** Milliseconds until the key may try again (0 when it may now). */
  msUntilNext(key: string): number {
    const now = this.now()
    const recent = (this.attempts.get(key) ?? []).filter((t) => now - t < this.windowMs)
    // The attempt whose expiry brings the count under the limit again.
    const freeing = recent[recent.length - this.maxAttempts]
    return freeing === undefined ? 0 : freeing + this.windowMs - now
  }

  private prune(now: number): void {
    for (const [key, times] of this.attempts) {
      if (times.every((t) => now - t >= this.windowMs)) this.attempts.delete(key)
    }
  }
}
