/**
 * Size and time of a meeting's documentation exports: a board of 4 phases × 3 questions with
 * 40 notes each (480 notes) and a picture per phase, through the real HTTP API.
 *
 *   npx -y pnpm@10 bench:exports
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { loadConfig } from '../src/config.ts'
import { startServer } from '../src/server.ts'
import { richText } from '../test/fixtures/seededBoard.ts'
import { writeBoard } from '../test/writeBoard.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-exports-'))
const server = await startServer(
  loadConfig({ PORT: '0', HOST: '127.0.0.1', SAMLA_DATA_DIR: dir, LOG_LEVEL: 'silent' }),
)
const created = (await (
  await fetch(`${server.url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Demo-samling',
      group: 'kraftsamling',
      date: '2026-02-13',
      format: 'hybrid',
    }),
  })
).json()) as { meeting: { id: string; boardId: string }; links: { facilitator: string } }
const token = new URL(created.links.facilitator).hash.replace('#k=', '')

const doc = new Y.Doc()
const records = doc.getMap<unknown>('records')
const phases = ['Öppna upp', 'Testa', 'Lära', 'Integrera']
doc.transact(() => {
  phases.forEach((name, p) => {
    const pageId = `page:p${p}`
    records.set(pageId, { id: pageId, typeName: 'page', name, index: `a${p + 1}`, meta: {} })
    for (let q = 0; q < 3; q++) {
      const frameId = `shape:f${p}_${q}`
      records.set(frameId, {
        id: frameId,
        typeName: 'shape',
        type: 'frame',
        parentId: pageId,
        index: 'a1',
        x: q * 900,
        y: 0,
        rotation: 0,
        isLocked: false,
        opacity: 1,
        props: { w: 800, h: 2000, name: `Fråga ${q + 1} i ${name}`, color: 'black' },
        meta: { samla: 'prompt' },
      })
      for (let n = 0; n < 40; n++) {
        const id = `shape:n${p}_${q}_${n}`
        records.set(id, {
          id,
          typeName: 'shape',
          type: 'note',
          parentId: frameId,
          index: 'a1',
          x: (n % 3) * 220,
          y: Math.floor(n / 3) * 220,
          rotation: 0,
          isLocked: false,
          opacity: 1,
          props: {
            color: 'yellow',
            richText: richText(`Lapp ${n + 1}: vad vi kan göra i verksamheten redan i morgon.`),
          },
          meta: {},
        })
      }
    }
  })
})
await writeBoard(server.url, created.meeting.boardId, token, Y.encodeStateAsUpdate(doc))
const api = (p: string, init: RequestInit = {}) =>
  fetch(`${server.url}/api/meetings/${created.meeting.id}${p}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  })
const snapshot = (await (
  await api('/snapshots', {
    method: 'POST',
    body: '{"reason":"end"}',
    headers: { 'content-type': 'application/json' },
  })
).json()) as { id: string }
// A 200 KB picture per phase stands in for tldraw's export.
const png = fs.readFileSync(
  path.join(
    import.meta.dirname,
    '../../client/node_modules/@tldraw/assets/icons/icon/0_merged.svg',
  ),
)
for (let p = 0; p < phases.length; p++) {
  await api(`/snapshots/${snapshot.id}/images/page:p${p}`, {
    method: 'PUT',
    body: png,
    headers: { 'content-type': 'image/svg+xml' },
  })
}
for (const format of ['md', 'html', 'csv', 'json']) {
  const times: number[] = []
  let bytes = 0
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    bytes = (await (await api(`/export/${format}`)).arrayBuffer()).byteLength
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  console.log(
    JSON.stringify({
      format,
      notes: 480,
      pictures: phases.length,
      kib: Math.round(bytes / 102.4) / 10,
      medianMs: Math.round((times[2] ?? 0) * 10) / 10,
    }),
  )
}
await server.close()
fs.rmSync(dir, { recursive: true, force: true })
