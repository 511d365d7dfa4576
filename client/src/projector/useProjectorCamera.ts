import { useEffect } from 'react'
import { type Editor, type TLPageId, type TLUserId, useValue } from 'tldraw'
import type { MeetingInfo } from '../meeting/MeetingContext.tsx'

/**
 * The projector shows the current phase: the whole of it ("fit", re-fitted as notes arrive)
 * or the facilitator's view ("follow", through tldraw's following of their presence).
 */
export function useProjectorCamera(editor: Editor | null, meeting: MeetingInfo | null) {
  const current = meeting?.controls.currentPhase ?? null
  const projector = meeting?.controls.projector
  const pages = useValue('pages', () => editor?.getPages().map((p) => p.id) ?? [], [editor])
  const hasCurrent = current !== null && pages.includes(current as TLPageId)
  const leader = useValue(
    'leader present',
    () =>
      projector?.mode === 'follow' && projector.followUserId
        ? (editor?.getCollaborators().some((c) => c.userId === projector.followUserId) ?? false)
        : false,
    [editor, projector?.mode, projector?.followUserId],
  )
  // The shapes on the page, so that "fit" follows what is drawn.
  const shapeCount = useValue(
    'shape count',
    () => (editor ? editor.getCurrentPageShapeIds().size : 0),
    [editor],
  )

  useEffect(() => {
    if (!editor || !current || !hasCurrent) return
    if (editor.getCurrentPageId() !== current) editor.setCurrentPage(current as TLPageId)
  }, [editor, current, hasCurrent])

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new phase or new notes re-fit
  useEffect(() => {
    if (!editor) return
    if (leader && projector?.followUserId) {
      editor.startFollowingUser(projector.followUserId as TLUserId)
      return () => editor.stopFollowingUser()
    }
    // Room for the phase bar above and the QR code's corner: the whole phase stays visible.
    const fit = () => {
      const bounds = editor.getCurrentPageBounds()
      if (bounds) editor.zoomToBounds(bounds, { inset: 140, animation: { duration: 300 } })
    }
    // Notes arriving in bursts (phones) re-fit once they have settled.
    const timer = setTimeout(fit, 250)
    return () => clearTimeout(timer)
  }, [editor, leader, projector?.followUserId, current, shapeCount])
}
