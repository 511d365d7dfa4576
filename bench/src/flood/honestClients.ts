import { percentile, round } from '../stats.ts'
import type { CloseCodes, HonestConfig } from './honestMessages.ts'
import { HonestProcess } from './honestProcess.ts'

const READY_TIMEOUT_MS = 20_000
/** The worker drains for 5 s at most; a process stuck beyond that counts as not converged. */
const DRAIN_REPLY_MS = 15_000
/** A joiner that has not synced in time keeps watching, for the server's late answer. */
const JOIN_WATCH_MS = 30_000

export interface ProbeSummary {
  p50Ms: number
  p99Ms: number
  maxMs: number
  /** Others' writes seen live, of all that were written (each probe should see the other nine). */
  deliveredPct: number
  converged: boolean
  lagging: number | null
  disconnected: number | null
  closeCodes: CloseCodes
  /** The error that ended the probes' process, if one did. */
  crashed: string | null
}

/** The ten honest probes, in their own process. */
export class Probes {
  private readonly latencies: number[] = []
  private sent = 0
  private received = 0
  /** Each probe's last sequence number, once finished: what a newcomer should find. */
  lastSeqs: number[] = []

  private constructor(
    private readonly worker: HonestProcess,
    private readonly count: number,
  ) {
    worker.on((message) => {
      if (message.type !== 'samples') return
      this.latencies.push(...message.latencies)
      this.sent = message.sent
      this.received = message.received
    })
  }

  /** Connects the probes; resolves once all have synced (throws if they do not). */
  static async start(config: Omit<HonestConfig, 'mode'>): Promise<Probes> {
    const worker = new HonestProcess({ ...config, mode: 'probes' })
    const ready = await worker.next('ready', READY_TIMEOUT_MS)
    if (!ready || ready.synced < config.probes) {
      await worker.stop()
      throw new Error(`probes did not sync: ${ready?.synced ?? 0} of ${config.probes}`)
    }
    return new Probes(worker, config.probes)
  }

  begin(): void {
    this.worker.send({ type: 'start' })
  }

  /** Stops writing; resolves once the probes converged, gave up, or crashed. */
  async finish(): Promise<ProbeSummary> {
    this.worker.send({ type: 'stop' })
    const drained = await this.worker.next('drained', DRAIN_REPLY_MS)
    const expected = this.sent * (this.count - 1)
    this.lastSeqs = drained?.lastSeqs ?? []
    return {
      p50Ms: round(percentile(this.latencies, 50)),
      p99Ms: round(percentile(this.latencies, 99)),
      maxMs: round(percentile(this.latencies, 100)),
      deliveredPct: round((100 * this.received) / Math.max(1, expected)),
      converged: drained?.converged ?? false,
      lagging: drained?.lagging ?? null,
      disconnected: drained?.disconnected ?? null,
      closeCodes: drained?.closeCodes ?? {},
      crashed: this.worker.crash,
    }
  }

  /** Everyone leaves (the room can unload). */
  async leave(): Promise<void> {
    this.worker.send({ type: 'leave' })
    await this.worker.next('left', 5000)
    await this.worker.stop()
  }

  stop(): Promise<void> {
    return this.worker.stop()
  }
}

export interface JoinSummary {
  /** Synced within the time allowed (10 s). */
  synced: boolean
  /** When it synced, also if too late (it watches for 30 s). */
  syncMs: number | null
  closeCodes: CloseCodes
  firstCloseMs: number | null
  firstPresenceBytes: number | null
  bytesReceived: number
  /** Of the probes' last writes, how many the synced joiner holds (of `probeWritesExpected`). */
  probeWritesFound: number
  probeWritesExpected: number
  crashed: string | null
}

/** A newcomer, started before the flood so that its process start costs nothing later. */
export class Joiner {
  private constructor(private readonly worker: HonestProcess) {}

  static async standBy(config: Omit<HonestConfig, 'mode'>): Promise<Joiner> {
    const worker = new HonestProcess({ ...config, mode: 'joiner' })
    if (!(await worker.next('standby', READY_TIMEOUT_MS))) {
      await worker.stop()
      throw new Error('the joiner process did not start')
    }
    return new Joiner(worker)
  }

  async join(timeoutMs: number, lastSeqs: number[]): Promise<JoinSummary> {
    this.worker.send({ type: 'join', timeoutMs, watchMs: JOIN_WATCH_MS, lastSeqs })
    const joined = await this.worker.next('joined', JOIN_WATCH_MS + 5000)
    const crashed = this.worker.crash
    await this.worker.stop()
    return {
      synced: joined?.synced ?? false,
      syncMs: joined?.syncMs == null ? null : round(joined.syncMs),
      closeCodes: joined?.closeCodes ?? {},
      firstCloseMs: joined?.firstCloseMs == null ? null : round(joined.firstCloseMs),
      firstPresenceBytes: joined?.firstPresenceBytes ?? null,
      bytesReceived: joined?.bytesReceived ?? 0,
      probeWritesFound: joined?.probeWritesFound ?? 0,
      probeWritesExpected: lastSeqs.filter((seq) => seq >= 0).length,
      crashed,
    }
  }

  stop(): Promise<void> {
    return this.worker.stop()
  }
}
