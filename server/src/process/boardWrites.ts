import { isDeepStrictEqual } from 'node:util'
import {
  CONTROLS_MAP,
  ControlKey,
  LAYOUT_LOCK_META_KEY,
  type NoteThread,
  PROCESS_MAP,
  RECORDS_MAP,
  richTextOf,
  ShapeMark,
} from '@samla/shared'
import { getIndexAbove, type IndexKey } from '@tldraw/utils'
import type * as Y from 'yjs'
import { DEFAULT_WRITE_LIMITS } from '../access/limits.ts'
import { recordProblem } from '../access/rules/records.ts'
import { CURRENT_SCHEMA } from '../board/schema.ts'

/**
 * What the server itself writes into a board: notes sent from another meeting, the frame of
 * open threads a new Samling starts with, and the `process` map the clients draw beside the
 * notes. Every record is checked with tldraw's validators before it is written, as a client's
 * would be, and everything goes through the room's log like any accepted update.
 */
export const SERVER_ORIGIN = Symbol('samla-server')

const NOTE = 200
const GAP = 20
/** Rows of notes the server writes leave room beneath each for where it came from. */
const ROW = NOTE + 110
/** Room under a frame's top edge for its title. */
const TOP = 70

interface ShapeLike {
  id: string
  typeName: string
  type: string
  parentId: string
  index: string
  x: number
  y: number
  props: Record<string, unknown>
  meta?: Record<string, unknown>
}

export interface NoteToWrite {
  id: string
  text: string
  color: string
}

const shapesOf = (records: Y.Map<unknown>) =>
  [...records.values()].filter((v): v is ShapeLike => (v as ShapeLike)?.typeName === 'shape')

/** Whether the facilitator's client has laid out the board's phases (until then, notes wait). */
export function isLaidOut(doc: Y.Doc): boolean {
  return typeof doc.getMap(CONTROLS_MAP).get(ControlKey.templatesVersion) === 'number'
}

/** The Inkorg frame of the current phase, else the first phase's that has one. */
export function findInbox(doc: Y.Doc): ShapeLike | null {
  const records = doc.getMap<unknown>(RECORDS_MAP)
  const current = doc.getMap(CONTROLS_MAP).get(ControlKey.currentPhase)
  const inboxes = shapesOf(records).filter(
    (s) =>
      s.type === 'frame' && s.meta?.samla === ShapeMark.inbox && s.parentId.startsWith('page:'),
  )
  const pageIndex = (pageId: string) =>
    String((records.get(pageId) as { index?: unknown } | undefined)?.index ?? '')
  inboxes.sort((a, b) => (pageIndex(a.parentId) < pageIndex(b.parentId) ? -1 : 1))
  return inboxes.find((s) => s.parentId === current) ?? inboxes[0] ?? null
}

function firstPage(doc: Y.Doc): string | null {
  const records = doc.getMap<unknown>(RECORDS_MAP)
  const current = doc.getMap(CONTROLS_MAP).get(ControlKey.currentPhase)
  if (typeof current === 'string' && records.has(current)) return current
  const pages = [...records.values()]
    .filter((v) => (v as { typeName?: unknown })?.typeName === 'page')
    .map((v) => v as { id: string; index: string })
    .sort((a, b) => (a.index < b.index ? -1 : 1))
  return pages[0]?.id ?? null
}

function noteRecord(
  note: NoteToWrite,
  parentId: string,
  index: IndexKey,
  x: number,
  y: number,
  meta: Record<string, unknown>,
) {
  const record = {
    id: note.id,
    typeName: 'shape',
    type: 'note',
    parentId,
    index,
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props: {
      color: note.color,
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      // tldraw scales a note's text by this; 0 would draw it at no size at all.
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      textLastEditedBy: null,
      richText: richTextOf(note.text),
      scale: 1,
    },
    meta,
  }
  return checked(record)
}

/** tldraw's validators, as for any client's record: a record they refuse is never written. */
export function checked<T extends { id: string }>(record: T): T {
  const problem = recordProblem(record.id, record, CURRENT_SCHEMA, DEFAULT_WRITE_LIMITS)
  if (problem) throw new Error(`the server wrote an invalid record: ${problem.detail}`)
  return record
}

const validColor = (color: string) =>
  [
    'black',
    'grey',
    'light-violet',
    'violet',
    'blue',
    'light-blue',
    'yellow',
    'orange',
    'green',
    'light-green',
    'light-red',
    'red',
    'white',
  ].includes(color)
    ? color
    : 'yellow'

/**
 * Writes notes into the Inkorg, each in the next free cell of its grid (as a phone's note
 * lands), or beside the phase's content when there is no Inkorg. Notes already on the board
 * (the same id) are left as they are, so a repeated delivery never duplicates one.
 */
