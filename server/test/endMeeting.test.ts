import {
  CloseCode,
  CONTROLS_MAP,
  ControlKey,
  EditRefusal,
  type Meeting,
  RECORDS_MAP,
  type Snapshot,
} from '@samla/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { closeOf, useAttackFixture } from './attacks/fixture.ts'
import { textNote } from './fixtures/records.ts'
import { updateFrame } from './frames.ts'
import { storedDoc, type TestServer, waitForDoc } from './helpers.ts'
import { createMeeting, layOutPhases } from './meeting.ts'
import { meetingWithOpenRound } from './voting.ts'

/**
 * "Avsluta samlingen" on the server: POST /api/meetings/:id/end locks every phase, takes the
 * final snapshot and marks the meeting ended, and from then on the relay takes nothing from a
 * participant, even on a phase the facilitator opens again, until the meeting is reopened.
 */
const { server, stock, raw } = useAttackFixture()

async function laidOutMeeting(s: TestServer) {
  const m = await createMeeting(s.url)
  const facilitator = stock(s, m.boardId, m.token('facilitator'))
  await facilitator.synced
  layOutPhases(facilitator.doc)
  const participant = stock(s, m.boardId, m.token('participant'))
  await participant.synced
  await waitForDoc(participant.doc, () => participant.doc.getMap(RECORDS_MAP).has('shape:b'))
  const api = (path: string, token: string | null = m.token('facilitator'), method = 'POST') =>
    fetch(`${s.url}/api/meetings/${m.meeting.id}${path}`, {
      method,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    })
  /** A participant's new note on phase Testa, sent over a raw socket with the participant link. */
  const participantNote = async (id: string) => {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(participant.doc))
    const before = Y.encodeStateVector(copy)
    copy.getMap(RECORDS_MAP).set(id, textNote(id, 'page:two', 'Efteråt'))
    const attacker = await raw(s, m.boardId, { token: m.token('participant') })
    const closed = closeOf(attacker)
    attacker.send(updateFrame(Y.encodeStateAsUpdate(copy, before)))
    return (await attacker.handled()) === 'closed' ? await closed : 'accepted'
  }
  const controls = facilitator.doc.getMap<unknown>(CONTROLS_MAP)
  return { ...m, facilitator, controls, participant, api, participantNote }
}

const stored = async (s: TestServer, boardId: string) => {
  const doc = await storedDoc(s, boardId)
  return { records: doc.getMap(RECORDS_MAP).toJSON(), controls: doc.getMap(CONTROLS_MAP).toJSON() }
}

