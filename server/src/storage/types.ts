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
  /** Appends all updates in one transaction: either all are durable or none. */
  appendUpdates(boardId: string, updates: readonly Uint8Array[]): Promise<void>
  /** Merges the state and the whole log into one state, in one transaction. */
  compact(boardId: string): Promise<CompactionResult>
  close(): Promise<void>
}
