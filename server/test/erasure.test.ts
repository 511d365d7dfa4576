import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  type BlueListItem,
  type CreatedMeeting,
  type NoteThread,
  PROCESS_MAP,
  type ProcessOverview,
} from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { plainText } from '../src/board/extract.ts'
import { textNote } from './fixtures/records.ts'
import { startTestServer, storedDoc, type TestServer } from './helpers.ts'
import { createProcess, layOutWithInbox, meetingCall } from './process.ts'
import { connectBoard, writeBoard } from './writeBoard.ts'

/**
 * Deleting a meeting erases it from the disk, not only from the tables: SQLite keeps deleted
 * rows in free pages and older page versions in the WAL unless told otherwise.
 */
let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(() => server.dispose())

const SECRET = 'Lappen-som-ska-raderas-7f3c9a2e'

/** The raw bytes of the database file, its WAL and its shared-memory index. */
function filesOnDisk(file = server.config.dbFile): Record<string, Buffer> {
  const files: Record<string, Buffer> = {}
  for (const name of [file, `${file}-wal`, `${file}-shm`])
    files[name.slice(file.length) || '.sqlite'] = fs.existsSync(name)
      ? fs.readFileSync(name)
      : Buffer.alloc(0)
  return files
}

const holding = (files: Record<string, Buffer>) =>
  Object.entries(files)
    .filter(([, bytes]) => bytes.includes(Buffer.from(SECRET)))
    .map(([name]) => name)

/** A meeting whose board holds a note with SECRET, written by a stock provider. */
async function meetingWithSecret(on: TestServer, date = '2026-02-13') {
  const res = await fetch(`${on.url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Samling', group: 'demokratilabb', date, format: 'digital' }),
  })
  const { meeting, links } = (await res.json()) as CreatedMeeting
  const token = new URL(links.facilitator).hash.replace('#k=', '')
  const board = new Y.Doc()
  board.getMap('records').set('shape:secret', textNote('shape:secret', 'page:page', SECRET))
  // Stored once a second, fresh client reads it back from the server.
  await writeBoard(on.url, meeting.boardId, token, Y.encodeStateAsUpdate(board))
  await (await on.rooms.peek(meeting.boardId))?.settle()
  return { meeting, token }
}

describe('erasing a meeting', () => {
  it('by deleting it leaves its notes in none of the database’s files', async () => {
    const { meeting, token } = await meetingWithSecret(server)
    // Without this the test could pass by looking in the wrong place.
    expect(holding(filesOnDisk()).length).toBeGreaterThan(0)

    const deleted = await fetch(`${server.url}/api/meetings/${meeting.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(deleted.status).toBe(204)
    expect(holding(filesOnDisk())).toEqual([])
  })

  it('by the retention purge leaves its notes in none of the database’s files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-erasure-'))
    const first = await startTestServer({}, dir)
    const longAgo = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10)
    const { meeting, token } = await meetingWithSecret(first, longAgo)
    await first.close()
    expect(holding(filesOnDisk(first.config.dbFile))).toEqual(['.sqlite'])

    // The next start, with a 30-day retention, erases the meeting.
    const second = await startTestServer({ SAMLA_RETENTION_DAYS: '30' }, dir)
    try {
      await vi.waitFor(async () => {
        const res = await fetch(`${second.url}/api/meetings/${meeting.id}`, {
          headers: { authorization: `Bearer ${token}` },
        })
        expect(res.status).toBe(401)
      })
      expect(holding(filesOnDisk(second.config.dbFile))).toEqual([])
    } finally {
      await second.dispose()
    }
  })
})

