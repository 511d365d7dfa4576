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
  peakRssMiB: number
  endRssMiB: number
  sentMiB: number
}

const CONNECT_BATCH = 50
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
      const isProbe = j >= s.writers && j < s.writers + s.probes
      batch.push(new LoadClient(target, room, isProbe ? { probe } : {}))
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
  const result: RelayResult = {
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    max: round(percentile(latencies, 100)),
    delivered: round((100 * latencies.length) / Math.max(1, expected())),
    cpuSeconds: round(cpu, 2),
    peakRssMiB: round(peakRssMiB(target.pid)),
    endRssMiB: round(rssMiB(target.pid)),
    sentMiB: round(clients.reduce((sum, c) => sum + c.bytesReceived, 0) / 1024 / 1024),
  }
  for (const c of clients) c.close()
  return result
}
