import { MessageType, SyncMessageType } from '@samla/shared'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import type { DecodedUpdate } from '../access/rules/integration.ts'
import type { AwarenessEntry } from './Presence.ts'

/** A frame that is not a well-formed y-websocket message. Nothing of it may be applied. */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError'
}

export type ClientMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; decoded: DecodedUpdate }
  | { type: 'awareness'; entries: AwarenessEntry[] }
  | { type: 'query-awareness' }
  | { type: 'auth' }

/**
 * Decodes and fully validates one frame before anything touches the room's document:
 * Yjs updates and awareness payloads are parsed end to end, so garbage is refused here rather
 * than half-applied later.
 */
export interface DecodeOptions {
  /**
   * Presence states longer than this are dropped here, unread: nobody will be sent them, so
   * they need not be parsed (access/rules/presence.ts judges the rest).
   */
  maxPresenceBytes: number
}

export function decodeClientMessage(
  frame: Uint8Array,
  options: DecodeOptions = { maxPresenceBytes: Number.POSITIVE_INFINITY },
): ClientMessage {
  // A private copy: lib0 reads sub-arrays as views on the underlying ArrayBuffer, and a
  // frame from the socket may be a slice of a larger pooled buffer, where an over-long
  // length would silently read a neighbour's bytes instead of failing.
  const bytes = new Uint8Array(frame)
  try {
    const message = parse(decoding.createDecoder(bytes), bytes.length, options)
    return message
  } catch (err) {
    if (err instanceof MalformedMessageError) throw err
    throw new MalformedMessageError(err instanceof Error ? err.message : 'undecodable frame')
  }
}

function parse(decoder: decoding.Decoder, length: number, options: DecodeOptions): ClientMessage {
  const type = decoding.readVarUint(decoder)
  let message: ClientMessage
  switch (type) {
    case MessageType.Sync: {
      const syncType = decoding.readVarUint(decoder)
      const payload = readPayload(decoder, length)
      if (syncType === SyncMessageType.Step1) {
        Y.decodeStateVector(payload)
        message = { type: 'sync-step-1', stateVector: payload }
      } else if (syncType === SyncMessageType.Step2 || syncType === SyncMessageType.Update) {
        message = { type: 'update', update: payload, decoded: validateUpdate(payload) }
      } else {
        throw new MalformedMessageError(`unknown sync message type ${syncType}`)
      }
      break
    }
    case MessageType.Awareness: {
      const payload = readPayload(decoder, length)
      message = {
        type: 'awareness',
        entries: decodeAwarenessUpdate(payload, options.maxPresenceBytes),
      }
      break
    }
    case MessageType.QueryAwareness:
      message = { type: 'query-awareness' }
      break
    case MessageType.Auth:
      // Clients never need to send auth messages to this server; accept and ignore them.
      return { type: 'auth' }
    default:
      throw new MalformedMessageError(`unknown message type ${type}`)
  }
  if (decoder.pos !== length) throw new MalformedMessageError('trailing bytes after message')
  return message
}

function readPayload(decoder: decoding.Decoder, length: number): Uint8Array {
  const size = decoding.readVarUint(decoder)
  if (size > length - decoder.pos) throw new MalformedMessageError('payload longer than frame')
  return decoding.readUint8Array(decoder, size)
}

/**
 * Parses every struct and the delete set (decodeUpdate throws on what it cannot read), then
 * refuses shapes no Yjs encoder produces. Yjs integrates such updates inconsistently (a replay
 * of what it stored would differ from what it holds), so they must never reach the document.
 */
function validateUpdate(update: Uint8Array): DecodedUpdate {
  const decoded = Y.decodeUpdate(update) as DecodedUpdate
  const { structs, ds } = decoded
  let client = -1
  let nextClock = 0
  for (const struct of structs) {
    const { id, length } = struct
    if (!(length >= 1)) throw new MalformedMessageError('struct of length 0')
    if (id.client === client && id.clock !== nextClock)
      throw new MalformedMessageError('structs not contiguous')
    if (struct instanceof Y.Item) {
      // An item can only be placed relative to operations that came before it (Yjs takes a
      // reference to its own client's clocks on trust, and reads whatever it finds there).
      const parent = struct.parent instanceof Y.ID ? struct.parent : null
      for (const ref of [struct.origin, struct.rightOrigin, parent]) {
        if (ref && ref.client === id.client && ref.clock >= id.clock) {
          throw new MalformedMessageError('item refers to itself or a later item')
        }
      }
      if (!struct.origin && !struct.rightOrigin && struct.parent === null) {
        throw new MalformedMessageError('item without a position')
      }
    }
    client = id.client
    nextClock = id.clock + length
  }
  for (const ranges of ds.clients.values()) {
    for (const range of ranges) {
      if (!(range.len >= 1)) throw new MalformedMessageError('empty delete range')
    }
  }
  return decoded
}

/**
 * Reads every entry; each state must be JSON, since every receiver will JSON.parse it
 * (JSON.parse does not recurse, so even a deeply nested state is safe to check here; its
 * depth is the write gate's to judge). States over the size limit are skipped unparsed.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true })

function decodeAwarenessUpdate(update: Uint8Array, maxStateBytes: number): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  if (count > update.length)
    throw new MalformedMessageError('awareness count larger than the frame')
  const entries: AwarenessEntry[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const bytes = decoding.readVarUint(decoder)
    if (bytes > update.length - decoder.pos)
      throw new MalformedMessageError('awareness entry past end')
    // Too large to be relayed: skipped without even decoding its text.
    if (bytes > maxStateBytes) {
      decoder.pos += bytes
      continue
    }
    const state = utf8.decode(decoding.readUint8Array(decoder, bytes))
    JSON.parse(state)
    entries.push({ clientId, clock, state })
  }
  if (decoder.pos !== update.length) {
    throw new MalformedMessageError('trailing bytes in awareness update')
  }
  return entries
}
