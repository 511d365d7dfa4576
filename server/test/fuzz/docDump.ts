import * as Y from 'yjs'

/** A shared type as the document holds it (the type of Y.Doc#share's values). */
type SharedType = NonNullable<ReturnType<Y.Doc['share']['get']>>

/**
 * A canonical dump of everything a document holds, read from its structs rather than through
 * Y.Map/Y.Text, so that it works whatever type a root was first declared as and compares a
 * live document with a replay of its storage even when a fuzzed update mixed types up. Values
 * are written without recursion: fuzzed values nest deeper than JSON.stringify can go.
 */
export function dumpDoc(doc: Y.Doc): string {
  const out: string[] = []
  for (const key of [...doc.share.keys()].sort()) {
    const type = doc.share.get(key)
    // A root is created by merely naming it (decoding an update does); only content counts.
    if (!type || (type._map.size === 0 && type._start === null)) continue
    out.push(`${JSON.stringify(key)}=`)
    dumpType(type, out)
    out.push(';')
  }
  return out.join('')
}

function dumpType(root: SharedType, out: string[]): void {
  // An explicit stack of types still to write; nested types are rare, values may be deep.
  const stack: Array<SharedType | string> = [root]
  while (stack.length > 0) {
    const next = stack.pop() as SharedType | string
    if (typeof next === 'string') {
      out.push(next)
      continue
    }
    const parts: Array<SharedType | string> = ['{map:']
    for (const [key, item] of [...next._map.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (item.deleted) continue
      parts.push(`${JSON.stringify(key)}:`)
      parts.push(...contentParts(item))
      parts.push(',')
    }
    parts.push(' list:')
    for (let item = next._start; item !== null; item = item.right) {
      if (!item.deleted) parts.push(...contentParts(item), ',')
    }
    parts.push('}')
    for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] as SharedType | string)
  }
}

function contentParts(item: Y.Item): Array<SharedType | string> {
  const content = item.content
  if (content instanceof Y.ContentType) return [content.type]
  return [`${content.getRef()}(${canonical(content.getContent())})`]
}

/** Text to emit as is, on the stack of values still to write. */
class Raw {
  constructor(readonly text: string) {}
}

/** JSON-like text of any value, iteratively; object keys sorted. */
export function canonical(value: unknown): string {
  const out: string[] = []
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (v instanceof Raw) {
      out.push(v.text)
    } else if (Array.isArray(v)) {
      out.push('[')
      stack.push(new Raw(']'))
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push(v[i])
        if (i > 0) stack.push(new Raw(','))
      }
    } else if (v instanceof Uint8Array) {
      out.push(`b${Buffer.from(v).toString('hex')}`)
    } else if (v !== null && typeof v === 'object') {
      out.push('{')
      stack.push(new Raw('}'))
      const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, x] = entries[i] as [string, unknown]
        stack.push(x, new Raw(`${i > 0 ? ',' : ''}${JSON.stringify(k)}:`))
      }
    } else {
      out.push(v === undefined ? 'undefined' : JSON.stringify(v))
    }
  }
  return out.join('')
}
