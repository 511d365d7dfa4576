import { describe, expect, it } from 'vitest'
import type { RepositoryHarness } from './repositoryContract.ts'

/** The private notes' repository contract (SPEC.md, R47–R48), run against one implementation. */
export function describePrivateNoteContract(name: string, make: () => Promise<RepositoryHarness>) {
  describe(`private note repository contract: ${name}`, () => {
    const withStore = (test: (store: RepositoryHarness['store']) => Promise<void>) => async () => {
      const harness = await make()
      try {
        await test(harness.store)
      } finally {
        await harness.cleanup()
      }
    }
    const meeting = async (store: RepositoryHarness['store']) =>
      (
        await store.meetings.create({
          title: 'Samling',
          group: 'kraftsamling',
          date: '2027-03-01',
          format: 'hybrid',
        })
      ).meeting

    it(
      '[R47] keeps the first proof, reads back per voter, refuses beyond the bound',
      withStore(async (store) => {
        const m = await meeting(store)
        const anna = (await store.voters.issue(m.id)).voterId
        const bo = (await store.voters.issue(m.id)).voterId
        const note = (shapeId: string, text: string, proof = 'p'.repeat(43)) => ({
          shapeId,
          proof,
          text,
          author: 'Anna',
        })
        expect(await store.privateNotes.put(m.id, anna, note('shape:a', 'Först'), 2)).toBe('kept')
        // Again without a proof: the one held stays; a new note without one is not kept.
        expect(
          await store.privateNotes.put(m.id, anna, { ...note('shape:a', 'Sedan'), proof: null }, 2),
        ).toBe('kept')
        expect(
          await store.privateNotes.put(m.id, bo, { ...note('shape:x', 'Utan'), proof: null }, 2),
        ).toBe('no_proof')
        expect(await store.privateNotes.put(m.id, bo, note('shape:a', 'Bos'), 2)).toBe('kept')
        expect(await store.privateNotes.put(m.id, anna, note('shape:b', 'Andra'), 2)).toBe('kept')
        expect(await store.privateNotes.put(m.id, anna, note('shape:c', 'Tredje'), 2)).toBe('full')
        expect(await store.privateNotes.put(m.id, anna, note('shape:b', 'Ändrad'), 2)).toBe('kept')
        expect(await store.privateNotes.ofVoter(m.id, anna)).toEqual([
          { shapeId: 'shape:a', text: 'Sedan', author: 'Anna' },
          { shapeId: 'shape:b', text: 'Ändrad', author: 'Anna' },
        ])
        expect(await store.privateNotes.ofVoter(m.id, bo)).toEqual([
          { shapeId: 'shape:a', text: 'Bos', author: 'Anna' },
        ])
        const annas = (await store.privateNotes.all(m.id)).find(
          (n) => n.shapeId === 'shape:a' && n.text === 'Sedan',
        )
        expect(annas?.proof).toBe('p'.repeat(43))
      }),
    )

    it(
      '[R48] all, remove, clear, and erasure with the meeting',
      withStore(async (store) => {
        const m = await meeting(store)
        const other = await meeting(store)
        const anna = (await store.voters.issue(m.id)).voterId
        const elsewhere = (await store.voters.issue(other.id)).voterId
        const note = (shapeId: string) => ({
          shapeId,
          proof: 'p'.repeat(43),
          text: shapeId,
          author: null,
        })
        await store.privateNotes.put(m.id, anna, note('shape:a'), 10)
        await store.privateNotes.put(m.id, anna, note('shape:b'), 10)
        await store.privateNotes.put(other.id, elsewhere, note('shape:z'), 10)
        expect((await store.privateNotes.all(m.id)).map((n) => n.shapeId).sort()).toEqual([
          'shape:a',
          'shape:b',
        ])
        await store.privateNotes.remove(m.id, anna, 'shape:a')
        expect((await store.privateNotes.all(m.id)).map((n) => n.shapeId)).toEqual(['shape:b'])
        await store.privateNotes.clear(m.id)
        expect(await store.privateNotes.all(m.id)).toEqual([])
        expect(await store.privateNotes.all(other.id)).toHaveLength(1)
        await store.meetings.delete(other.id)
        expect(await store.privateNotes.all(other.id)).toEqual([])
      }),
    )
  })
}
