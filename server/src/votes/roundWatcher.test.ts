import type { Voting } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import { roundChanges } from './roundWatcher.ts'

const round = (state: Voting['state'], id = 'round-a'): Voting => ({
  round: id,
  pageId: 'page:one',
  votesPerPerson: 3,
  state,
})

describe('what a change of the voting control records', () => {
  it('a start, a close and a reveal each once; the count is taken when it closes or is revealed', () => {
    expect(roundChanges(null, round('open'))).toEqual([
      { voting: round('open'), state: 'open', ends: false },
    ])
    expect(roundChanges(round('open'), round('closed'))).toEqual([
      { voting: round('closed'), state: 'closed', ends: true },
    ])
    expect(roundChanges(round('closed'), round('revealed'))).toEqual([
      { voting: round('revealed'), state: 'revealed', ends: true },
    ])
    // The same state again (another control changed along with it) records nothing.
    expect(roundChanges(round('revealed'), round('revealed'))).toEqual([])
  })

  it('a running round ended or replaced ends there, closed; one that had ended stays as it was', () => {
    expect(roundChanges(round('open'), null)).toEqual([
      { voting: round('open'), state: 'closed', ends: true },
    ])
    expect(roundChanges(round('open'), round('open', 'round-b'))).toEqual([
      { voting: round('open'), state: 'closed', ends: true },
      { voting: round('open', 'round-b'), state: 'open', ends: false },
    ])
    expect(roundChanges(round('revealed'), null)).toEqual([])
    expect(roundChanges(round('closed'), round('open', 'round-b'))).toEqual([
      { voting: round('open', 'round-b'), state: 'open', ends: false },
    ])
  })
})
