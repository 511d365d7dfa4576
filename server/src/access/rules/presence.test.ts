import { describe, expect, it } from 'vitest'
import { DEFAULT_WRITE_LIMITS } from '../limits.ts'
import { Authorship } from './authorship.ts'
import { admitPresence } from './presence.ts'

const limits = {
  maxStateBytes: 200,
  maxIdsPerConnection: 2,
  maxRoomBytes: 1000,
  maxJsonDepth: DEFAULT_WRITE_LIMITS.maxJsonDepth,
}
const emptyRoom = { bytesOf: () => 0, totalBytes: 0 }
const state = (name: string) => JSON.stringify({ presence: { name } })
const sender = (identity: string, announced: number[] = []) => ({
  identity,
  awarenessClients: new Set(announced),
})

describe('presence a connection may publish', () => {
  it('only for its own client ids: a spoofed state or goodbye for someone else is dropped', () => {
    const authorship = new Authorship()
    const alice = admitPresence(
      [{ clientId: 1, clock: 1, state: state('Alice') }],
      sender('alice'),
      authorship,
      emptyRoom,
      limits,
    )
    expect(alice).toHaveLength(1)
    const mallory = admitPresence(
      [
        { clientId: 1, clock: 9, state: state('MALLORY') },
        { clientId: 1, clock: 10, state: 'null' },
        { clientId: 66, clock: 1, state: state('Mallory') },
      ],
      sender('mallory'),
      authorship,
      emptyRoom,
      limits,
    )
    expect(mallory.map((e) => e.clientId)).toEqual([66])
  })

  it('within a size per state, a depth, a number of ids per connection and a room total', () => {
    const authorship = new Authorship()
    const big = { clientId: 1, clock: 1, state: JSON.stringify({ p: 'x'.repeat(300) }) }
    const deep = { clientId: 2, clock: 1, state: `${'['.repeat(100)}${']'.repeat(100)}` }
    expect(admitPresence([big, deep], sender('a'), authorship, emptyRoom, limits)).toEqual([])
    const many = Array.from({ length: 300 }, (_, i) => ({
      clientId: 100 + i,
      clock: 1,
      state: state('x'),
    }))
    expect(admitPresence(many, sender('b'), authorship, emptyRoom, limits)).toHaveLength(2)
    const fullRoom = { bytesOf: () => 0, totalBytes: 990 }
    expect(
      admitPresence(
        [{ clientId: 5, clock: 1, state: state('late') }],
        sender('c'),
        authorship,
        fullRoom,
        limits,
      ),
    ).toEqual([])
  })
})
