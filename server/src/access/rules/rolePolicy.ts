import { isDeepStrictEqual } from 'node:util'
import {
  CONTROLS_MAP,
  ControlKey,
  EditRefusal,
  isLockedForParticipants,
  LAYOUT_LOCK_META_KEY,
  META_MAP,
  RECORDS_MAP,
  SHAPE_MARK_META_KEY,
} from '@samla/shared'
import type * as Y from 'yjs'
import { pageOf } from '../../board/records.ts'
import { isCurrentSchema, isMigrationOf, migrateBoardRecords } from '../../board/schema.ts'
import type { Changes, EntryChange } from '../changes.ts'
import { hiddenPhaseTest } from './hiddenPhases.ts'
import { putsTextOnPrivatePhase } from './privateWriting.ts'

/**
 * What a participant may change on a meeting's board, decided from what the update would
 * change before it is applied: the server is the one that enforces roles, not the buttons a
 * client shows.
 *
 * A participant may write tldraw records, except
 * - page records (phases are the facilitator's), unless no phases have been laid out yet
 *   (the first client on an empty board has to create tldraw's first page);
 * - a shape locked for participants (a template frame, or one the facilitator locked: see
 *   `isLockedForParticipants` in shared): no change of it at all, nor deleting it; nor may
 *   they set, change or remove a lock flag or a template mark on any record, or create one
 *   with either. What lies in a locked frame is not locked;
 * - anything on a locked phase, before or after the change (moving a note out of a locked
 *   phase is an edit of it too);
 * - anything on a phase the facilitator has not shown participants (see `visiblePhases` in
 *   shared), before or after the change, once phases are laid out (before that the board has
 *   only tldraw's first page, which is no phase yet);
 * - on the phase written privately ("skriv enskilt", see rules/privateWriting.ts), any text:
 *   a new record's, a changed one, or a card's private mark;
 * and may not touch the meeting's controls at all; once the meeting has ended, nothing at all.
 * `meta` holds only the tldraw schema; a participant may write it only as this deployment's
 * own schema (a bogus newer one would make every client refuse the board).
 *
 * After a tldraw upgrade, whichever client opens a board first migrates its records and
 * stores them with the new schema, in one update. A participant may be that client: its
 * rewrite of a phase, a locked shape or a locked phase's record is accepted when it is exactly
 * the migration of what is stored, which the server recomputes with tldraw's own schema.
 */
export type Verdict = { ok: true } | { ok: false; reason: EditRefusal }

const OK: Verdict = { ok: true }
const refuse = (reason: EditRefusal): Verdict => ({ ok: false, reason })

export function participantVerdict(doc: Y.Doc, changes: Changes): Verdict {
  if (changes.unplaced > 0 || changes.elsewhere.size > 0) return refuse(EditRefusal.Unknown)
  if (changes.entries.size === 0) return OK

  const controls = doc.getMap<unknown>(CONTROLS_MAP)
  // An ended meeting takes nothing from participants, whatever is unlocked. The flag lives in
  // the board's own controls rather than on the room: it then reaches every instance and
  // survives a restart through the same log as the locks, and this rule stays a function of
  // the document, like the locks.
  if (controls.get(ControlKey.ended) === true) return refuse(EditRefusal.MeetingEnded)
  const records = doc.getMap<unknown>(RECORDS_MAP)
  const locked = new Set(
    Array.isArray(controls.get(ControlKey.lockedPhases))
      ? (controls.get(ControlKey.lockedPhases) as unknown[])
      : [],
  )
  const phasesLaidOut = typeof controls.get(ControlKey.templatesVersion) === 'number'
  const jsonValues = (entry: EntryChange) =>
    entry.written.flatMap((w) => (w.kind === 'json' ? [w.value] : []))

  // Later values in this update are what the records will be once it is applied.
  const incoming = new Map<string, unknown>()
  for (const entry of changes.entries.values()) {
    const values = jsonValues(entry)
    if (entry.root === RECORDS_MAP && values.length > 0) incoming.set(entry.key, values.at(-1))
  }
  const lookupAfter = (id: string) => (incoming.has(id) ? incoming.get(id) : records.get(id))
  const lookupBefore = (id: string) => records.get(id)

  // Only an update that stores our schema over an older one can be a migration; the migrated
  // board is computed once per such update, and only if a record needs the exception.
  const schemaWrite = changes.entries.get(`${META_MAP}\u0000schema`)
  const upgrading = schemaWrite !== undefined && isCurrentSchema(jsonValues(schemaWrite).at(-1))
  let migrated: Map<string, unknown> | null | undefined
  const isExactMigration = (key: string, values: unknown[]): boolean => {
    if (!upgrading || values.length === 0 || !records.has(key)) return false
    migrated ??= migrateBoardRecords(doc.getMap(META_MAP).get('schema'), records.entries())
    return migrated !== null && isMigrationOf(values.at(-1), migrated.get(key))
  }

  // On a phase `isOne` picks, before the change or after it (moved out, moved in).
  const onPhase = (isOne: (pageId: string) => boolean, stored: unknown, values: unknown[]) => {
    const before = pageOf(stored, lookupBefore)
    if (before && isOne(before)) return true
    return values.some((value) => {
      const after = pageOf(value, lookupAfter)
      return after !== null && isOne(after)
    })
  }
  const isLocked = (pageId: string) => locked.has(pageId)
  const privatePhase = controls.get(ControlKey.privateWriting)
  const isPrivate = (pageId: string) => pageId === privatePhase
  const isHidden = phasesLaidOut ? hiddenPhaseTest(controls, records) : () => false

  for (const entry of changes.entries.values()) {
    const { root, key } = entry
    const values = jsonValues(entry)
    if (root === CONTROLS_MAP) return refuse(EditRefusal.Controls)
    if (root === META_MAP) {
      if (key !== 'schema' || !upgrading) return refuse(EditRefusal.Schema)
      continue
    }
    if (root !== RECORDS_MAP) return refuse(EditRefusal.Unknown)
    if (key.startsWith('page:')) {
      if (phasesLaidOut && !isExactMigration(key, values)) return refuse(EditRefusal.Phases)
      continue
    }
    const stored = records.get(key)
    const reason = changesLayout(stored, values)
      ? EditRefusal.LayoutLocked
      : locked.size > 0 && onPhase(isLocked, stored, values)
        ? EditRefusal.PhaseLocked
        : onPhase(isHidden, stored, values)
          ? EditRefusal.PhaseHidden
          : typeof privatePhase === 'string' &&
              onPhase(isPrivate, stored, values) &&
              putsTextOnPrivatePhase(stored, values)
            ? EditRefusal.PrivateWriting
            : null
    if (reason && !isExactMigration(key, values)) return refuse(reason)
  }
  return OK
}

/**
 * Whether writing `values` over `stored` (or deleting it, with no values) touches the layout:
 * a locked record changes or goes, or a value's mark or lock flag differs from what is stored
 * (absent on a new record).
 */
function changesLayout(stored: unknown, values: unknown[]): boolean {
  if (isLockedForParticipants(stored)) return true
  const layout = layoutMetaOf(stored)
  return values.some((value) => !isDeepStrictEqual(layoutMetaOf(value), layout))
}

function layoutMetaOf(record: unknown): [unknown, unknown] {
  const meta = (record as { meta?: Record<string, unknown> } | null | undefined)?.meta
  return meta && typeof meta === 'object'
    ? [meta[SHAPE_MARK_META_KEY], meta[LAYOUT_LOCK_META_KEY]]
    : [undefined, undefined]
}
