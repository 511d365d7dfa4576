import type { TLRecord } from '@tldraw/tlschema'
import {
  isCurrentSchema,
  type SerializedSchema,
  TLDRAW_SCHEMA as schema,
} from '../../board/schema.ts'
import { jsonProblem } from './jsonValue.ts'
import { richTextLength } from './richTextLength.ts'

export interface RecordLimits {
  maxJsonDepth: number
  /** Largest record as JSON text, images (assets) aside. */
  maxRecordBytes: number
  /** Most characters of text a shape (a note above all) may hold. */
  maxNoteChars: number
}

export type RecordProblem =
  | { problem: 'invalid-record'; detail: string }
  | { problem: 'too-large'; detail: string }

/**
 * Whether a value may stand in a board's `records` map under `key`: what every client's
 * tldraw store will accept, checked with tldraw's own validators (the same version as the
 * client's, see board/schema.ts). A record tldraw refuses makes the binding of every client
 * that receives it stop, so it must never be stored.
 *
 * Records are written in the schema the board declares; one written in an older schema (a
 * tab left open across an upgrade, on a board still declaring that schema) is migrated to
 * ours before it is validated, as the clients that read it will migrate it.
 */
export function recordProblem(
  key: string,
  value: unknown,
  declaredSchema: unknown,
  limits: RecordLimits,
): RecordProblem | null {
  const json = jsonProblem(value, limits.maxJsonDepth)
  if (json === 'too-deep') return { problem: 'too-large', detail: 'nested too deeply' }
  if (json) return { problem: 'invalid-record', detail: 'not plain JSON' }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { problem: 'invalid-record', detail: 'not a record' }
  const record = value as { id?: unknown; typeName?: unknown }
  if (record.id !== key) return { problem: 'invalid-record', detail: 'id differs from its key' }
  const type =
    typeof record.typeName === 'string'
      ? schema.types[record.typeName as TLRecord['typeName']]
      : undefined
  if (type?.scope !== 'document')
    return { problem: 'invalid-record', detail: 'not a document record type' }
  if (record.typeName !== 'asset' && JSON.stringify(value).length > limits.maxRecordBytes)
    return { problem: 'too-large', detail: 'record too large' }

  let current = value as TLRecord
  if (declaredSchema !== undefined && !isCurrentSchema(declaredSchema)) {
    const migrated = migrateUp(current, declaredSchema)
    if (!migrated) return { problem: 'invalid-record', detail: 'cannot be migrated' }
    current = migrated
  }
  try {
    type.validate(current)
  } catch (err) {
    return { problem: 'invalid-record', detail: err instanceof Error ? err.message : 'invalid' }
  }
  const props = (current as { props?: { richText?: unknown } }).props
  if (props?.richText !== undefined && richTextLength(props.richText) > limits.maxNoteChars)
    return { problem: 'too-large', detail: 'text too long' }
  return null
}

function migrateUp(record: TLRecord, declared: unknown): TLRecord | null {
  try {
    const result = schema.migratePersistedRecord(
      structuredClone(record),
      declared as SerializedSchema,
      'up',
    )
    return result.type === 'success' ? result.value : null
  } catch {
    return null
  }
}

/** A schema this server can read records of: ours, or an older one it can migrate from. */
export function isReadableSchema(value: unknown, maxDepth: number): boolean {
  if (jsonProblem(value, maxDepth) || typeof value !== 'object' || value === null) return false
  try {
    return schema.getMigrationsSince(value as SerializedSchema).ok
  } catch {
    return false
  }
}
