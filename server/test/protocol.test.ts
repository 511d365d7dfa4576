import { CloseCode, MessageType } from '@samla/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { openSqliteStore } from '../src/storage/sqlite/store.ts'
import {
  awarenessFrame,
  mapUpdate,
  messageTypeOf,
  queryAwarenessFrame,
  readAwareness,
  updateFrame,
} from './frames.ts'
import {
  closeCodeOf,
  connectClient,
  RawClient,
  startTestServer,
  storedDoc,
  type TestClient,
  type TestServer,
  waitForDoc,
} from './helpers.ts'

const servers: TestServer[] = []
const clients: TestClient[] = []
const sockets: RawClient[] = []

async function server(env: Record<string, string> = {}) {
  const s = await startTestServer(env)
  servers.push(s)
  return s
}
async function raw(s: TestServer, id: string) {
  const client = await RawClient.open(s, id)
  sockets.push(client)
  return client
}
const ofType = (type: number) => (frame: Uint8Array) => messageTypeOf(frame) === type
/** Two provider clients that keep editing normally while something misbehaves beside them. */
async function bystanders(s: TestServer, id: string) {
  const a = connectClient(s, id)
  const b = connectClient(s, id)
  clients.push(a, b)
  await Promise.all([a.synced, b.synced])
  return { a, b }
}
async function assertBystandersUnaffected({ a, b }: { a: TestClient; b: TestClient }, key: string) {
  a.doc.getMap('m').set(key, 'still here')
  await waitForDoc(b.doc, () => b.doc.getMap('m').get(key) === 'still here')
  expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true)
}
const storedMap = async (s: TestServer, id: string) => (await storedDoc(s, id)).getMap('m').toJSON()

afterEach(async () => {
  for (const c of sockets.splice(0)) c.ws.terminate()
  for (const c of clients.splice(0)) c.destroy()
  for (const s of servers.splice(0)) await s.dispose()
})

describe('bad input on the WebSocket', () => {
  it('closes a malformed frame with 4400, applies and stores nothing of it, and others notice nothing', async () => {
    const s = await server()
    const { id } = await s.createBoard()
    const others = await bystanders(s, id)
    const ws = await raw(s, id)
    const valid = updateFrame(mapUpdate('evil', 'x'))
    // A sync update whose length prefix promises more bytes than the frame holds.
    const truncated = valid.slice(0, valid.length - 3)
    const closed = closeCodeOf(ws.ws)
    ws.send(truncated)
    expect(await closed).toBe(CloseCode.MalformedMessage)
    await assertBystandersUnaffected(others, 'after-malformed')
    expect(await storedMap(s, id)).toEqual({ 'after-malformed': 'still here' })
  })

  it('closes garbage inside a well-framed update with 4400 and stores nothing', async () => {
    const s = await server()
    const { id } = await s.createBoard()
    const others = await bystanders(s, id)
    const ws = await raw(s, id)
    const closed = closeCodeOf(ws.ws)
    ws.send(updateFrame(new Uint8Array([5, 200, 1, 7, 7, 7])))
    expect(await closed).toBe(CloseCode.MalformedMessage)
    await assertBystandersUnaffected(others, 'k')
    expect(await storedMap(s, id)).toEqual({ k: 'still here' })
  })

  it('refuses unknown message types, text frames and bad awareness JSON with 4400', async () => {
    const s = await server()
    const { id } = await s.createBoard()
    const others = await bystanders(s, id)
    const badAwareness = awarenessFrame(77, 1, { ok: true })
    // Corrupt the JSON of the awareness state: '{"ok":true}' → '{"ok":true'.
    badAwareness[badAwareness.length - 1] = ' '.charCodeAt(0)
    badAwareness[badAwareness.length - 2] = ' '.charCodeAt(0)
    for (const frame of [new Uint8Array([42]), 'hello', badAwareness]) {
      const ws = await raw(s, id)
      const closed = closeCodeOf(ws.ws)
      ws.send(frame)
      expect(await closed).toBe(CloseCode.MalformedMessage)
    }
    await assertBystandersUnaffected(others, 'k')
  })

  it('refuses a frame over the size limit with 1009', async () => {
    const s = await server({ SAMLA_MAX_MESSAGE_BYTES: '4096' })
    const { id } = await s.createBoard()
    const others = await bystanders(s, id)
    const ws = await raw(s, id)
    const closed = closeCodeOf(ws.ws)
    ws.send(updateFrame(mapUpdate('big', 'x'.repeat(10_000))))
    expect(await closed).toBe(CloseCode.MessageTooBig)
    await assertBystandersUnaffected(others, 'k')
    expect(await storedMap(s, id)).toEqual({ k: 'still here' })
  })

  it('disconnects a client that stops reading once its backlog passes the cap', async () => {
    const s = await server({
      SAMLA_MAX_BACKLOG_BYTES: String(256 * 1024),
      SAMLA_MAX_MESSAGE_BYTES: String(1024 * 1024),
    })
    const { id } = await s.createBoard()
    const others = await bystanders(s, id)
    const slow = await raw(s, id)
    const room = await s.rooms.peek(id)
    expect(room?.connectionCount).toBe(3)
    // Stop reading: the kernel buffers fill, then the server's send queue grows.
    ;(slow.ws as unknown as { _socket: { pause(): void } })._socket.pause()
    const chunk = 'y'.repeat(64 * 1024)
    let sent = 0
    // Bounded: the kernel's loopback buffers plus the cap are far below 64 MiB.
    while (room && room.connectionCount === 3 && sent < 1024) {
      const key = `k${sent++}`
      others.a.doc.getMap('bulk').set(key, chunk)
      // Wait until the server has relayed it, so the loop paces itself to the server.
      await waitForDoc(room.doc, () => room.doc.getMap('bulk').has(key))
      await room.persisted()
    }
    expect(room?.connectionCount).toBe(2)
    expect(sent).toBeLessThan(1024)
    // The writer's partner received every update: nobody else lost anything.
    await waitForDoc(others.b.doc, () => others.b.doc.getMap('bulk').size === sent)
    const closed = closeCodeOf(slow.ws)
    ;(slow.ws as unknown as { _socket: { resume(): void } })._socket.resume()
    expect(await closed).toBe(CloseCode.BacklogExceeded)
  })
})

