import { EventEmitter } from 'node:events'
import { CloseCode } from '@samla/shared'
import type { Logger } from '../logger.ts'
import type { Storage } from '../storage/types.ts'
import { type Bus, type ControlEvent, LocalBus } from './bus.ts'
import type { Connection } from './Connection.ts'
import { Room, type RoomOptions } from './Room.ts'

interface Entry {
  id: string
  ready: Promise<Room>
  /** Connections plus joins still on their way in; the room unloads when this reaches 0. */
  holds: number
  /** Set while the board is being erased: the entry stays so that joins wait and are refused. */
  erasing: Promise<void> | null
}

/** The board was erased (or never existed): there is no room to join. */
export class BoardGoneError extends Error {
  override readonly name = 'BoardGoneError'
  constructor(readonly room: string) {
    super(`board ${room} is gone`)
  }
}

export interface RoomManagerEvents {
  loaded: [id: string]
  unloaded: [id: string]
  /** Keys of a loaded board's meeting controls changed. */
  controls: [id: string, keys: Set<string>]
}

/**
 * Loads rooms on demand and unloads them after their last client leaves. Two joins of one
 * room share one load; an unload re-checks "still unused?" after every await.
 */
export class RoomManager extends EventEmitter<RoomManagerEvents> {
  private readonly entries = new Map<string, Entry>()
  /** Where control events go to every instance (a LocalBus when there is only this one). */
  readonly bus: Bus

  constructor(
    private readonly storage: Storage,
    private readonly options: RoomOptions,
    private readonly log: Logger,
  ) {
    super()
    this.bus = options.bus ?? new LocalBus()
    this.bus.onControl((event) => this.onControl(event))
    // Back from a lost connection: every loaded room may have missed updates meanwhile.
    this.bus.onResume(() => {
      for (const entry of this.entries.values())
        void entry.ready.then(
          (room) => room.catchUp(),
          () => {},
        )
    })
  }

  /**
   * Closes, on every instance, the sockets of a board connected with one of these token
   * hashes (a rotated link).
   */
  revoke(boardId: string, tokenHashes: readonly string[]): Promise<void> {
    return this.bus.publishControl({ kind: 'revoke', boardId, tokenHashes: [...tokenHashes] })
  }

  private onControl(event: ControlEvent): void {
    if (event.kind === 'revoke') {
      const revoked = new Set(event.tokenHashes)
      this.disconnectWhere(
        event.boardId,
        (conn) => conn.access.tokenHash !== null && revoked.has(conn.access.tokenHash),
        CloseCode.CapabilityRevoked,
      )
      return
    }
    // Erased on another instance (here the erase has removed or is removing the entry itself).
    const entry = this.entries.get(event.boardId)
    if (!entry || entry.erasing) return
    entry.erasing = (async () => {
      const room = await entry.ready.catch(() => undefined)
      room?.abandon()
      if (this.entries.get(event.boardId) === entry) this.entries.delete(event.boardId)
      if (room) this.emit('unloaded', event.boardId)
    })()
  }

  get loadedCount(): number {
    return this.entries.size
  }

  isLoaded(id: string): boolean {
    return this.entries.has(id)
  }

  /** The room if it is in memory and ready (for inspection by tests and health checks). */
  async peek(id: string): Promise<Room | undefined> {
    return this.entries.get(id)?.ready
  }

  /** Closes the matching connections of a loaded room (a rotated link); no-op if not loaded. */
  disconnectWhere(id: string, match: (conn: Connection) => boolean, code: CloseCode): void {
    void this.entries.get(id)?.ready.then(
      (room) => room.disconnectWhere(match, code, 'link revoked'),
      () => {},
    )
  }

