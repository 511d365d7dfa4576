import type { CloseCode } from '@samla/shared'

/** The little a Room needs from a socket, so that tests can drive a Room without a network. */
export interface RoomSocket {
  send(data: Uint8Array): void
  close(code: number, reason: string): void
  /** Bytes handed to send() that have not reached the network yet. */
  readonly bufferedAmount: number
}

let nextConnectionId = 1

/** One client's socket in one room, with the awareness client ids it speaks for. */
export class Connection {
  readonly id = nextConnectionId++
  /** Awareness client ids this connection has announced; removed for everyone when it closes. */
  readonly awarenessClients = new Set<number>()
  private closed = false

  constructor(
    private readonly socket: RoomSocket,
    private readonly maxBacklogBytes: number,
    private readonly onBacklogExceeded: (conn: Connection) => void,
  ) {}

  get isOpen(): boolean {
    return !this.closed
  }

  /** Sends a frame unless the client has fallen too far behind, in which case it is cut off. */
  send(frame: Uint8Array): void {
    if (this.closed) return
    if (this.socket.bufferedAmount + frame.byteLength > this.maxBacklogBytes) {
      this.onBacklogExceeded(this)
      return
    }
    this.socket.send(frame)
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
