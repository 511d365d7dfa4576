import { and, asc, eq, lte } from 'drizzle-orm'
import type { SamlaDatabase } from '../db/client.ts'
import { documentStates, documentUpdates } from '../db/schema.ts'
import { mergeDocument } from './merge.ts'
import type { CompactionResult } from './types.ts'

/**
 * Merges a board's stored state and whole log into one state, in one transaction. Appends
 * that land meanwhile (from another connection) come after the merged rows and stay.
 */
export function compactBoard(db: SamlaDatabase, boardId: string): CompactionResult {
  return db.transaction((tx) => {
    const log = tx
      .select({ id: documentUpdates.id, data: documentUpdates.data })
      .from(documentUpdates)
      .where(eq(documentUpdates.boardId, boardId))
      .orderBy(asc(documentUpdates.id))
      .all()
    const last = log.at(-1)
    if (!last) return { merged: 0, stateBytes: 0 }
    const row = tx
      .select({ state: documentStates.state })
      .from(documentStates)
      .where(eq(documentStates.boardId, boardId))
      .get()
    const state = mergeDocument(
      row ? new Uint8Array(row.state) : null,
      log.map((u) => new Uint8Array(u.data)),
    )
    const values = { boardId, state: Buffer.from(state), compactedAt: new Date() }
    tx.insert(documentStates)
      .values(values)
      .onConflictDoUpdate({
        target: documentStates.boardId,
        set: { state: values.state, compactedAt: values.compactedAt },
      })
      .run()
    tx.delete(documentUpdates)
      .where(and(eq(documentUpdates.boardId, boardId), lte(documentUpdates.id, last.id)))
      .run()
    return { merged: log.length, stateBytes: state.byteLength }
  })
}
