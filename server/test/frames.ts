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
