import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { LoadClient } from '../client.ts'
import { parseWriteKey } from '../writeKeys.ts'
import type { Cluster } from './instances.ts'

export interface InstanceDocument {
  slot: number
  stateVector: Uint8Array
  /** A digest of the benchmark map's entries, in key order. */
  contentDigest: string
  /** The writes the document holds, as `writer:seq`. */
  writes: Set<string>
}

const SYNC_TIMEOUT_MS = 15_000

/** The room as a fresh client on the given instance receives it. */
export async function readInstance(cluster: Cluster, slot: number, room: string) {
  const target = cluster.targets[slot]
  if (!target) throw new Error(`no instance ${slot}`)
  const client = new LoadClient(target, room, { decode: true, authorKey: true })
  try {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no sync from instance ${slot}`)), SYNC_TIMEOUT_MS)
    })
    await Promise.race([client.synced, timeout]).finally(() => clearTimeout(timer))
    const doc = client.document
    const map = doc.getMap('bench')
    const keys = [...map.keys()].sort()
    const digest = createHash('sha256')
    const writes = new Set<string>()
    for (const key of keys) {
      digest.update(key).update(JSON.stringify(map.get(key)))
      const write = parseWriteKey(key)
      if (write) writes.add(`${write.writer}:${write.seq}`)
    }
    return {
      slot,
      stateVector: Y.encodeStateVector(doc),
      contentDigest: digest.digest('hex'),
      writes,
    } satisfies InstanceDocument
  } finally {
    client.close()
  }
}

/** The room as read on every live instance, one fresh client each. */
export async function readEveryInstance(cluster: Cluster, room: string) {
  const docs: InstanceDocument[] = []
  for (let slot = 0; slot < cluster.targets.length; slot++)
    if (cluster.isAlive(slot)) docs.push(await readInstance(cluster, slot, room))
  return docs
}

/** Whether every instance holds the same document: state vectors and content alike. */
export function allEqual(docs: readonly InstanceDocument[]): boolean {
  const [first, ...rest] = docs
  if (!first) return false
  return rest.every(
    (d) =>
      Buffer.from(d.stateVector).equals(Buffer.from(first.stateVector)) &&
      d.contentDigest === first.contentDigest,
  )
}

/** Acknowledged writes a document does not hold. */
export function missingFrom(doc: InstanceDocument, acknowledged: ReadonlyArray<[number, number]>) {
  return acknowledged.filter(([w, s]) => !doc.writes.has(`${w}:${s}`)).length
}
