import { CloseCode, type CreatedMeeting, JOIN_CODE_PATTERN, type Meeting } from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { textNote as note } from './fixtures/records.ts'
import { mapUpdate, syncStep1Frame, updateFrame } from './frames.ts'
import { closeCodeOf, startTestServer, storedDoc, type TestServer, waitForDoc } from './helpers.ts'

let server: TestServer
const cleanups: Array<() => void> = []
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server.dispose()
})

async function createMeeting(group: 'kraftsamling' | 'demokratilabb' = 'kraftsamling') {
  const res = await fetch(`${server.url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Samling 2 – digital',
      group,
      date: '2026-02-13',
      format: 'hybrid',
    }),
  })
  expect(res.status).toBe(201)
  const created = (await res.json()) as CreatedMeeting
  const token = (role: keyof CreatedMeeting['links']) =>
    new URL(created.links[role]).hash.replace('#k=', '')
  return { ...created, token }
}

/** The stock provider with a capability token, as the browser will connect. */
function provider(boardId: string, token: string | null) {
  const doc = new Y.Doc()
  const p = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/ws`, boardId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: token ? { token } : {},
  })
  const synced = new Promise<void>((resolve) => p.once('sync', () => resolve()))
  cleanups.push(() => {
    p.destroy()
    doc.destroy()
  })
  return { doc, provider: p, synced }
}

