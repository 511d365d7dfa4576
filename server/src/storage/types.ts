/**
 * What the relay needs from persistence: boards and their documents. SQLite (one machine) and
 * PostgreSQL (several instances) implement the same contract (storage/contract.ts, SPEC.md).
 * The other tables sit behind the repositories of repositories.ts; store.ts puts them together.
 */
export interface BoardRecord {
  id: string
  title: string
  createdAt: Date
}

export interface StoredDocument {
  /** The compacted state, or null if the board was never compacted. */
  state: Uint8Array | null
  /** Updates appended after that state, oldest first. */
  updates: Uint8Array[]
  /** Which author (the hash of a page's author key) each Yjs client id of the board is. */
  authors: AuthorClaim[]
  /**
   * The sequence number of the last update this load holds (0 before the first append).
   * Every append of a board takes the next numbers, with no gap, in the order the appends
   * commit: an instance that sees an update numbered past the one it expects knows it missed
   * something, and reads it with `loadSince`.
   */
  seq: number
}

/** A Yjs client id and the author that first wrote under it (access/rules/authorship.ts). */
export interface AuthorClaim {
  clientId: number
  author: string
}

export interface CompactionResult {
  /** Log entries merged into the state (0 when there was nothing to do). */
  merged: number
  /** Size of the state written by this compaction; 0 when nothing was merged (nothing written). */
  stateBytes: number
  /** The sequence number up to which the state now holds the log (0 when nothing was merged). */
  throughSeq: number
}

export interface Storage {
  createBoard(board: BoardRecord): Promise<void>
  getBoard(id: string): Promise<BoardRecord | null>
  /** Removes the board, its state and its whole update log. */
  deleteBoard(id: string): Promise<boolean>
  loadDocument(boardId: string): Promise<StoredDocument>
  /**
   * Appends all updates, and the author claims they make, in one transaction: either all
   * are durable or none. A claim for a client id the board already has is ignored (the
   * first claim stands). Resolves, once committed, with the sequence number of the last
   * update appended: the batch took the numbers `seq - updates.length + 1 … seq`.
   */
  appendUpdates(
    boardId: string,
    updates: readonly Uint8Array[],
    claims?: readonly AuthorClaim[],
  ): Promise<number>
  /**
   * What a room holding the board up to `afterSeq` lacks: the updates numbered after it, with
   * `state` null; or, when a compaction has merged past `afterSeq`, the state and every update
   * after it. Authors are all of the board's.
   */
  loadSince(boardId: string, afterSeq: number): Promise<StoredDocument>
  /** The sequence number of the board's last committed update (0 if none; 0 if no board). */
  headSeq(boardId: string): Promise<number>
  /**
   * Merges the state and the log up to its last committed update into one state, and deletes
   * exactly the merged updates; appends meanwhile stay in the log. At most one compaction of a
   * board runs at a time, across every instance: another one finds nothing to do.
   */
  compact(boardId: string): Promise<CompactionResult>
  close(): Promise<void>
}
