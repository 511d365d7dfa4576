import {
  AUTHOR_KEY_PARAM,
  CloseCode,
  ControlKey,
  EditRefusal,
  MessageType,
  newAuthorKey,
  type SnapshotSummary,
} from '@samla/shared'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { closeOf } from '../attacks/fixture.ts'
import { awarenessFrame, messageTypeOf, readAwareness, updateFrame } from '../frames.ts'
import {
  closeCodeOf,
  connectClient,
  RawClient,
  storedDoc,
  type TestClient,
  waitForDoc,
  waitForPresence,
} from '../helpers.ts'
import { createMeeting, layOutPhases } from '../meeting.ts'
import { connectBoard } from '../writeBoard.ts'
import { at, type Cluster, startCluster } from './cluster.ts'

let cluster: Cluster | null = null
const clients: TestClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await cluster?.dispose()
  cluster = null
})

async function threeInstances(env: Record<string, string> = {}) {
  cluster = await startCluster(3, env)
  return cluster.servers
}

function client(server: { url: string }, boardId: string): TestClient {
  const connected = connectClient(server, boardId)
  clients.push(connected)
  return connected
}

async function createBoard(url: string): Promise<string> {
  const res = await fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: string }).id
}

/** A raw socket with a meeting token, as a page of that role connects. */
function socketWith(serverUrl: string, boardId: string, token: string): WebSocket {
  return new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/ws/${boardId}?token=${token}`)
}

const opened = (ws: WebSocket) =>
  new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })

/**
 * A meeting made on instance 1, its phases laid out by a facilitator there, and a facilitator
 * page on each of `watchOn` (instance indexes) that has received the layout.
 */
async function laidOutMeeting(servers: Cluster['servers'], watchOn: number[]) {
  const meeting = await createMeeting(at(servers, 0).url)
  const facilitatorOn = (i: number) =>
    connectBoard(at(servers, i).url, meeting.boardId, meeting.token('facilitator'))
  const facilitator = facilitatorOn(0)
  await facilitator.synced
  layOutPhases(facilitator.doc)
  const watchers = watchOn.map(facilitatorOn)
  await Promise.all(watchers.map((w) => w.synced))
  await Promise.all(
    watchers.map((w) => waitForDoc(w.doc, () => w.doc.getMap('records').has('shape:q'))),
  )
  return { meeting, facilitator, watchers }
}

describe('several instances on PostgreSQL and Redis', () => {
  it('stock providers on three instances converge, and presence reaches every instance', async () => {
    const servers = await threeInstances()
    const boardId = await createBoard(at(servers, 0).url)
    const [a, b, c] = servers.map((server) => client(server, boardId)) as [
      TestClient,
      TestClient,
      TestClient,
    ]
    await Promise.all([a.synced, b.synced, c.synced])
    for (let i = 0; i < 20; i++) {
      a.doc.getMap('m').set(`a${i}`, i)
      b.doc.getMap('m').set(`b${i}`, i)
      c.doc.getMap('m').set(`c${i}`, i)
    }
    await Promise.all([a, b, c].map((x) => waitForDoc(x.doc, () => x.doc.getMap('m').size === 60)))
    expect(b.doc.getMap('m').toJSON()).toEqual(a.doc.getMap('m').toJSON())
    expect(c.doc.getMap('m').toJSON()).toEqual(a.doc.getMap('m').toJSON())

    a.provider.awareness.setLocalStateField('user', { name: 'Facilitator' })
    await waitForPresence(c.provider.awareness, a.doc.clientID, (s) => s.user !== undefined)
    // Closing the connection removes its presence on the other instances too.
    a.destroy()
    await new Promise<void>((resolve) => {
      const check = () => {
        if (c.provider.awareness.getStates().has(a.doc.clientID)) return
        c.provider.awareness.off('change', check)
        resolve()
      }
      c.provider.awareness.on('change', check)
      check()
    })

    // What every instance relayed is in PostgreSQL: a fresh client on instance 3 reads it all.
    const fresh = client(at(servers, 2), boardId)
    await fresh.synced
    await waitForDoc(fresh.doc, () => fresh.doc.getMap('m').size === 60)
  }, 30_000)

  it('updates whose bus messages were lost or held back are caught up from the database', async () => {
    const servers = await threeInstances()
    const boardId = await createBoard(at(servers, 0).url)
    const writer = client(at(servers, 1), boardId)
    const reader = client(at(servers, 0), boardId)
    await Promise.all([writer.synced, reader.synced])
    const lossy = at(cluster?.buses ?? [], 1)
    // Every second batch is lost, every third held back: gaps the reader sees and fills.
    let n = 0
    lossy.drop = (m) => m.kind === 'updates' && n++ % 2 === 0
    lossy.delayMs = (m) => (m.kind === 'updates' && n % 3 === 0 ? 30 : 0)
    for (let i = 0; i < 40; i++) {
      writer.doc.getMap('m').set(`k${i}`, i)
      await new Promise((resolve) => setImmediate(resolve))
    }
    await waitForDoc(reader.doc, () => reader.doc.getMap('m').size === 40)
    expect(lossy.dropped).toBeGreaterThan(0)

    // The last messages of a burst lost with nothing after them: the poll finds the board ahead.
    lossy.drop = () => true
    const before = lossy.dropped
    for (let i = 0; i < 5; i++) writer.doc.getMap('tail').set(`t${i}`, i)
    await waitForDoc(reader.doc, () => reader.doc.getMap('tail').size === 5)
    expect(lossy.dropped).toBeGreaterThan(before)
  }, 30_000)

  it('a hostile raw client on another instance can neither write under someone’s client id nor speak as them', async () => {
    const servers = await threeInstances()
    const boardId = await createBoard(at(servers, 0).url)
    const alice = client(at(servers, 0), boardId)
    const bob = client(at(servers, 1), boardId)
    await Promise.all([alice.synced, bob.synced])
    const victim = alice.doc.clientID
    alice.doc.getMap('m').set('alice', 1)
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' })
    await waitForDoc(bob.doc, () => bob.doc.getMap('m').has('alice'))
    const nameOf = (state: Record<string, unknown> | undefined) =>
      (state?.user as { name?: string } | undefined)?.name
    await waitForPresence(bob.provider.awareness, victim, (st) => nameOf(st) === 'Alice')

    // New structs under Alice's client id, sent to instance 2, which learnt her claim by the bus.
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(bob.doc))
    forger.clientID = victim
    const before = Y.encodeStateVector(forger)
    forger.getMap('m').set('forged', 1)
    const writer = await RawClient.open(at(servers, 1), boardId, {
      [AUTHOR_KEY_PARAM]: newAuthorKey(),
    })
    const closed = closeOf(writer)
    writer.send(updateFrame(Y.encodeStateAsUpdate(forger, before)))
    expect(await closed).toEqual({ code: CloseCode.EditRefused, reason: EditRefusal.Identity })

    // Someone who only looks on (no edit, so no stored claim: her id is hers by presence alone),
    // spoofed on instance 3 with a clock far ahead, and a null to hide her. Instance 3 has only
    // raw sockets, which do not echo presence: her id there is hers by the bus's word alone.
    const carol = client(at(servers, 0), boardId)
    await carol.synced
    const watched = carol.doc.clientID
    const observer = await RawClient.open(at(servers, 2), boardId)
    const seen = observer.next(
      (f) =>
        messageTypeOf(f) === MessageType.Awareness &&
        nameOf(readAwareness(f).get(watched) as Record<string, unknown> | undefined) === 'Carol',
    )
    carol.provider.awareness.setLocalStateField('user', { name: 'Carol' })
    await seen
    const speaker = await RawClient.open(at(servers, 2), boardId, {
      [AUTHOR_KEY_PARAM]: newAuthorKey(),
    })
    speaker.send(awarenessFrame(watched, 1000, { user: { name: 'MALLORY' } }))
    speaker.send(awarenessFrame(watched, 2000, null))
    expect(await speaker.handled()).toBe('handled')
    speaker.ws.close()
    // Instance 3 still holds Carol's own state (a stock client would heal itself from a spoof,
    // so what counts is what the server kept and relays to everyone else).
    const room = await at(servers, 2).rooms.peek(boardId)
    const held = readAwareness(room?.presence.snapshot() ?? new Uint8Array()).get(watched)
    expect(nameOf(held as Record<string, unknown> | undefined)).toBe('Carol')
    observer.ws.close()
    carol.provider.awareness.setLocalStateField('user', { name: 'Carol B' })
    await waitForPresence(bob.provider.awareness, watched, (st) => nameOf(st) === 'Carol B')
    alice.doc.getMap('m').set('after', 1)
    await waitForDoc(bob.doc, () => bob.doc.getMap('m').has('after'))
    expect(bob.doc.getMap('m').has('forged')).toBe(false)
    const stored = await storedDoc(at(servers, 2), boardId)
    expect(stored.getMap('m').has('forged')).toBe(false)
  }, 30_000)

  it('a participant refused on one instance stays refused on every instance', async () => {
    const servers = await threeInstances()
    const { meeting, facilitator, watchers } = await laidOutMeeting(servers, [2])
    const watcher = at(watchers, 0)

    // A participant on instance 2 moves the meeting to the next phase: only a facilitator may.
    const participant = connectBoard(
      at(servers, 1).url,
      meeting.boardId,
      meeting.token('participant'),
    )
    await participant.synced
    const closed = new Promise<number>((resolve) =>
      participant.provider.on('connection-close', (event) => resolve(event?.code ?? -1)),
    )
    participant.doc.getMap('meeting').set(ControlKey.currentPhase, 'page:two')
    expect(await closed).toBe(CloseCode.EditRefused)
    participant.provider.destroy()

    // The facilitator's next change arrives everywhere; the refused one nowhere.
    facilitator.doc.getMap('records').set('shape:c', {
      ...(facilitator.doc.getMap('records').get('shape:a') as object),
      id: 'shape:c',
    })
    await waitForDoc(watcher.doc, () => watcher.doc.getMap('records').has('shape:c'))
    expect(watcher.doc.getMap('meeting').get(ControlKey.currentPhase)).toBe('page:one')
    const fresh = connectBoard(at(servers, 1).url, meeting.boardId, meeting.token('facilitator'))
    await fresh.synced
    await waitForDoc(fresh.doc, () => fresh.doc.getMap('records').has('shape:c'))
    expect(fresh.doc.getMap('meeting').get(ControlKey.currentPhase)).toBe('page:one')
    for (const x of [facilitator, watcher, fresh]) x.provider.destroy()
  }, 30_000)

  it('a phase change watched on three instances is snapshotted exactly once', async () => {
    const servers = await threeInstances()
    const { meeting, facilitator, watchers } = await laidOutMeeting(servers, [1, 2])
    facilitator.doc.getMap('meeting').set(ControlKey.currentPhase, 'page:two')
    await Promise.all(
      watchers.map((w) =>
        waitForDoc(
          w.doc,
          () => w.doc.getMap('meeting').get(ControlKey.currentPhase) === 'page:two',
        ),
      ),
    )
    const api = (server: { url: string }, path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/meetings/${meeting.meeting.id}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${meeting.token('facilitator')}`,
          'content-type': 'application/json',
        },
      })
    // Each instance's own snapshot waits for its room's writes: any phase-change snapshot
    // it were to take would be under way by then.
    for (const server of servers)
      expect((await api(server, '/snapshots', { method: 'POST', body: '{}' })).status).toBe(201)
    const list = (await (await api(at(servers, 2), '/snapshots')).json()) as SnapshotSummary[]
    expect(list.filter((s) => s.reason === 'phase-change')).toHaveLength(1)
    expect(list.filter((s) => s.reason === 'manual')).toHaveLength(3)
    for (const x of [facilitator, ...watchers]) x.provider.destroy()
  }, 30_000)

  it('rotating a link on instance 1 closes its sockets on instance 3; deleting the meeting erases it everywhere', async () => {
    const servers = await threeInstances()
    const meeting = await createMeeting(at(servers, 0).url)
    const participant = socketWith(
      at(servers, 2).url,
      meeting.boardId,
      meeting.token('participant'),
    )
    const facilitator = socketWith(
      at(servers, 1).url,
      meeting.boardId,
      meeting.token('facilitator'),
    )
    await Promise.all([opened(participant), opened(facilitator)])
    const participantClosed = closeCodeOf(participant)
    const rotated = await fetch(
      `${at(servers, 0).url}/api/meetings/${meeting.meeting.id}/links/participant/rotate`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${meeting.token('facilitator')}` },
      },
    )
    expect(rotated.status).toBe(200)
    expect(await participantClosed).toBe(CloseCode.CapabilityRevoked)

    const facilitatorClosed = closeCodeOf(facilitator)
    const deleted = await fetch(`${at(servers, 0).url}/api/meetings/${meeting.meeting.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${meeting.token('facilitator')}` },
    })
    expect(deleted.status).toBe(204)
    expect(await facilitatorClosed).toBe(CloseCode.BoardGone)
    for (const server of servers) {
      expect((await fetch(`${server.url}/api/boards/${meeting.boardId}`)).status).toBe(404)
      expect(await server.storage.loadDocument(meeting.boardId)).toMatchObject({
        state: null,
        updates: [],
      })
    }
  }, 30_000)

  it('shares the join-code attempt limit: guesses on one instance count on the others', async () => {
    const servers = await threeInstances()
    // 20 guesses a minute per address, wherever they land.
    const statuses: number[] = []
    for (let i = 0; i < 21; i++) {
      const res = await fetch(`${at(servers, i % 3).url}/api/join/ZZZZZZ`)
      statuses.push(res.status)
    }
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true)
    expect(statuses[20]).toBe(429)
  }, 30_000)

  it('shares the voter-credential limit per address and meeting across instances', async () => {
    const servers = await threeInstances({ SAMLA_VOTERS_PER_ADDRESS_PER_HOUR: '2' })
    const meeting = await createMeeting(at(servers, 0).url)
    const issue = (server: { url: string }) =>
      fetch(`${server.url}/api/meetings/${meeting.meeting.id}/voters`, {
        method: 'POST',
        headers: { authorization: `Bearer ${meeting.token('participant')}` },
      })
    expect((await issue(at(servers, 0))).status).toBe(201)
    expect((await issue(at(servers, 1))).status).toBe(201)
    expect((await issue(at(servers, 2))).status).toBe(429)
  }, 30_000)

  it('health reports PostgreSQL and Redis, and 503 when Redis does not answer', async () => {
    const servers = await threeInstances()
    const healthy = await fetch(`${at(servers, 0).url}/api/health`)
    expect(healthy.status).toBe(200)
    expect(await healthy.json()).toMatchObject({
      status: 'ok',
      database: { kind: 'postgres', state: 'up' },
      redis: 'up',
    })
    at(cluster?.buses ?? [], 0).down = true
    const down = await fetch(`${at(servers, 0).url}/api/health`)
    expect(down.status).toBe(503)
    expect(await down.json()).toMatchObject({ status: 'unavailable', redis: 'down' })
  }, 30_000)
})
