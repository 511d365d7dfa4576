import type { SerializedSchema, TLRecord, TLStore } from 'tldraw'
import type * as Y from 'yjs'

/** Transaction origin of changes this client makes, so its own observer skips them. */
const LOCAL = Symbol('samla-local')

export type Incompatibility = 'newer-schema' | 'invalid-data'

/**
 * A record as the document holds it (`toDoc`, given what the document holds now, if anything)
 * and as this page holds it (`fromDoc`). Both return the record itself where they agree.
 */
export interface Projection {
  toDoc(record: TLRecord, stored: TLRecord | undefined): TLRecord
  fromDoc(record: TLRecord): TLRecord
  /** This page removed the record from the document. */
  removed?(id: string): void
}

const SAME: Projection = { toDoc: (record) => record, fromDoc: (record) => record }
export type StartResult = { ok: true } | { ok: false; reason: Incompatibility }

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
    /** Called once when syncing had to stop; the page should say why and offer a reload. */
    private readonly onIncompatible: (reason: Incompatibility) => void,
    /**
     * Records this client must not write into the document, checked at each write: in an
     * anonymous meeting tldraw's `user` records (which carry names) stay in this page.
     */
    private readonly keepOut: (record: TLRecord) => boolean = () => false,
    /**
     * Called with the ids of records in the document this page cannot read (written before
     * the server validated records, or by a client of another version): they are left out
     * of the canvas, and everything else goes on syncing.
     */
    private readonly onSkipped: (ids: string[]) => void = () => {},
    /**
     * How a record differs between this page and the document, where it does: a note written
     * privately is blank in the document and has its text only here (sync/privateNotes.ts).
     */
    private readonly projection: Projection = SAME,
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
        for (const record of this.documentRecords()) {
          if (!this.keepOut(record)) this.records.set(record.id, record)
        }
      }, LOCAL)
    } else {
      // The document knows migrations this page does not: a newer Samla wrote it.
      if (remoteSchema && !this.store.schema.getMigrationsSince(remoteSchema).ok) {
        return { ok: false, reason: 'newer-schema' }
      }
      const records = this.readableRecords(remoteSchema ?? ours)
      const keep = new Set(records.map((r) => r.id))
      this.store.mergeRemoteChanges(() => {
        const stale = this.documentRecords().filter((r) => !keep.has(r.id))
        if (stale.length > 0) this.store.remove(stale.map((r) => r.id))
        this.store.put(
          records.map((r) => this.projection.fromDoc(r)),
          'initialize',
        )
      })
      // Written by an older Samla: store the migrated records so the next reader need not
      // migrate. Only those the migration changed: on a large board that is a fraction, and
      // the server accepts a participant's rewrite of a phase only as an exact migration.
      if (JSON.stringify(remoteSchema) !== JSON.stringify(ours)) {
        this.doc.transact(() => {
          for (const record of records) {
            if (this.keepOut(record)) continue
            const stored = this.records.get(record.id)
            if (stored && JSON.stringify(stored) === JSON.stringify(record)) continue
            this.records.set(record.id, record)
          }
          this.meta.set('schema', ours)
        }, LOCAL)
      }
    }
    this.listen()
    return { ok: true }
  }

  /** Reads these records from the document again (their projection changed, not the document). */
  reproject(ids: Iterable<string>): void {
    const put: TLRecord[] = []
    for (const id of ids) {
      const record = this.records.get(id)
      if (record && this.isValid(id, record)) put.push(this.projection.fromDoc(record))
    }
    if (put.length > 0) this.store.mergeRemoteChanges(() => this.store.put(put))
  }

  dispose(): void {
    this.stopListening?.()
    this.stopListening = null
  }

  /** Stops syncing for good (writing now could corrupt the board) and tells the page once. */
  private stopIncompatible(reason: Incompatibility): void {
    if (!this.stopListening) return
    this.dispose()
    this.onIncompatible(reason)
  }

  /** False when the document's schema has migrations this page does not know. */
  private schemaIsReadable(): boolean {
    const schema = this.meta.get('schema') as SerializedSchema | undefined
    return !schema || this.store.schema.getMigrationsSince(schema).ok
  }

  /**
   * The document's records migrated to this page's schema, without those it cannot read: a
   * record that does not migrate or validate is skipped and reported, not allowed to stop the
   * whole board from opening.
   */
  private readableRecords(schema: SerializedSchema): TLRecord[] {
    const entries = [...this.records.entries()]
    const snapshot = { store: Object.fromEntries(entries), schema }
    const whole = this.store.schema.migrateStoreSnapshot(
      snapshot as Parameters<TLStore['schema']['migrateStoreSnapshot']>[0],
    )
    const skipped: string[] = []
    const migrated: Array<[string, unknown]> =
      whole.type === 'success'
        ? Object.entries(whole.value)
        : entries.flatMap(([id, record]) => {
            const one = this.migrateOne(record, schema)
            if (one) return [[id, one] as [string, unknown]]
            skipped.push(id)
            return []
          })
    const records: TLRecord[] = []
    for (const [id, record] of migrated) {
      if (this.isValid(id, record)) records.push(record as TLRecord)
      else skipped.push(id)
    }
    if (skipped.length > 0) this.onSkipped(skipped)
    return records
  }

  private migrateOne(record: unknown, schema: SerializedSchema): TLRecord | null {
    try {
      const result = this.store.schema.migratePersistedRecord(record as TLRecord, schema)
      return result.type === 'success' ? result.value : null
    } catch {
      return null
    }
  }

  /** Whether the store would take `record` under `id`, checked with tldraw's own validators. */
  private isValid(id: string, record: unknown): boolean {
    if (!record || typeof record !== 'object' || (record as TLRecord).id !== id) return false
    try {
      this.store.schema.validateRecord(this.store, record as TLRecord, 'initialize', null)
      return true
    } catch {
      return false
    }
  }

  private documentRecords(): TLRecord[] {
    return this.store.allRecords().filter((r) => this.store.scopedTypes.document.has(r.typeName))
  }

  private listen(): void {
    const unlistenStore = this.store.listen(
      ({ changes }) => {
        const write = (record: TLRecord) => {
          if (this.keepOut(record)) return
          const stored = this.records.get(record.id)
          const value = this.projection.toDoc(record, stored)
          // A private note's every keystroke leaves the document's blank card as it was.
          if (value !== record && stored && JSON.stringify(stored) === JSON.stringify(value)) return
          this.records.set(record.id, value)
        }
        this.doc.transact(() => {
          for (const record of Object.values(changes.added)) write(record)
          for (const [, record] of Object.values(changes.updated)) write(record)
          for (const record of Object.values(changes.removed)) {
            this.records.delete(record.id)
            this.projection.removed?.(record.id)
          }
        }, LOCAL)
      },
      { source: 'user', scope: 'document' },
    )

    const onRecords = (event: Y.YMapEvent<TLRecord>, tx: Y.Transaction) => {
      if (tx.origin === LOCAL) return
      // A newer client writes its records and its schema in one transaction, and this observer
      // may run before the one on meta: check first, or the store would reject their shape.
      if (!this.schemaIsReadable()) return this.stopIncompatible('newer-schema')
      const put: TLRecord[] = []
      const removed: TLRecord['id'][] = []
      const skipped: string[] = []
      for (const [id, change] of event.changes.keys) {
        if (change.action === 'delete') removed.push(id as TLRecord['id'])
        else {
          const record = this.records.get(id)
          // A record this page cannot read keeps its last readable version on the canvas.
          if (this.isValid(id, record)) put.push(this.projection.fromDoc(record as TLRecord))
          else skipped.push(id)
        }
      }
      if (skipped.length > 0) this.onSkipped(skipped)
      try {
        this.store.mergeRemoteChanges(() => {
          if (removed.length > 0) this.store.remove(removed)
          if (put.length > 0) this.store.put(put)
        })
      } catch {
        // Checked one by one above; should the store still refuse them together, stop rather
        // than throw inside the provider's message handler, which would drop the rest of the sync.
        this.stopIncompatible('invalid-data')
      }
    }
    this.records.observe(onRecords)

    // Another client upgraded the board while we are on it: stop before we write old records.
    const onMeta = (_event: Y.YMapEvent<unknown>, tx: Y.Transaction) => {
      if (tx.origin === LOCAL) return
      if (!this.schemaIsReadable()) this.stopIncompatible('newer-schema')
    }
    this.meta.observe(onMeta)

    this.stopListening = () => {
      unlistenStore()
      this.records.unobserve(onRecords)
      this.meta.unobserve(onMeta)
    }
  }
}
