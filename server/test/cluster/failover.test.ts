import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { MessageType } from '@samla/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openPostgresStore } from '../../src/storage/postgres/store.ts'
import { type ChildServer, startChildServer } from '../childServer.ts'
import { awarenessFrame, messageTypeOf, readAwareness } from '../frames.ts'
import { RawClient, waitForDoc } from '../helpers.ts'
import { freshPostgresDatabase } from '../postgres.ts'
import { connectBoard } from '../writeBoard.ts'
import { at, REDIS_URL } from './cluster.ts'

const ROUNDS = 3
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-failover-'))
let database: Awaited<ReturnType<typeof freshPostgresDatabase>>
const servers: ChildServer[] = []

const start = () =>
  startChildServer(dataDir, {
    env: {
      SAMLA_DATABASE_URL: database.url,
      SAMLA_REDIS_URL: REDIS_URL,
      // Compactions run all the time, so that kills land during them too.
      SAMLA_COMPACT_AFTER_UPDATES: '40',
    },
  })

beforeAll(async () => {
  database = await freshPostgresDatabase()
  for (let i = 0; i < 3; i++) servers.push(await start())
})
afterAll(async () => {
  for (const server of servers) if (server.process.exitCode === null) server.process.kill('SIGKILL')
  await Promise.all(servers.map((s) => s.exited))
  await database.drop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** A client whose socket a load balancer moves to another instance when its own dies. */
interface Mobile {
  doc: Y.Doc
  provider: WebsocketProvider
  on: ChildServer
}

function attach(doc: Y.Doc, on: ChildServer, boardId: string): Mobile {
  const { provider } = connectBoard(on.url, boardId, null, doc)
  return { doc, provider, on }
}

async function createBoard(url: string): Promise<string> {
  const res = await fetch(`${url}/api/boards`, { method: 'POST' })
  return ((await res.json()) as { id: string }).id
}

describe('instances killed under write load', () => {
  it(`keeps every update any client received across ${ROUNDS} SIGKILLs of random instances`, async () => {
    const boardId = await createBoard(at(servers, 0).url)
    // A writer and an observer on each instance.
    const writers = servers.map((s) => attach(new Y.Doc(), s, boardId))
    const observers = servers.map((s) => attach(new Y.Doc(), s, boardId))
    const received = new Map<string, number>()
    for (const observer of observers) {
      observer.doc.getMap('m').observe((event) => {
        for (const key of event.keysChanged) {
          const value = observer.doc.getMap('m').get(key)
          if (typeof value === 'number') received.set(key, value)
        }
      })
    }

    let writing = true
    let sent = 0
    const streaming = (async () => {
      while (writing) {
        for (const [i, writer] of writers.entries())
          writer.doc.getMap('m').set(`w${i}-${sent}`, sent)
        sent++
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
    })()

    for (let round = 0; round < ROUNDS; round++) {
      const killAt = received.size + 30 + Math.floor(Math.random() * 200)
      await new Promise<void>((resolve) => {
        const check = () => {
          if (received.size < killAt) return
          for (const o of observers) o.doc.off('update', check)
          resolve()
        }
        for (const o of observers) o.doc.on('update', check)
      })
      const victim = at(servers, Math.floor(Math.random() * servers.length))
      victim.process.kill('SIGKILL')
      await victim.exited
      const survivors = servers.filter((s) => s !== victim)
      // Its clients move to the instances still up, with whatever they have not sent yet.
      for (const mobile of [...writers, ...observers]) {
        if (mobile.on !== victim) continue
        mobile.provider.destroy()
        const next = at(survivors, Math.floor(Math.random() * survivors.length))
        Object.assign(mobile, attach(mobile.doc, next, boardId))
      }
      servers.splice(servers.indexOf(victim), 1, await start())
    }
    writing = false
    await streaming
    expect(received.size).toBeGreaterThan(ROUNDS * 30)

    // Every update a client received is in PostgreSQL, whichever instance took it.
    const store = await openPostgresStore(database.url)
    try {
      const reader = attach(new Y.Doc(), at(servers, 0), boardId)
      await waitForDoc(reader.doc, () => reader.doc.getMap('m').size >= received.size)
      reader.provider.destroy()
      const stored = await store.documents.loadDocument(boardId)
      const doc = new Y.Doc()
      if (stored.state) Y.applyUpdate(doc, stored.state)
      for (const update of stored.updates) Y.applyUpdate(doc, update)
      const missing = [...received].filter(([key, value]) => doc.getMap('m').get(key) !== value)
      expect(missing).toEqual([])
    } finally {
      await store.close()
      for (const mobile of [...writers, ...observers]) mobile.provider.destroy()
    }
  }, 120_000)

  it('removes the presence of a killed instance’s clients on the others within the presence timeout', async () => {
    const boardId = await createBoard(at(servers, 0).url)
    const victim = at(servers, 1)
    // Raw sockets: a provider would drop a silent peer by itself, and this is the server's job.
    const gone = await RawClient.open(victim, boardId)
    const watcher = await RawClient.open(at(servers, 2), boardId)
    const clientId = 4711
    const announced = watcher.next(
      (f) => messageTypeOf(f) === MessageType.Awareness && readAwareness(f).get(clientId) != null,
    )
    gone.send(awarenessFrame(clientId, 1, { user: { name: 'Deltagare' } }))
    await announced
    const removed = watcher.next(
      (f) => messageTypeOf(f) === MessageType.Awareness && readAwareness(f).get(clientId) === null,
    )
    victim.process.kill('SIGKILL')
    await victim.exited
    const killedAt = Date.now()
    await removed
    // 30 s without renewal, checked every 10 s.
    expect(Date.now() - killedAt).toBeLessThan(45_000)
    watcher.ws.close()
    servers.splice(1, 1, await start())
  }, 60_000)
})
