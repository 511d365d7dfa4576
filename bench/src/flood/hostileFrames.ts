import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { updateFrame } from '../frames.ts'

/**
 * Frames a hostile client sends. All are well-formed y-websocket messages that a relay's
 * decoder accepts: what they attack is what comes after decoding (memory, recursion, CPU).
 */

const AWARENESS = 1
/** Yjs's content type numbers (structs/Item.js: contentRefs) and item info bits. */
const CONTENT_JSON = 2
const CONTENT_ANY = 8
const HAS_PARENT_SUB = 0b0010_0000
/** lib0's type tag for an array in writeAny. */
const ANY_ARRAY = 117

export const updateMessage = (update: Uint8Array) => updateFrame('y-websocket', '', update)

/**
 * An awareness message from state bytes that are already UTF-8 encoded, so that an 8 MiB
 * state can be resent with a new clock without encoding the string again.
 */
export function awarenessMessage(
  entries: ReadonlyArray<{ clientId: number; clock: number; state: Uint8Array }>,
): Uint8Array {
  const inner = encoding.createEncoder()
  encoding.writeVarUint(inner, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarUint8Array(inner, state)
  }
  const outer = encoding.createEncoder()
  encoding.writeVarUint(outer, AWARENESS)
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner))
  return encoding.toUint8Array(outer)
}

/** A JSON object of about `bytes` bytes: a state a provider would accept. */
export const paddedState = (bytes: number) =>
  new TextEncoder().encode(`{"pad":"${'x'.repeat(Math.max(0, bytes - 10))}"}`)

/** `[[[…]]]`, written as text: JSON.stringify would recurse as deep as the value. */
export const deepArrayJson = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

/** One message announcing `count` awareness client ids, each with the state `{}`. */
export function manyIdsMessage(count: number, firstId: number): Uint8Array {
  const state = new TextEncoder().encode('{}')
  const entries = Array.from({ length: count }, (_, i) => ({
    clientId: firstId + i,
    clock: 1,
    state,
  }))
  return awarenessMessage(entries)
}

const randomClient = () => 1 + Math.floor(Math.random() * 2 ** 30)

/**
 * An update whose only struct starts at clock 1 of a fresh client: clock 0 (the first
 * transaction) is never sent, so a Yjs document can only hold it as pending, forever.
 */
export function pendingUpdate(map: string, key: string, bytes: number): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = randomClient()
  doc.getMap(map).set('seed', 0)
  const afterFirst = Y.encodeStateVector(doc)
  doc.getMap(map).set(key, 'b'.repeat(bytes))
  const update = Y.encodeStateAsUpdate(doc, afterFirst)
  doc.destroy()
  return update
}

/**
 * Ordinary updates of one client, each writing a string of about `bytes` bytes under a new
 * key: one document, so they build on each other as a real client's do (and pass the relay's
 * rule that a connection writes under its own client id only).
 */
export function bigUpdates(map: string): (key: string, bytes: number) => Uint8Array {
  const doc = new Y.Doc()
  return (key, bytes) => {
    const before = Y.encodeStateVector(doc)
    doc.getMap(map).set(key, 'u'.repeat(bytes))
    return Y.encodeStateAsUpdate(doc, before)
  }
}

/**
 * A Yjs v1 update holding one map entry `map[key]` whose content is written by `content`.
 * Hand-encoded because Yjs would recurse to encode the deep values below (and never writes
 * ContentJSON at all any more); checkHandEncoding() compares it with Yjs's own output.
 */
function singleEntryUpdate(
  client: number,
  map: string,
  key: string,
  contentRef: number,
  content: (e: encoding.Encoder) => void,
): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1) // clients
  encoding.writeVarUint(e, 1) // structs of this client
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, 0) // first clock
  encoding.writeUint8(e, contentRef | HAS_PARENT_SUB) // no origins: placed by parent and key
  encoding.writeVarUint(e, 1) // the parent is a root type, named
  encoding.writeVarString(e, map)
  encoding.writeVarString(e, key)
  content(e)
  encoding.writeVarUint(e, 0) // empty delete set
  return encoding.toUint8Array(e)
}

/** A map value that is an array nested `depth` deep, as ContentAny (what Y.Map#set writes). */
export const deepAnyUpdate = (map: string, key: string, depth: number, client = randomClient()) =>
  singleEntryUpdate(client, map, key, CONTENT_ANY, (e) => {
    encoding.writeVarUint(e, 1) // one value
    // `depth` arrays: each holds the next, the innermost is empty.
    for (let i = 1; i < depth; i++) {
      encoding.writeUint8(e, ANY_ARRAY)
      encoding.writeVarUint(e, 1)
    }
    encoding.writeUint8(e, ANY_ARRAY)
    encoding.writeVarUint(e, 0)
  })

/**
 * The same as ContentJSON, the legacy content type Yjs still reads: decoding runs JSON.parse
 * on it, and encoding it again (a sync, a compaction) runs JSON.stringify.
 */
export const deepContentJsonUpdate = (
  map: string,
  key: string,
  depth: number,
  client = randomClient(),
) =>
  singleEntryUpdate(client, map, key, CONTENT_JSON, (e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarString(e, deepArrayJson(depth))
  })

/** Throws unless the hand encodings above are what Yjs writes and reads (at depth 4). */
export function checkHandEncoding(): void {
  const client = 12345
  const doc = new Y.Doc()
  doc.clientID = client
  doc.getMap('m').set('k', [[[[]]]])
  const expected = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  const actual = deepAnyUpdate('m', 'k', 4, client)
  if (Buffer.compare(Buffer.from(expected), Buffer.from(actual)) !== 0)
    throw new Error('deepAnyUpdate does not match Yjs encoding')
  const { structs } = Y.decodeUpdate(deepContentJsonUpdate('m', 'k', 4, client))
  const item = structs[0]
  if (!(item instanceof Y.Item) || !(item.content instanceof Y.ContentJSON))
    throw new Error('deepContentJsonUpdate does not decode as ContentJSON')
  if (JSON.stringify(item.content.getContent()[0]) !== '[[[[]]]]')
    throw new Error('deepContentJsonUpdate decodes to the wrong value')
}
