import {
  type AddedOrganisation,
  type ConfirmationView,
  type ConfirmResult,
  type ErrorBody,
  type Handslag,
  processRecordSchema,
} from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { plainText } from '../src/board/extract.ts'
import { startTestServer, storedDoc, type TestServer, waitForDoc } from './helpers.ts'
import { inProcessApp } from './inProcessApp.ts'
import { createProcess, layOutWithInbox } from './process.ts'
import { allRows } from './tableRows.ts'
import { connectBoard } from './writeBoard.ts'

/**
 * Handslag through the real server (seed 004, Verkstad 3): the process link writes the work
 * plan with two organisations; each confirms through its own link, and the second signs it;
 * a second confirmation, a wrong link, bad input and edits after signing are refused with
 * nothing written; new commitments clear a confirmation; a new Samling's "Från förra
 * samlingen" frame carries what is due, read through a stock y-websocket client.
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

const codeOf = async (res: Response) => [res.status, ((await res.json()) as ErrorBody).error?.code]
const json = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) })
const patch = (body: unknown): RequestInit => ({ method: 'PATCH', body: JSON.stringify(body) })

/** A process with Verkstad 3, and a Handslag made there with Region Blekinge and Karlskrona. */
async function handslagOfTwo() {
  const process = await createProcess(server.url)
  const verkstad = await process.addMeeting({ title: 'Verkstad 3', date: '2027-02-13' })
  const res = await process.call(
    '/handslag',
    json({
      title: 'Handslag 2.3 Huskurer',
      meetingId: verkstad.meeting.id,
      initiatives: [{ text: 'Sprida fem huskurer' }, { text: 'Anpassa för särskilda målgrupper' }],
    }),
  )
  expect(res.status).toBe(201)
  const handslag = (await res.json()) as Handslag
  const call = (path = '', init: RequestInit = {}) =>
    process.call(`/handslag/${handslag.id}${path}`, init)
  const add = async (name: string, commitments: Array<{ text: string; due: string }>) => {
    const added = await call('/organisations', json({ name, commitments }))
    expect(added.status).toBe(201)
    const { confirmationLink } = (await added.json()) as AddedOrganisation
    const url = new URL(confirmationLink.link)
    expect(url.pathname).toBe(`/h/${handslag.id}`)
    expect(url.hash).toMatch(/^#c=[A-Za-z0-9_-]{22}$/)
    return { id: confirmationLink.organisationId, token: url.hash.slice(3) }
  }
  const region = await add('Region Blekinge', [
    { text: 'Anställa två kuratorer', due: '2027-03-01' },
    { text: 'Utvärdera huskurerna', due: '2027-09-01' },
  ])
  const kommun = await add('Karlskrona kommun', [
    { text: 'Lugna rum i tre skolor', due: '2027-03-20' },
  ])
  const confirmation = (token: string, init: RequestInit = {}, id = handslag.id) =>
    fetch(`${server.url}/api/handslag/${id}/confirmation`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    })
  const confirm = (token: string, name: string, revision = 1) =>
    confirmation(
      token,
      json({ name, role: 'Förvaltningschef', organisation: 'Region Blekinge', revision }),
    )
  const current = async () => (await (await call()).json()) as Handslag
  return { process, verkstad, handslag, call, region, kommun, confirmation, confirm, current }
}

