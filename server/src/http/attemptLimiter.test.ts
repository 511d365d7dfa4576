import { describe, expect, it } from 'vitest'
import { AttemptLimiter } from './attemptLimiter.ts'

describe('AttemptLimiter', () => {
  it('allows a number of attempts per key per window, then again once the window has passed', () => {
    let now = 0
    const limiter = new AttemptLimiter(3, 60_000, () => now)
    expect([1, 2, 3].map(() => limiter.tryAttempt('a'))).toEqual([true, true, true])
    expect(limiter.tryAttempt('a')).toBe(false)
    expect(limiter.tryAttempt('b')).toBe(true)
    now = 60_000
    expect(limiter.tryAttempt('a')).toBe(true)
  })
})
