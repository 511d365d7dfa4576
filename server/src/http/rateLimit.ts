import type { MiddlewareHandler } from 'hono'
import { type AttemptCounters, memoryAttemptCounters } from './attemptCounter.ts'
import { clientAddress } from './clientAddress.ts'
import { errorBody } from './errors.ts'

export interface PerAddressLimit {
  /** Requests allowed per address in the window; 0 switches the limit off. */
  max: number
  windowMs: number
  trustProxy: boolean
  /** The error code and message of the 429. */
  code: string
  message: string
  /** Keeps this limit's counts apart from the others' where they are shared. */
  name: string
  /** Where attempts are counted: in memory, or in Redis for several instances. */
  counters?: AttemptCounters
}

/**
 * Allows `max` requests per client address in a sliding window, then answers 429 with a
 * Retry-After (seconds until the oldest counted request leaves the window).
 */
export function limitPerAddress(limit: PerAddressLimit): MiddlewareHandler {
  if (limit.max === 0) return (_c, next) => next()
  const attempts = (limit.counters ?? memoryAttemptCounters)(limit.name, limit.max, limit.windowMs)
  return async (c, next) => {
    const address = clientAddress(c, limit.trustProxy)
    const attempt = await attempts.attempt(address)
    if (attempt.allowed) return next()
    const seconds = Math.max(1, Math.ceil(attempt.retryAfterMs / 1000))
    return c.json(errorBody(limit.code, limit.message), 429, { 'Retry-After': String(seconds) })
  }
}
