import type { CloseCode } from '@samla/shared'
import type { GateConnection } from '../access/writeGate.ts'
import { SharedFrame } from './SharedFrame.ts'

/** The little a Room needs from a socket, so that tests can drive a Room without a network. */
export interface RoomSocket {
  send(data: Uint8Array): void
  /**
   * Writes a frame that is already framed for the wire (a SharedFrame's bytes), when the
   * socket can; otherwise the connection sends the frame's payload through `send`.
   */
  writeFramed?(framed: Buffer): void
  close(code: number, reason: string): void
  /** Bytes handed to send() that have not reached the network yet. */
  readonly bufferedAmount: number
}

let nextConnectionId = 1

/**
 * What a connection may do. A plain board (no meeting) is open to whoever has its link; in a
 * meeting the role comes from the capability token it connected with.
 */
export interface Access {
  role: 'editor' | 'facilitator' | 'participant' | 'projector'
  /** SHA-256 of the capability token, so that rotating a link can find its live sockets. */
  tokenHash: string | null
}

export const OPEN_BOARD_ACCESS: Access = { role: 'editor', tokenHash: null }

/** One client's socket in one room, with the awareness client ids it speaks for. */
export class Connection implements GateConnection {
  readonly id = nextConnectionId++
  /** Awareness client ids this connection has announced; removed for everyone when it closes. */
  readonly awarenessClients = new Set<number>()
  readonly authoredClients = new Set<number>()
  held: Uint8Array | null = null
  /**
   * Who this connection writes as: the hash of the author key its page sent (the same across
   * reconnects of one document), or, without one, this connection alone.
   */
  readonly identity: string
  private closed = false
  /** Presence frames were skipped while the client was behind; it needs a full snapshot. */
  private presenceBehind = false

  constructor(
    private readonly socket: RoomSocket,
    private readonly maxBacklogBytes: number,
    private readonly onBacklogExceeded: (conn: Connection) => void,
    readonly access: Access = OPEN_BOARD_ACCESS,
    /** SHA-256 of the author key the client sent, if it sent one. */
    readonly author: string | null = null,
  ) {
    this.identity = author ?? `connection:${this.id}`
  }

  get role(): Access['role'] {
    return this.access.role
  }

  /** Projectors (viewers) may read everything and change nothing. */
  get canWrite(): boolean {
    return this.access.role !== 'projector'
  }

  get isOpen(): boolean {
    return !this.closed
  }

  /** Sends a frame unless the client has fallen too far behind, in which case it is cut off. */
  send(frame: Uint8Array | SharedFrame): void {
    if (this.closed) return
    if (this.socket.bufferedAmount + frame.byteLength > this.maxBacklogBytes) {
      this.onBacklogExceeded(this)
      return
    }
    if (!(frame instanceof SharedFrame)) this.socket.send(frame)
    else if (this.socket.writeFramed) this.socket.writeFramed(frame.framed)
    else this.socket.send(frame.payload)
  }

  /**
   * Presence is the first thing a slow reader goes without: past a quarter of the backlog cap
   * its cursor frames are skipped (document updates never are), and once it has caught up it
   * gets one snapshot of everyone instead of the frames it missed.
   */
  sendPresence(frame: SharedFrame, snapshot: () => Uint8Array | null): void {
    if (this.closed) return
    if (this.socket.bufferedAmount > this.maxBacklogBytes / 4) {
      this.presenceBehind = true
      return
    }
    if (this.presenceBehind) {
      this.presenceBehind = false
      const full = snapshot()
      if (full) this.send(full)
      return
    }
    this.send(frame)
  }

  close(code: CloseCode, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.socket.close(code, reason)
  }

  /** Called when the socket closed by itself. */
  markClosed(): void {
    this.closed = true
  }
}
