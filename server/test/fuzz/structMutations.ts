/**
 * Damage to a valid update at the level of its structs rather than its bytes: the update
 * still decodes, but its structs point where no Yjs client would point them (a parent at the
 * writer's own future clock, an origin in another client's future, a clock overlapping what
 * the room holds, a GC where an item was). These reach the integration code in Yjs, which
 * byte flips almost never do.
 */
import * as Y from 'yjs'
import { type Content, type DeleteRange, item, type Struct, writeUpdate } from './updateWriter.ts'
import { type KnownStruct, type Rng, type RoomView, stateOf } from './view.ts'

export const STRUCT_MUTATIONS = [
  'parent-own-future',
  'parent-known',
  'parent-root',
  'parent-sub',
  'origin-known',
  'origin-foreign-future',
  'right-origin-known',
  'clock-back',
  'clock-forward',
  'client-known',
  'content-swap',
  'to-gc',
  'skip-before',
  'duplicate-group',
  'delete-known',
  'delete-random',
] as const
export type StructMutation = (typeof STRUCT_MUTATIONS)[number]

const ROOT_NAMES = ['records', 'meta', 'meeting', 't', 'a', 'm', '', '__proto__', 'constructor']

/** `update` with one mutation applied; the update itself if the mutation did not apply. */
export function mutateStructs(update: Uint8Array, how: StructMutation, view: RoomView, rng: Rng) {
  const { structs, ds } = Y.decodeUpdate(update)
  const list: Struct[] = [...structs]
  const deletes: DeleteRange[] = []
  for (const [client, ranges] of ds.clients)
    for (const r of ranges) deletes.push({ client, clock: r.clock, len: r.len })
  const items = list.filter((s): s is Y.Item => s instanceof Y.Item)
  const target = rng.pick(items)
  const known = rng.pick(view.known)
  const knownId = (k: KnownStruct | undefined) =>
    k ? Y.createID(k.client, k.clock + rng.int(0, k.length - 1)) : Y.createID(1, 0)

  switch (how) {
    case 'parent-own-future':
      if (!target) break
      // No origins, so the parent goes on the wire; an ID at or after the item's own clock.
      replace(
        list,
        target,
        withPlace(target, {
          parent: Y.createID(target.id.client, target.id.clock + (rng.pick([0, 1, 2, 1000]) ?? 0)),
          parentSub: rng.chance(0.5) ? 'k' : null,
        }),
      )
      break
    case 'parent-known':
      if (!target) break
      replace(
        list,
        target,
        withPlace(target, { parent: knownId(known), parentSub: target.parentSub }),
      )
      break
    case 'parent-root':
      if (!target) break
      replace(
        list,
        target,
        withPlace(target, {
          parent: rng.pick(ROOT_NAMES) ?? 'records',
          parentSub: rng.chance(0.7) ? (target.parentSub ?? 'k') : null,
        }),
      )
      break
    case 'parent-sub':
      if (!target) break
      replace(
        list,
        target,
        withPlace(target, {
          origin: target.origin,
          rightOrigin: target.rightOrigin,
          parent: typeof target.parent === 'string' ? target.parent : 'records',
          parentSub: target.parentSub === null ? (rng.pick(view.recordKeys) ?? 'k') : null,
        }),
      )
      break
    case 'origin-known':
      if (!target) break
      replace(
        list,
        target,
        withPlace(target, { origin: knownId(known), rightOrigin: target.rightOrigin }),
      )
      break
    case 'origin-foreign-future': {
      if (!target || !known) break
      const future = Y.createID(known.client, stateOf(view, known.client) + rng.int(0, 50))
      replace(
        list,
        target,
        withPlace(target, rng.chance(0.5) ? { origin: future } : { rightOrigin: future }),
      )
      break
    }
    case 'right-origin-known':
      if (!target) break
      replace(
        list,
        target,
        withPlace(target, { origin: target.origin, rightOrigin: knownId(known) }),
      )
      break
    case 'clock-back':
    case 'clock-forward':
    case 'client-known': {
      // Move the first struct of a group, and with it the whole group.
      const first = list[0]
      if (!first) break
      const client = how === 'client-known' && known ? known.client : first.id.client
      const base = how === 'client-known' ? stateOf(view, client) : first.id.clock
      const shift = how === 'clock-forward' ? rng.int(1, 40) : -rng.int(0, 4)
      moveClient(list, first.id.client, client, Math.max(0, base + shift))
      break
    }
    case 'content-swap':
      if (!target) break
      replace(list, target, withContent(target, someContent(rng)))
      break
    case 'to-gc':
      if (!target) break
      list[list.indexOf(target)] = new Y.GC(target.id, target.length)
      break
    case 'skip-before': {
      const first = list[0]
      if (!first) break
      const gap = rng.int(1, 5)
      moveClient(list, first.id.client, first.id.client, first.id.clock + gap)
      list.unshift(new Y.Skip(Y.createID(first.id.client, first.id.clock), gap))
      break
    }
    case 'duplicate-group': {
      // The same client written twice, another client in between: validators see both groups,
      // Yjs' reader keeps only the last one for each client.
      const first = list[0]
      if (!first) break
      list.push(
        item(Y.createID(first.id.client + 7, 0), new Y.ContentAny([1]), {
          parent: 'm',
          parentSub: 'dup',
        }),
      )
      list.push(
        item(Y.createID(first.id.client, first.id.clock + rng.int(-2, 3)), new Y.ContentAny([2]), {
          parent: 'records',
          parentSub: 'dup',
        }),
      )
      break
    }
    case 'delete-known':
      if (known)
        deletes.push({
          client: known.client,
          clock: known.clock,
          len: rng.int(1, known.length + 3),
        })
      break
    case 'delete-random': {
      const client = known?.client ?? rng.int(0, 2 ** 32 - 1)
      const state = stateOf(view, client)
      deletes.push({ client, clock: Math.max(0, state + rng.int(-5, 5)), len: rng.int(1, 10) })
      break
    }
  }
  try {
    return writeUpdate(list, deletes)
  } catch {
    // A struct Item.write refuses (no origin and no parent): send the update undamaged.
    return update
  }
}

