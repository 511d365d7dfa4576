import { CloseCode, EditRefusal } from '@samla/shared'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { textNote } from '../fixtures/records.ts'
import { mapUpdate, messageTypeOf, syncStep1Frame, updateFrame } from '../frames.ts'
import { type Role, RoomHarness } from './roomHarness.ts'
import { seedBoard } from './seedBoards.ts'
import {
  ContentRef,
  deepJsonText,
  item,
  jsonContentBytes,
  rawContent,
  writeUpdate,
} from './updateWriter.ts'

/**
 * Frames that pass decodeClientMessage's validation and then throw inside Room.handleFrame
 * (closed 4400 as 'message failed'), found by bench/fuzzCampaign.ts; each the smallest we
 * found. What a fixed room should do with each: refuse it before anything of it is applied
 * (or apply it without throwing), keep storage equal to what it holds, and keep working.
 */
let harness: RoomHarness | null = null
afterEach(async () => {
  await harness?.dispose()
  harness = null
})

async function room(role: Role = 'editor') {
  harness = await RoomHarness.open({ seed: [seedBoard(role === 'participant')] })
  return harness
}

/** A later, ordinary edit from another connection is stored and reaches a bystander. */
async function stillWorks(h: RoomHarness, role: Role) {
  const received: Uint8Array[] = []
  h.connect(role, (f) => received.push(f))
  const writer = h.connect(role)
  const after = textNote('shape:after', 'page:free', 'efter')
  expect(h.send(writer, updateFrame(mapUpdate('shape:after', after, 'records'))).open).toBe(true)
  await h.settle()
  await new Promise((resolve) => setImmediate(resolve))
  const stored = await h.storedDoc()
  expect(stored.getMap('records').get('shape:after')).toEqual(after)
  expect(received.some((f) => messageTypeOf(f) === 0 && f[1] === 2)).toBe(true)
  expect((await h.storedVersusLive()).detail).toBe('equal')
}

const CLIENT = 4242

describe('items whose parent is their own writer at a clock not yet written', () => {
  // failed before the write gate: TypeError "Cannot read properties of undefined (reading 'id')" in
  // findIndexSS (yjs/src/utils/StructStore.js:125) < find < Item.getMissing (Item.js:405):
  // validateUpdate checks origin and rightOrigin against the writer's own clock, not parent.
  // The frame's first struct was already integrated: it is stored and relayed (half-applied).
  it('is refused before anything of its frame is applied', async () => {
    const h = await room()
    const conn = h.connect('editor')
    const frame = updateFrame(
      writeUpdate([
        item(Y.createID(CLIENT, 0), new Y.ContentAny([{ first: true }]), {
          parent: 'records',
          parentSub: 'shape:first',
        }),
        item(Y.createID(CLIENT, 1), new Y.ContentAny([1]), {
          parent: Y.createID(CLIENT, 1),
          parentSub: 'k',
        }),
      ]),
    )
    const outcome = h.send(conn, frame)
    expect(outcome.handlerError).toBeNull()
    expect(outcome.close?.code).toBe(CloseCode.MalformedMessage)
    expect(h.doc.getMap('records').has('shape:first')).toBe(false)
    await stillWorks(h, 'editor')
  })

  // failed before the write gate: TypeError "Cannot read properties of undefined (reading 'length')"
  // in findIndexSS (StructStore.js:113) < find < Item.getMissing (Item.js:405): the writer
  // has no structs in the room yet. (Frame: 00020e0101050028000500016b017d0100.)
  it('from a client the room has never seen, is refused as malformed', async () => {
    const h = await room()
    const conn = h.connect('editor')
    const outcome = h.send(
      conn,
      updateFrame(
        writeUpdate([
          item(Y.createID(5, 0), new Y.ContentAny([1]), {
            parent: Y.createID(5, 0),
            parentSub: 'k',
          }),
        ]),
      ),
    )
    expect(outcome.handlerError).toBeNull()
    expect(outcome.close?.code).toBe(CloseCode.MalformedMessage)
    await stillWorks(h, 'editor')
  })

  // failed before the write gate: the same throw, from a participant: writePolicy skips structs the
  // room already has ("applying them changes nothing"), but Yjs still resolves their parent.
  it('re-sent at clocks the room has, by a participant, is refused as malformed', async () => {
    const h = await room('participant')
    const conn = h.connect('participant')
    // The seed client (1) wrote clocks 0..n; a copy of its clock 0 claiming parent (1, 10^6).
    const outcome = h.send(
      conn,
      updateFrame(
        writeUpdate([
          item(Y.createID(1, 0), new Y.ContentAny([1]), {
            parent: Y.createID(1, 1_000_000),
            parentSub: 'k',
          }),
        ]),
      ),
    )
    expect(outcome.handlerError).toBeNull()
    expect(outcome.close?.code).toBe(CloseCode.MalformedMessage)
    await stillWorks(h, 'participant')
  })
})

