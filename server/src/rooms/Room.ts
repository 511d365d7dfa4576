import { CloseCode } from '@samla/shared'
import * as Y from 'yjs'
import type { Logger } from '../logger.ts'
import type { Storage, StoredDocument } from '../storage/types.ts'
import type { Connection } from './Connection.ts'
import { decodeClientMessage, MalformedMessageError } from './decode.ts'
import {
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2FromUpdate,
  encodeUpdateMessage,
} from './encode.ts'
import { Presence } from './Presence.ts'
import { presenceTickMs } from './presenceTick.ts'
import { SharedFrame } from './SharedFrame.ts'
import { checkParticipantUpdate } from './writePolicy.ts'

export interface RoomOptions {
  compactAfterUpdates: number
  /** Cursor and presence states each client receives per second at most (see presenceTick.ts). */
  presenceBudget: number
  logger: Logger
}

interface PendingUpdate {
  update: Uint8Array
  origin: unknown
}

const RETRY_APPEND_MS = 1000
/** y-websocket clients renew their awareness every 15 s; y-protocols drops them after 30 s. */
const PRESENCE_TIMEOUT_MS = 30_000
const PRESENCE_EXPIRY_CHECK_MS = 10_000

/**
 * One board in memory: its Y.Doc, its awareness, its connections and its persistence.
 * Every update is appended to the log before it is relayed (and before any sync step 2 that
 * would contain it), so a client never sees what a crash could take back.
 */
export class Room {
  private readonly ydoc = new Y.Doc()
  /** The stored state not yet turned into `ydoc` (see load()). */
  private unhydrated: StoredDocument | null = null
  private hydrateTimer: NodeJS.Immediate | null = null
  /** Connections still owed the server's sync step 1, which needs the hydrated document. */
  private awaitingStep1: Connection[] = []
  readonly presence = new Presence()
  private readonly connections = new Set<Connection>()
  private pending: PendingUpdate[] = []
  private flushTimer: NodeJS.Immediate | NodeJS.Timeout | null = null
  private flushing = false
  private persistWaiters: Array<() => void> = []
  private compaction: Promise<void> | null = null
  private compactionTimer: NodeJS.Immediate | null = null
  private logLength = 0
  private destroyed = false
  private presenceTimer: NodeJS.Timeout | null = null
  /** Bumped on every document change; keys the cached full sync below. */
  private version = 0
  /** Sync step 2 for a client that has nothing yet, shared by joiners arriving together. */
  private fullSync: { version: number; frame: SharedFrame } | null = null
  private readonly presenceExpiry: NodeJS.Timeout
  private readonly log: Logger

  private constructor(
    readonly id: string,
    private readonly storage: Storage,
    private readonly options: RoomOptions,
  ) {
    this.log = options.logger.child({ room: id })
    this.presenceExpiry = setInterval(() => {
      this.presence.expire(Date.now(), PRESENCE_TIMEOUT_MS)
      this.schedulePresenceTick()
    }, PRESENCE_EXPIRY_CHECK_MS)
  }

  static async load(id: string, storage: Storage, options: RoomOptions): Promise<Room> {
    const room = new Room(id, storage, options)
    const stored = await storage.loadDocument(id)
    room.logLength = stored.updates.length
    room.unhydrated = stored
    if (stored.state && stored.updates.length === 0) {
      // A compacted board: its stored state *is* the full sync, so the first joiners get it
      // without waiting for Yjs to build the document (about 60 ms per 10,000 shapes) and
      // encode it again (50 ms more). The document is built right after, in the next turn.
      room.fullSync = {
        version: 0,
        frame: new SharedFrame(encodeSyncStep2FromUpdate(stored.state)),
      }
      room.hydrateTimer = setImmediate(() => room.hydrate())
    } else {
      room.hydrate()
    }
    return room
  }

  /** The board's Y.Doc, built from storage on first use. */
  get doc(): Y.Doc {
    this.hydrate()
    return this.ydoc
  }

