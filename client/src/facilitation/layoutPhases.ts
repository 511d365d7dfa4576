import { LAYOUT_LOCK_META_KEY } from '@samla/shared'
import {
  createShapeId,
  type Editor,
  PageRecordType,
  type TLPageId,
  type TLShapeId,
  type TLShapePartial,
  toRichText,
} from 'tldraw'
import type * as Y from 'yjs'
import type { ControlActions } from '../meeting/controls.ts'
import { fitPhase } from './fitIfFresh.ts'
import {
  addedFrameShapeId,
  BLANK_PHASE_NAME,
  DEFAULT_PHASES,
  frameShapeId,
  type PhaseTemplate,
  phasePageId,
  TEMPLATES_VERSION,
  type TemplateFrame,
} from './templates.ts'

/** The hint text inside a template frame. */
const hintShapeId = (frameId: TLShapeId) => createShapeId(`${frameId.slice('shape:'.length)}-hint`)

/**
 * The frames of a phase's template, with a hint text inside each, on page `pageId`. The frames
 * are locked for participants by their mark; the hints, which have none, by the lock flag.
 * Ids are the default phases' fixed ones unless `idOf` says otherwise (a phase added later).
 */
export function templateShapes(
  phase: PhaseTemplate,
  pageId: TLPageId,
  idOf: (frame: TemplateFrame) => string = (frame) => frameShapeId(phase, frame),
): TLShapePartial[] {
  return phase.frames.flatMap((frame): TLShapePartial[] => {
    const id = idOf(frame) as TLShapeId
    return [
      {
        id,
        type: 'frame',
        parentId: pageId,
        x: frame.x,
        y: frame.y,
        meta: { samla: frame.mark },
        props: { w: frame.w, h: frame.h, name: frame.name },
      },
      {
        id: hintShapeId(id),
        type: 'text',
        parentId: id,
        meta: { [LAYOUT_LOCK_META_KEY]: true },
        x: 24,
        y: 20,
        props: {
          richText: toRichText(frame.hint),
          autoSize: false,
          w: frame.w - 48,
          size: 's',
          color: 'grey',
          font: 'sans',
          textAlign: 'start',
        },
      },
    ]
  })
}

/**
 * Lays out the default phases on a meeting's new board: the first page becomes the first
 * phase (a board always has one page), the others are added after it, each with its frames.
 * Ids are fixed, so two facilitator windows doing this at once write the same records.
 * Then, in one transaction, the controls say it is done and where everyone starts.
 */
export function layoutPhases(editor: Editor, actions: ControlActions, doc: Y.Doc): void {
  const [first] = editor.getPages()
  if (!first) return
  editor.run(
    () => {
      DEFAULT_PHASES.forEach((phase, i) => {
        const pageId = i === 0 ? first.id : (phasePageId(phase) as TLPageId)
        if (i === 0) editor.renamePage(first.id, phase.name)
        else if (!editor.getPage(pageId)) editor.createPage({ id: pageId, name: phase.name })
        const shapes = templateShapes(phase, pageId).filter((shape) => !editor.getShape(shape.id))
        editor.createShapes(shapes)
      })
    },
    // Laying out is not an edit the facilitator should undo by accident.
    { history: 'ignore' },
  )
  editor.setCurrentPage(first.id)
  fitPhase(editor)
  doc.transact(() => {
    actions.setTemplatesVersion(TEMPLATES_VERSION)
    actions.setCurrentPhase(first.id)
  })
}

/**
 * Adds a phase after the last one, laid out from `template` as the default phases are (its
 * questions and Inkorg, locked for participants), or blank without one; returns its page. A
 * name already taken gets a number ("Lära 2"), so the phase list tells them apart.
 */
export function addPhase(editor: Editor, template: PhaseTemplate | null): TLPageId {
  const pageId = PageRecordType.createId()
  const base = template?.name ?? BLANK_PHASE_NAME
  const taken = new Set(editor.getPages().map((page) => page.name))
  let name = base
  for (let n = 2; taken.has(name); n++) name = `${base} ${n}`
  editor.run(() => {
    editor.createPage({ id: pageId, name })
    if (template)
      editor.createShapes(
        templateShapes(template, pageId, (frame) => addedFrameShapeId(pageId, frame)),
      )
  })
  return pageId
}

/**
 * Locks the hint texts of a board laid out before hints carried the lock flag, so that they
 * are part of the layout there too. A hint the facilitator has since unlocked (or moved out
 * of its frame) is left as it is.
 */
export function lockTemplateHints(editor: Editor): void {
  const hints = DEFAULT_PHASES.flatMap((phase) =>
    phase.frames.flatMap((frame) => {
      const frameId = frameShapeId(phase, frame) as TLShapeId
      const hint = editor.getShape(hintShapeId(frameId))
      return hint && hint.parentId === frameId && !(LAYOUT_LOCK_META_KEY in hint.meta) ? [hint] : []
    }),
  )
  if (hints.length === 0) return
  editor.run(
    () =>
      editor.updateShapes(
        hints.map(({ id, type }) => ({ id, type, meta: { [LAYOUT_LOCK_META_KEY]: true } })),
      ),
    { history: 'ignore', ignoreShapeLock: true },
  )
}
