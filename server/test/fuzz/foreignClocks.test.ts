import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { textNote } from '../fixtures/records.ts'
import { updateFrame } from '../frames.ts'
import { type Role, RoomHarness } from './roomHarness.ts'
import { seedBoard } from './seedBoards.ts'
import { item, writeUpdate } from './updateWriter.ts'

/**
 * Found by the campaign's pending and foreign-client classes: the relay takes structs at any
 * client id and any clock, so one connection can write at clocks another live client has not
 * written yet. No error is thrown anywhere, which makes it worse than a handler error.
 */
let harness: RoomHarness | null = null
afterEach(async () => {
  await harness?.dispose()
  harness = null
})

const VICTIM = 101

for (const role of ['editor', 'participant'] as const satisfies Role[]) {
  describe(`another client's future clocks (${role})`, () => {
    // failed before the write gate: the attacker's struct at (victim, 2) waits in the room's pending
    // structs; when the victim's own clock 1 arrives it is integrated, and the victim's own
    // clock 2 (its note v2) is then "already known" and dropped. Nothing is refused or logged;
    // the victim's document and the board differ from then on (its later edits build on an
    // item the room holds with other content). A check before applying: refuse structs that
    // start after the room's state for their client (no Yjs client sends such a gap of its
    // own clocks), so nothing can wait for another client's clocks to arrive.
    it("cannot take the place of that client's next edit", async () => {
      harness = await RoomHarness.open({ seed: [seedBoard(role === 'participant')] })
      const h = harness
      const victim = new Y.Doc()
      victim.clientID = VICTIM
      const conn = h.connect(role)
      victim.on('update', (u: Uint8Array) => h.send(conn, updateFrame(u)))
      const notes = victim.getMap<unknown>('records')
      notes.set('shape:v0', textNote('shape:v0', 'page:free', '0'))

      const attacker = h.connect(role)
      const stolen = item(Y.createID(VICTIM, 2), new Y.ContentAny([{ note: 'Mallory' }]), {
        parent: 'records',
        parentSub: 'shape:mallory',
      })
      h.send(attacker, updateFrame(writeUpdate([stolen])))

      notes.set('shape:v1', textNote('shape:v1', 'page:free', '1'))
      notes.set('shape:v2', textNote('shape:v2', 'page:free', '2'))
      await h.settle()
      const board = h.doc.getMap<unknown>('records')
      expect(board.get('shape:v2')).toEqual(textNote('shape:v2', 'page:free', '2'))
      expect(board.has('shape:mallory')).toBe(false)
      expect((await h.storedDoc()).getMap('records').get('shape:v2')).toEqual(
        textNote('shape:v2', 'page:free', '2'),
      )
    })
  })
}