  /**
   * Takes a hold on the room, loading it if needed. Every acquire needs one release. A board
   * being erased is waited for and refused, as is one that no longer exists (BoardGoneError).
   */
  async acquire(id: string): Promise<Room> {
    let entry = this.entries.get(id)
    if (entry?.erasing) return this.refuseErased(entry)
    if (!entry) {
      const created: Entry = { id, holds: 0, ready: this.load(id), erasing: null }
      this.entries.set(id, created)
      created.ready.then(
        () => this.emit('loaded', id),
        (err: unknown) => {
          if (err instanceof BoardGoneError) this.log.debug('board gone', { room: id })
          else this.log.error('loading room failed', { room: id, err })
          if (this.entries.get(id) === created) this.entries.delete(id)
        },
      )
      entry = created
    }
    entry.holds++
    let room: Room
    try {
      room = await entry.ready
    } catch (err) {
      entry.holds--
      throw err
    }
    // The erase began while this join waited for the load.
    if (entry.erasing) {
      entry.holds--
      return this.refuseErased(entry)
    }
    return room
  }

  private async refuseErased(entry: Entry): Promise<never> {
    await entry.erasing?.catch(() => {})
    throw new BoardGoneError(entry.id)
  }

  /**
   * A join may have looked the board up just before it was erased: loading it then would
   * build an empty room for a board without rows, whose appends fail forever.
   */
  private async load(id: string): Promise<Room> {
    if (!(await this.storage.getBoard(id))) throw new BoardGoneError(id)
    return Room.load(id, this.storage, {
      ...this.options,
      onControls: (keys) => this.emit('controls', id, keys),
    })
  }

  release(id: string): void {
    const entry = this.entries.get(id)
    if (!entry) return
    entry.holds--
    if (entry.holds === 0) void this.unload(entry)
  }

  private async unload(entry: Entry): Promise<void> {
    // An erase frees the room itself; an unload must not write any of it back meanwhile.
    const stillUnused = () =>
      entry.holds === 0 && !entry.erasing && this.entries.get(entry.id) === entry
    try {
      const room = await entry.ready
      await room.settle()
      if (!stillUnused()) return
      // Leave a compact state behind so that the next load is one read, not a long replay.
      if (room.needsCompaction()) await room.compact()
      if (!stillUnused()) return
      room.destroy()
      this.entries.delete(entry.id)
      this.emit('unloaded', entry.id)
    } catch (err) {
      // A failed save keeps the room in memory; the next release tries again.
      this.log.error('unloading room failed', { room: entry.id, err })
    }
  }

  /**
   * Erases a board: everyone on it is cut off (4404), whatever is being written finishes,
   * the room is freed, and only then `remove` deletes the rows, so that no late append can
   * bring any of it back. The room's entry stays until the rows are gone: a join meanwhile
   * waits for the erase and is refused instead of loading the rows about to be deleted.
   */
  async erase(id: string, remove: () => void | Promise<void>): Promise<void> {
    const entry = this.entries.get(id)
    if (!entry) {
      await remove()
      return this.announceErased(id)
    }
    // A second erase of the same board (two deletes racing) waits for the first.
    if (entry.erasing) return entry.erasing
    entry.erasing = (async () => {
      const room = await entry.ready.catch(() => undefined)
      try {
        if (room) {
          room.disconnectWhere(() => true, CloseCode.BoardGone, 'board deleted')
          await room.settle()
          room.destroy()
        }
        await remove()
      } finally {
        if (this.entries.get(id) === entry) this.entries.delete(id)
        if (room) this.emit('unloaded', id)
      }
      await this.announceErased(id)
    })()
    return entry.erasing
  }

  /** Other instances holding the board free it too (their joins find it gone already). */
  private async announceErased(id: string): Promise<void> {
    await this.bus.publishControl({ kind: 'erase', boardId: id }).catch((err: unknown) => {
      // Their rooms' appends now fail (the board is gone) and give up at the deadline.
      this.log.error('announcing an erased board failed', { room: id, err })
    })
  }

  /** Closes every connection, writes everything and frees every room (server shutdown). */
  async shutdown(): Promise<void> {
    const entries = [...this.entries.values()]
    this.entries.clear()
    await Promise.all(
      entries.map(async (entry) => {
        // Its room is being freed by the erase, and nothing of it may be written back.
        if (entry.erasing) return entry.erasing.catch(() => {})
        const room = await entry.ready.catch(() => undefined)
        if (!room) return
        room.disconnectAll(CloseCode.GoingAway, 'server shutting down')
        await room.settle()
        if (room.needsCompaction()) await room.compact()
        room.destroy()
        this.emit('unloaded', entry.id)
      }),
    )
  }
}