  private hydrate(): void {
    const stored = this.unhydrated
    if (!stored || this.destroyed) return
    this.unhydrated = null
    if (this.hydrateTimer) clearImmediate(this.hydrateTimer)
    this.hydrateTimer = null
    Y.transact(this.ydoc, () => {
      if (stored.state) Y.applyUpdate(this.ydoc, stored.state)
      for (const update of stored.updates) Y.applyUpdate(this.ydoc, update)
    })
    // Listen only after loading, so that the load itself is not appended again.
    this.ydoc.on('update', this.onDocUpdate)
    const waiting = this.awaitingStep1
    this.awaitingStep1 = []
    for (const conn of waiting) if (conn.isOpen) conn.send(encodeSyncStep1(this.ydoc))
  }

  get connectionCount(): number {
    return this.connections.size
  }

  get pendingLogLength(): number {
    return this.logLength
  }

  addConnection(conn: Connection): void {
    // A join that raced the board's deletion.
    if (this.destroyed) {
      conn.close(CloseCode.BoardGone, 'board deleted')
      return
    }
    this.connections.add(conn)
    if (this.unhydrated) this.awaitingStep1.push(conn)
    else conn.send(encodeSyncStep1(this.ydoc))
    const snapshot = this.presence.snapshot()
    if (snapshot) conn.send(snapshot)
  }

  removeConnection(conn: Connection): void {
    if (!this.connections.delete(conn)) return
    this.presence.removeClients(conn.awarenessClients, Date.now())
    conn.awarenessClients.clear()
    this.schedulePresenceTick()
  }

  handleFrame(conn: Connection, frame: Uint8Array): void {
    if (!conn.isOpen || this.destroyed) return
    try {
      const message = decodeClientMessage(frame)
      switch (message.type) {
        case 'sync-step-1':
          void this.replyToSyncStep1(conn, message.stateVector)
          break
        case 'update':
          // A viewer's sync step 2 and updates are dropped: never applied, never stored. Its
          // provider sends a step 2 on every connect, so this is not an error to close over.
          if (!conn.canWrite) break
          if (conn.access.role === 'participant') {
            const verdict = checkParticipantUpdate(this.doc, message.update)
            if (!verdict.ok) {
              // Closed rather than ignored: the client holds the refused edit and must sync
              // afresh, or its later edits would build on something the board never had.
              this.log.info('edit refused', { conn: conn.id, reason: verdict.reason })
              conn.close(CloseCode.EditRefused, verdict.reason)
              this.removeConnection(conn)
              break
            }
          }
          Y.applyUpdate(this.doc, message.update, conn)
          break
        case 'awareness':
          this.presence.apply(message.entries, conn, Date.now())
          this.schedulePresenceTick()
          break
        case 'query-awareness': {
          const snapshot = this.presence.snapshot()
          if (snapshot) conn.send(snapshot)
          break
        }
        case 'auth':
          break
      }
    } catch (err) {
      const malformed = err instanceof MalformedMessageError
      this.log.warn(malformed ? 'malformed message' : 'message failed', { conn: conn.id, err })
      conn.close(CloseCode.MalformedMessage, 'malformed message')
    }
  }

  /** Resolves once every update accepted so far is in the log. */
  persisted(): Promise<void> {
    if (this.pending.length === 0 && !this.flushing) return Promise.resolve()
    return new Promise((resolve) => this.persistWaiters.push(resolve))
  }

  /** Resolves when nothing is left to write: the log is flushed and no compaction runs. */
  async settle(): Promise<void> {
    await this.persisted()
    while (this.compaction || this.compactionTimer) {
      if (this.compactionTimer) this.runCompactionNow()
      await this.compaction
    }
  }

  needsCompaction(): boolean {
    return this.logLength >= this.options.compactAfterUpdates
  }

  async compact(): Promise<void> {
    await this.settle()
    this.runCompactionNow()
    await this.compaction
  }

  disconnectAll(code: CloseCode, reason: string): void {
    for (const conn of this.connections) conn.close(code, reason)
  }

  /** Closes and drops the matching connections now, even if they are not reading. */
  disconnectWhere(match: (conn: Connection) => boolean, code: CloseCode, reason: string): number {
    let closed = 0
    for (const conn of [...this.connections]) {
      if (!match(conn)) continue
      conn.close(code, reason)
      this.removeConnection(conn)
      closed++
    }
    return closed
  }

