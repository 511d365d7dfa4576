import { CloseCode, ControlKey, EditRefusal, RECORDS_MAP } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { note, textNote } from '../fixtures/records.ts'
import { contentJsonUpdate, mapUpdate, updateFrame } from '../frames.ts'
import {
  closeCodeOf,
  RawClient,
  storedDoc,
  type TestServer,
  waitForDoc,
  waitForPresence,
} from '../helpers.ts'
import { createMeeting, layOutPhases } from '../meeting.ts'
import { closeOf, useAttackFixture } from './fixture.ts'

/**
 * Attacks on the document, each as the campaign against the landed server ran it: crafted
 * updates from raw sockets holding a link anyone may photograph off the wall, against stock
 * providers of honest people. Each test fails on the server before the write gate.
 */
const { server, stock, raw, cleanup } = useAttackFixture()

/** A plain board with an honest writer and reader, and a note both have seen. */
async function plainBoard(s: TestServer) {
  const { id } = await s.createBoard()
  const writer = stock(s, id)
  const reader = stock(s, id)
  await Promise.all([writer.synced, reader.synced])
  const before = textNote('shape:before', 'page:p', 'Innan')
  writer.doc.getMap(RECORDS_MAP).set(before.id, before)
  await waitForDoc(reader.doc, () => reader.doc.getMap(RECORDS_MAP).has(before.id))
  /** An honest edit after the attack reaches the other honest client. */
  const stillWorks = async (key: string) => {
    const after = textNote(key, 'page:p', 'Efter')
    writer.doc.getMap(RECORDS_MAP).set(key, after)
    await waitForDoc(reader.doc, () => reader.doc.getMap(RECORDS_MAP).has(key))
  }
  return { id, writer, reader, stillWorks }
}

