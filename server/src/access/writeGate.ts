import { EditRefusal, RECORDS_MAP } from '@samla/shared'
import * as Y from 'yjs'
import type { AwarenessEntry } from '../rooms/Presence.ts'
import { readChanges } from './changes.ts'
import type { WriteLimits } from './limits.ts'
import type { Authorship, Identity, NewClaims } from './rules/authorship.ts'
import { boardContentRefusal } from './rules/boardContent.ts'
import { contentProblem } from './rules/contentLimits.ts'
import { ideaContentRefusal } from './rules/ideaContent.ts'
import { type DecodedUpdate, integratesWhole } from './rules/integration.ts'
import { admitPresence, type RoomPresence } from './rules/presence.ts'
import { participantVerdict } from './rules/rolePolicy.ts'

/**
 * What a board's document is: a plain board (tldraw, no roles), a meeting's board (tldraw
 * and Samla's maps, with roles), or an idea's idébeskrivning (shared/src/ideaDocument.ts).
 */
export type BoardKind = 'plain' | 'meeting' | 'idea'

/** What the gate needs to know of a connection, and the little it keeps on it. */
export interface GateConnection {
  readonly role: 'editor' | 'facilitator' | 'participant' | 'projector'
  /** Who this connection writes as (see rules/authorship.ts). */
  readonly identity: Identity
  /** Hash of the author key it sent, or null. */
  readonly author: string | null
  readonly awarenessClients: ReadonlySet<number>
  /** Client ids it has written under. */
  readonly authoredClients: Set<number>
  /** Its edits still waiting for clocks it has not sent (never applied, never relayed). */
  held: Uint8Array | null
}

export type UpdateVerdict =
  | { kind: 'apply'; update: Uint8Array; claims: NewClaims }
  | { kind: 'hold' }
  | { kind: 'refuse'; reason: EditRefusal; detail: string }

const refuse = (reason: EditRefusal, detail: string): UpdateVerdict => ({
  kind: 'refuse',
  reason,
  detail,
})

/**
 * The one place that decides whether what a client sends over its socket may enter a room:
 * every update and every presence state, from every role. Each rule is a small pure function
 * in rules/; the gate runs them in order, cheapest and most fundamental first, and nothing is
 * applied before all of them agreed:
 *
 * 1. bounds on every value (rules/contentLimits.ts) and on the board's size;
 * 2. the update integrates whole, or it waits, bounded, for the rest (rules/integration.ts);
 * 3. it writes only under client ids that are the connection's own (rules/authorship.ts);
 * 4. what it writes is what every client can read (rules/boardContent.ts, tldraw's schema;
 *    rules/ideaContent.ts for an idébeskrivning);
 * 5. the connection's role may make the change (rules/rolePolicy.ts).
 */
export class WriteGate {
  private heldBytes = 0

  constructor(
    private readonly doc: () => Y.Doc,
    private readonly kind: BoardKind,
    readonly authorship: Authorship,
    private readonly limits: WriteLimits,
    /** The board's stored size now (state and log). */
    private readonly boardBytes: () => number = () => 0,
  ) {}

  /**
   * Judges an update a connection sent. An update that depends on clocks the connection has
   * not sent yet is held with whatever it held before and judged whole once they arrive; call
   * `judgeHeld` after applying an accepted update, since it may complete what was held.
   */
  judge(conn: GateConnection, sent: Uint8Array, sentDecoded: DecodedUpdate): UpdateVerdict {
    const problem = contentProblem(sentDecoded, this.limits.maxJsonDepth)
    if (problem === 'too-deep') return this.refuse(conn, EditRefusal.TooLarge, 'nested too deeply')
    if (problem) return this.refuse(conn, EditRefusal.Unknown, problem)
    const { update, decoded } = this.newPart(sent, sentDecoded)
    // A full board still takes deletions, so that it can be made smaller.
    if (
      decoded.structs.length > 0 &&
      this.boardBytes() + update.byteLength > this.limits.maxBoardBytes
    )
      return this.refuse(conn, EditRefusal.TooLarge, 'board full')
    if (this.integrates(decoded)) return this.verdict(conn, update, decoded)
    if (!conn.held) return this.hold(conn, update)
    const merged = this.newPart(Y.mergeUpdates([conn.held, update]))
    if (!this.integrates(merged.decoded)) return this.hold(conn, merged.update)
    this.release(conn)
    return this.verdict(conn, merged.update, merged.decoded)
  }

  /** What was held for a connection, if the document now has everything it builds on. */
  judgeHeld(conn: GateConnection): UpdateVerdict | null {
    if (!conn.held) return null
    const { update, decoded } = this.newPart(conn.held)
    if (!this.integrates(decoded)) return null
    this.release(conn)
    return this.verdict(conn, update, decoded)
  }

