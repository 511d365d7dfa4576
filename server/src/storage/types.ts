/**
 * What the relay needs from persistence. SQLite implements it now; a PostgreSQL driver for
 * several server instances will implement the same contract (storage/contract.ts, SPEC.md).
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
   * first claim stands).
   */
  appendUpdates(
    boardId: string,
    updates: readonly Uint8Array[],
    claims?: readonly AuthorClaim[],
  ): Promise<void>
  /** Merges the state and the whole log into one state, in one transaction. */
  compact(boardId: string): Promise<CompactionResult>
  close(): Promise<void>
}
