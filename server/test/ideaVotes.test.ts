import {
  CloseCode,
  ControlKey,
  EditRefusal,
  type ErrorBody,
  type Idea,
  ideaVoteNoteId,
  type NoteThread,
  PROCESS_MAP,
  processRecordSchema,
  RECORDS_MAP,
} from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startTestServer, storedDoc, type TestServer, waitForDoc } from './helpers.ts'
import { createProcess, layOutWithInbox, meetingCall } from './process.ts'
import { voteApi } from './voting.ts'
import { connectBoard } from './writeBoard.ts'

/**
 * Prioritising ideas (Verkstad 2) through the real server: the facilitator of a Samling puts
 * two of the process's ideas on the board as locked notes, runs the meeting's dot voting over
 * them, and what each idea got is kept with the idea (and in the process record).
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

const connect = (boardId: string, token: string) => {
  const client = connectBoard(server.url, boardId, token)
  cleanups.push(() => {
    client.provider.destroy()
    client.doc.destroy()
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    client.provider.on('closed', (event: { code: number; reason: string }) => resolve(event)),
  )
  return { ...client, records: client.doc.getMap<unknown>(RECORDS_MAP), closed }
}

async function processWithIdeas() {
  const process = await createProcess(server.url)
  const traff = await process.addMeeting({ title: 'Träff 1', group: 'demokratilabb' })
  const youth = connect(traff.boardId, process.token)
  await youth.synced
  layOutWithInbox(youth.doc, [
    { id: 'shape:a', text: 'Lugna rum på rasterna' },
    { id: 'shape:b', text: 'Fler vuxna ute' },
    { id: 'shape:c', text: 'Läxfria helger' },
  ])
  for (;;) {
    if ((await storedDoc(server, traff.boardId)).getMap(RECORDS_MAP).has('shape:c')) break
    await new Promise((r) => setTimeout(r, 20))
  }
  const ideas: Idea[] = []
  for (const shape of ['shape:a', 'shape:b', 'shape:c'])
    ideas.push(
      (await (
        await meetingCall(server.url, traff.meeting.id)('/ideas', process.token, {
          method: 'POST',
          body: JSON.stringify({ shapeIds: [shape] }),
        })
      ).json()) as Idea,
    )
  const samling = await process.addMeeting({ title: 'Samling 2' })
  const board = connect(samling.boardId, samling.token('facilitator'))
  await board.synced
  layOutWithInbox(board.doc)
  await waitForDoc(board.doc, () => board.records.has('shape:inbox'))
  for (;;) {
    if ((await storedDoc(server, samling.boardId)).getMap(RECORDS_MAP).has('shape:inbox')) break
    await new Promise((r) => setTimeout(r, 20))
  }
  const call = meetingCall(server.url, samling.meeting.id)
  return { process, samling, board, ideas, call }
}

const codeOf = async (res: Response) => [res.status, ((await res.json()) as ErrorBody).error?.code]

describe('a vote over ideas', () => {
  it('puts the chosen ideas on the board as locked, badged notes; the dot voting over them is kept with each idea and in the record', async () => {
    const { process, samling, board, ideas, call } = await processWithIdeas()
    const [a, b, c] = ideas as [Idea, Idea, Idea]
    const token = samling.token('facilitator')
    // The facilitator sees the process's ideas to choose from.
    const listed = (await (await call('/ideas', token)).json()) as Array<{ number: number }>
    expect(listed.map((i) => i.number)).toEqual([1, 2, 3])

    const put = await call('/idea-votes', token, {
      method: 'POST',
      body: JSON.stringify({ ideaIds: [a.id, b.id], pageId: 'page:one' }),
    })
    expect(put.status).toBe(201)
    expect(await put.json()).toEqual({
      written: 2,
      alreadyThere: 0,
      frameId: expect.stringMatching(/^shape:samla-ideas-/),
    })
    await waitForDoc(board.doc, () => board.records.has(ideaVoteNoteId(b.id)))
    const note = board.records.get(ideaVoteNoteId(a.id)) as {
      parentId: string
      meta: Record<string, unknown>
      props: { richText: unknown }
    }
    expect(JSON.stringify(note.props.richText)).toContain('I-1 Lugna rum på rasterna')
    expect((board.records.get(note.parentId) as { props: { name: string } }).props.name).toBe(
      'Prioritera idéerna',
    )
    const threads = board.doc.getMap<NoteThread>(PROCESS_MAP)
    await waitForDoc(board.doc, () => threads.get(ideaVoteNoteId(a.id))?.idea?.number === 1)
    // Again: nothing written twice.
    expect(
      await (
        await call('/idea-votes', token, {
          method: 'POST',
          body: JSON.stringify({ ideaIds: [a.id], pageId: 'page:one' }),
        })
      ).json(),
    ).toEqual({ written: 0, alreadyThere: 1, frameId: null })

    // A participant cannot take an idea off the vote.
    const participant = connect(samling.boardId, samling.token('participant'))
    await participant.synced
    participant.records.delete(ideaVoteNoteId(a.id))
    expect(await participant.closed).toEqual({
      code: CloseCode.EditRefused,
      reason: EditRefusal.LayoutLocked,
    })

    // The meeting's dot voting, over the ideas: three votes for I-2, one for I-1.
    board.doc.getMap<unknown>('meeting').set(ControlKey.voting, {
      round: 'prio-1',
      pageId: 'page:one',
      votesPerPerson: 3,
      state: 'open',
    })
    const votes = voteApi(server.url, samling.meeting.id)
    const phone = samling.token('participant')
    const voter = await votes.voter(phone)
    const other = await votes.voter(phone)
    await vi.waitFor(async () => expect((await votes.statusOf(phone, voter)).state).toBe('open'))
    for (const [who, idea] of [
      [voter, b],
      [voter, b],
      [other, b],
      [other, a],
    ] as const)
      expect((await votes.vote(phone, who, { shapeId: ideaVoteNoteId(idea.id) })).status).toBe(200)
    board.doc.getMap<unknown>('meeting').set(ControlKey.voting, {
      round: 'prio-1',
      pageId: 'page:one',
      votesPerPerson: 3,
      state: 'revealed',
      results: { [ideaVoteNoteId(a.id)]: 1, [ideaVoteNoteId(b.id)]: 3 },
    })
    const idea = async (id: string) => (await (await process.call(`/ideas/${id}`)).json()) as Idea
    await vi.waitFor(async () => expect((await idea(b.id)).priorities).toHaveLength(1))
    expect((await idea(b.id)).priorities[0]).toMatchObject({
      meetingId: samling.meeting.id,
      meetingTitle: 'Samling 2',
      round: 'prio-1',
      votes: 3,
      rank: 1,
      of: 2,
      voters: 2,
    })
    expect((await idea(a.id)).priorities[0]).toMatchObject({ votes: 1, rank: 2, of: 2 })
    expect((await idea(c.id)).priorities).toEqual([])

    const record = processRecordSchema.parse(await (await process.call('/record')).json())
    expect(record.ideas.find((i) => i.number === 2)?.priorities).toEqual([
      expect.objectContaining({ meetingTitle: 'Samling 2', votes: 3, rank: 1, of: 2 }),
    ])
    const md = await (await process.call('/export/md')).text()
    expect(md).toContain('Prioritering: Samling 2, 3 röster, plats 1 av 2')

    // Erasing the Samling keeps the votes with the ideas, with nothing of that board.
    await call('', process.token, { method: 'DELETE' })
    expect((await idea(b.id)).priorities[0]).toMatchObject({
      meetingId: null,
      meetingTitle: null,
      votes: 3,
      rank: 1,
    })
  })

  it('refuses what is not the process’s or not a phase, and anyone but the facilitator', async () => {
    const { samling, ideas, call } = await processWithIdeas()
    const token = samling.token('facilitator')
    const post = (body: unknown, as = token) =>
      call('/idea-votes', as, { method: 'POST', body: JSON.stringify(body) })
    const [a] = ideas as [Idea]
    const other = await createProcess(server.url, 'Annan')
    const elsewhere = await other.addMeeting({ title: 'Annan samling' })
    expect(
      await codeOf(
        await post({ ideaIds: [a.id], pageId: 'page:one' }, elsewhere.token('facilitator')),
      ),
    ).toEqual([401, 'unauthorized'])
    expect(
      await codeOf(
        await meetingCall(server.url, elsewhere.meeting.id)(
          '/idea-votes',
          elsewhere.token('facilitator'),
          {
            method: 'POST',
            body: JSON.stringify({ ideaIds: [a.id], pageId: 'page:one' }),
          },
        ),
      ),
    ).toEqual([404, 'idea_not_found'])
    expect(await codeOf(await post({ ideaIds: [a.id], pageId: 'page:nowhere' }))).toEqual([
      404,
      'phase_not_found',
    ])
    expect(await codeOf(await post({ ideaIds: [], pageId: 'page:one' }))).toEqual([
      400,
      'invalid_body',
    ])
    expect(
      await codeOf(
        await post({ ideaIds: [a.id], pageId: 'page:one' }, samling.token('participant')),
      ),
    ).toEqual([401, 'unauthorized'])
    const bad = await call('/idea-votes', token, { method: 'POST', body: '{"ideaIds":' })
    expect(bad.status).toBe(400)
    const stored = await storedDoc(server, samling.boardId)
    expect(stored.getMap(RECORDS_MAP).has(ideaVoteNoteId(a.id))).toBe(false)
  })
})
