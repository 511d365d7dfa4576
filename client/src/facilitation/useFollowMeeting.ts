import { useEffect, useRef } from 'react'
import { type Editor, type TLPageId, useValue } from 'tldraw'
import type { MeetingInfo } from '../meeting/MeetingContext.tsx'
import { fitIfFresh } from './fitIfFresh.ts'
import { useVisiblePhases } from './useVisiblePhases.ts'

/**
 * A participant goes where the meeting goes: to the current phase whenever the facilitator
 * changes it, and once to each "bring everyone to me". In between they may look around the
 * phases shown to participants; one that is hidden while they are on it (or that they reach
 * another way, following someone) sends them back to the current phase.
 */
export function useFollowMeeting(editor: Editor | null, meeting: MeetingInfo | null) {
  const follows = meeting?.access.role === 'participant'
  const current = meeting?.controls.currentPhase ?? null
  const bring = meeting?.controls.bring ?? null
  // Pages arrive with the sync; a phase made current before its page reached us waits for it.
  const pageIds = useValue('page ids', () => editor?.getPages().map((p) => p.id) ?? [], [editor])
  const hasCurrent = current !== null && pageIds.includes(current as TLPageId)

  // Per editor: after a resync the new canvas starts on the first page and must move again.
  const moved = useRef<{ editor: Editor | null; phase: string | null }>({
    editor: null,
    phase: null,
  })
  useEffect(() => {
    if (!editor || !current || !hasCurrent) return
    if (moved.current.editor === editor && moved.current.phase === current) return
    // The facilitator moves the meeting rather than following it, but lands once, on opening
    // the link again, on the phase the bar names (not tldraw's first page at 100 %).
    const opening = moved.current.editor !== editor
    if (!follows && !opening) return
    moved.current = { editor, phase: current }
    if (editor.getCurrentPageId() !== current) editor.setCurrentPage(current as TLPageId)
    fitIfFresh(editor)
  }, [editor, follows, current, hasCurrent])

  const visible = useVisiblePhases(editor, meeting?.controls ?? null)
  const onPage = useValue('current page', () => editor?.getCurrentPageId() ?? null, [editor])
  const onHidden = follows && onPage !== null && pageIds.length > 0 && !visible.includes(onPage)
  // Where the default puts a meeting with no current phase: its first phase, visible always.
  const back = hasCurrent ? current : (visible[0] ?? null)
  useEffect(() => {
    if (!editor || !onHidden || !back || editor.getCurrentPageId() === back) return
    editor.stopFollowingUser()
    editor.setCurrentPage(back as TLPageId)
    fitIfFresh(editor)
  }, [editor, onHidden, back])

  // A bring made before this page opened is history, not a request to this participant.
  const seenBring = useRef<number | null | undefined>(undefined)
  useEffect(() => {
    if (!editor || !follows) return
    if (seenBring.current === undefined) {
      seenBring.current = bring?.seq ?? null
      return
    }
    if (!bring || bring.seq === seenBring.current) return
    if (!editor.getPage(bring.pageId as TLPageId)) return
    seenBring.current = bring.seq
    editor.stopFollowingUser()
    if (editor.getCurrentPageId() !== bring.pageId) editor.setCurrentPage(bring.pageId as TLPageId)
    editor.zoomToBounds(bring.bounds, { animation: { duration: 300 } })
  }, [editor, follows, bring])
}

/**
 * True while a participant is on a phase the facilitator locked, or the meeting has ended:
 * their canvas is read-only.
 */
export function useOnLockedPhase(editor: Editor | null, meeting: MeetingInfo | null): boolean {
  const pageId = useValue('current page', () => editor?.getCurrentPageId() ?? null, [editor])
  if (meeting?.access.role !== 'participant' || !pageId) return false
  // The relay refuses everything from participants of an ended meeting, whatever is unlocked.
  return meeting.controls.ended || meeting.controls.lockedPhases.includes(pageId)
}
