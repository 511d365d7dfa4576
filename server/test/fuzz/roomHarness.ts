/**
 * The one file that knows how Room and Connection are built and driven, so that the fuzz
 * generators, the campaign and the regression tests survive changes to the room's internals:
 * adapt this adapter, not its callers.
 *
 * A room here is a real Room on a real SQLite file, with in-memory sockets. Frames are handed
 * to Room.handleFrame synchronously, one at a time, so that any exception the handler catches
 * can be tied to the frame that caused it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import type { LogFields, Logger } from '../../src/logger.ts'
import { type Access, Connection, type RoomSocket } from '../../src/rooms/Connection.ts'
import { MalformedMessageError } from '../../src/rooms/decode.ts'
import { Room } from '../../src/rooms/Room.ts'
import { SqliteStorage } from '../../src/storage/sqlite.ts'
import { dumpDoc } from './docDump.ts'

export type Role = Access['role']

/** What became of one frame. */
export interface Outcome {
  /** The connection is still open after the frame. */
  open: boolean
  close: { code: number; reason: string } | null
  /** An exception the handler caught that is not a MalformedMessageError (a validation gap). */
  handlerError: Error | null
}

class MemorySocket {
  close: { code: number; reason: string } | null = null
  bufferedAmount = 0
  constructor(readonly onFrame: (frame: Uint8Array) => void) {}
  closeSocket(code: number, reason: string): void {
    this.close ??= { code, reason }
  }
}

/** ws refuses a frame over maxPayload with 1009 before the room sees it. */
const MESSAGE_TOO_BIG = 1009

export interface HarnessClient {
  readonly role: Role
  readonly isOpen: boolean
  readonly close: { code: number; reason: string } | null
}

interface Client extends HarnessClient {
  conn: Connection
  socket: MemorySocket
}

/** A logger that keeps the errors the room logs, which is how the handler reports them. */
function capturingLogger(onError: (err: unknown) => void): Logger {
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warn: (_msg: string, fields?: LogFields) => {
      if (fields && 'err' in fields) onError(fields.err)
    },
    error: (_msg: string, fields?: LogFields) => {
      if (fields && 'err' in fields) onError(fields.err)
    },
    child: () => logger,
  }
  return logger
}

const BOARD_ID = 'F'.repeat(22)

export class RoomHarness {
  private caught: unknown[] = []
  /**
   * Every sync frame handed to the room, in order, with the sender's role: enough to replay
   * what its document went through (awareness frames, which can be megabytes, are left out).
   */
  readonly journal: Array<{ role: Role; frame: Uint8Array; conn: number }> = []
  /** Errors logged outside handleFrame (flush, compaction): must stay empty. */
  readonly backgroundErrors: unknown[] = []
  private inFrame = false

  private constructor(
    private readonly dir: string,
    private readonly storage: SqliteStorage,
    private readonly room: Room,
    /** The server's default SAMLA_MAX_MESSAGE_BYTES unless a campaign sets another. */
    readonly maxMessageBytes: number,
  ) {}

