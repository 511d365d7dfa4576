import { CONTROLS_MAP, ControlKey, EditRefusal, META_MAP, RECORDS_MAP } from '@samla/shared'
import * as Y from 'yjs'
import { pageOf } from '../board/records.ts'
import { isCurrentSchema, isMigrationOf, migrateBoardRecords } from '../board/schema.ts'

/**
 * What a participant may change on a meeting's board, decided from the update itself before
 * it is applied: the server is the one that enforces roles, not the buttons a client shows.
 *
 * A participant may write tldraw records, except
 * - page records (phases are the facilitator's), unless no phases have been laid out yet
 *   (the first client on an empty board has to create tldraw's first page);
 * - anything on a locked phase, before or after the change (moving a note out of a locked
 *   phase is an edit of it too);
 * and may not touch the meeting's controls at all. `meta` holds only the tldraw schema; a
 * participant may write it only as this deployment's own schema (a bogus newer one would make
 * every client refuse the board).
 *
 * After a tldraw upgrade, whichever client opens a board first migrates its records and
 * stores them with the new schema, in one update. A participant may be that client: its
 * rewrite of a phase or of a locked phase's record is accepted when it is exactly the
 * migration of what is stored, which the server recomputes with tldraw's own schema.
 */
export type Verdict = { ok: true } | { ok: false; reason: EditRefusal }

const OK: Verdict = { ok: true }
const refuse = (reason: EditRefusal): Verdict => ({ ok: false, reason })

interface Touched {
  root: string
  key: string
  /** Values this update writes for the key (the last one wins; all are checked). */
  values: unknown[]
}

export function checkParticipantUpdate(doc: Y.Doc, update: Uint8Array): Verdict {
  const touched = touchedEntries(doc, update)
  if (!touched) return refuse(EditRefusal.Unknown)
  if (touched.size === 0) return OK

  const controls = doc.getMap<unknown>(CONTROLS_MAP)
  const records = doc.getMap<unknown>(RECORDS_MAP)
  const locked = new Set(
    Array.isArray(controls.get(ControlKey.lockedPhases))
      ? (controls.get(ControlKey.lockedPhases) as unknown[])
      : [],
  )
  const phasesLaidOut = typeof controls.get(ControlKey.templatesVersion) === 'number'

  // Later values in this update are what the records will be once it is applied.
  const incoming = new Map<string, unknown>()
  for (const entry of touched.values()) {
    if (entry.root === RECORDS_MAP && entry.values.length > 0)
      incoming.set(entry.key, entry.values[entry.values.length - 1])
  }
  const lookupAfter = (id: string) => (incoming.has(id) ? incoming.get(id) : records.get(id))
  const lookupBefore = (id: string) => records.get(id)

  // Only an update that stores our schema over an older one can be a migration; the migrated
  // board is computed once per such update, and only if a record needs the exception.
  const schemaWrite = touched.get(`${META_MAP}\u0000schema`)
  const upgrading =
    schemaWrite !== undefined && isCurrentSchema(schemaWrite.values[schemaWrite.values.length - 1])
  let migrated: Map<string, unknown> | null | undefined
  const isExactMigration = (key: string, values: unknown[]): boolean => {
    if (!upgrading || values.length === 0 || !records.has(key)) return false
    migrated ??= migrateBoardRecords(doc.getMap(META_MAP).get('schema'), records.entries())
    return migrated !== null && isMigrationOf(values[values.length - 1], migrated.get(key))
  }

  for (const { root, key, values } of touched.values()) {
    if (root === CONTROLS_MAP) return refuse(EditRefusal.Controls)
    if (root === META_MAP) {
      if (key !== 'schema') return refuse(EditRefusal.Schema)
      if (!upgrading) return refuse(EditRefusal.Schema)
      continue
    }
    if (root !== RECORDS_MAP) return refuse(EditRefusal.Unknown)
    if (key.startsWith('page:')) {
      if (phasesLaidOut && !isExactMigration(key, values)) return refuse(EditRefusal.Phases)
      continue
    }
    if (locked.size === 0 || isExactMigration(key, values)) continue
    const before = pageOf(records.get(key), lookupBefore)
    if (before && locked.has(before)) return refuse(EditRefusal.PhaseLocked)
    for (const value of values) {
      const after = pageOf(value, lookupAfter)
      if (after && locked.has(after)) return refuse(EditRefusal.PhaseLocked)
    }
  }
  return OK
}

/**
 * The (root map, key) entries an update would insert or delete, or null if it refers to
 * structures the server cannot place (nested types, or items it has never seen). Structs the
 * server already has are skipped: applying them changes nothing.
 */
function touchedEntries(doc: Y.Doc, update: Uint8Array): Map<string, Touched> | null {
  const { structs, ds } = Y.decodeUpdate(update)
  const store = doc.store
  const result = new Map<string, Touched>()
  const note = (root: string, key: string, value?: unknown) => {
    const id = `${root}\u0000${key}`
    let entry = result.get(id)
    if (!entry) {
      entry = { root, key, values: [] }
      result.set(id, entry)
    }
    if (value !== undefined) entry.values.push(value)
  }

  // Where an item of this update sits, for later items of the update that refer to it.
  const placed: Array<{ client: number; from: number; to: number; root: string; key: string }> = []
  const placeOf = (id: Y.ID): { root: string; key: string } | null => {
    for (const p of placed) {
      if (p.client === id.client && id.clock >= p.from && id.clock < p.to) return p
    }
    if (id.clock >= Y.getState(store, id.client)) return null
    const item = Y.getItem(store, id)
    if (!(item instanceof Y.Item)) return null
    return placeOfStored(item)
  }

  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue // GC and Skip structs change no value
    const { client, clock } = struct.id
    if (clock + struct.length <= Y.getState(store, client)) continue
    let place: { root: string; key: string } | null = null
    const parent = struct.parent as unknown
    if (typeof parent === 'string') {
      if (struct.parentSub === null) return null
      place = { root: parent, key: struct.parentSub }
    } else if (parent === null) {
      const neighbour = struct.origin ?? struct.rightOrigin
      place = neighbour ? placeOf(neighbour) : null
    }
    if (!place) return null
    placed.push({ client, from: clock, to: clock + struct.length, ...place })
    const content = struct.content
    const value = content instanceof Y.ContentAny ? content.arr[content.arr.length - 1] : undefined
    note(place.root, place.key, value)
  }

  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(store, client)
    for (const { clock, len } of ranges) {
      for (let at = clock; at < clock + len; ) {
        const local = placed.find((p) => p.client === client && at >= p.from && at < p.to)
        if (local) {
          note(local.root, local.key)
          at = local.to
          continue
        }
        if (at >= known) return null
        const struct = Y.getItem(store, Y.createID(client, at))
        if (struct instanceof Y.Item && !struct.deleted) {
          const place = placeOfStored(struct)
          if (!place) return null
          note(place.root, place.key)
        }
        at = struct.id.clock + struct.length
      }
    }
  }
  return result
}

/** Root map and key of an item the server's document holds; null for nested structures. */
function placeOfStored(item: Y.Item): { root: string; key: string } | null {
  const parent = item.parent
  if (!(parent instanceof Y.AbstractType) || parent._item !== null || item.parentSub === null)
    return null
  return { root: Y.findRootTypeKey(parent), key: item.parentSub }
}
