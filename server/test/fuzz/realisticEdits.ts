/**
 * Edits a real client would make, made on the attacker's replica of the room as client
 * `client`, returned as the update Yjs produced: structs with real origins, deletes of real
 * items, and clocks that build on what the room already has. The fuzzers send these as they
 * are or damage them first.
 */
import * as Y from 'yjs'
import { note } from './tldrawRecords.ts'
import type { Rng, RoomView } from './view.ts'

export const EDIT_KINDS = [
  'set-note',
  'move-note',
  'delete-record',
  'text-insert',
  'text-delete',
  'array-insert',
  'array-delete',
  'nested-map',
  'nested-text',
  'two-clients',
] as const
export type EditKind = (typeof EDIT_KINDS)[number]

/** The update of one edit by `client` on the replica (empty if the edit changed nothing). */
export function editOnReplica(
  view: RoomView,
  kind: EditKind,
  client: number,
  rng: Rng,
): Uint8Array {
  const doc = view.replica
  const updates: Uint8Array[] = []
  const collect = (u: Uint8Array) => updates.push(u)
  doc.on('update', collect)
  const previous = doc.clientID
  try {
    doc.clientID = client
    applyEdit(view, kind, rng)
    if (kind === 'two-clients') {
      doc.clientID = client + 1
      applyEdit(
        view,
        rng.pick(['set-note', 'text-insert', 'delete-record'] as const) ?? 'set-note',
        rng,
      )
    }
  } finally {
    doc.clientID = previous
    doc.off('update', collect)
  }
  return updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates)
}

function applyEdit(
  view: RoomView,
  kind: Exclude<EditKind, 'two-clients'> | 'two-clients',
  rng: Rng,
) {
  const doc = view.replica
  const records = doc.getMap<unknown>('records')
  const key = rng.pick(view.recordKeys)
  switch (kind) {
    case 'set-note':
    case 'two-clients': {
      const page = rng.chance(0.8) ? view.openPage : view.lockedPage
      const value = note(
        `fz${rng.int(0, 5000)}`,
        page,
        'ny lapp '.repeat(rng.int(0, 4)),
        'yellow',
        rng.int(0, 900),
        rng.int(0, 900),
      )
      records.set(value.id, value)
      return
    }
    case 'move-note': {
      const existing = key ? records.get(key) : undefined
      if (existing && typeof existing === 'object' && !(existing instanceof Y.AbstractType))
        records.set(key as string, { ...(existing as object), x: rng.int(-500, 500) })
      return
    }
    case 'delete-record':
      if (key) records.delete(key)
      return
    case 'text-insert': {
      const text = doc.getText('t')
      text.insert(rng.int(0, text.length), 'abcdefgh'.slice(0, rng.int(1, 8)))
      return
    }
    case 'text-delete': {
      const text = doc.getText('t')
      if (text.length > 0) {
        const at = rng.int(0, text.length - 1)
        text.delete(at, rng.int(1, Math.min(6, text.length - at)))
      }
      return
    }
    case 'array-insert': {
      const array = doc.getArray<unknown>('a')
      array.insert(
        rng.int(0, array.length),
        [rng.int(0, 99), { v: rng.int(0, 9) }, 'x'].slice(0, rng.int(1, 3)),
      )
      return
    }
    case 'array-delete': {
      const array = doc.getArray<unknown>('a')
      if (array.length > 0) array.delete(rng.int(0, array.length - 1), 1)
      return
    }
    case 'nested-map': {
      const inner = new Y.Map<unknown>()
      inner.set('v', rng.int(0, 99))
      inner.set('deep', { a: { b: [1, 2, { c: 'd' }] } })
      doc.getMap<unknown>('m').set(`k${rng.int(0, 20)}`, inner)
      return
    }
    case 'nested-text': {
      const m = doc.getMap<unknown>('m')
      const existing = m.get('text')
      if (existing instanceof Y.Text) existing.insert(rng.int(0, existing.length), 'z')
      else {
        const t = new Y.Text()
        t.insert(0, 'nested')
        m.set('text', t)
      }
      return
    }
  }
}
