import { createHash } from 'node:crypto'
import {
  AUTHOR_META_KEY,
  CONTROLS_MAP,
  ControlKey,
  type Meeting,
  PRIVATE_META_KEY,
  parseControls,
  privateProofOf,
  RECORDS_MAP,
  richTextOf,
} from '@samla/shared'
import type * as Y from 'yjs'
import { ApiError } from '../http/errors.ts'
import { checked, SERVER_ORIGIN } from '../process/boardWrites.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import type { PrivateNote, PrivateNoteRepository } from '../storage/repositories.ts'

export interface PrivateWritingDeps {
  privateNotes: PrivateNoteRepository
  rooms: RoomManager
}

/** The proof a card carries for a secret: base64url(SHA-256(secret)), as the pages compute it. */
export function proofOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url')
}

/** The phase written privately now, read from the board's controls. */
export function privatePhaseOf(doc: Y.Doc): string | null {
  const controls = doc.getMap<unknown>(CONTROLS_MAP)
  return parseControls((key) => controls.get(key)).privateWriting
}

/**
 * Turns "skriv enskilt" on for a phase of the board: from now on participants' new notes there
 * are blank cards whose text only the server holds. One phase at a time; another while one is
 * on is refused (reveal that one first).
 */
export async function startPrivateWriting(
  { rooms }: PrivateWritingDeps,
  meeting: Meeting,
  phaseId: string,
): Promise<void> {
  if (meeting.endedAt) throw new ApiError(409, 'meeting_ended', 'The meeting has ended')
  const room = await rooms.acquire(meeting.boardId)
  try {
    const doc = room.doc
    const page = doc.getMap<unknown>(RECORDS_MAP).get(phaseId) as { typeName?: unknown } | undefined
    if (page?.typeName !== 'page')
      throw new ApiError(400, 'unknown_phase', 'The board has no such phase')
    const current = privatePhaseOf(doc)
    if (current === phaseId) return
    if (current)
      throw new ApiError(
        409,
        'private_writing_on',
        'Another phase is written privately: reveal it first',
      )
    doc.transact(
      () => doc.getMap<unknown>(CONTROLS_MAP).set(ControlKey.privateWriting, phaseId),
      SERVER_ORIGIN,
    )
    await room.persisted()
  } finally {
    rooms.release(meeting.boardId)
  }
}

/**
 * "Visa alla lappar": writes every private note's text (and, unless the meeting is anonymous,
 * its writer's name) into its card, takes the private mark off every card, and turns private
 * writing off, in one transaction: everyone sees every text at the same moment. A text goes
 * into the card whose mark is the proof of its secret, and only there. The texts are forgotten
 * once the board holding them is stored; a failure before that leaves them to reveal again.
 * Returns how many cards got their text.
 */
export async function revealPrivateWriting(
  { privateNotes, rooms }: PrivateWritingDeps,
  meeting: Meeting,
): Promise<number> {
  const notes = await privateNotes.all(meeting.id)
  const byCard = new Map<string, PrivateNote>(notes.map((n) => [`${n.shapeId}\u0000${n.proof}`, n]))
  const room = await rooms.acquire(meeting.boardId)
  let revealed = 0
  try {
    const doc = room.doc
    const records = doc.getMap<unknown>(RECORDS_MAP)
    const controls = doc.getMap<unknown>(CONTROLS_MAP)
    const anonymous =
      meeting.group === 'demokratilabb' ||
      parseControls((key) => controls.get(key), meeting.anonymous).anonymous
    doc.transact(() => {
      for (const [id, record] of records.entries()) {
        const proof = privateProofOf(record)
        if (proof === null) continue
        const note = byCard.get(`${id}\u0000${proof}`)
        const card = record as {
          id: string
          props: Record<string, unknown>
          meta: Record<string, unknown>
        }
        const { [PRIVATE_META_KEY]: _mark, [AUTHOR_META_KEY]: _author, ...meta } = card.meta
        if (note && !anonymous && note.author) meta[AUTHOR_META_KEY] = note.author
        const props =
          note && 'richText' in card.props
            ? { ...card.props, richText: richTextOf(note.text) }
            : card.props
        if (note) revealed++
        records.set(id, checked({ ...card, props, meta }))
      }
      controls.delete(ControlKey.privateWriting)
    }, SERVER_ORIGIN)
    await room.persisted()
  } finally {
    rooms.release(meeting.boardId)
  }
  await privateNotes.clear(meeting.id)
  return revealed
}
