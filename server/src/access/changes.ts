import * as Y from 'yjs'
import type { DecodedUpdate } from './rules/integration.ts'

/** Where an item sits: an entry of a root map, or somewhere inside a root's nested content. */
export interface Place {
  root: string
  /** The root map's key, or null for a root sequence (Y.Text, Y.Array) or a nested type. */
  key: string | null
  /** Inside a nested Y type (a Y.Map or Y.Array held as a value). */
  nested: boolean
}

/** What an update writes into one entry of a root map. */
export type Written = { kind: 'json'; value: unknown } | { kind: 'other'; content: string }

export interface EntryChange {
  root: string
  key: string
  /** Values written, in update order; the last one is the entry's value afterwards. */
  written: Written[]
  /** Whether the update deletes (or overwrites) what the entry held. */
  deletes: boolean
}

export interface Changes {
  /** Root map entries, keyed `root\0key`. */
  entries: Map<string, EntryChange>
  /** Roots touched other than through their map entries (sequences, nested types). */
  elsewhere: Set<string>
  /** Items whose place cannot be told (next to garbage-collected structs): they change nothing a reader sees, but nobody can judge them either. */
  unplaced: number
  /**
   * Map entries written as one item holding several values. No Yjs client writes these (a
   * Y.Map's set is one value), and Yjs splits and deletes them in an order that depends on
   * what came first: the live document and a replay of the log end up different.
   */
  multiValueEntries: number
  /**
   * Items placed between two neighbours of different lists (an origin in one type, a right
   * origin in another). Yjs takes the left one's list; once the right one is garbage-collected
   * with its own list, a replay of the board makes the item garbage too: live document and
   * log differ. Neighbours in Yjs are always of one list.
   */
  strayNeighbours: number
  /**
   * What is inserted into root sequences (a root Y.Text or Y.Array), per root: the kinds of
   * content (Yjs class names) and how many characters of string content.
   */
  sequences: Map<string, { kinds: Set<ContentKind>; chars: number }>
  /** Roots with content inside a nested type (written or deleted). */
  nestedRoots: Set<string>
}

export type ContentKind = 'string' | 'deleted' | 'json' | 'format' | 'embed' | 'type' | 'other'

/** By instanceof, not class names, which a bundler may rename. */
function contentKind(content: Y.Item['content']): ContentKind {
  if (content instanceof Y.ContentString) return 'string'
  if (content instanceof Y.ContentDeleted) return 'deleted'
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) return 'json'
  if (content instanceof Y.ContentFormat) return 'format'
  if (content instanceof Y.ContentEmbed) return 'embed'
  if (content instanceof Y.ContentType) return 'type'
  return 'other'
}

/**
 * Reads what an update would change in `doc`, before it is applied. Call only for an update
 * that integrates whole (rules/integration.ts): then every item it refers to is either in the
 * document or earlier in the update, and each new item's place can be found. Structs the
 * document already has are skipped: applying them changes nothing.
 */
