import type { CreateMeetingRequest } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import type { VoteRoundEntry } from './repositories.ts'
import type { RepositoryHarness } from './repositoryContract.ts'

const meetingRequest: CreateMeetingRequest = {
  title: 'Samling 2',
  group: 'kraftsamling',
  date: '2027-03-13',
  format: 'hybrid',
}
const at = (minute: number) => new Date(Date.UTC(2027, 2, 13, 9, minute))
const entry = (changes: Partial<VoteRoundEntry> = {}): VoteRoundEntry => ({
  round: 'round-oppna',
  pageId: 'page:oppna',
  phase: 'Öppna upp',
  votesPerPerson: 3,
  state: 'open',
  at: at(0),
  ...changes,
})
const note = (noteId: string, votes: number, text: string | null = `Lapp ${noteId}`) => ({
  noteId,
  text,
  color: 'yellow',
  votes,
})

/** The voting rounds' contract (SPEC.md, R24–R28), run against one implementation. */
export function describeVoteRoundContract(name: string, make: () => Promise<RepositoryHarness>) {
  describe(`vote round repository contract: ${name}`, () => {
    const withStore = (test: (store: RepositoryHarness['store']) => Promise<void>) => async () => {
      const harness = await make()
      try {
        await test(harness.store)
      } finally {
        await harness.cleanup()
      }
    }

    it(
      '[R24] a round reads back as it started; rounds list oldest first, per meeting',
      withStore(async ({ meetings, voteRounds }) => {
        const { meeting } = await meetings.create(meetingRequest)
        const other = await meetings.create({ ...meetingRequest, title: 'Annan' })
        expect(await voteRounds.list(meeting.id)).toEqual([])
        await voteRounds.record(
          meeting.id,
          entry({ round: 'round-lara', pageId: 'page:lara', phase: 'Lära', at: at(30) }),
        )
        await voteRounds.record(meeting.id, entry())
        await voteRounds.record(other.meeting.id, entry({ votesPerPerson: 5 }))
        // A second open entry of a round (another instance, a replay) changes nothing.
        await voteRounds.record(meeting.id, entry({ at: at(5) }))
        expect(await voteRounds.list(meeting.id)).toEqual([
          {
            round: 'round-oppna',
            pageId: 'page:oppna',
            phase: 'Öppna upp',
            votesPerPerson: 3,
            startedAt: at(0).toISOString(),
            closedAt: null,
            revealedAt: null,
            voters: 0,
            results: [],
          },
          expect.objectContaining({
            round: 'round-lara',
            phase: 'Lära',
            startedAt: at(30).toISOString(),
          }),
        ])
        expect(await voteRounds.list(other.meeting.id)).toMatchObject([
          { round: 'round-oppna', votesPerPerson: 5 },
        ])
      }),
    )

    it(
      '[R25] closing and revealing keep their first time and never reopen; an outcome replaces the last, most votes first',
      withStore(async ({ meetings, voteRounds }) => {
        const { meeting } = await meetings.create(meetingRequest)
        await voteRounds.record(meeting.id, entry())
        await voteRounds.record(
          meeting.id,
          entry({
            state: 'closed',
            phase: 'Öppna upp!',
            at: at(5),
            outcome: { voters: 2, results: [note('shape:a', 1), note('shape:b', 3)] },
          }),
        )
        const [closed] = await voteRounds.list(meeting.id)
        expect(closed).toMatchObject({
          phase: 'Öppna upp!',
          startedAt: at(0).toISOString(),
          closedAt: at(5).toISOString(),
          revealedAt: null,
          voters: 2,
          results: [note('shape:b', 3), note('shape:a', 1)],
        })
        // Open again from a late entry: still closed. Without an outcome: the count stays.
        await voteRounds.record(meeting.id, entry({ at: at(6) }))
        expect((await voteRounds.list(meeting.id))[0]).toEqual(closed)

        // Revealed: its time is added, the close stays, the new outcome replaces the old one
        // with the phase's name (a note deleted by then has no text; ties keep their order).
        const revealed = {
          voters: 3,
          results: [
            note('shape:c', 0),
            note('shape:a', 2, null),
            note('shape:b', 4),
            note('shape:d', 0),
          ],
        }
        await voteRounds.record(
          meeting.id,
          entry({ state: 'revealed', at: at(8), outcome: revealed }),
        )
        await voteRounds.record(meeting.id, entry({ state: 'revealed', at: at(9) }))
        expect(await voteRounds.list(meeting.id)).toEqual([
          {
            ...closed,
            phase: 'Öppna upp',
            revealedAt: at(8).toISOString(),
            voters: 3,
            results: [
              note('shape:b', 4),
              note('shape:a', 2, null),
              note('shape:c', 0),
              note('shape:d', 0),
            ],
          },
        ])

        // A round first seen revealed (its start missed) is closed and revealed at once.
        await voteRounds.record(
          meeting.id,
          entry({ round: 'round-sen', state: 'revealed', at: at(20), outcome: revealed }),
        )
        expect((await voteRounds.list(meeting.id))[1]).toMatchObject({
          startedAt: at(20).toISOString(),
          closedAt: at(20).toISOString(),
          revealedAt: at(20).toISOString(),
        })
      }),
    )

    it(
      '[R26] entries of one round at once leave one record',
      withStore(async ({ meetings, voteRounds }) => {
        const { meeting } = await meetings.create(meetingRequest)
        const outcome = { voters: 4, results: [note('shape:a', 5), note('shape:b', 7)] }
        await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            voteRounds.record(
              meeting.id,
              entry(i % 2 ? { state: 'closed', at: at(5), outcome } : { at: at(0) }),
            ),
          ),
        )
        expect(await voteRounds.list(meeting.id)).toEqual([
          expect.objectContaining({
            round: 'round-oppna',
            closedAt: at(5).toISOString(),
            voters: 4,
            results: [note('shape:b', 7), note('shape:a', 5)],
          }),
        ])
      }),
    )

    it(
      '[R27] deleting a meeting deletes its rounds; another meeting keeps its own',
      withStore(async ({ meetings, voteRounds }) => {
        const { meeting } = await meetings.create(meetingRequest)
        const other = await meetings.create({ ...meetingRequest, title: 'Annan' })
        const outcome = { voters: 1, results: [note('shape:a', 1, 'Hemlig lapp')] }
        for (const id of [meeting.id, other.meeting.id])
          await voteRounds.record(id, entry({ state: 'revealed', outcome }))
        await meetings.delete(meeting.id)
        expect(await voteRounds.list(meeting.id)).toEqual([])
        expect(await voteRounds.list(other.meeting.id)).toMatchObject([
          { results: [{ text: 'Hemlig lapp', votes: 1 }] },
        ])
      }),
    )

    it(
      '[R28] forgetting notes clears their text in the meeting’s rounds and keeps their votes',
      withStore(async ({ meetings, voteRounds }) => {
        const { meeting } = await meetings.create(meetingRequest)
        const other = await meetings.create({ ...meetingRequest, title: 'Annan' })
        const outcome = {
          voters: 2,
          results: [note('shape:sent', 3, 'Från Träff 1'), note('shape:own', 1)],
        }
        await voteRounds.record(meeting.id, entry({ state: 'closed', at: at(4), outcome }))
        await voteRounds.record(other.meeting.id, entry({ state: 'closed', at: at(4), outcome }))
        await voteRounds.forgetNotes(meeting.id, ['shape:sent', 'shape:nowhere'])
        expect((await voteRounds.list(meeting.id))[0]?.results).toEqual([
          note('shape:sent', 3, null),
          note('shape:own', 1),
        ])
        expect((await voteRounds.list(other.meeting.id))[0]?.results[0]?.text).toBe('Från Träff 1')
      }),
    )
  })
}
