import { CloseCode, ControlKey, EditRefusal, RECORDS_MAP } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { closeOf, useAttackFixture } from './attacks/fixture.ts'
import { textNote } from './fixtures/records.ts'
import { updateFrame } from './frames.ts'
import { storedDoc, type TestServer, waitForDoc } from './helpers.ts'
import { createMeeting, layOutPhases } from './meeting.ts'

/**
 * Phases the facilitator has not shown participants yet, closed to them by the server: a
 * hostile client holding the participant link writes on one over a raw socket (a page would
 * not even list it), and the store shows what got through.
 */
const { server, stock, raw } = useAttackFixture()

type Records = Y.Map<unknown>

/** A laid-out meeting (phase 1 current, phase 2 not shown), seen by its facilitator and a participant. */
async function laidOutMeeting(s: TestServer) {
  const m = await createMeeting(s.url)
  const facilitator = stock(s, m.boardId, m.token('facilitator'))
  await facilitator.synced
  layOutPhases(facilitator.doc)
  const participant = stock(s, m.boardId, m.token('participant'))
  await participant.synced
  await waitForDoc(participant.doc, () => participant.doc.getMap(RECORDS_MAP).has('shape:b'))
  const controls = facilitator.doc.getMap<unknown>('meeting')

  /** What a participant's copy of the board sends after `change`, made on the side. */
  const participantEdit = (change: (records: Records) => void) => {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(participant.doc))
    const before = Y.encodeStateVector(copy)
    copy.transact(() => change(copy.getMap(RECORDS_MAP)))
    return Y.encodeStateAsUpdate(copy, before)
  }
  /** Sends an update with the participant link: the close it brought, or 'accepted'. */
  const hostile = async (update: Uint8Array) => {
    const attacker = await raw(s, m.boardId, { token: m.token('participant') })
    const closed = closeOf(attacker)
    attacker.send(updateFrame(update))
    return (await attacker.handled()) === 'closed' ? await closed : 'accepted'
  }
  /** Sets a control as the facilitator and waits until the participant's copy has it. */
  const facilitatorSets = async (key: string, value: unknown) => {
    controls.set(key, value)
    const seen = JSON.stringify(value)
    await waitForDoc(
      participant.doc,
      () => JSON.stringify(participant.doc.getMap('meeting').get(key)) === seen,
    )
  }
  return { ...m, facilitator, participant, participantEdit, hostile, facilitatorSets }
}

const refused = { code: CloseCode.EditRefused, reason: EditRefusal.PhaseHidden }
const storedRecord = async (s: TestServer, boardId: string, id: string) =>
  (await storedDoc(s, boardId)).getMap(RECORDS_MAP).get(id)

describe('phases not shown to participants, closed by the server', () => {
  it('a participant writing on phase 2 while phase 1 is current is cut off with 4409 phase-hidden; once the facilitator shows phase 2 the same write is taken', async () => {
    const s = await server()
    const m = await laidOutMeeting(s)
    const onTwo = m.participantEdit((r) =>
      r.set('shape:sneak', textNote('shape:sneak', 'page:two', 'I förväg')),
    )
    const changeB = m.participantEdit((r) =>
      r.set('shape:b', textNote('shape:b', 'page:two', 'Läxhjälp, ändrad')),
    )
    const moveIn = m.participantEdit((r) =>
      r.set('shape:a', textNote('shape:a', 'page:two', 'Fler vuxna på rasterna')),
    )
    for (const update of [onTwo, changeB, moveIn]) expect(await m.hostile(update)).toEqual(refused)
    expect(await storedRecord(s, m.boardId, 'shape:sneak')).toBeUndefined()
    expect(JSON.stringify(await storedRecord(s, m.boardId, 'shape:b'))).not.toContain('ändrad')
    expect(await storedRecord(s, m.boardId, 'shape:a')).toMatchObject({ parentId: 'shape:q' })
    // Phase 1, current, stays open.
    const onOne = m.participantEdit((r) =>
      r.set('shape:ok', textNote('shape:ok', 'page:one', 'Nu')),
    )
    expect(await m.hostile(onOne)).toBe('accepted')

    await m.facilitatorSets(ControlKey.shownPhases, ['page:one', 'page:two'])
    expect(await m.hostile(onTwo)).toBe('accepted')
    expect(await storedRecord(s, m.boardId, 'shape:sneak')).toMatchObject({ parentId: 'page:two' })
  })

  it('moving the current phase to phase 2 shows it by default; hiding phase 1 again closes it', async () => {
    const s = await server()
    const m = await laidOutMeeting(s)
    const onTwo = m.participantEdit((r) =>
      r.set('shape:sneak', textNote('shape:sneak', 'page:two', 'I förväg')),
    )
    expect(await m.hostile(onTwo)).toEqual(refused)
    await m.facilitatorSets(ControlKey.currentPhase, 'page:two')
    expect(await m.hostile(onTwo)).toBe('accepted')
    expect(await storedRecord(s, m.boardId, 'shape:sneak')).toMatchObject({ parentId: 'page:two' })

    await m.facilitatorSets(ControlKey.shownPhases, ['page:two'])
    const onOne = m.participantEdit((r) =>
      r.set('shape:late', textNote('shape:late', 'page:one', 'Sent')),
    )
    expect(await m.hostile(onOne)).toEqual(refused)
    expect(await storedRecord(s, m.boardId, 'shape:late')).toBeUndefined()
  })

  it('the facilitator writes on a hidden phase', async () => {
    const s = await server()
    const m = await laidOutMeeting(s)
    m.facilitator.doc
      .getMap(RECORDS_MAP)
      .set('shape:prep', textNote('shape:prep', 'page:two', 'Förberett'))
    await waitForDoc(m.participant.doc, () =>
      m.participant.doc.getMap(RECORDS_MAP).has('shape:prep'),
    )
    expect(await storedRecord(s, m.boardId, 'shape:prep')).toMatchObject({ parentId: 'page:two' })
  })
})
