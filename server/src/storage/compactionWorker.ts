import { ThreadCalls } from './threadCalls.ts'
import type { CompactionResult } from './types.ts'

/**
 * Compactions off the main thread: a worker with its own SQLite connection does the read,
 * the merge and the write (WAL lets it read while the main thread appends; their writes take
 * turns through SQLite's lock). Started on first use, stopped with the storage.
 */
export class CompactionWorker {
  private readonly calls: ThreadCalls<string, CompactionResult>

  constructor(file: string, synchronous: 'NORMAL' | 'FULL') {
    this.calls = new ThreadCalls(
      new URL('./compactionThread', import.meta.url),
      'compaction thread',
      {
        file,
        synchronous,
      },
    )
  }

  compact(boardId: string): Promise<CompactionResult> {
    return this.calls.call(boardId)
  }

  close(): Promise<void> {
    return this.calls.close()
  }
}
