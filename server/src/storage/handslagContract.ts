import { describe, expect, it } from 'vitest'
import type { RepositoryHarness } from './repositoryContract.ts'

/** The Handslag repository's contract (SPEC.md, R35–R39), run against one implementation. */
export function describeHandslagContract(name: string, make: () => Promise<RepositoryHarness>) {
  describe(`handslag repository contract: ${name}`, () => {
    const withStore = (test: (store: RepositoryHarness['store']) => Promise<void>) => async () => {
      const harness = await make()
      try {
        await test(harness.store)
      } finally {
        await harness.cleanup()
      }
    }
    const who = (name: string) => ({ name, role: 'Förvaltningschef', organisation: 'Org' })

    /** A process with a Verkstad meeting and a Handslag of two organisations made there. */
    const setUp = async (store: RepositoryHarness['store']) => {
      const { process } = await store.processes.create({
        name: 'K',
        description: '',
        organisers: '',
      })
      const { meeting } = await store.meetings.create(
        { title: 'Verkstad 3', group: 'kraftsamling', date: '2027-03-13', format: 'physical' },
        { processId: process.id, carryFrom: null },
      )
      const made = await store.handslag.create({
        processId: process.id,
        title: 'Handslag 2.3 Huskurer',
        meetingId: meeting.id,
        initiatives: [
          { ideaId: null, ideaNumber: null, text: 'Sprida fem huskurer' },
          { ideaId: 'A'.repeat(22), ideaNumber: 4, text: 'Lugna rum' },
        ],
      })
      if (!made) throw new Error('no handslag')
      const add = async (name: string, text: string) => {
        const added = await store.handslag.addOrganisation(process.id, made.id, {
          name,
          commitments: [{ text, due: '2027-05-01' }],
        })
        if (!added.ok) throw new Error(added.reason)
        return added.value
      }
      const region = await add('Region Blekinge', 'Anställa två kuratorer')
      const kommun = await add('Karlskrona kommun', 'Lugna rum i tre skolor')
      return { process, meeting, id: made.id, region, kommun }
    }

    it(
      '[R35] a Handslag reads back through its process only, organisations in order, unconfirmed and unsigned; each link is its own organisation’s',
      withStore(async (store) => {
        const { process, meeting, id, region, kommun } = await setUp(store)
        const read = await store.handslag.get(process.id, id)
        expect(read).toMatchObject({
          title: 'Handslag 2.3 Huskurer',
          meetingId: meeting.id,
          signedAt: null,
          initiatives: [
            { ideaId: null, ideaNumber: null, text: 'Sprida fem huskurer' },
            { ideaNumber: 4, text: 'Lugna rum' },
          ],
        })
        expect(read?.organisations.map((o) => [o.name, o.revision, o.confirmation])).toEqual([
          ['Region Blekinge', 1, null],
          ['Karlskrona kommun', 1, null],
        ])
        const other = await store.processes.create({ name: 'L', description: '', organisers: '' })
        expect(await store.handslag.get(other.process.id, id)).toBeNull()
        expect(await store.handslag.list(other.process.id)).toEqual([])
        expect((await store.handslag.list(process.id)).map((h) => h.id)).toEqual([id])
        expect((await store.handslag.byToken(id, region.token))?.organisationId).toBe(
          region.organisationId,
        )
        expect((await store.handslag.byToken(id, kommun.token))?.organisationId).toBe(
          kommun.organisationId,
        )
        expect(await store.handslag.byToken(id, 'A'.repeat(22))).toBeNull()
        expect(await store.handslag.byToken('B'.repeat(22), region.token)).toBeNull()
      }),
    )

    it(
      '[R36] a confirmation is recorded once with its time; a second, a wrong token or a stale revision is refused and changes nothing',
      withStore(async (store) => {
        const { process, id, region } = await setUp(store)
        const stale = await store.handslag.confirm(id, region.token, who('Anna'), 2)
        expect(stale).toEqual({ ok: false, reason: 'changed' })
        const first = await store.handslag.confirm(id, region.token, who('Anna Berg'), 1)
        expect(first.ok && first.signed).toBe(false)
        const before = await store.handslag.get(process.id, id)
        const confirmation = before?.organisations[0]?.confirmation
        expect(confirmation).toMatchObject(who('Anna Berg'))
        expect(Date.parse(confirmation?.at ?? '')).toBeGreaterThan(Date.now() - 60_000)
        expect(await store.handslag.confirm(id, region.token, who('Bo'), 1)).toEqual({
          ok: false,
          reason: 'already_confirmed',
        })
        expect(await store.handslag.confirm(id, 'A'.repeat(22), who('Bo'), 1)).toEqual({
          ok: false,
          reason: 'unauthorized',
        })
        expect(await store.handslag.get(process.id, id)).toEqual(before)
      }),
    )

    it(
      '[R37] the last confirmation signs it in the same transaction; several racing end signed exactly once, every one recorded',
      withStore(async (store) => {
        for (let round = 0; round < 3; round++) {
          const { process, id, region, kommun } = await setUp(store)
          const tokens = [region.token, kommun.token]
          for (let n = 0; n < 6; n++) {
            const added = await store.handslag.addOrganisation(process.id, id, {
              name: `Skola ${n}`,
              commitments: [],
            })
            if (added.ok) tokens.push(added.value.token)
          }
          const outcomes = await Promise.all(
            tokens.map((token, n) => store.handslag.confirm(id, token, who(`Person ${n}`), 1)),
          )
          expect(outcomes.every((o) => o.ok)).toBe(true)
          expect(outcomes.filter((o) => o.ok && o.signed)).toHaveLength(1)
          const signed = await store.handslag.get(process.id, id)
          expect(signed?.signedAt).not.toBeNull()
          expect(signed?.organisations.map((o) => o.confirmation?.name)).toEqual(
            tokens.map((_, n) => `Person ${n}`),
          )
        }
      }),
    )

    it(
      '[R38] edits change the work plan; new commitments clear only that confirmation; a signed Handslag refuses every change and stays as it was',
      withStore(async (store) => {
        const { process, id, region, kommun } = await setUp(store)
        await store.handslag.confirm(id, region.token, who('Anna'), 1)
        await store.handslag.confirm(id, kommun.token, who('Karin'), 1)
        // Signed: nothing may change any more.
        const signed = await store.handslag.get(process.id, id)
        expect(signed?.signedAt).not.toBeNull()
        const refusals = await Promise.all([
          store.handslag.update(process.id, id, { title: 'Nytt' }),
          store.handslag.addOrganisation(process.id, id, { name: 'X', commitments: [] }),
          store.handslag.updateOrganisation(process.id, id, region.organisationId, { name: 'X' }),
          store.handslag.removeOrganisation(process.id, id, region.organisationId),
          store.handslag.rotate(process.id, id, region.organisationId),
          store.handslag.delete(process.id, id),
        ])
        expect(refusals.map((r) => !r.ok && r.reason)).toEqual(Array(6).fill('signed'))
        expect(await store.handslag.get(process.id, id)).toEqual(signed)

        // Open (a third organisation has not confirmed): the work plan changes.
        const open = await setUp(store)
        const pid = open.process.id
        await store.handslag.addOrganisation(pid, open.id, {
          name: 'Rädda Barnen',
          commitments: [],
        })
        await store.handslag.confirm(open.id, open.region.token, who('Anna'), 1)
        await store.handslag.confirm(open.id, open.kommun.token, who('Karin'), 1)
        const edited = await store.handslag.update(pid, open.id, {
          title: 'Handslag NPF',
          meetingId: null,
          initiatives: [{ ideaId: null, ideaNumber: null, text: 'Fem budskap' }],
        })
        expect(edited.ok && edited.value).toMatchObject({
          title: 'Handslag NPF',
          meetingId: null,
          initiatives: [{ text: 'Fem budskap' }],
        })
        // The same commitments again keep the confirmation; a new name keeps it too.
        const same = await store.handslag.updateOrganisation(
          pid,
          open.id,
          open.region.organisationId,
          {
            name: 'Region Blekinge (HSF)',
            commitments: [{ text: 'Anställa två kuratorer', due: '2027-05-01' }],
          },
        )
        expect(same.ok && same.value.organisations[0]).toMatchObject({
          name: 'Region Blekinge (HSF)',
          revision: 1,
          confirmation: { name: 'Anna' },
        })
        // New commitments clear that organisation's confirmation only.
        const changed = await store.handslag.updateOrganisation(
          pid,
          open.id,
          open.region.organisationId,
          { commitments: [{ text: 'Anställa tre kuratorer', due: '2027-06-01' }] },
        )
        expect(
          changed.ok &&
            changed.value.organisations.map((o) => [o.revision, o.confirmation?.name ?? null]),
        ).toEqual([
          [2, null],
          [1, 'Karin'],
          [1, null],
        ])
        // Unknown organisations and other processes are refused; nothing else changed.
        const before = await store.handslag.get(pid, open.id)
        const unknown = 'C'.repeat(22)
        for (const refused of [
          await store.handslag.updateOrganisation(pid, open.id, unknown, { name: 'X' }),
          await store.handslag.removeOrganisation(pid, open.id, unknown),
          await store.handslag.rotate(pid, open.id, unknown),
        ])
          expect(refused).toEqual({ ok: false, reason: 'organisation_not_found' })
        expect(await store.handslag.update(process.id, open.id, { title: 'x' })).toEqual({
          ok: false,
          reason: 'not_found',
        })
        expect(await store.handslag.get(pid, open.id)).toEqual(before)
        // The old revision is stale now; the new one confirms.
        expect(await store.handslag.confirm(open.id, open.region.token, who('Anna'), 1)).toEqual({
          ok: false,
          reason: 'changed',
        })
        const again = await store.handslag.confirm(open.id, open.region.token, who('Anna'), 2)
        expect(again.ok && again.signed).toBe(false)
      }),
    )

    it(
      '[R39] a rotated link replaces the old; a removed organisation’s link stops; removing the last unconfirmed one signs; erasing the meeting unlinks it; erasing the process erases it all',
      withStore(async (store) => {
        const { process, meeting, id, region, kommun } = await setUp(store)
        const rotated = await store.handslag.rotate(process.id, id, region.organisationId)
        if (!rotated.ok) throw new Error(rotated.reason)
        expect(await store.handslag.byToken(id, region.token)).toBeNull()
        expect((await store.handslag.byToken(id, rotated.value))?.organisationId).toBe(
          region.organisationId,
        )
        await store.handslag.confirm(id, rotated.value, who('Anna'), 1)
        const removed = await store.handslag.removeOrganisation(
          process.id,
          id,
          kommun.organisationId,
        )
        expect(await store.handslag.byToken(id, kommun.token)).toBeNull()
        expect(removed.ok && removed.value.signedAt).not.toBeNull()

        const open = await store.handslag.create({
          processId: process.id,
          title: 'Utkast',
          meetingId: meeting.id,
          initiatives: [],
        })
        expect(
          (await store.handslag.list(process.id)).map((h) => [h.title, h.organisations.length]),
        ).toEqual([
          ['Handslag 2.3 Huskurer', 1],
          ['Utkast', 0],
        ])
        await store.meetings.delete(meeting.id)
        expect((await store.handslag.get(process.id, open?.id ?? ''))?.meetingId).toBeNull()
        expect(await store.handslag.delete(process.id, open?.id ?? '')).toEqual({
          ok: true,
          value: null,
        })
        await store.processes.delete(process.id)
        expect(await store.handslag.list(process.id)).toEqual([])
        expect(await store.handslag.byToken(id, rotated.value)).toBeNull()
      }),
    )
  })
}
