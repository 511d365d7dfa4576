import type { Logger } from '../logger.ts'
import type { AuthorClaim, Storage, StoredDocument } from '../storage/types.ts'
import type { BoardMessage, Bus, UpdatesMessage } from './bus.ts'
import type { AwarenessEntry } from './Presence.ts'

/** What the feed hands to its room. */
export interface FeedSink {
  /** Updates committed elsewhere (or read back from the database), in sequence order. */
  applyRemote(stored: Pick<StoredDocument, 'state' | 'updates'>, claims: AuthorClaim[]): void
  applyRemotePresence(identity: string, entries: AwarenessEntry[]): void
  /** Whether anyone is connected here (a room nobody watches need not poll). */
  readonly connectionCount: number
}

export interface FeedOptions {
  /**
   * How long an update numbered past the next expected one waits for the ones before it:
   * two instances publish in whatever order their commits finish, so a short wait saves a
   * read; after it the gap is read from the database.
   */
  gapGraceMs: number
  /**
   * How often a watched room asks the database for its last sequence number when several
   * instances run: the last message of a burst can be lost with no later one to show the gap.
   */
  pollMs: number
}

export const DEFAULT_FEED_OPTIONS: FeedOptions = { gapGraceMs: 50, pollMs: 2000 }
/**
 * Presence of this instance's clients goes out at most this often, the latest state of each
 * client in one message: a room of 200 people moving cursors 5 times a second is then 25
 * messages a second on Redis, not 1,000.
 */
const PRESENCE_FLUSH_MS = 40
const RETRY_CATCH_UP_MS = 1000

interface Early {
  last: number
  /** Null for this instance's own batch: it is in the document already. */
  message: UpdatesMessage | null
}

/**
 * The bus side of a room: publishes what this instance committed, applies what others
 * committed in sequence order, and reads from the database whatever it did not get (a gap in
 * the numbers, the bus reconnecting, or the poll finding the board ahead).
 */
export class RemoteFeed {
  /** Every update up to this sequence number is in the room's document. */
  private seq = 0
  private sink: FeedSink | null = null
  /** Messages that arrived before the room was loaded. */
  private beforeStart: BoardMessage[] = []
  private readonly early = new Map<number, Early>()
  private catchUpTimer: NodeJS.Timeout | null = null
  private catchingUp: Promise<void> | null = null
  private readonly pollTimer: NodeJS.Timeout | null = null
  /** Presence to publish: per identity, the latest entry of each of its client ids. */
  private presenceOut = new Map<string, Map<number, AwarenessEntry>>()
  private presenceTimer: NodeJS.Timeout | null = null
  private stopped = false

  constructor(
    private readonly boardId: string,
    private readonly bus: Bus,
    private readonly storage: Storage,
    private readonly log: Logger,
    private readonly options: FeedOptions = DEFAULT_FEED_OPTIONS,
  ) {
    if (bus.distributed) {
      this.pollTimer = setInterval(() => this.poll(), options.pollMs)
      this.pollTimer.unref()
    }
  }

  /** Subscribes; messages that arrive before `start` are kept for it. */
  subscribe(): Promise<void> {
    return this.bus.subscribe(this.boardId, (message) => this.receive(message))
  }

  /** The room is loaded up to `seq`: from now on messages go to `sink`. */
  start(sink: FeedSink, seq: number): void {
    this.sink = sink
    this.seq = seq
    const waiting = this.beforeStart
    this.beforeStart = []
    for (const message of waiting) this.receive(message)
  }

  get appliedSeq(): number {
    return this.seq
  }

  /** This instance committed `updates` as `lastSeq - updates.length + 1 … lastSeq`. */
  committed(lastSeq: number, updates: Uint8Array[], claims: AuthorClaim[]): void {
    if (updates.length === 0 || this.stopped) return
    const firstSeq = lastSeq - updates.length + 1
    this.bus.publish(this.boardId, {
      kind: 'updates',
      from: this.bus.instanceId,
      firstSeq,
      updates,
      claims,
    })
    this.advance(firstSeq, lastSeq, null)
  }

