import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { BoardMessage } from '../rooms/bus.ts'

const UPDATES = 1
const PRESENCE = 2

/**
 * Board messages as bytes on a Redis channel: updates stay binary (no base64 in JSON), and
 * presence states stay the JSON text the client sent.
 */
export function encodeBoardMessage(message: BoardMessage): Uint8Array {
  const e = encoding.createEncoder()
  if (message.kind === 'updates') {
    encoding.writeVarUint(e, UPDATES)
    encoding.writeVarString(e, message.from)
    encoding.writeVarUint(e, message.firstSeq)
    encoding.writeVarUint(e, message.updates.length)
    for (const update of message.updates) encoding.writeVarUint8Array(e, update)
    encoding.writeVarUint(e, message.claims.length)
    for (const claim of message.claims) {
      encoding.writeVarUint(e, claim.clientId)
      encoding.writeVarString(e, claim.author)
    }
  } else {
    encoding.writeVarUint(e, PRESENCE)
    encoding.writeVarString(e, message.from)
    encoding.writeVarUint(e, message.states.length)
    for (const { identity, entries } of message.states) {
      encoding.writeVarString(e, identity)
      encoding.writeVarUint(e, entries.length)
      for (const entry of entries) {
        encoding.writeVarUint(e, entry.clientId)
        encoding.writeVarUint(e, entry.clock)
        encoding.writeVarString(e, entry.state)
      }
    }
  }
  return encoding.toUint8Array(e)
}

/** Throws on bytes that are not a board message (only instances write to these channels). */
export function decodeBoardMessage(bytes: Uint8Array): BoardMessage {
  const d = decoding.createDecoder(bytes)
  const kind = decoding.readVarUint(d)
  const from = decoding.readVarString(d)
  if (kind === UPDATES) {
    const firstSeq = decoding.readVarUint(d)
    const updates = Array.from({ length: decoding.readVarUint(d) }, () =>
      decoding.readVarUint8Array(d),
    )
    const claims = Array.from({ length: decoding.readVarUint(d) }, () => ({
      clientId: decoding.readVarUint(d),
      author: decoding.readVarString(d),
    }))
    return { kind: 'updates', from, firstSeq, updates, claims }
  }
  if (kind === PRESENCE) {
    const states = Array.from({ length: decoding.readVarUint(d) }, () => ({
      identity: decoding.readVarString(d),
      entries: Array.from({ length: decoding.readVarUint(d) }, () => ({
        clientId: decoding.readVarUint(d),
        clock: decoding.readVarUint(d),
        state: decoding.readVarString(d),
      })),
    }))
    return { kind: 'presence', from, states }
  }
  throw new Error(`unknown board message kind ${kind}`)
}
