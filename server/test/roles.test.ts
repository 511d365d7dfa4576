import {
  CloseCode,
  ControlKey,
  type CreatedMeeting,
  EditRefusal,
  type VoterCredential,
  type VoteStatus,
} from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { textNote as note, page as validPage } from './fixtures/records.ts'
import { startTestServer, storedDoc, type TestServer, waitForDoc } from './helpers.ts'
import { allRows, tablesMentioning } from './tableRows.ts'
import { voteApi } from './voting.ts'
import { connectBoard } from './writeBoard.ts'

/**
 * What each role may do in a meeting, enforced by the server: stock y-websocket providers
 * with each role's token write into the board's document, and the stored document shows what
 * got through.
 */
let server: TestServer
const cleanups: Array<() => void> = []
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server.dispose()
})

type Role = keyof CreatedMeeting['links']

async function createMeeting() {
  const res = await fetch(`${server.url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Samling 3',
      group: 'kraftsamling',
      date: '2026-03-20',
      format: 'hybrid',
    }),
  })
  const created = (await res.json()) as CreatedMeeting
  const token = (role: Role) => new URL(created.links[role]).hash.replace('#k=', '')
  return { ...created, token }
}

function connect(boardId: string, token: string) {
  const { doc, provider, synced } = connectBoard(server.url, boardId, token)
  /** The code of the next close, and no reconnect after it; `closeReason` its reason. */
  let closeReason = ''
  const closed = new Promise<number>((resolve) =>
    provider.on('connection-close', (event) => {
      provider.shouldConnect = false
      closeReason = event?.reason ?? ''
      resolve(event?.code ?? -1)
    }),
  )
  cleanups.push(() => {
    provider.destroy()
    doc.destroy()
  })
  return {
    doc,
    provider,
    synced,
    closed,
    get closeReason() {
      return closeReason
    },
    records: doc.getMap<unknown>('records'),
    controls: doc.getMap<unknown>('meeting'),
  }
}

const page = (id: string, name: string) => validPage(id, name, 'a1')

/** A meeting whose facilitator laid out two phases with a note in each. */
async function laidOutMeeting() {
  const m = await createMeeting()
  const facilitator = connect(m.meeting.boardId, m.token('facilitator'))
  await facilitator.synced
  facilitator.doc.transact(() => {
    facilitator.records.set('page:one', page('page:one', 'Öppna upp'))
    facilitator.records.set('page:two', page('page:two', 'Testa'))
    facilitator.records.set('shape:a', note('shape:a', 'page:one', 'Fler vuxna på rasterna'))
    facilitator.records.set('shape:b', note('shape:b', 'page:two', 'Läxhjälp'))
    facilitator.controls.set(ControlKey.templatesVersion, 1)
    facilitator.controls.set(ControlKey.currentPhase, 'page:one')
  })
  const participant = connect(m.meeting.boardId, m.token('participant'))
  await participant.synced
  await waitForDoc(participant.doc, () => participant.records.has('shape:b'))
  return { ...m, facilitator, participant }
}

const stored = async (boardId: string) => {
  const doc = await storedDoc(server, boardId)
  return { records: doc.getMap('records').toJSON(), controls: doc.getMap('meeting').toJSON() }
}

describe('roles, enforced by the server', () => {
  it('a participant cannot change the phase, the timer or a lock: the socket closes with 4409 and nothing is stored', async () => {
    for (const [key, value] of [
      [ControlKey.currentPhase, 'page:two'],
      [ControlKey.timer, { state: 'running', durationMs: 60_000, endsAt: Date.now() + 60_000 }],
      [ControlKey.lockedPhases, ['page:two']],
    ] as const) {
      const m = await laidOutMeeting()
      const before = await stored(m.meeting.boardId)
      m.participant.controls.set(key, value)
      expect(await m.participant.closed).toBe(CloseCode.EditRefused)
      expect(m.participant.closeReason).toBe(EditRefusal.Controls)
      expect(await stored(m.meeting.boardId)).toEqual(before)
    }
  })

  it('a participant cannot rename a phase; the facilitator can, and everyone sees it', async () => {
    const m = await laidOutMeeting()
    m.participant.records.set('page:one', page('page:one', 'Kapat'))
    expect(await m.participant.closed).toBe(CloseCode.EditRefused)
    expect(m.participant.closeReason).toBe(EditRefusal.Phases)
    expect((await stored(m.meeting.boardId)).records['page:one']).toMatchObject({
      name: 'Öppna upp',
    })

    const watcher = connect(m.meeting.boardId, m.token('participant'))
    await watcher.synced
    m.facilitator.records.set('page:one', page('page:one', 'Öppna upp – del 1'))
    m.facilitator.controls.set(ControlKey.currentPhase, 'page:two')
    await waitForDoc(
      watcher.doc,
      () => watcher.controls.get(ControlKey.currentPhase) === 'page:two',
    )
    expect(watcher.records.get('page:one')).toMatchObject({ name: 'Öppna upp – del 1' })
  })

  it('a locked phase refuses a participant’s edit, the open phase takes it, and unlocking opens it again', async () => {
    const m = await laidOutMeeting()
    // The meeting moves on to Testa and locks Öppna upp behind it: both are shown.
    m.facilitator.doc.transact(() => {
      m.facilitator.controls.set(ControlKey.currentPhase, 'page:two')
      m.facilitator.controls.set(ControlKey.lockedPhases, ['page:one'])
    })
    await waitForDoc(m.participant.doc, () =>
      Array.isArray(m.participant.controls.get(ControlKey.lockedPhases)),
    )

    m.participant.records.set('shape:c', note('shape:c', 'page:two', 'Öppen fas'))
    await waitForDoc(m.facilitator.doc, () => m.facilitator.records.has('shape:c'))

    m.participant.records.set('shape:a', { ...note('shape:a', 'page:one'), x: 500 })
    expect(await m.participant.closed).toBe(CloseCode.EditRefused)
    expect(m.participant.closeReason).toBe(EditRefusal.PhaseLocked)
    const after = await stored(m.meeting.boardId)
    expect(after.records['shape:a']).toMatchObject({ x: 0 })
    expect(after.records['shape:c']).toBeDefined()

    m.facilitator.controls.set(ControlKey.lockedPhases, [])
    const again = connect(m.meeting.boardId, m.token('participant'))
    await again.synced
    again.records.set('shape:a', { ...note('shape:a', 'page:one'), x: 500 })
    await waitForDoc(
      m.facilitator.doc,
      () => (m.facilitator.records.get('shape:a') as { x: number }).x === 500,
    )
  })
})

describe('dot voting', () => {
  it('counts votes per voter credential within the round’s limit, hides the tally until it is revealed', async () => {
    const m = await laidOutMeeting()
    const api = voteApi(server.url, m.meeting.id)
    const participant = m.token('participant')
    const [a, b, c] = [
      await api.voter(participant),
      await api.voter(participant),
      await api.voter(participant),
    ]
    const vote = (voter: VoterCredential, shapeId: string) =>
      api.vote(participant, voter, { shapeId })

    expect((await vote(a, 'shape:a')).status).toBe(409) // no voting yet
    m.facilitator.controls.set(ControlKey.voting, {
      round: 'round-1',
      pageId: 'page:one',
      votesPerPerson: 2,
      state: 'open',
    })
    await waitForDoc(m.participant.doc, () => m.participant.controls.has(ControlKey.voting))

    expect((await vote(a, 'shape:a')).status).toBe(200)
    const second = await vote(a, 'shape:a')
    expect(((await second.json()) as VoteStatus).remaining).toBe(0)
    const third = await vote(a, 'shape:a')
    expect(third.status).toBe(409)
    expect(await third.json()).toMatchObject({ error: { code: 'no_votes_left' } })
    // A note of another phase, or no note at all, is not on the ballot.
    expect((await vote(b, 'shape:b')).status).toBe(404)
    expect((await vote(b, 'shape:nope')).status).toBe(404)
    expect((await vote(b, 'shape:a')).status).toBe(200)
    // Taking one back frees it.
    const back = await api.vote(participant, b, { shapeId: 'shape:a' }, { method: 'DELETE' })
    expect(((await back.json()) as VoteStatus).remaining).toBe(2)
    expect((await vote(b, 'shape:a')).status).toBe(200)

    expect(await api.statusOf(participant, a)).toMatchObject({
      state: 'open',
      mine: { 'shape:a': 2 },
      remaining: 0,
      tally: null,
    })
    const seenByFacilitator = await api.statusOf(m.token('facilitator'))
    expect(seenByFacilitator).toMatchObject({ tally: { 'shape:a': 3 }, voters: 2 })
    // The projector cannot vote, not even with a participant's credential.
    expect((await api.vote(m.token('projector'), c, { shapeId: 'shape:a' })).status).toBe(401)

    m.facilitator.controls.set(ControlKey.voting, {
      round: 'round-1',
      pageId: 'page:one',
      votesPerPerson: 2,
      state: 'revealed',
      results: seenByFacilitator.tally ?? {},
    })
    await waitForDoc(
      m.participant.doc,
      () =>
        (m.participant.controls.get(ControlKey.voting) as { state: string }).state === 'revealed',
    )
    expect((await vote(c, 'shape:a')).status).toBe(409)
    expect(await api.statusOf(participant, c)).toMatchObject({
      state: 'revealed',
      tally: { 'shape:a': 3 },
    })
  })

  it('refuses malformed vote bodies with a clear 400', async () => {
    const m = await laidOutMeeting()
    const api = voteApi(server.url, m.meeting.id)
    const participant = m.token('participant')
    const voter = await api.voter(participant)
    const broken = await api.vote(participant, voter, '{"shapeId": 1')
    expect(broken.status).toBe(400)
    expect(await broken.json()).toMatchObject({ error: { code: 'invalid_json' } })
    // The voter is the credential's, never one named in the body.
    const named = await api.vote(participant, voter, { voterId: voter.voterId, shapeId: 'shape:a' })
    expect(named.status).toBe(400)
    expect(await named.json()).toMatchObject({ error: { code: 'invalid_body' } })
  })
})

describe('editing and deleting a meeting', () => {
  it('the facilitator edits the meeting; nobody else can', async () => {
    const m = await createMeeting()
    const patch = (token: string, body: unknown) =>
      fetch(`${server.url}/api/meetings/${m.meeting.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    expect((await patch(m.token('participant'), { title: 'Min' })).status).toBe(401)
    const res = await patch(m.token('facilitator'), {
      title: 'Samling 3 – digital',
      format: 'digital',
    })
    expect(await res.json()).toMatchObject({
      title: 'Samling 3 – digital',
      format: 'digital',
      group: 'kraftsamling',
    })
    expect((await patch(m.token('facilitator'), { format: 'telepathy' })).status).toBe(400)
    const board = await (await fetch(`${server.url}/api/boards/${m.meeting.boardId}`)).json()
    expect(board).toMatchObject({ title: 'Samling 3 – digital' })
  })

  it('every link can read the join info the projector shows', async () => {
    const m = await createMeeting()
    for (const role of ['facilitator', 'participant', 'projector'] as const) {
      const res = await fetch(`${server.url}/api/meetings/${m.meeting.id}/join-info`, {
        headers: { authorization: `Bearer ${m.token(role)}` },
      })
      expect(await res.json()).toEqual({
        joinCode: m.meeting.joinCode,
        joinUrl: `${server.url}/j`,
        phoneLink: `${server.url}/p/${m.meeting.boardId}#k=${m.token('participant')}`,
      })
    }
    const none = await fetch(`${server.url}/api/meetings/${m.meeting.id}/join-info`)
    expect(none.status).toBe(401)
  })

  it('deleting a meeting cuts everyone off (4404) and leaves no row of it in any table', async () => {
    const m = await laidOutMeeting()
    const other = await laidOutMeeting()
    m.facilitator.controls.set(ControlKey.voting, {
      round: 'round-1',
      pageId: 'page:one',
      votesPerPerson: 2,
      state: 'open',
    })
    await waitForDoc(m.participant.doc, () => m.participant.controls.has(ControlKey.voting))
    const api = voteApi(server.url, m.meeting.id)
    const voter = await api.voter(m.token('participant'))
    expect((await api.vote(m.token('participant'), voter, { shapeId: 'shape:a' })).status).toBe(200)
    const otherVoter = await voteApi(server.url, other.meeting.id).voter(other.token('participant'))

    const res = await fetch(`${server.url}/api/meetings/${m.meeting.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${m.token('facilitator')}` },
    })
    expect(res.status).toBe(204)
    expect(await m.participant.closed).toBe(CloseCode.BoardGone)
    expect(await m.facilitator.closed).toBe(CloseCode.BoardGone)

    const rows = await allRows(server.config)
    const mentions = (value: string) => tablesMentioning(rows, value)
    expect(mentions(m.meeting.id)).toEqual([])
    expect(mentions(m.meeting.boardId)).toEqual([])
    // Its voter credential is gone with it, from both tables that held its id.
    expect(mentions(voter.voterId)).toEqual([])
    // The other meeting is untouched, its voter credential too.
    expect(mentions(other.meeting.boardId).length).toBeGreaterThan(0)
    expect(mentions(otherVoter.voterId)).toEqual(['voters'])
    expect((await fetch(`${server.url}/api/boards/${m.meeting.boardId}`)).status).toBe(404)
  })
})
