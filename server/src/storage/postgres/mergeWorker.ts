import { Worker } from 'node:worker_threads'

export interface MergeRequest {
  id: number
  /** The state (when `hasState`) and the updates, end to end, in one transferable buffer. */
  packed: ArrayBuffer
  lengths: number[]
  hasState: boolean
}

export type MergeReply = { id: number; merged: Uint8Array } | { id: number; error: string }

/**
 * mergeDocument (../merge.ts) in a worker thread: merging a long log takes time in proportion
 * to the board (hundreds of milliseconds for 100 MB), and on the main thread every room of
 * the instance would wait meanwhile. The log crosses once, packed into one buffer that is
 * transferred rather than copied; node-postgres hands out many small values as views of
 * shared 8 KiB slabs, which a structured clone would copy whole, slab by slab.
 */
export class MergeWorker {
  private worker: Worker | null = null
  private nextId = 1
  private lastError: Error | null = null
  private readonly waiting = new Map<
    number,
    { resolve: (merged: Uint8Array) => void; reject: (e: Error) => void }
  >()

  merge(state: Uint8Array | null, updates: readonly Uint8Array[]): Promise<Uint8Array> {
    const parts = state ? [state, ...updates] : updates
    const lengths = parts.map((p) => p.byteLength)
    const packed = new Uint8Array(lengths.reduce((sum, n) => sum + n, 0))
    let offset = 0
    for (const part of parts) {
      packed.set(part, offset)
      offset += part.byteLength
    }
    const worker = this.start()
    const id = this.nextId++
    const request: MergeRequest = { id, packed: packed.buffer, lengths, hasState: state !== null }
    // Held by the event loop only while it works, so that it never keeps a process alive.
    worker.ref()
    return new Promise<Uint8Array>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      worker.postMessage(request, [packed.buffer])
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
    // The bundle (server/dist) ships the thread as plain JavaScript beside itself; from the
    // sources (tests, dev) it is TypeScript, which the thread loads through tsx's loader.
    const worker = import.meta.url.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
            .then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./mergeThread.ts', import.meta.url).href)}) })`,
          { eval: true },
        )
      : new Worker(new URL('./mergeThread.js', import.meta.url))
    worker.on('message', (reply: MergeReply) => {
      const waiter = this.waiting.get(reply.id)
      if (!waiter) return
      this.waiting.delete(reply.id)
      if ('error' in reply) waiter.reject(new Error(reply.error))
      else waiter.resolve(reply.merged)
    })
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null
      const why = this.lastError?.message ?? 'no error'
      for (const waiter of this.waiting.values())
        waiter.reject(new Error(`merge thread exited (${why})`))
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
