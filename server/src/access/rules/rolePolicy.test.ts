import {
  CONTROLS_MAP,
  ControlKey,
  EditRefusal,
  LAYOUT_LOCK_META_KEY,
  RECORDS_MAP,
  ShapeMark,
} from '@samla/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { frame, textNote, page as validPage } from '../../../test/fixtures/records.ts'
import { CURRENT_SCHEMA } from '../../board/schema.ts'
import { readChanges } from '../changes.ts'
import { DEFAULT_WRITE_LIMITS } from '../limits.ts'
import { type GateConnection, WriteGate } from '../writeGate.ts'
import { Authorship } from './authorship.ts'
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
    // Both phases shown (every phase up to the current one): see the hidden-phase test.
    controls.set(ControlKey.currentPhase, 'page:two')
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

  it('may not write on a phase not shown to participants: by default those after the current one', () => {
    const onTwo: Array<(r: Y.Map<unknown>) => void> = [
      (r) => r.set('shape:new', shape('shape:new', 'page:two')),
      (r) => r.set('shape:other', shape('shape:other', 'page:two', { x: 40 })),
      (r) => r.delete('shape:other'),
      (r) => r.set('shape:note', shape('shape:note', 'page:two')),
      (r) => r.set('shape:other', shape('shape:other', 'shape:frame')),
      (r) =>
        r.set('binding:b', {
          id: 'binding:b',
          typeName: 'binding',
          fromId: 'shape:other',
          toId: 'shape:note',
        }),
    ]
    for (const change of onTwo) {
      const b = board()
      const update = b.edit(change)
      const controls = b.server.getMap(CONTROLS_MAP)
      controls.set(ControlKey.currentPhase, 'page:one')
      expect(b.check(update)).toEqual({ ok: false, reason: EditRefusal.PhaseHidden })
      // Shown by the facilitator while phase 1 is still current.
      controls.set(ControlKey.shownPhases, ['page:two'])
      expect(b.check(update)).toEqual({ ok: true })
      controls.set(ControlKey.shownPhases, [])
      expect(b.check(update)).toEqual({ ok: false, reason: EditRefusal.PhaseHidden })
    }
    // An explicit list hides what it leaves out, earlier phases too; the current one shows.
    const later = board()
    later.server.getMap(CONTROLS_MAP).set(ControlKey.shownPhases, [])
    const onOne = later.edit((r) => r.set('shape:x', shape('shape:x', 'page:one')))
    expect(later.check(onOne)).toEqual({ ok: false, reason: EditRefusal.PhaseHidden })
    const onTwoNow = later.edit((r) => r.set('shape:y', shape('shape:y', 'page:two')))
    expect(later.check(onTwoNow)).toEqual({ ok: true })

    // Before phases are laid out there is nothing to hide.
    const b = board()
    const controls = b.server.getMap(CONTROLS_MAP)
    controls.set(ControlKey.currentPhase, 'page:one')
    controls.delete(ControlKey.templatesVersion)
    expect(b.check(b.edit((r) => r.set('shape:new', shape('shape:new', 'page:two'))))).toEqual({
      ok: true,
    })
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

describe('shapes locked for participants', () => {
  const LOCKED = { [LAYOUT_LOCK_META_KEY]: true }
  const OPENED = { [LAYOUT_LOCK_META_KEY]: false }
  const frameRecord = (id: string, meta: object, extra: object = {}) => ({
    ...shape(id, 'page:one'),
    type: 'frame',
    props: { w: 800, h: 600, name: 'Vad ser vi?' },
    meta,
    ...extra,
  })

  /**
   * The board above with the layout of a template (a question frame and an Inkorg, marked as
   * templates.ts marks them, with a note in the question), a note the facilitator locked, and
   * a question frame the facilitator opened for participants.
   */
  function laidOut() {
    const b = board()
    const records = b.server.getMap<unknown>(RECORDS_MAP)
    b.server.transact(() => {
      records.set('shape:q', frameRecord('shape:q', { samla: ShapeMark.prompt }))
      records.set('shape:inbox', frameRecord('shape:inbox', { samla: ShapeMark.inbox }))
      records.set('shape:in-q', shape('shape:in-q', 'shape:q'))
      records.set('shape:pinned', shape('shape:pinned', 'page:one', { meta: LOCKED }))
      records.set(
        'shape:open-q',
        frameRecord('shape:open-q', { samla: ShapeMark.prompt, ...OPENED }),
      )
    })
    /** A participant's edit of a fresh copy of the server's board (each under a new client id). */
    const edit = (change: (records: Y.Map<unknown>) => void) => {
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(b.server))
      const before = Y.encodeStateVector(copy)
      copy.transact(() => change(copy.getMap(RECORDS_MAP)))
      return Y.encodeStateAsUpdate(copy, before)
    }
    const write = (change: (records: Y.Map<unknown>) => void) => b.check(edit(change))
    /** The verdict on a participant's rewrite of the stored record `id`. */
    const change = (id: string, rewrite: (record: Record<string, unknown>) => object) =>
      write((r) => r.set(id, rewrite(structuredClone(r.get(id)) as Record<string, unknown>)))
    return { ...b, edit, write, change }
  }
  const REFUSED = { ok: false, reason: EditRefusal.LayoutLocked }

  it('may not delete a question frame or the Inkorg', () => {
    for (const id of ['shape:q', 'shape:inbox']) {
      const b = laidOut()
      expect(b.write((r) => r.delete(id))).toEqual(REFUSED)
    }
  })

  it('may not move, resize, rotate, retitle, reparent, reorder or re-mark a template frame', () => {
    const edits: Array<(frame: Record<string, unknown>) => object> = [
      (f) => ({ ...f, x: 40 }),
      (f) => ({ ...f, y: -10 }),
      (f) => ({ ...f, props: { w: 10, h: 10, name: 'Vad ser vi?' } }),
      (f) => ({ ...f, rotation: 1 }),
      (f) => ({ ...f, props: { w: 800, h: 600, name: 'Kapat' } }),
      (f) => ({ ...f, parentId: 'page:two' }),
      (f) => ({ ...f, index: 'a9' }),
      (f) => ({ ...f, meta: {} }),
      (f) => ({ ...f, meta: { samla: ShapeMark.prompt, other: 1 } }),
      (f) => ({ ...f, meta: { samla: ShapeMark.prompt, ...OPENED } }),
    ]
    for (const edit of edits) {
      for (const id of ['shape:q', 'shape:inbox'])
        expect(laidOut().change(id, edit)).toEqual(REFUSED)
    }
  })

  it('may not lock or unlock a shape, nor create one locked or marked', () => {
    const b = laidOut()
    expect(b.change('shape:note', (n) => ({ ...n, meta: LOCKED }))).toEqual(REFUSED)
    expect(b.change('shape:note', (n) => ({ ...n, meta: OPENED }))).toEqual(REFUSED)
    expect(b.change('shape:pinned', (n) => ({ ...n, meta: {} }))).toEqual(REFUSED)
    expect(b.change('shape:pinned', (n) => ({ ...n, meta: OPENED }))).toEqual(REFUSED)
    expect(b.change('shape:open-q', (f) => ({ ...f, meta: { samla: ShapeMark.prompt } }))).toEqual(
      REFUSED,
    )
    for (const meta of [LOCKED, OPENED, { samla: ShapeMark.inbox }, { samla: 'prompt', ...OPENED }])
      expect(b.write((r) => r.set('shape:new', frameRecord('shape:new', meta)))).toEqual(REFUSED)
  })

  it('may not move or delete a note the facilitator locked, or write it in the same update as an allowed edit', () => {
    const b = laidOut()
    expect(b.change('shape:pinned', (n) => ({ ...n, x: 5 }))).toEqual(REFUSED)
    expect(b.write((r) => r.delete('shape:pinned'))).toEqual(REFUSED)
    const mixed = b.edit((r) => {
      r.set('shape:new', shape('shape:new', 'shape:q'))
      r.set('shape:pinned', shape('shape:pinned', 'shape:q', { meta: LOCKED }))
    })
    expect(b.check(mixed)).toEqual(REFUSED)
    // Written and overwritten again in one update: the last value is the stored one, but the
    // update still moved it on the way.
    const backAndForth = b.edit((r) => {
      r.set('shape:pinned', shape('shape:pinned', 'page:one', { meta: LOCKED, x: 9 }))
      r.set('shape:pinned', shape('shape:pinned', 'page:one', { meta: LOCKED }))
    })
    expect(b.check(backAndForth)).toEqual(REFUSED)
  })

  it('may put notes into a locked frame, move and delete them there, and take them out', () => {
    const b = laidOut()
    const ok = { ok: true }
    expect(b.write((r) => r.set('shape:new', shape('shape:new', 'shape:q')))).toEqual(ok)
    expect(b.write((r) => r.set('shape:mine', shape('shape:mine', 'shape:inbox')))).toEqual(ok)
    expect(b.change('shape:in-q', (n) => ({ ...n, x: 120, y: 80 }))).toEqual(ok)
    expect(b.change('shape:note', (n) => ({ ...n, parentId: 'shape:q' }))).toEqual(ok)
    expect(b.change('shape:in-q', (n) => ({ ...n, parentId: 'page:one' }))).toEqual(ok)
    expect(b.write((r) => r.delete('shape:in-q'))).toEqual(ok)
    // A frame the facilitator opened is theirs to arrange (but not to re-mark, above).
    expect(b.change('shape:open-q', (f) => ({ ...f, x: 300 }))).toEqual(ok)
    expect(b.write((r) => r.delete('shape:open-q'))).toEqual(ok)
  })

  it('follows the facilitator: a shape locked after the participant’s copy was taken is locked, one unlocked is open', () => {
    const b = laidOut()
    const moveNote = b.edit((r) =>
      r.set('shape:note', shape('shape:note', 'shape:frame', { x: 7 })),
    )
    const movePinned = b.edit((r) =>
      r.set('shape:pinned', shape('shape:pinned', 'page:one', { meta: LOCKED, x: 7 })),
    )
    const records = b.server.getMap<unknown>(RECORDS_MAP)
    records.set('shape:note', shape('shape:note', 'shape:frame', { meta: LOCKED }))
    records.set('shape:pinned', shape('shape:pinned', 'page:one', { meta: OPENED }))
    expect(b.check(moveNote)).toEqual(REFUSED)
    // Made before the unlock, its copy still says locked: writing that back would lock it again.
    expect(b.check(movePinned)).toEqual(REFUSED)
    expect(b.change('shape:pinned', (n) => ({ ...n, x: 7 }))).toEqual({ ok: true })
  })
})

describe('locked shapes through the write gate, by role', () => {
  /** A meeting's board as the gate judges it, with records tldraw's schema accepts. */
  function gatedBoard() {
    const doc = new Y.Doc()
    const records = doc.getMap<unknown>(RECORDS_MAP)
    doc.transact(() => {
      records.set('page:one', validPage('page:one', 'Öppna upp', 'a1'))
      records.set('shape:q', frame('shape:q', 'page:one', 'Testplan', 0, 0, ShapeMark.prompt))
      records.set('shape:in-q', textNote('shape:in-q', 'shape:q', 'Pröva i en klass'))
      records.set('shape:free', textNote('shape:free', 'page:one', 'Fika'))
      doc.getMap(CONTROLS_MAP).set(ControlKey.templatesVersion, 1)
    })
    const gate = new WriteGate(() => doc, 'meeting', new Authorship(), DEFAULT_WRITE_LIMITS)
    const connection = (role: GateConnection['role']): GateConnection => ({
      role,
      identity: `${role}-connection`,
      author: null,
      awarenessClients: new Set(),
      authoredClients: new Set(),
      held: null,
    })
    const as = (role: GateConnection['role']) => {
      const conn = connection(role)
      let copy = new Y.Doc()
      /** Judges an edit of the client's synced copy, and applies it if the gate agrees. */
      return (change: (records: Y.Map<unknown>) => void) => {
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
        const before = Y.encodeStateVector(copy)
        copy.transact(() => change(copy.getMap(RECORDS_MAP)))
        const update = Y.encodeStateAsUpdate(copy, before)
        const verdict = gate.judge(conn, update, Y.decodeUpdate(update))
        if (verdict.kind === 'apply') Y.applyUpdate(doc, verdict.update)
        // Refused, a page drops its copy and syncs afresh.
        if (verdict.kind === 'refuse') copy = new Y.Doc()
        return verdict.kind === 'refuse' ? verdict.reason : verdict.kind
      }
    }
    const get = (id: string) => records.get(id) as ReturnType<typeof textNote> | undefined
    return { facilitator: as('facilitator'), participant: as('participant'), get }
  }

  it('the facilitator may move, lock, open and delete what a participant may not touch', () => {
    const { facilitator, participant, get } = gatedBoard()
    const moved = (id: string, x: number) => (r: Y.Map<unknown>) =>
      r.set(id, { ...(r.get(id) as object), x })
    const withMeta = (id: string, meta: object) => (r: Y.Map<unknown>) =>
      r.set(id, { ...(r.get(id) as object), meta })

    expect(participant((r) => r.delete('shape:q'))).toBe(EditRefusal.LayoutLocked)
    expect(participant(moved('shape:q', 300))).toBe(EditRefusal.LayoutLocked)
    expect(participant(moved('shape:in-q', 40))).toBe('apply')
    expect(facilitator(moved('shape:q', 300))).toBe('apply')
    expect(get('shape:q')?.x).toBe(300)

    expect(facilitator(withMeta('shape:free', { [LAYOUT_LOCK_META_KEY]: true }))).toBe('apply')
    expect(participant(moved('shape:free', 9))).toBe(EditRefusal.LayoutLocked)
    expect(facilitator(withMeta('shape:free', { [LAYOUT_LOCK_META_KEY]: false }))).toBe('apply')
    expect(participant(moved('shape:free', 9))).toBe('apply')

    expect(facilitator(withMeta('shape:q', { samla: ShapeMark.prompt, samlaLocked: false }))).toBe(
      'apply',
    )
    expect(participant(moved('shape:q', 0))).toBe('apply')
    expect(
      facilitator((r) => {
        r.delete('shape:q')
        r.delete('shape:in-q')
      }),
    ).toBe('apply')
    expect(get('shape:q')).toBeUndefined()
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

  it('may store the migration of a template frame, but not move or delete it on the way', () => {
    // Frames before their colour (com.tldraw.shape.frame 0): the migration adds it.
    const olderFrame = () => {
      const b = board()
      const older = structuredClone(CURRENT_SCHEMA)
      older.sequences['com.tldraw.shape.frame'] = 0
      const question = {
        ...shape('shape:q', 'page:one'),
        type: 'frame',
        props: { w: 800, h: 600, name: 'Vad ser vi?' },
        meta: { samla: ShapeMark.prompt },
      }
      b.server.transact(() => {
        b.server.getMap(RECORDS_MAP).set('shape:q', question)
        b.server.getMap('meta').set('schema', older)
      })
      const participant = new Y.Doc()
      Y.applyUpdate(participant, Y.encodeStateAsUpdate(b.server))
      const migrate = (change: (migrated: typeof question) => object | null) => {
        const before = Y.encodeStateVector(participant)
        participant.transact(() => {
          const migrated = { ...question, props: { ...question.props, color: 'black' } }
          const written = change(migrated)
          const records = participant.getMap<unknown>(RECORDS_MAP)
          if (written) records.set('shape:q', written)
          else records.delete('shape:q')
          participant.getMap('meta').set('schema', CURRENT_SCHEMA)
        })
        return b.check(Y.encodeStateAsUpdate(participant, before))
      }
      return migrate
    }
    expect(olderFrame()((migrated) => migrated)).toEqual({ ok: true })
    expect(olderFrame()((migrated) => ({ ...migrated, x: 5 }))).toEqual({
      ok: false,
      reason: EditRefusal.LayoutLocked,
    })
    expect(olderFrame()(() => null)).toEqual({ ok: false, reason: EditRefusal.LayoutLocked })
  })

  it('may not rewrite phases without storing the new schema in the same update', () => {
    const b = olderBoard()
    const update = b.edit((r) => r.set('page:one', { ...page('page:one', 'Öppna upp') }))
    expect(b.check(update)).toEqual({ ok: false, reason: EditRefusal.Phases })
  })
})
