import { type ChildProcess, fork } from 'node:child_process'
import path from 'node:path'
import { percentile, round } from '../stats.ts'
import type { HealthAnswer } from './api.ts'
import { isRunning, stopChild, track } from './children.ts'
import type { HealthReport } from './healthWorker.ts'

const workerPath = path.join(import.meta.dirname, 'healthWorker.ts')
const READY_TIMEOUT_MS = 20_000
/** The worker's requests time out after 10 s; it then says it is done. */
const DONE_TIMEOUT_MS = 15_000

export interface HealthSummary {
  samples: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  /** Requests unanswered after 10 s (counted in the latencies as 10 s). */
  timeouts: number
  /** Requests that failed otherwise (refused, reset), by cause: the server was not there. */
  errors: Record<string, number>
}

/**
 * /api/health asked every 100 ms from a process of its own (healthWorker.ts): while the
 * server's event loop is blocked (a compaction, a huge decode) every request waits.
 */
export class HealthSampler {
  private readonly latencies: number[] = []
  private timeouts = 0
  private readonly errors: Record<string, number> = {}
  private waiters: Array<(answer: HealthAnswer) => void> = []
  private readonly child: ChildProcess
  /** The latest answer (RSS as the server reports it, rooms in memory). */
  last: HealthAnswer | null = null

  private constructor(url: string) {
    this.child = fork(workerPath, [url], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    })
    track(this.child)
    this.child.on('message', (message: HealthReport) => this.record(message))
  }

  /** Resolves once the worker is up; it starts asking on begin(). */
  static async start(url: string): Promise<HealthSampler> {
    const sampler = new HealthSampler(url)
    if (!(await sampler.next('ready', READY_TIMEOUT_MS))) {
      await stopChild(sampler.child, 1000)
      throw new Error('the /api/health sampler did not start')
    }
    return sampler
  }

  begin(): void {
    this.child.send({ type: 'start' })
  }

  /** Resolves with the first answer (from now on) that satisfies `test`, or null after `ms`. */
  until(test: (answer: HealthAnswer) => boolean, ms: number): Promise<HealthAnswer | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check)
        resolve(null)
      }, ms)
      const check = (answer: HealthAnswer) => {
        if (!test(answer)) return
        clearTimeout(timer)
        this.waiters = this.waiters.filter((w) => w !== check)
        resolve(answer)
      }
      this.waiters.push(check)
    })
  }

  /** Stops asking, once the requests still out are answered or timed out. */
  async stop(): Promise<HealthSummary> {
    if (isRunning(this.child) && this.child.connected) {
      this.child.send({ type: 'stop' })
      await this.next('done', DONE_TIMEOUT_MS)
    }
    await stopChild(this.child, 1000)
    return {
      samples: this.latencies.length,
      p50Ms: round(percentile(this.latencies, 50)),
      p99Ms: round(percentile(this.latencies, 99)),
      maxMs: round(percentile(this.latencies, 100)),
      timeouts: this.timeouts,
      errors: this.errors,
    }
  }

  private record(message: HealthReport): void {
    if (message.type === 'answer') {
      this.latencies.push(message.ms)
      this.last = message
      for (const waiter of [...this.waiters]) waiter(message)
    } else if (message.type === 'timeout') {
      this.timeouts++
      this.latencies.push(message.ms)
    } else if (message.type === 'error') {
      this.errors[message.cause] = (this.errors[message.cause] ?? 0) + 1
    }
  }

  private next(type: 'ready' | 'done', ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(false), ms)
      const onMessage = (message: HealthReport) => {
        if (message.type === type) done(true)
      }
      const onExit = () => done(false)
      const done = (value: boolean) => {
        clearTimeout(timer)
        this.child.off('message', onMessage)
        this.child.off('exit', onExit)
        resolve(value)
      }
      this.child.on('message', onMessage)
      this.child.once('exit', onExit)
    })
  }
}
