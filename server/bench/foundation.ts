/**
 * Figures for the foundation: update latency between two stock y-websocket providers through
 * a real Samla server (every update written to SQLite before it is relayed), and the size of
 * the SQLite file for a board of 1,000 shapes before and after compaction.
 *
 *   pnpm bench:foundation
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { loadConfig } from '../src/config.ts'
import { startServer } from '../src/server.ts'
import { connectClient, waitForDoc } from '../test/helpers.ts'

const SHAPES = 1000
const MOVES_PER_SHAPE = 5
const LATENCY_SAMPLES = 1000

function noteRecord(i: number, x: number, y: number) {
  // The shape of a tldraw note record as the client binding stores it.
  return {
    id: `shape:note${i}`,
    typeName: 'shape',
    type: 'note',
    parentId: 'page:page',
    index: `a${i.toString(36)}`,
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'yellow',
      labelColor: 'black',
      size: 'm',
      font: 'draw',
      fontSizeAdjustment: 0,
      align: 'middle',
      verticalAlign: 'middle',
      growY: 0,
      url: '',
      scale: 1,
      richText: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [{ type: 'text', text: `Idé nummer ${i}: vad kan vi göra redan i morgon?` }],
          },
        ],
      },
    },
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
const dbBytes = (file: string) =>
  ['', '-wal'].reduce(
    (sum, suffix) => sum + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0),
    0,
  )

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-bench-'))
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  SAMLA_DATA_DIR: dir,
  LOG_LEVEL: 'silent',
  SAMLA_COMPACT_AFTER_UPDATES: '1000000',
})
const server = await startServer(config)
const res = await fetch(`${server.url}/api/boards`, { method: 'POST' })
const { id } = (await res.json()) as { id: string }
const a = connectClient(server, id)
const b = connectClient(server, id)
await Promise.all([a.synced, b.synced])

// 1. Latency: a writes, b observes; one update in flight at a time.
const latencies: number[] = []
const cursor = b.doc.getMap('latency')
for (let i = 0; i < LATENCY_SAMPLES; i++) {
  const started = performance.now()
  a.doc.getMap('latency').set('t', i)
  await waitForDoc(b.doc, () => cursor.get('t') === i)
  latencies.push(performance.now() - started)
}
latencies.sort((x, y) => x - y)

// 2. A 1,000-shape board: create every shape, then move each a few times (one update per move,
//    as a drag produces), then compact.
const records = a.doc.getMap<unknown>('records')
for (let i = 0; i < SHAPES; i++)
  records.set(`shape:note${i}`, noteRecord(i, (i % 40) * 220, Math.floor(i / 40) * 220))
for (let m = 1; m <= MOVES_PER_SHAPE; m++) {
  for (let i = 0; i < SHAPES; i++)
    records.set(`shape:note${i}`, noteRecord(i, (i % 40) * 220 + m * 10, Math.floor(i / 40) * 220))
}
await waitForDoc(
  b.doc,
  () =>
    (b.doc.getMap('records').get(`shape:note${SHAPES - 1}`) as { x: number } | undefined)?.x ===
    ((SHAPES - 1) % 40) * 220 + MOVES_PER_SHAPE * 10,
)
const room = await server.rooms.peek(id)
await room?.settle()
const logEntries = (await server.storage.loadDocument(id)).updates.length
const beforeBytes = dbBytes(config.dbFile)
const compactStarted = performance.now()
await room?.compact()
const compactMs = performance.now() - compactStarted
const stored = await server.storage.loadDocument(id)
const docBytes = Y.encodeStateAsUpdate(a.doc).byteLength
a.destroy()
b.destroy()
await server.close()
// Checkpoint the WAL into the main file so the file size is what a restart would find.
const Database = (await import('better-sqlite3')).default
const db = new Database(config.dbFile)
db.pragma('wal_checkpoint(TRUNCATE)')
db.exec('VACUUM')
db.close()
const afterBytes = dbBytes(config.dbFile)
fs.rmSync(dir, { recursive: true, force: true })

const ms = (v: number) => `${v.toFixed(2)} ms`
console.log(
  `update latency a→b over ${LATENCY_SAMPLES} sequential updates: p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}, max ${ms(latencies.at(-1) ?? NaN)}`,
)
console.log(
  `1,000-shape board, ${MOVES_PER_SHAPE} moves per shape: ${logEntries} log entries, SQLite (file + WAL) ${(beforeBytes / 1024).toFixed(0)} KiB before compaction`,
)
console.log(
  `compaction: ${ms(compactMs)}, state ${((stored.state?.byteLength ?? 0) / 1024) | 0} KiB (Yjs document ${(docBytes / 1024) | 0} KiB), SQLite after compaction + VACUUM ${(afterBytes / 1024).toFixed(0)} KiB`,
)
