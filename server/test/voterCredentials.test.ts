import crypto from 'node:crypto'
import type { ErrorBody } from '@samla/shared'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from './helpers.ts'
import { meetingWithOpenRound } from './voting.ts'

/**
 * Ballot stuffing (#10 finding 13): voter ids used to be whatever the browser said, and one
 * participant link cast 180 votes in a round of 3 each by making ids up. Now the server issues
 * each browser a credential, counts votes per credential, and bounds per client address both
 * the credentials it hands out and the votes that stand in a round.
 */
const cleanups: Array<() => void | Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const started = await startTestServer(env)
  cleanups.push(() => started.dispose())
  return started
}

async function openRound(url: string, votesPerPerson: number) {
  const m = await meetingWithOpenRound(url, votesPerPerson)
  cleanups.push(() => m.close())
  return m
}

/** An id of the shape the server issues, which it never issued. */
const madeUp = () => crypto.randomBytes(16).toString('base64url')
const codeOf = async (res: Response) => ((await res.json()) as ErrorBody).error.code

describe('voter credentials', () => {
  it('refuses the 180-vote attack with invented voter ids: the tally is what one credential may give', async () => {
    const { url } = await server()
    const m = await openRound(url, 3)
    const participant = m.token('participant')
    const refusals = new Map<string, number>()
    const count = async (res: Response) => {
      const key = `${res.status} ${res.status === 200 ? '' : await codeOf(res)}`
      refusals.set(key, (refusals.get(key) ?? 0) + 1)
    }
    // The attack as it was: a fresh voter id in the body of every request …
    for (let i = 0; i < 180; i++)
      await count(await m.api.vote(participant, null, { voterId: madeUp(), shapeId: 'shape:a' }))
    // … and as it would be now: a made-up credential in the header.
    for (let i = 0; i < 180; i++)
      await count(await m.api.vote(participant, `${madeUp()}.${madeUp()}`, { shapeId: 'shape:a' }))
    expect(Object.fromEntries(refusals)).toEqual({ '401 invalid_voter': 360 })

    // One browser's credential: its three votes are all the tally holds.
    const honest = await m.api.voter(participant)
    for (let i = 0; i < 4; i++)
      expect((await m.api.vote(participant, honest, { shapeId: 'shape:a' })).status).toBe(
        i < 3 ? 200 : 409,
      )

    expect(await m.api.statusOf(m.token('facilitator'))).toMatchObject({
      tally: { 'shape:a': 3 },
      voters: 1,
    })
  })

  it('one credential has votesPerPerson votes, even when it sends ten at once', async () => {
    const { url } = await server()
    const m = await openRound(url, 3)
    const participant = m.token('participant')
    const voter = await m.api.voter(participant)

    const burst = await Promise.all(
      Array.from({ length: 10 }, () => m.api.vote(participant, voter, { shapeId: 'shape:a' })),
    )
    const statuses = burst.map((res) => res.status).sort()
    expect(statuses).toEqual([200, 200, 200, 409, 409, 409, 409, 409, 409, 409])
    expect(await codeOf(burst.find((res) => res.status === 409) as Response)).toBe('no_votes_left')
    expect(await m.api.statusOf(participant, voter)).toMatchObject({
      mine: { 'shape:a': 3 },
      remaining: 0,
    })

    // Taking one back frees exactly one.
    const back = await m.api.vote(participant, voter, { shapeId: 'shape:a' }, { method: 'DELETE' })
    expect(back.status).toBe(200)
    expect((await m.api.vote(participant, voter, { shapeId: 'shape:a' })).status).toBe(200)
    expect((await m.api.vote(participant, voter, { shapeId: 'shape:a' })).status).toBe(409)
    expect(await m.api.statusOf(m.token('facilitator'))).toMatchObject({
      tally: { 'shape:a': 3 },
      voters: 1,
    })
  })

  it('an unknown, forged, malformed or other meeting’s credential is 401 invalid_voter', async () => {
    const { url } = await server()
    const m = await openRound(url, 3)
    const other = await openRound(url, 3)
    const participant = m.token('participant')
    const real = await m.api.voter(participant)
    const elsewhere = await other.api.voter(other.token('participant'))

    const sent = {
      'a wrong secret': { voterId: real.voterId, secret: madeUp() },
      'an unknown voter id': { voterId: madeUp(), secret: real.secret },
      'another meeting’s credential': elsewhere,
      'a malformed header': 'voter-aaaa',
      'a header of three parts': `${real.voterId}.${real.secret}.x`,
      'no header': null,
    }
    for (const [what, credential] of Object.entries(sent)) {
      for (const method of ['POST', 'DELETE']) {
        const res = await m.api.vote(participant, credential, { shapeId: 'shape:a' }, { method })
        expect({ what, method, status: res.status, code: await codeOf(res) }).toEqual({
          what,
          method,
          status: 401,
          code: 'invalid_voter',
        })
      }
      const read = await m.api.status(participant, credential)
      expect({ what, status: read.status, code: await codeOf(read) }).toEqual({
        what,
        status: 401,
        code: 'invalid_voter',
      })
    }
    // None of it counted; the real credential still has all its votes.
    expect(await m.api.statusOf(participant, real)).toMatchObject({ mine: {}, remaining: 3 })
    // The facilitator reads the round without a credential of its own.
    expect(await m.api.statusOf(m.token('facilitator'))).toMatchObject({
      tally: {},
      mine: {},
      voters: 0,
    })
    // The projector cannot get one.
    expect((await m.api.issue(m.token('projector'))).status).toBe(401)
  })

  it('an address gets SAMLA_VOTERS_PER_ADDRESS_PER_HOUR credentials per meeting, then 429 with Retry-After', async () => {
    const { url } = await server({ SAMLA_VOTERS_PER_ADDRESS_PER_HOUR: '3' })
    const m = await openRound(url, 3)
    const participant = m.token('participant')
    const issued = [
      await m.api.voter(participant),
      await m.api.voter(participant),
      await m.api.voter(m.token('facilitator')),
    ]
    expect(new Set(issued.map((c) => c.voterId)).size).toBe(3)

    const refused = await m.api.issue(participant)
    expect(refused.status).toBe(429)
    expect(await codeOf(refused)).toBe('too_many_voters')
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(3500)
    expect(retryAfter).toBeLessThanOrEqual(3600)

    // Each meeting has its own budget: the limit is per meeting, not per school.
    const other = await openRound(url, 3)
    expect((await other.api.issue(other.token('participant'))).status).toBe(201)
  })

  it('an address has at most votesPerPerson × that limit votes standing in a round, however many credentials it holds', async () => {
    // Behind a proxy the address is the header's last hop, which lets one test speak for
    // several: credentials fetched elsewhere (or on earlier hours) all cast from one address.
    const { url } = await server({
      SAMLA_VOTERS_PER_ADDRESS_PER_HOUR: '2',
      SAMLA_TRUST_PROXY: 'true',
    })
    const m = await openRound(url, 2)
    const participant = m.token('participant')
    const from = (address: string) => ({ 'x-forwarded-for': address })
    const credentials = []
    for (const address of ['10.0.0.1', '10.0.0.1', '10.0.0.2', '10.0.0.2', '10.0.0.3'])
      credentials.push(await m.api.voter(participant, from(address)))
    const [c1, c2, c3, c4, c5] = credentials
    const vote = (credential: typeof c1, address: string, method = 'POST') =>
      m.api.vote(
        participant,
        credential ?? null,
        { shapeId: 'shape:a' },
        {
          method,
          headers: from(address),
        },
      )

    // Cap 2 × 2 = 4 from 10.0.0.9.
    for (const credential of [c1, c1, c2, c2])
      expect((await vote(credential, '10.0.0.9')).status).toBe(200)
    const fifth = await vote(c3, '10.0.0.9')
    expect(fifth.status).toBe(429)
    expect(await codeOf(fifth)).toBe('too_many_votes')
    // Another address has its own cap.
    expect((await vote(c3, '10.0.0.8')).status).toBe(200)
    // A vote taken back frees one of the address's.
    expect((await vote(c1, '10.0.0.9', 'DELETE')).status).toBe(200)
    expect((await vote(c4, '10.0.0.9')).status).toBe(200)
    expect((await vote(c5, '10.0.0.9')).status).toBe(429)

    expect(await m.api.statusOf(m.token('facilitator'))).toMatchObject({
      tally: { 'shape:a': 5 },
      voters: 4,
    })
  })
})
