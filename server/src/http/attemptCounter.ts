import { AttemptLimiter } from './attemptLimiter.ts'

/** The outcome of one counted attempt. */
export interface Attempt {
  allowed: boolean
  /** Milliseconds until the key may try again (0 when allowed). */
  retryAfterMs: number
}

/**
 * Counts attempts per key in a sliding window. One process counts in memory; several
 * instances count in Redis (cluster/redisAttempts.ts), so that an attacker cannot multiply a
 * limit by the number of instances behind the load balancer.
 */
export interface AttemptCounter {
  attempt(key: string): Promise<Attempt>
}

/** Makes the counter for one limit: `name` keeps limits apart where they are shared. */
export type AttemptCounters = (name: string, max: number, windowMs: number) => AttemptCounter

export const memoryAttemptCounters: AttemptCounters = (_name, max, windowMs) => {
  const limiter = new AttemptLimiter(max, windowMs)
  return {
    async attempt(key) {
      if (limiter.tryAttempt(key)) return { allowed: true, retryAfterMs: 0 }
      return { allowed: false, retryAfterMs: limiter.msUntilNext(key) }
    },
  }
}
