import { Worker } from 'node:worker_threads'
import type { CompactionResult } from './types.ts'

type Reply = { id: number; result: CompactionResult } | { id: number; error: string }

/**
 * Compactions off the main thread: a worker with its own SQLite connection does the read,
 * the merge and the write (WAL lets it read while the main thread appends; their writes take
 * turns through SQLite's lock). Started on first use, stopped with the storage.
 */
export class CompactionWorker {
  private worker: Worker | null = null
  private nextId = 1
  private lastError: Error | null = null
  private readonly waiting = new Map<
    number,
    { resolve: (r: CompactionResult) => void; reject: (e: Error) => void }
  >()

  constructor(
    private readonly file: string,
    private readonly synchronous: 'NORMAL' | 'FULL',
  ) {}

  compact(boardId: string): Promise<CompactionResult> {
    const worker = this.start()
    const id = this.nextId++
    // Held by the event loop only while it works, so that it never keeps a process alive.
    worker.ref()
    return new Promise<CompactionResult>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      worker.postMessage({ id, boardId })
    }).finally(() => {
      if (this.waiting.size === 0) worker.unref()
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    if (!worker) return
    this.worker = null
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
    // Held again until it has exited, or a process with nothing else left would end first.
    worker.ref()
    worker.postMessage('close')
    await exited
  }

  private start(): Worker {
    if (this.worker) return this.worker
    const workerData = { file: this.file, synchronous: this.synchronous }
    // The bundle (server/dist) ships the thread as plain JavaScript beside itself; from the
    // sources (tests, dev) it is TypeScript, which the thread loads through tsx's loader.
    const worker = import.meta.url.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
            .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./compactionThread.ts', import.meta.url).href)}) })`,
          { eval: true, workerData },
        )
      : new Worker(new URL('./compactionThread.js', import.meta.url), { workerData })
    worker.on('message', (reply: Reply) => {
      const waiter = this.waiting.get(reply.id)
      if (!waiter) return
      this.waiting.delete(reply.id)
      if ('error' in reply) waiter.reject(new Error(reply.error))
      else waiter.resolve(reply.result)
    })
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null
      const why = this.lastError?.message ?? 'no error'
      for (const waiter of this.waiting.values())
        waiter.reject(new Error(`compaction thread exited (${why})`))
      this.waiting.clear()
    })
    worker.on('error', (err) => {
      this.lastError = err
    })
    worker.unref()
    this.worker = worker
    return worker
  }
}
