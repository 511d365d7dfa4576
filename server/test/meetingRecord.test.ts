import {
  ControlKey,
  type DocumentationView,
  EMPTY_RECORD_TEXTS,
  type ErrorBody,
  type LiveAttendance,
  type RecordTexts,
  type RecordTextsView,
  VOTER_HEADER,
  voterHeaderValue,
} from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer, waitForDoc } from './helpers.ts'
import { createMeeting } from './meeting.ts'
import { allRows } from './tableRows.ts'
import { voteApi } from './voting.ts'
import { connectBoard } from './writeBoard.ts'

/**
 * Who took part and the organisers' texts of a meeting's record, through the real server:
 * participants' browsers say which organisation they come from (or nothing), the record says
 * so in seed 002's words, and the published link changes only when they publish again.
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

type Created = Awaited<ReturnType<typeof createMeeting>>

const call = (
  created: Created,
  path: string,
  token: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
) =>
  fetch(`${server.url}/api/meetings/${created.meeting.id}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...init.headers,
    },
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === 'string'
          ? init.body
          : JSON.stringify(init.body),
  })

/** A participant's browser: its voter credential, and its answer to "which organisation?". */
async function attend(created: Created, organisation: string | null, sector: string | null) {
  const credential = await voteApi(server.url, created.meeting.id).voter(
    created.token('participant'),
  )
  return call(created, '/attendance', created.token('participant'), {
    method: 'POST',
    headers: { [VOTER_HEADER]: voterHeaderValue(credential) },
    body: { organisation, sector },
  })
}

const documentation = async (created: Created) =>
  (await (
    await call(created, '/documentation', created.token('facilitator'))
  ).json()) as DocumentationView

const markdown = async (created: Created) =>
  (await call(created, '/export/md', created.token('facilitator'))).text()