describe('room ids and unknown rooms', () => {
  it('rejects invalid ids with 400 before any database access, unknown rooms with 404', async () => {
    const dataDir = (await import('node:fs')).mkdtempSync(
      `${(await import('node:os')).tmpdir()}/samla-count-`,
    )
    const store = openSqliteStore({ file: `${dataDir}/samla.sqlite` })
    const getBoard = vi.spyOn(store.documents, 'getBoard')
    const { loadConfig } = await import('../src/config.ts')
    const { startServer } = await import('../src/server.ts')
    const running = await startServer(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', SAMLA_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
      { store },
    )
    try {
      const wsUrl = running.url.replace(/^http/, 'ws')
      const statusOf = (path: string) =>
        new Promise<number>((resolve) => {
          const ws = new WebSocket(`${wsUrl}${path}`)
          ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
          ws.on('open', () => resolve(101))
          ws.on('error', () => undefined)
        })
      for (const bad of ['/ws/short', '/ws/..%2F..%2Fetc', `/ws/${'A'.repeat(21)}!`, '/ws/']) {
        expect(await statusOf(bad)).toBe(400)
      }
      expect((await fetch(`${running.url}/api/boards/nope`)).status).toBe(400)
      expect(getBoard).not.toHaveBeenCalled()
      expect(await statusOf(`/ws/${'A'.repeat(22)}`)).toBe(404)
      expect(getBoard).toHaveBeenCalledTimes(1)
      expect(running.rooms.loadedCount).toBe(0)
    } finally {
      await running.close()
      ;(await import('node:fs')).rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('awareness over the raw protocol', () => {
  it('answers query-awareness with every known state', async () => {
    const s = await server()
    const { id } = await s.createBoard()
    const a = await raw(s, id)
    a.send(awarenessFrame(1234, 1, { user: { name: 'Astrid' } }))
    const b = await raw(s, id)
    // The server volunteers known states on connect; ask again explicitly as well.
    const first = await b.next(ofType(MessageType.Awareness), 0)
    expect(readAwareness(first).get(1234)).toEqual({ user: { name: 'Astrid' } })
    const answer = b.next(ofType(MessageType.Awareness))
    b.send(queryAwarenessFrame())
    expect(readAwareness(await answer).get(1234)).toEqual({ user: { name: 'Astrid' } })
  })

  it('removes the awareness of a closed connection for everyone', async () => {
    const s = await server()
    const { id } = await s.createBoard()
    const a = await raw(s, id)
    const b = await raw(s, id)
    const seen = b.next(ofType(MessageType.Awareness))
    a.send(awarenessFrame(99, 1, { user: { name: 'Bo' } }))
    expect(readAwareness(await seen).get(99)).toEqual({ user: { name: 'Bo' } })
    const removal = b.next(ofType(MessageType.Awareness))
    a.ws.terminate()
    expect(readAwareness(await removal).get(99)).toBeNull()
  })
})
