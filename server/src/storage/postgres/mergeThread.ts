/**
 * The worker thread's side of mergeWorker.ts: merges a state and a log, packed into one
 * buffer, and hands the merged state back. Nothing else: the database stays on the main thread.
 */
import { mergeDocument } from '../merge.ts'
import { serveThreadCalls } from '../threadCalls.ts'
import type { MergeRequest } from './mergeWorker.ts'

serveThreadCalls((message: MergeRequest) => {
  const views: Uint8Array[] = []
  let offset = 0
  for (const length of message.lengths) {
    views.push(new Uint8Array(message.packed, offset, length))
    offset += length
  }
  const state = message.hasState ? (views.shift() ?? null) : null
  const merged = mergeDocument(state, views)
  return { result: merged, transfer: [merged.buffer as ArrayBuffer] }
})
