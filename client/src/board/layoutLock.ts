import { isLockedForParticipants, LAYOUT_LOCK_META_KEY, SHAPE_MARK_META_KEY } from '@samla/shared'
import type { Editor, TLEditStartInfo, TLShape, TLShapeId } from 'tldraw'

const layoutMeta = (shape: TLShape) =>
  [shape.meta[SHAPE_MARK_META_KEY], shape.meta[LAYOUT_LOCK_META_KEY]] as const

/**
 * A participant's editor keeps its hands off what the relay would refuse (EditRefusal
 * LayoutLocked): shapes locked for participants, the template frames among them, cannot be
 * selected or edited, so never moved, resized, renamed or deleted from this page, and no edit
 * of this page sets or removes a lock or a template mark. What lies in a locked frame stays the
 * participant's. tldraw's own `isLocked` would not do: it locks a frame's notes with it, and
 * it would be written into the board for everyone.
 *
 * The server enforces this whatever a client does; this is so that an honest participant's
 * click never costs them a refused edit and a resync.
 */
export function guardLayoutLock(editor: Editor): () => void {
  const locked = (id: TLShapeId) => isLockedForParticipants(editor.getShape(id))
  const lockedWithin = (id: TLShapeId) =>
    [...editor.getShapeAndDescendantIds([id])].some((shapeId) => locked(shapeId))

  // Not editable either (a frame's title, a note's text): tldraw asks this before it enters
  // its editing state, and has no other hook for one shape but `isLocked`.
  const canEditShape = editor.canEditShape
  editor.canEditShape = <T extends TLShape | TLShapeId>(
    shape: T | null,
    info?: TLEditStartInfo,
  ): shape is T => {
    const id = (typeof shape === 'string' ? shape : shape?.id) as TLShapeId | undefined
    return !(id && locked(id)) && canEditShape.call(editor, shape, info)
  }

  const stops = [
    () => {
      editor.canEditShape = canEditShape
    },
    // Selection leaves locked shapes out; one locked while selected is let go below.
    editor.sideEffects.registerBeforeChangeHandler('instance_page_state', (_prev, next) => {
      const selectable = next.selectedShapeIds.filter((id) => !locked(id))
      return selectable.length === next.selectedShapeIds.length
        ? next
        : { ...next, selectedShapeIds: selectable }
    }),
    editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
      if (source !== 'user') return next
      if (isLockedForParticipants(prev)) return prev
      const [mark, flag] = layoutMeta(next)
      const [markBefore, flagBefore] = layoutMeta(prev)
      return mark === markBefore && flag === flagBefore ? next : prev
    }),
    // A pasted or duplicated template frame is a plain frame in a participant's hands.
    editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
      if (source !== 'user') return shape
      if (!(SHAPE_MARK_META_KEY in shape.meta) && !(LAYOUT_LOCK_META_KEY in shape.meta))
        return shape
      const {
        [SHAPE_MARK_META_KEY]: _mark,
        [LAYOUT_LOCK_META_KEY]: _flag,
        ...meta
      } = shape.meta as Record<string, TLShape['meta'][string]>
      return { ...shape, meta }
    }),
    // tldraw deletes a shape's children with it: an open frame holding a locked note stays.
    editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) =>
      source === 'user' && lockedWithin(shape.id) ? false : undefined,
    ),
    // Locked by the facilitator while this page has it in hand. After the remote change is
    // merged, never inside it: a throw there would stop the page's sync.
    editor.sideEffects.registerAfterChangeHandler('shape', (prev, next) => {
      if (isLockedForParticipants(prev) || !isLockedForParticipants(next)) return
      queueMicrotask(() => {
        if (editor.getEditingShapeId() === next.id) editor.complete()
        if (editor.getSelectedShapeIds().includes(next.id)) editor.deselect(next.id)
      })
    }),
  ]
  return () => {
    for (const stop of stops) stop()
  }
}
