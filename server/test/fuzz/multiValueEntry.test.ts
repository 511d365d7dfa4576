import { CloseCode } from '@samla/shared'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateFrame } from '../frames.ts'
import { RoomHarness } from './roomHarness.ts'
import { item, writeUpdate } from './updateWriter.ts'

/**
 * Found by the 10,000-frame campaign once everything else held: a map entry written as one
 * item of several values (a string of three characters under one key). Yjs splits such an
 * item where a later deletion falls, and a later value of the key deletes only the part next
 * to it; replayed from the log, the split comes after, and the whole item is deleted. The
 * live document and its log then differ, with no error anywhere. No Yjs client writes such
 * an entry (Y.Map#set is one value).
 */
let harness: RoomHarness | null = null
afterEach(async () => {
  await harness?.dispose()
  harness = null
})

const X = 7150078

/** A delete-only update: `len` clocks of `client` from `clock`. */
function deletion(client: number, clock: number, len: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0) // no structs
  encoding.writeVarUint(e, 1) // one client in the delete set
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, clock)
  encoding.writeVarUint(e, len)
  return encoding.toUint8Array(e)
}

describe('a map entry holding several values in one item', () => {
  it('is refused, so the log stays what the live document is', async () => {
    harness = await RoomHarness.open()
    const h = harness
    const writer = h.connect('editor')
    const several = item(Y.createID(X, 0), new Y.ContentString('abc'), {
      parent: 'm',
      parentSub: 'k',
    })
    const outcome = h.send(writer, updateFrame(writeUpdate([several])))
    expect(outcome.close?.code).toBe(CloseCode.EditRefused)
    // What would have followed: a deletion inside it, then the key's next value after it.
    const other = h.connect('editor')
    h.send(other, updateFrame(deletion(X, 2, 1)))
    h.send(
      other,
      updateFrame(
        writeUpdate([
          item(Y.createID(X, 3), new Y.ContentString('defg'), { origin: Y.createID(X, 2) }),
        ]),
      ),
    )
    expect(h.doc.getMap('m').has('k')).toBe(false)
    expect((await h.storedVersusLive()).detail).toBe('equal')
  })
})
