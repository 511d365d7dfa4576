import { useEffect } from 'react'
import {
  Box,
  createUserId,
  type Editor,
  type TLPageId,
  type TLShapeId,
  type TLUserId,
  useValue,
} from 'tldraw'
import type { MeetingInfo } from '../meeting/MeetingContext.tsx'

/**
 * The projector shows the current phase: the whole of it ("fit", re-fitted as notes arrive,
 * clear of the overlay) or the facilitator's view ("follow", through tldraw's following of
 * their presence).
 */
export function useProjectorCamera(editor: Editor | null, meeting: MeetingInfo | null) {
  const current = meeting?.controls.currentPhase ?? null
  const projector = meeting?.controls.projector
  const pages = useValue('pages', () => editor?.getPages().map((p) => p.id) ?? [], [editor])
  const hasCurrent = current !== null && pages.includes(current as TLPageId)
  const followUserId = projector?.mode === 'follow' ? leaderId(projector.followUserId) : null
  // Presentation: one question frame of the current phase, as large as the screen allows.
  const presented =
    projector?.mode === 'frame' && projector.frameId ? (projector.frameId as TLShapeId) : null
  const leader = useValue(
    'leader present',
    () =>
      followUserId
        ? (editor?.getCollaborators().some((c) => c.userId === followUserId) ?? false)
        : false,
    [editor, followUserId],
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
    if (leader && followUserId) {
      editor.startFollowingUser(followUserId)
      return () => editor.stopFollowingUser()
    }
    const fit = () => {
      const bounds = presented ? presentedBounds(editor, presented) : editor.getCurrentPageBounds()
      if (!bounds || bounds.w <= 0 || bounds.h <= 0) return
      const viewport = editor.getViewportScreenBounds()
      // Presenting, the notes may come closer to the edges: every pixel is text size.
      const free = freeArea(viewport, presented ? PRESENT_MARGIN : MARGIN)
      if (free.w <= 0 || free.h <= 0) return
      const z = Math.min(
        free.w / bounds.w,
        free.h / bounds.h,
        presented ? MAX_PRESENT_ZOOM : MAX_FIT_ZOOM,
      )
      // Centre the phase in the free area: screen = (page + camera) × zoom.
      const left = free.x - viewport.x + (free.w - bounds.w * z) / 2
      const top = free.y - viewport.y + (free.h - bounds.h * z) / 2
      editor.setCamera(
        { x: left / z - bounds.x, y: top / z - bounds.y, z },
        { animation: { duration: 300 } },
      )
    }
    // Notes arriving in bursts (phones) re-fit once they have settled; so do a resized window
    // and the overlay gaining or losing a part (the QR code once loaded, revealed results).
    let timer = setTimeout(fit, 250)
    const refit = () => {
      clearTimeout(timer)
      timer = setTimeout(fit, 250)
    }
    window.addEventListener('resize', refit)
    const overlay = new MutationObserver(refit)
    const root = document.querySelector('.projector-overlay')
    if (root) overlay.observe(root, { childList: true })
    return () => {
      clearTimeout(timer)
      window.removeEventListener('resize', refit)
      overlay.disconnect()
    }
  }, [editor, leader, followUserId, current, shapeCount, presented])
}

/**
 * The presence id to follow. Facilitators' pages before this one stored tldraw's bare user id,
 * without the "user:" that presence records carry: those meetings follow too.
 */
function leaderId(stored: string | null): TLUserId | null {
  if (!stored) return null
  return stored.startsWith('user:') ? (stored as TLUserId) : createUserId(stored)
}

/** A phase with one note is not blown up past twice its size. */
const MAX_FIT_ZOOM = 2
/** A presented question with one note may grow more: the room reads it from the back. */
const MAX_PRESENT_ZOOM = 4

/**
 * What a presented frame shows: its notes (the question's name is the wall's heading), so that
 * neither the hint above them nor the empty rest of the frame takes room from the text; the
 * frame itself when it has none.
 */
function presentedBounds(editor: Editor, frameId: TLShapeId): Box | undefined {
  const frame = editor.getShapePageBounds(frameId)
  if (!frame) return undefined
  const children = editor.getSortedChildIdsForParent(frameId)
  const notes = children.filter((id) => editor.getShape(id)?.type === 'note')
  const shown = notes.length ? notes : children
  const inside = shown.length ? editor.getShapesPageBounds(shown) : null
  if (!inside) return frame
  // Within the frame: what it clips is not on the wall either.
  const x = Math.max(inside.x, frame.x)
  const y = Math.max(inside.y, frame.y)
  const w = Math.min(inside.maxX, frame.maxX) - x
  const h = Math.min(inside.maxY, frame.maxY) - y
  return w > 0 && h > 0 ? new Box(x, y, w, h) : frame
}
const MARGIN = 24
const PRESENT_MARGIN = 8

/**
 * The part of the screen the phase may use: the viewport less the overlay's parts that mark
 * themselves with `data-projector-reserve` (the phase bar at the top, the QR code's column on
 * the right, revealed results at the bottom), so that none of them covers a note.
 */
function freeArea(viewport: { x: number; y: number; w: number; h: number }, margin: number) {
  let top = viewport.y + margin
  let right = viewport.x + viewport.w - margin
  let bottom = viewport.y + viewport.h - margin
  const left = viewport.x + margin
  for (const element of document.querySelectorAll<HTMLElement>('[data-projector-reserve]')) {
    const rect = element.getBoundingClientRect()
    const side = element.dataset.projectorReserve
    if (side === 'top') top = Math.max(top, rect.bottom + margin)
    else if (side === 'right') right = Math.min(right, rect.left - margin)
    else if (side === 'bottom') bottom = Math.min(bottom, rect.top - margin)
  }
  return { x: left, y: top, w: right - left, h: bottom - top }
}
