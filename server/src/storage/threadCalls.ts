import { parentPort, type TransferListItem, Worker } from 'node:worker_threads'

type Call<Request> = { id: number; request: Request }
type Reply<Result> = { id: number; result: Result } | { id: number; error: string }

/**
 * Calls into a worker thread that does storage work off the main thread (SQLite's compaction,
 * PostgreSQL's merge): started on first use, held by the event loop only while a call is
 * under way (it never keeps a process alive), stopped with the storage. The thread's side
 * answers through `serveThreadCalls`.
 */
export class ThreadCalls<Request, Result> {
  private worker: Worker | null = null
  private nextId = 1
  private lastError: Error | null = null
  private readonly waiting = new Map<
    number,
    { resolve: (result: Result) => void; reject: (e: Error) => void }
  >()

  constructor(
    /** The thread's module without its extension, e.g. new URL('./mergeThread', import.meta.url). */
    private readonly module: URL,
    /** What the thread is, for the error when it dies. */
    private readonly what: string,
    private readonly workerData?: unknown,
  ) {}

  call(request: Request, transfer: TransferListItem[] = []): Promise<Result> {
    const worker = this.start()
    const id = this.nextId++
    worker.ref()
    return new Promise<Result>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      worker.postMessage({ id, request } satisfies Call<Request>, transfer)
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
    const workerData = this.workerData
    // The bundle (server/dist) ships each thread as plain JavaScript beside itself; from the
    // sources (tests, dev) it is TypeScript, which the thread loads through tsx's loader.
    const worker = import.meta.url.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
            .then((tsx) => { tsx.register(); return import(${JSON.stringify(`${this.module.href}.ts`)}) })`,
          { eval: true, workerData },
        )
      : new Worker(new URL(`${this.module.href}.js`), { workerData })
    worker.on('message', (reply: Reply<Result>) => {
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
        waiter.reject(new Error(`${this.what} exited (${why})`))
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

/**
 * The thread's side: answers each call with `handle`'s result (and the buffers to transfer
 * with it) or its error's message, one at a time; `onClose` runs when the storage stops.
 */
export function serveThreadCalls<Request, Result>(
  handle: (request: Request) => { result: Result; transfer?: TransferListItem[] },
  onClose: () => void = () => {},
): void {
  parentPort?.on('message', (message: Call<Request> | 'close') => {
    if (message === 'close') {
      onClose()
      parentPort?.close()
      return
    }
    try {
      const { result, transfer = [] } = handle(message.request)
      parentPort?.postMessage({ id: message.id, result } satisfies Reply<Result>, transfer)
    } catch (err) {
      parentPort?.postMessage({
        id: message.id,
        error: err instanceof Error ? err.message : String(err),
      } satisfies Reply<Result>)
    }
  })
}
