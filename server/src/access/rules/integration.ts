import * as Y from 'yjs'

/** An update as `Y.decodeUpdate` reads it: decoded once, judged by every rule. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/**
 * Whether a document whose per-client state is `stateOf` would integrate every struct and
 * every deletion of an update. What Yjs cannot integrate it keeps as pending and integrates
 * later, when the missing clocks arrive: at that moment nobody judges it (a participant
 * parked an edit of a phase before it was locked and released it after), and until then it
 * is memory anyone can fill. So the relay only ever applies updates that integrate whole.
 *
 * This follows Yjs's own rules (`Item.getMissing`, `integrateStructs`, `readAndApplyDeleteSet`):
 * a struct integrates once its client's earlier clocks are there and every item it refers to
 * (origin, right origin, parent) is there; deletions integrate when their clocks are there.
 * A Skip stands for clocks the update does not carry, so what follows it waits for them.
 * Unlike Yjs, an item's reference to its own client's clocks is checked too: Yjs assumes it is
 * earlier in the update and reads whatever it finds there.
 */
export function integratesWhole(
  update: DecodedUpdate,
  stateOf: (client: number) => number,
): boolean {
  const byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>()
  for (const struct of update.structs) {
    const list = byClient.get(struct.id.client)
    if (list) list.push(struct)
    else byClient.set(struct.id.client, [struct])
  }
  const state = new Map<number, number>()
  const clockOf = (client: number) => state.get(client) ?? stateOf(client)
  const present = (ref: Y.ID | null) => ref === null || ref.clock < clockOf(ref.client)

  // Repeated passes until nothing moves: each pass integrates what is ready, in any order, as
  // Yjs's stack eventually does; what is left after the last pass would stay pending.
  const next = new Map<number, number>([...byClient.keys()].map((c) => [c, 0]))
  let moved = true
  while (moved) {
    moved = false
    for (const [client, structs] of byClient) {
      let i = next.get(client) ?? 0
      while (i < structs.length) {
        const struct = structs[i] as Y.Item | Y.GC | Y.Skip
        if (struct instanceof Y.Skip) {
          i++
          continue
        }
        if (struct.id.clock > clockOf(client)) break
        if (struct instanceof Y.Item) {
          const parent = struct.parent instanceof Y.ID ? struct.parent : null
          if (!present(struct.origin) || !present(struct.rightOrigin) || !present(parent)) break
        }
        const end = struct.id.clock + struct.length
        if (end > clockOf(client)) state.set(client, end)
        i++
        moved = true
      }
      next.set(client, i)
    }
  }
  for (const [client, structs] of byClient) {
    const rest = structs.slice(next.get(client))
    if (rest.some((s) => !(s instanceof Y.Skip))) return false
  }
  for (const [client, ranges] of update.ds.clients) {
    const known = clockOf(client)
    for (const { clock, len } of ranges) if (clock + len > known) return false
  }
  return true
}
