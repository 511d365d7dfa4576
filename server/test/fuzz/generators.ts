/**
 * fast-check arbitraries for frames a hostile client could send, by attack class. Each value
 * is an Attack: a class, a label and a builder that turns the room's current view (what a
 * synced client knows, see view.ts) into the frame's bytes, so that attacks aim at what the
 * room holds now (its clocks, its structs, its other clients) rather than at an empty doc.
 */

import { MessageType } from '@samla/shared'
import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { BYTE_DAMAGE, damageBytes } from '../byteDamage.ts'
import { awarenessFrame, queryAwarenessFrame, syncStep1Frame, updateFrame } from '../frames.ts'
import { EDIT_KINDS, editOnReplica } from './realisticEdits.ts'
import { mutateStructs, STRUCT_MUTATIONS } from './structMutations.ts'
import { BROKEN_RECORD_KINDS, brokenRecord, note } from './tldrawRecords.ts'
import {
  anyContentBytes,
  type Content,
  ContentRef,
  deepAnyBytes,
  deepJsonText,
  item,
  jsonContentBytes,
  rawContent,
  writeAwareness,
  writeUpdate,
} from './updateWriter.ts'
import { freshClient, prng, type RoomView, stateOf } from './view.ts'

export type AttackClass =
  | 'deep-json'
  | 'pending'
  | 'foreign-client'
  | 'tldraw-record'
  | 'presence'
  | 'byte-mutation'
  | 'struct-mutation'
  | 'valid'

export interface Attack {
  cls: AttackClass
  /** The class and variant, e.g. `deep-json/json-in-record`: how the campaign tallies. */
  label: string
  build(view: RoomView): Uint8Array
}

const attack = (
  cls: AttackClass,
  variant: string,
  build: (view: RoomView) => Uint8Array,
): Attack => ({
  cls,
  label: `${cls}/${variant}`,
  build,
})

const salt = fc.integer({ min: 0, max: 2 ** 31 - 1 })

/** A map entry in a root map, written by a client no one has seen (clock 0). */
function rootMapEntry(client: number, root: string, key: string, content: Content) {
  return writeUpdate([item(Y.createID(client, 0), content, { parent: root, parentSub: key })])
}

// (a) Deep values: lib0 reads ContentAny recursively, JSON.parse reads ContentJSON without
// limit but JSON.stringify writes it back recursively; the depths straddle both stacks.
const depth = fc.oneof(
  fc.integer({ min: 100, max: 2000 }),
  fc.integer({ min: 2000, max: 12_000 }),
  fc.integer({ min: 12_000, max: 100_000 }),
)
const DEEP_MARKER = '\u0000deep'

export const deepJson: fc.Arbitrary<Attack> = fc
  .record({
    depth,
    container: fc.constantFrom('array' as const, 'object' as const),
    where: fc.constantFrom('any', 'json', 'any-in-record', 'json-in-record', 'embed-in-text'),
    salt,
  })
  .map(({ depth, container, where, salt }) =>
    attack('deep-json', where, (view) => {
      const client = freshClient(salt)
      const key = `shape:deep${salt % 1000}`
      const record = {
        ...note(`deep${salt % 1000}`, view.openPage, 'djup', 'yellow'),
        meta: { deep: DEEP_MARKER },
      }
      switch (where) {
        case 'any':
          return updateFrame(
            rootMapEntry(
              client,
              'records',
              key,
              rawContent(
                ContentRef.Any,
                anyContentBytes(DEEP_MARKER, {
                  marker: DEEP_MARKER,
                  raw: deepAnyBytes(depth, container),
                }),
              ),
            ),
          )
        case 'json':
          return updateFrame(
            rootMapEntry(
              client,
              'records',
              key,
              rawContent(ContentRef.JSON, jsonContentBytes(deepJsonText(depth, container))),
            ),
          )
        case 'any-in-record':
          return updateFrame(
            rootMapEntry(
              client,
              'records',
              key,
              rawContent(
                ContentRef.Any,
                anyContentBytes(record, {
                  marker: DEEP_MARKER,
                  raw: deepAnyBytes(depth, container),
                }),
              ),
            ),
          )
        case 'json-in-record':
          return updateFrame(
            rootMapEntry(
              client,
              'records',
              key,
              rawContent(
                ContentRef.JSON,
                jsonContentBytes(
                  JSON.stringify(record).replace(
                    JSON.stringify(DEEP_MARKER),
                    deepJsonText(depth, container),
                  ),
                ),
              ),
            ),
          )
        default: {
          // An embed in a Y.Text carries its value as JSON text too.
          const e = encoding.createEncoder()
          encoding.writeVarString(e, deepJsonText(depth, container))
          return updateFrame(
            writeUpdate([
              item(Y.createID(client, 0), rawContent(ContentRef.Embed, encoding.toUint8Array(e)), {
                parent: 't',
              }),
            ]),
          )
        }
      }
    }),
  )

