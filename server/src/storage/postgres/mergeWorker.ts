import { ThreadCalls } from '../threadCalls.ts'

export interface MergeRequest {
  /** The state (when `hasState`) and the updates, end to end, in one transferable buffer. */
  packed: ArrayBuffer
  lengths: number[]
  hasState: boolean
}

/**
 * mergeDocument (../merge.ts) in a worker thread: merging a long log takes time in proportion
 * to the board (hundreds of milliseconds for 100 MB), and on the main thread every room of
 * the instance would wait meanwhile. The log crosses once, packed into one buffer that is
 * transferred rather than copied; node-postgres hands out many small values as views of
 * shared 8 KiB slabs, which a structured clone would copy whole, slab by slab.
 */
export class MergeWorker {
  private readonly calls = new ThreadCalls<MergeRequest, Uint8Array>(
    new URL('./mergeThread', import.meta.url),
    'merge thread',
  )

  merge(state: Uint8Array | null, updates: readonly Uint8Array[]): Promise<Uint8Array> {
    const parts = state ? [state, ...updates] : updates
    const lengths = parts.map((p) => p.byteLength)
    const packed = new Uint8Array(lengths.reduce((sum, n) => sum + n, 0))
    let offset = 0
    for (const part of parts) {
      packed.set(part, offset)
      offset += part.byteLength
    }
    const request = { packed: packed.buffer, lengths, hasState: state !== null }
    return this.calls.call(request, [packed.buffer])
  }

  close(): Promise<void> {
    return this.calls.close()
  }
}
