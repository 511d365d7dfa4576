import { and, asc, eq, gt, sql } from 'drizzle-orm'
import { openDatabase, type SamlaDatabase } from '../db/client.ts'
import { boards, documentAuthors, documentStates, documentUpdates } from '../db/schema.ts'
import { CompactionWorker } from './compactionWorker.ts'
import type {
  AuthorClaim,
  BoardRecord,
  CompactionResult,
  Storage,
  StoredDocument,
} from './types.ts'

/**
 * better-sqlite3 is synchronous: each method does its work before returning a settled promise,
 * so an append has reached the WAL by the time the caller's await resumes.
 */
export class SqliteStorage implements Storage {
  private readonly db: SamlaDatabase
  private readonly closeDb: () => void
  private readonly file: string
  private readonly synchronous: 'NORMAL' | 'FULL'
  private compactor: CompactionWorker | null = null

  constructor(options: { file: string; synchronous?: 'NORMAL' | 'FULL' }) {
    this.file = options.file
    this.synchronous = options.synchronous ?? 'NORMAL'
    const opened = openDatabase(options)
    this.db = opened.db
    this.closeDb = opened.close
  }

  /** The connection, shared with the other repositories of the store (sqlite/store.ts). */
  get database(): SamlaDatabase {
    return this.db
  }

  async createBoard(board: BoardRecord): Promise<void> {
    this.db.insert(boards).values(board).run()
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    return (
      this.db
        .select({ id: boards.id, title: boards.title, createdAt: boards.createdAt })
        .from(boards)
        .where(eq(boards.id, id))
        .get() ?? null
    )
  }

  async deleteBoard(id: string): Promise<boolean> {
    // Foreign keys cascade to the state and the log.
    return this.db.delete(boards).where(eq(boards.id, id)).run().changes > 0
  }

  async loadDocument(boardId: string): Promise<StoredDocument> {
    return this.loadSince(boardId, -1)
  }

  async loadSince(boardId: string, afterSeq: number): Promise<StoredDocument> {
    return this.db.transaction((tx) => {
      const board = tx
        .select({ lastSeq: boards.lastSeq })
        .from(boards)
        .where(eq(boards.id, boardId))
        .get()
      const row = tx
        .select({ state: documentStates.state, mergedSeq: documentStates.mergedSeq })
        .from(documentStates)
        .where(eq(documentStates.boardId, boardId))
        .get()
      // The state is needed only when it holds something past `afterSeq`: the log no longer does.
      const withState = row !== undefined && row.mergedSeq >= afterSeq + 1
      const since = withState ? row.mergedSeq : afterSeq
      const updates = tx
        .select({ data: documentUpdates.data })
        .from(documentUpdates)
        .where(and(eq(documentUpdates.boardId, boardId), gt(documentUpdates.seq, since)))
        .orderBy(asc(documentUpdates.seq))
        .all()
      const authors = tx
        .select({ clientId: documentAuthors.clientId, author: documentAuthors.author })
        .from(documentAuthors)
        .where(eq(documentAuthors.boardId, boardId))
        .all()
      return {
        state: withState ? new Uint8Array(row.state) : null,
        updates: updates.map((u) => new Uint8Array(u.data)),
        authors,
        seq: board?.lastSeq ?? 0,
      }
    })
  }

  async headSeq(boardId: string): Promise<number> {
    const row = this.db
      .select({ lastSeq: boards.lastSeq })
      .from(boards)
      .where(eq(boards.id, boardId))
      .get()
    return row?.lastSeq ?? 0
  }

  async appendUpdates(
    boardId: string,
    updates: readonly Uint8Array[],
    claims: readonly AuthorClaim[] = [],
  ): Promise<number> {
    const createdAt = new Date()
    return this.db.transaction((tx) => {
      // Taking the numbers first makes an unknown board fail before anything is written.
      const numbered = tx
        .update(boards)
        .set({ lastSeq: sql`${boards.lastSeq} + ${updates.length}` })
        .where(eq(boards.id, boardId))
        .returning({ lastSeq: boards.lastSeq })
        .get()
      if (!numbered) throw new Error(`FOREIGN KEY constraint failed: no board ${boardId}`)
      if (claims.length > 0) {
        tx.insert(documentAuthors)
          .values(claims.map((c) => ({ boardId, clientId: c.clientId, author: c.author })))
          .onConflictDoNothing()
          .run()
      }
      let seq = numbered.lastSeq - updates.length
      for (const update of updates) {
        tx.insert(documentUpdates)
          .values({
            boardId,
            seq: ++seq,
            data: Buffer.from(update.buffer, update.byteOffset, update.byteLength),
            createdAt,
          })
          .run()
      }
      return numbered.lastSeq
    })
  }

  /**
   * Runs in a worker thread with its own connection to the file: reading a long log,
   * merging it and writing the state take time in proportion to the board (hundreds of
   * milliseconds for a log of 100 MB), and on this thread every other room would wait.
   */
  compact(boardId: string): Promise<CompactionResult> {
    this.compactor ??= new CompactionWorker(this.file, this.synchronous)
    return this.compactor.compact(boardId)
  }

  async close(): Promise<void> {
    await this.compactor?.close()
    this.closeDb()
  }
}