// (b) Structs the room cannot integrate yet: gaps in a client's clocks, references to
// another client's future, deletes of clocks never sent; and the updates that fill the gaps.
export const pending: fc.Arbitrary<Attack> = fc
  .record({
    kind: fc.constantFrom(
      'gap',
      'origin-future',
      'parent-future',
      'ds-unknown',
      'ds-straddle',
      'cross-wait',
      'fill',
    ),
    gap: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 2000 })),
    salt,
  })
  .map(({ kind, gap, salt }) =>
    attack('pending', kind, (view) => {
      const rng = prng(salt)
      const known = rng.pick(view.known)
      const other = known?.client ?? freshClient(salt + 1)
      const client = rng.chance(0.5) && known ? known.client : freshClient(salt)
      const at = stateOf(view, client)
      const value = new Y.ContentAny([note(`p${salt % 100}`, view.openPage, 'väntar', 'blue')])
      switch (kind) {
        case 'gap':
          return updateFrame(
            writeUpdate([
              item(Y.createID(client, at + gap), value, {
                parent: 'records',
                parentSub: `shape:p${salt % 100}`,
              }),
            ]),
          )
        case 'origin-future':
          return updateFrame(
            writeUpdate([
              item(Y.createID(client, at), new Y.ContentString('ab'), {
                origin: Y.createID(other, stateOf(view, other) + gap - 1),
              }),
            ]),
          )
        case 'parent-future':
          return updateFrame(
            writeUpdate([
              item(Y.createID(client, at), value, {
                parent: Y.createID(other, stateOf(view, other) + gap - 1),
                parentSub: 'k',
              }),
            ]),
          )
        case 'ds-unknown':
          return updateFrame(
            writeUpdate(
              [],
              [{ client: other, clock: stateOf(view, other) + gap - 1, len: rng.int(1, 100) }],
            ),
          )
        case 'ds-straddle': {
          const s = stateOf(view, other)
          return updateFrame(
            writeUpdate(
              [],
              [{ client: other, clock: Math.max(0, s - rng.int(1, 5)), len: gap + 5 }],
            ),
          )
        }
        case 'cross-wait': {
          // Each of two new clients starts after the other's first struct: neither can go first.
          const a = freshClient(salt)
          const b = freshClient(salt + 7)
          return updateFrame(
            writeUpdate([
              item(Y.createID(a, 0), new Y.ContentString('a'), { origin: Y.createID(b, 0) }),
              item(Y.createID(b, 0), new Y.ContentString('b'), { origin: Y.createID(a, 0) }),
            ]),
          )
        }
        default: {
          // What the room waits for, as real edits of that client: pending structs integrate.
          const waiting = [...view.pendingMissing.keys()]
          const filler = rng.pick(waiting) ?? client
          return updateFrame(editOnReplica(view, 'set-note', filler, rng))
        }
      }
    }),
  )

// (c) Another live client's id: its next clocks (the honest client will write them too),
// its future clocks, and deletes of what it wrote.
export const foreignClient: fc.Arbitrary<Attack> = fc
  .record({
    kind: fc.constantFrom('next-clock', 'future-clock', 'overlap', 'delete-theirs'),
    edit: fc.constantFrom(...EDIT_KINDS),
    gap: fc.integer({ min: 1, max: 100 }),
    salt,
  })
  .map(({ kind, edit, gap, salt }) =>
    attack('foreign-client', kind, (view) => {
      const rng = prng(salt)
      const victim = rng.pick(view.honestClientIds) ?? 1
      const at = stateOf(view, victim)
      switch (kind) {
        case 'next-clock':
          return updateFrame(editOnReplica(view, edit, victim, rng))
        case 'future-clock':
          return updateFrame(
            writeUpdate([
              item(Y.createID(victim, at + gap), new Y.ContentAny([gap]), {
                parent: 'records',
                parentSub: `shape:f${gap}`,
              }),
            ]),
          )
        case 'overlap':
          // Clocks the room already has, with different content.
          return updateFrame(
            writeUpdate([
              item(
                Y.createID(victim, Math.max(0, at - rng.int(1, 3))),
                new Y.ContentString('zzzz'),
                { parent: 't' },
              ),
            ]),
          )
        default:
          return updateFrame(
            writeUpdate([], [{ client: victim, clock: Math.max(0, at - gap), len: gap }]),
          )
      }
    }),
  )

