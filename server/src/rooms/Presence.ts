import { MessageType } from '@samla/shared'
import * as encoding from 'lib0/encoding'
import type { Connection } from './Connection.ts'

/** One client's awareness entry as it travels on the wire: the state stays JSON text. */
export interface AwarenessEntry {
  clientId: number
  clock: number
  /** JSON text of the state; 'null' means the client is gone. */
  state: string
}

interface Held extends AwarenessEntry {
  lastSeen: number
  owner: Connection | null
}

/**
 * The room's awareness (cursors, names, selections), kept as the JSON text clients sent so
 * that relaying never re-serialises it. Changes collect in a dirty set; the room sends them as
 * one frame per tick holding the latest state of each changed client, encoded once for all.
 * Rules follow y-protocols' awareness: a higher clock wins; an equal clock may remove.
 */
export class Presence {
  private readonly entries = new Map<number, Held>()
  private readonly dirty = new Set<number>()
  /** Bytes of every present state together: what a joiner's first presence frame carries. */
  private bytes = 0

  get hasChanges(): boolean {
    return this.dirty.size > 0
  }

  get totalBytes(): number {
    return this.bytes
  }

  bytesOf(clientId: number): number {
    const held = this.entries.get(clientId)
    return held && held.state !== 'null' ? held.state.length : 0
  }

  get size(): number {
    let n = 0
    for (const e of this.entries.values()) if (e.state !== 'null') n++
    return n
  }

  /** `owner` is the connection here that sent them, or null for another instance's client. */
  apply(incoming: readonly AwarenessEntry[], owner: Connection | null, now: number): void {
    for (const entry of incoming) {
      const held = this.entries.get(entry.clientId)
      const removing = entry.state === 'null'
      const newer = !held || held.clock < entry.clock
      const removalAtSameClock =
        held && held.clock === entry.clock && removing && held.state !== 'null'
      if (!newer && !removalAtSameClock) continue
      this.set({ ...entry, lastSeen: now, owner })
      if (removing) owner?.awarenessClients.delete(entry.clientId)
      else owner?.awarenessClients.add(entry.clientId)
      this.dirty.add(entry.clientId)
    }
  }

  /**
   * Removes the clients a closed connection spoke for, as their own goodbye would; returns
   * the removals (for the other instances).
   */
  removeClients(clientIds: Iterable<number>, now: number): AwarenessEntry[] {
    const removed: AwarenessEntry[] = []
    for (const clientId of clientIds) {
      const held = this.entries.get(clientId)
      if (held && held.state !== 'null') removed.push(this.markGone(held, now))
    }
    return removed
  }

  /** Drops states not renewed within `timeoutMs` (clients renew every 15 s) and old tombstones. */
  expire(now: number, timeoutMs: number): void {
    for (const [clientId, held] of this.entries) {
      if (now - held.lastSeen < timeoutMs) continue
      if (held.state === 'null') {
        if (!this.dirty.has(clientId)) this.entries.delete(clientId) // tombstones hold no bytes
      } else {
        held.owner?.awarenessClients.delete(clientId)
        this.markGone(held, now)
      }
    }
  }

  /** A removal everyone will accept: the next clock, state null (y-protocols' own rule). */
  private markGone(held: Held, now: number): AwarenessEntry {
    const { clientId } = held
    const gone = { clientId, clock: held.clock + 1, state: 'null' }
    this.set({ ...gone, lastSeen: now, owner: null })
    this.dirty.add(clientId)
    return gone
  }

  private set(held: Held): void {
    this.bytes += (held.state === 'null' ? 0 : held.state.length) - this.bytesOf(held.clientId)
    this.entries.set(held.clientId, held)
  }

  /** The frame for everything changed since the last call, or null. */
  takeChanges(): Uint8Array | null {
    if (this.dirty.size === 0) return null
    const ids = [...this.dirty]
    this.dirty.clear()
    return this.encode(
      ids.map((id) => this.entries.get(id)).filter((e): e is Held => e !== undefined),
    )
  }

  /** Every present client's state (for a new connection, a query, or a reader that fell behind). */
  snapshot(): Uint8Array | null {
    const present = [...this.entries.values()].filter((e) => e.state !== 'null')
    return present.length > 0 ? this.encode(present) : null
  }

  private encode(entries: readonly AwarenessEntry[]): Uint8Array {
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, entries.length)
    for (const e of entries) {
      encoding.writeVarUint(inner, e.clientId)
      encoding.writeVarUint(inner, e.clock)
      encoding.writeVarString(inner, e.state)
    }
    const outer = encoding.createEncoder()
    encoding.writeVarUint(outer, MessageType.Awareness)
    encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
    return encoding.toUint8Array(outer)
  }
}
