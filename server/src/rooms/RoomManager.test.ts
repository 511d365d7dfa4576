import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CloseCode } from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { awarenessFrame, syncStep1Frame, updateFrame } from '../../test/frames.ts'
import { createLogger } from '../logger.ts'
import { SqliteStorage } from '../storage/sqlite.ts'
import { Connection, type RoomSocket } from './Connection.ts'
import { RoomManager } from './RoomManager.ts'

/** An in-memory socket: frames the room sends are kept for inspection. */
class MemorySocket implements RoomSocket {
  readonly sent: Uint8Array[] = []
  closedWith: number | null = null
  bufferedAmount = 0
  send(data: Uint8Array) {
    this.sent.push(data)
  }
  close(code: number) {
    this.closedWith = code
  }
}

let dir: string
let storage: SqliteStorage
let manager: RoomManager
const id = 'A'.repeat(22)

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-rooms-'))
  storage = new SqliteStorage({ file: path.join(dir, 'db.sqlite') })
  await storage.createBoard({ id, title: '', createdAt: new Date() })
  const logger = createLogger('silent')
  manager = new RoomManager(
    storage,
    { compactAfterUpdates: 3, presenceBudget: 450, logger },
    logger,
  )
})
afterEach(async () => {
  vi.useRealTimers()
  await storage.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

function mapUpdate(key: string) {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, key)
  return Y.encodeStateAsUpdate(doc)
}

describe('RoomManager lifecycle', () => {
  it('unloads after the last connection leaves and leaves no timer behind', async () => {
    vi.useFakeTimers()
    const room = await manager.acquire(id)
    const conn = new Connection(new MemorySocket(), 1 << 20, () => {})
    room.addConnection(conn)
    room.handleFrame(conn, awarenessFrame(7, 1, { user: { name: 'Dag' } }))
    for (const key of ['a', 'b', 'c', 'd']) room.handleFrame(conn, updateFrame(mapUpdate(key)))
    // Awareness keeps an interval and the log flush waits for the next turn.
    expect(vi.getTimerCount()).toBeGreaterThan(0)
    await vi.runOnlyPendingTimersAsync()
    await room.persisted()

    const unloaded = new Promise((resolve) => manager.once('unloaded', resolve))
    room.removeConnection(conn)
    manager.release(id)
    await vi.runOnlyPendingTimersAsync()
    await unloaded
    expect(manager.isLoaded(id)).toBe(false)
    expect(vi.getTimerCount()).toBe(0)
    // Past the threshold the unload compacted the log into one state.
    const stored = await storage.loadDocument(id)
    expect(stored.updates).toHaveLength(0)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, stored.state ?? new Uint8Array())
    expect(doc.getMap('m').toJSON()).toEqual({ a: 'a', b: 'b', c: 'c', d: 'd' })
  })

  it('shares one load between concurrent joins and keeps a room that is re-joined while unloading', async () => {
    const loadDocument = vi.spyOn(storage, 'loadDocument')
    const [r1, r2] = await Promise.all([manager.acquire(id), manager.acquire(id)])
    expect(r1).toBe(r2)
    expect(loadDocument).toHaveBeenCalledTimes(1)
    manager.release(id)
    manager.release(id)
    // Re-acquire before the unload's awaits have finished: the same room stays.
    const r3 = await manager.acquire(id)
    expect(r3).toBe(r1)
    expect(manager.isLoaded(id)).toBe(true)
    expect(loadDocument).toHaveBeenCalledTimes(1)
    const unloaded = new Promise((resolve) => manager.once('unloaded', resolve))
    manager.release(id)
    await unloaded
    expect(manager.isLoaded(id)).toBe(false)
  })

  it('relays an update to others only after it is in the log', async () => {
    const room = await manager.acquire(id)
    const writerSocket = new MemorySocket()
    const readerSocket = new MemorySocket()
    const writer = new Connection(writerSocket, 1 << 20, () => {})
    const reader = new Connection(readerSocket, 1 << 20, () => {})
    room.addConnection(writer)
    room.addConnection(reader)
    const before = readerSocket.sent.length
    const append = vi.spyOn(storage, 'appendUpdates')
    room.handleFrame(writer, updateFrame(mapUpdate('x')))
    // Applied in memory, not yet appended, so not yet relayed.
    expect(append).not.toHaveBeenCalled()
    expect(readerSocket.sent.length).toBe(before)
    await room.persisted()
    expect(append).toHaveBeenCalledTimes(1)
    expect(readerSocket.sent.length).toBe(before + 1)
    // The writer does not get its own update back.
    expect(writerSocket.sent.some((f) => readerSocket.sent.at(-1) === f)).toBe(false)
    room.removeConnection(writer)
    room.removeConnection(reader)
    manager.release(id)
  })

  it('encodes the full sync once for fresh joiners and again only after the board changed', async () => {
    const room = await manager.acquire(id)
    const writer = new Connection(new MemorySocket(), 1 << 20, () => {})
    room.addConnection(writer)
    room.handleFrame(writer, updateFrame(mapUpdate('x')))
    await room.persisted()
    const join = async () => {
      const socket = new MemorySocket()
      const conn = new Connection(socket, 1 << 20, () => {})
      room.addConnection(conn)
      room.handleFrame(conn, syncStep1Frame(new Y.Doc()))
      await room.persisted()
      await new Promise((resolve) => setImmediate(resolve))
      return socket.sent.at(-1)
    }
    const [first, second] = await Promise.all([join(), join()])
    expect(first).toBeDefined()
    expect(second).toBe(first)
    room.handleFrame(writer, updateFrame(mapUpdate('y')))
    await room.persisted()
    const third = await join()
    expect(third).not.toBe(first)
    expect((third?.length ?? 0) > (first?.length ?? 0)).toBe(true)
  })

  it('serves a compacted board’s first sync from the stored state, then builds the document', async () => {
    await storage.appendUpdates(id, [mapUpdate('a'), mapUpdate('b')])
    await storage.compact(id)
    const stored = await storage.loadDocument(id)
    const room = await manager.acquire(id)
    const socket = new MemorySocket()
    const conn = new Connection(socket, 1 << 20, () => {})
    room.addConnection(conn)
    room.handleFrame(conn, syncStep1Frame(new Y.Doc()))
    await room.persisted()
    await new Promise((resolve) => setImmediate(resolve))
    const step2 = socket.sent.find((f) => f[0] === 0 && f[1] === 1)
    expect(step2).toBeDefined()
    // Message type, sync type, length prefix, then exactly the stored bytes.
    expect(Buffer.from(step2 ?? []).includes(Buffer.from(stored.state ?? []))).toBe(true)
    // The server's own step 1 follows once the document exists, and edits apply on top.
    expect(socket.sent.some((f) => f[0] === 0 && f[1] === 0)).toBe(true)
    room.handleFrame(conn, updateFrame(mapUpdate('c')))
    expect(room.doc.getMap('m').toJSON()).toEqual({ a: 'a', b: 'b', c: 'c' })
    room.removeConnection(conn)
    manager.release(id)
  })
})

