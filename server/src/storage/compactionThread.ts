/**
 * The worker thread's side of compactionWorker.ts: one connection of its own to the board
 * file, one compaction at a time, as the main thread asks.
 */
import { workerData } from 'node:worker_threads'
import { openDatabase } from '../db/client.ts'
import { compactBoard } from './compaction.ts'
import { serveThreadCalls } from './threadCalls.ts'

const { file, synchronous } = workerData as { file: string; synchronous: 'NORMAL' | 'FULL' }
const { db, close } = openDatabase({ file, synchronous, migrate: false })

serveThreadCalls((boardId: string) => ({ result: compactBoard(db, boardId) }), close)
