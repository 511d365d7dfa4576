/**
 * Reading tldraw records out of a board's document without tldraw (the server, and the
 * board's list view, which reads the same Y.Doc): records
 * are plain JSON in the `records` map (see shared/src/controls.ts), and a shape's page is
 * found by following `parentId` through frames and groups.
 */
export type RecordLookup = (id: string) => unknown

interface ParentedRecord {
  typeName?: unknown
  parentId?: unknown
  fromId?: unknown
}

/** Deeper than any real board nests frames and groups; stops a parentId cycle. */
const MAX_DEPTH = 64

/** The page a record lives on: a page is its own page; shapes via parents; bindings via their shape. */
export function pageOf(record: unknown, lookup: RecordLookup): string | null {
  let current = record as ParentedRecord | undefined
  for (let depth = 0; depth < MAX_DEPTH && current && typeof current === 'object'; depth++) {
    if (current.typeName === 'page') return (current as { id?: unknown }).id as string
    const next =
      current.typeName === 'binding'
        ? current.fromId
        : current.typeName === 'shape'
          ? current.parentId
          : null
    if (typeof next !== 'string') return null
    if (next.startsWith('page:')) return next
    current = lookup(next) as ParentedRecord | undefined
  }
  return null
}