describe('RoomManager erase', () => {
  const erase = () =>
    manager.erase(id, async () => {
      await storage.deleteBoard(id)
    })

  it('a join while the board is being erased waits for the erase and is refused', async () => {
    const room = await manager.acquire(id)
    const socket = new MemorySocket()
    const conn = new Connection(socket, 1 << 20, () => {})
    room.addConnection(conn)
    room.handleFrame(conn, updateFrame(mapUpdate('a')))
    const loadDocument = vi.spyOn(storage, 'loadDocument')
    const compact = vi.spyOn(storage, 'compact')

    // The cut-off connection leaves and lets go of the room, as the socket's close handler does.
    socket.close = (code) => {
      socket.closedWith = code
      room.removeConnection(conn)
      manager.release(id)
    }

    const erasing = erase()
    // Joins in the window while the erase cuts everyone off and lets the last append land.
    const joining = manager.acquire(id)
    await erasing

    await expect(joining).rejects.toMatchObject({ name: 'BoardGoneError' })
    expect(socket.closedWith).toBe(CloseCode.BoardGone)
    // Nothing was loaded again from the rows being deleted, nor written back by an unload.
    expect(loadDocument).not.toHaveBeenCalled()
    expect(compact).not.toHaveBeenCalled()
    expect(manager.isLoaded(id)).toBe(false)
    expect(await storage.getBoard(id)).toBeNull()
    await manager.shutdown()
  })

  it('a join that looked the board up before it was erased is refused once it is gone', async () => {
    await erase()
    await expect(manager.acquire(id)).rejects.toMatchObject({ name: 'BoardGoneError' })
    expect(manager.isLoaded(id)).toBe(false)
  })

  it('shutdown during an erase waits for it and writes nothing back', async () => {
    const room = await manager.acquire(id)
    const conn = new Connection(new MemorySocket(), 1 << 20, () => {})
    room.addConnection(conn)
    room.handleFrame(conn, updateFrame(mapUpdate('a')))
    const compact = vi.spyOn(storage, 'compact')
    const erasing = erase()
    await manager.shutdown()
    await erasing
    expect(compact).not.toHaveBeenCalled()
    expect(await storage.getBoard(id)).toBeNull()
  })
})
