import { AUTHOR_META_KEY, CREATED_AT_META_KEY } from '@samla/shared'
import type { Editor, JsonObject, Signal, TLShape } from 'tldraw'

/**
 * Stamps a note made on this canvas with when it was made and, unless the meeting is
 * anonymous, by whom (the name this person's cursor carries), as the phone does its notes:
 * the documentation and its exports have nothing else to go on. A note that already says (a
 * copy, a paste) keeps what it says, but never a name in an anonymous meeting.
 */
export function stampNewNotes(editor: Editor, anonymous: Signal<boolean>): () => void {
  return editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || shape.type !== 'note') return shape
    const meta: JsonObject = { ...shape.meta }
    if (typeof meta[CREATED_AT_META_KEY] !== 'string')
      meta[CREATED_AT_META_KEY] = new Date().toISOString()
    const name = editor.user.getName().trim()
    if (anonymous.get()) delete meta[AUTHOR_META_KEY]
    else if (typeof meta[AUTHOR_META_KEY] !== 'string' && name) meta[AUTHOR_META_KEY] = name
    return { ...shape, meta } as TLShape
  })
}
