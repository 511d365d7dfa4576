import { useEffect } from 'react'
import { createUserId, type Editor, type TLPageId, type TLUserId, useValue } from 'tldraw'
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
      const bounds = editor.getCurrentPageBounds()
      if (!bounds || bounds.w <= 0 || bounds.h <= 0) return
      const viewport = editor.getViewportScreenBounds()
      const free = freeArea(viewport)
      if (free.w <= 0 || free.h <= 0) return
      const z = Math.min(free.w / bounds.w, free.h / bounds.h, MAX_FIT_ZOOM)
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
  }, [editor, leader, followUserId, current, shapeCount])
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
const MARGIN = 24

/**
 * The part of the screen the phase may use: the viewport less the overlay's parts that mark
 * themselves with `data-projector-reserve` (the phase bar at the top, the QR code's column on
 * the right, revealed results at the bottom), so that none of them covers a note.
 */
function freeArea(viewport: { x: number; y: number; w: number; h: number }) {
  let top = viewport.y + MARGIN
  let right = viewport.x + viewport.w - MARGIN
  let bottom = viewport.y + viewport.h - MARGIN
  const left = viewport.x + MARGIN
  for (const element of document.querySelectorAll<HTMLElement>('[data-projector-reserve]')) {
    const rect = element.getBoundingClientRect()
    const side = element.dataset.projectorReserve
    if (side === 'top') top = Math.max(top, rect.bottom + MARGIN)
    else if (side === 'right') right = Math.min(right, rect.left - MARGIN)
    else if (side === 'bottom') bottom = Math.min(bottom, rect.top - MARGIN)
  }
  return { x: left, y: top, w: right - left, h: bottom - top }
}
