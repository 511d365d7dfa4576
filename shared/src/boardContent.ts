import { z } from 'zod'
import { AUTHOR_META_KEY, type Controls, CREATED_AT_META_KEY, ShapeMark } from './controls.ts'
import type { BoardContent, DocumentedFrame, DocumentedNote } from './documentation.ts'
import { PRIVATE_META_KEY } from './privateWriting.ts'
import { pageOf } from './records.ts'

/** A board's `records` map as both sides hold it (a Y.Map of plain JSON, keyed by id). */
export interface BoardRecords {
  get(id: string): unknown
  values(): Iterable<unknown>
}

interface ShapeRecord {
  id: string
  typeName: 'shape'
  type: string
  parentId: string
  index?: string
  x: number
  y: number
  props: Record<string, unknown>
  meta?: Record<string, unknown>
}
interface PageRecord {
  id: string
  typeName: 'page'
  name: string
  index: string
}

/**
 * The board's text, read from its Y.Doc without tldraw: pages in order, frames in reading
 * order (the Inkorg after the rest), every note with its text, colour, revealed votes and (unless anonymous) author.
 * A note belongs to the nearest frame among its ancestors (tldraw reparents a note dropped
 * into a frame), so a question's answers are the notes inside its frame.
 */
export function readBoardContent(records: BoardRecords, controls: Controls): BoardContent {
  const lookup = (id: string) => records.get(id)
  const pages: PageRecord[] = []
  const shapes: ShapeRecord[] = []
  for (const value of records.values()) {
    const record = value as { typeName?: unknown }
    if (record?.typeName === 'page') pages.push(value as PageRecord)
    else if (record?.typeName === 'shape') shapes.push(value as ShapeRecord)
  }
  pages.sort((a, b) => compareIndex(a.index, b.index))

  const votesFor = (pageId: string, shapeId: string): number | null => {
    const voting = controls.voting
    if (voting?.state !== 'revealed' || voting.pageId !== pageId) return null
    return voting.results?.[shapeId] ?? 0
  }

  const phases = pages.map((page) => {
    const onPage = shapes.filter((s) => pageOf(s, lookup) === page.id)
    const frames = onPage.filter((s) => s.type === 'frame')
    const byFrame = new Map<string | null, DocumentedNote[]>()
    for (const shape of onPage) {
      if (shape.type !== 'note') continue
      // A card written privately and not revealed yet has no words to document or list: only
      // its writer's page has them (and lists it, from its own store, with them).
      if (isUnrevealedCard(shape)) continue
      const frame = enclosingFrame(shape, lookup)
      const list = byFrame.get(frame) ?? []
      list.push(
        toNote(shape, votesFor(page.id, shape.id), controls.anonymous, absolute(shape, lookup)),
      )
      byFrame.set(frame, list)
    }
    // The Inkorg last: what came in from phones, after the questions, wherever it stands
    // (the templates put it beside them, level with the first).
    const ordered = sortByPosition(frames, lookup)
    const inboxLast = [
      ...ordered.filter((f) => frameKind(f) !== 'inbox'),
      ...ordered.filter((f) => frameKind(f) === 'inbox'),
    ]
    const documented: DocumentedFrame[] = inboxLast.map((frame) => ({
      id: frame.id,
      name: String(frame.props.name ?? ''),
      kind: frameKind(frame),
      notes: sortNotes(byFrame.get(frame.id) ?? []),
    }))
    const loose = byFrame.get(null)
    if (loose?.length)
      documented.push({ id: null, name: '', kind: 'loose', notes: sortNotes(loose) })
    return { pageId: page.id, name: page.name, frames: documented }
  })
  return { phases }
}

function isUnrevealedCard(shape: ShapeRecord): boolean {
  return (
    typeof shape.meta?.[PRIVATE_META_KEY] === 'string' &&
    plainText(shape.props.richText ?? shape.props.text) === ''
  )
}

function frameKind(frame: ShapeRecord): DocumentedFrame['kind'] {
  const mark = frame.meta?.samla
  return mark === ShapeMark.prompt ? 'prompt' : mark === ShapeMark.inbox ? 'inbox' : 'frame'
}

