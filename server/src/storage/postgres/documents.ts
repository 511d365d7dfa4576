import { and, asc, eq, gt, lte, sql } from 'drizzle-orm'
import type { PgSamlaDatabase } from '../../db/pg/client.ts'
import { boards, documentAuthors, documentStates, documentUpdates } from '../../db/pg/schema.ts'
import type {
  AuthorClaim,
  BoardRecord,
  CompactionResult,
  Storage,
  StoredDocument,
} from '../types.ts'
import { MergeWorker } from './mergeWorker.ts'

type Tx = Parameters<Parameters<PgSamlaDatabase['transaction']>[0]>[0]

const NOTHING: CompactionResult = { merged: 0, stateBytes: 0, throughSeq: 0 }
/** One snapshot for the state, the log and the sequence number, so that they agree. */
const CONSISTENT_READ = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const

/**
 * Boards and their documents in PostgreSQL, shared by every instance. Appends of a board are
 * numbered under its row lock; a compaction holds the board's advisory lock, so one runs at a
 * time across instances, and merges only what was committed when it read.
 */
export class PgDocumentStorage implements Storage {
  constructor(
    private readonly db: PgSamlaDatabase,
    private readonly merger: Pick<MergeWorker, 'merge' | 'close'> = new MergeWorker(),
  ) {}

  async createBoard(board: BoardRecord): Promise<void> {
    await this.db.insert(boards).values(board)
  }

  async getBoard(id: string): Promise<BoardRecord | null> {
    const [row] = await this.db
      .select({ id: boards.id, title: boards.title, createdAt: boards.createdAt })
      .from(boards)
      .where(eq(boards.id, id))
    return row ?? null
  }

  async deleteBoard(id: string): Promise<boolean> {
    // Foreign keys cascade to the state, the log and the author claims.
    const deleted = await this.db
      .delete(boards)
      .where(eq(boards.id, id))
      .returning({ id: boards.id })
    return deleted.length > 0
  }

  loadDocument(boardId: string): Promise<StoredDocument> {
    return this.db.transaction(async (tx) => {
      const seq = await lastSeq(tx, boardId)
      const state = await stateOf(tx, boardId)
      return {
        state: state?.state ?? null,
        updates: await updatesAfter(tx, boardId, 0),
        authors: await authorsOf(tx, boardId),
        seq,
      }
    }, CONSISTENT_READ)
  }

  loadSince(boardId: string, afterSeq: number): Promise<StoredDocument> {
    return this.db.transaction(async (tx) => {
      const seq = await lastSeq(tx, boardId)
      const state = await stateOf(tx, boardId)
      // Updates up to the state's number are gone from the log: the state stands for them.
      const fromState = state !== null && state.mergedSeq > afterSeq
      return {
        state: fromState ? state.state : null,
        updates: await updatesAfter(tx, boardId, fromState ? state.mergedSeq : afterSeq),
        authors: await authorsOf(tx, boardId),
        seq,
      }
    }, CONSISTENT_READ)
  }

  headSeq(boardId: string): Promise<number> {
    return lastSeq(this.db, boardId)
  }

