import { CloseCode, CONTROLS_MAP } from '@samla/shared'
import * as Y from 'yjs'
import { DEFAULT_WRITE_LIMITS, type WriteLimits } from '../access/limits.ts'
import { Authorship } from '../access/rules/authorship.ts'
import { type BoardKind, type UpdateVerdict, WriteGate } from '../access/writeGate.ts'
import type { Logger } from '../logger.ts'
import type { AuthorClaim, Storage, StoredDocument } from '../storage/types.ts'
import type { Bus } from './bus.ts'
import type { Connection } from './Connection.ts'
import { DocumentLog } from './DocumentLog.ts'
import { type ClientMessage, decodeClientMessage, MalformedMessageError } from './decode.ts'
import {
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncStep2FromUpdate,
  encodeUpdateMessage,
} from './encode.ts'
import { type AwarenessEntry, Presence } from './Presence.ts'
import { presenceTickMs } from './presenceTick.ts'
import { type FeedOptions, type FeedSink, RemoteFeed } from './RemoteFeed.ts'
import { SharedFrame } from './SharedFrame.ts'

export interface RoomOptions {
  compactAfterUpdates: number
  /** Cursor and presence states each client receives per second at most (see presenceTick.ts). */
  presenceBudget: number
  logger: Logger
  /** What one client may send (access/limits.ts). */
  limits?: WriteLimits
  /**
   * What a board's document is (access/writeGate.ts): a meeting's holds Samla's maps only, an
   * idea's the idébeskrivning only. Without it every board is plain.
   */
  boardKind?: (boardId: string) => Promise<BoardKind>
  /** Where updates and presence of other instances come from (rooms/bus.ts); none: one process. */
  bus?: Bus
  feed?: FeedOptions
  /** Keys of the meeting controls that changed, from whichever client or instance. */
  onControls?: (keys: Set<string>) => void
}

/** The origin of what other instances committed: applied and relayed here, never appended. */
const REMOTE = Symbol('remote')

/** y-websocket clients renew their awareness every 15 s; y-protocols drops them after 30 s. */
const PRESENCE_TIMEOUT_MS = 30_000
const PRESENCE_EXPIRY_CHECK_MS = 10_000

/**
 * One board in memory: its Y.Doc, its awareness, its connections and its log. What a
 * connection sends passes the write gate (access/writeGate.ts) before it touches anything;
 * every accepted update is appended to the log before it is relayed (and before any sync
 * step 2 that would contain it), so a client never sees what a crash could take back.
 * Nothing that goes wrong while serving one connection leaves this room: it is logged, that
 * connection is closed, and everyone else goes on.
 */
export class Room implements FeedSink {
  private readonly ydoc = new Y.Doc()
  /** The stored state not yet turned into `ydoc` (see load()). */
  private unhydrated: StoredDocument | null = null
  private hydrateTimer: NodeJS.Immediate | null = null
  /** Connections still owed the server's sync step 1, which needs the hydrated document. */
  private awaitingStep1: Connection[] = []
  readonly presence = new Presence()
  private readonly connections = new Set<Connection>()
  private readonly documentLog: DocumentLog<unknown>
  private readonly gate: WriteGate
  private destroyed = false
  /** Set when applying an update failed half-way: the room is closed and reloaded from the log. */
  private broken = false
  private presenceTimer: NodeJS.Timeout | null = null
  /** Bumped on every document change; keys the cached full sync below. */
  private version = 0
  /** Sync step 2 for a client that has nothing yet, shared by joiners arriving together. */
  private fullSync: { version: number; frame: SharedFrame } | null = null
  private readonly presenceExpiry: NodeJS.Timeout
  private readonly presenceBudget: number
  private readonly limits: WriteLimits
  private readonly log: Logger
  /** Identities of other instances' clients whose presence is here, with when last heard. */
  private readonly remoteIdentities = new Map<string, number>()
  private readonly instanceId: string
  private readonly onControls: RoomOptions['onControls']

