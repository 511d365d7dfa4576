import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { CloseCode, EditRefusal, RECORDS_MAP } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { startChildServer } from '../childServer.ts'
import { textNote } from '../fixtures/records.ts'
import { updateFrame } from '../frames.ts'
import { type TestServer, waitForDoc } from '../helpers.ts'
import { connectBoard } from '../writeBoard.ts'
import { closeOf, useAttackFixture } from './fixture.ts'

/** Attacks on the server's memory and time, from raw sockets against stock providers. */
const { server, raw, cleanup } = useAttackFixture()

/** An update whose structs wait for a first transaction that is never sent. */
function parkedUpdate(bytes: number): Uint8Array {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  doc.getMap('m').set('first', 1)
  doc.getMap('m').set('blob', 'x'.repeat(bytes))
  return updates[1] as Uint8Array
}

describe('attacks on memory', () => {
  it('[7] edits that wait for clocks never sent are bounded per connection and per room, and no joiner is ever sent them', async () => {
    const s = await server({
      SAMLA_MAX_PENDING_BYTES_PER_CONNECTION: String(1024 * 1024),
      SAMLA_MAX_PENDING_BYTES_PER_ROOM: String(3 * 1024 * 1024),
    })
    const { id } = await s.createBoard()
    const honest = connectBoard(s.url, id, null)
    cleanup(() => honest.provider.destroy())
    await honest.synced

    // One connection: a 6 MiB parked update is over its own bound at once.
    const greedy = await raw(s, id)
    const greedyClosed = closeOf(greedy)
    greedy.send(updateFrame(parkedUpdate(6 * 1024 * 1024)))
    expect(await greedyClosed).toEqual({ code: CloseCode.EditRefused, reason: EditRefusal.Pending })

    // Many connections: each within its bound, until the room's is reached.
    const outcomes: string[] = []
    for (let i = 0; i < 5; i++) {
      const socket = await raw(s, id)
      socket.send(updateFrame(parkedUpdate(900 * 1024)))
      outcomes.push(await socket.handled())
    }
    expect(outcomes).toEqual(['handled', 'handled', 'handled', 'closed', 'closed'])
    const room = await s.rooms.peek(id)
    expect(room?.heldBytes).toBeLessThanOrEqual(3 * 1024 * 1024)
    // Nothing held is in the document: a joiner's sync carries none of it.
    expect(room?.doc.store.pendingStructs).toBeNull()
    const joiner = connectBoard(s.url, id, null)
    cleanup(() => joiner.provider.destroy())
    await joiner.synced
    expect(Y.encodeStateAsUpdate(joiner.doc).byteLength).toBeLessThan(1024)
    // The honest one is unaffected.
    honest.doc.getMap(RECORDS_MAP).set('shape:n', textNote('shape:n', 'page:p', 'hej'))
    await waitForDoc(joiner.doc, () => joiner.doc.getMap(RECORDS_MAP).has('shape:n'))
  })
})

/** A TCP socket from a given loopback address that connects and then says nothing. */
function idleSocket(s: TestServer, localAddress: string) {
  const socket = net.connect({ host: '127.0.0.1', port: s.port, localAddress })
  cleanup(() => socket.destroy())
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()))
  socket.on('error', () => {})
  return { socket, closed, connected }
}

