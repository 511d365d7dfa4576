import type { Logger } from '../logger.ts'
import type { CompactionResult, Storage } from '../storage/types.ts'

/**
 * A board's compactions: one at a time, started off the hot path (after the turn that asked
 * for it has relayed its batch), never overlapping, and waited for on the way out. The merge
 * itself runs in the storage's worker thread; across instances the storage lets only one run.
 */
export class Compactor {
  private running: Promise<void> | null = null
  private timer: NodeJS.Immediate | null = null
  private stopped = false

  constructor(
    private readonly boardId: string,
    private readonly storage: Storage,
    private readonly hooks: {
      /** Just before the storage reads the log. */
      started(): void
      finished(result: CompactionResult): void
    },
    private readonly log: Logger,
  ) {}

  /** Whether one runs or is about to. */
  get busy(): boolean {
    return this.running !== null || this.timer !== null
  }

  /** Starts one in the next turn, unless one runs or is due already. */
  schedule(): void {
    if (this.busy || this.stopped) return
    this.timer = setImmediate(() => this.runNow())
  }

  /** Runs one now (or joins the one running) and resolves when it is done. */
  async run(): Promise<void> {
    this.runNow()
    await this.running
  }

  /** Resolves when none runs and none is due. */
  async settle(): Promise<void> {
    while (this.busy) {
      if (this.timer) this.runNow()
      await this.running
    }
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearImmediate(this.timer)
    this.timer = null
  }

  private runNow(): void {
    if (this.timer) clearImmediate(this.timer)
    this.timer = null
    if (this.running) return
    const started = performance.now()
    this.hooks.started()
    this.running = this.storage
      .compact(this.boardId)
      .then((result) => {
        this.hooks.finished(result)
        this.log.debug('compacted', { ...result, ms: Math.round(performance.now() - started) })
      })
      .catch((err: unknown) => this.log.error('compaction failed', { err }))
      .finally(() => {
        this.running = null
      })
  }
}
