import type { SerializedSchema, TLRecord, TLStore } from 'tldraw'
import type * as Y from 'yjs'

/** Transaction origin of changes this client makes, so its own observer skips them. */
const LOCAL = Symbol('samla-local')

export type StartResult = { ok: true } | { ok: false; reason: 'newer-schema' | 'invalid-data' }

/**
 * Binds a tldraw store to a Y.Doc: every document-scope record is one entry of the Y.Map
 * `records` (presence and session state never enter the document), and `meta.schema` holds
 * the tldraw schema the records were written with, so that a client of another version can
 * migrate them or refuse to touch them.
 */
export class StoreDocBinding {
  private readonly records: Y.Map<TLRecord>
  private readonly meta: Y.Map<unknown>
  private stopListening: (() => void) | null = null

  constructor(
    private readonly store: TLStore,
    private readonly doc: Y.Doc,
    private readonly onIncompatible: () => void,
  ) {
    this.records = doc.getMap<TLRecord>('records')
    this.meta = doc.getMap('meta')
  }

  /** Call once the provider has synced: loads (migrating if needed) or seeds the document. */
  start(): StartResult {
    const remoteSchema = this.meta.get('schema') as SerializedSchema | undefined
    const ours = this.store.schema.serialize()
    if (this.records.size === 0 && !remoteSchema) {
      this.doc.transact(() => {
        this.meta.set('schema', ours)
        for (const record of this.documentRecords()) this.records.set(record.id, record)
      }, LOCAL)
    } else {
      // The document knows migrations this page does not: a newer Samla wrote it.
      if (remoteSchema && !this.store.schema.getMigrationsSince(remoteSchema).ok) {
        return { ok: false, reason: 'newer-schema' }
      }
      const snapshot = {
        store: Object.fromEntries(this.records.entries()),
        schema: remoteSchema ?? ours,
      }
      const migrated = this.store.schema.migrateStoreSnapshot(
        snapshot as Parameters<TLStore['schema']['migrateStoreSnapshot']>[0],
      )
      if (migrated.type === 'error') return { ok: false, reason: 'invalid-data' }
      const records = Object.values(migrated.value) as TLRecord[]
      const keep = new Set(records.map((r) => r.id))
      this.store.mergeRemoteChanges(() => {
        const stale = this.documentRecords().filter((r) => !keep.has(r.id))
        if (stale.length > 0) this.store.remove(stale.map((r) => r.id))
        this.store.put(records, 'initialize')
      })
      // Written by an older Samla: store the migrated records so the next reader need not migrate.
      if (JSON.stringify(remoteSchema) !== JSON.stringify(ours)) {
        this.doc.transact(() => {
          for (const record of records) this.records.set(record.id, record)
          this.meta.set('schema', ours)
        }, LOCAL)
      }
    }
    this.listen()
    return { ok: true }
  }

  dispose(): void {
    this.stopListening?.()
    this.stopListening = null
  }

  private documentRecords(): TLRecord[] {
    return this.store.allRecords().filter((r) => this.store.scopedTypes.document.has(r.typeName))
  }

  private listen(): void {
    const unlistenStore = this.store.listen(
      ({ changes }) => {
        this.doc.transact(() => {
          for (const record of Object.values(changes.added)) this.records.set(record.id, record)
          for (const [, record] of Object.values(changes.updated))
            this.records.set(record.id, record)
          for (const record of Object.values(changes.removed)) this.records.delete(record.id)
        }, LOCAL)
      },
      { source: 'user', scope: 'document' },
    )

    const onRecords = (event: Y.YMapEvent<TLRecord>, tx: Y.Transaction) => {
      if (tx.origin === LOCAL) return
      const put: TLRecord[] = []
      const removed: TLRecord['id'][] = []
      for (const [id, change] of event.changes.keys) {
        if (change.action === 'delete') removed.push(id as TLRecord['id'])
        else {
          const record = this.records.get(id)
          if (record) put.push(record)
        }
      }
      this.store.mergeRemoteChanges(() => {
        if (removed.length > 0) this.store.remove(removed)
        if (put.length > 0) this.store.put(put)
      })
    }
    this.records.observe(onRecords)

    // Another client upgraded the board while we are on it: stop before we write old records.
    const onMeta = (_event: Y.YMapEvent<unknown>, tx: Y.Transaction) => {
      if (tx.origin === LOCAL) return
      const schema = this.meta.get('schema') as SerializedSchema | undefined
      if (schema && !this.store.schema.getMigrationsSince(schema).ok) this.onIncompatible()
    }
    this.meta.observe(onMeta)

    this.stopListening = () => {
      unlistenStore()
      this.records.unobserve(onRecords)
      this.meta.unobserve(onMeta)
    }
  }
}
