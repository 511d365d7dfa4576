import { EMPTY_DESCRIPTION } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import type { RepositoryHarness } from './repositoryContract.ts'

/** The idea repository's contract (SPEC.md, R20–R23, R40–R42), run against one implementation. */
export function describeIdeaContract(name: string, make: () => Promise<RepositoryHarness>) {
  describe(`idea repository contract: ${name}`, () => {
    const withStore = (test: (store: RepositoryHarness['store']) => Promise<void>) => async () => {
      const harness = await make()
      try {
        await test(harness.store)
      } finally {
        await harness.cleanup()
      }
    }
    const setUp = async (store: RepositoryHarness['store']) => {
      const { process } = await store.processes.create({
        name: 'K',
        description: '',
        organisers: '',
      })
      const { meeting } = await store.meetings.create(
        { title: 'Träff 1', group: 'demokratilabb', date: '2027-02-05', format: 'physical' },
        { processId: process.id, carryFrom: null },
      )
      const origin = {
        meetingId: meeting.id,
        meetingTitle: 'Träff 1',
        group: 'demokratilabb' as const,
        phase: 'Öppna upp',
        snapshotId: null,
        notes: [{ shapeId: 'shape:a', text: 'Lugna rum' }],
      }
      return { process, meeting, origin }
    }

    it(
      '[R20] ideas are numbered within their process from 1, one number each even when made at once',
      withStore(async (store) => {
        const { process, origin } = await setUp(store)
        const other = await store.processes.create({ name: 'L', description: '', organisers: '' })
        const made = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            store.ideas.create({ processId: process.id, title: `Idé ${i}`, origin }),
          ),
        )
        expect(made.map((i) => i.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
        const first = await store.ideas.create({
          processId: other.process.id,
          title: 'Annan',
          origin,
        })
        expect(first.number).toBe(1)
        expect(first).toMatchObject({
          status: 'ide',
          ownerOrganisation: '',
          description: EMPTY_DESCRIPTION,
        })
        expect(first.history.map((h) => h.status)).toEqual(['ide'])
        expect(await store.ideas.get(process.id, first.id)).toBeNull()
        expect((await store.ideas.get(other.process.id, first.id))?.origin).toEqual(origin)
      }),
    )

    it(
      '[R21] a change of status follows the seed’s path, with its reason, in one step; others are refused and change nothing',
      withStore(async (store) => {
        const { process, origin } = await setUp(store)
        const idea = await store.ideas.create({ processId: process.id, title: 'Lugna rum', origin })
        const moved = await store.ideas.changeStatus(
          process.id,
          idea.id,
          'dialogforum',
          'Tas upp på kvalitetscaféet i mars.',
        )
        expect(moved.ok && moved.idea.status).toBe('dialogforum')
        expect(moved.ok && moved.idea.history.map((h) => [h.status, h.reason])).toEqual([
          ['ide', ''],
          ['dialogforum', 'Tas upp på kvalitetscaféet i mars.'],
        ])
        expect(await store.ideas.changeStatus(process.id, idea.id, 'ide', 'Tillbaka')).toEqual({
          ok: false,
          reason: 'invalid_transition',
          from: 'dialogforum',
        })
        expect(await store.ideas.changeStatus(process.id, 'nobody', 'beslut', 'x')).toEqual({
          ok: false,
          reason: 'not_found',
        })
        expect((await store.ideas.get(process.id, idea.id))?.history).toHaveLength(2)
      }),
    )

    it(
      '[R22] title and owner are updated; the list is the last changed first',
      withStore(async (store) => {
        const { process, origin } = await setUp(store)
        const a = await store.ideas.create({ processId: process.id, title: 'A', origin })
        const b = await store.ideas.create({ processId: process.id, title: 'B', origin })
        await new Promise((r) => setTimeout(r, 5))
        const updated = await store.ideas.update(process.id, a.id, {
          ownerOrganisation: 'Karlskrona kommun',
        })
        expect(updated).toMatchObject({ title: 'A', ownerOrganisation: 'Karlskrona kommun' })
        expect((await store.ideas.list(process.id)).map((i) => i.id)).toEqual([a.id, b.id])
        expect(await store.ideas.update(process.id, 'nobody', { title: 'x' })).toBeNull()
      }),
    )

    it(
      '[R23] erasing its meeting leaves an idea, with nothing of that board in its origin',
      withStore(async (store) => {
        const { process, meeting, origin } = await setUp(store)
        const idea = await store.ideas.create({ processId: process.id, title: 'Lugna rum', origin })
        expect(await store.ideas.ofMeeting(meeting.id)).toHaveLength(1)
        await store.ideas.forgetMeeting(meeting.id)
        await store.meetings.delete(meeting.id)
        const kept = await store.ideas.get(process.id, idea.id)
        expect(kept?.origin).toEqual({
          meetingId: null,
          meetingTitle: null,
          group: 'demokratilabb',
          phase: null,
          snapshotId: null,
          notes: [],
        })
        expect(kept?.title).toBe('Lugna rum')
        expect(await store.ideas.ofMeeting(meeting.id)).toEqual([])
      }),
    )

    it(
      '[R40] an idea gets one idébeskrivning document, the first recorded, even when two are attached at once',
      withStore(async (store) => {
        const { process, origin } = await setUp(store)
        const idea = await store.ideas.create({ processId: process.id, title: 'A', origin })
        const other = await store.ideas.create({ processId: process.id, title: 'B', origin })
        expect(await store.ideas.documentOf(process.id, idea.id)).toEqual({
          documentId: null,
          editTokenHash: null,
        })
        const attached = await Promise.all([
          store.ideas.attachDocument(process.id, idea.id, 'doc-one'),
          store.ideas.attachDocument(process.id, idea.id, 'doc-two'),
        ])
        expect(new Set(attached).size).toBe(1)
        const winner = attached[0] as string
        expect(['doc-one', 'doc-two']).toContain(winner)
        expect(await store.ideas.attachDocument(process.id, idea.id, 'doc-three')).toBe(winner)
        expect(await store.ideas.attachDocument(process.id, 'nobody', 'doc-four')).toBeNull()
        expect(await store.ideas.byDocument(winner)).toEqual({
          processId: process.id,
          ideaId: idea.id,
          documentId: winner,
          editTokenHash: null,
        })
        expect(await store.ideas.byDocument('doc-three')).toBeNull()
        await store.ideas.attachDocument(process.id, other.id, 'doc-other')
        expect((await store.ideas.documentsOfProcess(process.id)).sort()).toEqual(
          [winner, 'doc-other'].sort(),
        )
      }),
    )

    it(
      '[R42] what ideas got in a vote is kept with them; the same round again replaces it; erasing the meeting keeps the votes without its title',
      withStore(async (store) => {
        const { process, meeting, origin } = await setUp(store)
        const a = await store.ideas.create({ processId: process.id, title: 'A', origin })
        const b = await store.ideas.create({ processId: process.id, title: 'B', origin })
        const at = new Date('2027-03-12T10:00:00Z')
        const round = (votes: [number, number]) =>
          store.ideas.recordPriorities({
            meetingId: meeting.id,
            meetingTitle: 'Träff 1',
            round: 'r1',
            voters: 4,
            at,
            results: [
              { ideaId: a.id, votes: votes[0], rank: votes[0] >= votes[1] ? 1 : 2, of: 2 },
              { ideaId: b.id, votes: votes[1], rank: votes[1] >= votes[0] ? 1 : 2, of: 2 },
            ],
          })
        await round([2, 1])
        await round([2, 5])
        expect((await store.ideas.get(process.id, b.id))?.priorities).toEqual([
          {
            meetingId: meeting.id,
            meetingTitle: 'Träff 1',
            round: 'r1',
            votes: 5,
            rank: 1,
            of: 2,
            voters: 4,
            at: at.toISOString(),
          },
        ])
        expect((await store.ideas.get(process.id, a.id))?.priorities).toMatchObject([
          { votes: 2, rank: 2 },
        ])
        await store.ideas.forgetMeeting(meeting.id)
        await store.meetings.delete(meeting.id)
        expect((await store.ideas.get(process.id, b.id))?.priorities).toMatchObject([
          { meetingId: null, meetingTitle: null, votes: 5 },
        ])
      }),
    )

    it(
      '[R41] the co-editing link is opened, replaced and closed per idea',
      withStore(async (store) => {
        const { process, origin } = await setUp(store)
        const idea = await store.ideas.create({ processId: process.id, title: 'A', origin })
        const other = await store.ideas.create({ processId: process.id, title: 'B', origin })
        expect(await store.ideas.setEditToken(process.id, idea.id, 'hash-1')).toBe(true)
        expect((await store.ideas.documentOf(process.id, idea.id))?.editTokenHash).toBe('hash-1')
        expect((await store.ideas.documentOf(process.id, other.id))?.editTokenHash).toBeNull()
        await store.ideas.setEditToken(process.id, idea.id, 'hash-2')
        expect((await store.ideas.documentOf(process.id, idea.id))?.editTokenHash).toBe('hash-2')
        await store.ideas.setEditToken(process.id, idea.id, null)
        expect((await store.ideas.documentOf(process.id, idea.id))?.editTokenHash).toBeNull()
        expect(await store.ideas.setEditToken(process.id, 'nobody', 'hash-3')).toBe(false)
        expect(await store.ideas.documentOf('nobody', idea.id)).toBeNull()
      }),
    )
  })
}
