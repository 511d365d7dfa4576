import {
  CloseCode,
  ControlKey,
  type Crossing,
  EditRefusal,
  type ErrorBody,
  type Feedback,
  type NoteThread,
  PROCESS_MAP,
  type ProcessOverview,
  processRecordSchema,
  type SendNotesResult,
} from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { plainText } from '../src/board/extract.ts'
import { startTestServer, storedDoc, type TestServer, waitForDoc } from './helpers.ts'
import { createProcess, layOutWithInbox, meetingCall } from './process.ts'
import { connectBoard } from './writeBoard.ts'

/**
 * A Kraftsamling as a process, through the real server and stock y-websocket providers: a
 * youth note sent to the adults' board, answered there, and the answer back on the youth
 * board and their feedback page; who may send and answer; waiting for a board to be laid out.
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

function connect(boardId: string, token: string) {
  const client = connectBoard(server.url, boardId, token)
  let reason = ''
  const closed = new Promise<number>((resolve) =>
    client.provider.on('connection-close', (event) => {
      client.provider.shouldConnect = false
      reason = event?.reason ?? ''
      resolve(event?.code ?? -1)
    }),
  )
  cleanups.push(() => {
    client.provider.destroy()
    client.doc.destroy()
  })
  return {
    ...client,
    closed,
    get closeReason() {
      return reason
    },
    records: client.doc.getMap<Record<string, unknown>>('records'),
    threads: client.doc.getMap<NoteThread>(PROCESS_MAP),
  }
}

const YOUTH_NOTE = 'Mer tid med kuratorn på skolan'

/** The seed year in small: Träff 1 (youth, with a note) and Samling 1 (adults), both laid out. */
async function processWithTwoBoards() {
  const process = await createProcess(server.url)
  const traff = await process.addMeeting({
    title: 'Träff 1',
    group: 'demokratilabb',
    date: '2027-02-05',
  })
  const samling = await process.addMeeting({ title: 'Samling 1', date: '2027-02-13' })
  const youth = connect(traff.boardId, process.token)
  const adults = connect(samling.boardId, samling.token('facilitator'))
  await Promise.all([youth.synced, adults.synced])
  // A name typed on a youth note must never travel: the youth group carries no author.
  layOutWithInbox(youth.doc, [
    { id: 'shape:idea', text: YOUTH_NOTE, meta: { samlaAuthor: 'Elsa' } },
  ])
  layOutWithInbox(adults.doc)
  await storedUntil(traff.boardId, (doc) => doc.getMap('records').has('shape:idea'))
  await storedUntil(samling.boardId, (doc) => doc.getMap('records').has('shape:inbox'))
  return { process, traff, samling, youth, adults }
}

async function storedUntil(boardId: string, ok: (doc: Y.Doc) => boolean) {
  for (;;) {
    const doc = await storedDoc(server, boardId)
    if (ok(doc)) return doc
    await new Promise((r) => setTimeout(r, 20))
  }
}

const textOf = (record: Record<string, unknown> | undefined) =>
  plainText((record?.props as { richText?: unknown } | undefined)?.richText)

const receivedIn = (records: Y.Map<Record<string, unknown>>) =>
  [...records.values()].filter((r) => r.type === 'note' && r.parentId === 'shape:inbox')

