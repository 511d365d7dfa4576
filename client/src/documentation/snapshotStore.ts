import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLStore } from 'tldraw'
import * as Y from 'yjs'
import { StoreDocBinding } from '../sync/binding.ts'

/** A tldraw store holding a snapshot's records (its Yjs state), apart from any live board. */
export function storeFromState(state: Uint8Array): TLStore {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
  const binding = new StoreDocBinding(store, doc, () => {})
  const started = binding.start()
  binding.dispose()
  doc.destroy()
  if (!started.ok) throw new Error(started.reason)
  return store
}
