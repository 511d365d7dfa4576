import { MessageType } from '@samla/shared'
import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { BYTE_DAMAGE, damageBytes } from './byteDamage.ts'
import {
  awarenessFrame,
  messageTypeOf,
  queryAwarenessFrame,
  syncStep1Frame,
  updateFrame,
} from './frames.ts'
import {
  closeCodeOf,
  connectClient,
  RawClient,
  startTestServer,
  type TestServer,
  waitForDoc,
} from './helpers.ts'

const FRAMES = 2500
const SEED = 20261122

/** Valid frames of every kind the protocol has, built from small random documents. */
const validFrame: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .record({ key: fc.string({ maxLength: 8 }), value: fc.jsonValue({ maxDepth: 2 }) })
    .map(({ key, value }) => {
      const doc = new Y.Doc()
      doc.getMap('m').set(key, value)
      return updateFrame(Y.encodeStateAsUpdate(doc))
    }),
  fc.tuple(fc.string({ maxLength: 30 }), fc.nat(30), fc.nat(10)).map(([text, at, del]) => {
    const doc = new Y.Doc()
    const t = doc.getText('t')
    t.insert(0, text)
    t.delete(Math.min(at, t.length), Math.min(del, Math.max(0, t.length - at)))
    return updateFrame(Y.encodeStateAsUpdate(doc))
  }),
  fc.array(fc.integer(), { maxLength: 10 }).map((items) => {
    const doc = new Y.Doc()
    doc.getArray('a').insert(0, items)
    if (items.length > 2) doc.getArray('a').delete(1, 1)
    return updateFrame(Y.encodeStateAsUpdate(doc))
  }),
  fc.constant(0).map(() => syncStep1Frame(new Y.Doc())),
  fc
    .record({ id: fc.nat(), clock: fc.nat(), name: fc.string({ maxLength: 10 }) })
    .map(({ id, clock, name }) => awarenessFrame(id, clock, { user: { name } })),
  fc.constant(queryAwarenessFrame()),
)

/** Valid frames damaged the ways a broken client or a hostile one would damage them. */
const mutatedFrame: fc.Arbitrary<Uint8Array> = fc
  .tuple(validFrame, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom(...BYTE_DAMAGE))
  .map(([frame, at, byte, how]) => damageBytes(frame, how, at, byte))

/** Random protocol-shaped frames: a real message type with a random payload. */
const shapedFrame: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.integer({ min: 0, max: 4 }),
    fc.integer({ min: 0, max: 3 }),
    fc.uint8Array({ maxLength: 64 }),
  )
  .map(([type, sub, payload]) => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, type)
    if (type === MessageType.Sync) encoding.writeVarUint(e, sub)
    encoding.writeVarUint8Array(e, payload)
    return encoding.toUint8Array(e)
  })

const anyFrame = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 128 }) },
  { weight: 3, arbitrary: shapedFrame },
  { weight: 5, arbitrary: mutatedFrame },
  { weight: 1, arbitrary: validFrame },
)

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.dispose()
})

describe('fuzzing the relay', () => {
  it(`stays up and keeps stored and live documents identical through ${FRAMES} random and mutated frames`, async () => {
    const { id } = await server.createBoard()
    const a = connectClient(server, id)
    const b = connectClient(server, id)
    await Promise.all([a.synced, b.synced])
    // A known presence makes every query-awareness frame answerable: our "processed" signal.
    a.provider.awareness.setLocalStateField('user', { name: 'Legit' })
    for (let i = 0; i < 20; i++) a.doc.getMap('legit').set(`k${i}`, i)
    await waitForDoc(b.doc, () => b.doc.getMap('legit').size === 20)

    const frames = fc.sample(anyFrame, { numRuns: FRAMES, seed: SEED })
    let raw = await RawClient.open(server, id)
    let closes = 0
    for (const frame of frames) {
      const from = raw.frames.length
      const closed = closeCodeOf(raw.ws)
      raw.send(frame)
      raw.send(queryAwarenessFrame())
      const answered = raw
        .next((f) => messageTypeOf(f) === MessageType.Awareness, from)
        .then(() => 'answered' as const)
      const outcome = await Promise.race([answered, closed.then(() => 'closed' as const)])
      if (outcome === 'closed') {
        closes++
        raw = await RawClient.open(server, id)
      }
    }
    raw.ws.terminate()

    // Most damaged frames are refused; the server is still serving.
    expect(closes).toBeGreaterThan(FRAMES / 4)
    const health = await fetch(`${server.url}/api/health`)
    expect(health.status).toBe(200)

    // The bystanders never dropped and still converge on new edits.
    a.doc.getMap('legit').set('after', 'fuzz')
    await waitForDoc(b.doc, () => b.doc.getMap('legit').get('after') === 'fuzz')
    expect(b.doc.getMap('legit').toJSON()).toMatchObject(
      Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i])),
    )

    // What is stored is exactly what is live: reload from SQLite and compare snapshots.
    const room = await server.rooms.peek(id)
    if (!room) throw new Error('room not loaded')
    await room.settle()
    const stored = await server.storage.loadDocument(id)
    const reloaded = new Y.Doc()
    if (stored.state) Y.applyUpdate(reloaded, stored.state)
    for (const u of stored.updates) Y.applyUpdate(reloaded, u)
    expect(Y.equalSnapshots(Y.snapshot(reloaded), Y.snapshot(room.doc))).toBe(true)
    expect(reloaded.getMap('legit').toJSON()).toEqual(room.doc.getMap('legit').toJSON())

    // A late joiner can still load the board.
    const late = connectClient(server, id)
    await late.synced
    expect(late.doc.getMap('legit').get('after')).toBe('fuzz')
    for (const c of [a, b, late]) c.destroy()
  }, 120_000)
})