describe('Handslag', () => {
  it('two organisations confirm through their own links and the last signs it; the record and its exports carry it', async () => {
    const { process, handslag, call, region, kommun, confirmation, confirm, current } =
      await handslagOfTwo()
    // The organisation's page: the work plan, its own commitments, who else takes part.
    const view = (await (await confirmation(region.token)).json()) as ConfirmationView
    expect(view).toMatchObject({
      processName: 'Kraftsamling Blekinge',
      title: 'Handslag 2.3 Huskurer',
      meetingTitle: 'Verkstad 3',
      initiatives: [{ text: 'Sprida fem huskurer' }, { text: 'Anpassa för särskilda målgrupper' }],
      organisations: [
        { name: 'Region Blekinge', confirmed: false },
        { name: 'Karlskrona kommun', confirmed: false },
      ],
      organisation: { name: 'Region Blekinge', revision: 1, confirmation: null },
      signedAt: null,
    })
    expect(view.organisation.commitments).toHaveLength(2)

    const first = await confirm(region.token, 'Anna Berg')
    expect(first.status).toBe(200)
    expect(((await first.json()) as ConfirmResult).signed).toBe(false)
    // The same link again is refused, and changes nothing.
    const before = await current()
    expect(await codeOf(await confirm(region.token, 'Bo Ek'))).toEqual([409, 'already_confirmed'])
    expect(await current()).toEqual(before)
    expect(before.organisations[0]?.confirmation).toMatchObject({
      name: 'Anna Berg',
      role: 'Förvaltningschef',
    })

    // Published now, the record holds signed Handslag only; the process link sees this one, unsigned.
    const { link } = (await (await process.call('/publication', { method: 'PUT' })).json()) as {
      link: string
    }
    const published = `${server.url}/api/published-processes/${link.split('/kd/')[1]}`
    const publicRecord = processRecordSchema.parse(
      await (await fetch(`${published}/record`)).json(),
    )
    expect(publicRecord.handslag).toEqual([])
    const own = processRecordSchema.parse(await (await process.call('/record')).json())
    expect(own.handslag).toMatchObject([{ title: 'Handslag 2.3 Huskurer', signedAt: null }])
    expect(await (await process.call('/export/md')).text()).toContain(
      '*Ej undertecknat: 1 av 2 har bekräftat · Gjort på Verkstad 3*',
    )
    expect(await (await fetch(`${published}/export/md`)).text()).toContain(
      'Inga undertecknade handslag.',
    )

    const last = await confirm(kommun.token, 'Karin Holm')
    expect(((await last.json()) as ConfirmResult).signed).toBe(true)
    const signed = await current()
    expect(signed.signedAt).not.toBeNull()
    const list = (await (await process.call('/handslag')).json()) as Handslag[]
    expect(list.map((h) => [h.id, h.signedAt])).toEqual([[handslag.id, signed.signedAt]])

    const record = processRecordSchema.parse(await (await fetch(`${published}/record`)).json())
    expect(record.handslag).toEqual([
      {
        title: 'Handslag 2.3 Huskurer',
        meetingTitle: 'Verkstad 3',
        signedAt: signed.signedAt,
        initiatives: [
          { ideaNumber: null, text: 'Sprida fem huskurer' },
          { ideaNumber: null, text: 'Anpassa för särskilda målgrupper' },
        ],
        organisations: [
          expect.objectContaining({
            name: 'Region Blekinge',
            confirmation: expect.objectContaining({ name: 'Anna Berg', role: 'Förvaltningschef' }),
          }),
          expect.objectContaining({
            name: 'Karlskrona kommun',
            commitments: [{ text: 'Lugna rum i tre skolor', due: '2027-03-20' }],
            confirmation: expect.objectContaining({ name: 'Karin Holm' }),
          }),
        ],
      },
    ])
    const md = await (await fetch(`${published}/export/md`)).text()
    expect(md).toContain('## Handslag\n\n### Handslag 2\\.3 Huskurer\n\nUndertecknat 20')
    expect(md).toContain('- Lugna rum i tre skolor (senast 2027-03-20)')
    expect(md).toContain('Bekräftat av Anna Berg, Förvaltningschef, Region Blekinge, 20')
    const html = await (await fetch(`${published}/export/html?lang=en`)).text()
    expect(html).toContain('<h3>Handslag 2.3 Huskurer</h3>')
    expect(html).toContain('<h4>Karlskrona kommun</h4>')
    expect(html).toContain('(by 2027-03-20)')
    const csv = await (await fetch(`${published}/export/csv`)).text()
    expect(csv).toContain('åtagande,Handslag 2.3 Huskurer,2027-03-20,,Karlskrona kommun')

    // Signed: read-only, every change refused with nothing changed.
    const refused = [
      await call('', patch({ title: 'Nytt namn' })),
      await call('/organisations', json({ name: 'Rädda Barnen' })),
      await call(`/organisations/${region.id}`, patch({ commitments: [] })),
      await call(`/organisations/${region.id}`, { method: 'DELETE' }),
      await call(`/organisations/${region.id}/link`, { method: 'POST' }),
      await call('', { method: 'DELETE' }),
    ]
    for (const res of refused) expect(await codeOf(res)).toEqual([409, 'signed'])
    expect(await current()).toEqual(signed)
    // Its links keep showing the signed work plan; confirming again is still refused.
    expect(((await (await confirmation(kommun.token)).json()) as ConfirmationView).signedAt).toBe(
      signed.signedAt,
    )
    expect(await codeOf(await confirm(kommun.token, 'Karin Holm'))).toEqual([
      409,
      'already_confirmed',
    ])
  })

  it('an initiative may be one of the process’s ideas, numbered as the idea is', async () => {
    const { process, verkstad, call, current } = await handslagOfTwo()
    const board = connectBoard(server.url, verkstad.boardId, process.token)
    cleanups.push(() => {
      board.provider.destroy()
      board.doc.destroy()
    })
    await board.synced
    layOutWithInbox(board.doc, [{ id: 'shape:idea', text: 'Lugna rum på rasterna' }])
    while (!(await storedDoc(server, verkstad.boardId)).getMap('records').has('shape:idea'))
      await new Promise((r) => setTimeout(r, 20))
    const made = await fetch(`${server.url}/api/meetings/${verkstad.meeting.id}/ideas`, {
      method: 'POST',
      headers: { authorization: `Bearer ${process.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ shapeIds: ['shape:idea'] }),
    })
    const idea = (await made.json()) as { id: string; number: number }
    const res = await call(
      '',
      patch({ initiatives: [{ ideaId: idea.id, text: 'Lugna rum' }, { text: 'Fri text' }] }),
    )
    expect(res.status).toBe(200)
    expect((await current()).initiatives).toEqual([
      { ideaId: idea.id, ideaNumber: 1, text: 'Lugna rum' },
      { ideaId: null, ideaNumber: null, text: 'Fri text' },
    ])
    const record = processRecordSchema.parse(await (await process.call('/record')).json())
    expect(record.handslag[0]?.initiatives[0]).toEqual({ ideaNumber: 1, text: 'Lugna rum' })
    expect(await (await process.call('/export/md')).text()).toContain('- I-1 Lugna rum')
  })

  it('a wrong or missing link is a 401; another process sees nothing of it', async () => {
    const { handslag, region, confirmation, confirm, current } = await handslagOfTwo()
    expect(await codeOf(await confirmation('A'.repeat(22)))).toEqual([401, 'unauthorized'])
    expect(await codeOf(await confirm('A'.repeat(22), 'Anna'))).toEqual([401, 'unauthorized'])
    const none = await fetch(`${server.url}/api/handslag/${handslag.id}/confirmation`)
    expect(await codeOf(none)).toEqual([401, 'unauthorized'])
    // One Handslag's link opens no other.
    const other = await handslagOfTwo()
    expect(await codeOf(await confirmation(region.token, {}, other.handslag.id))).toEqual([
      401,
      'unauthorized',
    ])
    expect(await codeOf(await other.process.call(`/handslag/${handslag.id}`))).toEqual([
      404,
      'handslag_not_found',
    ])
    const stranger = await other.process.call(
      `/handslag/${handslag.id}`,
      {},
      region.token, // an organisation's link is no process link
    )
    expect(stranger.status).toBe(401)
    expect((await current()).organisations.every((o) => o.confirmation === null)).toBe(true)
  })

  it('over-long fields, invalid JSON and unknown references are refused with 400, nothing half-written', async () => {
    const { process, handslag, call, region, confirmation, current, confirm } =
      await handslagOfTwo()
    const other = await createProcess(server.url, 'Annan')
    const elsewhere = await other.addMeeting({ title: 'Annans samling' })
    const make = (body: unknown) => process.call('/handslag', json(body))
    for (const [body, code] of [
      [{ title: 'x'.repeat(201) }, 'invalid_body'],
      [{ title: 'H', extra: 1 }, 'invalid_body'],
      [{ title: 'H', initiatives: [{ text: 'x'.repeat(1001) }] }, 'invalid_body'],
      [{ title: 'H', initiatives: Array(41).fill({ text: 'x' }) }, 'invalid_body'],
      [{ title: 'H', initiatives: [{ ideaId: 'A'.repeat(22), text: 'I-9' }] }, 'unknown_idea'],
      [{ title: 'H', meetingId: elsewhere.meeting.id }, 'unknown_meeting'],
    ] as const)
      expect(await codeOf(await make(body))).toEqual([400, code])
    const broken = await process.call('/handslag', { method: 'POST', body: '{"title":' })
    expect(await codeOf(broken)).toEqual([400, 'invalid_json'])
    expect(((await (await process.call('/handslag')).json()) as Handslag[]).length).toBe(1)

    const before = await current()
    for (const body of [
      { name: 'x'.repeat(201) },
      { name: 'Skola', commitments: [{ text: 'x'.repeat(1001), due: '2027-03-01' }] },
      { name: 'Skola', commitments: [{ text: 'Rast', due: '1 mars' }] },
      { name: 'Skola', commitments: Array(11).fill({ text: 'Rast', due: '2027-03-01' }) },
    ])
      expect(await codeOf(await call('/organisations', json(body)))).toEqual([400, 'invalid_body'])
    expect(
      await codeOf(
        await call(
          `/organisations/${region.id}`,
          patch({ commitments: [{ text: '', due: '2027-03-01' }] }),
        ),
      ),
    ).toEqual([400, 'invalid_body'])
    expect(await codeOf(await call('', { method: 'PATCH', body: '[' }))).toEqual([
      400,
      'invalid_json',
    ])
    expect(await codeOf(await call('', patch({ title: '' })))).toEqual([400, 'invalid_body'])
    expect(await current()).toEqual(before)

    // The confirmation: each field bounded, every field needed, the body JSON.
    const post = (body: unknown) => confirmation(region.token, json(body))
    const ok = { name: 'Anna', role: 'Chef', organisation: 'Region Blekinge', revision: 1 }
    for (const body of [
      { ...ok, name: 'x'.repeat(201) },
      { ...ok, role: 'x'.repeat(201) },
      { ...ok, organisation: '' },
      { ...ok, revision: 'one' },
      { ...ok, extra: true },
    ])
      expect(await codeOf(await post(body))).toEqual([400, 'invalid_body'])
    expect(
      await codeOf(await confirmation(region.token, { method: 'POST', body: '{"name":"Anna"' })),
    ).toEqual([400, 'invalid_json'])
    expect(await current()).toEqual(before)
    expect((await confirm(region.token, 'Anna')).status).toBe(200)
    expect(handslag.id).toBe(before.id)
  })

  it('new commitments after a confirmation clear it: the organisation confirms the new ones; a rotated link replaces the old', async () => {
    const fresh = await handslagOfTwo()
    await fresh.confirm(fresh.region.token, 'Anna Berg')
    // A new name keeps the confirmation.
    const renamed = await fresh.call(
      `/organisations/${fresh.region.id}`,
      patch({ name: 'Region Blekinge, HSF' }),
    )
    expect(((await renamed.json()) as Handslag).organisations[0]?.confirmation?.name).toBe(
      'Anna Berg',
    )
    const changed = await fresh.call(
      `/organisations/${fresh.region.id}`,
      patch({ commitments: [{ text: 'Anställa tre kuratorer', due: '2027-04-01' }] }),
    )
    expect(changed.status).toBe(200)
    expect(((await changed.json()) as Handslag).organisations[0]).toMatchObject({
      revision: 2,
      confirmation: null,
    })
    // Confirming what the page showed before the change is refused; the new revision is not.
    expect(await codeOf(await fresh.confirm(fresh.region.token, 'Anna Berg', 1))).toEqual([
      409,
      'commitments_changed',
    ])
    expect((await fresh.confirm(fresh.region.token, 'Anna Berg', 2)).status).toBe(200)

    // A new link for Karlskrona: the old one is a 401, the new one opens its page.
    const rotated = await fresh.call(`/organisations/${fresh.kommun.id}/link`, { method: 'POST' })
    const { link } = (await rotated.json()) as { link: string }
    const token = new URL(link).hash.slice(3)
    expect((await fresh.confirmation(fresh.kommun.token)).status).toBe(401)
    const view = (await (await fresh.confirmation(token)).json()) as ConfirmationView
    expect(view.organisation.name).toBe('Karlskrona kommun')
    expect(
      ((await (await fresh.confirm(token, 'Karin Holm')).json()) as ConfirmResult).signed,
    ).toBe(true)
    expect((await fresh.current()).signedAt).not.toBeNull()
  })

  it('a new Samling’s “Från förra samlingen” frame carries the confirmed commitments due before the group’s next meeting', async () => {
    const { process, call, region, kommun, confirm } = await handslagOfTwo()
    // A third organisation has not confirmed: its commitment is not carried.
    await call(
      '/organisations',
      json({ name: 'Rädda Barnen', commitments: [{ text: 'Stödgrupper', due: '2027-03-01' }] }),
    )
    await confirm(region.token, 'Anna Berg')
    await confirm(kommun.token, 'Karin Holm')
    await process.addMeeting({ title: 'Samling 3', date: '2027-04-10' })
    const samling2 = await process.addMeeting({
      title: 'Samling 2',
      date: '2027-03-13',
      carryForward: true,
    })
    const carried = await carriedInto(samling2.boardId, process.token)
    expect(carried).toEqual([
      'Region Blekinge: Anställa två kuratorer (senast 2027-03-01)',
      'Karlskrona kommun: Lugna rum i tre skolor (senast 2027-03-20)',
    ])
    // Stored before it reached the client.
    const stored = await storedDoc(server, samling2.boardId)
    expect(notesOfCarriedFrame(stored)).toEqual(carried)

    // After the last planned meeting, every confirmed commitment is still open.
    const samling4 = await process.addMeeting({
      title: 'Samling 4',
      date: '2027-05-15',
      carryForward: true,
    })
    expect(await carriedInto(samling4.boardId, process.token)).toEqual([
      'Region Blekinge: Anställa två kuratorer (senast 2027-03-01)',
      'Karlskrona kommun: Lugna rum i tre skolor (senast 2027-03-20)',
      'Region Blekinge: Utvärdera huskurerna (senast 2027-09-01)',
    ])
  })

  it('is erased with its process, the names of who confirmed with it; erasing its meeting leaves it without the meeting', async () => {
    const { process, verkstad, region, confirm, confirmation, current } = await handslagOfTwo()
    await confirm(region.token, 'Anna Berg')
    const meetingGone = await fetch(`${server.url}/api/meetings/${verkstad.meeting.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${process.token}` },
    })
    expect(meetingGone.status).toBe(204)
    expect((await current()).meetingId).toBeNull()
    expect((await process.call('', { method: 'DELETE' })).status).toBe(204)
    expect(await codeOf(await confirmation(region.token))).toEqual([401, 'unauthorized'])
    expect(await server.store.handslag.list(process.process.id)).toEqual([])
    const rows = await allRows(server.config)
    expect([rows.handslag, rows.handslag_organisations]).toEqual([[], []])
  })
})

/** The notes of the board's "Från förra samlingen" frame, in their order in it. */
function notesOfCarriedFrame(doc: Y.Doc): string[] {
  const records = [...doc.getMap<Record<string, unknown>>('records').values()]
  const frame = records.find(
    (r) => r.type === 'frame' && (r.props as { name?: string }).name === 'Från förra samlingen',
  )
  return records
    .filter((r) => frame && r.parentId === frame.id)
    .sort((a, b) => String(a.index).localeCompare(String(b.index)))
    .map((r) => plainText((r.props as { richText?: unknown }).richText))
}

/** Lays the board out as the facilitator's first visit does, and reads its carried frame. */
async function carriedInto(boardId: string, token: string): Promise<string[]> {
  const client = connectBoard(server.url, boardId, token)
  cleanups.push(() => {
    client.provider.destroy()
    client.doc.destroy()
  })
  await client.synced
  layOutWithInbox(client.doc)
  await waitForDoc(client.doc, () => notesOfCarriedFrame(client.doc).length > 0)
  return notesOfCarriedFrame(client.doc)
}

describe('access to the Handslag routes', () => {
  it('every route that edits a Handslag needs the process link: none, or an organisation’s link, is a 401', async () => {
    const fixture = await inProcessApp()
    try {
      const routes = [
        ...new Set(
          fixture.app.routes
            .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/processes/:id/handslag'))
            .map((r) => `${r.method} ${r.path}`),
        ),
      ]
      expect(routes.length).toBe(9)
      const created = await fixture.app.request('/api/processes', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'K' }),
      })
      const { process } = (await created.json()) as { process: { id: string } }
      for (const route of routes) {
        const [method = '', pattern = ''] = route.split(' ')
        const url = pattern.replace(/:(\w+)/g, (_, name: string) =>
          name === 'id' ? process.id : 'A'.repeat(22),
        )
        for (const headers of [{}, { authorization: `Bearer ${'B'.repeat(22)}` }] as Record<
          string,
          string
        >[]) {
          const res = await fixture.app.request(url, {
            method,
            headers: { 'content-type': 'application/json', ...headers },
            body: ['GET', 'DELETE'].includes(method) ? undefined : '{}',
          })
          expect([route, await codeOf(res)]).toEqual([route, [401, 'unauthorized']])
        }
      }
    } finally {
      await fixture.dispose()
    }
  })
})
