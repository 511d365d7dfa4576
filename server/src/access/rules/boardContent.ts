import {
  CONTROL_SCHEMAS,
  CONTROLS_MAP,
  ControlKey,
  EditRefusal,
  META_MAP,
  PROCESS_MAP,
  RECORDS_MAP,
} from '@samla/shared'
import type { Changes } from '../changes.ts'
import { isReadableSchema, type RecordLimits, recordProblem } from './records.ts'

export interface ContentVerdictContext {
  /** A meeting's board holds nothing but Samla's three maps; a plain board may hold more. */
  isMeeting: boolean
  /** The tldraw schema the board declares now (`meta.schema`), before this update. */
  declaredSchema: unknown
  /** A record as the board holds it now. */
  recordOf: (id: string) => unknown
  limits: RecordLimits
}

export type ContentRefusal = { reason: EditRefusal; detail: string }

const KNOWN_ROOTS = new Set<string>([RECORDS_MAP, META_MAP, CONTROLS_MAP])

/**
 * Whether what an update writes is what every client can read, whoever wrote it (a plain
 * board has no roles at all, and one bad record there stops every client's binding):
 * records that tldraw's validators accept, a schema this server can read, meeting controls
 * that match their schema, and no nested types or sequences inside those maps. Other roots
 * exist only on plain boards (no Samla client reads them); a meeting's board has none.
 */
export function boardContentRefusal(
  changes: Changes,
  context: ContentVerdictContext,
): ContentRefusal | null {
  const { isMeeting, limits } = context
  if (changes.multiValueEntries > 0)
    return { reason: EditRefusal.Unknown, detail: 'a map entry holding several values' }
  if (changes.strayNeighbours > 0)
    return { reason: EditRefusal.Unknown, detail: 'an item between two lists' }
  if (changes.unplaced > 0 && isMeeting)
    return { reason: EditRefusal.Unknown, detail: 'items next to removed content' }
  for (const root of changes.elsewhere) {
    if (root === PROCESS_MAP)
      return { reason: EditRefusal.ServerOwned, detail: `nested content in ${root}` }
    if (KNOWN_ROOTS.has(root))
      return { reason: EditRefusal.InvalidRecord, detail: `nested or sequence content in ${root}` }
    if (isMeeting) return { reason: EditRefusal.Unknown, detail: `root ${root}` }
  }

  // What the records will be once the update is applied, to follow shapes' parents.
  const incoming = new Map<string, unknown>()
  for (const { root, key, written } of changes.entries.values()) {
    const last = written.at(-1)
    if (root === RECORDS_MAP && last?.kind === 'json') incoming.set(key, last.value)
  }
  const recordAfter = (id: string) => (incoming.has(id) ? incoming.get(id) : context.recordOf(id))

  // The schema the records of this update are written in: the one it stores, if it does.
  const schemaWrite = changes.entries.get(`${META_MAP}\u0000schema`)?.written.at(-1)
  const declared = schemaWrite?.kind === 'json' ? schemaWrite.value : context.declaredSchema

  for (const { root, key, written } of changes.entries.values()) {
    if (root === RECORDS_MAP) {
      for (const w of written) {
        if (w.kind !== 'json')
          return { reason: EditRefusal.InvalidRecord, detail: `${key}: ${w.content}` }
        const problem = recordProblem(key, w.value, declared, limits)
        if (problem) {
          const reason =
            problem.problem === 'too-large' ? EditRefusal.TooLarge : EditRefusal.InvalidRecord
          return { reason, detail: `${key}: ${problem.detail}` }
        }
      }
      if (incoming.has(key) && parentsLoop(key, recordAfter))
        return { reason: EditRefusal.InvalidRecord, detail: `${key}: its parents form a loop` }
    } else if (root === META_MAP) {
      if (key !== 'schema') return { reason: EditRefusal.Schema, detail: `meta.${key}` }
      for (const w of written) {
        if (w.kind !== 'json' || !isReadableSchema(w.value, limits.maxJsonDepth))
          return { reason: EditRefusal.Schema, detail: 'not a schema this server can read' }
      }
    } else if (root === CONTROLS_MAP) {
      // Whether the meeting ended follows the database (routes/meetingEnd.ts): a client that
      // cleared it would open a board the meeting's record says is closed.
      // Private writing likewise: revealing it writes the texts the server holds, which no
      // client has; a client that cleared the flag would leave the cards blank for good.
      if (key === ControlKey.ended || key === ControlKey.privateWriting)
        return { reason: EditRefusal.ServerOwned, detail: `${CONTROLS_MAP}.${key}` }
      const schema = CONTROL_SCHEMAS[key as keyof typeof CONTROL_SCHEMAS]
      if (!Object.hasOwn(CONTROL_SCHEMAS, key) || !schema)
        return { reason: EditRefusal.InvalidRecord, detail: `meeting.${key}` }
      for (const w of written) {
        if (w.kind !== 'json' || !schema.safeParse(w.value).success)
          return { reason: EditRefusal.InvalidRecord, detail: `meeting.${key}` }
      }
    } else if (root === PROCESS_MAP) {
      // Provenance and answers come from the database (process/threads.ts); no client,
      // facilitator or not, may write or remove them.
      return { reason: EditRefusal.ServerOwned, detail: `${PROCESS_MAP}.${key}` }
    } else if (isMeeting) {
      return { reason: EditRefusal.Unknown, detail: `root ${root}` }
    }
  }
  return null
}

/** Deeper than any board nests frames and groups (board/records.ts stops there too). */
const MAX_NESTING = 64

/**
 * Whether following a shape's parents from `id` comes back to a shape already passed, or
 * goes on for ever: every client walks these chains (to draw a shape, to find its page), and
 * a loop would hang all of them. A chain that ends at a page, or at a record not there, is
 * fine.
 */
function parentsLoop(id: string, recordAfter: (id: string) => unknown): boolean {
  const seen = new Set<string>()
  let current: string | undefined = id
  for (let hops = 0; current !== undefined; hops++) {
    if (seen.has(current) || hops > MAX_NESTING) return true
    seen.add(current)
    const record = recordAfter(current) as { typeName?: unknown; parentId?: unknown } | undefined
    if (record?.typeName !== 'shape' || typeof record.parentId !== 'string') return false
    current = record.parentId
  }
  return false
}
