import { CONTROLS_MAP, ControlKey } from '@samla/shared'
import type * as Y from 'yjs'
import type { Logger } from '../logger.ts'
import { Connection } from '../rooms/Connection.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import type { MeetingRepository, SnapshotRepository } from '../storage/repositories.ts'
import { takeSnapshot } from './take.ts'

/**
 * Takes a snapshot whenever a meeting moves from one phase to the next, on the server, so
 * that the record exists whatever the facilitator's browser does. The snapshot is labelled
 * with the phase that just ended.
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
      if (typeof ended !== 'string' || ended === controls.get(ControlKey.currentPhase)) return
      // After the transaction: the update is being appended, and takeSnapshot waits for it.
      setImmediate(() => {
        meetings
          .get(meeting.id)
          .then(
            (current) =>
              current &&
              takeSnapshot(snapshots, current, room, { reason: 'phase-change', pageId: ended }),
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
