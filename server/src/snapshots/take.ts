import {
  CONTROLS_MAP,
  type Meeting,
  parseControls,
  type Snapshot,
  type SnapshotReason,
} from '@samla/shared'
import * as Y from 'yjs'
import { extractContent } from '../board/extract.ts'
import type { Room } from '../rooms/Room.ts'
import type { SnapshotRepository } from '../storage/repositories.ts'

/**
 * Takes a snapshot of a meeting's live board: its Yjs state and its text, once everything
 * accepted so far is in the log (a snapshot never holds what a crash could take back).
 */
export async function takeSnapshot(
  store: SnapshotRepository,
  meeting: Meeting,
  room: Room,
  options: { reason: SnapshotReason; label?: string; pageId?: string | null },
): Promise<Snapshot> {
  await room.persisted()
  const doc = room.doc
  const map = doc.getMap<unknown>(CONTROLS_MAP)
  const controls = parseControls((key) => map.get(key), meeting.anonymous)
  return store.create({
    meetingId: meeting.id,
    pageId: options.pageId === undefined ? controls.currentPhase : options.pageId,
    label: options.label ?? '',
    reason: options.reason,
    state: Y.encodeStateAsUpdate(doc),
    content: extractContent(doc, controls),
  })
}
