/**
 * tldraw records as a board's `records` map holds them (plain JSON, keyed by id), valid ones
 * and the broken ones a hostile or buggy client could write, for the fuzzers. Valid records are
 * checked against tldraw's own schema, so that "invalid" below really is invalid to tldraw.
 */

import {
  createBindingId,
  createShapeId,
  createTLSchema,
  PageRecordType,
  type TLRecord,
  toRichText,
} from '@tldraw/tlschema'
import { note as validNote } from '../fixtures/records.ts'

const schema = createTLSchema()

/** tldraw's verdict on a record stored under `key`: null if it would load, otherwise why not. */
export function tldrawProblem(record: unknown, key?: string): string | null {
  if (key !== undefined && (record as { id?: unknown } | null)?.id !== key)
    return 'id differs from key'
  try {
    // validateRecord's store argument is only used for error messages.
    schema.validateRecord(null as never, record as TLRecord, 'initialize', null)
    return null
  } catch (err) {
    return err instanceof Error ? err.message.slice(0, 120) : 'invalid'
  }
}

export const NOTE_COLOURS = [
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
] as const

const base = (id: string, parentId: string, x: number, y: number, index: string) => ({
  id,
  typeName: 'shape' as const,
  parentId,
  index,
  x,
  y,
  rotation: 0,
  isLocked: false,
  opacity: 1,
  meta: {},
})

export function page(name: string, index: string) {
  return PageRecordType.create({
    id: PageRecordType.createId(name.replace(/\W/g, '')),
    name,
    index,
  } as never)
}

export function note(key: string, parentId: string, text: string, colour: string, x = 0, y = 0) {
  return validNote(createShapeId(key), parentId, x, y, [text], colour)
}

export function frame(key: string, parentId: string, name: string) {
  return {
    ...base(createShapeId(key), parentId, 0, 0, 'a2'),
    type: 'frame',
    props: { w: 800, h: 600, name, color: 'black' },
  }
}

export function geo(key: string, parentId: string, w: number, h: number) {
  return {
    ...base(createShapeId(key), parentId, 10, 10, 'a3'),
    type: 'geo',
    props: {
      geo: 'rectangle',
      w,
      h,
      color: 'blue',
      labelColor: 'black',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      font: 'draw',
      richText: toRichText(''),
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      flipX: false,
      flipY: false,
    },
  }
}

/** An arrow binding from one shape to another (a record that refers to two others). */
export function binding(key: string, fromId: string, toId: string) {
  return {
    id: createBindingId(key),
    typeName: 'binding',
    type: 'arrow',
    fromId,
    toId,
    props: {
      terminal: 'end',
      normalizedAnchor: { x: 0.5, y: 0.5 },
      isExact: false,
      isPrecise: false,
      snap: 'none',
    },
    meta: {},
  }
}

/**
 * The ways a record in `records` can be wrong: each fails tldraw's validation, except the id
 * mismatch (see tldrawProblem's key) and the parent cycle, which break the store's invariants.
 */
export const BROKEN_RECORD_KINDS = [
  'rich-text-number',
  'unknown-colour',
  'unknown-shape-type',
  'id-differs-from-key',
  'string-not-record',
  'missing-props',
  'parent-cycle',
] as const
export type BrokenRecordKind = (typeof BROKEN_RECORD_KINDS)[number]

/** A broken record to store under `key`, derived from a valid note on `parentId`. */
export function brokenRecord(kind: BrokenRecordKind, key: string, parentId: string): unknown {
  const valid = note(key, parentId, 'x', 'yellow')
  switch (kind) {
    case 'rich-text-number':
      return { ...valid, props: { ...valid.props, richText: 42 } }
    case 'unknown-colour':
      return { ...valid, props: { ...valid.props, color: 'chartreuse' } }
    case 'unknown-shape-type':
      return { ...valid, type: 'banana' }
    case 'id-differs-from-key':
      return { ...valid, id: createShapeId(`${key}-other`) }
    case 'string-not-record':
      return 'shape'
    case 'missing-props':
      return { ...valid, props: undefined }
    case 'parent-cycle':
      // Its own parent: a loop for anything that walks parentId to find the page.
      return { ...valid, parentId: valid.id }
  }
}