  /**
   * The part of an update the board does not have yet. Yjs integrates a struct whose first
   * clocks it already has from its first new clock, placed after its writer's previous
   * struct, wherever that is, yet keeps the parent the struct named; the update it then
   * emits (stored, relayed) places it by that previous struct alone. Judged as sent, such a
   * struct would be judged for one place and land in another (a record's entry, the meeting's
   * locks), and the log would differ from the live document. Trimmed to what is new, it says
   * where it goes, as Yjs will write it.
   */
  private newPart(
    update: Uint8Array,
    decoded: DecodedUpdate = Y.decodeUpdate(update),
  ): { update: Uint8Array; decoded: DecodedUpdate } {
    const store = this.doc().store
    const overlaps = decoded.structs.some(
      (s) => !(s instanceof Y.Skip) && s.id.clock < Y.getState(store, s.id.client),
    )
    if (!overlaps) return { update, decoded }
    const trimmed = Y.diffUpdate(update, Y.encodeStateVector(this.doc()))
    return { update: trimmed, decoded: Y.decodeUpdate(trimmed) }
  }

  /** Forgets what a closing connection held. */
  release(conn: GateConnection): void {
    if (!conn.held) return
    this.heldBytes -= conn.held.byteLength
    conn.held = null
  }

  get heldBytesInRoom(): number {
    return this.heldBytes
  }

  admitPresence(
    conn: GateConnection,
    entries: readonly AwarenessEntry[],
    room: RoomPresence,
  ): AwarenessEntry[] {
    return admitPresence(entries, conn, this.authorship, room, {
      maxStateBytes: this.limits.maxPresenceBytes,
      maxIdsPerConnection: this.limits.maxClientIdsPerConnection,
      maxRoomBytes: this.limits.maxPresenceRoomBytes,
      maxJsonDepth: this.limits.maxJsonDepth,
    })
  }

  private integrates(decoded: DecodedUpdate): boolean {
    const store = this.doc().store
    return integratesWhole(decoded, (client) => Y.getState(store, client))
  }

  private hold(conn: GateConnection, update: Uint8Array): UpdateVerdict {
    const before = conn.held?.byteLength ?? 0
    const room = this.heldBytes - before + update.byteLength
    if (
      update.byteLength > this.limits.maxPendingBytesPerConnection ||
      room > this.limits.maxPendingBytesPerRoom
    ) {
      return this.refuse(conn, EditRefusal.Pending, `${update.byteLength} bytes waiting`)
    }
    conn.held = update
    this.heldBytes = room
    return { kind: 'hold' }
  }

  private refuse(conn: GateConnection, reason: EditRefusal, detail: string): UpdateVerdict {
    this.release(conn)
    return refuse(reason, detail)
  }

  private verdict(conn: GateConnection, update: Uint8Array, decoded: DecodedUpdate): UpdateVerdict {
    const doc = this.doc()
    const store = doc.store
    const stateOf = (client: number) => Y.getState(store, client)

    const authors = new Set<number>()
    for (const struct of decoded.structs) {
      if (struct instanceof Y.Skip) continue
      if (struct.id.clock + struct.length > stateOf(struct.id.client)) authors.add(struct.id.client)
    }
    const ids = new Set([...conn.authoredClients, ...authors])
    if (ids.size > this.limits.maxClientIdsPerConnection)
      return this.refuse(conn, EditRefusal.Identity, 'too many client ids')
    const authorized = this.authorship.authorize(authors, conn.identity, conn.author, stateOf)
    if (!authorized.ok)
      return this.refuse(conn, EditRefusal.Identity, `client id ${authorized.clientId}`)

    const changes = readChanges(doc, decoded)
    const content =
      this.kind === 'idea'
        ? ideaContentRefusal(changes, doc)
        : boardContentRefusal(changes, {
            isMeeting: this.kind === 'meeting',
            declaredSchema: doc.getMap('meta').get('schema'),
            recordOf: (id) => doc.getMap(RECORDS_MAP).get(id),
            limits: this.limits,
          })
    if (content) return this.refuse(conn, content.reason, content.detail)
    if (this.kind === 'meeting' && conn.role === 'participant') {
      const role = participantVerdict(doc, changes)
      if (!role.ok) return this.refuse(conn, role.reason, 'role')
    }
    for (const id of authors) conn.authoredClients.add(id)
    this.authorship.commit(authorized.claims)
    return { kind: 'apply', update, claims: authorized.claims }
  }
}