  private constructor(
    readonly id: string,
    storage: Storage,
    stored: StoredDocument,
    kind: BoardKind,
    options: RoomOptions,
    private readonly feed: RemoteFeed | null,
  ) {
    this.log = options.logger.child({ room: id })
    this.instanceId = options.bus?.instanceId ?? 'local'
    this.onControls = options.onControls
    this.documentLog = new DocumentLog(
      id,
      storage,
      stored.updates.length,
      (stored.state?.byteLength ?? 0) + stored.updates.reduce((n, u) => n + u.byteLength, 0),
      options.compactAfterUpdates,
      (batch, lastSeq, claims) => {
        for (const { update, origin } of batch)
          this.broadcast(new SharedFrame(encodeUpdateMessage(update)), origin)
        this.feed?.committed(
          lastSeq,
          batch.map((b) => b.update),
          claims,
        )
      },
      () => this.breakRoom(),
      this.log,
    )
    this.limits = options.limits ?? DEFAULT_WRITE_LIMITS
    this.gate = new WriteGate(
      () => this.doc,
      kind,
      new Authorship(stored.authors),
      this.limits,
      () => this.documentLog.storedBytes,
    )
    this.presenceBudget = options.presenceBudget
    this.presenceExpiry = setInterval(
      () =>
        this.guard('presence expiry', () => {
          this.presence.expire(Date.now(), PRESENCE_TIMEOUT_MS)
          this.schedulePresenceTick()
          const connected = new Set([...this.connections].map((c) => c.identity))
          for (const [identity, seen] of this.remoteIdentities) {
            if (Date.now() - seen < PRESENCE_TIMEOUT_MS) connected.add(identity)
            else this.remoteIdentities.delete(identity)
          }
          this.gate.authorship.forgetGone(connected, (c) => Y.getState(this.ydoc.store, c))
        }),
      PRESENCE_EXPIRY_CHECK_MS,
    )
  }

  static async load(id: string, storage: Storage, options: RoomOptions): Promise<Room> {
    const feed = options.bus?.distributed
      ? new RemoteFeed(id, options.bus, storage, options.logger.child({ room: id }), options.feed)
      : null
    let stored: StoredDocument
    let kind: BoardKind
    try {
      // Subscribed before the load: whatever is committed meanwhile arrives, or is in the load.
      await feed?.subscribe()
      ;[stored, kind] = await Promise.all([
        storage.loadDocument(id),
        options.boardKind?.(id) ?? 'plain',
      ])
    } catch (err) {
      feed?.stop()
      throw err
    }
    const room = new Room(id, storage, stored, kind, options, feed)
    room.unhydrated = stored
    if (stored.state && stored.updates.length === 0) {
      // A compacted board: its stored state *is* the full sync, so the first joiners get it
      // without waiting for Yjs to build the document (about 60 ms per 10,000 shapes) and
      // encode it again (50 ms more). The document is built right after, in the next turn.
      room.fullSync = {
        version: 0,
        frame: new SharedFrame(encodeSyncStep2FromUpdate(stored.state)),
      }
      room.hydrateTimer = setImmediate(() => room.guard('hydrate', () => room.hydrate()))
    } else {
      room.hydrate()
    }
    // Only now: what arrived meanwhile goes onto the loaded document, and is relayed.
    feed?.start(room, stored.seq)
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
    this.dropPending('stored')
    // Listen only after loading, so that the load itself is not appended again.
    this.ydoc.on('update', this.onDocUpdate)
    const onControls = this.onControls
    if (onControls)
      this.ydoc
        .getMap(CONTROLS_MAP)
        .observe((event) => this.guard('controls hook', () => onControls(event.keysChanged)))
    const waiting = this.awaitingStep1
    this.awaitingStep1 = []
    for (const conn of waiting) if (conn.isOpen) conn.send(encodeSyncStep1(this.ydoc))
  }

