import { useEffect } from 'react'
import { type Editor, useValue } from 'tldraw'

/**
 * Room kept clear of tldraw's own panels: its menus and the board's bar along the top, the
 * style panel at the top right, the toolbar below.
 */
const EDGE = 24
const TOP = 64
const STYLE_PANEL = 170
const TOOLBAR = 72

/**
 * Shows the whole phase on a first visit: a page's camera starts at the origin at 100 %,
 * where a phase's frames do not fit a laptop. A camera someone has moved stays where it is.
 */
export function fitIfFresh(editor: Editor) {
  const { x, y, z } = editor.getCamera()
  if (x === 0 && y === 0 && z === 1) fitPhase(editor)
}

/**
 * The whole phase in view, clear of tldraw's style panel (top right) and toolbar (bottom):
 * the Inkorg stands at the phase's right edge, where a plain zoom-to-fit puts it under the
 * style panel on a 1280 px screen.
 */
export function fitPhase(editor: Editor) {
  const bounds = editor.getCurrentPageBounds()
  if (!bounds || bounds.w <= 0 || bounds.h <= 0) return
  const screen = editor.getViewportScreenBounds()
  const w = screen.w - 2 * EDGE - STYLE_PANEL
  const h = screen.h - TOP - EDGE - TOOLBAR
  if (w <= 0 || h <= 0) return editor.zoomToFit()
  const z = Math.min(w / bounds.w, h / bounds.h, 1)
  // Screen = (page + camera) × zoom: the phase's left edge at EDGE, centred in the height left.
  const left = EDGE + (w - bounds.w * z) / 2
  const top = TOP + (h - bounds.h * z) / 2
  const camera = { x: left / z - bounds.x, y: top / z - bounds.y, z }
  editor.setCamera(camera)
  fitted.set(editor, editor.getCamera())
}

/** The camera each editor was last fitted to, to tell whether anyone has moved it since. */
const fitted = new WeakMap<Editor, { x: number; y: number; z: number }>()

/**
 * Keeps a fitted phase fitted while the canvas changes size and nobody has moved the camera:
 * the facilitation panel takes its column after the first fit (1280 px: the Inkorg went under
 * it), a window is resized, a phone turns.
 */
export function useKeepFitted(editor: Editor | null) {
  const size = useValue('canvas size', () => {
    const b = editor?.getViewportScreenBounds()
    return b ? `${Math.round(b.w)}x${Math.round(b.h)}` : ''
  }, [editor])
  useEffect(() => {
    if (!editor || !size) return
    const last = fitted.get(editor)
    const now = editor.getCamera()
    if (last && last.x === now.x && last.y === now.y && last.z === now.z) fitPhase(editor)
  }, [editor, size])
}