describe('erasing a meeting of a process', () => {
  it('erases the notes it sent from the receiving board’s files too, and its answers from the sender’s board', async () => {
    const process = await createProcess(server.url)
    const youth = await process.addMeeting({ title: 'Träff 1', group: 'demokratilabb' })
    const adults = await process.addMeeting({ title: 'Samling 1' })
    const other = await process.addMeeting({ title: 'Träff 2', group: 'demokratilabb' })
    const write = (boardId: string, notes: Array<{ id: string; text: string }>) => {
      const board = new Y.Doc()
      layOutWithInbox(board, notes)
      return writeBoard(server.url, boardId, process.token, Y.encodeStateAsUpdate(board))
    }
    await write(youth.boardId, [{ id: 'shape:secret', text: SECRET }])
    await write(other.boardId, [{ id: 'shape:kept', text: 'En annan lapp' }])
    await write(adults.boardId, [])
    const send = (from: string, shapeId: string) =>
      meetingCall(server.url, from)('/crossings', process.token, {
        method: 'POST',
        body: JSON.stringify({ to: adults.meeting.id, shapeIds: [shapeId] }),
      })
    expect((await send(youth.meeting.id, 'shape:secret')).status).toBe(201)
    expect((await send(other.meeting.id, 'shape:kept')).status).toBe(201)
    const received = async () => {
      const doc = await storedDoc(server, adults.boardId)
      return [...doc.getMap<Record<string, unknown>>('records').values()]
        .filter((r) => r.parentId === 'shape:inbox')
        .map((r) => plainText((r.props as { richText?: unknown }).richText))
        .sort()
    }
    expect(await received()).toEqual([SECRET, 'En annan lapp'].sort())

    // A vote on the adults' board keeps the notes' text in its round, the secret's too.
    const adultsBoard = connectBoard(server.url, adults.boardId, process.token)
    await adultsBoard.synced
    const voting = { round: 'round-1', pageId: 'page:one', votesPerPerson: 3 }
    adultsBoard.doc.getMap('meeting').set('voting', { ...voting, state: 'open' })
    adultsBoard.doc.getMap('meeting').set('voting', { ...voting, state: 'closed' })
    const roundTexts = async () => {
      const res = await meetingCall(server.url, adults.meeting.id)('/documentation', process.token)
      const view = (await res.json()) as {
        votingRounds: Array<{ results: Array<{ text: string | null }> }>
      }
      return view.votingRounds.flatMap((r) => r.results.map((n) => n.text))
    }
    await vi.waitFor(async () => expect(await roundTexts()).toContain(SECRET))
    adultsBoard.provider.destroy()
    adultsBoard.doc.destroy()

    // The secret is now in the adults' board too: deleting only its own board is not enough.
    const deleted = await meetingCall(server.url, youth.meeting.id)('', process.token, {
      method: 'DELETE',
    })
    expect(deleted.status).toBe(204)
    expect(await received()).toEqual(['En annan lapp'])
    expect(await roundTexts()).not.toContain(SECRET)
    expect(await roundTexts()).toContain('En annan lapp')
    const threads = (await storedDoc(server, adults.boardId)).getMap<NoteThread>(PROCESS_MAP)
    expect([...threads.values()].map((t) => t.received?.origin.meetingTitle)).toEqual(['Träff 2'])
    expect(holding(filesOnDisk())).toEqual([])

    // Deleting the adults' meeting takes the answers it gave off the youth board.
    const [kept] = ((await (await process.call('')).json()) as ProcessOverview).crossings
    await meetingCall(server.url, adults.meeting.id)(
      `/crossings/${kept?.id}/answer`,
      process.token,
      {
        method: 'PUT',
        body: JSON.stringify({ text: 'Svar från de vuxna' }),
      },
    )
    const answerOnYouthBoard = async () =>
      (await storedDoc(server, other.boardId)).getMap<NoteThread>(PROCESS_MAP).get('shape:kept')
        ?.sent?.[0]?.answer?.text
    expect(await answerOnYouthBoard()).toBe('Svar från de vuxna')
    await meetingCall(server.url, adults.meeting.id)('', process.token, { method: 'DELETE' })
    expect(await answerOnYouthBoard()).toBeUndefined()

    // Deleting the process erases every meeting left in it.
    expect((await process.call('', { method: 'DELETE' })).status).toBe(204)
    expect(
      (await meetingCall(server.url, other.meeting.id)('', other.token('facilitator'))).status,
    ).toBe(401)
    expect((await process.call('')).status).toBe(401)
  })

  it('leaves an item of Blå listan made of its notes, “från en raderad samling”, with none of their text in the database’s files', async () => {
    const process = await createProcess(server.url)
    const youth = await process.addMeeting({ title: 'Träff 1', group: 'demokratilabb' })
    const board = new Y.Doc()
    layOutWithInbox(board, [{ id: 'shape:secret', text: SECRET }])
    await writeBoard(server.url, youth.boardId, process.token, Y.encodeStateAsUpdate(board))
    const made = await meetingCall(server.url, youth.meeting.id)(
      '/blue-list',
      youth.token('facilitator'),
      { method: 'POST', body: JSON.stringify({ shapeIds: ['shape:secret'] }) },
    )
    expect(made.status).toBe(201)
    await process.call(`/blue-list/${((await made.json()) as BlueListItem).id}`, {
      method: 'PATCH',
      body: JSON.stringify({ raisedTo: 'Regionen' }),
    })
    const blueList = async () => (await (await process.call('/blue-list')).json()) as BlueListItem[]
    expect(JSON.stringify(await blueList())).toContain(SECRET)

    const deleted = await meetingCall(server.url, youth.meeting.id)('', process.token, {
      method: 'DELETE',
    })
    expect(deleted.status).toBe(204)
    const [item] = await blueList()
    expect(item).toMatchObject({
      number: 1,
      need: '',
      raisedTo: 'Regionen',
      source: { kind: 'note', meetingId: null, meetingTitle: null, text: '' },
    })
    expect(holding(filesOnDisk())).toEqual([])
  })
})

describe('erasing a process with a Handslag', () => {
  it('leaves its commitments and the names of who confirmed in none of the database’s files', async () => {
    const NAME = 'Anna-Bekraftare-4d81b07c'
    const process = await createProcess(server.url)
    const post = (path: string, body: unknown) =>
      process.call(path, { method: 'POST', body: JSON.stringify(body) })
    const { id } = (await (await post('/handslag', { title: 'Handslag' })).json()) as { id: string }
    const added = await post(`/handslag/${id}/organisations`, {
      name: 'Region Blekinge',
      commitments: [{ text: SECRET, due: '2027-03-01' }],
    })
    const { confirmationLink } = (await added.json()) as { confirmationLink: { link: string } }
    const confirmed = await fetch(`${server.url}/api/handslag/${id}/confirmation`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${new URL(confirmationLink.link).hash.slice(3)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ name: NAME, role: 'Chef', organisation: 'Region', revision: 1 }),
    })
    expect(confirmed.status).toBe(200)
    const holdingName = () =>
      Object.entries(filesOnDisk())
        .filter(([, bytes]) => bytes.includes(Buffer.from(NAME)))
        .map(([name]) => name)
    expect(holding(filesOnDisk()).length).toBeGreaterThan(0)
    expect(holdingName().length).toBeGreaterThan(0)

    expect((await process.call('', { method: 'DELETE' })).status).toBe(204)
    expect(holding(filesOnDisk())).toEqual([])
    expect(holdingName()).toEqual([])
  })
})