describe('a process: notes across and answers back', () => {
  it('a youth note sent to the adults’ board arrives in its Inkorg with provenance and no author, and is marked sent', async () => {
    const { traff, samling, youth, adults, process } = await processWithTwoBoards()
    const send = meetingCall(server.url, traff.meeting.id)
    const res = await send('/crossings', process.token, {
      method: 'POST',
      body: JSON.stringify({
        to: samling.meeting.id,
        shapeIds: ['shape:idea'],
        message: 'Från Träff 1',
      }),
    })
    expect(res.status).toBe(201)
    expect((await res.json()) as SendNotesResult).toEqual({
      sent: 1,
      alreadySent: 0,
      waiting: false,
    })

    await waitForDoc(adults.doc, () => receivedIn(adults.records).length === 1)
    const [copy] = receivedIn(adults.records)
    expect(textOf(copy)).toBe(YOUTH_NOTE)
    expect(copy?.meta).not.toHaveProperty('samlaAuthor')
    await waitForDoc(adults.doc, () => adults.threads.has(String(copy?.id)))
    expect(adults.threads.get(String(copy?.id))?.received).toMatchObject({
      origin: {
        group: 'demokratilabb',
        meetingTitle: 'Träff 1',
        phase: 'Öppna upp',
        date: '2027-02-05',
      },
      message: 'Från Träff 1',
      answer: null,
    })
    // The sending board marks the note "sent to Samling 1".
    await waitForDoc(youth.doc, () => youth.threads.has('shape:idea'))
    expect(youth.threads.get('shape:idea')?.sent).toEqual([
      expect.objectContaining({ toTitle: 'Samling 1', answer: null }),
    ])
    // The record has no author either, and the stored board of the adults holds the copy.
    const overview = (await (await process.call('')).json()) as ProcessOverview
    expect(overview.crossings).toHaveLength(1)
    expect(overview.crossings[0]?.author).toBeNull()
    const stored = await storedDoc(server, samling.boardId)
    expect(stored.getMap('records').has(String(copy?.id))).toBe(true)
  })

  it('sending the same notes twice says so and duplicates nothing; a whole frame sends its notes', async () => {
    const { traff, samling, adults, process } = await processWithTwoBoards()
    const send = () =>
      meetingCall(server.url, traff.meeting.id)('/crossings', process.token, {
        method: 'POST',
        body: JSON.stringify({ to: samling.meeting.id, shapeIds: ['shape:q'] }),
      })
    expect(await (await send()).json()).toMatchObject({ sent: 1, alreadySent: 0 })
    expect(await (await send()).json()).toMatchObject({ sent: 0, alreadySent: 1 })
    await waitForDoc(adults.doc, () => receivedIn(adults.records).length === 1)
    const stored = await storedDoc(server, samling.boardId)
    expect(receivedIn(stored.getMap<Record<string, unknown>>('records'))).toHaveLength(1)
  })

  it('an answer travels back to the youth board and to the youth feedback page; a participant may answer only when allowed', async () => {
    const { traff, samling, youth, adults, process } = await processWithTwoBoards()
    await meetingCall(server.url, traff.meeting.id)('/crossings', process.token, {
      method: 'POST',
      body: JSON.stringify({ to: samling.meeting.id, shapeIds: ['shape:idea'] }),
    })
    const [crossing] = ((await (await process.call('')).json()) as ProcessOverview).crossings
    const answerAs = (token: string, text: string) =>
      meetingCall(server.url, samling.meeting.id)(`/crossings/${crossing?.id}/answer`, token, {
        method: 'PUT',
        body: JSON.stringify({ text }),
      })

    // A participant without permission: refused, nothing stored.
    const refused = await answerAs(samling.token('participant'), 'Vi struntar i det')
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as ErrorBody).error.code).toBe('answers_closed')
    const projector = await answerAs(samling.token('projector'), 'Från projektorn')
    expect(projector.status).toBe(401)
    expect(
      ((await (await process.call('')).json()) as ProcessOverview).crossings[0]?.answer,
    ).toBeNull()

    const answered = await answerAs(
      samling.token('facilitator'),
      'Vi tar upp det med rektorerna i mars',
    )
    expect(answered.status).toBe(200)
    expect(((await answered.json()) as Crossing).answer?.text).toBe(
      'Vi tar upp det med rektorerna i mars',
    )
    await waitForDoc(youth.doc, () => youth.threads.get('shape:idea')?.sent?.[0]?.answer !== null)
    expect(youth.threads.get('shape:idea')?.sent?.[0]?.answer?.text).toBe(
      'Vi tar upp det med rektorerna i mars',
    )
    await waitForDoc(adults.doc, () =>
      [...adults.threads.values()].some((t) => t.received?.answer?.text.startsWith('Vi tar upp')),
    )

    // Any holder of the youth participant link reads the feedback page.
    const feedback = await meetingCall(server.url, traff.meeting.id)(
      '/feedback',
      traff.token('participant'),
    )
    expect(feedback.status).toBe(200)
    expect((await feedback.json()) as Feedback).toMatchObject({
      processName: 'Kraftsamling Blekinge',
      items: [
        {
          text: YOUTH_NOTE,
          fromTitle: 'Träff 1',
          toTitle: 'Samling 1',
          answer: { text: 'Vi tar upp det med rektorerna i mars' },
        },
      ],
    })
    // The adults' meeting has no youth feedback page.
    expect(
      (await meetingCall(server.url, samling.meeting.id)('/feedback', samling.token('participant')))
        .status,
    ).toBe(404)

    // The facilitator opens answers to participants (a control only they can set).
    adults.doc.getMap('meeting').set(ControlKey.answersOpen, true)
    await storedUntil(
      samling.boardId,
      (doc) => doc.getMap('meeting').get(ControlKey.answersOpen) === true,
    )
    expect((await answerAs(samling.token('participant'), 'Vi håller med')).status).toBe(200)
  })

  it('notes sent to a board not laid out yet wait, and appear once it is', async () => {
    const { traff, process } = await processWithTwoBoards()
    const later = await process.addMeeting({
      title: 'Samling 2',
      date: '2027-03-13',
      format: 'digital',
    })
    const res = await meetingCall(server.url, traff.meeting.id)('/crossings', process.token, {
      method: 'POST',
      body: JSON.stringify({ to: later.meeting.id, shapeIds: ['shape:idea'] }),
    })
    expect(await res.json()).toMatchObject({ sent: 1, waiting: true })
    const facilitator = connect(later.boardId, later.token('facilitator'))
    await facilitator.synced
    expect(receivedIn(facilitator.records)).toHaveLength(0)
    layOutWithInbox(facilitator.doc)
    await waitForDoc(facilitator.doc, () => receivedIn(facilitator.records).length === 1)
    const [copy] = receivedIn(facilitator.records)
    expect(textOf(copy)).toBe(YOUTH_NOTE)
    await waitForDoc(facilitator.doc, () => facilitator.threads.has(String(copy?.id)))
  })

  it('no client writes the process map, not even a facilitator: 4409 server-owned, nothing stored', async () => {
    const { samling, process } = await processWithTwoBoards()
    for (const token of [samling.token('participant'), process.token]) {
      const hostile = connect(samling.boardId, token)
      await hostile.synced
      hostile.threads.set('shape:q', {
        received: {
          crossingId: 'forged',
          origin: { group: 'demokratilabb', meetingTitle: 'Falsk', phase: 'x', date: '2027-01-01' },
          message: null,
          answer: null,
        },
      })
      expect(await hostile.closed).toBe(CloseCode.EditRefused)
      expect(hostile.closeReason).toBe(EditRefusal.ServerOwned)
    }
    const stored = await storedDoc(server, samling.boardId)
    expect(stored.getMap(PROCESS_MAP).has('shape:q')).toBe(false)
  })

  it('no client removes what the server wrote beside a note: deleting a thread entry is refused, the entry stays', async () => {
    const { traff, samling, adults, process } = await processWithTwoBoards()
    await meetingCall(server.url, traff.meeting.id)('/crossings', process.token, {
      method: 'POST',
      body: JSON.stringify({ to: samling.meeting.id, shapeIds: ['shape:idea'] }),
    })
    await waitForDoc(adults.doc, () => adults.threads.size === 1)
    const [key] = [...adults.threads.keys()]
    adults.threads.delete(String(key))
    expect(await adults.closed).toBe(CloseCode.EditRefused)
    expect(adults.closeReason).toBe(EditRefusal.ServerOwned)
    const stored = await storedDoc(server, samling.boardId)
    expect(stored.getMap(PROCESS_MAP).has(String(key))).toBe(true)
  })

  it('bad requests get clear errors: other process, deleted meeting, empty selection, long answer, wrong links', async () => {
    const { traff, samling, process } = await processWithTwoBoards()
    const send = meetingCall(server.url, traff.meeting.id)
    const post = (body: unknown, token = process.token) =>
      send('/crossings', token, { method: 'POST', body: JSON.stringify(body) })
    const codeOf = async (res: Response) => [
      res.status,
      ((await res.json()) as ErrorBody).error?.code,
    ]

    const other = await createProcess(server.url, 'Annan')
    const elsewhere = await other.addMeeting({ title: 'Annan samling' })
    expect(
      await codeOf(await post({ to: elsewhere.meeting.id, shapeIds: ['shape:idea'] })),
    ).toEqual([409, 'other_process'])
    const gone = await process.addMeeting({ title: 'Inställd' })
    await meetingCall(server.url, gone.meeting.id)('', gone.token('facilitator'), {
      method: 'DELETE',
    })
    expect(await codeOf(await post({ to: gone.meeting.id, shapeIds: ['shape:idea'] }))).toEqual([
      404,
      'meeting_not_found',
    ])
    expect(await codeOf(await post({ to: samling.meeting.id, shapeIds: [] }))).toEqual([
      400,
      'invalid_body',
    ])
    expect(
      await codeOf(await post({ to: samling.meeting.id, shapeIds: ['shape:nothing'] })),
    ).toEqual([400, 'empty_selection'])
    expect(
      await codeOf(
        await post(
          { to: samling.meeting.id, shapeIds: ['shape:idea'] },
          traff.token('participant'),
        ),
      ),
    ).toEqual([401, 'unauthorized'])
    expect(
      await codeOf(await post({ to: samling.meeting.id, shapeIds: ['shape:idea'] }, other.token)),
    ).toEqual([401, 'unauthorized'])
    const bad = await send('/crossings', process.token, { method: 'POST', body: '{"to":' })
    expect(bad.status).toBe(400)

    await post({ to: samling.meeting.id, shapeIds: ['shape:idea'] })
    const [crossing] = ((await (await process.call('')).json()) as ProcessOverview).crossings
    const answer = (
      text: string,
      meetingId = samling.meeting.id,
      token = samling.token('facilitator'),
    ) =>
      meetingCall(server.url, meetingId)(`/crossings/${crossing?.id}/answer`, token, {
        method: 'PUT',
        body: JSON.stringify({ text }),
      })
    expect(await codeOf(await answer('x'.repeat(2001)))).toEqual([400, 'invalid_body'])
    // Only the receiving meeting answers: the sender's facilitator cannot.
    expect(
      await codeOf(await answer('Svar', traff.meeting.id, traff.token('facilitator'))),
    ).toEqual([404, 'crossing_not_found'])
    // A stale meeting link (rotated away) sends nothing, on a socket or over HTTP.
    const stale = traff.token('facilitator')
    const rotated = await send('/links/facilitator/rotate', stale, { method: 'POST' })
    expect(rotated.status).toBe(200)
    expect(
      await codeOf(await post({ to: samling.meeting.id, shapeIds: ['shape:idea'] }, stale)),
    ).toEqual([401, 'unauthorized'])
    // A wrong process link is not a link at all.
    expect((await process.call('', {}, 'AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(401)
    expect(
      ((await (await process.call('')).json()) as ProcessOverview).crossings[0]?.answer,
    ).toBeNull()
  })

  it('a new Samling carried forward starts with “Från förra samlingen”: the notes received and not answered', async () => {
    const { traff, samling, youth, process } = await processWithTwoBoards()
    youth.records.set('shape:two', {
      ...(youth.records.get('shape:idea') as object),
      id: 'shape:two',
      x: 400,
    })
    const again = youth.records.get('shape:two') as Record<string, unknown>
    youth.records.set('shape:two', {
      ...again,
      props: {
        ...(again.props as object),
        richText: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Lugna rum' }] }],
        },
      },
    })
    await storedUntil(traff.boardId, (doc) => doc.getMap('records').has('shape:two'))
    await meetingCall(server.url, traff.meeting.id)('/crossings', process.token, {
      method: 'POST',
      body: JSON.stringify({ to: samling.meeting.id, shapeIds: ['shape:idea', 'shape:two'] }),
    })
    const overview = (await (await process.call('')).json()) as ProcessOverview
    const answered = overview.crossings.find((c) => c.text === YOUTH_NOTE)
    await meetingCall(server.url, samling.meeting.id)(
      `/crossings/${answered?.id}/answer`,
      process.token,
      {
        method: 'PUT',
        body: JSON.stringify({ text: 'Besvarad' }),
      },
    )

    const next = await process.addMeeting({
      title: 'Samling 2',
      date: '2027-03-13',
      carryForward: true,
    })
    const board = connect(next.boardId, process.token)
    await board.synced
    layOutWithInbox(board.doc)
    await waitForDoc(board.doc, () =>
      [...board.records.values()].some(
        (r) =>
          r.type === 'frame' &&
          (r.props as { name?: string } | undefined)?.name === 'Från förra samlingen',
      ),
    )
    const frame = [...board.records.values()].find(
      (r) => (r.props as { name?: string } | undefined)?.name === 'Från förra samlingen',
    )
    const carried = [...board.records.values()].filter((r) => r.parentId === frame?.id).map(textOf)
    expect(carried).toEqual(['Lugna rum\n— Träff 1'])
    // Laid out again (a second facilitator tab): written once only.
    board.doc.getMap('meeting').set(ControlKey.templatesVersion, 2)
    await storedUntil(
      next.boardId,
      (doc) => doc.getMap('meeting').get(ControlKey.templatesVersion) === 2,
    )
    const stored = await storedDoc(server, next.boardId)
    const frames = [...stored.getMap<Record<string, unknown>>('records').values()].filter(
      (r) => (r.props as { name?: string } | undefined)?.name === 'Från förra samlingen',
    )
    expect(frames).toHaveLength(1)
  })

  it('the process record is published as one read-only link, exported, and revoked', async () => {
    const { traff, samling, process } = await processWithTwoBoards()
    await meetingCall(server.url, traff.meeting.id)('/crossings', process.token, {
      method: 'POST',
      body: JSON.stringify({ to: samling.meeting.id, shapeIds: ['shape:idea'] }),
    })
    const [crossing] = ((await (await process.call('')).json()) as ProcessOverview).crossings
    await meetingCall(server.url, samling.meeting.id)(
      `/crossings/${crossing?.id}/answer`,
      process.token,
      {
        method: 'PUT',
        body: JSON.stringify({ text: 'Vi <b>hör</b> er' }),
      },
    )
    await meetingCall(server.url, samling.meeting.id)('/snapshots', process.token, {
      method: 'POST',
      body: JSON.stringify({ reason: 'end' }),
    })
    const published = await process.call('/publication', { method: 'PUT' })
    const { link } = (await published.json()) as { link: string }
    const token = link.split('/kd/')[1]
    const record = processRecordSchema.parse(
      await (await fetch(`${server.url}/api/published-processes/${token}/record`)).json(),
    )
    expect(record.meetings.map((m) => [m.title, m.status])).toEqual([
      ['Träff 1', 'planned'],
      ['Samling 1', 'ended'],
    ])
    expect(record.meetings[1]?.phases[0]?.name).toBe('Öppna upp')
    expect(record.crossings).toEqual([
      expect.objectContaining({
        from: 'Träff 1',
        to: 'Samling 1',
        text: YOUTH_NOTE,
        author: null,
        answer: expect.objectContaining({ text: 'Vi <b>hör</b> er' }),
      }),
    ])
    const md = await (
      await fetch(`${server.url}/api/published-processes/${token}/export/md`)
    ).text()
    expect(md).toContain('## Skickat mellan grupperna')
    expect(md).toContain('**Svar:** Vi &lt;b&gt;hör&lt;/b&gt; er')
    const html = await fetch(`${server.url}/api/published-processes/${token}/export/html?lang=en`)
    expect(html.headers.get('content-disposition')).toBe(
      'attachment; filename="kraftsamling-blekinge.html"',
    )
    const page = await html.text()
    expect(page).toContain('Vi &lt;b&gt;hör&lt;/b&gt; er')
    expect(page).toContain('<h2>Sent between the groups</h2>')
    const csv = await (await process.call('/export/csv')).text()
    // (fetch's text() drops the byte-order mark the file starts with)
    expect(csv.split('\r\n')[0]).toBe('typ,möte,datum,fas,ram,text,till,svar,tid')
    expect(csv).toContain(
      `skickad,Träff 1,2027-02-05,Öppna upp,,${YOUTH_NOTE},Samling 1,Vi <b>hör</b> er,`,
    )
    expect(
      processRecordSchema.parse(await (await process.call('/export/json')).json()).crossings,
    ).toHaveLength(1)

    await process.call('/publication', { method: 'DELETE' })
    expect((await fetch(`${server.url}/api/published-processes/${token}/record`)).status).toBe(404)
  })

  it('every process route needs the process link: none, a meeting’s facilitator link or another process’s is 401', async () => {
    const { samling, process } = await processWithTwoBoards()
    const other = await createProcess(server.url, 'Annan')
    const routes: Array<[string, string]> = [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['POST', '/meetings'],
      ['POST', '/meetings/adopt'],
      ['PUT', '/publication'],
      ['DELETE', '/publication'],
      ['GET', '/record'],
      ['GET', '/export/md'],
      ['GET', '/ideas'],
      ['GET', `/ideas/${'A'.repeat(22)}`],
      ['PATCH', `/ideas/${'A'.repeat(22)}`],
      ['POST', `/ideas/${'A'.repeat(22)}/status`],
      ['GET', `/ideas/${'A'.repeat(22)}/document`],
      ['GET', `/ideas/${'A'.repeat(22)}/description/md`],
      ['POST', `/ideas/${'A'.repeat(22)}/edit-link`],
      ['DELETE', `/ideas/${'A'.repeat(22)}/edit-link`],
      ['GET', '/blue-list'],
      ['POST', '/blue-list'],
      ['PATCH', `/blue-list/${'A'.repeat(22)}`],
      ['POST', `/blue-list/${'A'.repeat(22)}/status`],
      ['DELETE', `/blue-list/${'A'.repeat(22)}`],
    ]
    for (const [method, path] of routes)
      for (const token of [undefined, samling.token('facilitator'), other.token]) {
        const res = await fetch(`${server.url}/api/processes/${process.process.id}${path}`, {
          method,
          headers: {
            'content-type': 'application/json',
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: ['GET', 'DELETE'].includes(method) ? undefined : '{}',
        })
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 401 })
      }
    // Still there, and still the process link's.
    expect((await process.call('')).status).toBe(200)
  })
})
