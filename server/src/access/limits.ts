/**
 * Every bound the write gate puts on what one client may send, read from the configuration
 * (config.ts, documented in the README). Defaults are well above what an honest tldraw page
 * writes and well below what hurts a server.
 */
export interface WriteLimits {
  /** Deepest nesting of any JSON value in a document or a presence state. */
  maxJsonDepth: number
  /** Largest tldraw record (JSON text), images aside. */
  maxRecordBytes: number
  /** Most characters of text in one shape (a note). */
  maxNoteChars: number
  /** Largest presence state of one client. */
  maxPresenceBytes: number
  /** All presence states of one room together. */
  maxPresenceRoomBytes: number
  /** Yjs client ids one connection may write or speak for. */
  maxClientIdsPerConnection: number
  /** Edits a connection may have waiting for clocks it has not sent yet. */
  maxPendingBytesPerConnection: number
  /** The same for all connections of one room together. */
  maxPendingBytesPerRoom: number
  /**
   * A board's stored size (state and log) beyond which it takes nothing but deletions: every
   * joiner is sent the whole board, so it must stay under what one client may be sent.
   */
  maxBoardBytes: number
}

export const DEFAULT_WRITE_LIMITS: WriteLimits = {
  maxJsonDepth: 64,
  maxRecordBytes: 256 * 1024,
  maxNoteChars: 5000,
  maxPresenceBytes: 8 * 1024,
  maxPresenceRoomBytes: 2 * 1024 * 1024,
  maxClientIdsPerConnection: 4,
  maxPendingBytesPerConnection: 1024 * 1024,
  maxPendingBytesPerRoom: 8 * 1024 * 1024,
  maxBoardBytes: 24 * 1024 * 1024,
}
