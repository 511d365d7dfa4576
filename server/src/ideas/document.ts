import {
  type ActorEntry,
  descriptionFromDocument,
  IDEA_ACTORS_MAP,
  IDEA_TEXT_ROOTS,
  type IdeaDescription,
} from '@samla/shared'
import * as Y from 'yjs'

/** The description an idea's Yjs document holds (shared/src/ideaDocument.ts). */
export const descriptionOf = (doc: Y.Doc): IdeaDescription =>
  descriptionFromDocument({
    text: (root) => doc.getText(root).toString(),
    actors: () => doc.getMap(IDEA_ACTORS_MAP).entries(),
  })

/** The first state of an idea's document: what its description held before it had one. */
export function initialState(description: IdeaDescription): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const root of IDEA_TEXT_ROOTS)
      if (description[root]) doc.getText(root).insert(0, description[root])
    const actors = doc.getMap(IDEA_ACTORS_MAP)
    description.aktorer.forEach((actor, index) => {
      actors.set(`a${index}`, { ...actor, order: index } satisfies ActorEntry)
    })
  })
  const state = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return state
}

/** A document's description from what storage holds of it. */
export function descriptionOfState(state: Uint8Array | null, updates: readonly Uint8Array[]) {
  const doc = new Y.Doc()
  try {
    Y.transact(doc, () => {
      if (state) Y.applyUpdate(doc, state)
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    return descriptionOf(doc)
  } finally {
    doc.destroy()
  }
}
