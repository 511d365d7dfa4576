import { type ChildProcess, fork } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import { errorLine, isRunning, stopChild, track } from './children.ts'
import type { HonestConfig, ParentMessage, WorkerMessage } from './honestMessages.ts'

const workerPath = path.join(import.meta.dirname, 'honestWorker.ts')
const STDERR_LINES = 40

type MessageOf<T extends WorkerMessage['type']> = Extract<WorkerMessage, { type: T }>

/** The honest clients' process (honestWorker.ts), seen from the bench. */
export class HonestProcess {
  private readonly child: ChildProcess
  private readonly stderr: string[] = []
  private readonly listeners = new Set<(message: WorkerMessage) => void>()
  private stopping = false
  private readonly exited: Promise<void>

  constructor(config: HonestConfig) {
    this.child = fork(workerPath, [JSON.stringify(config)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    track(this.child)
    readline
      .createInterface({ input: this.child.stderr as NodeJS.ReadableStream })
      .on('line', (line) => {
        this.stderr.push(line)
        if (this.stderr.length > STDERR_LINES) this.stderr.shift()
      })
    this.child.on('message', (message: WorkerMessage) => {
      for (const listener of [...this.listeners]) listener(message)
    })
    this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()))
    // FLOODS_DEBUG=1 shows a crashed client's last words in full (the table has one line).
    this.child.once('exit', (code) => {
      if (code && !this.stopping && process.env.FLOODS_DEBUG) console.error(this.stderr.join('\n'))
    })
  }

  on(listener: (message: WorkerMessage) => void): void {
    this.listeners.add(listener)
  }

  /** The next message of `type`; null if the process exits first or `ms` passes. */
  next<T extends WorkerMessage['type']>(type: T, ms: number): Promise<MessageOf<T> | null> {
    return new Promise((resolve) => {
      const done = (value: MessageOf<T> | null) => {
        clearTimeout(timer)
        this.listeners.delete(listener)
        resolve(value)
      }
      const listener = (message: WorkerMessage) => {
        if (message.type === type) done(message as MessageOf<T>)
      }
      const timer = setTimeout(() => done(null), ms)
      this.listeners.add(listener)
      void this.exited.then(() => done(null))
    })
  }

  send(message: ParentMessage): void {
    if (isRunning(this.child) && this.child.connected) this.child.send(message)
  }

  /** Why the process died, if it did by itself: the error line of its last words. */
  get crash(): string | null {
    if (this.stopping || isRunning(this.child)) return null
    if (this.child.exitCode === 0) return null
    return errorLine(this.stderr) ?? `exited (${this.child.exitCode ?? this.child.signalCode})`
  }

  async stop(): Promise<void> {
    // Killed by us is not a crash; a crash before this stays one.
    if (isRunning(this.child)) this.stopping = true
    await stopChild(this.child, 2000)
  }
}
