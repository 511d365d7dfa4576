import { useEffect, useRef } from 'react'
import type { Editor, TLPageId } from 'tldraw'
import { useVisiblePhases } from '../facilitation/useVisiblePhases.ts'
import type { MeetingInfo } from '../meeting/MeetingContext.tsx'

/**
 * A participant's editor does not move shapes to a phase hidden from participants (tldraw's
 * context menu "Move to page" lists every page): the relay would refuse it (EditRefusal
 * PhaseHidden), and an honest click should never cost a refused edit and a resync. Being on a
 * hidden phase at all is taken care of by useFollowMeeting.
 */
export function useHiddenPhaseGuard(editor: Editor | null, meeting: MeetingInfo | null): void {
  const participant = meeting?.access.role === 'participant'
  const visible = useVisiblePhases(editor, meeting?.controls ?? null)
  // Read at the click, so that the guard is installed once per editor.
  const latest = useRef(visible)
  latest.current = visible
  useEffect(() => {
    if (!editor || !participant) return
    const moveShapesToPage = editor.moveShapesToPage
    editor.moveShapesToPage = (shapes, pageId: TLPageId) =>
      latest.current.includes(pageId) ? moveShapesToPage.call(editor, shapes, pageId) : editor
    return () => {
      editor.moveShapesToPage = moveShapesToPage
    }
  }, [editor, participant])
}
