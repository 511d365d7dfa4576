import { LoadClient } from './client.ts'
import { collectGarbage } from './inspector.ts'
import { peakRssMiB, rssMiB } from './procstat.ts'
import { percentile, round } from './stats.ts'
import { startTarget, type Target } from './targets.ts'

/**
 * Fills a room with `shapes` records and waits until a fresh client receives all of them.
 * Returns the filler still connected: the peers keep nothing, so a room nobody is in is empty.
 */
async function fillRoom(target: Target, room: string, shapes: number): Promise<LoadClient> {
  const filler = new LoadClient(target, room)
  await filler.synced
  filler.fill(shapes)
  for (;;) {
    const check = new LoadClient(target, room, { decode: true })
    await check.synced
    const complete = check.shapeCount() >= shapes
    check.close()
    if (complete) break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return filler
}

export interface JoinResult {
  p50: number
  p99: number
  max: number
  peakRssMiB: number
}

/** Many clients join a large board at the same moment (a room scanning the QR code). */
export async function runJoin(
  target: Target,
  joiners: number,
  shapes: number,
): Promise<JoinResult> {
  const room = await target.createRoom()
  const filler = await fillRoom(target, room, shapes)
  // One joiner decodes what it gets, to prove the board arrived whole.
  const clients = Array.from(
    { length: joiners },
    (_, i) => new LoadClient(target, room, { decode: i === 0 }),
  )
  const times = await Promise.all(clients.map((c) => c.synced))
  const received = clients[0]?.shapeCount() ?? 0
  if (received < shapes)
    throw new Error(`${target.name}: a joiner received ${received} of ${shapes} shapes`)
  const result = {
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
    max: round(percentile(times, 100)),
    peakRssMiB: round(peakRssMiB(target.pid)),
  }
  for (const c of clients) c.close()
  filler.close()
  return result
}

const COLD_RESTARTS = 5

/**
 * Samla only (the peers keep nothing): the first sync of a board loaded from SQLite by a
 * freshly started server, as the median of several restarts (one sample is too noisy here).
 */
export async function runColdLoad(
  shapes: number,
): Promise<{ medianMs: number; samplesMs: number[]; shapesReceived: number }> {
  const first = await startTarget('samla', { keepData: true })
  const room = await first.createRoom()
  const filler = await fillRoom(first, room, shapes)
  filler.close()
  await first.stop()
  const samplesMs: number[] = []
  let shapesReceived = 0
  for (let i = 0; i < COLD_RESTARTS; i++) {
    const last = i === COLD_RESTARTS - 1
    const server = await startTarget('samla', { dataDir: first.dataDir, keepData: !last })
    try {
      const client = new LoadClient(server, room, { decode: true })
      samplesMs.push(round(await client.synced))
      shapesReceived = client.shapeCount()
      client.close()
    } finally {
      await server.stop()
    }
  }
  return { medianMs: round(percentile(samplesMs, 50)), samplesMs, shapesReceived }
}

export interface RoomsResult {
  rssBeforeMiB: number
  rssPeakMiB: number
  rssAfterMiB: number
  /** Rooms still in memory afterwards (Samla reports it; the peers do not say). */
  roomsLeft: number | null
  /**
   * V8 heap in use before and after, each right after a forced full collection (through the
   * inspector, for every server alike): what is still reachable is what the rooms kept.
   */
  heapBeforeMiB: number | null
  heapAfterMiB: number | null
}

/** Heap after a forced collection, when the target runs with its inspector; else null. */
const heapAfterGc = async (target: Target) =>
  target.inspectorPort ? (await collectGarbage(target.inspectorPort)).heapUsedMiB : null

const WARM_ROOMS = 50

/** Joins every room in batches of 50, writes one update in each, and leaves. */
async function openAndLeave(target: Target, rooms: string[], offset: number): Promise<void> {
  for (let i = 0; i < rooms.length; i += 50) {
    const batch = rooms.slice(i, i + 50).map((room) => new LoadClient(target, room))
    await Promise.all(batch.map((c) => c.synced))
    for (const [j, c] of batch.entries()) c.write(offset + i + j)
    await new Promise((resolve) => setTimeout(resolve, 20))
    for (const c of batch) c.close()
  }
}

/** Samla says how many rooms it holds: wait for 0 (10 s at most); peers get a fixed 5 s. */
async function waitUntilUnloaded(target: Target): Promise<number | null> {
  const deadline = Date.now() + 10_000
  for (;;) {
    if (target.name === 'samla') {
      const health = (await (await fetch(`${target.url}/api/health`)).json()) as { rooms: number }
      if (health.rooms === 0 || Date.now() > deadline) return health.rooms
    } else if (Date.now() > deadline - 5000) return null
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Opens `count` rooms (join, write, leave), then checks that memory returns. */
export async function runManyRooms(target: Target, count: number): Promise<RoomsResult> {
  const rooms: string[] = []
  for (let i = 0; i < count; i++) rooms.push(await target.createRoom())
  // Warm up the process so that "before" is a steady state, not a cold start: one batch of
  // rooms of its own, opened and left the same way, so that the JIT, the database's
  // statement and page caches and the heap's first growth are in "before". What the 1,000
  // rooms then leave behind is what each room keeps.
  const warmRooms: string[] = []
  for (let i = 0; i < WARM_ROOMS; i++) warmRooms.push(await target.createRoom())
  await openAndLeave(target, warmRooms, 0)
  await waitUntilUnloaded(target)
  await new Promise((resolve) => setTimeout(resolve, 2000))
  const heapBeforeMiB = await heapAfterGc(target)
  const rssBeforeMiB = rssMiB(target.pid)
  await openAndLeave(target, rooms, WARM_ROOMS)
  const rssPeak = peakRssMiB(target.pid)
  const roomsLeft = await waitUntilUnloaded(target)
  await new Promise((resolve) => setTimeout(resolve, 2000))
  // The same full collection as before the run, so that both readings are alike.
  const heapAfterMiB = await heapAfterGc(target)
  return {
    rssBeforeMiB: round(rssBeforeMiB),
    rssPeakMiB: round(rssPeak),
    rssAfterMiB: round(rssMiB(target.pid)),
    roomsLeft,
    heapBeforeMiB,
    heapAfterMiB,
  }
}
