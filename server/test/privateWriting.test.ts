import { createHash, randomBytes } from 'node:crypto'
import {
  AUTHOR_META_KEY,
  CloseCode,
  CONTROLS_MAP,
  ControlKey,
  EditRefusal,
  MAX_PRIVATE_NOTES_PER_VOTER,
  PRIVATE_META_KEY,
  RECORDS_MAP,
  VOTER_HEADER,
  type VoterCredential,
  voterHeaderValue,
} from '@samla/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { closeOf, useAttackFixture } from './attacks/fixture.ts'
import { note, textNote } from './fixtures/records.ts'
import { updateFrame } from './frames.ts'
import { storedDoc, type TestServer, waitForDoc } from './helpers.ts'
import { createMeeting, layOutPhases } from './meeting.ts'
import { allRows } from './tableRows.ts'

/**
 * "Skriv enskilt" on the server: while it is on for a phase, nothing a participant sends may
 * put text on that phase; each browser's texts are held under its voter credential and handed
 * back to it alone; the reveal writes each into the card whose mark is the proof of its secret.
 */
const { server, stock, raw } = useAttackFixture()

const newSecret = () => randomBytes(24).toString('base64url')
const proofOf = (secret: string) => createHash('sha256').update(secret).digest('base64url')
/** A blank card as a page writes it while writing privately: no text, no author, a proof. */
const card = (id: string, parentId: string, proof: string) =>
  note(id, parentId, 300, 60, [], 'yellow', { [PRIVATE_META_KEY]: proof })