  /**
   * Structs Yjs could not integrate, kept in the document's store. The gate applies only
   * updates that integrate whole, so these come only from a log written before it did; they
   * are dropped, since integrating them later would let them in unjudged, and every joiner's
   * sync would carry them.
   */
  private dropPending(where: string): void {
    const store = this.ydoc.store
    if (!store.pendingStructs && !store.pendingDs) return
    this.log.warn('dropping structs that never integrated', { where })
    store.pendingStructs = null
    store.pendingDs = null
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Connections that match, such as a meeting's participants. */
  connectionsWhere(match: (conn: Connection) => boolean): number {
    let count = 0
    for (const conn of this.connections) if (match(conn)) count++
    return count
  }

  /** Log entries not yet merged into the stored state. */
  get uncompactedLogEntries(): number {
    return this.documentLog.uncompactedEntries
  }

  /** Bytes of edits connections sent that wait for clocks they have not sent yet. */
  get heldBytes(): number {
    return this.gate.heldBytesInRoom
  }

  addConnection(conn: Connection): void {
    // A join that raced the board's deletion, or a room being reloaded after a failure.
    if (this.destroyed) {
      conn.close(CloseCode.BoardGone, 'board deleted')
      return
    }
    if (this.broken) {
      conn.close(CloseCode.InternalError, 'board reloading')
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
    this.gate.release(conn)
    const gone = this.presence.removeClients(conn.awarenessClients, Date.now())
    this.feed?.publishPresence(this.remoteIdentityOf(conn), gone)
    conn.awarenessClients.clear()
    this.schedulePresenceTick()
  }

  handleFrame(conn: Connection, frame: Uint8Array): void {
    if (!conn.isOpen || this.destroyed || this.broken) return
    let message: ClientMessage
    try {
      message = decodeClientMessage(frame, { maxPresenceBytes: this.limits.maxPresenceBytes })
    } catch (err) {
      const malformed = err instanceof MalformedMessageError
      this.log.info('malformed message', { conn: conn.id, err: malformed ? err.message : err })
      this.closeConnection(conn, CloseCode.MalformedMessage, 'malformed message')
      return
    }
    try {
      this.handleMessage(conn, message)
    } catch (err) {
      // The gate decides before anything is applied; an error here is the server's own.
      this.log.error('message failed', { conn: conn.id, type: message.type, err })
      this.closeConnection(conn, CloseCode.InternalError, 'internal error')
    }
  }

  private handleMessage(conn: Connection, message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step-1':
        this.replyToSyncStep1(conn, message.stateVector).catch((err: unknown) => {
          this.log.error('sync reply failed', { conn: conn.id, err })
          this.closeConnection(conn, CloseCode.InternalError, 'internal error')
        })
        return
      case 'update':
        // A viewer's sync step 2 and updates are dropped: never applied, never stored. Its
        // provider sends a step 2 on every connect, so this is not an error to close over.
        if (!conn.canWrite) return
        this.integrate(conn, this.gate.judge(conn, message.update, message.decoded))
        return
      case 'awareness': {
        const admitted = this.gate.admitPresence(conn, message.entries, this.presence)
        if (admitted.length === 0) return
        this.presence.apply(admitted, conn, Date.now())
        this.feed?.publishPresence(this.remoteIdentityOf(conn), admitted)
        this.schedulePresenceTick()
        return
      }
      case 'query-awareness': {
        const snapshot = this.presence.snapshot()
        if (snapshot) conn.send(snapshot)
        return
      }
      case 'auth':
        return
    }
  }

  /** Applies what the gate accepted, then whatever of the connection's held edits it completed. */
  private integrate(conn: Connection, verdict: UpdateVerdict): void {
    let next: UpdateVerdict | null = verdict
    while (next) {
      if (next.kind === 'hold') return
      if (next.kind === 'refuse') {
        // Closed rather than ignored: the client holds the refused edit and must sync
        // afresh, or its later edits would build on something the board never had.
        this.log.info('edit refused', { conn: conn.id, reason: next.reason, detail: next.detail })
        this.closeConnection(conn, CloseCode.EditRefused, next.reason)
        return
      }
      this.apply(conn, next.update, next.claims.stored)
      next = this.gate.judgeHeld(conn)
    }
  }

  private apply(conn: Connection, update: Uint8Array, claims: readonly AuthorClaim[]): void {
    this.documentLog.claim(claims)
    try {
      Y.applyUpdate(this.doc, update, conn)
    } catch (err) {
      // Only a fault the gate did not foresee gets here, and Yjs may have integrated part of
      // the update. What it integrated is in the log (Yjs emits it even so), but the
      // document in memory may no longer be what a replay of the log gives: close everyone
      // and let the next join load the board afresh from the log.
      this.log.error('applying an accepted update failed; reloading the board', { err })
      this.breakRoom()
      return
    }
    this.dropPending('applied update')
  }

  /** How other instances know this connection: its author key hash, or this instance's connection. */
  private remoteIdentityOf(conn: Connection): string {
    return conn.author ?? `${this.instanceId}/${conn.identity}`
  }

  /**
   * Applies what another instance committed (from the bus or read back from the database).
   * Its claims are recorded first, so that nobody here can write under those client ids.
   */
  applyRemote(stored: Pick<StoredDocument, 'state' | 'updates'>, claims: AuthorClaim[]): void {
    if (this.destroyed || this.broken) return
    this.gate.authorship.commit({ identity: '', stored: claims, live: [] })
    try {
      Y.transact(
        this.doc,
        () => {
          if (stored.state) Y.applyUpdate(this.ydoc, stored.state, REMOTE)
          for (const update of stored.updates) Y.applyUpdate(this.ydoc, update, REMOTE)
        },
        REMOTE,
      )
    } catch (err) {
      this.log.error('applying a committed update failed; reloading the board', { err })
      this.breakRoom()
      return
    }
    this.dropPending('remote update')
  }

  /** Presence of another instance's client; its ids are claimed for it here too. */
  applyRemotePresence(identity: string, entries: AwarenessEntry[]): void {
    if (this.destroyed) return
    const now = Date.now()
    const admitted = entries.filter(
      (e) => e.state === 'null' || this.gate.authorship.claimPresence(e.clientId, identity),
    )
    if (admitted.length === 0) return
    this.remoteIdentities.set(identity, now)
    this.presence.apply(admitted, null, now)
    this.schedulePresenceTick()
  }

  /** Reads from the database whatever committed updates this room has not got. */
  catchUp(): Promise<void> {
    return this.feed?.catchUp() ?? Promise.resolve()
  }

  /**
   * The board was erased elsewhere: everyone here is told, what is not yet written is
   * dropped (it would have nowhere to go), and the room is freed.
   */
  abandon(): void {
    this.documentLog.abandon()
    this.disconnectWhere(() => true, CloseCode.BoardGone, 'board deleted')
    this.destroy()
  }

  private breakRoom(): void {
    this.broken = true
    this.disconnectWhere(() => true, CloseCode.InternalError, 'board reloading')
  }

  /** Whether the room must be reloaded from storage before anyone may join again. */
  get isBroken(): boolean {
    return this.broken
  }

  private closeConnection(conn: Connection, code: CloseCode, reason: string): void {
    conn.close(code, reason)
    this.removeConnection(conn)
  }

  /** Resolves once every update accepted so far is in the log. */
  persisted(): Promise<void> {
    return this.documentLog.persisted()
  }

  /** Resolves when nothing is left to write: the log is flushed and no compaction runs. */
  settle(): Promise<void> {
    return this.documentLog.settle()
  }

  needsCompaction(): boolean {
    return this.documentLog.uncompactedEntries > 0
  }

  compact(): Promise<void> {
    return this.documentLog.compact()
  }

  disconnectAll(code: CloseCode, reason: string): void {
    for (const conn of this.connections) conn.close(code, reason)
  }

  /** Closes and drops the matching connections now, even if they are not reading. */
  disconnectWhere(match: (conn: Connection) => boolean, code: CloseCode, reason: string): number {
    let closed = 0
    for (const conn of [...this.connections]) {
      if (!match(conn)) continue
      this.closeConnection(conn, code, reason)
      closed++
    }
    return closed
  }

  /** Frees the document and every timer. Call only when settled and without connections. */
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.documentLog.stop()
    this.feed?.stop()
    if (this.hydrateTimer) clearImmediate(this.hydrateTimer)
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    clearInterval(this.presenceExpiry)
    this.fullSync = null
    this.unhydrated = null
    this.ydoc.destroy()
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.version++
    // Already durable: relayed to everyone here at once, never appended again.
    if (origin === REMOTE) this.broadcast(new SharedFrame(encodeUpdateMessage(update)), null)
    else this.documentLog.append(update, origin)
  }

  private async replyToSyncStep1(conn: Connection, stateVector: Uint8Array): Promise<void> {
    await this.persisted()
    if (!conn.isOpen || this.destroyed || this.broken) return
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
    const delay = presenceTickMs(this.connections.size, this.presenceBudget)
    this.presenceTimer = setTimeout(() => this.guard('presence tick', this.presenceTick), delay)
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

  /** Runs timer work so that a failure is logged for this room and ends nothing else. */
  private guard(what: string, work: () => void): void {
    try {
      work()
    } catch (err) {
      this.log.error(`${what} failed`, { err })
    }
  }
}