describe('attacks on the document', () => {
  it('[1] a value nested 5,000 deep, or ContentJSON 100,000 deep, is refused before it is applied; joiners still load the board', async () => {
    const s = await server()
    const board = await plainBoard(s)
    let deep: unknown = 'bottom'
    for (let i = 0; i < 5000; i++) deep = [deep]
    const deepJson = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    for (const update of [
      mapUpdate('shape:deep', { ...textNote('shape:deep', 'page:p'), meta: { deep } }, RECORDS_MAP),
      mapUpdate('deep', deep),
      contentJsonUpdate('deep', deepJson),
    ]) {
      const attacker = await raw(s, board.id)
      const closed = closeOf(attacker)
      attacker.send(updateFrame(update))
      // Refused by the depth limit, or, where the decoder's own recursion gives out first
      // (it depends on the stack left), as a frame that cannot be read: never applied.
      const { code, reason } = await closed
      if (code === CloseCode.EditRefused) expect(reason).toBe(EditRefusal.TooLarge)
      else expect(code).toBe(CloseCode.MalformedMessage)
    }
    const joiner = stock(s, board.id)
    await joiner.synced
    expect(joiner.doc.getMap(RECORDS_MAP).has('shape:before')).toBe(true)
    await board.stillWorks('shape:after')
    const stored = await storedDoc(s, board.id)
    expect(stored.getMap('m').has('deep')).toBe(false)
    expect(stored.getMap(RECORDS_MAP).has('shape:deep')).toBe(false)
  })

  it('[1] should anything get past the gate and fail in Yjs, that room reloads from its log and every other room goes on', async () => {
    // With the depth limit set absurdly high, ContentJSON 100,000 deep passes the gate, and
    // Yjs fails while encoding it for the log: the process must survive it.
    const s = await server({ SAMLA_MAX_JSON_DEPTH: '1000000' })
    const poisoned = await plainBoard(s)
    const other = await plainBoard(s)
    const attacker = await raw(s, poisoned.id)
    const closed = closeOf(attacker)
    const honestClosed = new Promise<number>((resolve) =>
      poisoned.reader.provider.once('connection-close', (event) => resolve(event?.code ?? -1)),
    )
    attacker.send(
      updateFrame(contentJsonUpdate('deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`)),
    )
    expect((await closed).code).toBe(CloseCode.InternalError)
    expect(await honestClosed).toBe(CloseCode.InternalError)
    // Another board never noticed; the poisoned one comes back without the poison.
    await other.stillWorks('shape:other-after')
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200)
    const joiner = stock(s, poisoned.id)
    await joiner.synced
    expect(joiner.doc.getMap(RECORDS_MAP).has('shape:before')).toBe(true)
    expect(joiner.doc.getMap('m').has('deep')).toBe(false)
  })

  it('[2] an edit parked behind a missing clock cannot land on a phase locked after it was sent', async () => {
    const s = await server()
    const m = await createMeeting(s.url)
    const facilitator = stock(s, m.boardId, m.token('facilitator'))
    await facilitator.synced
    layOutPhases(facilitator.doc)
    // Testa current, so that Öppna upp is shown too (not hidden) when it gets locked.
    facilitator.doc.getMap('meeting').set(ControlKey.currentPhase, 'page:two')
    const participantView = stock(s, m.boardId, m.token('participant'))
    await participantView.synced
    await waitForDoc(participantView.doc, () =>
      participantView.doc.getMap(RECORDS_MAP).has('shape:b'),
    )

    // The attacker's copy: first an edit on the open phase Testa, then one on Öppna upp.
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(participantView.doc))
    const updates: Uint8Array[] = []
    copy.on('update', (u: Uint8Array) => updates.push(u))
    const records = copy.getMap<unknown>(RECORDS_MAP)
    records.set('shape:b', textNote('shape:b', 'page:two', 'Läxhjälp, ändrad'))
    records.set('shape:a', textNote('shape:a', 'shape:q', 'TAMPERED AFTER LOCK', 20, 60))
    const [openEdit, parked] = updates as [Uint8Array, Uint8Array]

    const attacker = await raw(s, m.boardId, { token: m.token('participant') })
    attacker.send(updateFrame(parked))
    expect(await attacker.handled()).toBe('handled')
    facilitator.doc.getMap('meeting').set(ControlKey.lockedPhases, ['page:one'])
    await waitForDoc(participantView.doc, () =>
      Array.isArray(participantView.doc.getMap('meeting').get(ControlKey.lockedPhases)),
    )
    const closed = closeOf(attacker)
    attacker.send(updateFrame(openEdit))
    expect(await closed).toEqual({ code: CloseCode.EditRefused, reason: EditRefusal.PhaseLocked })
    // The edit on the open phase is judged and taken; the parked one is judged when it
    // would integrate, on a phase now locked, and refused.
    const stored = (await storedDoc(s, m.boardId)).getMap(RECORDS_MAP)
    expect(JSON.stringify(stored.get('shape:a'))).toContain('Fler vuxna på rasterna')
    expect(JSON.stringify(stored.get('shape:b'))).toContain('ändrad')
    expect((await s.rooms.peek(m.boardId))?.doc.store.pendingStructs).toBeNull()
  })

  it('[3] nobody may write under the facilitator’s client id: the forged notes are refused and the facilitator’s lock goes through', async () => {
    const s = await server()
    const m = await createMeeting(s.url)
    const facilitator = stock(s, m.boardId, m.token('facilitator'))
    await facilitator.synced
    layOutPhases(facilitator.doc)
    facilitator.provider.awareness.setLocalStateField('user', { name: 'Processledaren' })
    const spy = stock(s, m.boardId, m.token('participant'))
    await spy.synced
    await waitForDoc(spy.doc, () => spy.doc.getMap(RECORDS_MAP).has('shape:b'))
    // The victim's id is public: in its presence and in every struct it wrote.
    const victim = facilitator.doc.clientID
    expect(Y.getState(spy.doc.store, victim)).toBeGreaterThan(0)

    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(spy.doc))
    forger.clientID = victim
    const before = Y.encodeStateVector(forger)
    forger.transact(() => {
      for (let i = 0; i < 20; i++)
        forger
          .getMap(RECORDS_MAP)
          .set(`shape:forged${i}`, textNote(`shape:forged${i}`, 'page:one', 'forged'))
    })
    const attacker = await raw(s, m.boardId, { token: m.token('participant') })
    const closed = closeOf(attacker)
    attacker.send(updateFrame(Y.encodeStateAsUpdate(forger, before)))
    expect(await closed).toEqual({ code: CloseCode.EditRefused, reason: EditRefusal.Identity })

    facilitator.doc.getMap('meeting').set(ControlKey.lockedPhases, ['page:one'])
    await waitForDoc(spy.doc, () =>
      Array.isArray(spy.doc.getMap('meeting').get(ControlKey.lockedPhases)),
    )
    const stored = await storedDoc(s, m.boardId)
    expect(stored.getMap('meeting').get(ControlKey.lockedPhases)).toEqual(['page:one'])
    expect([...stored.getMap(RECORDS_MAP).keys()].filter((k) => k.includes('forged'))).toEqual([])
  })

  it('[3] an id known only from presence is claimed too, and a keyless socket cannot take over a gone author’s id', async () => {
    const s = await server()
    const board = await plainBoard(s)
    const newcomer = stock(s, board.id)
    newcomer.provider.awareness.setLocalStateField('user', { name: 'Ny' })
    await newcomer.synced
    await waitForPresence(board.reader.provider.awareness, newcomer.doc.clientID)
    for (const victim of [newcomer.doc.clientID, board.writer.doc.clientID]) {
      const forger = new Y.Doc()
      Y.applyUpdate(forger, Y.encodeStateAsUpdate(board.reader.doc))
      forger.clientID = victim
      const before = Y.encodeStateVector(forger)
      forger.getMap(RECORDS_MAP).set('shape:x', textNote('shape:x', 'page:p', 'x'))
      const attacker = await RawClient.open(s, board.id) // no author key at all
      cleanup(() => attacker.ws.terminate())
      const closed = closeOf(attacker)
      attacker.send(updateFrame(Y.encodeStateAsUpdate(forger, before)))
      expect(await closed).toEqual({ code: CloseCode.EditRefused, reason: EditRefusal.Identity })
    }
    await board.stillWorks('shape:after')
  })

  it('[4] records tldraw refuses are refused, whoever writes them, and the board stays readable', async () => {
    const s = await server()
    const board = await plainBoard(s)
    const valid = note('shape:v', 'page:p', 0, 0, ['text'])
    const writes: Array<[string, (records: Y.Map<unknown>) => void]> = [
      ['a nested Y.Map as a record', (r) => r.set('shape:v', new Y.Map([['id', 'shape:v']]))],
      [
        'richText 42',
        (r) => r.set('shape:v', { ...valid, props: { ...valid.props, richText: 42 } }),
      ],
      [
        'an unknown colour',
        (r) => r.set('shape:v', { ...valid, props: { ...valid.props, color: 'plaid' } }),
      ],
      ['an unknown shape type', (r) => r.set('shape:v', { ...valid, type: 'hologram' })],
      ['an id other than its key', (r) => r.set('shape:w', valid)],
      ['a string instead of a record', (r) => r.set('shape:v', 'shape')],
      ['a nested Y.Text inside a record key', (r) => r.set('shape:v', new Y.Text('x'))],
    ]
    for (const [what, write] of writes) {
      const doc = new Y.Doc()
      write(doc.getMap(RECORDS_MAP))
      const attacker = await raw(s, board.id)
      const closed = closeOf(attacker)
      attacker.send(updateFrame(Y.encodeStateAsUpdate(doc)))
      expect(await closed, what).toEqual({
        code: CloseCode.EditRefused,
        reason: EditRefusal.InvalidRecord,
      })
    }
    const stored = await storedDoc(s, board.id)
    expect([...stored.getMap(RECORDS_MAP).keys()]).toEqual(['shape:before'])
    await board.stillWorks('shape:after')
  })

  it('[4] shapes whose parents form a loop are refused: every client walking the chain would hang', async () => {
    const s = await server()
    const board = await plainBoard(s)
    const doc = new Y.Doc()
    const records = doc.getMap<unknown>(RECORDS_MAP)
    records.set('shape:l1', textNote('shape:l1', 'shape:l2', 'ett'))
    records.set('shape:l2', textNote('shape:l2', 'shape:l1', 'två'))
    const attacker = await raw(s, board.id)
    const closed = closeOf(attacker)
    attacker.send(updateFrame(Y.encodeStateAsUpdate(doc)))
    expect(await closed).toEqual({ code: CloseCode.EditRefused, reason: EditRefusal.InvalidRecord })
    // Nor by moving a shape under one of its own children, an edit at a time.
    board.writer.doc.transact(() => {
      board.writer.doc.getMap(RECORDS_MAP).set('shape:top', textNote('shape:top', 'page:p', 'a'))
      board.writer.doc
        .getMap(RECORDS_MAP)
        .set('shape:child', textNote('shape:child', 'shape:top', 'b'))
    })
    await waitForDoc(board.reader.doc, () =>
      board.reader.doc.getMap(RECORDS_MAP).has('shape:child'),
    )
    const closedWriter = new Promise<string>((resolve) =>
      board.writer.provider.once('connection-close', (event) => resolve(event?.reason ?? '')),
    )
    board.writer.doc.getMap(RECORDS_MAP).set('shape:top', textNote('shape:top', 'shape:child', 'a'))
    expect(await closedWriter).toBe(EditRefusal.InvalidRecord)
    const stored = (await storedDoc(s, board.id)).getMap(RECORDS_MAP)
    expect((stored.get('shape:top') as { parentId: string }).parentId).toBe('page:p')
  })

  it('[10] a note’s text is limited on the server: 7 MB and one character over the limit are refused, the limit itself is taken', async () => {
    const s = await server({ SAMLA_MAX_NOTE_CHARS: '3000' })
    const board = await plainBoard(s)
    for (const [text, expected] of [
      ['x'.repeat(7_000_000), 'refused'],
      ['x'.repeat(3001), 'refused'],
      ['x'.repeat(3000), 'taken'],
    ] as const) {
      const doc = new Y.Doc()
      doc.getMap(RECORDS_MAP).set('shape:long', textNote('shape:long', 'page:p', text))
      const attacker = await raw(s, board.id)
      const closed = closeCodeOf(attacker.ws)
      attacker.send(updateFrame(Y.encodeStateAsUpdate(doc)))
      if (expected === 'refused') expect(await closed).toBe(CloseCode.EditRefused)
      else
        await waitForDoc(board.reader.doc, () =>
          board.reader.doc.getMap(RECORDS_MAP).has('shape:long'),
        )
    }
  })
})
