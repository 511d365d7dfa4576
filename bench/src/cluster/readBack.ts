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
  /** The writes the document holds once nothing more arrives, as `writer:seq`. */
  writes: Set<string>
  /** The writes the instance's sync step 2 itself held (what a joiner sees first). */
  writesAtSync: Set<string>
  /** From the sync step 2 until the last update that followed it. */
  settleMs: number
}

const SYNC_TIMEOUT_MS = 15_000
/** The document counts as complete once no update has come for this long. */
const QUIET_MS = 500
const SETTLE_TIMEOUT_MS = 10_000

function writesIn(doc: Y.Doc): Set<string> {
  const writes = new Set<string>()
  for (const key of doc.getMap('bench').keys()) {
    const write = parseWriteKey(key)
    if (write) writes.add(`${write.writer}:${write.seq}`)
  }
  return writes
}

/**
 * The room as a fresh client on the given instance receives it: its sync step 2, and what
 * follows until the instance sends nothing more (an instance may send the rest of a board
 * after a first sync from its cache or its storage).
 */
export async function readInstance(
  cluster: Cluster,
  slot: number,
  room: string,
): Promise<InstanceDocument> {
  const target = cluster.targets[slot]
  if (!target) throw new Error(`no instance ${slot}`)
  const client = new LoadClient(target, room, { decode: true, authorKey: true })
  const doc = client.document
  let lastUpdate = 0
  doc.on('update', () => {
    lastUpdate = Date.now()
  })
  try {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no sync from instance ${slot}`)), SYNC_TIMEOUT_MS)
    })
    await Promise.race([client.synced, timeout]).finally(() => clearTimeout(timer))
    const syncedAt = Date.now()
    const writesAtSync = writesIn(doc)
    const settleBy = syncedAt + SETTLE_TIMEOUT_MS
    while (Date.now() - Math.max(lastUpdate, syncedAt) < QUIET_MS && Date.now() < settleBy)
      await new Promise((resolve) => setTimeout(resolve, 50))
    const map = doc.getMap('bench')
    const digest = createHash('sha256')
    for (const key of [...map.keys()].sort())
      digest.update(key).update(JSON.stringify(map.get(key)))
    return {
      slot,
      stateVector: Y.encodeStateVector(doc),
      contentDigest: digest.digest('hex'),
      writes: writesIn(doc),
      writesAtSync,
      settleMs: Math.max(0, lastUpdate - syncedAt),
    }
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

/** Acknowledged writes a document does not hold (or did not in its sync step 2). */
export function missingFrom(
  doc: InstanceDocument,
  acknowledged: ReadonlyArray<[number, number]>,
  writes: 'settled' | 'atSync' = 'settled',
) {
  const held = writes === 'settled' ? doc.writes : doc.writesAtSync
  return acknowledged.filter(([w, s]) => !held.has(`${w}:${s}`)).length
}
