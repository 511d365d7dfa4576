import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mergeDocument } from './merge.ts'
import type { CompactionResult, Storage } from './types.ts'

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
const NOTHING: CompactionResult = { merged: 0, stateBytes: 0, throughSeq: 0 }

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

/**
 * One self-contained update: a new client setting one key. Updates made this way integrate in
 * any order, so tests that append them concurrently (in an order nobody chose) still merge
 * into a document holding every key.
 */
function keyUpdate(key: string, value: unknown = key): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set(key, value)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** Every compaction merged each update once: together they account for 1 … the last number. */
function expectEachMergedOnce(results: CompactionResult[]) {
  const done = results.filter((r) => r.merged > 0)
  const through = done.map((r) => r.throughSeq).sort((a, b) => a - b)
  expect(new Set(through).size).toBe(through.length)
  expect(done.reduce((sum, r) => sum + r.merged, 0)).toBe(through.at(-1) ?? 0)
  for (const r of results) if (r.merged === 0) expect(r).toEqual(NOTHING)
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
        expect(result.throughSeq).toBe(updates.length)
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
    it(
      '[S12] sequence numbers start at 1 per board, follow each other across appends, and the load and the append report the last',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A))
        await storage.createBoard(board(B))
        expect(
          await storage.appendUpdates(A, [keyUpdate('a1'), keyUpdate('a2'), keyUpdate('a3')]),
        ).toBe(3)
        expect(await storage.appendUpdates(A, [keyUpdate('a4')])).toBe(4)
        expect(await storage.appendUpdates(B, [keyUpdate('b1')])).toBe(1)
        // Claims alone take no number: the append reports the board's last one.
        expect(await storage.appendUpdates(A, [], [{ clientId: 9, author: 'x' }])).toBe(4)
        expect((await storage.loadDocument(A)).seq).toBe(4)
        expect((await storage.loadDocument(B)).seq).toBe(1)
        expect(await storage.headSeq(A)).toBe(4)
        expect(await storage.headSeq('C'.repeat(22))).toBe(0)
        // A compaction keeps the numbering: the next append goes on from the last.
        expect((await storage.compact(A)).throughSeq).toBe(4)
        expect((await storage.loadDocument(A)).seq).toBe(4)
        expect(await storage.appendUpdates(A, [keyUpdate('a5'), keyUpdate('a6')])).toBe(6)

        // Appends at once take disjoint runs of numbers with no gap, and the log holds each
        // batch at its numbers (the order the appends committed in).
        const batches = Array.from({ length: 20 }, (_, i) =>
          Array.from({ length: 1 + (i % 3) }, (_, j) => keyUpdate(`c${i}.${j}`)),
        )
        const lasts = await Promise.all(batches.map((batch) => storage.appendUpdates(B, batch)))
        const total = batches.reduce((sum, batch) => sum + batch.length, 0)
        const bySeq: Uint8Array[] = []
        batches.forEach((batch, i) => {
          const last = lasts[i] as number
          batch.forEach((update, j) => {
            bySeq[last - batch.length + 1 + j] = update
          })
        })
        const stored = await storage.loadDocument(B)
        expect(stored.seq).toBe(1 + total)
        expect(bySeq.length).toBe(2 + total)
        expect(bySeq.filter(Boolean)).toHaveLength(total)
        expect(stored.updates.slice(1)).toEqual(bySeq.slice(2))
      }),
    )

    it(
      '[S13] loadSince gives the updates after a number, or the state and the updates after it once a compaction merged past that number',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A))
        const claims = [{ clientId: 1, author: 'a' }]
        const first = ['k1', 'k2', 'k3', 'k4', 'k5'].map((k) => keyUpdate(k))
        await storage.appendUpdates(A, first, claims)
        expect(await storage.loadSince(A, 2)).toEqual({
          state: null,
          updates: first.slice(2),
          authors: claims,
          seq: 5,
        })
        expect(await storage.loadSince(A, 0)).toEqual(await storage.loadDocument(A))
        expect(await storage.loadSince(A, 5)).toEqual({
          state: null,
          updates: [],
          authors: claims,
          seq: 5,
        })

        await storage.compact(A)
        const later = [keyUpdate('k6'), keyUpdate('k7')]
        await storage.appendUpdates(A, later)
        // Behind the compaction: the state stands in for what the log no longer has.
        const behind = await storage.loadSince(A, 3)
        expect(behind.state).not.toBeNull()
        expect(behind.updates).toEqual(later)
        expect(behind.seq).toBe(7)
        expect(behind.authors).toEqual(claims)
        expect(Object.keys(load(behind).getMap('m').toJSON()).sort()).toEqual([
          'k1',
          'k2',
          'k3',
          'k4',
          'k5',
          'k6',
          'k7',
        ])
        // At or past the compaction: only the log.
        expect(await storage.loadSince(A, 5)).toEqual({
          state: null,
          updates: later,
          authors: claims,
          seq: 7,
        })
        expect((await storage.loadSince(A, 6)).updates).toEqual(later.slice(1))
        expect(await storage.loadSince(B, 0)).toEqual(EMPTY)
      }),
    )

    it(
      '[S14] an append racing a compaction is never lost, and the state and the log agree on where the compaction stopped',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A))
        const results: CompactionResult[] = []
        const keys: string[] = []
        for (let round = 0; round < 25; round++) {
          const appends = Array.from({ length: 4 }, (_, i) => {
            const key = `r${round}.${i}`
            keys.push(key)
            return storage.appendUpdates(A, [keyUpdate(key)])
          })
          const [result] = await Promise.all([storage.compact(A), ...appends])
          results.push(result)
          // What the last compaction merged is in the state; everything after it in the log.
          const last = results.filter((r) => r.merged > 0).at(-1)
          const stored = await storage.loadDocument(A)
          expect(stored.seq).toBe(keys.length)
          expect(stored.updates).toHaveLength(keys.length - (last?.throughSeq ?? 0))
          if (last)
            expect(await storage.loadSince(A, last.throughSeq)).toEqual({ ...stored, state: null })
        }
        expectEachMergedOnce(results)
        const doc = load(await storage.loadDocument(A))
        expect(Object.keys(doc.getMap('m').toJSON()).sort()).toEqual([...keys].sort())
      }),
    )

    it(
      '[S15] two compactions of one board at once never merge an update twice or lose one',
      withStorage(async ({ storage }) => {
        await storage.createBoard(board(A))
        const results: CompactionResult[] = []
        const keys: string[] = []
        for (let round = 0; round < 20; round++) {
          const appends = Array.from({ length: 3 }, (_, i) => {
            const key = `r${round}.${i}`
            keys.push(key)
            return storage.appendUpdates(A, [keyUpdate(key)])
          })
          results.push(...(await Promise.all([storage.compact(A), storage.compact(A)])))
          await Promise.all(appends)
        }
        results.push(await storage.compact(A))
        expectEachMergedOnce(results)
        expect(results.at(-1)?.throughSeq ?? 0).toBeLessThanOrEqual(keys.length)
        const stored = await storage.loadDocument(A)
        expect(stored.updates).toHaveLength(0)
        expect(Object.keys(load(stored).getMap('m').toJSON()).sort()).toEqual([...keys].sort())
      }),
    )
  })
}