describe('ending a meeting', () => {
  it('locks every phase, takes the final snapshot and marks the meeting ended; a participant is refused 4409 meeting-ended even on a phase opened again', async () => {
    const s = await server()
    const m = await laidOutMeeting(s)

    const res = await m.api('/end')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { meeting: Meeting; snapshot: Snapshot }
    expect(body.meeting.endedAt).not.toBeNull()
    expect(body.snapshot.reason).toBe('end')
    const meeting = (await (await m.api('', undefined, 'GET')).json()) as Meeting
    expect(meeting.endedAt).toBe(body.meeting.endedAt)
    const list = (await (await m.api('/snapshots', undefined, 'GET')).json()) as Snapshot[]
    expect(list.map((x) => [x.id, x.reason])).toEqual([[body.snapshot.id, 'end']])

    // Everyone's board shows every phase locked, and so does what is stored.
    await waitForDoc(
      m.participant.doc,
      () => m.participant.doc.getMap(CONTROLS_MAP).get(ControlKey.ended) === true,
    )
    const locked = m.participant.doc.getMap(CONTROLS_MAP).get(ControlKey.lockedPhases)
    expect([...(locked as string[])].sort()).toEqual(['page:one', 'page:two'])
    expect((await stored(s, m.boardId)).controls).toMatchObject({
      [ControlKey.ended]: true,
      [ControlKey.lockedPhases]: expect.arrayContaining(['page:one', 'page:two']),
    })

    // The facilitator opens Testa; still nothing from a participant gets in.
    m.controls.set(ControlKey.lockedPhases, ['page:one'])
    await waitForDoc(
      m.participant.doc,
      () =>
        (m.participant.doc.getMap(CONTROLS_MAP).get(ControlKey.lockedPhases) as string[]).length ===
        1,
    )
    const before = await stored(s, m.boardId)
    expect(await m.participantNote('shape:late')).toEqual({
      code: CloseCode.EditRefused,
      reason: EditRefusal.MeetingEnded,
    })
    expect(await stored(s, m.boardId)).toEqual(before)

    // Ending it again is refused, and takes no second snapshot.
    const again = await m.api('/end')
    expect(again.status).toBe(409)
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('meeting_ended')
    expect((await (await m.api('/snapshots', undefined, 'GET')).json()) as Snapshot[]).toHaveLength(
      1,
    )
  })

  it('reopening clears the mark; phases stay locked until the facilitator opens one, then a participant writes there', async () => {
    const s = await server()
    const m = await laidOutMeeting(s)
    expect((await m.api('/end')).status).toBe(200)

    const res = await m.api('/reopen')
    expect(res.status).toBe(200)
    expect(((await res.json()) as Meeting).endedAt).toBeNull()
    expect(((await (await m.api('', undefined, 'GET')).json()) as Meeting).endedAt).toBeNull()
    await waitForDoc(
      m.participant.doc,
      () => !m.participant.doc.getMap(CONTROLS_MAP).has(ControlKey.ended),
    )
    expect(await m.participantNote('shape:locked')).toEqual({
      code: CloseCode.EditRefused,
      reason: EditRefusal.PhaseLocked,
    })

    // The facilitator unlocks the second phase and moves on to it (a later phase is not
    // shown to participants before: server/test/hiddenPhases.test.ts).
    m.controls.doc?.transact(() => {
      m.controls.set(ControlKey.lockedPhases, ['page:one'])
      m.controls.set(ControlKey.currentPhase, 'page:two')
    })
    await waitForDoc(
      m.participant.doc,
      () =>
        (m.participant.doc.getMap(CONTROLS_MAP).get(ControlKey.lockedPhases) as string[]).length ===
          1 && m.participant.doc.getMap(CONTROLS_MAP).get(ControlKey.currentPhase) === 'page:two',
    )
    expect(await m.participantNote('shape:open')).toBe('accepted')
    expect((await stored(s, m.boardId)).records).toHaveProperty('shape:open')
    // It can be ended once more.
    expect((await m.api('/end')).status).toBe(200)
  })

  it('only the facilitator ends or reopens: other links and none are 401, an unknown or malformed meeting is refused, and nothing changes', async () => {
    const s = await server()
    const m = await laidOutMeeting(s)
    for (const path of ['/end', '/reopen']) {
      expect((await m.api(path, m.token('participant'))).status).toBe(401)
      expect((await m.api(path, m.token('projector'))).status).toBe(401)
      expect((await m.api(path, null)).status).toBe(401)
      expect((await m.api(path, 'A'.repeat(22))).status).toBe(401)
      // The access gate does not say whether a meeting exists to a link that is not its own.
      const unknown = await fetch(`${s.url}/api/meetings/${'Z'.repeat(22)}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${m.token('facilitator')}` },
      })
      expect(unknown.status).toBe(401)
      const malformed = await fetch(`${s.url}/api/meetings/nope${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${m.token('facilitator')}` },
      })
      expect(malformed.status).toBe(400)
    }
    expect(((await (await m.api('', undefined, 'GET')).json()) as Meeting).endedAt).toBeNull()
    expect((await stored(s, m.boardId)).controls).not.toHaveProperty(ControlKey.ended)
  })

  it('no client writes whether the meeting ended, not even the facilitator: 4409 server-owned', async () => {
    const s = await server()
    const m = await laidOutMeeting(s)
    expect((await m.api('/end')).status).toBe(200)
    const attacker = await raw(s, m.boardId, { token: m.token('facilitator') })
    const closed = closeOf(attacker)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(m.facilitator.doc))
    const before = Y.encodeStateVector(copy)
    copy.getMap(CONTROLS_MAP).set(ControlKey.ended, false)
    attacker.send(updateFrame(Y.encodeStateAsUpdate(copy, before)))
    expect(await closed).toEqual({ code: CloseCode.EditRefused, reason: EditRefusal.ServerOwned })
    expect((await stored(s, m.boardId)).controls).toMatchObject({ [ControlKey.ended]: true })
  })

  it('the dots of a round open when the meeting ended stay as they were: a vote or taking one back is 409 meeting_ended', async () => {
    const s = await server()
    const m = await meetingWithOpenRound(s.url, 3)
    const participant = m.token('participant')
    const voter = await m.api.voter(participant)
    expect((await m.api.vote(participant, voter, { shapeId: 'shape:a' })).status).toBe(200)
    const end = await fetch(`${s.url}/api/meetings/${m.meeting.id}/end`, {
      method: 'POST',
      headers: { authorization: `Bearer ${m.token('facilitator')}` },
    })
    expect(end.status).toBe(200)
    for (const method of ['POST', 'DELETE']) {
      const res = await m.api.vote(participant, voter, { shapeId: 'shape:a' }, { method })
      expect(res.status).toBe(409)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('meeting_ended')
    }
    expect((await m.api.statusOf(participant, voter)).mine).toEqual({ 'shape:a': 1 })
    m.close()
  })
})
