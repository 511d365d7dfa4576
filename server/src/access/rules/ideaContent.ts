import {
  ACTOR_KEY_PATTERN,
  actorEntrySchema,
  EditRefusal,
  IDEA_ACTORS_MAP,
  IDEA_TEXT_ROOTS,
  MAX_IDEA_ACTORS,
  MAX_IDEA_FIELD_CHARS,
} from '@samla/shared'
import type * as Y from 'yjs'
import type { Changes } from '../changes.ts'
import type { ContentRefusal } from './boardContent.ts'

const TEXT_ROOTS = new Set<string>(IDEA_TEXT_ROOTS)

/**
 * Whether an update to an idébeskrivning (shared/src/ideaDocument.ts) writes only what its
 * editors' pages can read: plain characters in the template's text fields, within their
 * length, and actors that match their schema in the actors map. Everything else (another
 * root, formatting, embeds, nested types, a value in a text field's map) is refused, so that
 * one hostile link holder cannot make the form unreadable for the others.
 */
export function ideaContentRefusal(changes: Changes, doc: Y.Doc): ContentRefusal | null {
  const unknown = (detail: string): ContentRefusal => ({ reason: EditRefusal.Unknown, detail })
  if (changes.multiValueEntries > 0) return unknown('a map entry holding several values')
  if (changes.strayNeighbours > 0) return unknown('an item between two lists')
  if (changes.unplaced > 0) return unknown('items next to removed content')
  if (changes.nestedRoots.size > 0)
    return { reason: EditRefusal.InvalidRecord, detail: 'nested content' }

  for (const root of changes.elsewhere) if (!TEXT_ROOTS.has(root)) return unknown(`root ${root}`)
  for (const [root, { kinds, chars }] of changes.sequences) {
    for (const kind of kinds)
      if (kind !== 'string' && kind !== 'deleted')
        return { reason: EditRefusal.InvalidRecord, detail: `${kind} content in ${root}` }
    // Deletions in the same update are not subtracted: a field at its limit is shortened first.
    if (doc.getText(root).length + chars > MAX_IDEA_FIELD_CHARS)
      return { reason: EditRefusal.TooLarge, detail: `${root} longer than its limit` }
  }

  const actors = doc.getMap(IDEA_ACTORS_MAP)
  let count = actors.size
  for (const { root, key, written, deletes } of changes.entries.values()) {
    if (root !== IDEA_ACTORS_MAP) return unknown(`entry ${root}.${key}`)
    if (!ACTOR_KEY_PATTERN.test(key))
      return { reason: EditRefusal.InvalidRecord, detail: `actor key ${key.slice(0, 40)}` }
    for (const w of written) {
      if (w.kind !== 'json')
        return { reason: EditRefusal.InvalidRecord, detail: `actor ${key}: ${w.content}` }
      if (!actorEntrySchema.safeParse(w.value).success)
        return { reason: EditRefusal.InvalidRecord, detail: `actor ${key}` }
    }
    const had = actors.has(key)
    const has = written.length > 0 || (had && !deletes)
    count += Number(has) - Number(had)
  }
  if (count > MAX_IDEA_ACTORS) return { reason: EditRefusal.TooLarge, detail: 'too many actors' }
  return null
}
