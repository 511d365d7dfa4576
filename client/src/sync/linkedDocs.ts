import * as Y from 'yjs'

/**
 * For tests: two docs that exchange every update directly, as two clients through the relay
 * would (the relay's own rules are tested on the server).
 */
export function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== b && Y.applyUpdate(b, u, a))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== a && Y.applyUpdate(a, u, b))
  return [a, b]
}
