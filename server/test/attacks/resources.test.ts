import { AUTHOR_KEY_PARAM, CloseCode, EditRefusal, newAuthorKey, RECORDS_MAP } from '@samla/shared'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { textNote } from '../fixtures/records.ts'
import { updateFrame } from '../frames.ts'
import { RawClient, startTestServer, type TestServer, waitForDoc } from '../helpers.ts'
import { connectBoard } from '../writeBoard.ts'

/** Attacks on the server's memory and time, from raw sockets against stock providers. */
const servers: TestServer[] = []
const cleanups: Array<() => void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  for (const s of servers.splice(0)) await s.dispose()
})

async function server(env: Record<string, string> = {}) {
  const s = await startTestServer(env)
  servers.push(s)
  return s
}

async function raw(s: TestServer, boardId: string) {
  const client = await RawClient.open(s, boardId, { [AUTHOR_KEY_PARAM]: newAuthorKey() })
  cleanups.push(() => client.ws.terminate())
  return client
}

const closeOf = (client: RawClient) =>
  new Promise<{ code: number; reason: string }>((resolve) =>
    client.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )

/** An update whose structs wait for a first transaction that is never sent. */
function parkedUpdate(bytes: number): Uint8Array {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  doc.getMap('m').set('first', 1)
  doc.getMap('m').set('blob', 'x'.repeat(bytes))
  return updates[1] as Uint8Array
}

describe('attacks on memory', () => {
  it('[7] edits that wait for clocks never sent are bounded per connection and per room, and no joiner is ever sent them', async () => {
    const s = await server({
      SAMLA_MAX_PENDING_BYTES_PER_CONNECTION: String(1024 * 1024),
      SAMLA_MAX_PENDING_BYTES_PER_ROOM: String(3 * 1024 * 1024),
    })
    const { id } = await s.createBoard()
    const honest = connectBoard(s.url, id, null)
    cleanups.push(() => honest.provider.destroy())
    await honest.synced

    // One connection: a 6 MiB parked update is over its own bound at once.
    const greedy = await raw(s, id)
    const greedyClosed = closeOf(greedy)
    greedy.send(updateFrame(parkedUpdate(6 * 1024 * 1024)))
    expect(await greedyClosed).toEqual({ code: CloseCode.EditRefused, reason: EditRefusal.Pending })

    // Many connections: each within its bound, until the room's is reached.
    const outcomes: string[] = []
    for (let i = 0; i < 5; i++) {
      const socket = await raw(s, id)
      socket.send(updateFrame(parkedUpdate(900 * 1024)))
      outcomes.push(await socket.handled())
    }
    expect(outcomes).toEqual(['handled', 'handled', 'handled', 'closed', 'closed'])
    const room = await s.rooms.peek(id)
    expect(room?.heldBytes).toBeLessThanOrEqual(3 * 1024 * 1024)
    // Nothing held is in the document: a joiner's sync carries none of it.
    expect(room?.doc.store.pendingStructs).toBeNull()
    const joiner = connectBoard(s.url, id, null)
    cleanups.push(() => joiner.provider.destroy())
    await joiner.synced
    expect(Y.encodeStateAsUpdate(joiner.doc).byteLength).toBeLessThan(1024)
    // The honest one is unaffected.
    honest.doc.getMap(RECORDS_MAP).set('shape:n', textNote('shape:n', 'page:p', 'hej'))
    await waitForDoc(joiner.doc, () => joiner.doc.getMap(RECORDS_MAP).has('shape:n'))
  })
})
