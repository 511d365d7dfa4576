import type { Redis } from 'ioredis'
import type { AttemptCounters } from '../http/attemptCounter.ts'
import { memoryAttemptCounters } from '../http/attemptCounter.ts'
import type { Logger } from '../logger.ts'

/**
 * A sliding window in a sorted set, in one script so that two instances counting the same
 * address at once cannot both pass: drop what left the window, refuse when full (with when
 * the oldest counted attempt leaves it), else count this one.
 */
const SLIDING_WINDOW = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
local count = redis.call('ZCARD', KEYS[1])
local max = tonumber(ARGV[3])
if count >= max then
  local oldest = redis.call('ZRANGE', KEYS[1], count - max, count - max, 'WITHSCORES')
  return tonumber(oldest[2]) + ARGV[2] - ARGV[1]
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return -1
`

let sequence = 0

/**
 * Counters shared by every instance through Redis. While Redis does not answer, each instance
 * counts on its own in memory: the limits then hold per instance rather than not at all.
 */
export function redisAttemptCounters(
  redis: Redis,
  log: Logger,
  /** Keeps deployments (or test runs) sharing one Redis apart. */
  prefix = 'samla:attempts',
): AttemptCounters {
  return (name, max, windowMs) => {
    const fallback = memoryAttemptCounters(name, max, windowMs)
    return {
      async attempt(key) {
        const now = Date.now()
        const member = `${now}:${process.pid}:${sequence++}`
        try {
          const result = Number(
            await redis.eval(
              SLIDING_WINDOW,
              1,
              `${prefix}:${name}:${key}`,
              now,
              windowMs,
              max,
              member,
            ),
          )
          return result < 0
            ? { allowed: true, retryAfterMs: 0 }
            : { allowed: false, retryAfterMs: Math.max(0, result) }
        } catch (err) {
          log.warn('counting in redis failed; counting here', { err })
          return fallback.attempt(key)
        }
      },
    }
  }
}
