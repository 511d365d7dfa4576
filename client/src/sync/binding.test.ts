import {
  createTLSchema,
  createTLStore,
  createUserId,
  DocumentRecordType,
  defaultBindingUtils,
  defaultShapeUtils,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLStore,
  UserRecordType,
} from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { StoreDocBinding } from './binding.ts'
import { linkedDocs } from './linkedDocs.ts'

const newStore = () =>
  createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
const pageId = PageRecordType.createId('page')

function seedPage(store: TLStore) {
  store.put([
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: pageId, name: 'Sida 1', index: 'a1' as never }),
  ])
}

/** A second page stands in for any document record: the binding treats them all alike. */
function addPage(store: TLStore, name: string) {
  const id = PageRecordType.createId()
  store.put([PageRecordType.create({ id, name, index: 'a2' as never })])
  return id
}

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('StoreDocBinding', () => {
  it('keeps two stores on two linked docs equal, in both directions', async () => {
    const [docA, docB] = linkedDocs()
    const a = newStore()
    const b = newStore()
    seedPage(a)
    const bindA = new StoreDocBinding(a, docA, () => {})
    expect(bindA.start()).toEqual({ ok: true })
    const bindB = new StoreDocBinding(b, docB, () => {})
    expect(bindB.start()).toEqual({ ok: true })
    expect(b.get(pageId)?.name).toBe('Sida 1')

    const noteId = addPage(a, 'Öppna upp')
    await nextFrame()
    expect(b.get(noteId)).toEqual(a.get(noteId))

    b.update(noteId, (page) => ({ ...page, name: 'Testa' }))
    await nextFrame()
    expect(a.get(noteId)?.name).toBe('Testa')

    b.remove([noteId])
    await nextFrame()
    expect(a.has(noteId)).toBe(false)
    bindA.dispose()
    bindB.dispose()
  })

  it('never writes presence or session records into the document', async () => {
    const doc = new Y.Doc()
    const store = newStore()
    seedPage(store)
    new StoreDocBinding(store, doc, () => {}).start()
    const typeNames = new Set(
      [...doc.getMap<{ typeName: string }>('records').values()].map((r) => r.typeName),
    )
    expect([...typeNames].sort()).toEqual(['document', 'page'])
  })

  it('keeps the records it is told to keep out (names, in an anonymous meeting) out of the document', async () => {
    const doc = new Y.Doc()
    const store = newStore()
    seedPage(store)
    const user = UserRecordType.create({
      id: createUserId('someone'),
      name: 'Elin Testsson',
      color: '#ff0000',
    })
    store.put([user])
    let anonymous = true
    new StoreDocBinding(
      store,
      doc,
      () => {},
      (record) => record.typeName === 'user' && anonymous,
    ).start()
    store.update(user.id, (u) => ({ ...u, name: 'Elin T.' }))
    addPage(store, 'Öppna upp')
    await nextFrame()
    const stored = JSON.stringify(doc.getMap('records').toJSON())
    expect(stored).toContain('Öppna upp')
    expect(stored).not.toContain('Elin')
    // The same check sees a name once the meeting is not anonymous.
    anonymous = false
    store.update(user.id, (u) => ({ ...u, name: 'Elin Testsson' }))
    await nextFrame()
    expect(JSON.stringify(doc.getMap('records').toJSON())).toContain('Elin Testsson')
  })

  it('refuses a board written with a newer schema and leaves it untouched', () => {
    const [writerDoc, readerDoc] = linkedDocs()
    const writer = newStore()
    seedPage(writer)
    new StoreDocBinding(writer, writerDoc, () => {}).start()
    // Pretend a later Samla wrote the board: one migration sequence is ahead of ours.
    const schema = structuredClone(writer.schema.serialize()) as {
      sequences: Record<string, number>
    }
    const [sequence, version] = Object.entries(schema.sequences)[0] ?? ['', 0]
    schema.sequences[sequence] = version + 5
    writerDoc.getMap('meta').set('schema', schema)
    const before = Y.encodeStateAsUpdate(readerDoc)

    const reader = newStore()
    expect(new StoreDocBinding(reader, readerDoc, () => {}).start()).toEqual({
      ok: false,
      reason: 'newer-schema',
    })
    expect(Y.encodeStateAsUpdate(readerDoc)).toEqual(before)
  })

  it('tells the page to reload when another client upgrades the board while it is open', async () => {
    const [docA, docB] = linkedDocs()
    const a = newStore()
    seedPage(a)
    new StoreDocBinding(a, docA, () => {}).start()
    let incompatible = false
    new StoreDocBinding(newStore(), docB, () => {
      incompatible = true
    }).start()
    const schema = structuredClone(a.schema.serialize()) as { sequences: Record<string, number> }
    const [sequence, version] = Object.entries(schema.sequences)[0] ?? ['', 0]
    schema.sequences[sequence] = version + 1
    docA.getMap('meta').set('schema', schema)
    expect(incompatible).toBe(true)
  })

  it('stops, without throwing into the provider, when a newer client writes records and schema together', () => {
    const [docA, docB] = linkedDocs()
    const a = newStore()
    seedPage(a)
    new StoreDocBinding(a, docA, () => {}).start()
    const reasons: string[] = []
    const b = newStore()
    new StoreDocBinding(b, docB, (reason) => reasons.push(reason)).start()
    const schema = structuredClone(a.schema.serialize()) as { sequences: Record<string, number> }
    schema.sequences['com.tldraw.page'] = (schema.sequences['com.tldraw.page'] ?? 0) + 1
    // A page record in a shape this version's validator rejects, in the same transaction.
    const future = { ...a.get(pageId), name: 42, newField: true }
    expect(() =>
      docA.transact(() => {
        docA.getMap('records').set(pageId, future)
        docA.getMap('meta').set('schema', schema)
      }),
    ).not.toThrow()
    expect(reasons).toEqual(['newer-schema'])
    expect(b.get(pageId)?.name).toBe('Sida 1')
  })

  it('skips and reports a record a peer writes that this page cannot validate, and goes on syncing', async () => {
    const [docA, docB] = linkedDocs()
    const a = newStore()
    seedPage(a)
    new StoreDocBinding(a, docA, () => {}).start()
    const reasons: string[] = []
    const skipped: string[] = []
    const b = newStore()
    new StoreDocBinding(
      b,
      docB,
      (reason) => reasons.push(reason),
      undefined,
      (ids) => skipped.push(...ids),
    ).start()
    expect(() => docA.getMap('records').set(pageId, { ...a.get(pageId), name: 42 })).not.toThrow()
    expect(skipped).toEqual([pageId])
    expect(b.get(pageId)?.name).toBe('Sida 1')
    // Everything else still syncs.
    const later = addPage(a, 'Testa')
    await nextFrame()
    expect(b.get(later)?.name).toBe('Testa')
    expect(reasons).toEqual([])
  })

  it('opens a board that already holds records it cannot read, without them, and says which', () => {
    const doc = new Y.Doc()
    const writer = newStore()
    seedPage(writer)
    new StoreDocBinding(writer, doc, () => {}).start()
    const records = doc.getMap<unknown>('records')
    // What the server took before it validated records: the seven values tldraw refuses.
    const page = writer.get(pageId) as unknown as Record<string, unknown>
    records.set('page:nested', new Y.Map())
    records.set('page:numbername', { ...page, id: 'page:numbername', name: 42 })
    records.set('page:otherkey', page)
    records.set('page:string', 'page')
    records.set('shape:unknown', { id: 'shape:unknown', typeName: 'shape', type: 'hologram' })
    const skipped: string[] = []
    const reader = newStore()
    const binding = new StoreDocBinding(
      reader,
      doc,
      () => {},
      undefined,
      (ids) => skipped.push(...ids),
    )
    expect(binding.start()).toEqual({ ok: true })
    expect(reader.get(pageId)?.name).toBe('Sida 1')
    expect(skipped.sort()).toEqual(
      ['page:nested', 'page:numbername', 'page:otherkey', 'page:string', 'shape:unknown'].sort(),
    )
  })

  it('migrates a board written with an older schema and stores it in ours', () => {
    const [writerDoc, readerDoc] = linkedDocs()
    const writer = newStore()
    seedPage(writer)
    new StoreDocBinding(writer, writerDoc, () => {}).start()
    // An older Samla: the page records' migration sequence one version behind.
    const ours = writer.schema.serialize()
    const older = structuredClone(ours) as { sequences: Record<string, number> }
    const pageVersion = older.sequences['com.tldraw.page'] ?? 0
    expect(pageVersion).toBeGreaterThan(0)
    older.sequences['com.tldraw.page'] = pageVersion - 1
    writerDoc.getMap('meta').set('schema', older)

    const reader = newStore()
    expect(new StoreDocBinding(reader, readerDoc, () => {}).start()).toEqual({ ok: true })
    expect(reader.get(pageId)?.name).toBe('Sida 1')
    expect(readerDoc.getMap('meta').get('schema')).toEqual(ours)
  })

  it('stores back only the records the migration changed', () => {
    const [writerDoc, readerDoc] = linkedDocs()
    const writer = newStore()
    seedPage(writer)
    new StoreDocBinding(writer, writerDoc, () => {}).start()
    const second = addPage(writer, 'Testa')
    // An older tldraw's page record, before pages had `meta` (com.tldraw.page 0).
    const records = writerDoc.getMap<Record<string, unknown>>('records')
    const { meta: _meta, ...withoutMeta } = records.get(second) ?? {}
    records.set(second, withoutMeta)
    const older = structuredClone(writer.schema.serialize()) as {
      sequences: Record<string, number>
    }
    older.sequences['com.tldraw.page'] = 0
    writerDoc.getMap('meta').set('schema', older)

    const written: string[] = []
    records.observe((event) => written.push(...event.keysChanged))
    const reader = newStore()
    expect(new StoreDocBinding(reader, readerDoc, () => {}).start()).toEqual({ ok: true })
    expect(written).toEqual([second])
    expect(records.get(second)).toMatchObject({ name: 'Testa', meta: {} })
  })

  it('writes the schema the server checks participants against: tldraw’s defaults', () => {
    // server/src/board/schema.ts builds createTLSchema() with no arguments.
    expect(newStore().schema.serialize()).toEqual(createTLSchema().serialize())
  })
})
