import type { Editor } from 'tldraw'

const key = (boardId: string) => `samla.myNotes.${boardId}`

/**
 * The notes this browser wrote on a board (on its canvas or in its list), kept in its own
 * storage: the list view offers to edit and delete these. There are no accounts; on the
 * canvas anyone may move anyone's note, and the server's rules are the same for both views.
 */
export function readOwnNotes(boardId: string): Set<string> {
  try {
    const ids: unknown = JSON.parse(localStorage.getItem(key(boardId)) ?? '[]')
    return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : [])
  } catch {
    return new Set()
  }
}

function keep(boardId: string, ids: Set<string>) {
  try {
    localStorage.setItem(key(boardId), JSON.stringify([...ids].slice(-500)))
  } catch {
    // Known for this page only.
  }
}

/** Remembers every note this page creates; calls `changed` with the new set. */
export function trackOwnNotes(
  editor: Editor,
  boardId: string,
  changed: (ids: Set<string>) => void,
): () => void {
  return editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || shape.type !== 'note') return
    const ids = readOwnNotes(boardId)
    ids.add(shape.id)
    keep(boardId, ids)
    changed(ids)
  })
}
