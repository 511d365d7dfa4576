import { CloseCode, EditRefusal, LAYOUT_LOCK_META_KEY, RECORDS_MAP, ShapeMark } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { closeOf, useAttackFixture } from './attacks/fixture.ts'
import { frame, textNote } from './fixtures/records.ts'
import { updateFrame } from './frames.ts'
import { storedDoc, type TestServer, waitForDoc } from './helpers.ts'
import { createMeeting, layOutPhases } from './meeting.ts'

/**
 * The layout of a meeting's board (its question frames, its Inkorg, whatever the facilitator
 * locked) against participants, enforced by the server: a hostile client holding the
 * participant link sends crafted updates over a raw socket, and the facilitator's stock
 * provider shows what stands afterwards.
 */
const { server, stock, raw } = useAttackFixture()

type Records = Y.Map<unknown>

/** A laid-out meeting with two question frames and an Inkorg, seen by its facilitator and a participant. */
async function laidOutMeeting(s: TestServer) {
  const m = await createMeeting(s.url)
  const facilitator = stock(s, m.boardId, m.token('facilitator'))
  await facilitator.synced
  layOutPhases(facilitator.doc)
  const records: Records = facilitator.doc.getMap(RECORDS_MAP)
  facilitator.doc.transact(() => {
    records.set('shape:q2', frame('shape:q2', 'page:one', 'Testplan', 0, 700, ShapeMark.prompt))
    records.set('shape:inbox', frame('shape:inbox', 'page:one', 'Inkorg', 900, 0, ShapeMark.inbox))
  })
  const participant = stock(s, m.boardId, m.token('participant'))
  await participant.synced
  await waitForDoc(participant.doc, () => participant.doc.getMap(RECORDS_MAP).has('shape:inbox'))

  /** What a participant's copy of the board sends after `change`, made on the side. */
  const participantEdit = (change: (records: Records) => void) => {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(participant.doc))
    const before = Y.encodeStateVector(copy)
    copy.transact(() => change(copy.getMap(RECORDS_MAP)))
    return Y.encodeStateAsUpdate(copy, before)
  }
  /**
   * Sends an update over a raw socket with the participant link; resolves with the close it
   * brought, or 'accepted' when the server handled it and went on.
   */
  const hostile = async (update: Uint8Array) => {
    const attacker = await raw(s, m.boardId, { token: m.token('participant') })
    const closed = closeOf(attacker)
    attacker.send(updateFrame(update))
    return (await attacker.handled()) === 'closed' ? await closed : 'accepted'
  }
  return { ...m, facilitator, facilitatorRecords: records, participant, participantEdit, hostile }
}

const refused = { code: CloseCode.EditRefused, reason: EditRefusal.LayoutLocked }

describe('the layout of a meeting, locked for participants by the server', () => {
  it('a participant who deletes a question frame or moves another is cut off with 4409 layout-locked; both frames stand for the facilitator', async () => {
    const s = await server()
    const m = await laidOutMeeting(s)
    const original = structuredClone(m.facilitatorRecords.toJSON())

    expect(await m.hostile(m.participantEdit((r) => r.delete('shape:q')))).toEqual(refused)
    const moved = m.participantEdit((r) =>
      r.set('shape:q2', { ...(r.get('shape:q2') as object), x: 400, y: 900 }),
    )
    expect(await m.hostile(moved)).toEqual(refused)
    // Renamed, resized, the Inkorg deleted: the same.
    const retitled = m.participantEdit((r) =>
      r.set('shape:q2', {
        ...(r.get('shape:q2') as object),
        props: { w: 100, h: 100, name: 'Kapat', color: 'black' },
      }),
    )
    expect(await m.hostile(retitled)).toEqual(refused)
    expect(await m.hostile(m.participantEdit((r) => r.delete('shape:inbox')))).toEqual(refused)

    // Nothing of it reached anyone, nor the store: a fresh facilitator's provider reads the
    // frames as laid out.
    const fresh = stock(s, m.boardId, m.token('facilitator'))
    await fresh.synced
    const frames = ['shape:q', 'shape:q2', 'shape:inbox']
    for (const id of frames) {
      expect(fresh.doc.getMap(RECORDS_MAP).get(id)).toEqual(original[id])
      expect(m.facilitatorRecords.get(id)).toEqual(original[id])
    }
    const stored = (await storedDoc(s, m.boardId)).getMap(RECORDS_MAP)
    for (const id of frames) expect(stored.get(id)).toEqual(original[id])
  })

  it('a participant still puts notes into a locked frame and moves them there; the facilitator moves the frame, locks and unlocks a note', async () => {
    const s = await server()
    const m = await laidOutMeeting(s)
    const records: Records = m.participant.doc.getMap(RECORDS_MAP)
    const seenByFacilitator = (id: string, test: (record: { x: number }) => boolean) =>
      waitForDoc(m.facilitator.doc, () => {
        const record = m.facilitatorRecords.get(id) as { x: number } | undefined
        return record !== undefined && test(record)
      })

    records.set('shape:mine', textNote('shape:mine', 'shape:q2', 'Pröva i en klass', 20, 60))
    await seenByFacilitator('shape:mine', () => true)
    records.set('shape:mine', textNote('shape:mine', 'shape:q2', 'Pröva i en klass', 200, 60))
    await seenByFacilitator('shape:mine', (note) => note.x === 200)

    m.facilitatorRecords.set('shape:q2', {
      ...(m.facilitatorRecords.get('shape:q2') as object),
      x: 50,
    })
    await waitForDoc(m.participant.doc, () => (records.get('shape:q2') as { x: number }).x === 50)

    // Locked by the facilitator, the participant's own note is out of reach for the participant.
    const note = m.facilitatorRecords.get('shape:mine') as { meta: object }
    const lock = (locked: boolean) => {
      const current = m.facilitatorRecords.get('shape:mine') as { meta: object }
      m.facilitatorRecords.set('shape:mine', {
        ...current,
        meta: { ...note.meta, [LAYOUT_LOCK_META_KEY]: locked },
      })
    }
    lock(true)
    await waitForDoc(m.participant.doc, () =>
      JSON.stringify(records.get('shape:mine')).includes('"samlaLocked":true'),
    )
    const moveMine = (x: number) =>
      m.participantEdit((r) => r.set('shape:mine', { ...(r.get('shape:mine') as object), x }))
    expect(await m.hostile(moveMine(300))).toEqual(refused)
    expect(await m.hostile(m.participantEdit((r) => r.delete('shape:mine')))).toEqual(refused)

    lock(false)
    await waitForDoc(m.participant.doc, () =>
      JSON.stringify(records.get('shape:mine')).includes('"samlaLocked":false'),
    )
    records.set('shape:mine', { ...(records.get('shape:mine') as object), x: 300 })
    await seenByFacilitator('shape:mine', (mine) => mine.x === 300)
    records.delete('shape:mine')
    await waitForDoc(m.facilitator.doc, () => !m.facilitatorRecords.has('shape:mine'))
  })
})
