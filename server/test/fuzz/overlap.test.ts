import { ControlKey } from '@samla/shared'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateFrame } from '../frames.ts'
import { RoomHarness } from './roomHarness.ts'
import { seedBoard } from './seedBoards.ts'
import { item, writeUpdate } from './updateWriter.ts'

/**
 * A struct whose first clocks the room already has (it overlaps the writer's last clock)
 * is integrated by Yjs after that last struct, wherever that one is, while keeping its own
 * parent and key: the live document links it into another map's entry; the update Yjs emits
 * (stored, relayed) carries only an origin, so storage and every client place it after the
 * last struct instead. Found by the campaign's struct mutations (clock-back, gc-then-overlap):
 * accepted frames after which storage differs from the live room, with no error at all.
 * A check before applying: trim the update to the room's state vector
 * (Y.diffUpdate(update, Y.encodeStateVector(doc))) and run writePolicy and applyUpdate on the
 * trimmed update; the trimmed struct then starts after what the room has, with that origin.
 */
let harness: RoomHarness | null = null
afterEach(async () => {
  await harness?.dispose()
  harness = null
})

const FACILITATOR = 50

describe('a struct overlapping what the room already has of its client', () => {
  // failed before the write gate: writePolicy sees a new record 'shape:free' and lets it through;
  // what is stored and relayed is a new value after the facilitator's last struct, the
  // meeting's lockedPhases, which becomes [] for storage and every client: phases unlocked.
  it("cannot let a participant write where another client's last struct is (the meeting's locks)", async () => {
    harness = await RoomHarness.open({ seed: [seedBoard(true)] })
    const h = harness
    const facilitator = new Y.Doc()
    facilitator.clientID = FACILITATOR
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(h.doc))
    const conn = h.connect('facilitator')
    facilitator.on('update', (u: Uint8Array) => h.send(conn, updateFrame(u)))
    facilitator.getMap('meeting').set(ControlKey.lockedPhases, ['page:oppna', 'page:lara'])

    const last = Y.getState(h.doc.store, FACILITATOR) - 1
    const overlapping = item(Y.createID(FACILITATOR, last), new Y.ContentAny(['ignored', []]), {
      parent: 'records',
      parentSub: 'shape:free',
    })
    h.send(h.connect('participant'), updateFrame(writeUpdate([overlapping])))
    const stored = await h.storedDoc()
    expect(stored.getMap('meeting').get(ControlKey.lockedPhases)).toEqual([
      'page:oppna',
      'page:lara',
    ])
    expect((await h.storedVersusLive()).detail).toBe('equal')
  })

  // failed before the write gate: the same through the room's pending structs, which trimming the
  // incoming update does not reach: planted one clock past the facilitator's next one, the
  // struct waits; when the facilitator's next two edits arrive Yjs integrates it overlapping
  // the second (lockedPhases). Storage loses lockedPhases, the facilitator still sees it.
  // A check before applying: refuse structs that start after the room's state for their
  // client (a gap in the writer's own clocks, which no Yjs client sends).
  it("cannot wait in the room's pending structs for another client's next edits", async () => {
    harness = await RoomHarness.open({ seed: [seedBoard(true)] })
    const h = harness
    const facilitator = new Y.Doc()
    facilitator.clientID = FACILITATOR
    Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(h.doc))
    const conn = h.connect('facilitator')
    facilitator.on('update', (u: Uint8Array) => h.send(conn, updateFrame(u)))
    const controls = facilitator.getMap('meeting')
    controls.set(ControlKey.currentPhase, 'page:lara')

    const next = Y.getState(h.doc.store, FACILITATOR)
    const planted = item(Y.createID(FACILITATOR, next + 1), new Y.ContentAny(['a', 'b', []]), {
      parent: 'records',
      parentSub: 'shape:free',
    })
    h.send(h.connect('participant'), updateFrame(writeUpdate([planted])))
    controls.set(ControlKey.currentPhase, 'page:oppna')
    controls.set(ControlKey.lockedPhases, ['page:oppna', 'page:lara'])
    const stored = await h.storedDoc()
    expect(stored.getMap('meeting').get(ControlKey.lockedPhases)).toEqual([
      'page:oppna',
      'page:lara',
    ])
  })

  // failed before the write gate: accepted without error; the live room shows 'shape:y' as
  // [{y: 1}, 2, 3], storage (and clients) as [2, 3] (structs or deletions differ).
  it('leaves storage equal to the live document (editor)', async () => {
    harness = await RoomHarness.open()
    const h = harness
    const conn = h.connect('editor')
    const records = (client: number) => [
      item(Y.createID(client, 0), new Y.ContentAny([{ x: 1 }]), {
        parent: 'm',
        parentSub: 'shape:x',
      }),
      item(Y.createID(client, 1), new Y.ContentAny([{ y: 1 }]), {
        parent: 'm',
        parentSub: 'shape:y',
      }),
    ]
    h.send(conn, updateFrame(writeUpdate(records(9))))
    h.send(
      conn,
      updateFrame(
        writeUpdate([item(Y.createID(9, 1), new Y.ContentAny([1, 2, 3]), { parent: 'a' })]),
      ),
    )
    expect((await h.storedVersusLive()).detail).toBe('equal')
  })
})
