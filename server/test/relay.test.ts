import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  connectClient,
  startTestServer,
  type TestClient,
  type TestServer,
  waitForDoc,
  waitForEvent,
} from './helpers.ts'

let server: TestServer
const clients: TestClient[] = []
const client = (boardId: string) => {
  const c = connectClient(server, boardId)
  clients.push(c)
  return c
}

beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.dispose()
})

describe('relay with stock y-websocket providers', () => {
  it('converges two providers editing concurrently', async () => {
    const { id } = await server.createBoard()
    const a = client(id)
    const b = client(id)
    await Promise.all([a.synced, b.synced])

    // Both edit before either has seen the other's change.
    a.doc.transact(() => {
      for (let i = 0; i < 50; i++) a.doc.getMap('shapes').set(`a${i}`, { x: i })
      a.doc.getArray('order').insert(0, ['from-a'])
    })
    b.doc.transact(() => {
      for (let i = 0; i < 50; i++) b.doc.getMap('shapes').set(`b${i}`, { x: i })
      b.doc.getArray('order').insert(0, ['from-b'])
      b.doc.getMap('shapes').set('shared', 'b')
    })
    a.doc.getMap('shapes').set('shared', 'a')

    const full = (doc: Y.Doc) =>
      doc.getMap('shapes').size === 101 && doc.getArray('order').length === 2
    await Promise.all([waitForDoc(a.doc, () => full(a.doc)), waitForDoc(b.doc, () => full(b.doc))])
    expect(a.doc.getMap('shapes').toJSON()).toEqual(b.doc.getMap('shapes').toJSON())
    expect(a.doc.getArray('order').toJSON()).toEqual(b.doc.getArray('order').toJSON())
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
  })

  it('gives a late joiner the whole document', async () => {
    const { id } = await server.createBoard()
    const a = client(id)
    await a.synced
    const text = a.doc.getText('notes')
    for (let i = 0; i < 200; i++) text.insert(text.length, `line ${i}\n`)
    a.doc.getMap('shapes').set('note', { text: 'Vad kan du göra redan i morgon?' })
    // The room has relayed (and therefore persisted) everything once the server's copy has it.
    const room = await server.rooms.peek(id)
    await room?.persisted()

    const late = client(id)
    await late.synced
    expect(late.doc.getText('notes').toString()).toBe(text.toString())
    expect(late.doc.getMap('shapes').get('note')).toEqual({
      text: 'Vad kan du göra redan i morgon?',
    })
  })

  it('shows awareness to others and removes it when a client leaves', async () => {
    const { id } = await server.createBoard()
    const a = client(id)
    const b = client(id)
    await Promise.all([a.synced, b.synced])

    const seen = waitForEvent(b.provider.awareness, 'change', () =>
      b.provider.awareness.getStates().has(a.doc.clientID),
    )
    a.provider.awareness.setLocalStateField('user', { name: 'Astrid', color: '#e03131' })
    await seen
    expect(b.provider.awareness.getStates().get(a.doc.clientID)).toMatchObject({
      user: { name: 'Astrid' },
    })

    // A closes its socket without saying goodbye: the server removes A's entry for everyone.
    const gone = waitForEvent(
      b.provider.awareness,
      'change',
      () => !b.provider.awareness.getStates().has(a.doc.clientID),
    )
    // Cut A's TCP connection without a close handshake or an awareness goodbye, and keep it
    // from reconnecting: only the server can tell B that A is gone.
    a.provider.shouldConnect = false
    ;(a.provider.ws as unknown as import('ws').WebSocket).terminate()
    await gone
    expect(b.provider.awareness.getStates().has(a.doc.clientID)).toBe(false)
  })

  it('shares one load between two joins and unloads after the last client leaves', async () => {
    const { id } = await server.createBoard()
    const loaded: string[] = []
    server.rooms.on('loaded', (room) => loaded.push(room))
    const a = client(id)
    const b = client(id)
    await Promise.all([a.synced, b.synced])
    expect(loaded).toEqual([id])
    a.doc.getMap('m').set('k', 'v')
    await waitForDoc(b.doc, () => b.doc.getMap('m').get('k') === 'v')

    const unloaded = waitForEvent(server.rooms, 'unloaded', (room) => room === id)
    a.destroy()
    b.destroy()
    clients.splice(0)
    await unloaded
    expect(server.rooms.isLoaded(id)).toBe(false)

    // The next join loads from SQLite and finds everything.
    const c = client(id)
    await c.synced
    expect(c.doc.getMap('m').get('k')).toBe('v')
  })
})