// (d) Records tldraw would refuse to load, written as real map edits on the room's records.
export const tldrawRecord: fc.Arbitrary<Attack> = fc
  .record({
    kind: fc.constantFrom(
      ...BROKEN_RECORD_KINDS,
      'nested-ymap',
      'overwrite-existing',
      'on-locked-page',
    ),
    salt,
  })
  .map(({ kind, salt }) =>
    attack('tldraw-record', kind, (view) => {
      const rng = prng(salt)
      const name = `bad${salt % 500}`
      const key = `shape:${name}`
      const doc = view.replica
      const updates: Uint8Array[] = []
      const collect = (u: Uint8Array) => updates.push(u)
      doc.on('update', collect)
      const previous = doc.clientID
      doc.clientID = freshClient(salt)
      try {
        const records = doc.getMap<unknown>('records')
        if (kind === 'nested-ymap') {
          const m = new Y.Map<unknown>()
          m.set('id', key)
          m.set('typeName', 'shape')
          records.set(key, m)
        } else if (kind === 'overwrite-existing') {
          const target = rng.pick(view.recordKeys) ?? key
          records.set(
            target,
            brokenRecord(
              rng.pick(BROKEN_RECORD_KINDS) ?? 'rich-text-number',
              target.replace(/^shape:/, ''),
              view.openPage,
            ),
          )
        } else if (kind === 'on-locked-page') {
          records.set(key, note(name, view.lockedPage, 'låst', 'red'))
        } else {
          records.set(key, brokenRecord(kind, name, view.openPage))
        }
      } finally {
        doc.clientID = previous
        doc.off('update', collect)
      }
      return updateFrame(Y.mergeUpdates(updates))
    }),
  )

/** An awareness frame whose whole size is exactly `size` bytes, one state of padding. */
function awarenessOfSize(clientId: number, clock: number, size: number): Uint8Array {
  const frameOf = (pad: number) =>
    wrapAwareness(
      writeAwareness([{ clientId, clock, state: JSON.stringify({ pad: 'x'.repeat(pad) }) }]),
    )
  let pad = Math.max(0, size - 32)
  for (let i = 0; i < 4; i++) pad += size - frameOf(pad).length
  return frameOf(Math.max(0, pad))
}

function wrapAwareness(payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MessageType.Awareness)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

// (e) Presence: states just under and over the frame limit, many ids at once, deep states,
// and states or removals for client ids another connection speaks for.
export const presence: fc.Arbitrary<Attack> = fc
  .record({
    kind: fc.constantFrom(
      'just-under',
      'just-over',
      'many-ids',
      'deep-state',
      'hijack',
      'remove-other',
      'same-clock-removal',
    ),
    count: fc.oneof(fc.integer({ min: 2, max: 100 }), fc.integer({ min: 1000, max: 50_000 })),
    depth,
    salt,
  })
  .map(({ kind, count, depth, salt }) =>
    attack('presence', kind, (view) => {
      const rng = prng(salt)
      const own = freshClient(salt)
      const victim = rng.pick(view.honestClientIds) ?? 1
      switch (kind) {
        case 'just-under':
          return awarenessOfSize(own, 1, view.maxMessageBytes - rng.int(0, 16))
        case 'just-over':
          return awarenessOfSize(own, 1, view.maxMessageBytes + rng.int(1, 16))
        case 'many-ids':
          return wrapAwareness(
            writeAwareness(
              Array.from({ length: count }, (_, i) => ({
                clientId: own + i,
                clock: 1,
                state: '{"cursor":{"x":1,"y":2}}',
              })),
            ),
          )
        case 'deep-state':
          return wrapAwareness(
            writeAwareness([
              {
                clientId: own,
                clock: 1,
                state: deepJsonText(depth, rng.chance(0.5) ? 'array' : 'object'),
              },
            ]),
          )
        case 'hijack':
          // A far higher clock: the victim's own later states all lose to it.
          return wrapAwareness(
            writeAwareness([
              { clientId: victim, clock: 2 ** 30, state: '{"user":{"name":"Mallory"}}' },
            ]),
          )
        case 'remove-other':
          return wrapAwareness(
            writeAwareness([{ clientId: victim, clock: 2 ** 30 + 1, state: 'null' }]),
          )
        default:
          return wrapAwareness(
            writeAwareness([{ clientId: victim, clock: rng.int(0, 3), state: 'null' }]),
          )
      }
    }),
  )

