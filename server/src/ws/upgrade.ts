import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import {
  AUTHOR_KEY_PARAM,
  AUTHOR_KEY_PATTERN,
  CAPABILITY_TOKEN_PATTERN,
  CloseCode,
  WS_PATH_PREFIX,
} from '@samla/shared'
import { type WebSocket, WebSocketServer } from 'ws'
import type { MeetingAccess } from '../access/meetingAccess.ts'
import { lookUpBoard } from '../boards.ts'
import type { Logger } from '../logger.ts'
import { hashToken } from '../meetings/tokens.ts'
import { type Access, Connection, OPEN_BOARD_ACCESS, type RoomSocket } from '../rooms/Connection.ts'
import type { Room } from '../rooms/Room.ts'
import { BoardGoneError, type RoomManager } from '../rooms/RoomManager.ts'
import type { Storage } from '../storage/types.ts'

export interface UpgradeDeps {
  storage: Storage
  /** Resolves a token to a role, as for the HTTP routes (access/meetingAccess.ts). */
  access: MeetingAccess
  rooms: RoomManager
  logger: Logger
  maxMessageBytes: number
  maxBacklogBytes: number
  /** WebSocket connections one board may have at once. */
  maxConnectionsPerBoard: number
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
}

function refuse(socket: Duplex, status: 400 | 401 | 404 | 429 | 500, code: string): void {
  if (socket.destroyed) return
  const body = JSON.stringify({ error: { code, message: reasons[status] } })
  socket.end(
    `HTTP/1.1 ${status} ${reasons[status]}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

/**
 * WebSocket upgrades for /ws/<board>. The board is checked and its room loaded *before* the
 * handshake completes, so an unknown room is refused with an HTTP status and no frame of a
 * joined client can arrive before its room is ready.
 */
export function createUpgradeHandler({
  storage,
  access,
  rooms,
  logger,
  maxMessageBytes,
  maxBacklogBytes,
  maxConnectionsPerBoard,
}: UpgradeDeps) {
  /** A meeting's board needs a capability token; its role decides what the connection may do. */
  const accessFor = async (boardId: string, token: string | null): Promise<Access | null> => {
    // A malformed token never reaches the database.
    const found = await access.onBoard(
      boardId,
      token && CAPABILITY_TOKEN_PATTERN.test(token) ? token : null,
    )
    if (!found) return null
    // An idea's idébeskrivning keeps its token's hash, so that closing its link cuts it off.
    if (found.role === 'editor' && !('idea' in found)) return OPEN_BOARD_ACCESS
    return { role: found.role, tokenHash: hashToken(token as string) }
  }

  // ws itself refuses frames over maxPayload with close code 1009.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxMessageBytes,
    perMessageDeflate: false,
  })

  const handle = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    socket.on('error', () => socket.destroy())
    const url = new URL(req.url ?? '/', 'http://localhost')
    const pathname = url.pathname
    if (!pathname.startsWith(WS_PATH_PREFIX)) return refuse(socket, 404, 'not_found')
    const id = pathname.slice(WS_PATH_PREFIX.length)
    const found = await lookUpBoard(storage, id).catch(() => null)
    if (!found) return refuse(socket, 500, 'internal_error')
    if (!found.ok)
      return refuse(
        socket,
        found.status,
        found.status === 400 ? 'invalid_board_id' : 'board_not_found',
      )
    const granted = await accessFor(id, url.searchParams.get('token')).catch((err: unknown) => {
      logger.error('access lookup failed', { room: id, err })
      return undefined
    })
    if (granted === undefined) return refuse(socket, 500, 'internal_error')
    if (!granted) return refuse(socket, 401, 'unauthorized')
    // The page's author key: who it writes as, across reconnects (access/rules/authorship.ts).
    const authorKey = url.searchParams.get(AUTHOR_KEY_PARAM)
    if (authorKey !== null && !AUTHOR_KEY_PATTERN.test(authorKey))
      return refuse(socket, 400, 'invalid_author_key')
    const author = authorKey === null ? null : hashToken(authorKey)

    let room: Room
    try {
      room = await rooms.acquire(id)
    } catch (err) {
      // Erased while this join was on its way in.
      if (err instanceof BoardGoneError) return refuse(socket, 404, 'board_not_found')
      logger.error('room load failed', { room: id, err })
      return refuse(socket, 500, 'internal_error')
    }
    if (socket.destroyed) return rooms.release(id)
    if (room.connectionCount >= maxConnectionsPerBoard) {
      rooms.release(id)
      return refuse(socket, 429, 'too_many_connections')
    }

    wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      const roomSocket: RoomSocket = {
        send: (data) => ws.send(data),
        // Frames shared by a whole room go straight to the TCP socket ws itself writes to.
        // Safe because ws never holds frames back here: no compression, no Blobs, and once it
        // closes (readyState leaves OPEN) nothing more is written.
        writeFramed: (framed) => {
          if (ws.readyState === ws.OPEN) socket.write(framed)
        },
        close: (code, reason) => ws.close(code, reason),
        get bufferedAmount() {
          return ws.bufferedAmount
        },
      }
      const conn = new Connection(
        roomSocket,
        maxBacklogBytes,
        (slow) => {
          logger.warn('closing connection: send backlog exceeded', { room: id, conn: slow.id })
          slow.close(CloseCode.BacklogExceeded, 'send backlog exceeded')
          // Leave the room now: the close handshake cannot finish while the client is not reading.
          room.removeConnection(slow)
        },
        granted,
        author,
      )
      room.addConnection(conn)
      ws.on('message', (data: Buffer, isBinary: boolean) => {
        if (!isBinary) return conn.close(CloseCode.MalformedMessage, 'binary frames only')
        room.handleFrame(conn, data)
      })
      ws.on('error', (err) => logger.debug('socket error', { room: id, conn: conn.id, err }))
      ws.once('close', () => {
        conn.markClosed()
        room.removeConnection(conn)
        rooms.release(id)
      })
    })
  }

  return {
    handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      handle(req, socket, head).catch((err: unknown) => {
        logger.error('upgrade failed', { err })
        refuse(socket, 500, 'internal_error')
      })
    },
    /** Every open socket, for keep-alive pings and shutdown. */
    clients: wss.clients,
    close: () => wss.close(),
  }
}
