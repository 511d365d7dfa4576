import {
  type BlueListItem,
  type CreatedMeeting,
  type ErrorBody,
  type Idea,
  processRecordSchema,
} from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { startTestServer, type TestServer } from './helpers.ts'
import { createProcess, layOutWithInbox, meetingCall } from './process.ts'
import { writeBoard } from './writeBoard.ts'

/**
 * Blå listan through the real server: needs put on it from notes on a Träff's board (written
 * there by a stock y-websocket client, read back on the server), from an idea and from a
 * meeting of the process; moved from noted to raised to answered with public comments; kept
 * only with the process link; in the process record and its exports; and what erasing the
 * meeting its notes came from leaves of it.
 */
let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(() => server.dispose())

const NOTE = 'Vi behöver en skolkurator på varje skola'

async function processWithBoard() {
  const process = await createProcess(server.url)
  const traff = await process.addMeeting({
    title: 'Träff 1',
    group: 'demokratilabb',
    date: '2027-02-05',
  })
  const board = new Y.Doc()
  layOutWithInbox(board, [
    { id: 'shape:need', text: NOTE },
    { id: 'shape:two', text: 'Ungdomsmottagning på kvällen' },
  ])
  await writeBoard(server.url, traff.boardId, process.token, Y.encodeStateAsUpdate(board))
  const fromNotes = (shapeIds: string[], token = traff.token('facilitator'), body?: string) =>
    meetingCall(server.url, traff.meeting.id)('/blue-list', token, {
      method: 'POST',
      body: body ?? JSON.stringify({ shapeIds }),
    })
  const list = async () => (await (await process.call('/blue-list')).json()) as BlueListItem[]
  const create = (body: unknown) =>
    process.call('/blue-list', { method: 'POST', body: JSON.stringify(body) })
  return { process, traff, fromNotes, list, create }
}

const codeOf = async (res: Response) => [res.status, ((await res.json()) as ErrorBody).error?.code]

