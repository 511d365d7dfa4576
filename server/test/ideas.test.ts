import {
  DESCRIPTION_TEXT_FIELDS,
  EMPTY_DESCRIPTION,
  type ErrorBody,
  type Feedback,
  IDEA_ACTORS_MAP,
  type Idea,
  type IdeaDocumentInfo,
  type NoteThread,
  PROCESS_MAP,
  processRecordSchema,
} from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startTestServer, storedDoc, type TestServer, waitForDoc } from './helpers.ts'
import { createProcess, layOutWithInbox, meetingCall } from './process.ts'
import { connectBoard } from './writeBoard.ts'

/**
 * Ideas through the real server: made of a youth note on Träff 1's board, numbered, badged on
 * the board through the relay (stored before it is relayed), described in the seed's
 * template with its criteria, moved along the seed's path with public reasons that the youth
 * feedback page shows; erasing the meeting leaves the idea with nothing of the board.
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

type IdeaWithCriteria = Idea & { criteria: Array<{ kind: string; field?: string }> }

async function youthBoardWithNotes() {
  const process = await createProcess(server.url)
  const traff = await process.addMeeting({
    title: 'Träff 1',
    group: 'demokratilabb',
    date: '2027-02-05',
  })
  const client = connectBoard(server.url, traff.boardId, process.token)
  cleanups.push(() => {
    client.provider.destroy()
    client.doc.destroy()
  })
  await client.synced
  layOutWithInbox(client.doc, [
    { id: 'shape:idea', text: 'Lugna rum på rasterna' },
    { id: 'shape:two', text: 'Fler vuxna ute' },
  ])
  const threads = client.doc.getMap<NoteThread>(PROCESS_MAP)
  for (;;) {
    if ((await storedDoc(server, traff.boardId)).getMap('records').has('shape:two')) break
    await new Promise((r) => setTimeout(r, 20))
  }
  const api = (path: string, init: RequestInit = {}) => process.call(path, init)
  const makeIdea = (shapeIds: string[], token = process.token) =>
    meetingCall(server.url, traff.meeting.id)('/ideas', token, {
      method: 'POST',
      body: JSON.stringify({ shapeIds }),
    })
  return { process, traff, client, threads, api, makeIdea }
}

const codeOf = async (res: Response) => [res.status, ((await res.json()) as ErrorBody).error?.code]

describe('ideas of a process', () => {
  it('a youth note becomes idea I-1 with its origin and a snapshot; the note carries the badge, stored before it is relayed', async () => {
    const { traff, threads, client, makeIdea } = await youthBoardWithNotes()
    const res = await makeIdea(['shape:idea'])
    expect(res.status).toBe(201)
    const idea = (await res.json()) as IdeaWithCriteria
    expect(idea).toMatchObject({
      number: 1,
      title: 'Lugna rum på rasterna',
      status: 'ide',
      origin: {
        meetingId: traff.meeting.id,
        meetingTitle: 'Träff 1',
        group: 'demokratilabb',
        phase: 'Öppna upp',
        notes: [{ shapeId: 'shape:idea', text: 'Lugna rum på rasterna' }],
      },
    })
    expect(idea.origin.snapshotId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    await waitForDoc(client.doc, () => threads.get('shape:idea')?.idea?.number === 1)
    // The relay stored the badge before it reached this client.
    const stored = await storedDoc(server, traff.boardId)
    expect(stored.getMap<NoteThread>(PROCESS_MAP).get('shape:idea')?.idea).toEqual({
      id: idea.id,
      number: 1,
      status: 'ide',
    })
    // The next is I-2; a frame makes an idea of all its notes.
    const second = (await (await makeIdea(['shape:q'])).json()) as IdeaWithCriteria
    expect(second.number).toBe(2)
    expect(second.origin.notes.map((n) => n.shapeId).sort()).toEqual(['shape:idea', 'shape:two'])
  })

  it('the idébeskrivning is checked against the seed’s criteria until a municipal and a regional actor take part', async () => {
    const { api, makeIdea, process } = await youthBoardWithNotes()
    const idea = (await (await makeIdea(['shape:idea'])).json()) as IdeaWithCriteria
    expect(idea.criteria).toContainEqual({ kind: 'municipalAndRegional' })
    const { documentId } = (await (
      await api(`/ideas/${idea.id}/document`)
    ).json()) as IdeaDocumentInfo
    const writer = connectBoard(server.url, documentId, process.token)
    cleanups.push(() => {
      writer.provider.destroy()
      writer.doc.destroy()
    })
    await writer.synced
    const criteria = async () =>
      ((await (await api(`/ideas/${idea.id}`)).json()) as IdeaWithCriteria).criteria
    writer.doc.transact(() => {
      for (const field of DESCRIPTION_TEXT_FIELDS)
        writer.doc.getText(field).insert(0, `Om ${field}`)
      writer.doc
        .getMap(IDEA_ACTORS_MAP)
        .set('k', { organisation: 'Karlskrona kommun', sector: 'kommun', order: 1 })
    })
    await vi.waitFor(async () =>
      expect(await criteria()).toEqual([{ kind: 'municipalAndRegional' }]),
    )
    writer.doc
      .getMap(IDEA_ACTORS_MAP)
      .set('r', { organisation: 'Region Blekinge', sector: 'region', order: 2 })
    await vi.waitFor(async () => expect(await criteria()).toEqual([]))
    // The description is the document's alone: a PATCH of it is refused, nothing written.
    const patched = await api(`/ideas/${idea.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ description: EMPTY_DESCRIPTION }),
    })
    expect(await codeOf(patched)).toEqual([400, 'invalid_body'])
    expect(await criteria()).toEqual([])
  })

  it('status moves along the seed’s path with a public reason; the badge and the youth feedback page follow; other moves are refused', async () => {
    const { api, makeIdea, traff, threads, client } = await youthBoardWithNotes()
    const idea = (await (await makeIdea(['shape:idea'])).json()) as IdeaWithCriteria
    const move = (status: string, reason = 'Tas upp på kvalitetscaféet i mars.') =>
      api(`/ideas/${idea.id}/status`, { method: 'POST', body: JSON.stringify({ status, reason }) })
    const moved = await move('dialogforum')
    expect(moved.status).toBe(200)
    expect(((await moved.json()) as Idea).history.at(-1)).toMatchObject({
      status: 'dialogforum',
      reason: 'Tas upp på kvalitetscaféet i mars.',
    })
    await waitForDoc(client.doc, () => threads.get('shape:idea')?.idea?.status === 'dialogforum')

    expect(await codeOf(await move('ide'))).toEqual([409, 'invalid_transition'])
    expect(await codeOf(await move('nowhere'))).toEqual([400, 'invalid_body'])
    expect(await codeOf(await move('beslut', ''))).toEqual([400, 'invalid_body'])
    expect(await codeOf(await move('beslut', 'x'.repeat(601)))).toEqual([400, 'invalid_body'])
    const bad = await api(`/ideas/${idea.id}/status`, { method: 'POST', body: '{"status":' })
    expect(bad.status).toBe(400)

    // The process record carries the idea with its history, in every format.
    const record = processRecordSchema.parse(await (await api('/record')).json())
    expect(record.ideas).toEqual([
      expect.objectContaining({
        number: 1,
        status: 'dialogforum',
        origin: { group: 'demokratilabb', meetingTitle: 'Träff 1', phase: 'Öppna upp' },
      }),
    ])
    const md = await (await api('/export/md')).text()
    expect(md).toContain('### I\\-1 Lugna rum på rasterna')
    expect(md).toContain(': Tas upp på kvalitetscaféet i mars\\.')
    const html = await (await api('/export/html?lang=en')).text()
    expect(html).toContain('<h3>I-1 Lugna rum på rasterna</h3>')
    expect(html).toContain('dialogue forum')

    const feedback = (await (
      await meetingCall(server.url, traff.meeting.id)('/feedback', traff.token('participant'))
    ).json()) as Feedback
    expect(feedback.ideas).toEqual([
      expect.objectContaining({
        number: 1,
        status: 'dialogforum',
        history: [
          expect.objectContaining({ status: 'ide' }),
          expect.objectContaining({ reason: 'Tas upp på kvalitetscaféet i mars.' }),
        ],
      }),
    ])
  })

  it('only the facilitator makes ideas; another process’s link sees none of them; empty selections are refused', async () => {
    const { traff, makeIdea, process } = await youthBoardWithNotes()
    expect(await codeOf(await makeIdea(['shape:idea'], traff.token('participant')))).toEqual([
      401,
      'unauthorized',
    ])
    expect(await codeOf(await makeIdea(['shape:idea'], traff.token('projector')))).toEqual([
      401,
      'unauthorized',
    ])
    expect(await codeOf(await makeIdea(['shape:nothing']))).toEqual([400, 'empty_selection'])
    expect(await codeOf(await makeIdea([]))).toEqual([400, 'invalid_body'])
    const idea = (await (await makeIdea(['shape:idea'])).json()) as Idea
    const other = await createProcess(server.url, 'Annan')
    const res = await fetch(`${server.url}/api/processes/${other.process.id}/ideas/${idea.id}`, {
      headers: { authorization: `Bearer ${other.token}` },
    })
    // The same 401 as a wrong token: an idea's id says nothing to another process's link.
    expect(await codeOf(res)).toEqual([401, 'unauthorized'])
    expect(((await (await process.call('/ideas')).json()) as Idea[]).map((i) => i.number)).toEqual([
      1,
    ])
  })

  it('erasing the meeting an idea was born in leaves the idea, and nothing of that board in it', async () => {
    const { traff, makeIdea, api, process } = await youthBoardWithNotes()
    const idea = (await (await makeIdea(['shape:idea'])).json()) as Idea
    await meetingCall(server.url, traff.meeting.id)('', process.token, { method: 'DELETE' })
    const kept = (await (await api(`/ideas/${idea.id}`)).json()) as Idea
    expect(kept.title).toBe('Lugna rum på rasterna')
    expect(kept.origin).toEqual({
      meetingId: null,
      meetingTitle: null,
      group: 'demokratilabb',
      phase: null,
      snapshotId: null,
      notes: [],
    })
  })
})
