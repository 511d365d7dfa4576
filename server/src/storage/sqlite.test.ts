import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
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
