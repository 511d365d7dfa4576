import { CONTROLS_MAP, ControlKey, type Meeting, RECORDS_MAP, type Snapshot } from '@samla/shared'
import type * as Y from 'yjs'
import { ApiError } from '../http/errors.ts'
import { SERVER_ORIGIN } from '../process/boardWrites.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import { takeSnapshot } from '../snapshots/take.ts'
import type {
  MeetingRepository,
  PrivateNoteRepository,
  SnapshotRepository,
} from '../storage/repositories.ts'
import { revealPrivateWriting } from './privateWriting.ts'

export interface MeetingEndDeps {
  meetings: MeetingRepository
  snapshots: SnapshotRepository
  rooms: RoomManager
  privateNotes: PrivateNoteRepository
}

const alreadyEnded = () => new ApiError(409, 'meeting_ended', 'The meeting has already ended')

/**
 * Locks every phase and marks the board ended, as the server (participants are refused from
 * here on, whatever the facilitator unlocks later), in one transaction so that no client sees
 * one without the other.
 */
function closeBoard(doc: Y.Doc): void {
  const pages = [...doc.getMap<unknown>(RECORDS_MAP).values()]
    .filter((v): v is { id: string } => (v as { typeName?: unknown })?.typeName === 'page')
    .map((page) => page.id)
  const controls = doc.getMap<unknown>(CONTROLS_MAP)
  doc.transact(() => {
    controls.set(ControlKey.lockedPhases, pages)
    controls.set(ControlKey.ended, true)
  }, SERVER_ORIGIN)
}

/**
 * "Avsluta samlingen": reveals what was written privately, locks the board, takes the final snapshot of it locked (nothing a
 * participant writes can come between the two), then marks the meeting ended. A failure
 * before the mark leaves the meeting running with its board closed; ending it again finishes
 * the job. Of two calls at once, the one that does not mark it gets 409.
 */
export async function endMeeting(
  deps: MeetingEndDeps,
  meeting: Meeting,
): Promise<{ meeting: Meeting; snapshot: Snapshot }> {
  if (meeting.endedAt) throw alreadyEnded()
  // What was written privately belongs in the final record: revealed first, as the
  // facilitator would before closing (nothing happens when nothing is private).
  await revealPrivateWriting(deps, meeting)
  const room = await deps.rooms.acquire(meeting.boardId)
  let snapshot: Snapshot
  try {
    closeBoard(room.doc)
    snapshot = await takeSnapshot(deps.snapshots, meeting, room, { reason: 'end' })
  } finally {
    deps.rooms.release(meeting.boardId)
  }
  const ended = await deps.meetings.markEnded(meeting.id, new Date())
  if (!ended) throw alreadyEnded()
  return { meeting: ended, snapshot }
}

/**
 * Opens an ended meeting again: participants may write where the facilitator unlocks a phase
 * (every phase stays locked until then). The record goes first, so that a failure in between
 * leaves the board refusing, as the meeting it still was, rather than open under an ended one.
 */
export async function reopenMeeting(deps: MeetingEndDeps, meeting: Meeting): Promise<Meeting> {
  const reopened = await deps.meetings.reopen(meeting.id)
  if (!reopened) throw new ApiError(404, 'meeting_not_found', 'No such meeting')
  const room = await deps.rooms.acquire(meeting.boardId)
  try {
    room.doc.transact(() => room.doc.getMap(CONTROLS_MAP).delete(ControlKey.ended), SERVER_ORIGIN)
    await room.persisted()
  } finally {
    deps.rooms.release(meeting.boardId)
  }
  return reopened
}
