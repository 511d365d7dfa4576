import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Board } from '@samla/shared'
import WebSocket from 'ws'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { type Config, loadConfig } from '../src/config.ts'
import { type RunningServer, type StartOptions, startServer } from '../src/server.ts'
import { isSyncStep2, syncStep1Frame } from './frames.ts'
import { freshPostgresDatabase } from './postgres.ts'
import { connectBoard } from './writeBoard.ts'

export interface TestServer extends RunningServer {
  dataDir: string
  config: Config
  createBoard(title?: string): Promise<Board>
  /** Stops the server and removes its data directory. */
  dispose(): Promise<void>
}

/** Databases of the PostgreSQL run, one per data directory (a restart keeps its own). */
const postgresOf = new Map<string, Promise<{ url: string; drop(): Promise<void> }>>()

/**
 * A real Samla server on a random port with a real SQLite file in a fresh temp dir; with
 * SAMLA_TEST_STORE=postgres (the `server-postgres` test project) on a fresh PostgreSQL
 * database instead, so that the same suites run against both stores.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir?: string,
  options: StartOptions = {},
): Promise<TestServer> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'samla-test-'))
  const onPostgres = process.env.SAMLA_TEST_STORE === 'postgres' && !env.SAMLA_DATABASE_URL
  if (onPostgres && !postgresOf.has(dir)) postgresOf.set(dir, freshPostgresDatabase())
  const database = onPostgres ? await postgresOf.get(dir) : undefined
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    SAMLA_DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    ...(database ? { SAMLA_DATABASE_URL: database.url } : {}),
    ...env,
  })
  const server = await startServer(config, options)
  return {
    ...server,
    dataDir: dir,
    config,
    async createBoard(title?: string) {
      const res = await fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(title ? { title } : {}),
      })
      if (res.status !== 201) throw new Error(`createBoard: ${res.status}`)
      return (await res.json()) as Board
    },
    async dispose() {
      await server.close()
      fs.rmSync(dir, { recursive: true, force: true })
      const database = postgresOf.get(dir)
      postgresOf.delete(dir)
      await (await database)?.drop()
    },
  }
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Resolves once the provider has completed its first sync. */
  synced: Promise<void>
  destroy(): void
}

/** The stock y-websocket provider, exactly as a browser uses it, in Node. */
export function connectClient(
  server: { url: string },
  boardId: string,
  doc = new Y.Doc(),
): TestClient {
  const { provider } = connectBoard(server.url, boardId, null, doc)
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    else provider.once('sync', (isSynced: boolean) => isSynced && resolve())
  })
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Resolves when `predicate` holds, re-checking on every change of the doc (no sleeping). */
export function waitForDoc(doc: Y.Doc, predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (predicate()) return resolve()
    const check = () => {
      if (predicate()) {
        doc.off('update', check)
        resolve()
      }
    }
    doc.on('update', check)
  })
}

/** Resolves once an awareness holds a state for `clientId` that satisfies `predicate`. */
export function waitForPresence(
  awareness: WebsocketProvider['awareness'],
  clientId: number,
  predicate: (state: Record<string, unknown>) => boolean = () => true,
): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const state = awareness.getStates().get(clientId)
      if (!state || !predicate(state)) return
      awareness.off('change', check)
      resolve()
    }
    awareness.on('change', check)
    check()
  })
}

/** Resolves with the first emitted value of `event` that satisfies `predicate`. */
export function waitForEvent<T extends unknown[]>(
  target: {
    on(event: string, fn: (...args: T) => void): unknown
    off(event: string, fn: (...args: T) => void): unknown
  },
  event: string,
  predicate: (...args: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (...args: T) => {
      if (!predicate(...args)) return
      target.off(event, listener)
      resolve(args)
    }
    target.on(event, listener)
  })
}

/** A raw WebSocket that records every frame from the moment it opens, for protocol tests. */
export class RawClient {
  readonly frames: Uint8Array[] = []
  private waiters: Array<{
    match: (f: Uint8Array) => boolean
    resolve: (f: Uint8Array) => void
    from: number
  }> = []

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const frame = new Uint8Array(data)
      this.frames.push(frame)
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(frame)) return true
        w.resolve(frame)
        return false
      })
    })
  }

  /** A raw socket on a board; `params` go in the query, as a provider's do (token, author). */
  static async open(
    server: { url: string },
    boardId: string,
    params: Record<string, string> = {},
  ): Promise<RawClient> {
    const query = new URLSearchParams(params).toString()
    const ws = new WebSocket(
      `${server.url.replace(/^http/, 'ws')}/ws/${boardId}${query ? `?${query}` : ''}`,
    )
    const client = new RawClient(ws)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    return client
  }

  /** The first frame matching `match` received at or after index `from` (default: from now). */
  next(match: (frame: Uint8Array) => boolean, from = this.frames.length): Promise<Uint8Array> {
    const earlier = this.frames.slice(from).find(match)
    if (earlier) return Promise.resolve(earlier)
    return new Promise((resolve) => this.waiters.push({ match, resolve, from }))
  }

  send(frame: Uint8Array | string): void {
    this.ws.send(frame)
  }

  /**
   * Resolves once the server has handled everything sent before: it answers a sync step 1
   * with a step 2, in order, after the frames ahead of it (or the socket closes first).
   */
  async handled(): Promise<'handled' | 'closed'> {
    if (this.ws.readyState !== WebSocket.OPEN) return 'closed'
    const from = this.frames.length
    const closed = closeCodeOf(this.ws).then(() => 'closed' as const)
    this.send(syncStep1Frame(new Y.Doc()))
    const answered = this.next(isSyncStep2, from).then(() => 'handled' as const)
    return Promise.race([answered, closed])
  }
}

export function closeCodeOf(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === WebSocket.CLOSED) return resolve(-1)
    ws.once('close', (code) => resolve(code))
  })
}

/** What a restart would load for a board: the room's log flushed, then state + log from storage. */
export async function storedDoc(server: RunningServer, boardId: string): Promise<Y.Doc> {
  const room = await server.rooms.peek(boardId)
  await room?.settle()
  const stored = await server.storage.loadDocument(boardId)
  const doc = new Y.Doc()
  if (stored.state) Y.applyUpdate(doc, stored.state)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc
}
