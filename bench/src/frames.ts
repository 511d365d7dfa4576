import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'

/**
 * The two wire dialects: y-websocket's (Samla and @y/websocket-server) and Hocuspocus's,
 * which prefixes every frame with the document name and wants an auth message first.
 */
export type Dialect = 'y-websocket' | 'hocuspocus'

const SYNC = 0
const AWARENESS = 1
const AUTH = 2
const AUTH_TOKEN = 0

function frame(dialect: Dialect, room: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  if (dialect === 'hocuspocus') encoding.writeVarString(e, room)
  write(e)
  return encoding.toUint8Array(e)
}

export const authFrame = (room: string) =>
  frame('hocuspocus', room, (e) => {
    encoding.writeVarUint(e, AUTH)
    encoding.writeVarUint(e, AUTH_TOKEN)
    encoding.writeVarString(e, 'bench')
  })

export const syncStep1Frame = (dialect: Dialect, room: string, doc: Y.Doc) =>
  frame(dialect, room, (e) => {
    encoding.writeVarUint(e, SYNC)
    syncProtocol.writeSyncStep1(e, doc)
  })

/** Sync step 2: what `doc` holds beyond the state vector the other side sent. */
export const syncStep2Frame = (
  dialect: Dialect,
  room: string,
  doc: Y.Doc,
  stateVector: Uint8Array,
) =>
  frame(dialect, room, (e) => {
    encoding.writeVarUint(e, SYNC)
    syncProtocol.writeSyncStep2(e, doc, stateVector)
  })

export const updateFrame = (dialect: Dialect, room: string, update: Uint8Array) =>
  frame(dialect, room, (e) => {
    encoding.writeVarUint(e, SYNC)
    syncProtocol.writeUpdate(e, update)
  })

/** An awareness update for one client, written by hand: cheap enough for thousands per second. */
export const awarenessFrame = (
  dialect: Dialect,
  room: string,
  clientId: number,
  clock: number,
  state: string,
) =>
  frame(dialect, room, (e) => {
    encoding.writeVarUint(e, AWARENESS)
    const inner = encoding.createEncoder()
    encoding.writeVarUint(inner, 1)
    encoding.writeVarUint(inner, clientId)
    encoding.writeVarUint(inner, clock)
    encoding.writeVarString(inner, state)
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner))
  })