async function privateMeeting(s: TestServer) {
  const m = await createMeeting(s.url)
  const facilitator = stock(s, m.boardId, m.token('facilitator'))
  await facilitator.synced
  layOutPhases(facilitator.doc)
  const projector = stock(s, m.boardId, m.token('projector'))
  const participant = stock(s, m.boardId, m.token('participant'))
  await Promise.all([projector.synced, participant.synced])
  await waitForDoc(participant.doc, () => participant.doc.getMap(RECORDS_MAP).has('shape:b'))
  const call = (
    path: string,
    { token = m.token('facilitator'), method = 'POST', body, voter }: CallOptions = {},
  ) =>
    fetch(`${s.url}/api/meetings/${m.meeting.id}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(voter ? { [VOTER_HEADER]: voterHeaderValue(voter) } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
  const voter = async (): Promise<VoterCredential> =>
    (await (await call('/voters', { token: m.token('participant') })).json()) as VoterCredential
  const putText = (voter: VoterCredential, shapeId: string, text: string, secret: string) =>
    call(`/private-notes/${shapeId}`, {
      method: 'PUT',
      token: m.token('participant'),
      voter,
      body: { text, secret, author: 'Anna' },
    })
  /** What a participant sends over a raw socket: accepted, or how it was closed. */
  const participantWrites = async (write: (records: Y.Map<unknown>) => void) => {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(participant.doc))
    const before = Y.encodeStateVector(copy)
    write(copy.getMap(RECORDS_MAP))
    const attacker = await raw(s, m.boardId, { token: m.token('participant') })
    const closed = closeOf(attacker)
    attacker.send(updateFrame(Y.encodeStateAsUpdate(copy, before)))
    return (await attacker.handled()) === 'closed' ? await closed : 'accepted'
  }
  return { ...m, facilitator, projector, participant, call, voter, putText, participantWrites }
}

interface CallOptions {
  token?: string | null
  method?: string
  body?: unknown
  voter?: VoterCredential
}

const refused = { code: CloseCode.EditRefused, reason: EditRefusal.PrivateWriting }
const storedRecords = async (s: TestServer, boardId: string) =>
  (await storedDoc(s, boardId)).getMap(RECORDS_MAP).toJSON()
/** Whether a text is anywhere in what a browser holds of the board (every byte of it). */
const holds = (doc: Y.Doc, text: string) =>
  Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text))

describe('private writing', () => {
  it('refuses any text a participant puts on the private phase, takes blank cards and moves, and keeps each card’s proof', async () => {
    const s = await server()
    const m = await privateMeeting(s)
    expect((await m.call('/private-writing', { body: { phaseId: 'page:one' } })).status).toBe(200)
    await waitForDoc(
      m.participant.doc,
      () => m.participant.doc.getMap(CONTROLS_MAP).get(ControlKey.privateWriting) === 'page:one',
    )

    const before = await storedRecords(s, m.boardId)
    // A page that does not know private writing writes the note with its text: refused.
    expect(
      await m.participantWrites((r) =>
        r.set('shape:open', textNote('shape:open', 'shape:q', 'Hemligt')),
      ),
    ).toEqual(refused)
    // Words hidden where tldraw shows nothing are text too.
    expect(
      await m.participantWrites((r) =>
        r.set('shape:hid', {
          ...card('shape:hid', 'shape:q', proofOf(newSecret())),
          props: {
            ...card('shape:hid', 'shape:q', 'x').props,
            richText: { type: 'doc', content: [{ type: 'paragraph', attrs: { alt: 'Hemligt' } }] },
          },
        }),
      ),
    ).toEqual(refused)
    // Changing the text of a note already on the phase, even one written before.
    expect(
      await m.participantWrites((r) =>
        r.set('shape:a', textNote('shape:a', 'shape:q', 'Ändrad', 20, 60)),
      ),
    ).toEqual(refused)
    expect(await storedRecords(s, m.boardId)).toEqual(before)

    // A blank card is taken; so is moving a note that already had its text.
    const proof = proofOf(newSecret())
    expect(
      await m.participantWrites((r) => r.set('shape:c', card('shape:c', 'shape:q', proof))),
    ).toBe('accepted')
    expect(
      await m.participantWrites((r) =>
        r.set('shape:a', textNote('shape:a', 'shape:q', 'Fler vuxna på rasterna', 40, 80)),
      ),
    ).toBe('accepted')
    await waitForDoc(m.participant.doc, () => m.participant.doc.getMap(RECORDS_MAP).has('shape:c'))
    // Nobody rewrites a card's proof (their own words would be revealed in it).
    expect(
      await m.participantWrites((r) =>
        r.set('shape:c', card('shape:c', 'shape:q', proofOf(newSecret()))),
      ),
    ).toEqual(refused)
    // On another phase nothing changes (Testa is shown once it is current).
    // The flag itself is the server's: not even the facilitator's socket may clear it.
    const facilitatorSocket = await raw(s, m.boardId, { token: m.token('facilitator') })
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(m.facilitator.doc))
    const sv = Y.encodeStateVector(copy)
    copy.getMap(CONTROLS_MAP).delete(ControlKey.privateWriting)
    const closed = closeOf(facilitatorSocket)
    facilitatorSocket.send(updateFrame(Y.encodeStateAsUpdate(copy, sv)))
    expect(await closed).toEqual({ code: CloseCode.EditRefused, reason: EditRefusal.ServerOwned })
    expect(
      (await storedDoc(s, m.boardId)).getMap(CONTROLS_MAP).get(ControlKey.privateWriting),
    ).toBe('page:one')
  })

  it('holds each voter’s texts for that voter alone, and reveals each into its own card only', async () => {
    const s = await server()
    const m = await privateMeeting(s)
    const anna = await m.voter()
    const bo = await m.voter()
    const secret = newSecret()
    // Before private writing is on there is nothing to hold.
    expect((await m.putText(anna, 'shape:c', 'För tidigt', secret)).status).toBe(409)
    expect((await m.call('/private-writing', { body: { phaseId: 'page:one' } })).status).toBe(200)

    // Anna's page writes her blank card and sends its text with the secret.
    m.participant.doc
      .getMap(RECORDS_MAP)
      .set('shape:c', card('shape:c', 'shape:q', proofOf(secret)))
    expect((await m.putText(anna, 'shape:c', 'Mer rörelse i skolan', secret)).status).toBe(204)
    // Bo saw the card's id and claims it with words and a secret of his own.
    expect((await m.putText(bo, 'shape:c', 'Kapad', newSecret())).status).toBe(204)
    // Each reads back their own, nobody else's; without a credential, nothing.
    const own = async (voter?: VoterCredential) => {
      const res = await m.call('/private-notes', {
        method: 'GET',
        token: m.token('participant'),
        voter,
      })
      return res.status === 200 ? ((await res.json()) as { notes: unknown[] }).notes : res.status
    }
    expect(await own(anna)).toEqual([
      { shapeId: 'shape:c', text: 'Mer rörelse i skolan', author: 'Anna' },
    ])
    expect(await own(bo)).toEqual([{ shapeId: 'shape:c', text: 'Kapad', author: 'Anna' }])
    expect(await own()).toBe(401)
    // Bad requests: clear errors, nothing kept.
    const put = (body: unknown, shapeId = 'shape:d', voter: VoterCredential | null = anna) =>
      m.call(`/private-notes/${shapeId}`, {
        method: 'PUT',
        token: m.token('participant'),
        voter: voter ?? undefined,
        body,
      })
    const code = async (res: Response) =>
      [res.status, ((await res.json()) as { error: { code: string } }).error.code] as const
    expect((await put('{"text": ')).status).toBe(400)
    expect((await put({ text: 'x'.repeat(2001), secret, author: null })).status).toBe(400)
    expect((await put({ text: 'x', secret: 'short', author: null })).status).toBe(400)
    expect((await put({ text: 'x', secret, author: null, extra: 1 })).status).toBe(400)
    expect(await code(await put({ text: 'x', secret, author: null }, 'nope'))).toEqual([
      400,
      'invalid_shape',
    ])
    expect(await code(await put({ text: 'x', secret, author: null }, 'shape:d', null))).toEqual([
      401,
      'invalid_voter',
    ])
    expect(
      (
        await m.call('/private-notes/shape:d', {
          method: 'PUT',
          token: m.token('projector'),
          voter: anna,
          body: { text: 'x', secret, author: null },
        })
      ).status,
    ).toBe(401)
    expect(await own(anna)).toHaveLength(1)

    // The text is in no browser but Anna's: not the projector's, not another participant's
    // (this one wrote the card), not the stored board.
    await waitForDoc(m.projector.doc, () => m.projector.doc.getMap(RECORDS_MAP).has('shape:c'))
    for (const doc of [m.projector.doc, m.participant.doc, await storedDoc(s, m.boardId)])
      expect(holds(doc, 'Mer rörelse')).toBe(false)

    const revealed = await m.call('/private-writing/reveal')
    expect(await revealed.json()).toEqual({ revealed: 1 })
    await waitForDoc(
      m.projector.doc,
      () => !m.projector.doc.getMap(CONTROLS_MAP).has(ControlKey.privateWriting),
    )
    const shown = m.projector.doc.getMap(RECORDS_MAP).get('shape:c') as {
      props: { richText: unknown }
      meta: Record<string, unknown>
    }
    expect(shown.props.richText).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Mer rörelse i skolan' }] }],
    })
    expect(shown.meta[PRIVATE_META_KEY]).toBeUndefined()
    expect(shown.meta[AUTHOR_META_KEY]).toBe('Anna')
    expect(holds(m.projector.doc, 'Kapad')).toBe(false)
    // Held no longer, anywhere.
    expect((await allRows(s.config)).private_notes).toEqual([])
    expect(await own(anna)).toEqual([])
    // And participants write as before.
    expect(
      await m.participantWrites((r) => r.set('shape:e', textNote('shape:e', 'shape:q', 'Efteråt'))),
    ).toBe('accepted')
  })

  it('keeps an anonymous meeting anonymous after the reveal, and bounds what one voter holds', async () => {
    const s = await server()
    const m = await privateMeeting(s)
    m.facilitator.doc.getMap(CONTROLS_MAP).set(ControlKey.anonymous, true)
    expect((await m.call('/private-writing', { body: { phaseId: 'page:one' } })).status).toBe(200)
    const anna = await m.voter()
    const secret = newSecret()
    m.participant.doc
      .getMap(RECORDS_MAP)
      .set('shape:c', card('shape:c', 'shape:q', proofOf(secret)))
    expect((await m.putText(anna, 'shape:c', 'Utan namn', secret)).status).toBe(204)
    for (let i = 1; i < MAX_PRIVATE_NOTES_PER_VOTER; i++)
      expect((await m.putText(anna, `shape:n${i}`, 'fler', newSecret())).status).toBe(204)
    const over = await m.putText(anna, 'shape:over', 'en för mycket', newSecret())
    expect(over.status).toBe(409)
    expect(((await over.json()) as { error: { code: string } }).error.code).toBe('too_many_notes')
    // Changing one already held is still fine.
    expect((await m.putText(anna, 'shape:c', 'Utan namn, ändrad', secret)).status).toBe(204)

    await waitForDoc(m.projector.doc, () => m.projector.doc.getMap(RECORDS_MAP).has('shape:c'))
    expect(await (await m.call('/private-writing/reveal')).json()).toEqual({ revealed: 1 })
    await waitForDoc(m.projector.doc, () => holds(m.projector.doc, 'Utan namn, ändrad'))
    const shown = m.projector.doc.getMap(RECORDS_MAP).get('shape:c') as {
      meta: Record<string, unknown>
    }
    expect(shown.meta[AUTHOR_META_KEY]).toBeUndefined()
    expect(holds(m.projector.doc, 'Anna')).toBe(false)
  })

  it('takes a card made anew (an undone deletion) with its new secret, and refuses a new note without one', async () => {
    const s = await server()
    const m = await privateMeeting(s)
    expect((await m.call('/private-writing', { body: { phaseId: 'page:one' } })).status).toBe(200)
    const anna = await m.voter()
    const first = newSecret()
    const records = m.participant.doc.getMap(RECORDS_MAP)
    records.set('shape:c', card('shape:c', 'shape:q', proofOf(first)))
    expect((await m.putText(anna, 'shape:c', 'Först', first)).status).toBe(204)
    // Deleted, and brought back by undo: the page makes the card with a fresh secret.
    records.delete('shape:c')
    const again = newSecret()
    records.set('shape:c', card('shape:c', 'shape:q', proofOf(again)))
    expect((await m.putText(anna, 'shape:c', 'Tillbaka', again)).status).toBe(204)
    // A page that no longer knows the secret (after a reload) sends the text without it.
    const reloaded = await m.call('/private-notes/shape:c', {
      method: 'PUT',
      token: m.token('participant'),
      voter: anna,
      body: { text: 'Tillbaka igen', author: null },
    })
    expect(reloaded.status).toBe(204)
    const withoutSecret = await m.call('/private-notes/shape:new', {
      method: 'PUT',
      token: m.token('participant'),
      voter: anna,
      body: { text: 'Ny', author: null },
    })
    expect(withoutSecret.status).toBe(400)
    expect(((await withoutSecret.json()) as { error: { code: string } }).error.code).toBe(
      'secret_required',
    )
    await waitForDoc(m.facilitator.doc, () => {
      const c = m.facilitator.doc.getMap(RECORDS_MAP).get('shape:c') as
        | { meta?: object }
        | undefined
      return (c?.meta as Record<string, unknown> | undefined)?.[PRIVATE_META_KEY] === proofOf(again)
    })
    expect(await (await m.call('/private-writing/reveal')).json()).toEqual({ revealed: 1 })
    await waitForDoc(m.projector.doc, () => holds(m.projector.doc, 'Tillbaka igen'))
  })

  it('ending the meeting reveals first, so the final record holds every text', async () => {
    const s = await server()
    const m = await privateMeeting(s)
    expect((await m.call('/private-writing', { body: { phaseId: 'page:one' } })).status).toBe(200)
    // One phase at a time, and only a phase of the board.
    expect((await m.call('/private-writing', { body: { phaseId: 'page:two' } })).status).toBe(409)
    expect((await m.call('/private-writing', { body: { phaseId: 'page:none' } })).status).toBe(400)
    const anna = await m.voter()
    const secret = newSecret()
    m.participant.doc
      .getMap(RECORDS_MAP)
      .set('shape:c', card('shape:c', 'shape:q', proofOf(secret)))
    expect((await m.putText(anna, 'shape:c', 'Sista ordet', secret)).status).toBe(204)
    await waitForDoc(m.facilitator.doc, () => m.facilitator.doc.getMap(RECORDS_MAP).has('shape:c'))

    expect((await m.call('/end')).status).toBe(200)
    expect(holds(await storedDoc(s, m.boardId), 'Sista ordet')).toBe(true)
    expect((await allRows(s.config)).private_notes).toEqual([])
  })
})
