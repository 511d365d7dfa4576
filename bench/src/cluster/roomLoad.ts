import { type ClientOptions, LoadClient } from '../client.ts'
import { isProbeIndex } from '../relayScenario.ts'
import type { Cluster } from './instances.ts'
import { DeliveryLedger } from './ledger.ts'
import { seededRandom } from './random.ts'

export interface RoomLoadSpec {
  clients: number
  writers: number
  writesPerSecond: number
  cursorHz: number
  /** Who moves a cursor: every client (as `pnpm bench` does) or only the writers. */
  cursors: 'all' | 'writers'
  seconds: number
  /** Clients that decode every update and report its latency (besides the writers). */
  probes: number
  seed: number
}

/** Something done to the cluster during the load (an instance killed, Redis restarted). */
export interface MidRunEvent {
  atMs: number
  run: () => Promise<void>
}

export interface RunOptions {
  /** How long to wait after the load, at most, for what was sent to arrive. */
  drainMs: number
  events?: MidRunEvent[]
  /** Redis's CPU is measured over the same window. */
  redis?: { cpuSeconds(): number }
}

export interface RoomRun {
  clients: LoadClient[]
  ledger: DeliveryLedger
  /** Latencies the probes saw of writes made on another instance than their own. */
  crossLatencies: number[]
  sameLatencies: number[]
  /** Over the load and the drain after it. */
  bytesReceived: number
  cpuPerInstance: number[]
  loadCpuSeconds: number
  redisCpuSeconds: number | null
  /** When the load started and stopped (Date.now()). */
  startedAt: number
  stoppedAt: number
}

const CONNECT_BATCH = 50
const SYNC_TIMEOUT_MS = 30_000

/** Client i starts on instance i mod n and moves on through the others in order. */
function rotated<T>(items: readonly T[], start: number): T[] {
  const k = start % items.length
  return [...items.slice(k), ...items.slice(0, k)]
}

/**
 * One room spread round-robin over a cluster's instances, loaded as `pnpm bench` loads a room:
 * writers change the document, cursors move, probes spread over the join order measure
 * latency. Every client (lean receivers too) records which writes reached it, and every write
 * goes under a key of its own, so that a read-back shows which writes the document kept.
 * Returns with the clients still connected, after `drainMs` at most for what was sent to arrive.
 */
export async function runRoom(
  cluster: Cluster,
  room: string,
  s: RoomLoadSpec,
  options: RunOptions,
): Promise<RoomRun> {
  const perWriter = Math.ceil(s.writesPerSecond * s.seconds) + 1
  const ledger = new DeliveryLedger(s.clients, s.writers, perWriter)
  const latencies = { cross: [] as number[], same: [] as number[] }
  const clients: LoadClient[] = []
  let measuring = false
  const probeFor = (probeIndex: number) => (ms: number, writer: number) => {
    const probe = clients[probeIndex]
    const author = clients[writer]
    if (!measuring || !probe || !author) return
    const cross = cluster.slotOf(probe.target) !== cluster.slotOf(author.target)
    ;(cross ? latencies.cross : latencies.same).push(ms)
  }
  try {
    for (let i = 0; i < s.clients; i += CONNECT_BATCH) {
      const batch: LoadClient[] = []
      for (let j = i; j < Math.min(s.clients, i + CONNECT_BATCH); j++) {
        const client: ClientOptions = {
          authorKey: true,
          onWriteSeen: (writer, seq) => ledger.markSeen(j, writer, seq),
        }
        if (j < s.writers) client.keepEveryWrite = true
        else if (isProbeIndex(j, s)) client.probe = probeFor(j)
        else client.lean = true
        batch.push(new LoadClient(rotated(cluster.targets, j), room, client))
      }
      clients.push(...batch)
      await synced(batch)
    }
    for (const c of clients) c.bytesReceived = 0
    measuring = true
    const measured = await drive(cluster, clients, ledger, s, options)
    measuring = false
    return {
      ...measured,
      clients,
      ledger,
      crossLatencies: latencies.cross,
      sameLatencies: latencies.same,
    }
  } catch (err) {
    for (const c of clients) c.close()
    throw err
  }
}

/** Clients that retry other instances forever would otherwise hang a run on a broken cluster. */
async function synced(batch: LoadClient[]): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`clients did not sync within ${SYNC_TIMEOUT_MS} ms`)),
      SYNC_TIMEOUT_MS,
    )
  })
  await Promise.race([Promise.all(batch.map((c) => c.synced)), timeout]).finally(() =>
    clearTimeout(timer),
  )
}

/** The load itself, the events during it, and the drain after it. */
async function drive(
  cluster: Cluster,
  clients: LoadClient[],
  ledger: DeliveryLedger,
  s: RoomLoadSpec,
  { drainMs, events = [], redis }: RunOptions,
) {
  const random = seededRandom(s.seed)
  const slots = cluster.targets.map((_, slot) => slot)
  const cpuBefore = slots.map((slot) => cluster.cpuSeconds(slot))
  const loadCpuBefore = process.cpuUsage()
  const redisCpuBefore = redis?.cpuSeconds() ?? 0
  const timers: NodeJS.Timeout[] = []
  const startedAt = Date.now()
  for (let w = 0; w < s.writers; w++) {
    const writer = clients[w]
    if (!writer) continue
    const interval = 1000 / s.writesPerSecond
    const offset = random() * interval
    // Writes that fell due while the generator was starved of CPU (three servers share its two
    // cores) are made late rather than dropped, so that every cluster gets the same writes.
    const writeDue = () => {
      const due = Math.floor((Date.now() - startedAt - offset) / interval) + 1
      while ((ledger.sent[w] ?? 0) < Math.min(due, ledger.perWriter)) {
        writer.write(w)
        ledger.sent[w] = (ledger.sent[w] ?? 0) + 1
      }
    }
    const start = () => {
      writeDue()
      timers.push(setInterval(writeDue, interval))
    }
    timers.push(setTimeout(start, offset))
  }
  if (s.cursorHz > 0) {
    const interval = 1000 / s.cursorHz
    const movers = s.cursors === 'all' ? clients : clients.slice(0, s.writers)
    for (const c of movers) {
      const move = () => c.moveCursor()
      timers.push(setTimeout(() => timers.push(setInterval(move, interval)), random() * interval))
    }
  }
  const pending = events.map(
    (e) =>
      new Promise<void>((resolve, reject) =>
        setTimeout(() => e.run().then(resolve, reject), e.atMs),
      ),
  )
  await new Promise((resolve) => setTimeout(resolve, s.seconds * 1000))
  for (const t of timers) clearTimeout(t)
  const stoppedAt = Date.now()
  await Promise.all(pending)
  const drainUntil = Date.now() + drainMs
  while (Date.now() < drainUntil && ledger.delivered() < ledger.expected())
    await new Promise((resolve) => setTimeout(resolve, 100))
  const loadCpu = process.cpuUsage(loadCpuBefore)
  return {
    bytesReceived: clients.reduce((sum, c) => sum + c.bytesReceived, 0),
    cpuPerInstance: slots.map((slot) => cluster.cpuSeconds(slot) - (cpuBefore[slot] ?? 0)),
    loadCpuSeconds: (loadCpu.user + loadCpu.system) / 1e6,
    redisCpuSeconds: redis ? redis.cpuSeconds() - redisCpuBefore : null,
    startedAt,
    stoppedAt,
  }
}