function enclosingFrame(shape: ShapeRecord, lookup: (id: string) => unknown): string | null {
  let parentId = shape.parentId
  for (let depth = 0; depth < 64 && parentId?.startsWith('shape:'); depth++) {
    const parent = lookup(parentId) as ShapeRecord | undefined
    if (!parent) return null
    if (parent.type === 'frame') return parent.id
    parentId = parent.parentId
  }
  return null
}

/** Page coordinates (x, y) of a shape: its own plus its ancestors' (rotation ignored). */
function absolute(shape: ShapeRecord, lookup: (id: string) => unknown): { x: number; y: number } {
  let x = shape.x
  let y = shape.y
  let parentId = shape.parentId
  for (let depth = 0; depth < 64 && parentId?.startsWith('shape:'); depth++) {
    const parent = lookup(parentId) as ShapeRecord | undefined
    if (!parent) break
    x += parent.x
    y += parent.y
    parentId = parent.parentId
  }
  return { x, y }
}

type PositionedNote = DocumentedNote & { position: { x: number; y: number } }

function toNote(
  shape: ShapeRecord,
  votes: number | null,
  anonymous: boolean,
  position: { x: number; y: number },
): PositionedNote {
  const author = shape.meta?.[AUTHOR_META_KEY]
  const created = shape.meta?.[CREATED_AT_META_KEY]
  return {
    id: shape.id,
    text: plainText(shape.props.richText ?? shape.props.text),
    color: typeof shape.props.color === 'string' ? shape.props.color : 'yellow',
    votes,
    author: !anonymous && typeof author === 'string' && author.trim() ? author.trim() : null,
    createdAt: isoTime.safeParse(created).success ? (created as string) : null,
    position,
  }
}

/**
 * A note's creation time as the board and the phone write it (toISOString). Anyone on the
 * board can write a note's meta: anything else is no time at all, rather than an export
 * that fails on it.
 */
const isoTime = z.iso.datetime({ offset: true })

/** Reading order: rows top to bottom (notes within half a note's height share a row), then left to right. */
function sortNotes(notes: DocumentedNote[]): DocumentedNote[] {
  const positioned = notes as PositionedNote[]
  return positioned
    .sort((a, b) => rowOrder(a.position, b.position))
    .map(({ position: _position, ...note }) => note)
}

function sortByPosition(frames: ShapeRecord[], lookup: (id: string) => unknown): ShapeRecord[] {
  const at = new Map(frames.map((f) => [f.id, absolute(f, lookup)]))
  return [...frames].sort((a, b) => rowOrder(at.get(a.id) ?? a, at.get(b.id) ?? b))
}

const ROW_TOLERANCE = 100

function rowOrder(a: { x: number; y: number }, b: { x: number; y: number }): number {
  if (Math.abs(a.y - b.y) > ROW_TOLERANCE) return a.y - b.y
  return a.x - b.x
}

/** tldraw's fractional indexes sort as plain strings. */
function compareIndex(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** tldraw rich text of plain text: a paragraph per line (an empty line, an empty paragraph). */
export function richTextOf(text: string): {
  type: 'doc'
  content: Array<{ type: 'paragraph'; content?: Array<{ type: 'text'; text: string }> }>
} {
  return {
    type: 'doc',
    content: text
      .split('\n')
      .map((line) =>
        line
          ? { type: 'paragraph', content: [{ type: 'text', text: line }] }
          : { type: 'paragraph' },
      ),
  }
}

/**
 * Plain text of tldraw rich text (a TipTap document: blocks of inline text nodes). Blocks
 * become lines; hard breaks become line breaks; marks (bold, links) are dropped.
 */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value
  const lines: string[] = []
  const walk = (node: unknown, line: string[]): void => {
    if (!node || typeof node !== 'object') return
    const { type, text, content } = node as { type?: unknown; text?: unknown; content?: unknown }
    if (type === 'text' && typeof text === 'string') line.push(text)
    else if (type === 'hardBreak') line.push('\n')
    if (!Array.isArray(content)) return
    const isBlockContainer =
      type === 'doc' || type === 'bulletList' || type === 'orderedList' || type === 'listItem'
    for (const child of content) {
      if (isBlockContainer) {
        const childLine: string[] = []
        walk(child, childLine)
        if (childLine.length) lines.push(childLine.join(''))
      } else walk(child, line)
    }
  }
  const root: string[] = []
  walk(value, root)
  if (root.length) lines.push(root.join(''))
  return lines.join('\n').trim()
}
