import { useEffect, useRef } from 'react'
import type { Editor } from 'tldraw'
import { serverNow } from '../meeting/serverClock.ts'
import { getSnapshot, listSnapshots } from './api.ts'
import { uploadPhasePictures } from './phasePictures.ts'

/** How long the server may take to store the snapshot of a phase change, and how often to look. */
const LOOK_FOR_MS = 10_000
const LOOK_EVERY_MS = 500

/**
 * On the facilitator's board: after each phase change, the server takes a snapshot; this
 * draws the pictures of its phases from the live canvas (which holds what the snapshot
 * holds, a moment later) and uploads them, so the documentation has pictures at once.
 */
export function usePhaseChangePictures(
  editor: Editor | null,
  meeting: { meetingId: string; token: string } | null,
  currentPhase: string | null,
) {
  const previous = useRef(currentPhase)
  useEffect(() => {
    const ended = previous.current
    previous.current = currentPhase
    if (!editor || !meeting || !ended || ended === currentPhase) return
    let stopped = false
    const startedAt = Date.now()
    // Snapshot times are the server's; compare in its clock.
    const since = serverNow()
    const look = async () => {
      while (!stopped && Date.now() - startedAt < LOOK_FOR_MS) {
        const [newest] = await listSnapshots(meeting.meetingId, meeting.token)
        if (
          newest &&
          newest.reason === 'phase-change' &&
          Date.parse(newest.createdAt) >= since - 2_000
        ) {
          if (newest.images.length > 0) return
          const snapshot = await getSnapshot(meeting.meetingId, meeting.token, newest.id)
          await uploadPhasePictures(editor, meeting.meetingId, meeting.token, snapshot)
          return
        }
        await new Promise((resolve) => setTimeout(resolve, LOOK_EVERY_MS))
      }
    }
    // Pictures are a nicety here: the documentation page draws any that are missing.
    look().catch(() => {})
    return () => {
      stopped = true
    }
  }, [editor, meeting, currentPhase])
}
