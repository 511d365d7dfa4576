import { CONTROLS_MAP, ControlKey, EditRefusal, RECORDS_MAP } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CURRENT_SCHEMA } from '../../board/schema.ts'
import { readChanges } from '../changes.ts'
import { participantVerdict } from './rolePolicy.ts'

/** The role rule alone, on what an update would change in the server's document. */
const checkParticipantUpdate = (doc: Y.Doc, update: Uint8Array) =>
  participantVerdict(doc, readChanges(doc, Y.decodeUpdate(update)))

const page = (id: string, name: string) => ({ id, typeName: 'page', name, index: 'a1', meta: {} })
const shape = (id: string, parentId: string, extra: object = {}) => ({
  id,
  typeName: 'shape',
  type: 'note',
  parentId,
  x: 0,
  y: 0,
  props: {},
  meta: {},
  ...extra,
})

/**
 * A board laid out by a facilitator (two phases, a frame with a note in phase 1) and a
 * participant's copy of it; `edit` runs on the participant's copy and returns the update.
 */
function board() {
  const server = new Y.Doc()
  const records = server.getMap<unknown>(RECORDS_MAP)
  const controls = server.getMap<unknown>(CONTROLS_MAP)
  server.transact(() => {
    records.set('page:one', page('page:one', 'Öppna upp'))
    records.set('page:two', page('page:two', 'Testa'))
    records.set('shape:frame', { ...shape('shape:frame', 'page:one'), type: 'frame' })
    records.set('shape:note', shape('shape:note', 'shape:frame'))
    records.set('shape:other', shape('shape:other', 'page:two'))
    controls.set(ControlKey.templatesVersion, 1)
  })
  const participant = new Y.Doc()
  Y.applyUpdate(participant, Y.encodeStateAsUpdate(server))
  const lock = (pageId: string) => controls.set(ControlKey.lockedPhases, [pageId])
  const edit = (change: (records: Y.Map<unknown>, doc: Y.Doc) => void) => {
    const before = Y.encodeStateVector(participant)
    participant.transact(() => change(participant.getMap(RECORDS_MAP), participant))
    return Y.encodeStateAsUpdate(participant, before)
  }
  return {
    server,
    participant,
    lock,
    edit,
    check: (u: Uint8Array) => checkParticipantUpdate(server, u),
  }
}

describe('what a participant may write on a meeting board', () => {
  it('may add, move and delete notes on an open phase', () => {
    const b = board()
    expect(b.check(b.edit((r) => r.set('shape:new', shape('shape:new', 'page:one'))))).toEqual({
      ok: true,
    })
    expect(
      b.check(b.edit((r) => r.set('shape:note', shape('shape:note', 'shape:frame', { x: 40 })))),
    ).toEqual({ ok: true })
    expect(b.check(b.edit((r) => r.delete('shape:other')))).toEqual({ ok: true })
  })

  it('may not touch the meeting controls: phase, timer, lock', () => {
    const b = board()
    for (const [key, value] of [
      [ControlKey.currentPhase, 'page:two'],
      [ControlKey.timer, { state: 'running', durationMs: 1, endsAt: 1 }],
      [ControlKey.lockedPhases, []],
    ] as const) {
      const update = b.edit((_r, doc) => doc.getMap(CONTROLS_MAP).set(key, value))
      expect(b.check(update)).toMatchObject({ ok: false })
    }
  })

  it('may not rename, add or remove phases once they are laid out, but may create the first page of an empty board', () => {
    const b = board()
    expect(b.check(b.edit((r) => r.set('page:one', page('page:one', 'Mitt namn'))))).toMatchObject({
      ok: false,
    })
    expect(b.check(b.edit((r) => r.delete('page:two')))).toMatchObject({ ok: false })
    expect(b.check(b.edit((r) => r.set('page:three', page('page:three', 'Extra'))))).toMatchObject({
      ok: false,
    })

    const empty = new Y.Doc()
    const first = new Y.Doc()
    first.getMap(RECORDS_MAP).set('page:page', page('page:page', 'Sida 1'))
    expect(checkParticipantUpdate(empty, Y.encodeStateAsUpdate(first))).toEqual({ ok: true })
  })

  it('may not write on a locked phase: adding, editing, deleting, moving out, moving in, deep in a frame', () => {
    const edits: Array<(r: Y.Map<unknown>) => void> = [
      (r) => r.set('shape:new', shape('shape:new', 'page:one')),
      (r) => r.set('shape:note', shape('shape:note', 'shape:frame', { x: 40 })),
      (r) => r.delete('shape:note'),
      (r) => r.set('shape:note', shape('shape:note', 'page:two')),
      (r) => r.set('shape:other', shape('shape:other', 'shape:frame')),
      (r) =>
        r.set('binding:b', {
          id: 'binding:b',
          typeName: 'binding',
          fromId: 'shape:note',
          toId: 'shape:other',
        }),
    ]
    for (const change of edits) {
      const b = board()
      const update = b.edit(change)
      expect(b.check(update)).toEqual({ ok: true })
      b.lock('page:one')
      expect(b.check(update)).toEqual({ ok: false, reason: EditRefusal.PhaseLocked })
    }
    // The other phase stays open.
    const participant = board()
    participant.lock('page:one')
    expect(
      participant.check(participant.edit((r) => r.set('shape:x', shape('shape:x', 'page:two')))),
    ).toEqual({ ok: true })
  })

  it('places an overwrite whose earlier value the server has since replaced (an offline edit)', () => {
    const b = board()
    // The facilitator moves the note while the participant is offline and also edits it.
    b.server.getMap(RECORDS_MAP).set('shape:note', shape('shape:note', 'shape:frame', { x: 99 }))
    const offline = b.edit((r) => r.set('shape:note', shape('shape:note', 'shape:frame', { x: 5 })))
    expect(b.check(offline)).toEqual({ ok: true })
    b.lock('page:one')
    expect(b.check(offline)).toEqual({ ok: false, reason: EditRefusal.PhaseLocked })
  })

  it('follows one key written twice in one update', () => {
    const b = board()
    b.lock('page:one')
    const update = b.edit((r) => {
      r.set('shape:other', shape('shape:other', 'page:two', { x: 1 }))
      r.set('shape:other', shape('shape:other', 'shape:frame'))
    })
    expect(b.check(update)).toEqual({ ok: false, reason: EditRefusal.PhaseLocked })
  })

  it('allows this deployment’s tldraw schema in meta and nothing else there; an empty update is fine', () => {
    const writeMeta = (change: (meta: Y.Map<unknown>) => void) => {
      const b = board()
      b.server.getMap('meta').set('schema', CURRENT_SCHEMA)
      Y.applyUpdate(b.participant, Y.encodeStateAsUpdate(b.server))
      return b.check(b.edit((_r, doc) => change(doc.getMap('meta'))))
    }
    expect(writeMeta((m) => m.set('schema', CURRENT_SCHEMA))).toEqual({ ok: true })
    // A schema from a "newer" tldraw would make every client refuse the board.
    expect(writeMeta((m) => m.set('schema', bumped('com.tldraw.page', 1)))).toEqual({
      ok: false,
      reason: EditRefusal.Schema,
    })
    expect(writeMeta((m) => m.delete('schema'))).toMatchObject({ ok: false })
    expect(writeMeta((m) => m.set('other', 1))).toMatchObject({ ok: false })
    expect(writeMeta(() => {})).toEqual({ ok: true })
  })
})

