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

  it('tells how long until the next attempt is allowed', () => {
    let now = 0
    const limiter = new AttemptLimiter(2, 60_000, () => now)
    expect(limiter.msUntilNext('a')).toBe(0)
    limiter.tryAttempt('a')
    now = 10_000
    limiter.tryAttempt('a')
    now = 15_000
    expect(limiter.tryAttempt('a')).toBe(false)
    // The first attempt leaves the window at 60 s, 45 s from now.
    expect(limiter.msUntilNext('a')).toBe(45_000)
    now = 60_000
    expect(limiter.msUntilNext('a')).toBe(0)
  })
})
