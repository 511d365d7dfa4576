import { describe, expect, it } from 'vitest'
import { AddressBudget } from './addressBudget.ts'

const HOUR_MS = 60 * 60 * 1000

describe('AddressBudget', () => {
  it('counts votes standing per meeting, round and address', () => {
    const budget = new AddressBudget()
    budget.take('m1', 'r1', '10.0.0.1')
    budget.take('m1', 'r1', '10.0.0.1')
    expect(budget.allows('m1', 'r1', '10.0.0.1', 2)).toBe(false)
    expect(budget.allows('m1', 'r1', '10.0.0.2', 2)).toBe(true)
    expect(budget.allows('m1', 'r2', '10.0.0.1', 2)).toBe(true)
    expect(budget.allows('m2', 'r1', '10.0.0.1', 2)).toBe(true)
    budget.giveBack('m1', 'r1', '10.0.0.1')
    expect(budget.allows('m1', 'r1', '10.0.0.1', 2)).toBe(true)
  })

  it('never goes below zero when another address takes a vote back', () => {
    const budget = new AddressBudget()
    budget.take('m1', 'r1', '10.0.0.1')
    budget.giveBack('m1', 'r1', '10.0.0.2')
    budget.giveBack('m1', 'r1', '10.0.0.2')
    budget.take('m1', 'r1', '10.0.0.2')
    expect(budget.allows('m1', 'r1', '10.0.0.2', 1)).toBe(false)
    expect(budget.allows('m1', 'r1', '10.0.0.1', 1)).toBe(false)
  })

  it('forgets a round nobody voted in for twelve hours, and keeps one in use', () => {
    let now = 0
    const budget = new AddressBudget(() => now)
    budget.take('m1', 'idle', '10.0.0.1')
    budget.take('m1', 'busy', '10.0.0.1')
    now = 11 * HOUR_MS
    budget.take('m1', 'busy', '10.0.0.2')
    now = 13 * HOUR_MS
    budget.take('m1', 'other', '10.0.0.1')
    expect(budget.allows('m1', 'idle', '10.0.0.1', 1)).toBe(true)
    expect(budget.allows('m1', 'busy', '10.0.0.1', 1)).toBe(false)
  })
})
