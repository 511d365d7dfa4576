/**
 * The boards a fuzz campaign starts from, written by a fixed client id so that a campaign is
 * deterministic: a plain board, and the same board laid out as a meeting (phases laid out,
 * one locked), as roles.test.ts's laidOutMeeting and shared/src/controls.ts describe it.
 */
import { CONTROLS_MAP, ControlKey, META_MAP, RECORDS_MAP } from '@samla/shared'
import * as Y from 'yjs'
import { CURRENT_SCHEMA } from '../../src/board/schema.ts'
import { binding, frame, geo, note } from './tldrawRecords.ts'

export const OPEN_PAGE = 'page:lara'
export const LOCKED_PAGE = 'page:oppna'
const SEED_CLIENT = 1

export function seedBoard(meeting: boolean): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = SEED_CLIENT
  const records = doc.getMap<unknown>(RECORDS_MAP)
  doc.transact(() => {
    records.set('document:document', {
      id: 'document:document',
      typeName: 'document',
      name: '',
      gridSize: 10,
      meta: {},
    })
    for (const [id, name, index] of [
      [OPEN_PAGE, 'Lära', 'a2'],
      [LOCKED_PAGE, 'Öppna upp', 'a1'],
    ] as const)
      records.set(id, { id, typeName: 'page', name, index, meta: {} })
    const q = frame('q1', OPEN_PAGE, 'Vad kan du göra i morgon?')
    records.set(q.id, q)
    for (let i = 0; i < 6; i++) {
      const n = note(`n${i}`, i < 3 ? q.id : OPEN_PAGE, `lapp ${i}`, 'yellow', i * 220, 40)
      records.set(n.id, n)
    }
    const locked = note('l0', LOCKED_PAGE, 'Vad ser vi i skolan?', 'blue')
    records.set(locked.id, locked)
    const box = geo('g0', OPEN_PAGE, 200, 100)
    records.set(box.id, box)
    const b = binding('b0', 'shape:n0', box.id)
    records.set(b.id, b)
    doc.getMap(META_MAP).set('schema', CURRENT_SCHEMA)
    if (meeting) {
      const controls = doc.getMap<unknown>(CONTROLS_MAP)
      controls.set(ControlKey.templatesVersion, 1)
      controls.set(ControlKey.lockedPhases, [LOCKED_PAGE])
      controls.set(ControlKey.currentPhase, OPEN_PAGE)
    }
  })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
