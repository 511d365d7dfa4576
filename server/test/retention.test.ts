import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CreatedMeeting } from '@samla/shared'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startTestServer, type TestServer } from './helpers.ts'

const servers: TestServer[] = []
afterEach(async () => {
  for (const s of servers.splice(0)) await s.dispose()
})

const daysAgo = (days: number) =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10)

async function create(server: TestServer, date: string) {
  const res = await fetch(`${server.url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: `Samling ${date}`,
      group: 'kraftsamling',
      date,
      format: 'physical',
    }),
  })
  const created = (await res.json()) as CreatedMeeting
  return { ...created, token: new URL(created.links.facilitator).hash.replace('#k=', '') }
}

const exists = async (server: TestServer, m: Awaited<ReturnType<typeof create>>) =>
  (
    await fetch(`${server.url}/api/meetings/${m.meeting.id}`, {
      headers: { authorization: `Bearer ${m.token}` },
    })
  ).status === 200

describe('retention', () => {
  it('erases meetings whose date is past the retention period, and keeps the rest', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-retention-'))
    const first = await startTestServer({}, dir)
    const old = await create(first, daysAgo(40))
    const recent = await create(first, daysAgo(5))
    const upcoming = await create(first, daysAgo(-10))
    await first.close()

    // The next start, now with a 30-day retention, purges what is older.
    const second = await startTestServer({ SAMLA_RETENTION_DAYS: '30' }, dir)
    servers.push(second)
    await vi.waitFor(async () => expect(await exists(second, old)).toBe(false))
    expect(await exists(second, recent)).toBe(true)
    expect(await exists(second, upcoming)).toBe(true)
    expect((await fetch(`${second.url}/api/boards/${old.meeting.boardId}`)).status).toBe(404)
  })

  it('keeps everything when no retention is configured', async () => {
    const server = await startTestServer()
    servers.push(server)
    const old = await create(server, daysAgo(4000))
    expect(await exists(server, old)).toBe(true)
  })
})
