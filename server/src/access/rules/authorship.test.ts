import { describe, expect, it } from 'vitest'
import { Authorship } from './authorship.ts'

const none = () => 0

describe('client ids belong to whoever claimed them first', () => {
  it('lets an author write under a new id, and again after a restart, but nobody else', () => {
    const authorship = new Authorship()
    const first = authorship.authorize([7], 'facilitator', 'facilitator', none)
    expect(first).toEqual({
      ok: true,
      claims: {
        identity: 'facilitator',
        stored: [{ clientId: 7, author: 'facilitator' }],
        live: [],
      },
    })
    if (first.ok) authorship.commit(first.claims)
    expect(authorship.authorize([7], 'mallory', 'mallory', () => 12)).toEqual({
      ok: false,
      clientId: 7,
    })
    // A restarted server knows the claim from storage.
    const restarted = new Authorship([{ clientId: 7, author: 'facilitator' }])
    expect(restarted.authorize([7], 'facilitator', 'facilitator', () => 12)).toMatchObject({
      ok: true,
      claims: { stored: [] },
    })
    expect(restarted.authorize([7], 'mallory', 'mallory', () => 12)).toMatchObject({ ok: false })
  })

  it('leaves ids with stored structs and no known author to nobody', () => {
    const authorship = new Authorship()
    expect(authorship.authorize([9], 'anyone', 'anyone', () => 3)).toEqual({
      ok: false,
      clientId: 9,
    })
  })

  it('an id announced in presence is claimed before its owner writes anything', () => {
    const authorship = new Authorship()
    expect(authorship.claimPresence(5, 'facilitator')).toBe(true)
    expect(authorship.claimPresence(5, 'mallory')).toBe(false)
    expect(authorship.authorize([5], 'mallory', 'mallory', none)).toEqual({
      ok: false,
      clientId: 5,
    })
    const own = authorship.authorize([5], 'facilitator', 'facilitator', none)
    expect(own).toMatchObject({ ok: true, claims: { stored: [{ clientId: 5 }] } })
  })

  it('a connection without an author key holds its ids only while connected', () => {
    const authorship = new Authorship()
    const verdict = authorship.authorize([3], 'connection:1', null, none)
    expect(verdict).toEqual({
      ok: true,
      claims: { identity: 'connection:1', stored: [], live: [3] },
    })
    if (verdict.ok) authorship.commit(verdict.claims)
    expect(authorship.authorize([3], 'connection:2', null, () => 1)).toMatchObject({ ok: false })
    // Presence-only claims of people gone are forgotten; written ones are not.
    authorship.claimPresence(4, 'connection:1')
    authorship.forgetGone(new Set(), (id) => (id === 3 ? 1 : 0))
    expect(authorship.ownerOf(4)).toBeUndefined()
    expect(authorship.ownerOf(3)).toBe('connection:1')
  })

  it('checks before it changes anything: a refused update claims nothing', () => {
    const authorship = new Authorship()
    authorship.claimPresence(2, 'victim')
    expect(authorship.authorize([1, 2], 'mallory', 'mallory', none)).toMatchObject({ ok: false })
    expect(authorship.ownerOf(1)).toBeUndefined()
  })
})
