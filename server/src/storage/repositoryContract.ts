import type { BoardContent, CreateMeetingRequest } from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { hashToken } from '../meetings/tokens.ts'
import type { SamlaStore } from './store.ts'

export interface RepositoryHarness {
  store: Pick<
    SamlaStore,
    | 'documents'
    | 'meetings'
    | 'votes'
    | 'voters'
    | 'voteRounds'
    | 'snapshots'
    | 'processes'
    | 'crossings'
    | 'ideas'
    | 'blueList'
    | 'handslag'
    | 'records'
    | 'privateNotes'
  >
  cleanup(): Promise<void>
}

const request = (changes: Partial<CreateMeetingRequest> = {}): CreateMeetingRequest => ({
  title: 'Kraftsamling i Tensta',
  group: 'kraftsamling',
  date: '2026-03-14',
  format: 'hybrid',
  ...changes,
})

const content: BoardContent = {
  phases: [
    {
      pageId: 'page:oppna',
      name: 'Öppna upp',
      frames: [
        {
          id: 'shape:fraga',
          name: 'Vad vill du ändra på?',
          kind: 'prompt',
          notes: [
            {
              id: 'shape:lapp',
              text: 'Fler bänkar',
              color: 'yellow',
              votes: 3,
              author: null,
              createdAt: null,
            },
          ],
        },
      ],
    },
  ],
}

const snapshot = (meetingId: string, label = 'Fas: Öppna upp') => ({
  meetingId,
  pageId: 'page:oppna',
  label,
  reason: 'phase-change' as const,
  state: new Uint8Array([0, 0, 1, 2, 3]),
  content,
})

