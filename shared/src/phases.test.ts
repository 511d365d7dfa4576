import { describe, expect, it } from 'vitest'
import { phaseOrder, visiblePhases, withPhaseShown } from './phases.ts'

const order = ['page:one', 'page:two', 'page:three', 'page:four']
const at = (currentPhase: string | null, shownPhases: string[] | null = null) => ({
  currentPhase,
  shownPhases,
})

describe('which phases participants see', () => {
  it('by default, every phase up to and including the current one', () => {
    expect(visiblePhases(at('page:one'), order)).toEqual(['page:one'])
    expect(visiblePhases(at('page:three'), order)).toEqual(['page:one', 'page:two', 'page:three'])
  })

  it('with no current phase, or one that is not a page, only the first phase', () => {
    expect(visiblePhases(at(null), order)).toEqual(['page:one'])
    expect(visiblePhases(at('page:gone'), order)).toEqual(['page:one'])
    expect(visiblePhases(at(null), [])).toEqual([])
  })

  it('once the facilitator chose, the phases they opened and the current one, in page order', () => {
    expect(visiblePhases(at('page:two', ['page:four', 'page:one']), order)).toEqual([
      'page:one',
      'page:two',
      'page:four',
    ])
    // The current phase stays visible even if the list leaves it out; unknown ids are ignored.
    expect(visiblePhases(at('page:three', ['page:gone']), order)).toEqual(['page:three'])
  })

  it('showing or hiding one phase keeps what the default showed', () => {
    const shown = withPhaseShown(at('page:two'), order, 'page:four', true)
    expect(shown).toEqual(['page:one', 'page:two', 'page:four'])
    expect(visiblePhases(at('page:two', shown), order)).toEqual([
      'page:one',
      'page:two',
      'page:four',
    ])
    const hidden = withPhaseShown(at('page:two', shown), order, 'page:one', false)
    expect(visiblePhases(at('page:two', hidden), order)).toEqual(['page:two', 'page:four'])
  })
})

describe('the order of phases', () => {
  it('follows the pages’ fractional index, then the id', () => {
    expect(
      phaseOrder([
        { id: 'page:c', index: 'a2' },
        { id: 'page:b', index: 'a1' },
        { id: 'page:a', index: 'a1' },
        { id: 'page:d', index: 'a10' },
      ]),
    ).toEqual(['page:a', 'page:b', 'page:d', 'page:c'])
  })
})