describe('who took part', () => {
  it('three participants, two from the same organisation: the count, the organisations and the sentence', async () => {
    const created = await createMeeting(server.url)
    expect((await attend(created, 'Region Blekinge', 'region')).status).toBe(204)
    expect((await attend(created, '  region   blekinge ', 'region')).status).toBe(204)
    expect((await attend(created, 'Karlskrona kommun', 'kommun')).status).toBe(204)

    const live = (await (
      await call(created, '/attendance', created.token('facilitator'))
    ).json()) as LiveAttendance
    expect(live.counted).toEqual({
      count: 3,
      organisations: [
        { name: 'Region Blekinge', count: 2 },
        { name: 'Karlskrona kommun', count: 1 },
      ],
      sectors: [
        { sector: 'region', count: 2 },
        { sector: 'kommun', count: 1 },
      ],
    })
    expect((await documentation(created)).record.attendance).toEqual(live.counted)
    const md = await markdown(created)
    expect(md).toContain(
      '\nCa 3 personer från Region Blekinge och Karlskrona kommun deltog\\.\n\nSektorer: region 2, kommun 1\n',
    )

    // Suggestions for the next participant: each organisation once.
    const suggestions = await (
      await call(created, '/organisations', created.token('participant'))
    ).json()
    expect(suggestions).toEqual({ organisations: ['Region Blekinge', 'Karlskrona kommun'] })

    // The facilitator corrects the count: the sentence follows, the organisations stay.
    const texts: RecordTexts = {
      ...EMPTY_RECORD_TEXTS,
      attendance: { count: 15, organisations: null },
    }
    expect(
      (
        await call(created, '/record-texts', created.token('facilitator'), {
          method: 'PUT',
          body: texts,
        })
      ).status,
    ).toBe(200)
    expect(await markdown(created)).toContain(
      'Ca 15 personer från bland annat Region Blekinge och Karlskrona kommun deltog\\.',
    )
  })

  it('counts the participants on the board right now, and a skipped question still counts', async () => {
    const created = await createMeeting(server.url)
    const board = connectBoard(server.url, created.boardId, created.token('participant'))
    cleanups.push(() => {
      board.provider.destroy()
      board.doc.destroy()
    })
    await board.synced
    expect((await attend(created, null, null)).status).toBe(204)
    const live = (await (
      await call(created, '/attendance', created.token('facilitator'))
    ).json()) as LiveAttendance
    expect(live).toEqual({ counted: { count: 1, organisations: [], sectors: [] }, present: 1 })
    expect(await markdown(created)).toContain('\n1 person deltog\\.\n')
  })

  it('an anonymous meeting never stores who took part; nor does a Demokratilabb meeting', async () => {
    const created = await createMeeting(server.url)
    const facilitator = connectBoard(server.url, created.boardId, created.token('facilitator'))
    cleanups.push(() => {
      facilitator.provider.destroy()
      facilitator.doc.destroy()
    })
    await facilitator.synced
    facilitator.doc.getMap('meeting').set(ControlKey.anonymous, true)
    // The server sees the switch once the facilitator's update has reached it.
    const mirror = connectBoard(server.url, created.boardId, created.token('facilitator'))
    cleanups.push(() => mirror.provider.destroy())
    await mirror.synced
    await waitForDoc(mirror.doc, () => mirror.doc.getMap('meeting').get('anonymous') === true)

    const refused = await attend(created, 'Region Blekinge', 'region')
    expect(refused.status).toBe(409)
    expect(((await refused.json()) as ErrorBody).error.code).toBe('anonymous_meeting')
    expect(
      await (await call(created, '/organisations', created.token('participant'))).json(),
    ).toEqual({ organisations: [] })

    const youth = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Träff 1',
        group: 'demokratilabb',
        date: '2026-02-13',
        format: 'physical',
      }),
    })
    const youthMeeting = (await youth.json()) as {
      meeting: { id: string }
      links: { participant: string }
    }
    const token = new URL(youthMeeting.links.participant).hash.replace('#k=', '')
    const voter = await voteApi(server.url, youthMeeting.meeting.id).voter(token)
    const res = await fetch(`${server.url}/api/meetings/${youthMeeting.meeting.id}/attendance`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        [VOTER_HEADER]: voterHeaderValue(voter),
      },
      body: JSON.stringify({ organisation: 'Skolan', sector: 'skola' }),
    })
    expect(res.status).toBe(409)
    expect((await allRows(server.config)).attendees).toEqual([])
  })

  it('refuses what a hostile client sends, and keeps what was there', async () => {
    const created = await createMeeting(server.url)
    expect((await attend(created, 'Region Blekinge', 'region')).status).toBe(204)
    const participant = created.token('participant')
    const voter = await voteApi(server.url, created.meeting.id).voter(participant)
    const post = (body: unknown, headers: Record<string, string>, token = participant) =>
      call(created, '/attendance', token, { method: 'POST', body, headers })
    const asVoter = { [VOTER_HEADER]: voterHeaderValue(voter) }
    const cases: Array<[Promise<Response>, number, string]> = [
      [post({ organisation: 'X', sector: null }, {}), 401, 'invalid_voter'],
      [post({ organisation: 'X', sector: null }, { [VOTER_HEADER]: 'a.b' }), 401, 'invalid_voter'],
      [post('{"organisation":', asVoter), 400, 'invalid_json'],
      [post({ organisation: 'x'.repeat(121), sector: null }, asVoter), 400, 'invalid_body'],
      [post({ organisation: 'X', sector: 'kyrka' }, asVoter), 400, 'invalid_body'],
      [post({ organisation: 'X', sector: null, name: 'Eva' }, asVoter), 400, 'invalid_body'],
      // The facilitator's link is not a participant: nobody counts the organisers twice.
      [post({ organisation: 'X', sector: null }, asVoter, created.token('facilitator')), 401, ''],
      [post({ organisation: 'X', sector: null }, asVoter, 'A'.repeat(22)), 401, ''],
    ]
    for (const [response, status, code] of cases) {
      const res = await response
      expect(res.status).toBe(status)
      if (code) expect(((await res.json()) as ErrorBody).error.code).toBe(code)
    }
    const live = (await (
      await call(created, '/attendance', created.token('facilitator'))
    ).json()) as LiveAttendance
    expect(live.counted.count).toBe(1)
    // Only the facilitator sees the count.
    expect((await call(created, '/attendance', participant)).status).toBe(401)
    const unknown = await fetch(`${server.url}/api/meetings/${'Z'.repeat(22)}/attendance`, {
      headers: { authorization: `Bearer ${created.token('facilitator')}` },
    })
    expect([401, 404]).toContain(unknown.status)
  })
})

