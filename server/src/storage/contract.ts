import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mergeDocument } from './merge.ts'
import type { Storage } from './types.ts'

export interface StorageHarness {
  storage: Storage
  /** Closes the storage and opens a new one on the same database. */
  reopen(): Promise<Storage>
  cleanup(): Promise<void>
}

const board = (id: string, title = '') => ({ id, title, createdAt: new Date(1_700_000_000_000) })
const A = 'A'.repeat(22)
const EMPTY = { state: null, updates: [], authors: [], seq: 0 }
const B = 'B'.repeat(22)

/** Updates of one evolving document, as a client would produce them. */
function updatesOf(edit: (doc: Y.Doc) => void): Uint8Array[] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  edit(doc)
  return updates
}

function load(stored: { state: Uint8Array | null; updates: Uint8Array[] }): Y.Doc {
  const doc = new Y.Doc()
  doc.getMap('m')
  doc.getText('t')
  Y.applyUpdate(doc, mergeDocument(stored.state, stored.updates))
  return doc
}

/** The contract of SPEC.md, run against one implementation. */
export function describeStorageContract(name: string, make: () => Promise<StorageHarness>) {
  describe(`storage contract: ${name}`, () => {
    const withStorage = (test: (h: StorageHarness) => Promise<void>) => async () => {
      const harness = await make()
      try {
        await test(harness)
      } finally {
        await harness.cleanup()
      }
    }

    it(
      '[S1] a created board reads back; an unknown id reads as null',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A, 'Öppna upp'))
        expect(await storage.getBoard(A)).toEqual(board(A, 'Öppna upp'))
        expect(await storage.getBoard(B)).toBeNull()
      }),
    )

    it(
      '[S2] a board with no data loads empty',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A))
        expect(await storage.loadDocument(A)).toEqual(EMPTY)
      }),
    )

    it(
      '[S3] appended updates load back in order',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A))
        const updates = updatesOf((doc) => {
          for (let i = 0; i < 10; i++) doc.getText('t').insert(i, String(i))
        })
        await storage.appendUpdates(A, updates.slice(0, 4))
        await storage.appendUpdates(A, updates.slice(4))
        const stored = await storage.loadDocument(A)
        expect(stored.updates).toEqual(updates)
        expect(load(stored).getText('t').toString()).toBe('0123456789')
      }),
    )

    it(
      '[S4] an append is all or nothing',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A))
        const updates = updatesOf((d) => {
          d.getMap('m').set('k', 1)
          d.getMap('m').set('j', 2)
        })
        // The board does not exist: the foreign key refuses every row of the batch.
        await expect(storage.appendUpdates(B, updates)).rejects.toThrow()
        expect(await storage.loadDocument(B)).toEqual(EMPTY)
        // Only the last row fails here, so the rows before it must be rolled back.
        const unstorable = null as unknown as Uint8Array
        const claims = [{ clientId: 1, author: 'a'.repeat(43) }]
        await expect(storage.appendUpdates(A, [...updates, unstorable], claims)).rejects.toThrow()
        expect(await storage.loadDocument(A)).toEqual(EMPTY)
      }),
    )

    it(
      '[S5] compaction merges state and log into one equal state and empties the log',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A))
        expect(await storage.compact(A)).toEqual({ merged: 0, stateBytes: 0, throughSeq: 0 })
        const updates = updatesOf((doc) => {
          doc.getMap('m').set('fas', 'Testa')
          doc.getText('t').insert(0, 'Vad kan du göra redan i morgon?')
        })
        await storage.appendUpdates(A, updates)
        const before = load(await storage.loadDocument(A))
        const result = await storage.compact(A)
        expect(result.merged).toBe(updates.length)
        const stored = await storage.loadDocument(A)
        expect(stored.updates).toEqual([])
        expect(stored.state?.byteLength).toBe(result.stateBytes)
        const after = load(stored)
        expect(after.getMap('m').toJSON()).toEqual(before.getMap('m').toJSON())
        expect(after.getText('t').toString()).toBe(before.getText('t').toString())
        // A second compaction finds an empty log and leaves the state as it was.
        expect((await storage.compact(A)).merged).toBe(0)
        expect(await storage.loadDocument(A)).toEqual(stored)
      }),
    )

    it(
      '[S6] updates after a compaction load after its state',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A))
        const doc = new Y.Doc()
        const updates: Uint8Array[] = []
        doc.on('update', (u: Uint8Array) => updates.push(u))
        doc.getText('t').insert(0, 'före ')
        await storage.appendUpdates(A, updates.splice(0))
        await storage.compact(A)
        doc.getText('t').insert(5, 'efter')
        await storage.appendUpdates(A, updates.splice(0))
        const stored = await storage.loadDocument(A)
        expect(stored.state).not.toBeNull()
        expect(stored.updates).toHaveLength(1)
        expect(load(stored).getText('t').toString()).toBe('före efter')
      }),
    )

    it(
      '[S7] compaction garbage-collects deleted content',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A))
        const updates = updatesOf((doc) => {
          const text = doc.getText('t')
          for (let i = 0; i < 200; i++) {
            text.insert(0, 'x'.repeat(100))
            text.delete(0, 100)
          }
        })
        const logBytes = updates.reduce((sum, u) => sum + u.byteLength, 0)
        await storage.appendUpdates(A, updates)
        const { stateBytes } = await storage.compact(A)
        expect(stateBytes).toBeLessThan(logBytes / 10)
      }),
    )

    it(
      '[S8] deleting a board removes it, its state and its log',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A))
        await storage.appendUpdates(
          A,
          updatesOf((d) => d.getMap('m').set('k', 1)),
        )
        await storage.compact(A)
        await storage.appendUpdates(
          A,
          updatesOf((d) => d.getMap('m').set('j', 2)),
        )
        await storage.appendUpdates(A, [], [{ clientId: 7, author: 'a'.repeat(43) }])
        expect(await storage.deleteBoard(A)).toBe(true)
        expect(await storage.getBoard(A)).toBeNull()
        expect(await storage.loadDocument(A)).toEqual(EMPTY)
        expect(await storage.deleteBoard(A)).toBe(false)
      }),
    )

    it(
      '[S9] everything survives closing and reopening',
      withStorage(async (harness) => {
        await harness.storage.createBoard(board(A, 'Integrera'))
        const updates = updatesOf((d) => {
          d.getMap('m').set('vem', 'gör vad, när')
          d.getMap('m').set('fas', 'Integrera')
        })
        await harness.storage.appendUpdates(A, updates.slice(0, 1))
        await harness.storage.compact(A)
        await harness.storage.appendUpdates(A, updates.slice(1))
        const before = await harness.storage.loadDocument(A)
        const reopened = await harness.reopen()
        expect(await reopened.getBoard(A)).toEqual(board(A, 'Integrera'))
        expect(await reopened.loadDocument(A)).toEqual(before)
        expect(load(before).getMap('m').toJSON()).toEqual({
          vem: 'gör vad, när',
          fas: 'Integrera',
        })
      }),
    )

    it(
      '[S10] boards are isolated from each other',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A))
        await storage.createBoard(board(B))
        await storage.appendUpdates(
          A,
          updatesOf((d) => d.getMap('m').set('a', 1)),
        )
        await storage.appendUpdates(
          B,
          updatesOf((d) => d.getMap('m').set('b', 2)),
        )
        await storage.compact(A)
        expect((await storage.loadDocument(B)).updates).toHaveLength(1)
        await storage.deleteBoard(A)
        expect(
          load(await storage.loadDocument(B))
            .getMap('m')
            .toJSON(),
        ).toEqual({ b: 2 })
      }),
    )
    it(
      '[S11] author claims are stored with their updates, in the same transaction, and the first claim of a client id stands',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A))
        await storage.createBoard(board(B))
        const updates = updatesOf((d) => d.getMap('m').set('k', 1))
        await storage.appendUpdates(A, updates, [{ clientId: 1, author: 'first' }])
        await storage.appendUpdates(
          A,
          [],
          [
            { clientId: 1, author: 'second' },
            { clientId: 2, author: 'second' },
          ],
        )
        await storage.appendUpdates(B, [], [{ clientId: 1, author: 'other board' }])
        const stored = await storage.loadDocument(A)
        expect(stored.updates).toEqual(updates)
        expect([...stored.authors].sort((a, b) => a.clientId - b.clientId)).toEqual([
          { clientId: 1, author: 'first' },
          { clientId: 2, author: 'second' },
        ])
        await storage.compact(A)
        expect((await storage.loadDocument(A)).authors).toHaveLength(2)
      }),
    )
  })
}
