import { and, asc, eq, lte } from 'drizzle-orm'
import { openDatabase, type SamlaDatabase } from '../db/client.ts'
import { boards, documentStates, documentUpdates } from '../db/schema.ts'
import { mergeDocument } from './merge.ts'
import type { BoardRecord, CompactionResult, Storage, StoredDocument } from './types.ts'

/**
 * better-sqlite3 is synchronous: each method does its work before returning a settled promise,
 * so an append has reached the WAL by the time the caller's await resumes.
 */
export class SqliteStorage implements Storage {
  private readonly db: SamlaDatabase
  private readonly closeDb: () => void

  constructor(options: { file: string; synchronous?: 'NORMAL' | 'FULL' }) {
    const opened = openDatabase(options)
    this.db = opened.db
    this.closeDb = opened.close
  }

  async createBoard(board: BoardRecord): Promise<void> {
    this.db.insert(boards).values(board).run()
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    return this.db.select().from(boards).where(eq(boards.id, id)).get() ?? null
  }

  async deleteBoard(id: string): Promise<boolean> {
    // Foreign keys cascade to the state and the log.
    return this.db.delete(boards).where(eq(boards.id, id)).run().changes > 0
  }

  async loadDocument(boardId: string): Promise<StoredDocument> {
    return this.db.transaction((tx) => {
      const row = tx
        .select({ state: documentStates.state })
        .from(documentStates)
        .where(eq(documentStates.boardId, boardId))
        .get()
      const updates = tx
        .select({ data: documentUpdates.data })
        .from(documentUpdates)
        .where(eq(documentUpdates.boardId, boardId))
        .orderBy(asc(documentUpdates.id))
        .all()
      return {
        state: row ? new Uint8Array(row.state) : null,
        updates: updates.map((u) => new Uint8Array(u.data)),
      }
    })
  }

  async appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<void> {
    if (updates.length === 0) return
    const createdAt = new Date()
    this.db.transaction((tx) => {
      for (const update of updates) {
        tx.insert(documentUpdates)
          .values({
            boardId,
            data: Buffer.from(update.buffer, update.byteOffset, update.byteLength),
            createdAt,
          })
          .run()
      }
    })
  }

  async compact(boardId: string): Promise<CompactionResult> {
    return this.db.transaction((tx) => {
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

  async close(): Promise<void> {
    this.closeDb()
  }
}