  /**
   * One statement, so one round trip and its own transaction: it numbers the batch by raising
   * the board's last_seq (the row lock this takes holds every other append of the board until
   * the statement commits, so the numbers are gap-free in commit order), stores the claims and
   * inserts the updates. An unknown board numbers nothing and is refused; a claim's foreign key
   * refuses it too, and then nothing of the batch is stored.
   */
  async appendUpdates(
    boardId: string,
    updates: readonly Uint8Array[],
    claims: readonly AuthorClaim[] = [],
  ): Promise<number> {
    if (updates.length === 0 && claims.length === 0) return lastSeq(this.db, boardId)
    // Each array goes as one parameter (drizzle would spread a plain array into a list).
    const data = updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength))
    const result = await this.db.execute<{ last_seq: string | number }>(sql`
      with numbered as (
        update ${boards} set last_seq = last_seq + ${updates.length}
        where id = ${boardId}
        returning last_seq
      ), claimed as (
        insert into ${documentAuthors} (board_id, client_id, author)
        select ${boardId}, c.client_id, c.author
        from unnest(${sql.param(claims.map((c) => c.clientId))}::bigint[], ${sql.param(claims.map((c) => c.author))}::text[])
          as c(client_id, author)
        on conflict do nothing
      ), appended as (
        insert into ${documentUpdates} (board_id, seq, data, created_at)
        select ${boardId}, numbered.last_seq - ${updates.length} + u.ord, u.data, ${new Date()}
        from numbered, unnest(${sql.param(data)}::bytea[]) with ordinality as u(data, ord)
      )
      select last_seq from numbered`)
    const row = result.rows[0]
    if (!row) throw new Error(`no board ${boardId}`)
    return Number(row.last_seq)
  }

  /**
   * The advisory lock is taken before anything is read: a compaction that reads waits for no
   * one, and one that finds the lock taken leaves the board to the one holding it. Reading
   * committed data statement by statement is enough under the lock, since only compactions
   * change the state or delete from the log; appends committed after the read of `last_seq`
   * have higher numbers and stay.
   */
  compact(boardId: string): Promise<CompactionResult> {
    return this.db.transaction(async (tx) => {
      const locked = await tx.execute<{ locked: boolean }>(
        sql`select pg_try_advisory_xact_lock(hashtextextended(${boardId}, 0)) as locked`,
      )
      if (!locked.rows[0]?.locked) return NOTHING
      const throughSeq = await lastSeq(tx, boardId)
      const stored = await stateOf(tx, boardId)
      if (throughSeq <= (stored?.mergedSeq ?? 0)) return NOTHING
      const log = await tx
        .select({ data: documentUpdates.data })
        .from(documentUpdates)
        .where(and(eq(documentUpdates.boardId, boardId), lte(documentUpdates.seq, throughSeq)))
        .orderBy(asc(documentUpdates.seq))
      // Off the main thread; the transaction (and the lock) stays open until it is written.
      const state = await this.merger.merge(
        stored?.state ?? null,
        log.map((u) => u.data),
      )
      const values = { boardId, state, mergedSeq: throughSeq, compactedAt: new Date() }
      await tx
        .insert(documentStates)
        .values(values)
        .onConflictDoUpdate({
          target: documentStates.boardId,
          set: { state, mergedSeq: throughSeq, compactedAt: values.compactedAt },
        })
      await tx
        .delete(documentUpdates)
        .where(and(eq(documentUpdates.boardId, boardId), lte(documentUpdates.seq, throughSeq)))
      return { merged: log.length, stateBytes: state.byteLength, throughSeq }
    })
  }

  /** Stops the merge thread; the pool belongs to the store (store.ts) and closes with it. */
  close(): Promise<void> {
    return this.merger.close()
  }
}

async function lastSeq(db: PgSamlaDatabase | Tx, boardId: string): Promise<number> {
  const [row] = await db
    .select({ lastSeq: boards.lastSeq })
    .from(boards)
    .where(eq(boards.id, boardId))
  return row?.lastSeq ?? 0
}

async function stateOf(tx: Tx, boardId: string) {
  const [row] = await tx
    .select({ state: documentStates.state, mergedSeq: documentStates.mergedSeq })
    .from(documentStates)
    .where(eq(documentStates.boardId, boardId))
  return row ?? null
}

async function updatesAfter(tx: Tx, boardId: string, afterSeq: number): Promise<Uint8Array[]> {
  const rows = await tx
    .select({ data: documentUpdates.data })
    .from(documentUpdates)
    .where(and(eq(documentUpdates.boardId, boardId), gt(documentUpdates.seq, afterSeq)))
    .orderBy(asc(documentUpdates.seq))
  return rows.map((r) => r.data)
}

function authorsOf(tx: Tx, boardId: string): Promise<AuthorClaim[]> {
  return tx
    .select({ clientId: documentAuthors.clientId, author: documentAuthors.author })
    .from(documentAuthors)
    .where(eq(documentAuthors.boardId, boardId))
}
