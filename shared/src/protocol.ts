/** Top-level message types of the y-websocket protocol (first varuint of every frame). */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const

/** Sub-types of a Sync message, as y-protocols/sync writes them. */
export const SyncMessageType = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const

/**
 * WebSocket close codes the server uses, kept in one place and documented in the README.
 * 1000–1015 are the standard codes; 4000–4999 are reserved for applications.
 */
export const CloseCode = {
  /** The server is shutting down; the client should reconnect later. */
  GoingAway: 1001,
  /** A frame larger than the configured limit (sent by the WebSocket layer itself). */
  MessageTooBig: 1009,
  /** The server failed while handling the connection (for example storage was unavailable). */
  InternalError: 1011,
  /** The frame could not be decoded as a y-websocket message; nothing of it was applied. */
  MalformedMessage: 4400,
  /** The link this connection was opened with has been rotated or revoked. */
  CapabilityRevoked: 4403,
  /**
   * An edit this connection's role may not make (a participant writing to a locked phase, a
   * locked shape, a page or the meeting's controls). Nothing of the frame was applied; the client must drop
   * its local copy and sync again, or it would send the same edit on every reconnect.
   */
  EditRefused: 4409,
  /** The board was deleted while the connection was open. */
  BoardGone: 4404,
  /** The client stopped reading: its send backlog passed the server's cap. */
  BacklogExceeded: 4429,
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/**
 * Why the relay refused an edit: the reason of a 4409 close, so that the page
 * can say what happened in the person's language.
 */
export const EditRefusal = {
  /** The meeting's controls (phase, timer, locks, voting) are the facilitator's. */
  Controls: 'meeting-controls',
  /** Adding, renaming, reordering or removing phases is the facilitator's. */
  Phases: 'phases',
  /** The edit touched something on a locked phase. */
  PhaseLocked: 'phase-locked',
  /** The edit touched something on a phase the facilitator has not shown participants. */
  PhaseHidden: 'phase-hidden',
  /**
   * The edit changed or deleted a shape locked for participants (a template frame, or one the
   * facilitator locked), or set or removed a lock or a template mark.
   */
  LayoutLocked: 'layout-locked',
  /** A tldraw schema other than this deployment's (or another key in `meta`). */
  Schema: 'schema',
  /** The update builds on structures the server cannot place. */
  Unknown: 'unknown-structure',
  /** A record tldraw's schema refuses (or a control value that is not what it should be). */
  InvalidRecord: 'invalid-record',
  /** A value nested too deeply, a record too large, or a note's text too long. */
  TooLarge: 'too-large',
  /** Structs or presence under a Yjs client id that belongs to someone else. */
  Identity: 'identity',
  /** More of the client's edits waiting for clocks it never sent than the server will hold. */
  Pending: 'pending',
  /** What only the server writes: where sent notes came from, and the answers to them. */
  ServerOwned: 'server-owned',
  /** The facilitator ended the meeting: participants change nothing until it is reopened. */
  MeetingEnded: 'meeting-ended',
  /**
   * Private writing is on for the phase: a participant's edit there may not put text into the
   * board (new text, changed text, or a note's private mark changed).
   */
  PrivateWriting: 'private-writing',
} as const
export type EditRefusal = (typeof EditRefusal)[keyof typeof EditRefusal]

/**
 * A random key each page makes for each Y.Doc and sends when it connects (`?author=…`), so
 * that the relay knows a reconnecting document as the author of what it wrote before: only
 * that author may write under its Yjs client ids again. 128 bits or more, base64url.
 */
export const AUTHOR_KEY_PARAM = 'author'
export const AUTHOR_KEY_PATTERN = /^[A-Za-z0-9_-]{22,64}$/

/** A new author key: 128 random bits, base64url (browsers and Node alike). */
export function newAuthorKey(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export const WS_PATH_PREFIX = '/ws/'
export const BOARD_PATH_PREFIX = '/b/'
/** The phone page of a meeting's board: `/p/<board>#k=<participant token>`. */
export const PHONE_PATH_PREFIX = '/p/'
/** A meeting's documentation for its facilitator: `/docs/<meeting>#k=<facilitator token>`. */
export const DOCS_PATH_PREFIX = '/docs/'
/** Published documentation, readable by anyone with the link: `/d/<publication token>`. */
export const PUBLISHED_PATH_PREFIX = '/d/'
