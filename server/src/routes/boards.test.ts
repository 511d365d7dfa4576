import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BOARD_ID_PATTERN, type Board, type ClientConfig, type ErrorBody } from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../app.ts'
import { loadConfig } from '../config.ts'
import { createLogger } from '../logger.ts'
import { RoomManager } from '../rooms/RoomManager.ts'
import { openSqliteStore } from '../storage/sqlite/store.ts'
import type { SamlaStore } from '../storage/store.ts'
import type { Storage } from '../storage/types.ts'

let dir: string
let store: SamlaStore
let storage: Storage

function app(env: Record<string, string> = {}) {
  const config = loadConfig({ SAMLA_DATA_DIR: dir, LOG_LEVEL: 'silent', ...env })
  const logger = createLogger('silent')
  const rooms = new RoomManager(
    storage,
    { compactAfterUpdates: 500, presenceBudget: 450, logger },
    logger,
  )
  return createApp({ config, store, rooms, logger })
}
const boardOf = async (res: Response) => (await res.json()) as Board
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error
const post = (body: string, env?: Record<string, string>) =>
  app(env).request('/api/boards', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  })

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-routes-'))
  store = openSqliteStore({ file: path.join(dir, 'samla.sqlite') })
  storage = store.documents
})
afterEach(async () => {
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('POST /api/boards', () => {
  it('creates a board with a 128-bit id, a join URL and a relay path', async () => {
    const res = await post(JSON.stringify({ title: 'Samling 2 – digital' }))
    expect(res.status).toBe(201)
    const board = await boardOf(res)
    expect(board.id).toMatch(BOARD_ID_PATTERN)
    expect(board.title).toBe('Samling 2 – digital')
    expect(board.url).toBe(`http://localhost/b/${board.id}`)
    expect(board.wsPath).toBe(`/ws/${board.id}`)
    expect(await storage.getBoard(board.id)).not.toBeNull()
  })

  it('accepts an empty body and never repeats an id', async () => {
    const untitled = await post('')
    expect(untitled.status).toBe(201)
    const board = await boardOf(untitled)
    expect(board).toMatchObject({ title: '', wsPath: `/ws/${board.id}` })
    expect(board.id).toMatch(BOARD_ID_PATTERN)
    expect(board.url).toMatch(new RegExp(`/b/${board.id}$`))
    const ids = new Set<string>()
    for (let i = 0; i < 100; i++) ids.add((await boardOf(await post(''))).id)
    expect(ids.size).toBe(100)
  })

  it('uses SAMLA_PUBLIC_URL for join links', async () => {
    const board = await boardOf(await post('{}', { SAMLA_PUBLIC_URL: 'https://samla.example.se/' }))
    expect(board.url).toBe(`https://samla.example.se/b/${board.id}`)
  })

  it.each([
    ['invalid JSON', '{"title":', 400, 'invalid_json'],
    ['a title of the wrong type', '{"title":5}', 400, 'invalid_body'],
    ['an unknown field', '{"title":"x","admin":true}', 400, 'invalid_body'],
    [
      'a title over 200 characters',
      JSON.stringify({ title: 'x'.repeat(201) }),
      400,
      'invalid_body',
    ],
  ])('refuses %s with a clear JSON error', async (_what, body, status, code) => {
    const res = await post(body)
    expect(res.status).toBe(status)
    const error = await errorOf(res)
    expect(error.code).toBe(code)
    expect(error.message).toEqual(expect.any(String))
    if (code === 'invalid_body') expect(error.issues?.length).toBeGreaterThan(0)
  })

  it('refuses a body over the limit with 413 and stores nothing', async () => {
    const res = await post(JSON.stringify({ title: 'x'.repeat(5000) }), {
      SAMLA_MAX_JSON_BODY_BYTES: '1024',
    })
    expect(res.status).toBe(413)
    expect((await errorOf(res)).code).toBe('payload_too_large')
  })
})

describe('GET /api/boards/:id', () => {
  it('returns a board, 404 for an unknown id and 400 for an invalid one', async () => {
    const created = await boardOf(await post('{"title":"Lära"}'))
    const found = await app().request(`/api/boards/${created.id}`)
    expect(found.status).toBe(200)
    expect(await boardOf(found)).toEqual(created)

    const missing = await app().request(`/api/boards/${'A'.repeat(22)}`)
    expect(missing.status).toBe(404)
    expect((await errorOf(missing)).code).toBe('board_not_found')

    const invalid = await app().request('/api/boards/not-a-board')
    expect(invalid.status).toBe(400)
    expect((await errorOf(invalid)).code).toBe('invalid_board_id')
  })
})

describe('health, config and headers', () => {
  it('answers health and hands out the tldraw license key at run time', async () => {
    expect(await (await app().request('/api/health')).json()).toMatchObject({
      status: 'ok',
      rooms: 0,
    })
    const none = await app().request('/api/config')
    expect(((await none.json()) as ClientConfig).tldrawLicenseKey).toBeNull()
    expect(none.headers.get('cache-control')).toBe('no-store')
    const keyed = await app({ TLDRAW_LICENSE_KEY: 'tldraw-test-key' }).request('/api/config')
    expect(((await keyed.json()) as ClientConfig).tldrawLicenseKey).toBe('tldraw-test-key')
  })

  it('answers unknown API paths with JSON 404 and sends a same-origin CSP everywhere', async () => {
    const res = await app().request('/api/nothing-here')
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('not_found')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/https?:\/\//)
  })

  it.each([
    ['GET', '/api/health', undefined],
    ['GET', '/api/config', undefined],
    ['POST', '/api/boards', '{}'],
    ['POST', '/api/boards', '{"title":'],
    ['GET', '/api/boards/not-a-board', undefined],
    ['GET', '/b/some-board', undefined],
  ])('sends the CSP on %s %s', async (method, url, body) => {
    const res = await app().request(url, { method, body })
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
  })
})
