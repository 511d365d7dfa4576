import http from 'node:http'
import type { CreatedMeeting, Snapshot } from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { LogFields, Logger } from '../src/logger.ts'
import { startTestServer, type TestServer } from './helpers.ts'
import { writeBoard } from './writeBoard.ts'

interface Entry {
  level: string
  msg: string
  fields: LogFields
}

/** A logger that keeps what it is told and lets a test await the entry it expects. */
function recordingLogger() {
  const entries: Entry[] = []
  const waiters: Array<{ match: (e: Entry) => boolean; resolve: (e: Entry) => void }> = []
  const make = (base: LogFields): Logger => {
    const write =
      (level: string) =>
      (msg: string, fields: LogFields = {}) => {
        const entry = { level, msg, fields: { ...base, ...fields } }
        entries.push(entry)
        for (const w of waiters.splice(0)) {
          if (w.match(entry)) w.resolve(entry)
          else waiters.push(w)
        }
      }
    return {
      debug: write('debug'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      child: (fields) => make({ ...base, ...fields }),
    }
  }
  const next = (match: (e: Entry) => boolean) =>
    new Promise<Entry>((resolve) => {
      const earlier = entries.find(match)
      if (earlier) resolve(earlier)
      else waiters.push({ match, resolve })
    })
  return { logger: make({}), entries, next }
}

let server: TestServer
let log: ReturnType<typeof recordingLogger>
beforeEach(async () => {
  log = recordingLogger()
  server = await startTestServer({}, undefined, { logger: log.logger })
})
afterEach(() => server.dispose())

/** A meeting whose board has one phase, and a snapshot of it to attach a picture to. */
async function snapshotWithPhase() {
  const res = await fetch(`${server.url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Samling',
      group: 'kraftsamling',
      date: '2026-02-13',
      format: 'digital',
    }),
  })
  const created = (await res.json()) as CreatedMeeting
  const token = new URL(created.links.facilitator).hash.replace('#k=', '')
  const board = new Y.Doc()
  board.getMap('records').set('page:one', {
    id: 'page:one',
    typeName: 'page',
    name: 'Öppna upp',
    index: 'a1',
    meta: {},
  })
  await writeBoard(server.url, created.meeting.boardId, token, Y.encodeStateAsUpdate(board))
  const taken = await fetch(`${server.url}/api/meetings/${created.meeting.id}/snapshots`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  })
  const snapshot = (await taken.json()) as Snapshot
  return { meetingId: created.meeting.id, snapshotId: snapshot.id, token }
}

describe('an upload the client gives up on', () => {
  it('is logged as an aborted request, not as an internal error', async () => {
    const { meetingId, snapshotId, token } = await snapshotWithPhase()
    const req = http.request(
      `${server.url}/api/meetings/${meetingId}/snapshots/${snapshotId}/images/page:one`,
      {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'image/png',
          'content-length': String(100_000),
          // The server answers 100 Continue once it is handling the request: only then is
          // part of the body sent and the connection dropped, so the handler is reading.
          expect: '100-continue',
        },
      },
    )
    req.on('error', () => {})
    await new Promise((resolve) => req.once('continue', resolve))
    req.write(Buffer.alloc(1000))
    req.destroy()

    const logged = await log.next((e) => e.msg === 'request aborted' || e.level === 'error')
    expect(logged).toMatchObject({ level: 'info', msg: 'request aborted' })
    expect(logged.fields).toMatchObject({ method: 'PUT' })
    expect(log.entries.filter((e) => e.level === 'error')).toEqual([])
  })
})
