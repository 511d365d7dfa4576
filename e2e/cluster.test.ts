import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { RECORDS_MAP } from '@samla/shared'
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type ChildServer, startChildServer } from '../server/test/childServer.ts'
import { note } from '../server/test/fixtures/records.ts'
import { freshPostgresDatabase } from '../server/test/postgres.ts'
import { connectBoard } from '../server/test/writeBoard.ts'
import { launchBrowser, screenshotDir } from './src/browser.ts'
import { type NginxProcess, startNginx } from './src/nginx.ts'
import { shapeCount, waitForConnection, writeNote } from './src/ui.ts'
import { emptyFindings, watchContext } from './src/watch.ts'

const REDIS_URL = process.env.SAMLA_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

interface Health {
  status: string
  database: { kind: string; state: string }
  redis: string | null
  /** Boards this instance holds in memory: a board is loaded where its sockets are. */
  rooms: number
}

async function health(url: string): Promise<{ status: number; body: Health }> {
  const res = await fetch(`${url}/api/health`)
  return { status: res.status, body: (await res.json()) as Health }
}

const roomsPerInstance = () =>
  Promise.all(instances.map(async (instance) => (await health(instance.url)).body.rooms))

async function createBoard(origin: string, title: string): Promise<{ id: string; url: string }> {
  const res = await fetch(`${origin}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (res.status !== 201) throw new Error(`creating a board: ${res.status} ${await res.text()}`)
  return (await res.json()) as { id: string; url: string }
}

type Doc = ReturnType<typeof connectBoard>['doc']
type BoardRecord = { id: string; typeName: string } & Record<string, unknown>

/** Resolves with the first record of the board that `matches`, now or when an update brings it. */
function recordWhere(doc: Doc, matches: (record: BoardRecord) => boolean): Promise<BoardRecord> {
  const records = doc.getMap<BoardRecord>(RECORDS_MAP)
  return new Promise((resolve) => {
    const check = () => {
      const found = [...records.values()].find(matches)
      if (!found) return
      doc.off('update', check)
      resolve(found)
    }
    doc.on('update', check)
    check()
  })
}

/**
 * A WebSocket handshake by hand through `origin`, resolving with the 101 response and the
 * first frame the instance sent (its sync step 1), so that both the upgrade and frames
 * through the tunnel are seen.
 */
function handshake(origin: string, wsPath: string) {
  const key = crypto.randomBytes(16).toString('base64')
  return new Promise<{ res: http.IncomingMessage; expectedAccept: string; firstByte: number }>(
    (resolve, reject) => {
      const req = http.request(`${origin}${wsPath}`, {
        headers: {
          Connection: 'Upgrade',
          Upgrade: 'websocket',
          'Sec-WebSocket-Key': key,
          'Sec-WebSocket-Version': '13',
        },
      })
      req.on('upgrade', (res, socket, head) => {
        const expectedAccept = crypto
          .createHash('sha1')
          .update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
          .digest('base64')
        const done = (frame: Buffer) => {
          socket.destroy()
          resolve({ res, expectedAccept, firstByte: frame[0] ?? -1 })
        }
        if (head.length > 0) done(head)
        else socket.once('data', done)
      })
      req.on('response', (res) => reject(new Error(`no upgrade: ${res.statusCode}`)))
      req.on('error', reject)
      req.end()
    },
  )
}

const dataDirs: string[] = []
let instances: ChildServer[] = []
let database: Awaited<ReturnType<typeof freshPostgresDatabase>> | undefined
let nginx: NginxProcess
let browser: Browser
let closeBrowser: (() => Promise<void>) | undefined
let findings = emptyFindings()

beforeAll(async () => {
  database = await freshPostgresDatabase()
  const env = {
    SAMLA_DATABASE_URL: database.url,
    SAMLA_REDIS_URL: REDIS_URL,
    // Behind nginx, as deploy/nginx/samla.conf's header says to start them.
    SAMLA_TRUST_PROXY: 'true',
    SAMLA_MAX_CONNECTIONS_PER_ADDRESS: '0',
    // Creation counts live in the machine's Redis, shared with every earlier run this hour.
    SAMLA_CREATE_LIMIT_PER_HOUR: '0',
  }
  // Both at once, as a deployment starts them: the second waits for the first's migrations.
  const started = await Promise.allSettled(
    [0, 1].map(() => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-cluster-'))
      dataDirs.push(dir)
      return startChildServer(dir, { env })
    }),
  )
  instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []))
  const failed = started.find((s) => s.status === 'rejected')
  if (failed) throw failed.reason
  nginx = await startNginx({ upstreams: instances.map((instance) => instance.port) })
  const launched = await launchBrowser()
  browser = launched.browser
  closeBrowser = launched.close
  fs.mkdirSync(screenshotDir, { recursive: true })
})

afterAll(async () => {
  await closeBrowser?.()
  await nginx?.stop()
  for (const instance of instances) await instance.stop()
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true })
  await database?.drop()
})

afterEach(() => {
  const found = findings
  findings = emptyFindings()
  // Nothing leaves the origin through the proxy either, and no asset is missing.
  expect(found).toEqual(emptyFindings())
  expect(nginx.errors()).toEqual([])
})

describe('two instances on one PostgreSQL and Redis, behind deploy/nginx/samla.conf', () => {
  it('answers health through nginx and passes the WebSocket upgrade', async () => {
    const through = await health(nginx.url)
    expect(through.status).toBe(200)
    expect(through.body).toMatchObject({
      status: 'ok',
      database: { kind: 'postgres', state: 'up' },
      redis: 'up',
    })

    const board = await createBoard(nginx.url, 'Handskakning')
    const { res, expectedAccept, firstByte } = await handshake(nginx.url, `/ws/${board.id}`)
    expect(res.statusCode).toBe(101)
    expect(res.headers.upgrade?.toLowerCase()).toBe('websocket')
    expect(res.headers['sec-websocket-accept']).toBe(expectedAccept)
    // FIN and the binary opcode: a y-websocket message came back through the tunnel.
    expect(firstByte).toBe(0x82)
    // That socket is gone again on whichever instance took it.
    await expect.poll(roomsPerInstance).toEqual([0, 0])
  })

  it('relays a note from a provider on one instance to a browser on the other, and back', async () => {
    const board = await createBoard(nginx.url, 'Samling 3 – två instanser')
    // nginx passed the browser's Host, port included, so the link leads back through it.
    expect(board.url).toBe(`${nginx.url}/b/${board.id}`)

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    watchContext(context, () => nginx.url, findings)
    const page = await context.newPage()
    await page.goto(board.url)
    await waitForConnection(page)

    // The board is loaded where the browser's socket landed; the provider goes to the other.
    const rooms = await roomsPerInstance()
    expect([...rooms].sort()).toEqual([0, 1])
    const other = instances[rooms.indexOf(0)] as ChildServer
    const provider = connectBoard(other.url, board.id, null)
    try {
      await provider.synced
      const boardPage = await recordWhere(provider.doc, (r) => r.typeName === 'page')
      const FROM_PROVIDER = 'Skrivet på den andra instansen'
      provider.doc
        .getMap(RECORDS_MAP)
        .set(
          'shape:fromOtherInstance',
          note('shape:fromOtherInstance', boardPage.id, 160, 140, [FROM_PROVIDER], 'light-blue'),
        )
      await page.getByText(FROM_PROVIDER).first().waitFor({ timeout: 15_000 })
      expect(await shapeCount(page)).toBe(1)

      const FROM_BROWSER = 'Skrivet i webbläsaren'
      await writeNote(page, { x: 760, y: 420 }, FROM_BROWSER)
      await recordWhere(
        provider.doc,
        (r) => r.typeName === 'shape' && JSON.stringify(r.props).includes(FROM_BROWSER),
      )
      await expect.poll(() => shapeCount(page)).toBe(2)
      await page.screenshot({ path: path.join(screenshotDir, 'cluster-board-1280.png') })
    } finally {
      provider.provider.destroy()
      provider.doc.destroy()
    }
    await context.close()

    // nginx logged the board's socket once it closed, without its query string (the
    // page's author key), and round-robin sent the page's requests to both instances.
    await expect.poll(() => nginx.accessLog()).toContain(` GET /ws/${board.id} `)
    const log = nginx.accessLog()
    expect(log).not.toContain('?')
    expect(log).not.toContain('author=')
    for (const instance of instances) expect(log).toContain(`127.0.0.1:${instance.port}`)
    await expect.poll(roomsPerInstance).toEqual([0, 0])
  })

  it('keeps every socket of a board on one instance with the optional sticky upstream', async () => {
    const sticky = await startNginx({
      upstreams: instances.map((instance) => instance.port),
      stickySockets: true,
    })
    const clients: ReturnType<typeof connectBoard>[] = []
    try {
      const board = await createBoard(sticky.url, 'En instans per tavla')
      // Six pages, each with its own author key in the query string.
      for (let i = 0; i < 6; i++) clients.push(connectBoard(sticky.url, board.id, null))
      await Promise.all(clients.map((client) => client.synced))
      expect([...(await roomsPerInstance())].sort()).toEqual([0, 1])
      expect(sticky.errors()).toEqual([])
    } finally {
      for (const client of clients) {
        client.provider.destroy()
        client.doc.destroy()
      }
      await sticky.stop()
    }
    await expect.poll(roomsPerInstance).toEqual([0, 0])
  })
})
