import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { describeStorageContract } from './contract.ts'
import { SqliteStorage } from './sqlite.ts'

describeStorageContract('SQLite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-storage-'))
  const file = path.join(dir, 'samla.sqlite')
  const harness = {
    storage: new SqliteStorage({ file }),
    async reopen() {
      await harness.storage.close()
      harness.storage = new SqliteStorage({ file })
      return harness.storage
    },
    async cleanup() {
      await harness.storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
  return harness
})

it('opens SQLite in WAL mode with foreign keys, and migrations create the tables', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-storage-'))
  const file = path.join(dir, 'samla.sqlite')
  try {
    const storage = new SqliteStorage({ file })
    try {
      // foreign_keys belongs to a connection, and better-sqlite3 turns it on for every new
      // one, so a second connection's pragma says nothing about the storage's: its behaviour does.
      await expect(storage.appendUpdates('X'.repeat(22), [new Uint8Array([0, 0])])).rejects.toThrow(
        /FOREIGN KEY/,
      )
    } finally {
      await storage.close()
    }
    const db = new Database(file, { readonly: true })
    try {
      // journal_mode=WAL is stored in the file, so any later connection sees it.
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
      const tables = db
        .prepare("select name from sqlite_master where type = 'table' order by name")
        .all() as { name: string }[]
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['boards', 'document_states', 'document_updates']),
      )
    } finally {
      db.close()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

it('[hardening 8] compacts a long log off the main thread: the event loop keeps turning meanwhile', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-storage-'))
  const storage = new SqliteStorage({ file: path.join(dir, 'samla.sqlite') })
  try {
    const id = 'C'.repeat(22)
    await storage.createBoard({ id, title: '', createdAt: new Date() })
    // 80 updates of 256 KiB: merging and rewriting them takes a good part of a second.
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 80; i++) doc.getMap('m').set(`k${i}`, 'x'.repeat(256 * 1024))
    await storage.appendUpdates(id, updates)

    // Meanwhile this thread keeps turning, and appending: the relay never waits for it.
    let turns = 0
    let done = false
    const appended: Promise<number>[] = []
    const spin = () => {
      if (done) return
      turns++
      if (turns % 50 === 0) {
        doc.getMap('later').set(`t${turns}`, turns)
        appended.push(storage.appendUpdates(id, [updates.at(-1) as Uint8Array]))
      }
      setImmediate(spin)
    }
    setImmediate(spin)
    const result = await storage.compact(id)
    done = true
    await Promise.all(appended)
    // Work on this thread would have held every turn until it finished: none in between.
    expect(turns).toBeGreaterThan(10)
    expect(appended.length).toBeGreaterThan(0)
    // Appends before its read were merged too; those after it stay in the log.
    const stored = await storage.loadDocument(id)
    expect(result.merged).toBeGreaterThanOrEqual(80)
    expect(result.merged + stored.updates.length).toBe(80 + appended.length)
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, stored.state as Uint8Array)
    for (const u of stored.updates) Y.applyUpdate(reloaded, u)
    expect(reloaded.getMap('m').size).toBe(80)
    expect(reloaded.getMap('later').toJSON()).toEqual(doc.getMap('later').toJSON())
  } finally {
    await storage.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
