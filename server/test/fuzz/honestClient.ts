/**
 * A well-behaved client inside a fuzz campaign: it syncs with the room as y-websocket does
 * (y-protocols' sync messages), applies what the room relays, keeps editing the board, and
 * announces a presence. At the end every honest client and the room must hold the same board.
 */
import { CloseCode, MessageType, SyncMessageType } from '@samla/shared'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { awarenessFrame, updateFrame } from '../frames.ts'
import type { HarnessClient, Role, RoomHarness } from './roomHarness.ts'
import { note } from './tldrawRecords.ts'

const REMOTE = Symbol('remote')

/** Closes after which Samla's client throws its copy away and syncs afresh (useSyncedStore). */
const FRESH_COPY_CODES = new Set<number>([CloseCode.EditRefused, CloseCode.MalformedMessage])
/** Fresh copies in a row after which a real client would be backing off for seconds. */
const GIVE_UP_AFTER = 5

export class HonestClient {
  doc = new Y.Doc()
  private client: HarnessClient
  private freshInARow = 0
  private rejoin: 'fresh' | 'same' | null = null
  /** The client id this client writes with; Yjs draws a random one when it sees it reused. */
  private ownId: number
  /** Times Yjs renewed the client id: another connection wrote structs under it. */
  renewals = 0
  /** Set when the room kept refusing even fresh copies: this client can no longer work. */
  gaveUp = false
  /** Frames from the room, applied when the campaign lets clients run (not re-entrantly). */
  private inbox: Uint8Array[] = []
  private edits = 0
  private presenceClock = 0
  /** Exceptions while applying what the room sent: a relay that poisons its clients. */
  readonly errors: string[] = []
  /** Times the room closed this client although it only did what a real client does. */
  readonly closes: string[] = []

  constructor(
    private readonly harness: RoomHarness,
    readonly role: Role,
    /** Names this client's notes (its client id may change: Yjs renews an id it sees reused). */
    readonly name: string,
    clientId: number,
    /** The page this client writes its notes on. */
    private readonly page: string,
  ) {
    this.ownId = clientId
    this.watch(clientId)
    this.client = this.join()
  }

  private watch(clientId: number): void {
    this.doc.clientID = clientId
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.send(updateFrame(update))
    })
  }

  get clientId(): number {
    return this.doc.clientID
  }

  private join(): HarnessClient {
    const client = this.harness.connect(this.role, (frame) => this.inbox.push(frame))
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, MessageType.Sync)
    syncProtocol.writeSyncStep1(e, this.doc)
    this.client = client
    this.send(encoding.toUint8Array(e))
    return client
  }

  private send(frame: Uint8Array): void {
    if (!this.client.isOpen) return
    const outcome = this.harness.send(this.client, frame)
    if (outcome.open) return
    const code = outcome.close?.code ?? 0
    this.closes.push(`${code} ${outcome.close?.reason}`)
    this.inbox = []
    // Not now: this may run inside the document's own update event.
    this.rejoin = FRESH_COPY_CODES.has(code) ? 'fresh' : 'same'
  }

  /** Reconnects after a close, as Samla's client does (useSyncedStore's onClosed). */
  private rejoinIfClosed(): void {
    const how = this.rejoin
    if (!how || this.gaveUp) return
    this.rejoin = null
    if (how === 'fresh') {
      // The local copy holds what the room refused: throw it away and sync afresh.
      if (++this.freshInARow > GIVE_UP_AFTER) {
        this.gaveUp = true
        return
      }
      this.doc.destroy()
      this.doc = new Y.Doc()
      this.ownId += 1_000
      this.watch(this.ownId)
    }
    this.join()
  }

  /** Handles everything the room sent since the last call. */
  drain(): void {
    this.rejoinIfClosed()
    while (this.inbox.length > 0) {
      const frame = this.inbox.shift() as Uint8Array
      try {
        const decoder = decoding.createDecoder(frame)
        if (decoding.readVarUint(decoder) !== MessageType.Sync) continue
        const syncType = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (syncType === SyncMessageType.Step1) {
          const reply = encoding.createEncoder()
          encoding.writeVarUint(reply, MessageType.Sync)
          syncProtocol.writeSyncStep2(reply, this.doc, payload)
          this.send(encoding.toUint8Array(reply))
        } else {
          // Applied here rather than by y-protocols, which logs and swallows what throws.
          Y.applyUpdate(this.doc, payload, REMOTE)
          if (this.doc.clientID !== this.ownId) {
            // Renewed at random; replaced by a fixed successor, so a campaign stays
            // deterministic by seed. The random id was never written with.
            this.renewals++
            this.ownId += 100_000
            this.doc.clientID = this.ownId
          }
        }
      } catch (err) {
        this.errors.push(err instanceof Error ? err.message : String(err))
      }
    }
  }

  /** One ordinary edit: a note added, moved or rewritten on this client's page. */
  edit(): void {
    this.rejoinIfClosed()
    if (this.gaveUp) return
    if (this.client.isOpen) this.freshInARow = 0
    const records = this.doc.getMap<unknown>('records')
    const n = this.edits++
    const key = `h${this.name}-${n % 7}`
    records.set(`shape:${key}`, note(key, this.page, `lapp ${n}`, 'green', n % 500, (n * 7) % 500))
  }

  /** A cursor move, as the awareness of a real client sends it. */
  movePresence(): void {
    this.rejoinIfClosed()
    if (this.gaveUp) return
    this.presenceClock++
    this.send(
      awarenessFrame(this.clientId, this.presenceClock, {
        cursor: { x: this.presenceClock, y: 1 },
      }),
    )
  }

  /** The notes this client wrote, as the room should hold them. */
  ownNotes(): Record<string, unknown> {
    const out: Record<string, unknown> = {}
    for (const [key, value] of this.doc.getMap<unknown>('records').entries())
      if (key.startsWith(`shape:h${this.name}-`)) out[key] = value
    return out
  }
}
