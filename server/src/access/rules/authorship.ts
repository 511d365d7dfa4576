/**
 * Which connection may author structs under which Yjs client id.
 *
 * Yjs identifies every struct by (client id, clock), and a document keeps only the first
 * struct it sees at each: whoever writes at someone else's next clocks first makes that
 * person's own edits (a facilitator's phase lock) vanish as duplicates. Client ids are
 * public (every presence state and every struct carries one), so each id belongs to whoever
 * claimed it first, and nobody else may write under it or speak for it in presence.
 *
 * An identity is the hash of the author key a page sends with its connection (one random key
 * per Y.Doc, so that the same document reconnecting, even after a server restart, is known
 * as the same author), or, for a client that sends none, the connection itself. Claims made
 * by authoring are stored with the board; presence-only claims last as long as the room.
 */
import type { AuthorClaim } from '../../storage/types.ts'

export type Identity = string

/** The ids an accepted update claims: stored with it (keyed authors) or held in memory. */
export interface NewClaims {
  identity: Identity
  stored: AuthorClaim[]
  live: number[]
}

export type AuthorVerdict = { ok: true; claims: NewClaims } | { ok: false; clientId: number }

/** Presence-only claims kept at most; beyond this, those of people long gone are forgotten. */
const MAX_LIVE_CLAIMS = 10_000

export class Authorship {
  /** Claims stored with the board (client id → author key hash). */
  private readonly stored = new Map<number, string>()
  /** Claims held in memory: presence, and authors without a key (client id → identity). */
  private readonly live = new Map<number, Identity>()

  constructor(stored: Iterable<AuthorClaim> = []) {
    for (const { clientId, author } of stored) this.stored.set(clientId, author)
  }

  /** Whose the id is, if anyone's. */
  ownerOf(clientId: number): Identity | undefined {
    return this.stored.get(clientId) ?? this.live.get(clientId)
  }

  /**
   * Whether `identity` may write new structs under each of `clientIds`, where `stateOf` tells
   * how many clocks the board holds of each. An id nobody claimed is free only while the board
   * holds nothing of it: structs without a known author (written before claims were kept, or
   * by a connection without a key that is gone) stay as they are. Changes nothing: an
   * accepted update's claims are recorded with `commit`. `author` is the key hash of a
   * connection that sent one (then `identity` is that hash), null otherwise.
   */
  authorize(
    clientIds: Iterable<number>,
    identity: Identity,
    author: string | null,
    stateOf: (clientId: number) => number,
  ): AuthorVerdict {
    const claims: NewClaims = { identity, stored: [], live: [] }
    for (const clientId of clientIds) {
      const owner = this.ownerOf(clientId)
      if (owner !== undefined && owner !== identity) return { ok: false, clientId }
      if (owner === undefined && stateOf(clientId) > 0) return { ok: false, clientId }
      if (this.stored.has(clientId)) continue
      if (author) claims.stored.push({ clientId, author })
      else if (owner === undefined) claims.live.push(clientId)
    }
    return { ok: true, claims }
  }

  /** Records the claims of an update that is being applied. */
  commit(claims: NewClaims): void {
    for (const { clientId, author } of claims.stored) {
      this.stored.set(clientId, author)
      this.live.delete(clientId)
    }
    for (const clientId of claims.live) this.live.set(clientId, claims.identity)
  }

  /** Claims an id for presence if it is free or already this identity's. */
  claimPresence(clientId: number, identity: Identity): boolean {
    const owner = this.ownerOf(clientId)
    if (owner !== undefined) return owner === identity
    if (this.live.size >= MAX_LIVE_CLAIMS) return false
    this.live.set(clientId, identity)
    return true
  }

  /**
   * Forgets presence-only claims of identities no longer connected whose ids hold nothing on
   * the board, so that a room that lives for months does not collect every passer-by.
   */
  forgetGone(connected: ReadonlySet<Identity>, stateOf: (clientId: number) => number): void {
    for (const [clientId, identity] of this.live) {
      if (!connected.has(identity) && stateOf(clientId) === 0) this.live.delete(clientId)
    }
  }

  get liveClaims(): number {
    return this.live.size
  }
}