/** Valid frames of every kind, built on the room's current state. */
export const valid: fc.Arbitrary<Attack> = fc
  .record({
    kind: fc.constantFrom(...EDIT_KINDS, 'sync-step-1', 'sync-step-1-future', 'awareness', 'query'),
    salt,
  })
  .map(({ kind, salt }) =>
    attack('valid', kind, (view) => {
      const rng = prng(salt)
      switch (kind) {
        case 'sync-step-1':
          return syncStep1Frame(view.replica)
        case 'sync-step-1-future': {
          // A state vector claiming clocks the room never saw.
          const e = encoding.createEncoder()
          encoding.writeVarUint(e, MessageType.Sync)
          encoding.writeVarUint(e, 0)
          const sv = encoding.createEncoder()
          const clients = [...view.stateVector.keys()].slice(0, 5)
          encoding.writeVarUint(sv, clients.length + 1)
          for (const c of clients) {
            encoding.writeVarUint(sv, c)
            encoding.writeVarUint(sv, stateOf(view, c) + rng.int(0, 1000))
          }
          encoding.writeVarUint(sv, freshClient(salt))
          encoding.writeVarUint(sv, rng.int(0, 2 ** 31))
          encoding.writeVarUint8Array(e, encoding.toUint8Array(sv))
          return encoding.toUint8Array(e)
        }
        case 'awareness':
          return awarenessFrame(freshClient(salt), rng.int(0, 100), {
            user: { name: 'Fuzz' },
            cursor: { x: 1, y: 2 },
          })
        case 'query':
          return queryAwarenessFrame()
        default:
          return updateFrame(editOnReplica(view, kind, freshClient(salt), rng))
      }
    }),
  )

// (f) Byte-level damage to valid frames, as the original fuzz test does.
export const byteMutation: fc.Arbitrary<Attack> = fc
  .record({
    source: valid,
    how: fc.constantFrom(...BYTE_DAMAGE),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  })
  .map(({ source, how, at, byte }) =>
    attack('byte-mutation', how, (view) => damageBytes(source.build(view), how, at, byte)),
  )

// Struct-level damage to realistic updates built on the room (see structMutations.ts).
export const structMutation: fc.Arbitrary<Attack> = fc
  .record({
    edit: fc.constantFrom(...EDIT_KINDS),
    how: fc.constantFrom(...STRUCT_MUTATIONS),
    own: fc.boolean(),
    salt,
  })
  .map(({ edit, how, own, salt }) =>
    attack('struct-mutation', how, (view) => {
      const rng = prng(salt)
      // Either a new client or one the room knows (then the clocks continue its history).
      const client = own ? freshClient(salt) : (rng.pick(view.known)?.client ?? freshClient(salt))
      return updateFrame(mutateStructs(editOnReplica(view, edit, client, rng), how, view, rng))
    }),
  )

/**
 * A GC at a client's next clocks, then an item overlapping it: the two frames Yjs needs to
 * take a GC as an item's left neighbour. Separate from structMutation so it stays frequent.
 */
export const gcThenOverlap: fc.Arbitrary<Attack> = fc
  .record({ parentSub: fc.boolean(), len: fc.integer({ min: 2, max: 6 }), salt })
  .map(({ parentSub, len, salt }) =>
    attack('struct-mutation', 'gc-then-overlap', (view) => {
      const rng = prng(salt)
      const lastGc = view.known.filter((k) => k.kind === 'gc' && k.last)
      const gc = rng.pick(lastGc)
      if (!gc || rng.chance(0.3)) {
        const client = freshClient(salt)
        return updateFrame(writeUpdate([new Y.GC(Y.createID(client, 0), rng.int(1, 4))]))
      }
      const end = gc.clock + gc.length
      const start = Math.max(0, end - rng.int(1, len - 1))
      const content = parentSub
        ? new Y.ContentAny(Array.from({ length: len }, (_, i) => i))
        : new Y.ContentString('q'.repeat(len))
      return updateFrame(
        writeUpdate([
          item(
            Y.createID(gc.client, start),
            content,
            parentSub ? { parent: 'records', parentSub: `shape:o${salt % 50}` } : { parent: 't' },
          ),
        ]),
      )
    }),
  )

/** Every class, weighted so that the structural attacks dominate. */
export const anyAttack: fc.Arbitrary<Attack> = fc.oneof(
  { weight: 1, arbitrary: deepJson },
  { weight: 8, arbitrary: pending },
  { weight: 6, arbitrary: foreignClient },
  { weight: 6, arbitrary: tldrawRecord },
  { weight: 3, arbitrary: presence },
  { weight: 10, arbitrary: byteMutation },
  { weight: 20, arbitrary: structMutation },
  { weight: 4, arbitrary: gcThenOverlap },
  { weight: 6, arbitrary: valid },
)
