import * as Y from 'yjs'

/**
 * What an attacker knows of the room when it builds its next frame: everything a client
 * that synced could know. Builders are pure functions of this view and their own parameters,
 * so a campaign is deterministic by seed.
 */
export interface RoomView {
  /** The attacker's copy of the room's document; builders edit it as a client would. */
  replica: Y.Doc
  /** The room's state vector, read live (a room of 50,000 clients is not copied per frame). */
  stateVector: StateVector
  /** Clocks the room waits for (its pending structs), by client. */
  pendingMissing: ReadonlyMap<number, number>
  /** Client ids of the honest connections (their documents' and their awareness' ids). */
  honestClientIds: readonly number[]
  /** A sample of the structs the replica holds, for origins and parents to point at. */
  known: readonly KnownStruct[]
  /** Keys of the replica's `records` map. */
  recordKeys: readonly string[]
  /** A page participants may edit, and one that is locked (the same on a plain board). */
  openPage: string
  lockedPage: string
  /** The largest frame the server accepts (its WebSocket maxPayload). */
  maxMessageBytes: number
}

export interface StateVector {
  get(client: number): number | undefined
  keys(): IterableIterator<number>
}

/** The live state vector of `doc`. */
export function liveStateVector(doc: Y.Doc): StateVector {
  return {
    get: (client) => (doc.store.clients.has(client) ? Y.getState(doc.store, client) : undefined),
    keys: () => doc.store.clients.keys(),
  }
}

export interface KnownStruct {
  client: number
  clock: number
  length: number
  kind: 'gc' | 'item' | 'deleted' | 'type'
  /** Whether it is the last struct of its client (what comes next is a new clock). */
  last: boolean
}

const KNOWN_SAMPLE = 400

/** Samples the structs of `doc` evenly (every client's last struct always included). */
export function sampleStructs(doc: Y.Doc): KnownStruct[] {
  const all: KnownStruct[] = []
  let total = 0
  for (const structs of doc.store.clients.values()) total += structs.length
  const step = Math.max(1, Math.floor(total / KNOWN_SAMPLE))
  let n = 0
  for (const [client, structs] of doc.store.clients) {
    structs.forEach((s, i) => {
      const last = i === structs.length - 1
      if (n++ % step !== 0 && !last) return
      const kind =
        s instanceof Y.GC
          ? 'gc'
          : s.content instanceof Y.ContentType
            ? 'type'
            : s.deleted
              ? 'deleted'
              : 'item'
      all.push({ client, clock: s.id.clock, length: s.length, kind, last })
    })
  }
  return all
}

/** A small deterministic generator (mulberry32), so builders need only a salt. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T | undefined =>
      list.length === 0 ? undefined : list[Math.floor(next() * list.length)],
    chance: (p: number) => next() < p,
  }
}
export type Rng = ReturnType<typeof prng>

export const stateOf = (view: RoomView, client: number) => view.stateVector.get(client) ?? 0

/** A client id no one uses yet, derived from a salt (above the honest and seed ids). */
export const freshClient = (salt: number) => 1_000_000 + ((salt >>> 0) % 1_000_000_000)