  /** A room for a board whose log already holds `seed` (e.g. a laid-out meeting). */
  static async open(
    options: { seed?: Uint8Array[]; compactAfterUpdates?: number; maxMessageBytes?: number } = {},
  ) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-fuzz-'))
    const storage = new SqliteStorage({ file: path.join(dir, 'fuzz.sqlite') })
    await storage.createBoard({ id: BOARD_ID, title: 'fuzz', createdAt: new Date() })
    if (options.seed?.length) await storage.appendUpdates(BOARD_ID, options.seed)
    let harness: RoomHarness | null = null
    const logger = capturingLogger((err) => {
      if (!harness) return
      if (harness.inFrame) harness.caught.push(err)
      else harness.backgroundErrors.push(err)
    })
    const room = await Room.load(BOARD_ID, storage, {
      compactAfterUpdates: options.compactAfterUpdates ?? 200,
      presenceBudget: 330,
      logger,
    })
    harness = new RoomHarness(dir, storage, room, options.maxMessageBytes ?? 8 * 1024 * 1024)
    return harness
  }

  /**
   * A new connection with `role`; `onFrame` gets every frame the room sends it (payloads
   * only: no writeFramed, so the connection falls back to send).
   */
  connect(role: Role = 'editor', onFrame: (frame: Uint8Array) => void = () => {}): HarnessClient {
    const socket = new MemorySocket(onFrame)
    const adapter: RoomSocket = {
      send: (d) => socket.onFrame(d),
      close: (code, reason) => socket.closeSocket(code, reason),
      get bufferedAmount() {
        return socket.bufferedAmount
      },
    }
    const conn = new Connection(adapter, 64 << 20, (slow) => slow.close(4429, 'backlog'), {
      role,
      tokenHash: role === 'editor' ? null : `fuzz-${role}`,
    })
    this.room.addConnection(conn)
    const client: Client = {
      role,
      conn,
      socket,
      get isOpen() {
        return conn.isOpen
      },
      get close() {
        return socket.close
      },
    }
    return client
  }

  /** Hands one frame to the room; a closed connection leaves the room as its socket would. */
  send(client: HarnessClient, frame: Uint8Array): Outcome {
    const { conn, socket } = client as Client
    if (conn.isOpen && frame[0] === 0)
      this.journal.push({ role: conn.access.role, frame, conn: conn.id })
    if (frame.byteLength > this.maxMessageBytes) {
      conn.close(MESSAGE_TOO_BIG, 'Max payload size exceeded')
      this.room.removeConnection(conn)
      return { open: false, close: socket.close, handlerError: null }
    }
    this.caught = []
    this.inFrame = true
    try {
      this.room.handleFrame(conn, frame)
    } finally {
      this.inFrame = false
    }
    const handlerError =
      (this.caught.find((e) => !(e instanceof MalformedMessageError)) as Error | undefined) ?? null
    if (!conn.isOpen) this.room.removeConnection(conn)
    return { open: conn.isOpen, close: socket.close, handlerError }
  }

  /** The room's live document. */
  get doc(): Y.Doc {
    return this.room.doc
  }

  get connectionCount(): number {
    return this.room.connectionCount
  }

  /** Awareness states the room holds, by client id (JSON text). */
  presenceStates(): Map<number, string> {
    const states = new Map<number, string>()
    const frame = this.room.presence.snapshot()
    if (!frame) return states
    const d = decoding.createDecoder(frame)
    decoding.readVarUint(d)
    const p = decoding.createDecoder(decoding.readVarUint8Array(d))
    for (let n = decoding.readVarUint(p); n > 0; n--) {
      const id = decoding.readVarUint(p)
      decoding.readVarUint(p)
      states.set(id, decoding.readVarString(p))
    }
    return states
  }

  /** Waits until everything accepted so far is stored and no compaction is running. */
  settle(): Promise<void> {
    return this.room.settle()
  }

  /** What a restart would load: the stored state and log replayed into a fresh document. */
  async storedDoc(): Promise<Y.Doc> {
    await this.room.settle()
    const stored = await this.storage.loadDocument(BOARD_ID)
    const doc = new Y.Doc()
    if (stored.state) Y.applyUpdate(doc, stored.state)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    return doc
  }

  /**
   * Whether the stored document is exactly the live one: the same structs and deletions
   * (snapshots) and the same content. `detail` says what differs, or why it could not tell.
   */
  async storedVersusLive(): Promise<{ equal: boolean; detail: string }> {
    let stored: Y.Doc
    try {
      stored = await this.storedDoc()
    } catch (err) {
      return { equal: false, detail: `replaying storage failed: ${(err as Error).message}` }
    }
    try {
      if (!Y.equalSnapshots(Y.snapshot(stored), Y.snapshot(this.room.doc)))
        return { equal: false, detail: 'structs or deletions differ' }
      if (dumpDoc(stored) !== dumpDoc(this.room.doc))
        return { equal: false, detail: 'content differs' }
      return { equal: true, detail: 'equal' }
    } catch (err) {
      return { equal: false, detail: `comparing failed: ${(err as Error).message}` }
    } finally {
      stored.destroy()
    }
  }

  async dispose(): Promise<void> {
    await this.room.settle()
    this.room.disconnectAll(1001, 'fuzz done')
    this.room.destroy()
    await this.storage.close()
    fs.rmSync(this.dir, { recursive: true, force: true })
  }
}
