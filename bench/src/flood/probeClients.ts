import type * as Y from 'yjs'
import {
  type HonestConfig,
  PROBE_KEY_PREFIX,
  probeRecord,
  readProbeRecord,
  type WorkerMessage,
} from './honestMessages.ts'
import { connectStock, mergeCloseCodes, type StockClient } from './stockProvider.ts'

const SYNC_TIMEOUT_MS = 15_000
const SAMPLE_EVERY_MS = 250
const DRAIN_TIMEOUT_MS = 5000

/**
 * All probes live in this process, so one clock with sub-millisecond resolution times every
 * write and its arrival at the others.
 */
const preciseNow = () => performance.timeOrigin + performance.now()

interface Probe {
  index: number
  client: StockClient
  map: Y.Map<unknown>
  /** Sequence number of the next write. */
  seq: number
  /** The highest sequence number seen from each other probe. */
  seen: Map<number, number>
  timer: NodeJS.Timeout | null
}

/**
 * Honest participants: stock providers that each write a small timestamped map entry every
 * `writeEveryMs` and time the arrival of everyone else's.
 */
export class ProbeClients {
  private readonly probes: Probe[]
  private measuring = false
  private latencies: number[] = []
  private sent = 0
  private received = 0
  private sampler: NodeJS.Timeout | null = null
  /** Set on stop: checked after every arrival until every probe has everyone's last write. */
  private onArrival: (() => void) | null = null

  constructor(
    private readonly config: HonestConfig,
    private readonly report: (message: WorkerMessage) => void,
  ) {
    this.probes = Array.from({ length: config.probes }, (_, index) => {
      const client = connectStock(config.wsBase, config.board, config.token)
      client.provider.awareness.setLocalStateField('user', {
        name: `Probe ${index}`,
        color: '#1971c2',
      })
      const probe: Probe = {
        index,
        client,
        map: client.doc.getMap(config.map),
        seq: 0,
        seen: new Map(),
        timer: null,
      }
      probe.map.observe((event) => this.arrived(probe, event.keysChanged))
      return probe
    })
  }

  async ready(): Promise<void> {
    const started = performance.now()
    let synced = 0
    await Promise.race([
      Promise.all(this.probes.map((p) => p.client.synced.then(() => synced++))),
      new Promise((resolve) => setTimeout(resolve, SYNC_TIMEOUT_MS)),
    ])
    this.report({ type: 'ready', synced, ms: performance.now() - started })
  }

  start(): void {
    this.measuring = true
    for (const probe of this.probes) {
      // Spread over the interval, so that ten writes do not always leave together.
      const offset = (probe.index / this.probes.length) * this.config.writeEveryMs
      probe.timer = setTimeout(() => {
        probe.timer = setInterval(() => this.write(probe), this.config.writeEveryMs)
      }, offset)
    }
    this.sampler = setInterval(() => this.flushSamples(), SAMPLE_EVERY_MS)
  }

  /** Stops writing, waits (5 s at most) until every probe holds everyone's last write. */
  async stop(): Promise<void> {
    for (const probe of this.probes) if (probe.timer) clearTimeout(probe.timer)
    const converged = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), DRAIN_TIMEOUT_MS)
      this.onArrival = () => {
        if (this.lagging() > 0) return
        clearTimeout(timer)
        resolve(true)
      }
      this.onArrival()
    })
    this.onArrival = null
    this.measuring = false
    if (this.sampler) clearInterval(this.sampler)
    this.flushSamples()
    this.report({
      type: 'drained',
      converged,
      lagging: this.lagging(),
      disconnected: this.probes.filter((p) => !p.client.provider.wsconnected).length,
      closeCodes: mergeCloseCodes(this.probes.map((p) => p.client.closeCodes)),
      lastSeqs: this.probes.map((p) => p.seq - 1),
    })
  }

  leave(): void {
    for (const probe of this.probes) probe.client.destroy()
  }

  private write(probe: Probe): void {
    const key = `${PROBE_KEY_PREFIX}${probe.index}`
    probe.map.set(key, probeRecord(key, probe.index, probe.seq++, preciseNow()))
    this.sent++
  }

  private arrived(probe: Probe, keys: Set<string>): void {
    const now = preciseNow()
    for (const key of keys) {
      if (!key.startsWith(PROBE_KEY_PREFIX)) continue
      const value = readProbeRecord(probe.map.get(key))
      if (!value) continue
      const [writer, seq, at] = value
      if (writer === probe.index) continue
      probe.seen.set(writer, Math.max(seq, probe.seen.get(writer) ?? -1))
      if (!this.measuring) continue
      this.latencies.push(now - at)
      this.received++
    }
    this.onArrival?.()
  }

  /** Probes that do not yet hold some other probe's last write. */
  private lagging(): number {
    const last = this.probes.map((p) => p.seq - 1)
    return this.probes.filter((p) =>
      last.some(
        (seq, writer) => writer !== p.index && seq >= 0 && (p.seen.get(writer) ?? -1) < seq,
      ),
    ).length
  }

  private flushSamples(): void {
    this.report({
      type: 'samples',
      latencies: this.latencies,
      sent: this.sent,
      received: this.received,
    })
    this.latencies = []
  }
}
