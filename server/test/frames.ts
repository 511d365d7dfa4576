import { MessageType } from '@samla/shared'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/** Hand-built protocol frames for tests that speak y-websocket without a provider. */
export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Sync)
  syncProtocol.writeSyncStep1(e, doc)
  return encoding.toUint8Array(e)
}

export function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Sync)
  syncProtocol.writeUpdate(e, update)
  return encoding.toUint8Array(e)
}

export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const awareness = new awarenessProtocol.Awareness(doc)
  awareness.setLocalState(state as Record<string, unknown>)
  const meta = awareness.meta.get(clientId)
  if (meta) meta.clock = clock
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Awareness)
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]))
  awareness.destroy()
  doc.destroy()
  return encoding.toUint8Array(e)
}

export function queryAwarenessFrame(): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.QueryAwareness)
  return encoding.toUint8Array(e)
}

/** A valid update that sets `key` to `value` in a root map (`m` unless named), from a fresh client. */
export function mapUpdate(key: string, value: unknown, map = 'm'): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap(map).set(key, value)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** The message type of a frame the server sent. */
export function messageTypeOf(frame: Uint8Array): number {
  return decoding.readVarUint(decoding.createDecoder(frame))
}

/** Decodes the awareness payload of a server frame into client id → state. */
export function readAwareness(frame: Uint8Array): Map<number, unknown> {
  const d = decoding.createDecoder(frame)
  decoding.readVarUint(d)
  const payload = decoding.readVarUint8Array(d)
  const p = decoding.createDecoder(payload)
  const out = new Map<number, unknown>()
  const n = decoding.readVarUint(p)
  for (let i = 0; i < n; i++) {
    const id = decoding.readVarUint(p)
    decoding.readVarUint(p)
    out.set(id, JSON.parse(decoding.readVarString(p)))
  }
  return out
}

/** Whether a server frame is a sync step 2 (the answer to a step 1). */
export function isSyncStep2(frame: Uint8Array): boolean {
  const d = decoding.createDecoder(frame)
  return (
    decoding.readVarUint(d) === MessageType.Sync && decoding.readVarUint(d) === 1 // step 2
  )
}

/**
 * An update that sets `key` of root map `map` to a ContentJSON value (the content type older
 * Yjs clients wrote, which Yjs still reads): a client id, clock 0, JSON text as given.
 */
export function contentJsonUpdate(key: string, json: string, map = 'm', client = 4242): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1) // one client
  encoding.writeVarUint(e, 1) // one struct
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, 0) // clock
  encoding.writeUint8(e, 0x20 | 2) // has parentSub, content: JSON
  encoding.writeVarUint(e, 1) // parent is a root type, by name
  encoding.writeVarString(e, map)
  encoding.writeVarString(e, key)
  encoding.writeVarUint(e, 1) // one JSON value
  encoding.writeVarString(e, json)
  encoding.writeVarUint(e, 0) // empty delete set
  return encoding.toUint8Array(e)
}