describe('the organisers’ texts', () => {
  const texts: RecordTexts = {
    ...EMPTY_RECORD_TEXTS,
    introduction: 'Vi genomförde det åttonde mötet.',
    spaning: {
      speaker: 'Charlotte Nylander',
      title: 'Utblick',
      text: 'Om den nationella satsningen.',
    },
    links: [
      { title: 'Samverkanswebben', url: 'https://example.se/osbr/', description: '' },
      { title: 'Skriv till oss', url: 'mailto:info@example.se', description: '' },
    ],
  }
  const put = (created: Created, body: unknown, token = created.token('facilitator')) =>
    call(created, '/record-texts', token, { method: 'PUT', body })

  it('the published link shows the texts as they were published, until they are published again', async () => {
    const created = await createMeeting(server.url)
    expect((await put(created, texts)).status).toBe(200)
    const view = (await (
      await call(created, '/record-texts', created.token('facilitator'))
    ).json()) as RecordTextsView
    expect(view).toEqual({ draft: texts, published: null })

    const published = await call(created, '/publication', created.token('facilitator'), {
      method: 'PUT',
    })
    const { url } = (await published.json()) as { url: string }
    const token = url.split('/').pop() ?? ''
    const publicView = async () =>
      (await (
        await fetch(`${server.url}/api/published/${token}/documentation`)
      ).json()) as DocumentationView
    expect((await publicView()).record.texts).toEqual(texts)

    // Written on afterwards, and a participant joins: the public record stays as it was.
    const later = { ...texts, introduction: 'Ändrat efteråt.' }
    expect((await put(created, later)).status).toBe(200)
    expect((await attend(created, 'Region Blekinge', 'region')).status).toBe(204)
    expect((await publicView()).record).toEqual({
      texts,
      attendance: { count: 0, organisations: [], sectors: [] },
    })
    expect(await (await fetch(`${server.url}/api/published/${token}/export/md`)).text()).toContain(
      'Vi genomförde det åttonde mötet\\.',
    )
    const own = await documentation(created)
    expect(own.record.texts).toEqual(later)
    expect(own.unpublishedChanges).toBe(true)

    // Publishing again brings both.
    await call(created, '/publication', created.token('facilitator'), { method: 'PUT' })
    expect((await publicView()).record.texts).toEqual(later)
    expect((await publicView()).record.attendance.count).toBe(1)
    expect((await documentation(created)).unpublishedChanges).toBe(false)
  })

  it('refuses a javascript: link, over-long text, bad JSON and other links than the facilitator’s, keeping the draft', async () => {
    const created = await createMeeting(server.url)
    expect((await put(created, texts)).status).toBe(200)
    const bad: unknown[] = [
      { ...texts, links: [{ title: 'x', url: 'javascript:alert(1)', description: '' }] },
      { ...texts, links: [{ title: 'x', url: 'data:text/html,<b>x</b>', description: '' }] },
      { ...texts, links: [{ title: 'x', url: 'https://example.se/a b', description: '' }] },
      { ...texts, introduction: 'x'.repeat(5001) },
      { ...texts, extra: true },
      '{"introduction": ',
    ]
    for (const body of bad) {
      const res = await put(created, body)
      expect(res.status).toBe(400)
      expect(['invalid_body', 'invalid_json']).toContain(
        ((await res.json()) as ErrorBody).error.code,
      )
    }
    expect((await put(created, texts, created.token('participant'))).status).toBe(401)
    const view = (await (
      await call(created, '/record-texts', created.token('facilitator'))
    ).json()) as RecordTextsView
    expect(view.draft).toEqual(texts)
  })
})
