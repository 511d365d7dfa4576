/**
 * The worker thread's side of mergeWorker.ts: merges a state and a log, packed into one
 * buffer, and hands the merged state back. Nothing else: the database stays on the main thread.
 */
import { parentPort } from 'node:worker_threads'
import { mergeDocument } from '../merge.ts'
import type { MergeReply, MergeRequest } from './mergeWorker.ts'

parentPort?.on('message', (message: MergeRequest | 'close') => {
  if (message === 'close') {
    parentPort?.close()
    return
  }
  let reply: MergeReply
  try {
    const views: Uint8Array[] = []
    let offset = 0
    for (const length of message.lengths) {
      views.push(new Uint8Array(message.packed, offset, length))
      offset += length
    }
    const state = message.hasState ? (views.shift() ?? null) : null
    const merged = mergeDocument(state, views)
    reply = { id: message.id, merged }
    parentPort?.postMessage(reply, [merged.buffer as ArrayBuffer])
  } catch (err) {
    reply = { id: message.id, error: err instanceof Error ? err.message : String(err) }
    parentPort?.postMessage(reply)
  }
})
