import { describe, expect, it } from 'vitest'
import type { NewBlueListItem } from './repositories.ts'
import type { RepositoryHarness } from './repositoryContract.ts'

/** Blå listan's repository contract (SPEC.md, R29–R33), run against one implementation. */
export function describeBlueListContract(name: string, make: () => Promise<RepositoryHarness>) {
  describe(`blue list repository contract: ${name}`, () => {
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
      const item = (changes: Partial<NewBlueListItem> = {}): NewBlueListItem => ({
        processId: process.id,
        need: 'Fler skolkuratorer',
        needFromSource: false,
        source: { kind: 'none' },
        raisedTo: '',
        ...changes,
      })
      return { process, meeting, item }
    }

    it(
      '[R29] items are numbered within their process from 1, one number each even when made at once, never one given before',
      withStore(async (store) => {
        const { process, item } = await setUp(store)
        const other = await store.processes.create({ name: 'L', description: '', organisers: '' })
        const made = await Promise.all(
          Array.from({ length: 8 }, (_, i) => store.blueList.create(item({ need: `Behov ${i}` }))),
        )
        expect(made.map((i) => i.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
        const first = await store.blueList.create(item({ processId: other.process.id }))
        expect(first).toMatchObject({
          number: 1,
          status: 'ny',
          raisedTo: '',
          source: { kind: 'none' },
        })
        expect(first.history.map((h) => [h.status, h.comment])).toEqual([['ny', '']])
        expect(await store.blueList.get(process.id, first.id)).toBeNull()
        // The last one deleted: its number is not handed out again.
        const last = made.find((i) => i.number === 8)
        expect(await store.blueList.delete(process.id, last?.id ?? '')).toBe(true)
        expect((await store.blueList.create(item())).number).toBe(9)
        expect((await store.blueList.list(process.id)).map((i) => i.number)).toEqual([
          1, 2, 3, 4, 5, 6, 7, 9,
        ])
      }),
    )

    it(
      '[R30] a change of status follows the path, with its comment, in one step; others are refused and change nothing',
      withStore(async (store) => {
        const { process, item } = await setUp(store)
        const made = await store.blueList.create(item())
        const raised = await store.blueList.changeStatus(
          process.id,
          made.id,
          'lyft',
          'Lyft till regionens presidium i mars.',
        )
        expect(raised.ok && raised.item.status).toBe('lyft')
        expect(raised.ok && raised.item.history.map((h) => [h.status, h.comment])).toEqual([
          ['ny', ''],
          ['lyft', 'Lyft till regionens presidium i mars.'],
        ])
        expect(await store.blueList.changeStatus(process.id, made.id, 'ny', '')).toEqual({
          ok: false,
          reason: 'invalid_transition',
          from: 'lyft',
        })
        expect(await store.blueList.changeStatus(process.id, made.id, 'lyft', '')).toEqual({
          ok: false,
          reason: 'invalid_transition',
          from: 'lyft',
        })
        expect(await store.blueList.changeStatus(process.id, 'nobody', 'lyft', '')).toEqual({
          ok: false,
          reason: 'not_found',
        })
        const other = await store.processes.create({ name: 'L', description: '', organisers: '' })
        expect(
          await store.blueList.changeStatus(other.process.id, made.id, 'avslutad', ''),
        ).toEqual({ ok: false, reason: 'not_found' })
        const closed = await store.blueList.changeStatus(process.id, made.id, 'avslutad', '')
        expect(closed.ok && closed.item.history.map((h) => h.status)).toEqual([
          'ny',
          'lyft',
          'avslutad',
        ])
        const reopened = await store.blueList.changeStatus(process.id, made.id, 'ny', 'Igen')
        expect(reopened.ok && reopened.item.status).toBe('ny')
      }),
    )

    it(
      '[R31] the need and to whom it is raised are updated, only through the item’s process; a new need is no longer the notes’ text',
      withStore(async (store) => {
        const { process, meeting, item } = await setUp(store)
        const made = await store.blueList.create(
          item({
            need: 'Lugna rum',
            needFromSource: true,
            source: {
              kind: 'note',
              meetingId: meeting.id,
              meetingTitle: 'Träff 1',
              text: 'Lugna rum',
            },
          }),
        )
        await new Promise((r) => setTimeout(r, 5))
        const updated = await store.blueList.update(process.id, made.id, {
          raisedTo: 'Regionens presidium',
        })
        expect(updated).toMatchObject({ need: 'Lugna rum', raisedTo: 'Regionens presidium' })
        expect(updated && updated.updatedAt > made.updatedAt).toBe(true)
        const other = await store.processes.create({ name: 'L', description: '', organisers: '' })
        expect(await store.blueList.update(other.process.id, made.id, { need: 'x' })).toBeNull()
        expect(await store.blueList.delete(other.process.id, made.id)).toBe(false)
        expect(await store.blueList.update(process.id, 'nobody', { need: 'x' })).toBeNull()
        await store.blueList.update(process.id, made.id, { need: 'Ett lugnt rum på varje skola' })
        // Rewritten, the need is the process's words: erasing the meeting leaves it.
        await store.blueList.forgetMeeting(meeting.id)
        expect(await store.blueList.get(process.id, made.id)).toMatchObject({
          need: 'Ett lugnt rum på varje skola',
          source: { kind: 'note', meetingId: null, meetingTitle: null, text: '' },
        })
      }),
    )

    it(
      '[R32] erasing its meeting leaves an item, with nothing of that meeting in it',
      withStore(async (store) => {
        const { process, meeting, item } = await setUp(store)
        const other = await store.meetings.create(
          { title: 'Samling 1', group: 'kraftsamling', date: '2027-02-13', format: 'hybrid' },
          { processId: process.id, carryFrom: null },
        )
        const fromNote = await store.blueList.create(
          item({
            need: 'Lugna rum på rasterna',
            needFromSource: true,
            source: {
              kind: 'note',
              meetingId: meeting.id,
              meetingTitle: 'Träff 1',
              text: 'Lugna rum på rasterna',
            },
            raisedTo: 'Skolchefen',
          }),
        )
        const fromMeeting = await store.blueList.create(
          item({
            need: 'Ungdomsmottagning på kvällstid',
            source: { kind: 'meeting', meetingId: meeting.id, meetingTitle: 'Träff 1' },
          }),
        )
        const elsewhere = await store.blueList.create(
          item({
            source: { kind: 'meeting', meetingId: other.meeting.id, meetingTitle: 'Samling 1' },
          }),
        )
        await store.blueList.changeStatus(process.id, fromNote.id, 'lyft', 'Skickat i april')
        await store.blueList.forgetMeeting(meeting.id)
        await store.meetings.delete(meeting.id)
        expect(await store.blueList.get(process.id, fromNote.id)).toMatchObject({
          number: fromNote.number,
          need: '',
          source: { kind: 'note', meetingId: null, meetingTitle: null, text: '' },
          raisedTo: 'Skolchefen',
          status: 'lyft',
        })
        expect(await store.blueList.get(process.id, fromMeeting.id)).toMatchObject({
          need: 'Ungdomsmottagning på kvällstid',
          source: { kind: 'meeting', meetingId: null, meetingTitle: null },
        })
        expect((await store.blueList.get(process.id, elsewhere.id))?.source).toEqual({
          kind: 'meeting',
          meetingId: other.meeting.id,
          meetingTitle: 'Samling 1',
        })
      }),
    )

    it(
      '[R33] an item from an idea keeps its number and title; deleting an item erases it and its history; deleting the process erases its list',
      withStore(async (store) => {
        const { process, meeting, item } = await setUp(store)
        const idea = await store.ideas.create({
          processId: process.id,
          title: 'Lugna rum',
          origin: {
            meetingId: meeting.id,
            meetingTitle: 'Träff 1',
            group: 'demokratilabb',
            phase: null,
            snapshotId: null,
            notes: [],
          },
        })
        const fromIdea = await store.blueList.create(
          item({
            source: { kind: 'idea', ideaId: idea.id, ideaNumber: 1, ideaTitle: 'Lugna rum' },
          }),
        )
        expect(fromIdea.source).toEqual({
          kind: 'idea',
          ideaId: idea.id,
          ideaNumber: 1,
          ideaTitle: 'Lugna rum',
        })
        const gone = await store.blueList.create(item())
        await store.blueList.changeStatus(process.id, gone.id, 'lyft', 'x')
        expect(await store.blueList.delete(process.id, gone.id)).toBe(true)
        expect(await store.blueList.get(process.id, gone.id)).toBeNull()
        expect(await store.blueList.delete(process.id, gone.id)).toBe(false)
        expect((await store.blueList.list(process.id)).map((i) => i.id)).toEqual([fromIdea.id])
        await store.meetings.delete(meeting.id)
        await store.processes.delete(process.id)
        expect(await store.blueList.list(process.id)).toEqual([])
        expect(await store.blueList.get(process.id, fromIdea.id)).toBeNull()
      }),
    )
  })
}