export function readChanges(doc: Y.Doc, update: DecodedUpdate): Changes {
  const store = doc.store
  const changes: Changes = {
    entries: new Map(),
    elsewhere: new Set(),
    unplaced: 0,
    multiValueEntries: 0,
    strayNeighbours: 0,
    sequences: new Map(),
    nestedRoots: new Set(),
  }
  const entry = (root: string, key: string): EntryChange => {
    const id = `${root}\u0000${key}`
    let found = changes.entries.get(id)
    if (!found) {
      found = { root, key, written: [], deletes: false }
      changes.entries.set(id, found)
    }
    return found
  }

  // Places of this update's own items, for later items and deletions that refer to them.
  const placed = new Map<
    number,
    Array<{ from: number; to: number; place: Place | null; list: string | null }>
  >()
  const placedAt = (id: Y.ID) =>
    placed.get(id.client)?.find((p) => id.clock >= p.from && id.clock < p.to)
  /** Which list (a type and, for a map, its key) the item at `id` is in; null if unknown. */
  const listOfId = (id: Y.ID): string | null => {
    const own = placedAt(id)
    if (own) return own.list
    if (id.clock >= Y.getState(store, id.client)) return null
    const item = Y.getItem(store, id)
    return item instanceof Y.Item ? listOfStored(item) : null
  }
  const placeOfId = (id: Y.ID): Place | null => {
    const own = placedAt(id)
    if (own) return own.place
    if (id.clock >= Y.getState(store, id.client)) return null
    const item = Y.getItem(store, id)
    return item instanceof Y.Item ? placeOfStored(item) : null
  }
  // A child of a nested type sits where the type's own item sits.
  const insideType = (typeItem: Y.ID): Place | null => {
    const place = placeOfId(typeItem)
    return place ? { ...place, key: place.key, nested: true } : null
  }

  for (const struct of update.structs) {
    if (!(struct instanceof Y.Item)) continue // GC and Skip structs change nothing a reader sees
    const { client, clock } = struct.id
    if (clock + struct.length <= Y.getState(store, client)) continue
    let place: Place | null = null
    let list: string | null = null
    const parent = struct.parent as unknown
    if (typeof parent === 'string') {
      place = { root: parent, key: struct.parentSub, nested: false }
      list = `${parent}\u0000${struct.parentSub ?? ''}`
    } else if (parent instanceof Y.ID) {
      place = insideType(parent)
      list = `${parent.client}:${parent.clock}\u0000${struct.parentSub ?? ''}`
    } else {
      const neighbour = struct.origin ?? struct.rightOrigin
      place = neighbour ? placeOfId(neighbour) : null
      list = neighbour ? listOfId(neighbour) : null
      if (struct.origin && struct.rightOrigin) {
        const right = listOfId(struct.rightOrigin)
        if (list !== null && right !== null && list !== right) changes.strayNeighbours++
      }
    }
    const own = placed.get(client) ?? []
    own.push({ from: clock, to: clock + struct.length, place, list })
    placed.set(client, own)
    if (!place) {
      changes.unplaced++
      continue
    }
    if (place.key === null || place.nested) {
      changes.elsewhere.add(place.root)
      if (place.nested) changes.nestedRoots.add(place.root)
      else {
        const sequence = changes.sequences.get(place.root) ?? { kinds: new Set(), chars: 0 }
        sequence.kinds.add(contentKind(struct.content))
        if (struct.content instanceof Y.ContentString) sequence.chars += struct.length
        changes.sequences.set(place.root, sequence)
      }
      continue
    }
    const content = struct.content
    const written = entry(place.root, place.key)
    // An overwritten value of the same update travels as ContentDeleted: no value. (Several
    // overwritten values may travel as one; deleted, they are never split apart again.)
    if (content instanceof Y.ContentDeleted) continue
    if (struct.length > 1) changes.multiValueEntries++
    if (content instanceof Y.ContentAny) {
      for (const value of content.arr) written.written.push({ kind: 'json', value })
    } else {
      written.written.push({ kind: 'other', content: content.constructor.name })
    }
    // A map entry written over an existing one deletes that one.
    if (struct.origin) written.deletes = true
  }

  for (const [client, ranges] of update.ds.clients) {
    for (const { clock, len } of ranges) {
      for (let at = clock; at < clock + len; ) {
        const own = placedAt(Y.createID(client, at))
        if (own) {
          noteDeletion(changes, own.place, entry)
          at = own.to
          continue
        }
        if (at >= Y.getState(store, client)) break // integratesWhole refused these already
        const struct = Y.getItem(store, Y.createID(client, at))
        if (struct instanceof Y.Item && !struct.deleted)
          noteDeletion(changes, placeOfStored(struct), entry)
        at = struct.id.clock + struct.length
      }
    }
  }
  return changes
}

function noteDeletion(
  changes: Changes,
  place: Place | null,
  entry: (root: string, key: string) => EntryChange,
): void {
  if (!place) changes.unplaced++
  else if (place.key === null || place.nested) {
    changes.elsewhere.add(place.root)
    if (place.nested) changes.nestedRoots.add(place.root)
  } else entry(place.root, place.key).deletes = true
}

/** The list an item of the document is in: its type (a root by name, a nested one by id) and key. */
function listOfStored(item: Y.Item): string | null {
  const parent = item.parent
  if (!(parent instanceof Y.AbstractType)) return null
  const type = parent._item
    ? `${parent._item.id.client}:${parent._item.id.clock}`
    : Y.findRootTypeKey(parent)
  return `${type}\u0000${item.parentSub ?? ''}`
}

/** Where an item of the document sits, following nested types up to their root. */
function placeOfStored(item: Y.Item): Place | null {
  let nested = false
  let current: Y.Item = item
  for (;;) {
    const parent = current.parent
    if (!(parent instanceof Y.AbstractType)) return null
    if (parent._item === null) {
      return { root: Y.findRootTypeKey(parent), key: nested ? null : current.parentSub, nested }
    }
    nested = true
    current = parent._item
  }
}
