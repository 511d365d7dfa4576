import * as Y from 'yjs'

/**
 * Merges a stored state and its log into one state. Applying to a scratch document (rather
 * than Y.mergeUpdates) lets Yjs garbage-collect deleted content, so the result is as small
 * as the document really is, and leaves out what never integrated.
 */
export function mergeDocument(
  state: Uint8Array | null,
  updates: readonly Uint8Array[],
): Uint8Array {
  const doc = new Y.Doc()
  try {
    Y.transact(doc, () => {
      if (state) Y.applyUpdate(doc, state)
      for (const update of updates) Y.applyUpdate(doc, update)
    })
    // Structs that never integrated (a log written before the write gate held them back)
    // would be carried along for ever and integrate, unjudged, once their clocks arrived.
    doc.store.pendingStructs = null
    doc.store.pendingDs = null
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
