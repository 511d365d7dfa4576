import { isDeepStrictEqual } from 'node:util'
import { createTLSchema, type TLRecord } from '@tldraw/tlschema'

/**
 * The tldraw schema this deployment's client writes: tldraw's default shapes and bindings,
 * as `client/src/sync/useSyncedStore.ts` builds its store, from the same tldraw version
 * (server/package.json pins @tldraw/tlschema to client/package.json's tldraw; a test checks).
 * The server needs it for one thing: to tell a client's migration of an older board from an
 * edit, so that a participant may store the migrated records but nothing else.
 */
export const TLDRAW_SCHEMA = createTLSchema()
const schema = TLDRAW_SCHEMA
export type SerializedSchema = ReturnType<typeof schema.serialize>

export const CURRENT_SCHEMA: SerializedSchema = schema.serialize()

export function isCurrentSchema(value: unknown): boolean {
  return isDeepStrictEqual(value, CURRENT_SCHEMA)
}

/**
 * Every record of a board migrated from the schema it was stored with to ours, as a client's
 * binding does on load; null when there is nothing to migrate or the stored schema cannot be
 * migrated from (newer, or not a schema at all).
 */
export function migrateBoardRecords(
  storedSchema: unknown,
  records: Iterable<[string, unknown]>,
): Map<string, unknown> | null {
  if (!storedSchema || typeof storedSchema !== 'object' || isCurrentSchema(storedSchema))
    return null
  const persisted = storedSchema as SerializedSchema
  try {
    const since = schema.getMigrationsSince(persisted)
    if (!since.ok || since.value.length === 0) return null
    // structuredClone: the values are the live objects of the server's Y.Doc.
    const store = structuredClone(Object.fromEntries(records)) as Record<string, TLRecord>
    const migrated = schema.migrateStoreSnapshot({ store, schema: persisted })
    return migrated.type === 'success' ? new Map(Object.entries(migrated.value)) : null
  } catch {
    return null
  }
}

/** Whether a written record is exactly what migrating the stored one gives. */
export function isMigrationOf(written: unknown, migrated: unknown): boolean {
  return migrated !== undefined && isDeepStrictEqual(written, migrated)
}
