import { and, asc, eq, lte } from 'drizzle-orm'
import type { SamlaDatabase } from '../db/client.ts'
import { documentStates, documentUpdates } from '../db/schema.ts'
import { mergeDocument } from './merge.ts'
import type { CompactionResult } from './types.ts'

/**
 * Merges a board's stored state and whole log into one state. The log is read in one
 * transaction and the merge made outside any, so that the writer the main thread appends
 * with never waits for it; the state is then written, and the merged rows deleted, in a short
 * transaction that takes the write lock at once (a read transaction that turns into a write
 * after another connection has written fails in WAL mode, and is not retried). Appends that
 * land meanwhile come after the merged rows and stay.
 */
export function compactBoard(db: SamlaDatabase, boardId: string): CompactionResult {
  const read = db.transaction((tx) => {
    const log = tx
      .select({ seq: documentUpdates.seq, data: documentUpdates.data })
      .from(documentUpdates)
      .where(eq(documentUpdates.boardId, boardId))
      .orderBy(asc(documentUpdates.seq))
      .all()
    const row = tx
      .select({ state: documentStates.state })
      .from(documentStates)
      .where(eq(documentStates.boardId, boardId))
      .get()
    return { log, state: row?.state ?? null }
  })
  const last = read.log.at(-1)
  if (!last) return { merged: 0, stateBytes: 0, throughSeq: 0 }
  const state = mergeDocument(
    read.state ? new Uint8Array(read.state) : null,
    read.log.map((u) => new Uint8Array(u.data)),
  )
  const values = {
    boardId,
    state: Buffer.from(state),
    compactedAt: new Date(),
    mergedSeq: last.seq,
  }
  return db.transaction(
    (tx) => {
      tx.insert(documentStates)
        .values(values)
        .onConflictDoUpdate({
          target: documentStates.boardId,
          set: {
            state: values.state,
            compactedAt: values.compactedAt,
            mergedSeq: values.mergedSeq,
          },
        })
        .run()
      tx.delete(documentUpdates)
        .where(and(eq(documentUpdates.boardId, boardId), lte(documentUpdates.seq, last.seq)))
        .run()
      return { merged: read.log.length, stateBytes: state.byteLength, throughSeq: last.seq }
    },
    { behavior: 'immediate' },
  )
}