  publishPresence(identity: string, entries: AwarenessEntry[]): void {
    if (entries.length === 0 || this.stopped || !this.bus.distributed) return
    const latest = this.presenceOut.get(identity) ?? new Map<number, AwarenessEntry>()
    this.presenceOut.set(identity, latest)
    for (const entry of entries) latest.set(entry.clientId, entry)
    this.presenceTimer ??= setTimeout(this.flushPresence, PRESENCE_FLUSH_MS)
  }

  private readonly flushPresence = (): void => {
    this.presenceTimer = null
    if (this.stopped || this.presenceOut.size === 0) return
    const states = [...this.presenceOut].map(([identity, latest]) => ({
      identity,
      entries: [...latest.values()],
    }))
    this.presenceOut = new Map()
    this.bus.publish(this.boardId, { kind: 'presence', from: this.bus.instanceId, states })
  }

  /** Reads everything after the applied sequence number from the database now. */
  catchUp(): Promise<void> {
    if (this.stopped || !this.sink) return Promise.resolve()
    this.catchingUp ??= this.readMissed()
      .catch((err: unknown) => {
        // The database is away: try again shortly; the room goes on with what it has.
        this.log.warn('catching up from the database failed', { err })
        this.catchUpTimer ??= setTimeout(() => {
          this.catchUpTimer = null
          void this.catchUp()
        }, RETRY_CATCH_UP_MS)
      })
      .finally(() => {
        this.catchingUp = null
      })
    return this.catchingUp
  }

  stop(): void {
    if (this.stopped) return
    // Removals of clients that just left still go out: the others would show them for 30 s.
    if (this.presenceTimer) clearTimeout(this.presenceTimer)
    this.flushPresence()
    this.stopped = true
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer)
    if (this.pollTimer) clearInterval(this.pollTimer)
    this.early.clear()
    this.bus.unsubscribe(this.boardId).catch((err: unknown) => {
      this.log.warn('unsubscribing from the bus failed', { err })
    })
  }

  private receive(message: BoardMessage): void {
    if (this.stopped || message.from === this.bus.instanceId) return
    if (!this.sink) {
      this.beforeStart.push(message)
      return
    }
    if (message.kind === 'presence') {
      for (const { identity, entries } of message.states)
        this.sink.applyRemotePresence(identity, entries)
      return
    }
    this.advance(message.firstSeq, message.firstSeq + message.updates.length - 1, message)
  }

  private advance(first: number, last: number, message: UpdatesMessage | null): void {
    if (last <= this.seq) return
    if (first > this.seq + 1) {
      this.early.set(first, { last, message })
      this.catchUpTimer ??= setTimeout(() => {
        this.catchUpTimer = null
        void this.catchUp()
      }, this.options.gapGraceMs)
      return
    }
    // Part of it may be in the document already: Yjs integrates each struct once.
    if (message) this.sink?.applyRemote({ state: null, updates: message.updates }, message.claims)
    this.seq = last
    const next = this.early.get(this.seq + 1)
    if (next) {
      this.early.delete(this.seq + 1)
      this.advance(this.seq + 1, next.last, next.message)
    } else if (this.early.size === 0 && this.catchUpTimer) {
      clearTimeout(this.catchUpTimer)
      this.catchUpTimer = null
    }
  }

  private async readMissed(): Promise<void> {
    const since = this.seq
    const missed = await this.storage.loadSince(this.boardId, since)
    if (this.stopped || !this.sink) return
    if (missed.seq > this.seq) {
      this.log.debug('caught up from the database', { from: since, to: missed.seq })
      this.sink.applyRemote(missed, missed.authors)
      this.seq = missed.seq
    }
    for (const [first, early] of this.early) {
      if (early.last <= this.seq) this.early.delete(first)
    }
    // What is left came after the read: apply it in order as usual.
    const rest = [...this.early.entries()].sort(([a], [b]) => a - b)
    this.early.clear()
    for (const [first, early] of rest) this.advance(first, early.last, early.message)
  }

  private poll(): void {
    if (this.stopped || !this.sink || this.sink.connectionCount === 0 || this.catchingUp) return
    this.storage
      .headSeq(this.boardId)
      .then((head) => (head > this.seq ? this.catchUp() : undefined))
      .catch((err: unknown) =>
        this.log.warn('polling the board for missed updates failed', { err }),
      )
  }
}
