import { AUTHOR_META_KEY, CREATED_AT_META_KEY, ShapeMark } from '@samla/shared'
import { createShapeId, type Editor, type TLFrameShape, type TLPageId, toRichText } from 'tldraw'
import type { PhoneNote } from './phoneNote.ts'

const NOTE = 200
const GAP = 20
/** Room under a frame's top edge for its hint text. */
const TOP = 70

/**
 * A phone's note in the phase's Inkorg frame (or the frame asked for), in the next free cell
 * of a grid so that notes from a roomful of phones do not land on each other. Without a
 * frame, beside the phase.
 */
export function postNote(editor: Editor, pageId: string, note: PhoneNote, frameId?: string) {
  const page = pageId as TLPageId
  const frames = [...editor.getPageShapeIds(page)]
    .map((id) => editor.getShape(id))
    .filter((shape): shape is TLFrameShape => shape?.type === 'frame')
  // The frame asked for (a question chosen in the list view), or the Inkorg.
  const inbox =
    frames.find((shape) => shape.id === frameId) ??
    frames.find((shape) => shape.meta.samla === ShapeMark.inbox)
  let parentId: TLFrameShape['id'] | TLPageId = page
  let x = 0
  let y = 0
  if (inbox) {
    const taken = editor.getSortedChildIdsForParent(inbox.id).length
    const columns = Math.max(1, Math.floor((inbox.props.w - GAP) / (NOTE + GAP)))
    parentId = inbox.id
    x = GAP + (taken % columns) * (NOTE + GAP)
    y = TOP + Math.floor(taken / columns) * (NOTE + GAP)
  } else {
    const bounds = editor.getPageShapeIds(page).size
      ? editor.getShapesPageBounds([...editor.getPageShapeIds(page)])
      : null
    x = bounds ? bounds.maxX + 2 * GAP : 0
    y = bounds ? bounds.minY : 0
  }
  const id = createShapeId()
  editor.createShape({
    id,
    type: 'note',
    parentId,
    x,
    y,
    props: { richText: toRichText(note.text), color: note.color },
    meta: {
      [CREATED_AT_META_KEY]: new Date().toISOString(),
      ...(note.author ? { [AUTHOR_META_KEY]: note.author } : {}),
    },
  })
  return id
}
