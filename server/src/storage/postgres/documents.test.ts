import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { freshPostgresDatabase } from '../../../test/postgres.ts'
import { openPgDatabase } from '../../db/pg/client.ts'
import { describeStorageContract } from '../contract.ts'
import type { SamlaStore } from '../store.ts'
import type { Storage } from '../types.ts'
import { PgDocumentStorage } from './documents.ts'
import { MergeWorker } from './mergeWorker.ts'
import { openPostgresStore } from './store.ts'

describeStorageContract('PostgreSQL', async () => {
  const database = await freshPostgresDatabase()
  let store: SamlaStore = await openPostgresStore(database.url)
  const harness = {
    storage: store.documents,
    async reopen() {
      await store.close()
      store = await openPostgresStore(database.url)
      harness.storage = store.documents
      return harness.storage
    },
    async cleanup() {
      await store.close()
      await database.drop()
    },
  }
  return harness
})

it('[hardening 8] merges a long log off the main thread: the event loop keeps turning meanwhile', async () => {
  const database = await freshPostgresDatabase()
  const { db, close } = await openPgDatabase(database.url)
  // Once the log is read, the merge alone is left: count the turns the loop takes meanwhile.
  const worker = new MergeWorker()
  let turnsWhileMerging = 0
  const storage = new PgDocumentStorage(db, {
    async merge(state, log) {
      let turns = 0
      let done = false
      const spin = () => {
        if (done) return
        turns++
        setImmediate(spin)
      }
      setImmediate(spin)
      try {
        return await worker.merge(state, log)
      } finally {
        done = true
        turnsWhileMerging = turns
      }
    },
    close: () => worker.close(),
  })
  try {
    const id = 'C'.repeat(22)
    await storage.createBoard({ id, title: '', createdAt: new Date() })
    // 80 updates of 256 KiB: merging them takes a good part of a second.
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 80; i++) doc.getMap('m').set(`k${i}`, 'x'.repeat(256 * 1024))
    await storage.appendUpdates(id, updates)

    expect((await storage.compact(id)).merged).toBe(80)
    // Work on this thread would have held every turn until it finished: none in between.
    expect(turnsWhileMerging).toBeGreaterThan(10)
    const stored = await storage.loadDocument(id)
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, stored.state as Uint8Array)
    expect(reloaded.getMap('m').size).toBe(80)
  } finally {
    await storage.close()
    await close()
    await database.drop()
  }
})

it('two instances on one database number their appends as one and compact each update once', async () => {
  const database = await freshPostgresDatabase()
  const instances = [await openPostgresStore(database.url), await openPostgresStore(database.url)]
  const [a, b] = instances.map((s) => s.documents) as [Storage, Storage]
  try {
    const id = 'D'.repeat(22)
    await a.createBoard({ id, title: '', createdAt: new Date() })
    const keys: string[] = []
    const merged: number[] = []
    for (let round = 0; round < 20; round++) {
      const appends = [a, b, a, b].map((storage, i) => {
        const key = `r${round}.${i}`
        keys.push(key)
        const doc = new Y.Doc()
        doc.getMap('m').set(key, round)
        return storage.appendUpdates(id, [Y.encodeStateAsUpdate(doc)])
      })
      const [fromA, fromB] = await Promise.all([a.compact(id), b.compact(id), ...appends])
      merged.push(fromA.merged, fromB.merged)
    }
    const stored = await b.loadDocument(id)
    expect(stored.seq).toBe(keys.length)
    expect(merged.reduce((sum, n) => sum + n, 0) + stored.updates.length).toBe(keys.length)
    const doc = new Y.Doc()
    if (stored.state) Y.applyUpdate(doc, stored.state)
    for (const u of stored.updates) Y.applyUpdate(doc, u)
    expect(Object.keys(doc.getMap('m').toJSON()).sort()).toEqual([...keys].sort())
  } finally {
    await Promise.all(instances.map((s) => s.close()))
    await database.drop()
  }
})
