import { createHash } from 'node:crypto'
import {
  CONTROLS_MAP,
  ControlKey,
  DEFAULT_CONTROLS,
  PRIVATE_META_KEY,
  plainText,
  readBoardContent,
} from '@samla/shared'
import {
  createShapeId,
  createTLStore,
  DocumentRecordType,
  defaultBindingUtils,
  defaultShapeUtils,
  PageRecordType,
  TLDOCUMENT_ID,
  type TLRecord,
  type TLStore,
  toRichText,
} from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { StoreDocBinding } from './binding.ts'
import { linkedDocs } from './linkedDocs.ts'
import { PrivateNotes, proofOf } from './privateNotes.ts'

const newStore = () =>
  createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
const open = PageRecordType.createId('open')
const other = PageRecordType.createId('other')

const note = (id: string, parentId: string, text: string, meta: Record<string, unknown> = {}) =>
  ({
    id,
    typeName: 'shape',
    type: 'note',
    parentId,
    index: 'a1',
    x: 0,
    y: 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    props: {
      color: 'yellow',
      labelColor: 'black',
      richText: toRichText(text),
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 1,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      textLastEditedBy: null,
    },
    meta,
  }) as unknown as TLRecord

const textOf = (store: TLStore, id: string) =>
  plainText(
    (store.get(id as TLRecord['id']) as unknown as { props: { richText: unknown } }).props.richText,
  )
/** This page changes a note's words, as typing into it does. */
const retext = (store: TLStore, id: string, text: string) => {
  const record = store.get(id as TLRecord['id']) as unknown as { props: object }
  store.put([
    { ...record, props: { ...record.props, richText: toRichText(text) } } as unknown as TLRecord,
  ])
}
const holds = (doc: Y.Doc, text: string) =>
  Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text))

const disposers: Array<() => void> = []
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose()
})

/** A participant's page with private notes (A) and anyone else's page (B), on linked docs. */
function pages() {
  const [docA, docB] = linkedDocs()
  const a = newStore()
  const b = newStore()
  a.put([
    DocumentRecordType.create({ id: TLDOCUMENT_ID }),
    PageRecordType.create({ id: open, name: 'Öppna upp', index: 'a1' as never }),
    PageRecordType.create({ id: other, name: 'Testa', index: 'a2' as never }),
  ])
  const privateNotes = new PrivateNotes(docA, 'meeting', 'token', (id) =>
    a.get(id as TLRecord['id']),
  )
  const bindA = new StoreDocBinding(a, docA, () => {}, undefined, undefined, privateNotes)
  bindA.start()
  const bindB = new StoreDocBinding(b, docB, () => {})
  bindB.start()
  disposers.push(() => {
    privateNotes.dispose()
    bindA.dispose()
    bindB.dispose()
  })
  // As the server writes it when the facilitator turns it on.
  const privately = (phase: string | null) =>
    phase
      ? docB.getMap(CONTROLS_MAP).set(ControlKey.privateWriting, phase)
      : docB.getMap(CONTROLS_MAP).delete(ControlKey.privateWriting)
  return { a, b, docA, docB, privateNotes, privately }
}

describe('PrivateNotes', () => {
  it('computes the proof the server does', () => {
    const secret = 'A'.repeat(32)
    expect(proofOf(secret)).toBe(createHash('sha256').update(secret).digest('base64url'))
  })

  it('writes a note made on the private phase as a blank card with a proof, and keeps its words on this page only', () => {
    const { a, b, docA, privately } = pages()
    privately(open)
    const id = createShapeId('mine')
    a.put([note(id, open, 'Mer rörelse', { samlaAuthor: 'Anna' })])
    retext(a, id, 'Mer rörelse i skolan')

    expect(textOf(a, id)).toBe('Mer rörelse i skolan')
    expect(textOf(b, id)).toBe('')
    const card = b.get(id) as unknown as { meta: Record<string, unknown> }
    expect(card.meta[PRIVATE_META_KEY]).toMatch(/^[A-Za-z0-9_-]{43}$/)
    // No author on the card either: who wrote what is for the reveal to say.
    expect(card.meta.samlaAuthor).toBeUndefined()
    expect(holds(docA, 'Mer rörelse')).toBe(false)
    expect(holds(docA, 'Anna')).toBe(false)
  })

  it('lists a card with its words in its writer’s page only; documentation and others leave it out until revealed', () => {
    const { a, b, privately } = pages()
    privately(open)
    const id = createShapeId('mine')
    a.put([note(id, open, 'Bara min')])
    const listed = (store: TLStore) =>
      readBoardContent(
        { get: (key) => store.get(key as TLRecord['id']), values: () => store.allRecords() },
        DEFAULT_CONTROLS,
      ).phases.flatMap((phase) => phase.frames.flatMap((frame) => frame.notes.map((n) => n.text)))
    expect(listed(a)).toEqual(['Bara min'])
    expect(listed(b)).toEqual([])
  })

  it('leaves others’ cards and notes written before as the document has them, and writes normally elsewhere', () => {
    const { a, b, privately } = pages()
    const before = createShapeId('before')
    b.put([note(before, open, 'Skrevs innan')])
    privately(open)
    const theirs = createShapeId('theirs')
    b.put([note(theirs, open, '', { [PRIVATE_META_KEY]: 'x'.repeat(43) })])
    // This page types into both: the document keeps what it had.
    for (const id of [before, theirs]) retext(a, id, 'Mitt')
    expect(textOf(b, before)).toBe('Skrevs innan')
    expect(textOf(b, theirs)).toBe('')
    expect(
      (b.get(theirs) as unknown as { meta: Record<string, unknown> }).meta[PRIVATE_META_KEY],
    ).toBe('x'.repeat(43))
    // On a phase that is not private, notes are written as ever.
    const elsewhere = createShapeId('elsewhere')
    a.put([note(elsewhere, other, 'Syns direkt')])
    expect(textOf(b, elsewhere)).toBe('Syns direkt')
  })

  it('shows the revealed words once the card has them, as everyone else sees them', () => {
    const { a, b, privately } = pages()
    privately(open)
    const id = createShapeId('mine')
    a.put([note(id, open, 'Mitt förslag')])
    expect(textOf(b, id)).toBe('')
    // The server's reveal: the words into the card, the mark off, private writing off.
    const card = b.get(id) as unknown as { props: object; meta: Record<string, unknown> }
    const { [PRIVATE_META_KEY]: _mark, ...meta } = card.meta
    b.put([
      {
        ...card,
        props: { ...card.props, richText: toRichText('Mitt förslag') },
        meta,
      } as unknown as TLRecord,
    ])
    privately(null)
    expect(textOf(a, id)).toBe('Mitt förslag')
    // From now on this page's edits go into the document as they are.
    retext(a, id, 'Ändrat efteråt')
    expect(textOf(b, id)).toBe('Ändrat efteråt')
  })
})
