import { EMPTY_RECORD_TEXTS, type RecordTexts } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import type { RepositoryHarness } from './repositoryContract.ts'

/** The meeting record's repository contract (SPEC.md, R43–R45), run against one implementation. */
export function describeMeetingRecordContract(
  name: string,
  make: () => Promise<RepositoryHarness>,
) {
  describe(`meeting record repository contract: ${name}`, () => {
    const withStore = (test: (store: RepositoryHarness['store']) => Promise<void>) => async () => {
      const harness = await make()
      try {
        await test(harness.store)
      } finally {
        await harness.cleanup()
      }
    }
    const meeting = async (store: RepositoryHarness['store'], processId: string | null = null) =>
      (
        await store.meetings.create(
          { title: 'Samling', group: 'kraftsamling', date: '2027-03-01', format: 'hybrid' },
          processId ? { processId, carryFrom: null } : undefined,
        )
      ).meeting
    const join = async (
      store: RepositoryHarness['store'],
      meetingId: string,
      organisation: string | null,
      sector: 'kommun' | 'region' | null = null,
    ) => {
      const { voterId } = await store.voters.issue(meetingId)
      await store.records.attend(meetingId, voterId, { organisation, sector })
      return voterId
    }

    it(
      '[R43] attendance counts each voter once, groups organisations whatever their case, most first',
      withStore(async (store) => {
        const m = await meeting(store)
        const other = await meeting(store)
        const first = await join(store, m.id, 'karlskrona kommun', 'kommun')
        await join(store, m.id, 'Region Blekinge', 'region')
        await join(store, m.id, 'Karlskrona kommun', 'kommun')
        await join(store, m.id, 'Karlskrona kommun', null)
        await join(store, m.id, null, null)
        await join(store, other.id, 'Länsstyrelsen', 'region')
        // The first one joins again and says something else: still one person.
        await store.records.attend(m.id, first, {
          organisation: 'Region Blekinge',
          sector: 'region',
        })
        expect(await store.records.attendance(m.id)).toEqual({
          count: 5,
          organisations: [
            { name: 'Karlskrona kommun', count: 2 },
            { name: 'Region Blekinge', count: 2 },
          ],
          sectors: [
            { sector: 'region', count: 2 },
            { sector: 'kommun', count: 1 },
          ],
        })
        expect((await store.records.attendance(other.id)).count).toBe(1)
      }),
    )

    it(
      '[R44] suggestions come from the meetings of the same process only, most used first',
      withStore(async (store) => {
        const a = await store.processes.create({ name: 'A', description: '', organisers: '' })
        const b = await store.processes.create({ name: 'B', description: '', organisers: '' })
        const first = await meeting(store, a.process.id)
        const second = await meeting(store, a.process.id)
        const elsewhere = await meeting(store, b.process.id)
        const alone = await meeting(store)
        await join(store, first.id, 'Region Blekinge')
        await join(store, second.id, 'Karlskrona kommun')
        await join(store, second.id, 'karlskrona kommun')
        await join(store, elsewhere.id, 'Hemlig förening')
        await join(store, alone.id, 'Ensam AB')
        expect(await store.records.organisationSuggestions(first.id, a.process.id)).toEqual([
          'Karlskrona kommun',
          'Region Blekinge',
        ])
        expect(await store.records.organisationSuggestions(alone.id, null)).toEqual(['Ensam AB'])
      }),
    )

    it(
      '[R45] publishing copies the draft; later drafts leave the copy; erasing the meeting erases both',
      withStore(async (store) => {
        const m = await meeting(store)
        expect(await store.records.texts(m.id)).toEqual({
          draft: EMPTY_RECORD_TEXTS,
          published: null,
        })
        const draft: RecordTexts = {
          ...EMPTY_RECORD_TEXTS,
          introduction: 'Vi genomförde det åttonde mötet.',
          links: [{ title: 'Samverkanswebben', url: 'https://example.se/osbr', description: '' }],
        }
        await store.records.saveDraft(m.id, draft)
        await join(store, m.id, 'Region Blekinge', 'region')
        const attendance = await store.records.attendance(m.id)
        await store.records.publish(m.id, { texts: draft, attendance })
        await store.records.saveDraft(m.id, { ...draft, introduction: 'Ändrad efteråt.' })
        await join(store, m.id, 'Karlskrona kommun', 'kommun')
        expect(await store.records.texts(m.id)).toEqual({
          draft: { ...draft, introduction: 'Ändrad efteråt.' },
          published: { texts: draft, attendance },
        })
        await store.meetings.delete(m.id)
        expect(await store.records.texts(m.id)).toEqual({
          draft: EMPTY_RECORD_TEXTS,
          published: null,
        })
        expect((await store.records.attendance(m.id)).count).toBe(0)
      }),
    )
  })
}