  /** Frees the document and every timer. Call only when settled and without connections. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    if (this.flushTimer) {
      clearImmediate(this.flushTimer as NodeJS.Immediate)
      clearTimeout(this.flushTimer as NodeJS.Timeout)
    }
    if (this.compactionTimer) clearImmediate(this.compactionTimer)
    if (this.hydrateTimer) clearImmediate(this.hydrateTimer)
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    clearInterval(this.presenceExpiry)
    this.fullSync = null
    this.unhydrated = null
    this.ydoc.destroy()
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.version++
    this.pending.push({ update, origin })
    // Appends within one event-loop turn share one transaction (group commit).
    if (!this.flushTimer && !this.flushing) this.flushTimer = setImmediate(this.flush)
  }

  private readonly flush = async (): Promise<void> => {
    this.flushTimer = null
    if (this.flushing || this.destroyed) return
    const batch = this.pending
    if (batch.length === 0) return this.resolvePersistWaiters()
    this.pending = []
    this.flushing = true
    try {
      await this.storage.appendUpdates(
        this.id,
        batch.map((p) => p.update),
      )
    } catch (err) {
      // Keep the updates in memory, unrelayed, and try again; nothing is lost or leaked.
      this.log.error('appending updates failed, retrying', { count: batch.length, err })
      this.pending = batch.concat(this.pending)
      this.flushing = false
      if (!this.destroyed) this.flushTimer = setTimeout(this.flush, RETRY_APPEND_MS)
      return
    }
    this.flushing = false
    this.logLength += batch.length
    for (const { update, origin } of batch)
      this.broadcast(new SharedFrame(encodeUpdateMessage(update)), origin)
    if (this.pending.length > 0) this.flushTimer = setImmediate(this.flush)
    else this.resolvePersistWaiters()
    if (this.needsCompaction() && !this.compaction && !this.compactionTimer && !this.destroyed) {
      // Off the hot path: after this turn's relaying is done.
      this.compactionTimer = setImmediate(() => this.runCompactionNow())
    }
  }

  private resolvePersistWaiters(): void {
    const waiters = this.persistWaiters
    this.persistWaiters = []
    for (const resolve of waiters) resolve()
  }

  private runCompactionNow(): void {
    if (this.compactionTimer) clearImmediate(this.compactionTimer)
    this.compactionTimer = null
    if (this.compaction) return
    const started = performance.now()
    this.compaction = this.storage
      .compact(this.id)
      .then((result) => {
        this.logLength -= result.merged
        this.log.debug('compacted', { ...result, ms: Math.round(performance.now() - started) })
      })
      .catch((err: unknown) => this.log.error('compaction failed', { err }))
      .finally(() => {
        this.compaction = null
      })
  }

  private async replyToSyncStep1(conn: Connection, stateVector: Uint8Array): Promise<void> {
    await this.persisted()
    if (!conn.isOpen || this.destroyed) return
    // A fresh client (an empty state vector) needs the whole board: encode that once per
    // version, so 200 phones scanning the QR code together cost one encoding, not 200.
    const isEmpty = stateVector.length === 1 && stateVector[0] === 0
    if (!isEmpty) return conn.send(encodeSyncStep2(this.doc, stateVector))
    // Reading `this.doc` only on a miss keeps a just-loaded board's stored bytes in use.
    if (this.fullSync?.version !== this.version) {
      this.fullSync = {
        version: this.version,
        frame: new SharedFrame(encodeSyncStep2(this.doc, stateVector)),
      }
    }
    conn.send(this.fullSync.frame)
  }

  /**
   * Presence goes out in ticks: one frame per tick with the latest state of every client that
   * changed, encoded once. Ticks lengthen with the room's size so that each receiver gets a
   * bounded number of states per second however many people move their cursors.
   */
  private schedulePresenceTick(): void {
    if (this.presenceTimer || this.destroyed || !this.presence.hasChanges) return
    const delay = presenceTickMs(this.connections.size, this.options.presenceBudget)
    this.presenceTimer = setTimeout(this.presenceTick, delay)
  }

  private readonly presenceTick = (): void => {
    this.presenceTimer = null
    const changes = this.presence.takeChanges()
    if (!changes) return
    const frame = new SharedFrame(changes)
    for (const conn of this.connections) conn.sendPresence(frame, () => this.presence.snapshot())
  }

  /** One encoded frame for everyone but the connection it came from. */
  private broadcast(frame: SharedFrame, origin: unknown): void {
    for (const conn of this.connections) {
      if (conn !== origin) conn.send(frame)
    }
  }
}