/** The repositories' contract (SPEC.md, R1–R14), run against one implementation. */
export function describeRepositoryContract(name: string, make: () => Promise<RepositoryHarness>) {
  describe(`repository contract: ${name}`, () => {
    const withStore = (test: (store: RepositoryHarness['store']) => Promise<void>) => async () => {
      const harness = await make()
      try {
        await test(harness.store)
      } finally {
        await harness.cleanup()
      }
    }

    it(
      '[R1] a created meeting reads back, with its board, a token per role and a join code',
      withStore(async ({ meetings, documents }) => {
        const { meeting, tokens } = await meetings.create(request())
        expect(meeting).toMatchObject({
          title: 'Kraftsamling i Tensta',
          group: 'kraftsamling',
          date: '2026-03-14',
          format: 'hybrid',
          anonymous: false,
        })
        expect(meeting.joinCode).toMatch(/^[A-Z2-9]{6}$/)
        expect(new Set([meeting.id, meeting.boardId]).size).toBe(2)
        expect(await meetings.get(meeting.id)).toEqual(meeting)
        expect(await meetings.byBoard(meeting.boardId)).toEqual(meeting)
        expect(await meetings.get('nobody')).toBeNull()
        expect(await meetings.byBoard('nobody')).toBeNull()
        expect((await documents.getBoard(meeting.boardId))?.title).toBe(meeting.title)
        expect(await meetings.participantToken(meeting.id)).toBe(tokens.participant)
        for (const role of ['facilitator', 'participant', 'projector'] as const)
          expect(await meetings.roleOf(meeting.id, tokens[role])).toBe(role)
        // Youth meetings are anonymous.
        const youth = await meetings.create(request({ group: 'demokratilabb' }))
        expect(youth.meeting.anonymous).toBe(true)
      }),
    )

    it(
      '[R2] an update changes the given fields, and the board title follows the meeting title',
      withStore(async ({ meetings, documents }) => {
        const { meeting } = await meetings.create(request())
        const updated = await meetings.update(meeting.id, { title: 'Integrera', format: 'digital' })
        expect(updated).toEqual({ ...meeting, title: 'Integrera', format: 'digital' })
        expect(await meetings.get(meeting.id)).toEqual(updated)
        expect((await documents.getBoard(meeting.boardId))?.title).toBe('Integrera')
        expect(await meetings.update(meeting.id, {})).toEqual(updated)
        expect(await meetings.update(meeting.id, { date: '2026-04-01' })).toMatchObject({
          title: 'Integrera',
          date: '2026-04-01',
        })
        expect(await meetings.update('nobody', { title: 'x' })).toBeNull()
      }),
    )

    it(
      '[R3] deleting a meeting erases its board, document, links, voters, votes, snapshots and pictures, and nothing of another meeting',
      withStore(async ({ meetings, documents, voters, votes, snapshots }) => {
        const fill = async () => {
          const created = await meetings.create(request())
          const { meeting } = created
          await documents.appendUpdates(
            meeting.boardId,
            [new Uint8Array([0, 0])],
            [{ clientId: 1, author: 'a' }],
          )
          await documents.compact(meeting.boardId)
          await documents.appendUpdates(meeting.boardId, [new Uint8Array([0, 0])])
          const voter = await voters.issue(meeting.id)
          await votes.add(meeting.id, 'r1', voter.voterId, 'shape:lapp', 3)
          const taken = await snapshots.create(snapshot(meeting.id))
          await snapshots.putImage(taken.id, 'page:oppna', 'image/png', new Uint8Array([1]))
          return { ...created, voter, taken }
        }
        const gone = await fill()
        const kept = await fill()
        const keptBefore = await documents.loadDocument(kept.meeting.boardId)

        await meetings.delete(gone.meeting.id)
        const { meeting, tokens, voter, taken } = gone
        expect(await meetings.get(meeting.id)).toBeNull()
        expect(await meetings.byBoard(meeting.boardId)).toBeNull()
        expect(await documents.getBoard(meeting.boardId)).toBeNull()
        expect(await documents.loadDocument(meeting.boardId)).toEqual({
          state: null,
          updates: [],
          authors: [],
          seq: 0,
        })
        expect(await meetings.roleOf(meeting.id, tokens.facilitator)).toBeNull()
        expect(await meetings.participantByJoinCode(meeting.joinCode as string)).toBeNull()
        expect(await voters.verify(meeting.id, voter)).toBe(false)
        expect(await votes.tally(meeting.id, 'r1')).toEqual({})
        expect(await snapshots.list(meeting.id)).toEqual([])
        expect(await snapshots.get(meeting.id, taken.id)).toBeNull()
        expect(await snapshots.state(meeting.id, taken.id)).toBeNull()
        expect(await snapshots.image(meeting.id, taken.id, 'page:oppna')).toBeNull()
        // Deleting it again, or an unknown meeting, does nothing.
        await meetings.delete(meeting.id)

        expect(await meetings.get(kept.meeting.id)).toEqual(kept.meeting)
        expect(await documents.loadDocument(kept.meeting.boardId)).toEqual(keptBefore)
        expect(await meetings.roleOf(kept.meeting.id, kept.tokens.facilitator)).toBe('facilitator')
        expect(await voters.verify(kept.meeting.id, kept.voter)).toBe(true)
        expect(await votes.tally(kept.meeting.id, 'r1')).toEqual({ 'shape:lapp': 1 })
        expect(await snapshots.list(kept.meeting.id)).toHaveLength(1)
        expect(await snapshots.image(kept.meeting.id, kept.taken.id, 'page:oppna')).not.toBeNull()
      }),
    )

    it(
      '[R4] publishing gives one public token until it is unpublished; a later publish gives a new one',
      withStore(async ({ meetings }) => {
        const { meeting } = await meetings.create(request())
        expect(await meetings.publicationToken(meeting.id)).toBeNull()
        const token = await meetings.publish(meeting.id)
        expect(await meetings.publish(meeting.id)).toBe(token)
        expect(await meetings.publicationToken(meeting.id)).toBe(token)
        expect(await meetings.byPublicationToken(token)).toEqual(meeting)
        await meetings.unpublish(meeting.id)
        expect(await meetings.publicationToken(meeting.id)).toBeNull()
        expect(await meetings.byPublicationToken(token)).toBeNull()
        const again = await meetings.publish(meeting.id)
        expect(again).not.toBe(token)
        expect(await meetings.byPublicationToken(again)).toEqual(meeting)
      }),
    )

    it(
      '[R5] a token grants its role in its own meeting only; rotating a role revokes the old token',
      withStore(async ({ meetings }) => {
        const { meeting, tokens } = await meetings.create(request())
        const other = await meetings.create(request())
        expect(await meetings.roleOf(other.meeting.id, tokens.facilitator)).toBeNull()
        expect(await meetings.roleOf(meeting.id, 'not a token')).toBeNull()

        const rotated = await meetings.rotate(meeting.id, 'facilitator')
        expect(rotated.revokedHashes).toEqual([hashToken(tokens.facilitator)])
        expect(await meetings.roleOf(meeting.id, tokens.facilitator)).toBeNull()
        expect(await meetings.roleOf(meeting.id, rotated.token)).toBe('facilitator')
        expect(await meetings.roleOf(meeting.id, tokens.projector)).toBe('projector')
        expect((await meetings.rotate(meeting.id, 'facilitator')).revokedHashes).toEqual([
          hashToken(rotated.token),
        ])

        // The participant token in clear, and the join code, follow the rotation.
        const participant = await meetings.rotate(meeting.id, 'participant')
        expect(await meetings.roleOf(meeting.id, tokens.participant)).toBeNull()
        expect(await meetings.participantToken(meeting.id)).toBe(participant.token)
        expect((await meetings.participantByJoinCode(meeting.joinCode as string))?.token).toBe(
          participant.token,
        )
        expect(await meetings.roleOf(other.meeting.id, other.tokens.participant)).toBe(
          'participant',
        )
      }),
    )

    it(
      '[R6] a join code stands for the participant token until it is switched off; switching on gives a new code',
      withStore(async ({ meetings }) => {
        const { meeting, tokens } = await meetings.create(request())
        const code = meeting.joinCode as string
        expect(await meetings.participantByJoinCode(code)).toEqual({
          meeting,
          token: tokens.participant,
        })
        const off = await meetings.setJoinCode(meeting.id, false)
        expect(off).toEqual({ ...meeting, joinCode: null })
        expect(await meetings.participantByJoinCode(code)).toBeNull()
        const on = await meetings.setJoinCode(meeting.id, true)
        expect(on?.joinCode).toMatch(/^[A-Z2-9]{6}$/)
        expect(await meetings.participantByJoinCode(on?.joinCode as string)).toEqual({
          meeting: on,
          token: tokens.participant,
        })
        expect(await meetings.setJoinCode('nobody', true)).toBeNull()
      }),
    )

    it(
      '[R46] a meeting is ended once until it is reopened; reopening clears the mark',
      withStore(async ({ meetings }) => {
        const { meeting } = await meetings.create(request())
        expect(meeting.endedAt).toBeNull()
        const at = new Date('2026-03-20T15:30:00.000Z')
        const ended = await meetings.markEnded(meeting.id, at)
        expect(ended).toEqual({ ...meeting, endedAt: at.toISOString() })
        expect(await meetings.get(meeting.id)).toEqual(ended)
        expect(await meetings.markEnded(meeting.id, new Date())).toBeNull()
        expect((await meetings.get(meeting.id))?.endedAt).toBe(at.toISOString())
        expect(await meetings.reopen(meeting.id)).toEqual(meeting)
        expect(await meetings.get(meeting.id)).toEqual(meeting)
        expect((await meetings.markEnded(meeting.id, at))?.endedAt).toBe(at.toISOString())
        expect(await meetings.markEnded('nobody', at)).toBeNull()
        expect(await meetings.reopen('nobody')).toBeNull()
      }),
    )

    it(
      '[R7] heldBefore gives the meetings held strictly before a date',
      withStore(async ({ meetings }) => {
        const dates = ['2025-12-31', '2026-01-09', '2026-01-10', '2026-02-01', '2027-01-01']
        const created = []
        for (const date of dates) created.push((await meetings.create(request({ date }))).meeting)
        const before = await meetings.heldBefore('2026-01-10')
        expect(before.map((m) => m.date).sort()).toEqual(['2025-12-31', '2026-01-09'])
        expect(before).toEqual(expect.arrayContaining([created[0], created[1]]))
        expect(await meetings.heldBefore('2025-01-01')).toEqual([])
      }),
    )

    it(
      '[R8] votes count per voter, note, round and meeting; an add past the limit is refused',
      withStore(async ({ meetings, votes }) => {
        const { meeting } = await meetings.create(request())
        const other = await meetings.create(request())
        const id = meeting.id
        expect(await votes.add(id, 'r1', 'anna', 'shape:a', 3)).toBe(true)
        expect(await votes.add(id, 'r1', 'anna', 'shape:a', 3)).toBe(true)
        expect(await votes.add(id, 'r1', 'anna', 'shape:b', 3)).toBe(true)
        expect(await votes.add(id, 'r1', 'anna', 'shape:c', 3)).toBe(false)
        expect(await votes.add(id, 'r1', 'bo', 'shape:b', 3)).toBe(true)
        // Another round, and another meeting, have limits and counts of their own.
        expect(await votes.add(id, 'r2', 'anna', 'shape:c', 3)).toBe(true)
        expect(await votes.add(other.meeting.id, 'r1', 'anna', 'shape:x', 3)).toBe(true)

        expect(await votes.mine(id, 'r1', 'anna')).toEqual({ 'shape:a': 2, 'shape:b': 1 })
        expect(await votes.mine(id, 'r1', 'cecilia')).toEqual({})
        expect(await votes.tally(id, 'r1')).toEqual({ 'shape:a': 2, 'shape:b': 2 })
        expect(await votes.tally(id, 'r2')).toEqual({ 'shape:c': 1 })
        expect(await votes.voterCount(id, 'r1')).toBe(2)
        expect(await votes.voterCount(id, 'r3')).toBe(0)
        expect(await votes.tally(other.meeting.id, 'r1')).toEqual({ 'shape:x': 1 })
      }),
    )

    it(
      '[R9] twenty adds of one voter at once never pass the limit',
      withStore(async ({ meetings, votes }) => {
        const { meeting } = await meetings.create(request())
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            votes.add(meeting.id, 'r1', 'anna', `shape:${i % 4}`, 5),
          ),
        )
        expect(results.filter(Boolean)).toHaveLength(5)
        const mine = await votes.mine(meeting.id, 'r1', 'anna')
        expect(Object.values(mine).reduce((sum, n) => sum + n, 0)).toBe(5)
      }),
    )

    it(
      '[R10] removing takes back one of the voter’s votes on a note, and frees it for another',
      withStore(async ({ meetings, votes }) => {
        const { meeting } = await meetings.create(request())
        const id = meeting.id
        await votes.add(id, 'r1', 'anna', 'shape:a', 2)
        await votes.add(id, 'r1', 'anna', 'shape:a', 2)
        await votes.add(id, 'r1', 'bo', 'shape:a', 2)
        expect(await votes.remove(id, 'r1', 'anna', 'shape:b')).toBe(false)
        expect(await votes.remove(id, 'r2', 'anna', 'shape:a')).toBe(false)
        expect(await votes.remove(id, 'r1', 'anna', 'shape:a')).toBe(true)
        expect(await votes.mine(id, 'r1', 'anna')).toEqual({ 'shape:a': 1 })
        expect(await votes.tally(id, 'r1')).toEqual({ 'shape:a': 2 })
        expect(await votes.add(id, 'r1', 'anna', 'shape:b', 2)).toBe(true)
        expect(await votes.remove(id, 'r1', 'anna', 'shape:a')).toBe(true)
        expect(await votes.remove(id, 'r1', 'anna', 'shape:a')).toBe(false)
        expect(await votes.voterCount(id, 'r1')).toBe(2)
      }),
    )

    it(
      '[R11] a voter credential verifies for its own meeting only, and only with its secret',
      withStore(async ({ meetings, voters }) => {
        const { meeting } = await meetings.create(request())
        const other = await meetings.create(request())
        const credential = await voters.issue(meeting.id)
        const second = await voters.issue(meeting.id)
        expect(credential.voterId).not.toBe(second.voterId)
        expect(await voters.verify(meeting.id, credential)).toBe(true)
        expect(await voters.verify(meeting.id, second)).toBe(true)
        expect(await voters.verify(meeting.id, { ...credential, secret: second.secret })).toBe(
          false,
        )
        expect(await voters.verify(other.meeting.id, credential)).toBe(false)
        expect(await voters.verify(meeting.id, { voterId: 'nobody', secret: 'x' })).toBe(false)
      }),
    )

    it(
      '[R14] a meeting updated while it is deleted: both succeed, and the meeting is gone',
      withStore(async ({ meetings, documents }) => {
        for (let i = 0; i < 100; i++) {
          const { meeting } = await meetings.create(request())
          const settled = await Promise.allSettled([
            meetings.update(meeting.id, { title: 'Integrera' }),
            meetings.delete(meeting.id),
          ])
          expect(settled.filter((s) => s.status === 'rejected')).toEqual([])
          expect(await meetings.get(meeting.id)).toBeNull()
          expect(await documents.getBoard(meeting.boardId)).toBeNull()
        }
      }),
    )

    describe('snapshots', () => {
      // Snapshots list by creation time, to the millisecond: set it, rather than wait for it.
      beforeEach(() => {
        vi.useFakeTimers({ toFake: ['Date'] })
        vi.setSystemTime(new Date('2026-03-14T18:00:00.000Z'))
      })
      afterEach(() => {
        vi.useRealTimers()
      })

      it(
        '[R12] snapshots read back by meeting, newest first, with their content and state',
        withStore(async ({ meetings, snapshots }) => {
          const { meeting } = await meetings.create(request())
          const other = await meetings.create(request())
          const first = await snapshots.create(snapshot(meeting.id, 'Fas: Öppna upp'))
          vi.setSystemTime(new Date('2026-03-14T18:30:00.000Z'))
          const second = await snapshots.create({
            ...snapshot(meeting.id, 'Slut'),
            pageId: null,
            reason: 'end',
          })
          expect(first).toMatchObject({
            meetingId: meeting.id,
            pageId: 'page:oppna',
            label: 'Fas: Öppna upp',
            reason: 'phase-change',
            createdAt: '2026-03-14T18:00:00.000Z',
            images: [],
            content,
          })
          expect(second).toMatchObject({ pageId: null, reason: 'end', label: 'Slut' })
          const { content: _, ...firstSummary } = first
          const { content: __, ...secondSummary } = second
          expect(await snapshots.list(meeting.id)).toEqual([secondSummary, firstSummary])
          expect(await snapshots.list(other.meeting.id)).toEqual([])
          expect(await snapshots.get(meeting.id, first.id)).toEqual(first)
          expect(await snapshots.get(other.meeting.id, first.id)).toBeNull()
          expect(await snapshots.get(meeting.id, 'nothing')).toBeNull()
          expect(await snapshots.state(meeting.id, first.id)).toEqual(
            new Uint8Array([0, 0, 1, 2, 3]),
          )
          expect(await snapshots.state(other.meeting.id, first.id)).toBeNull()
        }),
      )

      it(
        '[R13] a phase’s picture is stored once, and read only through the snapshot’s meeting',
        withStore(async ({ meetings, snapshots }) => {
          const { meeting } = await meetings.create(request())
          const other = await meetings.create(request())
          const taken = await snapshots.create(snapshot(meeting.id))
          const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')
          const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47])
          expect(await snapshots.putImage(taken.id, 'page:oppna', 'image/svg+xml', svg)).toBe(true)
          expect(await snapshots.putImage(taken.id, 'page:oppna', 'image/png', png)).toBe(false)
          expect(await snapshots.putImage(taken.id, 'page:testa', 'image/png', png)).toBe(true)
          expect(await snapshots.image(meeting.id, taken.id, 'page:oppna')).toEqual({
            mime: 'image/svg+xml',
            data: svg,
          })
          expect(await snapshots.image(meeting.id, taken.id, 'page:testa')).toEqual({
            mime: 'image/png',
            data: png,
          })
          expect(await snapshots.image(other.meeting.id, taken.id, 'page:oppna')).toBeNull()
          expect(await snapshots.image(meeting.id, taken.id, 'page:annan')).toBeNull()
          expect((await snapshots.get(meeting.id, taken.id))?.images.sort()).toEqual([
            'page:oppna',
            'page:testa',
          ])
          expect((await snapshots.list(meeting.id))[0]?.images.sort()).toEqual([
            'page:oppna',
            'page:testa',
          ])
        }),
      )
    })
  })
}