function statusOf(boardId: string, token: string | null): Promise<number> {
  const query = token ? `?token=${token}` : ''
  return new Promise((resolve) => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/ws/${boardId}${query}`)
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    ws.on('open', () => {
      resolve(101)
      ws.terminate()
    })
    ws.on('error', () => {})
  })
}

const storedMap = async (boardId: string) =>
  (await storedDoc(server, boardId)).getMap('records').toJSON()

const facilitatorFetch = (path: string, token: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  })

describe('meetings and capability links', () => {
  it('creates a meeting with its board, three distinct links and a join code', async () => {
    const { meeting, links, token } = await createMeeting('demokratilabb')
    expect(meeting.anonymous).toBe(true)
    expect(meeting.joinCode).toMatch(JOIN_CODE_PATTERN)
    expect(new Set([token('facilitator'), token('participant'), token('projector')]).size).toBe(3)
    for (const link of Object.values(links)) expect(link).toContain(`/b/${meeting.boardId}#k=`)
    expect((await createMeeting('kraftsamling')).meeting.anonymous).toBe(false)
    const bad = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      body: '{"title":"x","group":"other"}',
    })
    expect(bad.status).toBe(400)
  })

  it('refuses a meeting board without a valid token before the upgrade', async () => {
    const { meeting, token } = await createMeeting()
    expect(await statusOf(meeting.boardId, null)).toBe(401)
    expect(await statusOf(meeting.boardId, 'A'.repeat(22))).toBe(401)
    expect(await statusOf(meeting.boardId, 'not a token')).toBe(401)
    for (const role of ['facilitator', 'participant', 'projector'] as const) {
      expect(await statusOf(meeting.boardId, token(role))).toBe(101)
    }
  })

  it('lets a projector read but never applies or stores what it sends', async () => {
    const { meeting, token } = await createMeeting()
    const participant = provider(meeting.boardId, token('participant'))
    await participant.synced
    const idea = note('shape:ide', 'page:one', 'Fler vuxna på rasterna')
    participant.doc.getMap('records').set(idea.id, idea)
    const projector = provider(meeting.boardId, token('projector'))
    await projector.synced
    await waitForDoc(projector.doc, () => projector.doc.getMap('records').has(idea.id))

    // The stock provider's own edit, and a raw update frame: neither reaches anyone.
    const scribble = note('shape:klotter', 'page:one', 'från projektorn')
    projector.doc.getMap('records').set(scribble.id, scribble)
    const raw = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/ws/${meeting.boardId}?token=${token('projector')}`,
    )
    await new Promise((resolve) => raw.once('open', resolve))
    raw.send(syncStep1Frame(new Y.Doc()))
    raw.send(updateFrame(mapUpdate('shape:ra', note('shape:ra', 'page:one', 'rå'), 'records')))
    cleanups.push(() => raw.terminate())

    // A later participant edit arrives; by then the projector's frames have been handled.
    const later = note('shape:efter', 'page:one', 'ja')
    participant.doc.getMap('records').set(later.id, later)
    await waitForDoc(projector.doc, () => projector.doc.getMap('records').has(later.id))
    expect(Object.keys(await storedMap(meeting.boardId)).sort()).toEqual([later.id, idea.id])
    expect(participant.doc.getMap('records').has(scribble.id)).toBe(false)
    expect(raw.readyState).toBe(WebSocket.OPEN)
  })

  it('rotating a link cuts off live sockets and old tokens; only the facilitator may rotate', async () => {
    const { meeting, token } = await createMeeting()
    const old = token('participant')
    const live = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/ws/${meeting.boardId}?token=${old}`,
    )
    await new Promise((resolve) => live.once('open', resolve))
    const closed = closeCodeOf(live)

    const denied = await facilitatorFetch(
      `/api/meetings/${meeting.id}/links/participant/rotate`,
      old,
      { method: 'POST' },
    )
    expect(denied.status).toBe(401)

    const res = await facilitatorFetch(
      `/api/meetings/${meeting.id}/links/participant/rotate`,
      token('facilitator'),
      {
        method: 'POST',
      },
    )
    expect(res.status).toBe(200)
    const fresh = new URL(((await res.json()) as { link: string }).link).hash.replace('#k=', '')
    expect(await closed).toBe(CloseCode.CapabilityRevoked)
    expect(await statusOf(meeting.boardId, old)).toBe(401)
    expect(await statusOf(meeting.boardId, fresh)).toBe(101)
    expect(await statusOf(meeting.boardId, token('projector'))).toBe(101)
  })

  it('resolves the join code to the participant link and can switch it off', async () => {
    const { meeting, token } = await createMeeting()
    const joined = await fetch(`${server.url}/api/join/${meeting.joinCode?.toLowerCase()}`)
    expect(joined.status).toBe(200)
    const { link } = (await joined.json()) as { link: string }
    expect(link).toContain(`#k=${token('participant')}`)

    const off = await facilitatorFetch(
      `/api/meetings/${meeting.id}/join-code`,
      token('facilitator'),
      {
        method: 'PUT',
        body: JSON.stringify({ enabled: false }),
      },
    )
    expect(((await off.json()) as Meeting).joinCode).toBeNull()
    expect((await fetch(`${server.url}/api/join/${meeting.joinCode}`)).status).toBe(404)
    const asParticipant = await facilitatorFetch(
      `/api/meetings/${meeting.id}`,
      token('participant'),
    )
    expect(asParticipant.status).toBe(401)
  })

  it('tells a link its role on the board, and refuses a meeting board without one', async () => {
    const { meeting, token } = await createMeeting()
    const access = (boardId: string, t?: string) =>
      fetch(`${server.url}/api/boards/${boardId}/access`, {
        headers: t ? { authorization: `Bearer ${t}` } : {},
      })
    expect((await access(meeting.boardId)).status).toBe(401)
    expect((await access(meeting.boardId, 'B'.repeat(22))).status).toBe(401)
    expect(await (await access(meeting.boardId, token('projector'))).json()).toEqual({
      role: 'projector',
      meetingId: meeting.id,
      meeting: {
        id: meeting.id,
        title: 'Samling 2 – digital',
        group: 'kraftsamling',
        date: '2026-02-13',
        format: 'hybrid',
        anonymous: false,
        processId: null,
      },
    })
    const plain = await server.createBoard()
    expect(await (await access(plain.id)).json()).toEqual({
      role: 'editor',
      meetingId: null,
      meeting: null,
    })
  })

  it('limits join-code guesses per address with a clear 429', async () => {
    let status = 0
    let tries = 0
    // Bounded: the limit is 20 a minute; a few more than that must be refused.
    while (tries < 25) {
      tries++
      status = (await fetch(`${server.url}/api/join/ZZZZZZ`)).status
      if (status !== 404) break
    }
    expect(status).toBe(429)
    expect(tries).toBe(21)
    const refused = await fetch(`${server.url}/api/join/ZZZZZZ`)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'too_many_attempts',
    )
  })
})
