import { CONTROLS_MAP, ControlKey, RECORDS_MAP } from '@samla/shared'
import type * as Y from 'yjs'
import type { Logger } from '../logger.ts'
import { Connection } from '../rooms/Connection.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import type { MeetingRepository, SnapshotRepository } from '../storage/repositories.ts'
import { takeSnapshot } from './take.ts'

/**
 * Takes a snapshot whenever a meeting moves from one phase to the next, on the server, so
 * that the record exists whatever the facilitator's browser does. The snapshot is of the phase
 * that just ended, labelled with the phases it lies between ("Öppna upp → Testa"): the names
 * as they were then, and the board's own words, the same in every language (the page says
 * "Fasbyte" and when, in the reader's time).
 */
export function watchPhaseChanges(
  rooms: RoomManager,
  meetings: MeetingRepository,
  snapshots: SnapshotRepository,
  log: Logger,
): () => void {
  const onLoaded = async (boardId: string) => {
    const meeting = await meetings.byBoard(boardId)
    if (!meeting) return
    const room = await rooms.peek(boardId)
    if (!room) return
    const controls = room.doc.getMap<unknown>(CONTROLS_MAP)
    const observer = (event: Y.YMapEvent<unknown>, tx: Y.Transaction) => {
      // Only a client's change: loading the board replays old phase changes.
      if (!(tx.origin instanceof Connection)) return
      const change = event.changes.keys.get(ControlKey.currentPhase)
      const ended = change?.oldValue
      const started = controls.get(ControlKey.currentPhase)
      if (typeof ended !== 'string' || ended === started) return
      const label = phaseChangeLabel(room.doc, ended, started)
      // After the transaction: the update is being appended, and takeSnapshot waits for it.
      setImmediate(() => {
        meetings
          .get(meeting.id)
          .then(
            (current) =>
              current &&
              takeSnapshot(snapshots, current, room, {
                reason: 'phase-change',
                pageId: ended,
                label,
              }),
          )
          .catch((err: unknown) =>
            log.error('phase-change snapshot failed', { board: boardId, err }),
          )
      })
    }
    controls.observe(observer)
  }
  const listener = (id: string) => void onLoaded(id)
  rooms.on('loaded', listener)
  return () => rooms.off('loaded', listener)
}

/** "Öppna upp → Testa"; a phase without a name (or no phase) is left out. */
function phaseChangeLabel(doc: Y.Doc, ended: string, started: unknown): string {
  const records = doc.getMap<unknown>(RECORDS_MAP)
  const name = (id: unknown) => {
    const page = typeof id === 'string' ? (records.get(id) as { name?: unknown } | undefined) : null
    return typeof page?.name === 'string' ? page.name.trim() : ''
  }
  return [name(ended), name(started)].filter(Boolean).join(' → ')
}