function replace(list: Struct[], from: Struct, to: Struct) {
  list[list.indexOf(from)] = to
}

/** The same item at the same id and content, placed elsewhere. */
function withPlace(
  s: Y.Item,
  place: {
    origin?: Y.ID | null
    rightOrigin?: Y.ID | null
    parent?: string | Y.ID | null
    parentSub?: string | null
  },
) {
  return item(s.id, s.content, place)
}

function withContent(s: Y.Item, content: Content) {
  return item(s.id, content, {
    origin: s.origin,
    rightOrigin: s.rightOrigin,
    parent: s.parent as unknown as string | Y.ID | null,
    parentSub: s.parentSub,
  })
}

/** Renumbers every struct of `from` to start at `clock` under client `to`, keeping lengths. */
function moveClient(list: Struct[], from: number, to: number, clock: number) {
  let at = clock
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as Struct
    if (s.id.client !== from) continue
    const id = Y.createID(to, at)
    at += s.length
    if (s instanceof Y.Item)
      list[i] = item(id, s.content, {
        origin: s.origin,
        rightOrigin: s.rightOrigin,
        parent: s.parent as unknown as string | Y.ID | null,
        parentSub: s.parentSub,
      })
    else list[i] = s instanceof Y.GC ? new Y.GC(id, s.length) : new Y.Skip(id, s.length)
  }
}

/** Content of every kind the format has, of lengths 1 to 4. */
function someContent(rng: Rng): Content {
  switch (rng.int(0, 8)) {
    case 0:
      return new Y.ContentAny([1, 'two', { three: 3 }, [4]].slice(0, rng.int(1, 4)))
    case 1:
      return new Y.ContentString('wxyz'.slice(0, rng.int(1, 4)))
    case 2:
      return new Y.ContentDeleted(rng.int(1, 4))
    case 3:
      return new Y.ContentBinary(new Uint8Array([1, 2, 3]))
    case 4:
      return new Y.ContentEmbed({ image: 'x' })
    case 5:
      return new Y.ContentFormat('bold', true)
    case 6:
      return new Y.ContentJSON([{ a: 1 }, 2].slice(0, rng.int(1, 2)))
    case 7:
      return new Y.ContentType(rng.chance(0.5) ? new Y.Map() : new Y.Text())
    default:
      return new Y.ContentType(rng.chance(0.5) ? new Y.XmlElement('p') : new Y.Array())
  }
}
