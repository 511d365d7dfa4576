import type { Editor } from 'tldraw'

/**
 * Shows the whole phase on a first visit: a page's camera starts at the origin at 100 %,
 * where a phase's frames do not fit a laptop. A camera someone has moved stays where it is.
 */
export function fitIfFresh(editor: Editor) {
  const { x, y, z } = editor.getCamera()
  if (x === 0 && y === 0 && z === 1) editor.zoomToFit()
}
