import type { Logger } from '../logger.ts'
import type { AuthorClaim, Storage } from '../storage/types.ts'
import { Compactor } from './Compactor.ts'

const RETRY_APPEND_MS = 1000
/**
 * How long appends may keep failing before the log gives up: the room is then closed (1011)
 * and its clients, which still hold their edits, send them again to a room loaded afresh.
 */
export const APPEND_DEADLINE_MS = 30_000

interface Entry<Origin> {
  update: Uint8Array
  origin: Origin
}

/**
 * A board's log: updates accepted in one event-loop turn are appended in one transaction
 * (group commit), with the author claims they make, and only once they are durable are they
 * handed back to be relayed. A failed append keeps them, unrelayed, and tries again until a
 * deadline, then gives up on them (none was ever relayed). Once the log is long, it is
 * compacted off the hot path.
 */
export class DocumentLog<Origin> {
  private pending: Array<Entry<Origin>> = []
  private pendingClaims: AuthorClaim[] = []
  private flushTimer: NodeJS.Immediate | NodeJS.Timeout | null = null
  private flushing = false
  private persistWaiters: Array<() => void> = []
  private readonly compactor: Compactor
  private stopped = false
  /** Bytes appended since the running compaction began (they stay in the log after it). */
  private bytesSinceCompaction = 0
  /** When the appends now failing first failed. */
  private failingSince: number | null = null

  constructor(
    private readonly boardId: string,
    private readonly storage: Storage,
    /** Entries in the stored log not yet merged into the stored state. */
    private length: number,
    /** Bytes of the stored state and log together. */
    private bytes: number,
    private readonly compactAfter: number,
    /**
     * Called with each batch once it is durable, in the order it was accepted, with the
     * sequence number of its last update and the claims stored with it.
     */
    private readonly onDurable: (
      batch: ReadonlyArray<Entry<Origin>>,
      lastSeq: number,
      claims: AuthorClaim[],
    ) => void,
    /** Called when appends failed past the deadline and the log dropped what it held. */
    private readonly onGiveUp: () => void,
    private readonly log: Logger,
    private readonly deadlineMs = APPEND_DEADLINE_MS,
  ) {
    this.compactor = new Compactor(
      boardId,
      storage,
      {
        started: () => {
          this.bytesSinceCompaction = 0
        },
        finished: (result) => {
          // Another instance's appends may have been merged too: never below 0.
          this.length = Math.max(0, this.length - result.merged)
          // What was appended during the compaction may or may not have been merged: counted
          // as unmerged, the size errs on the large side.
          if (result.merged > 0) this.bytes = result.stateBytes + this.bytesSinceCompaction
        },
      },
      log,
    )
  }

  /** Log entries not yet merged into the stored state. */
  get uncompactedEntries(): number {
    return this.length
  }

  /** The board's stored size: its state and its log, including what is being appended. */
  get storedBytes(): number {
    return this.bytes
  }

  append(update: Uint8Array, origin: Origin): void {
    this.pending.push({ update, origin })
    this.bytes += update.byteLength
    this.bytesSinceCompaction += update.byteLength
    if (!this.flushTimer && !this.flushing) this.flushTimer = setImmediate(this.flush)
  }

  /** Claims to store with the next batch (made by the update about to be appended). */
  claim(claims: readonly AuthorClaim[]): void {
    this.pendingClaims.push(...claims)
  }

  /** Resolves once every update accepted so far is in the log. */
  persisted(): Promise<void> {
    if (this.pending.length === 0 && !this.flushing) return Promise.resolve()
    return new Promise((resolve) => this.persistWaiters.push(resolve))
  }

  /** Resolves when nothing is left to write: the log is flushed and no compaction runs. */
  async settle(): Promise<void> {
    await this.persisted()
    await this.compactor.settle()
  }

  async compact(): Promise<void> {
    await this.settle()
    await this.compactor.run()
  }

  /**
   * Drops whatever is not yet durable and stops: the board is gone (erased on another
   * instance), so nothing of it may be written any more. Waiters are released.
   */
  abandon(): void {
    this.stop()
    this.pending = []
    this.pendingClaims = []
    this.resolvePersistWaiters()
  }

  stop(): void {
    this.stopped = true
    if (this.flushTimer) {
      clearImmediate(this.flushTimer as NodeJS.Immediate)
      clearTimeout(this.flushTimer as NodeJS.Timeout)
    }
    this.compactor.stop()
  }

  private readonly flush = async (): Promise<void> => {
    this.flushTimer = null
    if (this.flushing || this.stopped) return
    const batch = this.pending
    const claims = this.pendingClaims
    if (batch.length === 0 && claims.length === 0) return this.resolvePersistWaiters()
    this.pending = []
    this.pendingClaims = []
    this.flushing = true
    let lastSeq: number
    try {
      lastSeq = await this.storage.appendUpdates(
        this.boardId,
        batch.map((p) => p.update),
        claims,
      )
    } catch (err) {
      this.flushing = false
      if (this.stopped) return this.resolvePersistWaiters()
      const now = Date.now()
      this.failingSince ??= now
      if (now - this.failingSince >= this.deadlineMs) {
        this.log.error('appending updates failed past the deadline; giving up on them', {
          count: batch.length,
          err,
        })
        this.abandon()
        this.onGiveUp()
        return
      }
      // Keep the updates in memory, unrelayed, and try again; nothing is lost or leaked.
      this.log.error('appending updates failed, retrying', { count: batch.length, err })
      this.pending = batch.concat(this.pending)
      this.pendingClaims = claims.concat(this.pendingClaims)
      this.flushTimer = setTimeout(this.flush, RETRY_APPEND_MS)
      return
    }
    this.flushing = false
    this.failingSince = null
    this.length += batch.length
    try {
      this.onDurable(batch, lastSeq, claims)
    } catch (err) {
      this.log.error('relaying updates failed', { err })
    }
    if (this.pending.length > 0) this.flushTimer = setImmediate(this.flush)
    else this.resolvePersistWaiters()
    if (this.length >= this.compactAfter && !this.stopped) this.compactor.schedule()
  }

  private resolvePersistWaiters(): void {
    const waiters = this.persistWaiters
    this.persistWaiters = []
    for (const resolve of waiters) resolve()
  }
}