describe('attacks on connections', () => {
  it('[9] under a low file limit, idle sockets from one address cannot make the server fail others (EMFILE)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-files-'))
    const started: Record<string, unknown> = {}
    // Soft 200, hard 256: Node raises the soft limit to the hard one as it starts.
    const child = await startChildServer(dir, {
      wrap: ['prlimit', '--nofile=200:256'],
      onLog: (entry) => {
        if (entry.msg === 'Samla is listening') Object.assign(started, entry)
      },
    })
    try {
      expect(started).toMatchObject({ openFiles: 256, maxConnections: 128 })
      const target = { port: child.port } as TestServer
      const sockets = Array.from({ length: 300 }, () => idleSocket(target, '127.0.0.2'))
      await Promise.all(sockets.map((s) => Promise.race([s.connected, s.closed])))
      const health = await fetch(`${child.url}/api/health`)
      expect(health.status).toBe(200)
      const board = await fetch(`${child.url}/api/boards`, { method: 'POST' })
      expect(board.status).toBe(201)
    } finally {
      await child.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('[9] one address can hold only so many connections; others are served meanwhile', async () => {
    const s = await server({ SAMLA_MAX_CONNECTIONS_PER_ADDRESS: '20' })
    const held = Array.from({ length: 20 }, () => idleSocket(s, '127.0.0.2'))
    await Promise.all(held.map((h) => h.connected))
    // Every one of them was accepted; the next is closed at once.
    const extra = idleSocket(s, '127.0.0.2')
    await extra.closed
    expect(held.every((h) => !h.socket.destroyed)).toBe(true)
    const health = await fetch(`${s.url}/api/health`)
    expect(health.status).toBe(200)
    // A freed place can be taken again.
    held[0]?.socket.destroy()
    await held[0]?.closed
    const again = idleSocket(s, '127.0.0.2')
    await again.connected
    expect(again.socket.destroyed).toBe(false)
  })

  it('[9] a socket that never sends a request is closed after the headers timeout', async () => {
    const s = await server({ SAMLA_HEADERS_TIMEOUT_MS: '300' })
    const idle = idleSocket(s, '127.0.0.1')
    let answer = ''
    idle.socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString()
    })
    await idle.connected
    await idle.closed
    expect(answer === '' || answer.startsWith('HTTP/1.1 408')).toBe(true)
  })

  it('[9] a board takes only so many WebSockets; the next is refused 429 before the handshake', async () => {
    const s = await server({ SAMLA_MAX_CONNECTIONS_PER_BOARD: '3' })
    const { id } = await s.createBoard()
    for (let i = 0; i < 3; i++) await raw(s, id)
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${s.url.replace(/^http/, 'ws')}/ws/${id}`)
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.once('open', () => resolve(101))
      ws.on('error', () => {})
    })
    expect(status).toBe(429)
  })
})

describe('attacks on a board’s size', () => {
  it('a board takes nothing but deletions once it holds SAMLA_MAX_BOARD_BYTES, so every joiner can still be sent it', async () => {
    const s = await server({ SAMLA_MAX_BOARD_BYTES: String(300 * 1024) })
    const { id } = await s.createBoard()
    const writer = connectBoard(s.url, id, null)
    cleanup(() => writer.provider.destroy())
    await writer.synced
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      writer.provider.once('connection-close', (event) =>
        resolve({ code: event?.code ?? -1, reason: event?.reason ?? '' }),
      ),
    )
    // Notes of 4,000 characters until the board is full.
    for (let i = 0; i < 100 && writer.provider.wsconnected; i++) {
      writer.doc
        .getMap(RECORDS_MAP)
        .set(`shape:n${i}`, textNote(`shape:n${i}`, 'page:p', `${i}`.padEnd(4000, 'x')))
      await (await s.rooms.peek(id))?.persisted()
    }
    expect(await closed).toEqual({ code: CloseCode.EditRefused, reason: EditRefusal.TooLarge })
    const room = await s.rooms.peek(id)
    const stored = room?.doc.getMap(RECORDS_MAP).size ?? 0
    expect(stored).toBeGreaterThan(40)
    expect(stored).toBeLessThan(100)

    // A deletion is still taken, and a joiner gets the whole board.
    const cleaner = connectBoard(s.url, id, null)
    cleanup(() => cleaner.provider.destroy())
    await cleaner.synced
    expect(cleaner.doc.getMap(RECORDS_MAP).size).toBe(stored)
    cleaner.doc.getMap(RECORDS_MAP).delete('shape:n0')
    const watcher = connectBoard(s.url, id, null)
    cleanup(() => watcher.provider.destroy())
    await watcher.synced
    await waitForDoc(watcher.doc, () => !watcher.doc.getMap(RECORDS_MAP).has('shape:n0'))
  })
})