describe('an item overlapping a GC the room holds (its first clocks already known)', () => {
  // failed before the write gate: TypeError "Cannot read properties of undefined (reading 'origin')"
  // in Item.integrate (yjs/src/structs/Item.js:466): with offset > 0 Yjs takes the struct
  // before it as `left`, a GC, whose `right` is undefined. Nothing applied, storage intact.
  // Reachable by participants through the records map (second case).
  for (const role of ['editor', 'participant'] as const) {
    it(`is handled without a handler error (${role})`, async () => {
      const h = await room(role)
      const conn = h.connect(role)
      expect(h.send(conn, updateFrame(writeUpdate([new Y.GC(Y.createID(7, 0), 4)]))).open).toBe(
        true,
      )
      const overlapping =
        role === 'editor'
          ? item(Y.createID(7, 2), new Y.ContentString('abcd'), { parent: 't' })
          : item(Y.createID(7, 2), new Y.ContentAny([1, 2, 3]), {
              parent: 'records',
              parentSub: 'shape:o',
            })
      const outcome = h.send(conn, updateFrame(writeUpdate([overlapping])))
      expect(outcome.handlerError).toBeNull()
      await stillWorks(h, role)
    })
  }
})

describe('values nested deeper than Yjs can encode again', () => {
  const deepJson = (depth: number) =>
    updateFrame(
      writeUpdate([
        item(
          Y.createID(CLIENT, 0),
          rawContent(ContentRef.JSON, jsonContentBytes(deepJsonText(depth, 'array'))),
          { parent: 'records', parentSub: 'shape:deep' },
        ),
      ]),
    )

  // failed before the write gate: RangeError "Maximum call stack size exceeded" in JSON.stringify <
  // ContentJSON.write < writeUpdateMessageFromTransaction < cleanupTransactions: JSON.parse
  // read the value without a depth limit, the item is integrated, then encoding the update
  // event throws. The live doc holds it, storage does not, and Yjs leaves the failed
  // transaction in doc._transactionCleanups: no later transaction emits 'update', so nothing
  // anyone writes is stored or relayed again; the next sync step 1 makes replyToSyncStep1
  // reject unhandled, which ends the process (checked against `node server/src/main.ts`).
  // Also reachable by participants, and as a Y.Text embed (ContentEmbed) or format.
  for (const role of ['editor', 'participant'] as const) {
    it(`a JSON value 10,000 deep is refused; the room keeps storing and relaying (${role})`, async () => {
      const h = await room(role)
      const conn = h.connect(role)
      const outcome = h.send(conn, deepJson(10_000))
      expect(outcome.handlerError).toBeNull()
      expect(outcome.close).toEqual({ code: CloseCode.EditRefused, reason: EditRefusal.TooLarge })
      expect(h.doc.getMap('records').has('shape:deep')).toBe(false)
      const joiner = h.connect(role)
      expect(h.send(joiner, syncStep1Frame(new Y.Doc())).open).toBe(true)
      await stillWorks(h, role)
    })
  }

  // failed before the write gate: the same RangeError, from ContentEmbed.write (writeJSON): a Y.Text
  // embed's value is JSON text too. ContentAny has the same flaw at a depth that depends on
  // the stack (lib0 reads and writes it recursively): the campaign finds it in writeAny
  // (lib0/encoding.js:580) for values of about 7,400 to 8,000 levels under node, not under
  // vitest, so it has no test here; a depth bound on all values covers all three.
  it('a Y.Text embed whose value is 10,000 deep is refused', async () => {
    const h = await room()
    const conn = h.connect('editor')
    const e = encoding.createEncoder()
    encoding.writeVarString(e, deepJsonText(10_000, 'object'))
    const embed = rawContent(ContentRef.Embed, encoding.toUint8Array(e))
    const outcome = h.send(
      conn,
      updateFrame(writeUpdate([item(Y.createID(CLIENT, 0), embed, { parent: 't' })])),
    )
    expect(outcome.handlerError).toBeNull()
    expect(outcome.close).toEqual({ code: CloseCode.EditRefused, reason: EditRefusal.TooLarge })
    await stillWorks(h, 'editor')
  })
})
