import type { AwarenessEntry } from '../../rooms/Presence.ts'
import type { Authorship, Identity } from './authorship.ts'
import { jsonTextNestsDeeperThan } from './jsonDepth.ts'

export interface PresenceLimits {
  /** Largest presence state (JSON text) one client may publish. */
  maxStateBytes: number
  /** Client ids one connection may speak for (a page has one; a few spare for id changes). */
  maxIdsPerConnection: number
  /** All presence states of a room together: what every joiner is sent at once. */
  maxRoomBytes: number
  maxJsonDepth: number
}

export interface PresenceSender {
  identity: Identity
  /** Ids this connection has announced (and will be removed for when it closes). */
  awarenessClients: ReadonlySet<number>
}

export interface RoomPresence {
  /** Bytes of the state the room holds for a client (0 if none). */
  bytesOf(clientId: number): number
  readonly totalBytes: number
}

/**
 * The entries of a presence frame a connection may publish: only for client ids it owns,
 * within size and depth limits (the frame's decoder made sure each state is JSON).
 * Everything else is dropped without a word, because stock
 * y-websocket clients echo everyone's presence back to the server as a matter of course
 * (their awareness 'update' handler re-sends remote changes): an entry for someone else's id
 * is, most of the time, an honest echo, and refusing the frame would cut honest people off.
 */
export function admitPresence(
  entries: readonly AwarenessEntry[],
  sender: PresenceSender,
  authorship: Authorship,
  room: RoomPresence,
  limits: PresenceLimits,
): AwarenessEntry[] {
  const admitted: AwarenessEntry[] = []
  let total = room.totalBytes
  const announced = new Set(sender.awarenessClients)
  // A frame may carry one client twice; count what this frame admitted so far.
  const admittedBytes = new Map<number, number>()
  const bytesOf = (clientId: number) => admittedBytes.get(clientId) ?? room.bytesOf(clientId)
  for (const entry of entries) {
    const { clientId, state } = entry
    if (state === 'null') {
      // A goodbye only for one's own presence: a null entry would hide another person.
      if (!announced.has(clientId)) continue
      total -= bytesOf(clientId)
      admittedBytes.set(clientId, 0)
      admitted.push(entry)
      continue
    }
    if (state.length > limits.maxStateBytes) continue
    if (jsonTextNestsDeeperThan(state, limits.maxJsonDepth)) continue
    if (!announced.has(clientId) && announced.size >= limits.maxIdsPerConnection) continue
    const grown = total - bytesOf(clientId) + state.length
    if (grown > limits.maxRoomBytes) continue
    if (!authorship.claimPresence(clientId, sender.identity)) continue
    announced.add(clientId)
    admittedBytes.set(clientId, state.length)
    total = grown
    admitted.push(entry)
  }
  return admitted
}
