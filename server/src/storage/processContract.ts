import type { CreateMeetingRequest } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import type { NewCrossing } from './repositories.ts'
import type { RepositoryHarness } from './repositoryContract.ts'

const process = {
  name: 'Kraftsamling Blekinge',
  description: 'Unga och psykisk hälsa',
  organisers: 'Region Blekinge',
}
const meetingRequest = (changes: Partial<CreateMeetingRequest> = {}): CreateMeetingRequest => ({
  title: 'Samling 1',
  group: 'kraftsamling',
  date: '2027-02-13',
  format: 'physical',
  ...changes,
})
const note = (from: string, to: string, processId: string, shape = 'shape:lapp'): NewCrossing => ({
  processId,
  fromMeetingId: from,
  toMeetingId: to,
  sourceShapeId: shape,
  text: 'Mer tid med kuratorn',
  color: 'yellow',
  origin: {
    group: 'demokratilabb',
    meetingTitle: 'Träff 1',
    phase: 'Öppna upp',
    date: '2027-02-05',
  },
  author: null,
  message: 'Från oss',
})

/** The process repositories' contract (SPEC.md, R15–R19), run against one implementation. */
export function describeProcessContract(name: string, make: () => Promise<RepositoryHarness>) {
  describe(`process repository contract: ${name}`, () => {
    const withStore = (test: (store: RepositoryHarness['store']) => Promise<void>) => async () => {
      const harness = await make()
      try {
        await test(harness.store)
      } finally {
        await harness.cleanup()
      }
    }

    it(
      '[R15] a process reads back; its link is a facilitator’s on its own meetings only, in timeline order',
      withStore(async ({ processes, meetings }) => {
        const created = await processes.create(process)
        expect(created.process).toMatchObject(process)
        expect(await processes.get(created.process.id)).toEqual(created.process)
        expect(await processes.get('nobody')).toBeNull()
        expect(await processes.verify(created.process.id, created.token)).toBe(true)
        expect(await processes.verify(created.process.id, 'AAAAAAAAAAAAAAAAAAAAAA')).toBe(false)
        const other = await processes.create({ ...process, name: 'Annan' })
        expect(await processes.verify(other.process.id, created.token)).toBe(false)

        const placement = { processId: created.process.id, carryFrom: null }
        const second = await meetings.create(
          meetingRequest({ title: 'Samling 2', date: '2027-03-13' }),
          placement,
        )
        const first = await meetings.create(meetingRequest(), placement)
        const youth = await meetings.create(
          meetingRequest({ title: 'Träff 1', group: 'demokratilabb', date: '2027-02-05' }),
          placement,
        )
        const outside = await meetings.create(meetingRequest({ title: 'Utanför' }))
        expect(first.meeting.processId).toBe(created.process.id)
        expect(outside.meeting.processId).toBeNull()
        expect((await meetings.inProcess(created.process.id)).map((m) => m.title)).toEqual([
          'Träff 1',
          'Samling 1',
          'Samling 2',
        ])
        for (const m of [first, second, youth])
          expect(await meetings.roleOf(m.meeting.id, created.token)).toBe('facilitator')
        expect(await meetings.roleOf(outside.meeting.id, created.token)).toBeNull()
        expect(await meetings.roleOf(first.meeting.id, other.token)).toBeNull()
        // The meeting's own links keep working.
        expect(await meetings.roleOf(first.meeting.id, first.tokens.participant)).toBe(
          'participant',
        )

        const updated = await processes.update(created.process.id, { name: 'Kraftsamling 2027' })
        expect(updated).toEqual({ ...created.process, name: 'Kraftsamling 2027' })
        expect(await processes.update('nobody', { name: 'x' })).toBeNull()
      }),
    )

    it(
      '[R16] a meeting moves into a process once; never out of another process',
      withStore(async ({ processes, meetings }) => {
        const a = await processes.create(process)
        const b = await processes.create({ ...process, name: 'B' })
        const { meeting, tokens } = await meetings.create(meetingRequest())
        expect(await meetings.adopt(meeting.id, a.process.id)).toBe(true)
        expect(await meetings.adopt(meeting.id, a.process.id)).toBe(true)
        expect(await meetings.adopt(meeting.id, b.process.id)).toBe(false)
        expect((await meetings.get(meeting.id))?.processId).toBe(a.process.id)
        expect(await meetings.roleOf(meeting.id, a.token)).toBe('facilitator')
        expect(await meetings.roleOf(meeting.id, b.token)).toBeNull()
        expect(await meetings.roleOf(meeting.id, tokens.facilitator)).toBe('facilitator')
        expect(await meetings.adopt('nobody', a.process.id)).toBe(false)
      }),
    )

    it(
      '[R17] a note is recorded once per sending and receiving meeting; the rest is counted as sent before',
      withStore(async ({ processes, meetings, crossings }) => {
        const p = await processes.create(process)
        const placement = { processId: p.process.id, carryFrom: null }
        const youth = await meetings.create(meetingRequest({ group: 'demokratilabb' }), placement)
        const s1 = await meetings.create(meetingRequest(), placement)
        const s2 = await meetings.create(meetingRequest({ title: 'Samling 2' }), placement)
        const from = youth.meeting.id
        const first = await crossings.send([note(from, s1.meeting.id, p.process.id)])
        expect(first.created).toHaveLength(1)
        expect(first.existing).toHaveLength(0)
        expect(first.created[0]).toMatchObject({
          text: 'Mer tid med kuratorn',
          author: null,
          message: 'Från oss',
          origin: { group: 'demokratilabb', meetingTitle: 'Träff 1', phase: 'Öppna upp' },
          deliveredShapeId: null,
          answer: null,
        })
        const again = await crossings.send([
          note(from, s1.meeting.id, p.process.id),
          note(from, s1.meeting.id, p.process.id, 'shape:annan'),
          note(from, s2.meeting.id, p.process.id),
        ])
        expect(again.created.map((c) => [c.toMeetingId, c.sourceShapeId])).toEqual([
          [s1.meeting.id, 'shape:annan'],
          [s2.meeting.id, 'shape:lapp'],
        ])
        expect(again.existing.map((c) => c.id)).toEqual([first.created[0]?.id])
        expect(await crossings.ofProcess(p.process.id)).toHaveLength(3)
        expect(await crossings.touching(s1.meeting.id)).toHaveLength(2)
        expect(await crossings.touching(from)).toHaveLength(3)
        expect(await crossings.get(first.created[0]?.id ?? '')).toEqual(first.created[0])
        expect(await crossings.get('nobody')).toBeNull()
      }),
    )

    it(
      '[R18] delivery is recorded once; an answer is written and rewritten',
      withStore(async ({ processes, meetings, crossings }) => {
        const p = await processes.create(process)
        const placement = { processId: p.process.id, carryFrom: null }
        const youth = await meetings.create(meetingRequest({ group: 'demokratilabb' }), placement)
        const s1 = await meetings.create(meetingRequest(), placement)
        const { created } = await crossings.send([
          note(youth.meeting.id, s1.meeting.id, p.process.id),
        ])
        const id = created[0]?.id ?? ''
        expect(await crossings.delivered(id, 'shape:kopia')).toBe(true)
        expect(await crossings.delivered(id, 'shape:annan')).toBe(false)
        expect((await crossings.get(id))?.deliveredShapeId).toBe('shape:kopia')
        const answered = await crossings.answer(id, 'Vi tar upp det med skolorna')
        expect(answered?.answer?.text).toBe('Vi tar upp det med skolorna')
        expect(Number.isNaN(Date.parse(answered?.answer?.at ?? ''))).toBe(false)
        expect((await crossings.answer(id, 'Nytt svar'))?.answer?.text).toBe('Nytt svar')
        expect((await crossings.get(id))?.answer?.text).toBe('Nytt svar')
        expect(await crossings.answer('nobody', 'x')).toBeNull()
      }),
    )

    it(
      '[R19] carrying forward is taken once; erasing a meeting or a process takes its crossings with it; publication',
      withStore(async ({ processes, meetings, crossings }) => {
        const p = await processes.create(process)
        const youth = await meetings.create(meetingRequest({ group: 'demokratilabb' }), {
          processId: p.process.id,
          carryFrom: null,
        })
        const s1 = await meetings.create(meetingRequest(), {
          processId: p.process.id,
          carryFrom: null,
        })
        const s2 = await meetings.create(meetingRequest({ title: 'Samling 2' }), {
          processId: p.process.id,
          carryFrom: s1.meeting.id,
        })
        expect(await meetings.takeCarryForward(s1.meeting.id)).toBeNull()
        expect(await meetings.takeCarryForward(s2.meeting.id)).toBe(s1.meeting.id)
        expect(await meetings.takeCarryForward(s2.meeting.id)).toBeNull()

        await crossings.send([
          note(youth.meeting.id, s1.meeting.id, p.process.id),
          note(youth.meeting.id, s2.meeting.id, p.process.id),
        ])
        await meetings.delete(s1.meeting.id)
        expect((await crossings.ofProcess(p.process.id)).map((c) => c.toMeetingId)).toEqual([
          s2.meeting.id,
        ])

        expect(await processes.publicationToken(p.process.id)).toBeNull()
        const token = await processes.publish(p.process.id)
        expect(await processes.publish(p.process.id)).toBe(token)
        expect((await processes.byPublicationToken(token))?.id).toBe(p.process.id)
        await processes.unpublish(p.process.id)
        expect(await processes.byPublicationToken(token)).toBeNull()
        expect(await processes.publish(p.process.id)).not.toBe(token)

        await meetings.delete(youth.meeting.id)
        await meetings.delete(s2.meeting.id)
        await processes.delete(p.process.id)
        expect(await processes.get(p.process.id)).toBeNull()
        expect(await crossings.ofProcess(p.process.id)).toEqual([])
      }),
    )
  })
}
