import { ControlKey, type DocumentationView, type Voting, type VotingRound } from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { escapeMarkdown } from '../src/documentation/exports.ts'
import { roundPeriod } from '../src/documentation/roundExports.ts'
import { textNote } from './fixtures/records.ts'
import { startTestServer, type TestServer, waitForDoc } from './helpers.ts'
import { createMeeting, layOutPhases } from './meeting.ts'
import { voteApi } from './voting.ts'
import { connectBoard } from './writeBoard.ts'

/**
 * Every voting round of a meeting stays in its documentation: a facilitator's stock provider
 * runs two rounds on two phases through the meeting controls, participants vote through the
 * API with their voter credentials, and the documentation lists both rounds afterwards with
 * the counts the server made, whatever the board and its controls say by then.
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

async function meetingOnItsBoard() {
  const m = await createMeeting(server.url)
  const facilitator = connectBoard(server.url, m.boardId, m.token('facilitator'))
  // A second client: what it receives, the server has applied to the room.
  const watcher = connectBoard(server.url, m.boardId, m.token('participant'))
  cleanups.push(() => {
    for (const { provider, doc } of [facilitator, watcher]) {
      provider.destroy()
      doc.destroy()
    }
  })
  await Promise.all([facilitator.synced, watcher.synced])
  // Öppna upp: shape:a (in a question frame) and shape:c; Testa: shape:b and shape:d.
  layOutPhases(facilitator.doc)
  const records = facilitator.doc.getMap<unknown>('records')
  records.set('shape:c', textNote('shape:c', 'page:one', 'Längre lunch', 0, 900))
  records.set('shape:d', textNote('shape:d', 'page:two', 'Tyst rum', 0, 400))
  const controls = facilitator.doc.getMap<unknown>('meeting')
  const setVoting = async (voting: Voting | null) => {
    controls.set(ControlKey.voting, voting)
    const seen = watcher.doc.getMap<unknown>('meeting')
    await waitForDoc(
      watcher.doc,
      () => JSON.stringify(seen.get(ControlKey.voting)) === JSON.stringify(voting),
    )
  }
  const api = voteApi(server.url, m.meeting.id)
  const participant = m.token('participant')
  const vote = async (voter: Awaited<ReturnType<typeof api.voter>>, shapeId: string) =>
    expect((await api.vote(participant, voter, { shapeId })).status).toBe(200)
  const facilitatorApi = (path: string) =>
    fetch(`${server.url}/api/meetings/${m.meeting.id}${path}`, {
      headers: { authorization: `Bearer ${m.token('facilitator')}` },
    })
  return { ...m, records, setVoting, api, participant, vote, facilitatorApi }
}

describe('voting rounds in the documentation', () => {
  it('lists every round of two phases with the server’s counts after they are ended or replaced', async () => {
    const m = await meetingOnItsBoard()
    const [anna, bo, cem] = [
      await m.api.voter(m.participant),
      await m.api.voter(m.participant),
      await m.api.voter(m.participant),
    ]
    const first = { round: 'round-one', pageId: 'page:one', votesPerPerson: 2 } as const

    // Round 1 on Öppna upp: three voters, five votes.
    await m.setVoting({ ...first, state: 'open' })
    await m.vote(anna, 'shape:a')
    await m.vote(anna, 'shape:a')
    await m.vote(bo, 'shape:a')
    await m.vote(bo, 'shape:c')
    await m.vote(cem, 'shape:c')
    await m.setVoting({ ...first, state: 'closed' })
    // Revealed with results the facilitator's client made up: the record counts the votes.
    await m.setVoting({ ...first, state: 'revealed', results: { 'shape:a': 99 } })
    // Edited and deleted after the reveal: the record keeps the notes as they were voted on.
    m.records.set('shape:a', textNote('shape:a', 'shape:q', 'Ändrad efteråt', 20, 60))
    m.records.delete('shape:c')

    // Round 2 on Testa replaces round 1 at once; it is ended while still open.
    const second = { round: 'round-two', pageId: 'page:two', votesPerPerson: 1 } as const
    await m.setVoting({ ...second, state: 'open' })
    await m.vote(anna, 'shape:b')
    await m.vote(cem, 'shape:b')
    await m.vote(bo, 'shape:d')
    expect((await m.api.vote(m.participant, bo, { shapeId: 'shape:b' })).status).toBe(409)
    await m.setVoting(null)

    const view = await vi.waitFor(async () => {
      const found = (await (await m.facilitatorApi('/documentation')).json()) as DocumentationView
      expect(found.votingRounds.map((r) => r.closedAt !== null)).toEqual([true, true])
      return found
    })
    const [one, two] = view.votingRounds
    expect(one).toMatchObject({
      round: 'round-one',
      pageId: 'page:one',
      phase: 'Öppna upp',
      votesPerPerson: 2,
      voters: 3,
      results: [
        { noteId: 'shape:a', text: 'Fler vuxna på rasterna', votes: 3 },
        { noteId: 'shape:c', text: 'Längre lunch', votes: 2 },
      ],
    })
    expect(one?.revealedAt).not.toBeNull()
    expect(two).toMatchObject({
      round: 'round-two',
      pageId: 'page:two',
      phase: 'Testa',
      votesPerPerson: 1,
      revealedAt: null,
      voters: 3,
      results: [
        { noteId: 'shape:b', text: 'Läxhjälp', votes: 2 },
        { noteId: 'shape:d', text: 'Tyst rum', votes: 1 },
      ],
    })
    const times = [one?.startedAt, one?.closedAt, one?.revealedAt, two?.startedAt, two?.closedAt]
    expect(times.map((t) => Date.parse(t ?? ''))).toEqual(
      [...times].map((t) => Date.parse(t ?? '')).sort((a, b) => a - b),
    )

    // The Markdown export lists both rounds, with the same counts.
    const md = await (await m.facilitatorApi('/export/md')).text()
    const section = md.slice(md.indexOf('## Röstningar'), md.indexOf('---'))
    const period = (round: VotingRound | undefined) =>
      round ? escapeMarkdown(roundPeriod(round)) : ''
    expect(section).toBe(
      [
        '## Röstningar',
        '',
        '### Röstning 1: Öppna upp',
        '',
        `${period(one)} · 2 röster per person · 3 röstande · resultatet visat för alla`,
        '',
        '- Fler vuxna på rasterna *(3 röster)*',
        '- Längre lunch *(2 röster)*',
        '',
        '### Röstning 2: Testa',
        '',
        `${period(two)} · 1 röst per person · 3 röstande · resultatet visades inte för deltagarna`,
        '',
        '- Läxhjälp *(2 röster)*',
        '- Tyst rum *(1 röst)*',
        '',
        '',
      ].join('\n'),
    )
    expect(period(one)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d–\d\d:\d\d$/)
    // And the other exports carry them too.
    const json = JSON.parse(await (await m.facilitatorApi('/export/json')).text())
    expect(json.votingRounds).toEqual(view.votingRounds)
    expect(await (await m.facilitatorApi('/export/csv?lang=en')).text()).toContain(
      ',2,3,Längre lunch,2\r\n',
    )
    expect(await (await m.facilitatorApi('/export/html?lang=en')).text()).toContain(
      '<h3>Round 2: Testa</h3>',
    )
  })
})