describe('Blå listan of a process', () => {
  it('a note selected on a board becomes B-1, read from the board on the server; a frame makes one need of all its notes', async () => {
    const { traff, fromNotes, list } = await processWithBoard()
    // The meeting's own facilitator link puts it there, not only the process link.
    const res = await fromNotes(['shape:need'])
    expect(res.status).toBe(201)
    const item = (await res.json()) as BlueListItem
    expect(item).toMatchObject({
      number: 1,
      need: NOTE,
      raisedTo: '',
      status: 'ny',
      source: { kind: 'note', meetingId: traff.meeting.id, meetingTitle: 'Träff 1', text: NOTE },
    })
    expect(item.history.map((h) => h.status)).toEqual(['ny'])
    const frame = (await (await fromNotes(['shape:q'])).json()) as BlueListItem
    expect(frame.number).toBe(2)
    expect(frame.need.split('\n').sort()).toEqual([NOTE, 'Ungdomsmottagning på kvällen'].sort())
    expect((await list()).map((i) => i.number)).toEqual([1, 2])

    // Only a facilitator; only notes with text; only a board of a process.
    expect(await codeOf(await fromNotes(['shape:need'], traff.token('participant')))).toEqual([
      401,
      'unauthorized',
    ])
    expect(await codeOf(await fromNotes(['shape:need'], traff.token('projector')))).toEqual([
      401,
      'unauthorized',
    ])
    expect(await codeOf(await fromNotes(['shape:nothing']))).toEqual([400, 'empty_selection'])
    expect(await codeOf(await fromNotes([]))).toEqual([400, 'invalid_body'])
    expect(await codeOf(await fromNotes([], undefined, '{"shapeIds":'))).toEqual([
      400,
      'invalid_json',
    ])
    // What a client says about the notes is no part of the request.
    expect(
      await codeOf(
        await fromNotes([], undefined, JSON.stringify({ shapeIds: ['shape:need'], need: 'x' })),
      ),
    ).toEqual([400, 'invalid_body'])
    const alone = (await (
      await fetch(`${server.url}/api/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title: 'Ensam',
          group: 'kraftsamling',
          date: '2027-02-01',
          format: 'digital',
        }),
      })
    ).json()) as CreatedMeeting
    const aloneRes = await meetingCall(server.url, alone.meeting.id)(
      '/blue-list',
      new URL(alone.links.facilitator).hash.slice(3),
      { method: 'POST', body: JSON.stringify({ shapeIds: ['shape:need'] }) },
    )
    expect(await codeOf(aloneRes)).toEqual([409, 'not_in_process'])
    expect(await list()).toHaveLength(2)
  })

  it('the process link adds a need from an idea (its number and title filled in by the server), from a meeting, or from nothing', async () => {
    const { process, traff, create } = await processWithBoard()
    const idea = (await (
      await meetingCall(server.url, traff.meeting.id)('/ideas', process.token, {
        method: 'POST',
        body: JSON.stringify({ shapeIds: ['shape:two'] }),
      })
    ).json()) as Idea
    const fromIdea = await create({ need: 'Kvällsöppet kräver regionens beslut', ideaId: idea.id })
    expect(fromIdea.status).toBe(201)
    expect(((await fromIdea.json()) as BlueListItem).source).toEqual({
      kind: 'idea',
      ideaId: idea.id,
      ideaNumber: 1,
      ideaTitle: 'Ungdomsmottagning på kvällen',
    })
    const fromMeeting = (await (
      await create({ need: 'Skolskjuts', meetingId: traff.meeting.id, raisedTo: 'Trafikverket' })
    ).json()) as BlueListItem
    expect(fromMeeting).toMatchObject({
      number: 2,
      raisedTo: 'Trafikverket',
      source: { kind: 'meeting', meetingId: traff.meeting.id, meetingTitle: 'Träff 1' },
    })
    const plain = (await (await create({ need: 'Lokaler' })).json()) as BlueListItem
    expect(plain.source).toEqual({ kind: 'none' })

    // Another process's idea or meeting is not this one's to name.
    const other = await createProcess(server.url, 'Annan')
    const elsewhere = await other.addMeeting({ title: 'Samling X' })
    expect(await codeOf(await create({ need: 'x', meetingId: elsewhere.meeting.id }))).toEqual([
      404,
      'meeting_not_found',
    ])
    const otherCreate = (body: unknown) =>
      other.call('/blue-list', { method: 'POST', body: JSON.stringify(body) })
    expect(await codeOf(await otherCreate({ need: 'x', ideaId: idea.id }))).toEqual([
      404,
      'idea_not_found',
    ])
    expect(
      await codeOf(await create({ need: 'x', ideaId: idea.id, meetingId: traff.meeting.id })),
    ).toEqual([400, 'invalid_body'])
    expect(((await (await other.call('/blue-list')).json()) as BlueListItem[]).length).toBe(0)
  })

  it('moves from noted to raised to answered with public comments; bad input is refused with nothing half-written', async () => {
    const { process, fromNotes, list } = await processWithBoard()
    const item = (await (await fromNotes(['shape:need'])).json()) as BlueListItem
    const patch = (body: unknown, id = item.id, as = process.token) =>
      process.call(`/blue-list/${id}`, { method: 'PATCH', body: JSON.stringify(body) }, as)
    const move = (status: string, comment?: string, id = item.id, as = process.token) =>
      process.call(
        `/blue-list/${id}/status`,
        { method: 'POST', body: JSON.stringify({ status, comment }) },
        as,
      )

    const raisedTo = (await (
      await patch({ raisedTo: 'Regionens presidium' })
    ).json()) as BlueListItem
    expect(raisedTo).toMatchObject({ raisedTo: 'Regionens presidium', need: NOTE })
    const raised = await move('lyft', 'Lyft på presidiets möte den 3 mars.')
    expect(raised.status).toBe(200)
    expect(((await raised.json()) as BlueListItem).history.at(-1)).toMatchObject({
      status: 'lyft',
      comment: 'Lyft på presidiets möte den 3 mars.',
    })
    const answered = (await (await move('besvarad')).json()) as BlueListItem
    expect(answered.history.map((h) => [h.status, h.comment])).toEqual([
      ['ny', ''],
      ['lyft', 'Lyft på presidiets möte den 3 mars.'],
      ['besvarad', ''],
    ])

    expect(await codeOf(await move('lyft'))).toEqual([409, 'invalid_transition'])
    expect(await codeOf(await move('klar'))).toEqual([400, 'invalid_body'])
    expect(await codeOf(await move('avslutad', 'x'.repeat(601)))).toEqual([400, 'invalid_body'])
    expect(await codeOf(await patch({ need: 'x'.repeat(2001) }))).toEqual([400, 'invalid_body'])
    expect(await codeOf(await patch({ need: '   ' }))).toEqual([400, 'invalid_body'])
    expect(await codeOf(await patch({ raisedTo: 'x'.repeat(201) }))).toEqual([400, 'invalid_body'])
    expect(await codeOf(await patch({ need: 'Ny', number: 7 }))).toEqual([400, 'invalid_body'])
    const broken = await process.call(`/blue-list/${item.id}`, {
      method: 'PATCH',
      body: '{"need":',
    })
    expect(await codeOf(broken)).toEqual([400, 'invalid_json'])
    const wrongToken = await patch({ need: 'Ny' }, item.id, 'A'.repeat(43))
    expect(await codeOf(wrongToken)).toEqual([401, 'unauthorized'])
    expect(await codeOf(await move('avslutad', '', item.id, 'A'.repeat(43)))).toEqual([
      401,
      'unauthorized',
    ])

    // Another process's link does not find this process's item, nor change or delete it.
    const other = await createProcess(server.url, 'Annan')
    const otherCall = (path: string, method: string, body?: unknown) =>
      other.call(`/blue-list/${item.id}${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    expect(await codeOf(await otherCall('', 'PATCH', { need: 'Kapad' }))).toEqual([
      404,
      'blue_item_not_found',
    ])
    expect(await codeOf(await otherCall('/status', 'POST', { status: 'avslutad' }))).toEqual([
      404,
      'blue_item_not_found',
    ])
    expect(await codeOf(await otherCall('', 'DELETE'))).toEqual([404, 'blue_item_not_found'])
    expect(await codeOf(await move('avslutad', '', 'B'.repeat(22)))).toEqual([
      404,
      'blue_item_not_found',
    ])

    const [kept] = await list()
    expect(kept).toMatchObject({ need: NOTE, raisedTo: 'Regionens presidium', status: 'besvarad' })
    expect(kept?.history).toHaveLength(3)

    // Deleting it erases it; its number is not given again.
    expect((await process.call(`/blue-list/${item.id}`, { method: 'DELETE' })).status).toBe(204)
    expect(await codeOf(await process.call(`/blue-list/${item.id}`, { method: 'DELETE' }))).toEqual(
      [404, 'blue_item_not_found'],
    )
    expect(await list()).toEqual([])
    expect(((await (await fromNotes(['shape:two'])).json()) as BlueListItem).number).toBe(2)
  })

  it('the process record carries Blå listan, in every format and on the published link', async () => {
    const { process, fromNotes, create } = await processWithBoard()
    const item = (await (await fromNotes(['shape:need'])).json()) as BlueListItem
    await process.call(`/blue-list/${item.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ raisedTo: 'Regionens presidium' }),
    })
    await process.call(`/blue-list/${item.id}/status`, {
      method: 'POST',
      body: JSON.stringify({ status: 'lyft', comment: 'Lyft den 3 mars.' }),
    })
    await create({ need: 'Lokaler för <b>unga</b>' })

    const record = processRecordSchema.parse(await (await process.call('/record')).json())
    expect(record.blueList).toEqual([
      expect.objectContaining({
        number: 1,
        need: NOTE,
        source: { kind: 'note', meetingTitle: 'Träff 1', text: NOTE },
        raisedTo: 'Regionens presidium',
        status: 'lyft',
        history: [
          expect.objectContaining({ status: 'ny', comment: '' }),
          expect.objectContaining({ status: 'lyft', comment: 'Lyft den 3 mars.' }),
        ],
      }),
      expect.objectContaining({ number: 2, source: { kind: 'none' } }),
    ])
    expect(JSON.stringify(record.blueList)).not.toContain(item.id)

    const md = await (await process.call('/export/md')).text()
    expect(md).toContain('## Blå listan')
    expect(md).toContain('### B\\-1')
    expect(md).toContain('lyft · Lyfts till: Regionens presidium · Från en lapp i Träff 1')
    expect(md).toContain(': Lyft den 3 mars\\.')
    expect(md).toContain('Lokaler för &lt;b&gt;unga&lt;/b&gt;')
    const html = await (await process.call('/export/html?lang=en')).text()
    expect(html).toContain('<h2>Blue list (Blå listan)</h2>')
    expect(html).toContain('<h3>B-1</h3>')
    expect(html).toContain('raised · Raised to: Regionens presidium · From a note in Träff 1')
    expect(html).toContain('Lokaler för &lt;b&gt;unga&lt;/b&gt;')
    const csv = await (await process.call('/export/csv')).text()
    expect(csv).toContain(
      `blå listan,Från en lapp i Träff 1,${item.history[0]?.at.slice(0, 10)},,B-1,${NOTE},Regionens presidium,lyft: Lyft den 3 mars.,`,
    )

    const { link } = (await (await process.call('/publication', { method: 'PUT' })).json()) as {
      link: string
    }
    const token = link.split('/kd/')[1]
    const published = processRecordSchema.parse(
      await (await fetch(`${server.url}/api/published-processes/${token}/record`)).json(),
    )
    expect(published.blueList.map((i) => i.number)).toEqual([1, 2])
  })

  it('erasing the meeting a need came from leaves the item, “från en raderad samling”, with no text of that meeting', async () => {
    const { process, traff, fromNotes, create, list } = await processWithBoard()
    const asNoted = (await (await fromNotes(['shape:need'])).json()) as BlueListItem
    const rewritten = (await (await fromNotes(['shape:two'])).json()) as BlueListItem
    await process.call(`/blue-list/${rewritten.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ need: 'Kvällsöppen mottagning', raisedTo: 'Regionen' }),
    })
    await create({ need: 'Skolskjuts', meetingId: traff.meeting.id })
    await process.call(`/blue-list/${asNoted.id}/status`, {
      method: 'POST',
      body: JSON.stringify({ status: 'lyft', comment: 'Till skolchefen' }),
    })

    const deleted = await meetingCall(server.url, traff.meeting.id)('', process.token, {
      method: 'DELETE',
    })
    expect(deleted.status).toBe(204)
    const items = await list()
    expect(items.map((i) => [i.number, i.need, i.source])).toEqual([
      [1, '', { kind: 'note', meetingId: null, meetingTitle: null, text: '' }],
      [
        2,
        'Kvällsöppen mottagning',
        { kind: 'note', meetingId: null, meetingTitle: null, text: '' },
      ],
      [3, 'Skolskjuts', { kind: 'meeting', meetingId: null, meetingTitle: null }],
    ])
    expect(items[0]).toMatchObject({ status: 'lyft', raisedTo: '' })
    expect(items[0]?.history.map((h) => h.comment)).toEqual(['', 'Till skolchefen'])
    const everything = JSON.stringify(items) + (await (await process.call('/export/md')).text())
    for (const text of [NOTE, 'Ungdomsmottagning på kvällen', 'Träff 1'])
      expect(everything).not.toContain(text)
    expect(await (await process.call('/export/md')).text()).toContain('Från en raderad samling')
  })
})
