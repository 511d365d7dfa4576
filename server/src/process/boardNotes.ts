import { AUTHOR_META_KEY, RECORDS_MAP } from '@samla/shared'
import type * as Y from 'yjs'
import { plainText } from '../board/extract.ts'
import { pageOf } from '../board/records.ts'

/** A note of a board as it is sent across: its text, colour, phase and (maybe) author. */
export interface BoardNote {
  shapeId: string
  text: string
  color: string
  phaseName: string
  author: string | null
}

interface ShapeLike {
  id: string
  typeName: string
  type: string
  parentId: string
  props?: Record<string, unknown>
  meta?: Record<string, unknown>
}

const MAX_DEPTH = 64

/**
 * The notes a selection stands for, read from the board's document on the server (what a
 * client claims about them is never used): notes as they are, frames (and groups) as every
 * note inside them. Anything else, or an id the board does not hold, is left out.
 */
export function selectedNotes(doc: Y.Doc, shapeIds: readonly string[]): BoardNote[] {
  const records = doc.getMap<unknown>(RECORDS_MAP)
  const lookup = (id: string) => records.get(id)
  const children = new Map<string, ShapeLike[]>()
  for (const value of records.values()) {
    const shape = value as ShapeLike
    if (shape?.typeName !== 'shape' || typeof shape.parentId !== 'string') continue
    const list = children.get(shape.parentId) ?? []
    list.push(shape)
    children.set(shape.parentId, list)
  }
  const found = new Map<string, ShapeLike>()
  const collect = (shape: ShapeLike, depth: number) => {
    if (depth > MAX_DEPTH) return
    if (shape.type === 'note') found.set(shape.id, shape)
    else if (shape.type === 'frame' || shape.type === 'group')
      for (const child of children.get(shape.id) ?? []) collect(child, depth + 1)
  }
  for (const id of shapeIds) {
    const shape = lookup(id) as ShapeLike | undefined
    if (shape?.typeName === 'shape') collect(shape, 0)
  }
  return [...found.values()].flatMap((shape) => {
    const text = plainText(shape.props?.richText ?? shape.props?.text)
    if (!text) return []
    const pageId = pageOf(shape, lookup)
    const page = pageId ? (lookup(pageId) as { name?: unknown } | undefined) : undefined
    const author = shape.meta?.[AUTHOR_META_KEY]
    return [
      {
        shapeId: shape.id,
        text,
        color: typeof shape.props?.color === 'string' ? shape.props.color : 'yellow',
        phaseName: typeof page?.name === 'string' ? page.name : '',
        author: typeof author === 'string' && author.trim() ? author.trim() : null,
      },
    ]
  })
}
