/**
 * The worker thread's side of compactionWorker.ts: one connection of its own to the board
 * file, one compaction at a time, as the main thread asks.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../db/client.ts'
import { compactBoard } from './compaction.ts'

const { file, synchronous } = workerData as { file: string; synchronous: 'NORMAL' | 'FULL' }
const { db, close } = openDatabase({ file, synchronous, migrate: false })

parentPort?.on('message', (message: { id: number; boardId: string } | 'close') => {
  if (message === 'close') {
    close()
    parentPort?.close()
    return
  }
  try {
    const result = compactBoard(db, message.boardId)
    parentPort?.postMessage({ id: message.id, result })
  } catch (err) {
    parentPort?.postMessage({
      id: message.id,
      error: err instanceof Error ? err.message : String(err),
    })
  }
})
