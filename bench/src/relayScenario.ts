import { LoadClient } from './client.ts'
import { cpuSeconds, peakRssMiB, rssMiB } from './procstat.ts'
import { percentile, round } from './stats.ts'
import type { Target } from './targets.ts'

export interface RelayScenario {
  id: string
  title: string
  clients: number
  writers: number
  writesPerSecond: number
  cursorHz: number
  seconds: number
  /** Clients that decode updates and report latency (besides the writers). */
  probes: number
  /** Add one client that never reads. */
  stuckClient?: boolean
}

export interface RelayResult {
  p50: number
  p99: number
  max: number
  delivered: number
  cpuSeconds: number
  /** The load generator's own CPU over the same window: on a 2-core machine it competes with the server. */
  loadCpuSeconds: number
  peakRssMiB: number
  endRssMiB: number
  sentMiB: number
}

const CONNECT_BATCH = 50

/**
 * Probes are spread evenly over the room's join order (after the writers), so that a server
 * which sends to its sockets in join order is measured at the start, the middle and the end of
 * its fan-out, not only at the first few sockets.
 */
export function isProbeIndex(
  index: number,
  s: Pick<RelayScenario, 'clients' | 'writers' | 'probes'>,
): boolean {
  if (index < s.writers) return false
  const stride = Math.max(1, Math.floor((s.clients - s.writers) / s.probes))
  const offset = index - s.writers
  return offset % stride === stride - 1 && offset < stride * s.probes
}
const DRAIN_MS = 3000

/** Many clients in one room: writers change a map entry, everyone moves a cursor. */
export async function runRelay(target: Target, s: RelayScenario): Promise<RelayResult> {
  const room = await target.createRoom()
  const latencies: number[] = []
  const received = new Map<number, number>()
  let measuring = false
  const probe = (ms: number, writer: number) => {
    if (!measuring) return
    latencies.push(ms)
    received.set(writer, (received.get(writer) ?? 0) + 1)
  }
  const clients: LoadClient[] = []
  for (let i = 0; i < s.clients; i += CONNECT_BATCH) {
    const batch: LoadClient[] = []
    for (let j = i; j < Math.min(s.clients, i + CONNECT_BATCH); j++) {
      const isProbe = isProbeIndex(j, s)
      // Writers and probes parse every frame; everyone else only receives (see `lean`).
      const options = isProbe ? { probe } : j < s.writers ? {} : { lean: true }
      batch.push(new LoadClient(target, room, options))
    }
    await Promise.all(batch.map((c) => c.synced))
    clients.push(...batch)
  }
  if (s.stuckClient) {
    const stuck = new LoadClient(target, room, { neverRead: true })
    await stuck.synced
    clients.push(stuck)
  }
  for (const c of clients) {
    c.bytesReceived = 0
  }

  const timers: NodeJS.Timeout[] = []
  const sent = new Map<number, number>()
  const cpuBefore = cpuSeconds(target.pid)
  const loadCpuBefore = process.cpuUsage()
  measuring = true
  for (let w = 0; w < s.writers; w++) {
    const writer = clients[w]
    if (!writer) continue
    const start = setTimeout(
      () => {
        timers.push(
          setInterval(() => {
            writer.write(w)
            sent.set(w, (sent.get(w) ?? 0) + 1)
          }, 1000 / s.writesPerSecond),
        )
      },
      Math.random() * (1000 / s.writesPerSecond),
    )
    timers.push(start)
  }
  if (s.cursorHz > 0) {
    for (const c of clients) {
      const start = setTimeout(
        () => timers.push(setInterval(() => c.moveCursor(), 1000 / s.cursorHz)),
        Math.random() * (1000 / s.cursorHz),
      )
      timers.push(start)
    }
  }
  await new Promise((resolve) => setTimeout(resolve, s.seconds * 1000))
  for (const t of timers) clearTimeout(t)
  // Let what was sent arrive; each probe should see every writer's every update.
  const expected = () => [...sent.values()].reduce((a, b) => a + b, 0) * s.probes
  const drainUntil = Date.now() + DRAIN_MS
  while (Date.now() < drainUntil && latencies.length < expected())
    await new Promise((r) => setTimeout(r, 50))
  measuring = false
  const cpu = cpuSeconds(target.pid) - cpuBefore
  const loadCpu = process.cpuUsage(loadCpuBefore)
  const result: RelayResult = {
    p50: round(percentile(latencies, 50), 2),
    p99: round(percentile(latencies, 99), 2),
    max: round(percentile(latencies, 100), 2),
    delivered: round((100 * latencies.length) / Math.max(1, expected())),
    cpuSeconds: round(cpu, 2),
    loadCpuSeconds: round((loadCpu.user + loadCpu.system) / 1e6, 2),
    peakRssMiB: round(peakRssMiB(target.pid)),
    endRssMiB: round(rssMiB(target.pid)),
    sentMiB: round(clients.reduce((sum, c) => sum + c.bytesReceived, 0) / 1024 / 1024),
  }
  for (const c of clients) c.close()
  return result
}
