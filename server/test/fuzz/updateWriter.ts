/**
 * Writing Yjs updates (v1) and awareness payloads by hand, for the fuzzers: from structs that
 * no Yjs document would produce (a parent at a future clock, a GC where an item was), and from
 * values too deep for lib0's recursive writer to encode without overflowing the stack.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

export type Struct = Y.Item | Y.GC | Y.Skip
/** Item content (Yjs does not export AbstractContent's type). */
export type Content = Y.Item['content']

export interface DeleteRange {
  client: number
  clock: number
  len: number
}

/**
 * A v1 update of `structs` in the order given. Consecutive structs of one client with
 * consecutive clocks share a group (the format gives each group one start clock); anything
 * else starts a new group, which lets a fuzzer write one client twice or out of order.
 */
export function writeUpdate(structs: readonly Struct[], deletes: readonly DeleteRange[] = []) {
  const groups: Struct[][] = []
  for (const struct of structs) {
    const group = groups.at(-1)
    const prev = group?.at(-1)
    if (
      group &&
      prev &&
      prev.id.client === struct.id.client &&
      prev.id.clock + prev.length === struct.id.clock
    )
      group.push(struct)
    else groups.push([struct])
  }
  const encoder = new Y.UpdateEncoderV1()
  encoding.writeVarUint(encoder.restEncoder, groups.length)
  for (const group of groups) {
    const first = group[0] as Struct
    encoding.writeVarUint(encoder.restEncoder, group.length)
    encoder.writeClient(first.id.client)
    encoding.writeVarUint(encoder.restEncoder, first.id.clock)
    for (const struct of group) struct.write(encoder, 0)
  }
  writeDeletes(encoder.restEncoder, deletes)
  return encoder.toUint8Array()
}

function writeDeletes(e: encoding.Encoder, deletes: readonly DeleteRange[]): void {
  const byClient = new Map<number, DeleteRange[]>()
  for (const d of deletes) {
    const list = byClient.get(d.client) ?? []
    list.push(d)
    byClient.set(d.client, list)
  }
  encoding.writeVarUint(e, byClient.size)
  for (const [client, ranges] of byClient) {
    encoding.writeVarUint(e, client)
    encoding.writeVarUint(e, ranges.length)
    for (const { clock, len } of ranges) {
      encoding.writeVarUint(e, clock)
      encoding.writeVarUint(e, len)
    }
  }
}

/** Where an item goes when it has no neighbours: a root type by name, or a nested type's item. */
export type Parent = string | Y.ID

/** An item as the decoder would build it (parent a root name or an ID, not a type). */
export function item(
  id: Y.ID,
  content: Content,
  place: {
    origin?: Y.ID | null
    rightOrigin?: Y.ID | null
    parent?: Parent | null
    parentSub?: string | null
  },
): Y.Item {
  // Item's typings want a type for `parent`; decoded items hold a root name or an ID there,
  // and Item.write encodes exactly those.
  const parent = (place.parent ?? null) as unknown as Y.AbstractType<unknown> | null
  return new Y.Item(
    id,
    null,
    place.origin ?? null,
    null,
    place.rightOrigin ?? null,
    parent,
    place.parentSub ?? null,
    content,
  )
}

/**
 * Content whose bytes are given as they go on the wire (after the item's header), for values
 * lib0 or JSON.stringify cannot encode: Item.write only asks content for its ref and bytes.
 */
export function rawContent(ref: number, bytes: Uint8Array, length = 1): Content {
  const content = {
    getRef: () => ref,
    getLength: () => length,
    isCountable: () => ref !== ContentRef.Deleted,
    write: (encoder: Y.UpdateEncoderV1) => encoding.writeUint8Array(encoder.restEncoder, bytes),
  }
  return content as unknown as Content
}

/** Content refs of the v1 format (yjs/src/structs/Item.js contentRefs). */
export const ContentRef = { Deleted: 1, JSON: 2, Binary: 3, String: 4, Embed: 5, Any: 8 } as const

// lib0 `writeAny` type tags.
const ANY_UNDEFINED = 127
const ANY_INTEGER = 125
const ANY_STRING = 119
const ANY_OBJECT = 118
const ANY_ARRAY = 117

/** A value nested `depth` deep, as lib0 `writeAny` bytes, written without recursion. */
export function deepAnyBytes(depth: number, container: 'array' | 'object'): Uint8Array {
  const e = encoding.createEncoder()
  for (let i = 0; i < depth; i++) {
    encoding.writeUint8(e, container === 'array' ? ANY_ARRAY : ANY_OBJECT)
    encoding.writeVarUint(e, 1)
    if (container === 'object') encoding.writeVarString(e, 'a')
  }
  encoding.writeUint8(e, ANY_INTEGER)
  encoding.writeVarInt(e, 1)
  return encoding.toUint8Array(e)
}

/** JSON text nested `depth` deep. */
export function deepJsonText(depth: number, container: 'array' | 'object'): string {
  return container === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
}

/**
 * lib0 `writeAny` of a shallow JSON value in which the string `marker`, wherever it appears
 * as a value, is replaced by the raw bytes `raw` (a deep value encoded by deepAnyBytes).
 */
export function writeAnyWithRaw(
  e: encoding.Encoder,
  value: unknown,
  marker: string,
  raw: Uint8Array,
) {
  if (value === marker) return encoding.writeUint8Array(e, raw)
  if (Array.isArray(value)) {
    encoding.writeUint8(e, ANY_ARRAY)
    encoding.writeVarUint(e, value.length)
    for (const v of value) writeAnyWithRaw(e, v, marker, raw)
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    encoding.writeUint8(e, ANY_OBJECT)
    encoding.writeVarUint(e, entries.length)
    for (const [k, v] of entries) {
      encoding.writeVarString(e, k)
      writeAnyWithRaw(e, v, marker, raw)
    }
  } else if (value === undefined) {
    encoding.writeUint8(e, ANY_UNDEFINED)
  } else if (typeof value === 'string') {
    encoding.writeUint8(e, ANY_STRING)
    encoding.writeVarString(e, value)
  } else {
    encoding.writeAny(e, value as number | boolean | null)
  }
}

/** ContentAny bytes for one value (count, then the value), with an optional raw deep part. */
export function anyContentBytes(value: unknown, deep?: { marker: string; raw: Uint8Array }) {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  writeAnyWithRaw(e, value, deep?.marker ?? '\u0000none', deep?.raw ?? new Uint8Array())
  return encoding.toUint8Array(e)
}

/** ContentJSON bytes for one value given as JSON text. */
export function jsonContentBytes(text: string): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarString(e, text)
  return encoding.toUint8Array(e)
}

export interface AwarenessWireEntry {
  clientId: number
  clock: number
  /** JSON text, as it travels. */
  state: string
}

/** The payload of an awareness message (the frame wraps it with its type and length). */
export function writeAwareness(entries: readonly AwarenessWireEntry[]): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(e, clientId)
    encoding.writeVarUint(e, clock)
    encoding.writeVarString(e, state)
  }
  return encoding.toUint8Array(e)
}
