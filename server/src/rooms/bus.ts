import crypto from 'node:crypto'
import type { AuthorClaim } from '../storage/types.ts'
import type { AwarenessEntry } from './Presence.ts'

/**
 * What reaches a room from elsewhere: updates other instances committed, presence of their
 * clients, and control events. In one process there is nowhere else (LocalBus); several
 * instances share a Redis bus (cluster/redisBus.ts). The bus is only ever a fast path: an
 * update on it is already durable in the database, and a room that misses one reads it back
 * from there (rooms/RemoteFeed.ts).
 */

/** Updates committed by another instance, numbered `firstSeq`, `firstSeq + 1`, … */
export interface UpdatesMessage {
  kind: 'updates'
  from: string
  firstSeq: number
  updates: Uint8Array[]
  /** The author claims stored with them (access/rules/authorship.ts). */
  claims: AuthorClaim[]
}

/** Presence states clients of another instance sent (already admitted there). */
export interface PresenceMessage {
  kind: 'presence'
  from: string
  states: Array<{
    /** Who the client is: an author key hash, or `<instance>/connection:<n>`. */
    identity: string
    entries: AwarenessEntry[]
  }>
}

export type BoardMessage = UpdatesMessage | PresenceMessage

/** Events every instance must act on, whichever one they happened on. */
export type ControlEvent =
  /** A link was rotated: sockets connected with these token hashes are closed (4403). */
  | { kind: 'revoke'; boardId: string; tokenHashes: string[] }
  /** The board was erased: everyone on it is told (4404) and nothing of it is written back. */
  | { kind: 'erase'; boardId: string }

export interface Bus {
  /** This instance's id, different on every start. */
  readonly instanceId: string
  /** True when other instances exist: rooms then watch for updates they may have missed. */
  readonly distributed: boolean
  /** Resolves once messages for the board reach `listener`. One listener per board. */
  subscribe(boardId: string, listener: (message: BoardMessage) => void): Promise<void>
  unsubscribe(boardId: string): Promise<void>
  /** Fire and forget: a message lost on the way is caught up from the database. */
  publish(boardId: string, message: BoardMessage): void
  /** Runs the event here and on every other instance. */
  publishControl(event: ControlEvent): Promise<void>
  onControl(listener: (event: ControlEvent) => void): void
  /** Called when the bus got its connection back: anything may have been missed meanwhile. */
  onResume(listener: () => void): void
  /** Resolves when the bus answers (for /api/health); rejects otherwise. */
  ping(): Promise<void>
  close(): Promise<void>
}

export const newInstanceId = (): string => crypto.randomBytes(6).toString('base64url')

/** One process: no other instance to hear from, control events run here alone. */
export class LocalBus implements Bus {
  readonly instanceId = newInstanceId()
  readonly distributed = false
  private readonly controlListeners: Array<(event: ControlEvent) => void> = []

  async subscribe(): Promise<void> {}
  async unsubscribe(): Promise<void> {}
  publish(): void {}

  async publishControl(event: ControlEvent): Promise<void> {
    for (const listener of this.controlListeners) listener(event)
  }

  onControl(listener: (event: ControlEvent) => void): void {
    this.controlListeners.push(listener)
  }

  onResume(): void {}
  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}
