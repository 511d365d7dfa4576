import { describe, expect, it } from 'vitest'
import { jsonTextNestsDeeperThan, nestsDeeperThan } from './jsonDepth.ts'

describe('depth of a value, measured without recursion', () => {
  it('measures values nested far deeper than the call stack allows', () => {
    let deep: unknown = 0
    for (let i = 0; i < 200_000; i++) deep = [deep]
    expect(nestsDeeperThan(deep, 64)).toBe(true)
    expect(nestsDeeperThan({ a: [{ b: [1, 2, { c: 'x' }] }] }, 5)).toBe(false)
    expect(nestsDeeperThan({ a: [{ b: [1, 2, { c: 'x' }] }] }, 4)).toBe(true)
    expect(nestsDeeperThan('flat', 0)).toBe(false)
  })

  it('reads JSON text without parsing it, brackets in strings aside', () => {
    const text = `${'['.repeat(200_000)}${']'.repeat(200_000)}`
    expect(jsonTextNestsDeeperThan(text, 64)).toBe(true)
    expect(jsonTextNestsDeeperThan('{"name":"[[[[[[[[[[","q":"\\"[[[["}', 1)).toBe(false)
    expect(jsonTextNestsDeeperThan('{"a":{"b":[1]}}', 2)).toBe(true)
    expect(jsonTextNestsDeeperThan('{"a":{"b":[1]}}', 3)).toBe(false)
  })
})
