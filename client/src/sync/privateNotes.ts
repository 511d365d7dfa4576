import {
  AUTHOR_META_KEY,
  CONTROLS_MAP,
  ControlKey,
  PRIVATE_META_KEY,
  type PrivateNoteRequest,
  pageOf,
  plainText,
  privateNotesView,
  privateProofOf,
  richTextOf,
} from '@samla/shared'
import { toBase64UrlEncoded } from 'lib0/buffer'
import { digest } from 'lib0/hash/sha256'
import type { TLRecord } from 'tldraw'
import type * as Y from 'yjs'
import { request } from '../api.ts'
import { asVoter } from '../meeting/votes.ts'
import type { Projection } from './binding.ts'

/** A note this page wrote privately: its words live here (and on the server), not in the document. */
interface Own {
  text: string
  author: string | null
  /** Known to the page that made the card; after a reload the server still has the first one. */
  secret: string | null
  /** What was last sent to the server, so that a move does not send the text again. */
  sent: string | null
}

/** The card a private note is in the document: tldraw's empty rich text, no author. */
const BLANK = { type: 'doc', content: [{ type: 'paragraph' }] }

/** How long a note's text rests before it is sent (each keystroke would be a request). */
const SEND_AFTER_MS = 300

/** base64url(SHA-256(secret)), as the server computes it (server/src/meetings/privateWriting.ts). */
export function proofOf(secret: string): string {
  return toBase64UrlEncoded(digest(new TextEncoder().encode(secret)))
}

function newSecret(): string {
  const bytes = new Uint8Array(24)
  crypto.getRandomValues(bytes)
  return toBase64UrlEncoded(bytes)
}

type Shape = TLRecord & {
  typeName: 'shape'
  props: Record<string, unknown>
  meta: Record<string, unknown>
}
const hasRichText = (record: TLRecord): record is Shape =>
  record.typeName === 'shape' && 'richText' in (record as Shape).props

/**
 * "Skriv enskilt" in a participant's page (shared/src/privateWriting.ts). While the facilitator
 * has it on for a phase, every note this page makes there goes into the document as a blank
 * card with the proof of a fresh secret, and its words to the server alone, under this
 * browser's voter credential; the page shows its own words in its own cards. Others' cards
 * arrive blank because they are blank in the document: there is nothing to hide.
 *
 * Text this page would put into anything else on that phase (another's card, a note that was
 * there before) stays as the document has it: the relay would refuse it
 * (EditRefusal.PrivateWriting) and the page would have to sync afresh.
 */
export class PrivateNotes implements Projection {
  private readonly own = new Map<string, Own>()
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()
  private disposed = false

  constructor(
    private readonly doc: Y.Doc,
    private readonly meetingId: string,
    private readonly token: string,
    /** This page's records as it has them, to find which phase a shape is on. */
    private readonly local: (id: string) => unknown,
  ) {}

  /** The phase written privately now, if any. */
  phase(): string | null {
    const value = this.doc.getMap<unknown>(CONTROLS_MAP).get(ControlKey.privateWriting)
    return typeof value === 'string' ? value : null
  }

  isOwn(id: string): boolean {
    return this.own.has(id)
  }

  toDoc(record: TLRecord, stored: TLRecord | undefined): TLRecord {
    if (!hasRichText(record)) return record
    let own = this.own.get(record.id)
    if (!own) {
      const phase = this.phase()
      if (!phase || pageOf(record, this.local) !== phase) return record
      if (stored !== undefined) return keepText(record, stored as Shape)
      own = { text: '', author: null, secret: newSecret(), sent: null }
      this.own.set(record.id, own)
    }
    const { [AUTHOR_META_KEY]: author, ...meta } = record.meta
    own.text = plainText(record.props.richText)
    own.author = typeof author === 'string' ? author : null
    this.schedule(record.id)
    const proof =
      (stored && privateProofOf(stored)) ?? (own.secret ? proofOf(own.secret) : null) ?? ''
    return {
      ...record,
      props: { ...record.props, richText: BLANK },
      meta: { ...meta, [PRIVATE_META_KEY]: proof },
    } as TLRecord
  }

  fromDoc(record: TLRecord): TLRecord {
    const own = this.own.get(record.id)
    if (!own || !hasRichText(record)) return record
    // Revealed: the document has the words now, as everyone else sees them.
    if (privateProofOf(record) === null) {
      this.forget(record.id)
      return record
    }
    return {
      ...record,
      props: { ...record.props, richText: richTextOf(own.text) },
      meta: { ...record.meta, ...(own.author ? { [AUTHOR_META_KEY]: own.author } : {}) },
    } as TLRecord
  }

  /** The page took a card away: its words go from the server too. */
  removed(id: string): void {
    if (!this.own.has(id)) return
    this.forget(id)
    void asVoter(this.meetingId, this.token, (headers) =>
      request(this.url(id), { method: 'DELETE', headers }),
    ).catch(() => {})
  }

  /**
   * The words of this browser's private notes, from the server (after a reload, or on another
   * of its pages); returns the cards to show them in.
   */
  async load(): Promise<string[]> {
    const view = privateNotesView.parse(
      await asVoter(this.meetingId, this.token, (headers) =>
        request(`${this.base()}/private-notes`, { headers }),
      ),
    )
    if (this.disposed) return []
    const ids: string[] = []
    for (const note of view.notes) {
      if (this.own.has(note.shapeId)) continue
      this.own.set(note.shapeId, {
        text: note.text,
        author: note.author,
        secret: null,
        sent: note.text,
      })
      ids.push(note.shapeId)
    }
    return ids
  }

  dispose(): void {
    this.disposed = true
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
  }

  private forget(id: string): void {
    this.own.delete(id)
    clearTimeout(this.timers.get(id))
    this.timers.delete(id)
  }

  private schedule(id: string): void {
    clearTimeout(this.timers.get(id))
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id)
        void this.send(id)
      }, SEND_AFTER_MS),
    )
  }

  private async send(id: string): Promise<void> {
    const own = this.own.get(id)
    if (!own || this.disposed) return
    const said = JSON.stringify([own.text, own.author])
    if (said === own.sent) return
    // The server takes a note's first text only with its secret; one loaded after a reload
    // is already held with its proof, which a page that no longer knows the secret leaves be.
    const body: PrivateNoteRequest = {
      text: own.text,
      author: own.author,
      ...(own.secret ? { secret: own.secret } : {}),
    }
    try {
      await asVoter(this.meetingId, this.token, (headers) =>
        request(this.url(id), { method: 'PUT', headers, body: JSON.stringify(body) }),
      )
      own.sent = said
    } catch {
      // Sent again with the next change; the words stay on this page meanwhile.
    }
  }

  private base(): string {
    return `/api/meetings/${encodeURIComponent(this.meetingId)}`
  }

  private url(id: string): string {
    return `${this.base()}/private-notes/${encodeURIComponent(id)}`
  }
}

/** What this page would write over a record it may not put words into: the stored words. */
function keepText(record: Shape, stored: Shape): TLRecord {
  const proof = privateProofOf(stored)
  const { [PRIVATE_META_KEY]: _mark, ...meta } = record.meta
  return {
    ...record,
    props: { ...record.props, richText: stored.props?.richText ?? BLANK },
    meta: proof === null ? meta : { ...meta, [PRIVATE_META_KEY]: proof },
  } as TLRecord
}