/** Our schema with one migration sequence moved by `by` versions. */
function bumped(sequence: string, by: number) {
  const schema = structuredClone(CURRENT_SCHEMA)
  schema.sequences[sequence] = (schema.sequences[sequence] ?? 0) + by
  return schema
}

describe('a participant who is first to open a board after a tldraw upgrade', () => {
  /**
   * A board stored by an older tldraw: pages before `meta` existed (com.tldraw.page 0) and
   * shapes before theirs (com.tldraw.shape 2). The migration adds `meta: {}` to each.
   */
  function olderBoard() {
    const b = board()
    const records = b.server.getMap<Record<string, unknown>>(RECORDS_MAP)
    const older = structuredClone(CURRENT_SCHEMA)
    older.sequences['com.tldraw.page'] = 0
    older.sequences['com.tldraw.shape'] = 2
    b.server.transact(() => {
      for (const [id, record] of [...records.entries()]) {
        const { meta: _meta, ...withoutMeta } = record
        records.set(id, withoutMeta)
      }
      b.server.getMap('meta').set('schema', older)
    })
    const participant = new Y.Doc()
    Y.applyUpdate(participant, Y.encodeStateAsUpdate(b.server))
    const migrate = (change: (records: Y.Map<unknown>) => void = () => {}) => {
      const before = Y.encodeStateVector(participant)
      participant.transact(() => {
        const mine = participant.getMap<Record<string, unknown>>(RECORDS_MAP)
        for (const [id, record] of [...mine.entries()]) mine.set(id, { ...record, meta: {} })
        change(mine as Y.Map<unknown>)
        participant.getMap('meta').set('schema', CURRENT_SCHEMA)
      })
      return Y.encodeStateAsUpdate(participant, before)
    }
    return { ...b, migrate }
  }

  it('may store the migrated records with the new schema, phases and locked phases included', () => {
    const b = olderBoard()
    b.lock('page:one')
    expect(b.check(b.migrate())).toEqual({ ok: true })
  })

  it('may not slip an edit into the migration', () => {
    const renamed = olderBoard()
    expect(
      renamed.check(
        renamed.migrate((r) => r.set('page:one', { ...page('page:one', 'Mitt namn'), meta: {} })),
      ),
    ).toEqual({ ok: false, reason: EditRefusal.Phases })

    const added = olderBoard()
    expect(
      added.check(added.migrate((r) => r.set('page:three', page('page:three', 'Extra')))),
    ).toEqual({ ok: false, reason: EditRefusal.Phases })

    const lockedEdit = olderBoard()
    lockedEdit.lock('page:one')
    expect(
      lockedEdit.check(
        lockedEdit.migrate((r) =>
          r.set('shape:note', shape('shape:note', 'shape:frame', { x: 9 })),
        ),
      ),
    ).toEqual({ ok: false, reason: EditRefusal.PhaseLocked })

    const deleted = olderBoard()
    deleted.lock('page:one')
    expect(deleted.check(deleted.migrate((r) => r.delete('shape:note')))).toEqual({
      ok: false,
      reason: EditRefusal.PhaseLocked,
    })
  })

  it('may not rewrite phases without storing the new schema in the same update', () => {
    const b = olderBoard()
    const update = b.edit((r) => r.set('page:one', { ...page('page:one', 'Öppna upp') }))
    expect(b.check(update)).toEqual({ ok: false, reason: EditRefusal.Phases })
  })
})