export function writeIntoInbox(doc: Y.Doc, notes: readonly NoteToWrite[]): string[] {
  const records = doc.getMap<unknown>(RECORDS_MAP)
  const fresh = notes.filter((n) => !records.has(n.id))
  if (fresh.length === 0) return []
  const inbox = findInbox(doc)
  const pageId = inbox ? null : firstPage(doc)
  const parentId = inbox?.id ?? pageId
  if (!parentId) return []
  const siblings = shapesOf(records).filter((s) => s.parentId === parentId)
  let index = siblings.reduce<IndexKey | null>(
    (top, s) => (top === null || s.index > top ? (s.index as IndexKey) : top),
    null,
  )
  const columns = inbox
    ? Math.max(1, Math.floor((Number(inbox.props.w ?? 0) - GAP) / (NOTE + GAP)))
    : 4
  const right = inbox ? 0 : siblings.reduce((m, s) => Math.max(m, s.x + NOTE + 2 * GAP), 0)
  const written: string[] = []
  doc.transact(() => {
    let taken = siblings.length
    for (const note of fresh) {
      index = getIndexAbove(index)
      const cell = inbox ? taken : written.length
      const x = right + GAP + (cell % columns) * (NOTE + GAP)
      const y = TOP + Math.floor(cell / columns) * ROW
      records.set(
        note.id,
        noteRecord({ ...note, color: validColor(note.color) }, parentId, index, x, y, {
          samlaCreatedAt: new Date().toISOString(),
        }),
      )
      written.push(note.id)
      taken++
    }
  }, SERVER_ORIGIN)
  return written
}

/**
 * A frame of notes on the first (or current) phase, to the left of what is there: "Från
 * förra samlingen". Written once: a frame already on the board is left alone.
 */
export function writeFrame(
  doc: Y.Doc,
  frameId: string,
  title: string,
  notes: readonly NoteToWrite[],
  options: {
    /** The phase it goes in (the current one if not given). */
    pageId?: string
    /** What the frame is (meta.samla), for the pages that read the board. */
    mark?: string
    /** Notes that participants may not move, edit or delete either (ideas to vote on). */
    lockNotes?: boolean
  } = {},
) {
  const records = doc.getMap<unknown>(RECORDS_MAP)
  const pageId = options.pageId ?? firstPage(doc)
  if (!pageId || records.has(frameId)) return false
  const onPage = shapesOf(records).filter((s) => s.parentId === pageId)
  const columns = 3
  const rows = Math.max(1, Math.ceil(notes.length / columns))
  const w = GAP + columns * (NOTE + GAP)
  const h = TOP + rows * (NOTE + GAP)
  const left = onPage.reduce((m, s) => Math.min(m, s.x), 0) - w - 4 * GAP
  const top = onPage.reduce((m, s) => Math.min(m, s.y), 0)
  const above = onPage.reduce<IndexKey | null>(
    (t, s) => (t === null || s.index > t ? (s.index as IndexKey) : t),
    null,
  )
  doc.transact(() => {
    records.set(
      frameId,
      checked({
        id: frameId,
        typeName: 'shape',
        type: 'frame',
        parentId: pageId,
        index: getIndexAbove(above),
        x: left,
        y: top,
        rotation: 0,
        isLocked: false,
        opacity: 1,
        props: { w, h, name: title, color: 'black' },
        // Part of the layout: participants put notes in it but do not move or delete it.
        meta: { samla: options.mark ?? 'carried', [LAYOUT_LOCK_META_KEY]: true },
      }),
    )
    let index: IndexKey | null = null
    notes.forEach((note, i) => {
      index = getIndexAbove(index)
      const x = GAP + (i % columns) * (NOTE + GAP)
      const y = TOP + Math.floor(i / columns) * (NOTE + GAP)
      records.set(
        note.id,
        noteRecord(
          { ...note, color: validColor(note.color) },
          frameId,
          index,
          x,
          y,
          options.lockNotes ? { [LAYOUT_LOCK_META_KEY]: true } : {},
        ),
      )
    })
  }, SERVER_ORIGIN)
  return true
}

/** Removes notes the server wrote (a sending meeting was erased); whether any was there. */
export function removeShapes(doc: Y.Doc, ids: readonly string[]): boolean {
  const records = doc.getMap<unknown>(RECORDS_MAP)
  const present = ids.filter((id) => records.has(id))
  if (present.length === 0) return false
  doc.transact(() => {
    for (const id of present) records.delete(id)
  }, SERVER_ORIGIN)
  return true
}

/** Makes the board's `process` map exactly `threads`, writing only what differs. */
export function setThreads(doc: Y.Doc, threads: ReadonlyMap<string, NoteThread>): boolean {
  const map = doc.getMap<unknown>(PROCESS_MAP)
  const stale = [...map.keys()].filter((k) => !threads.has(k))
  const changed = [...threads].filter(([k, v]) => !isDeepStrictEqual(map.get(k), v))
  if (stale.length === 0 && changed.length === 0) return false
  doc.transact(() => {
    for (const key of stale) map.delete(key)
    for (const [key, value] of changed) map.set(key, value)
  }, SERVER_ORIGIN)
  return true
}
