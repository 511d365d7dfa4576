import {
  ControlKey,
  type CreatedMeeting,
  type DocumentationView,
  type Snapshot,
  type SnapshotComparison,
  type SnapshotSummary,
} from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { frame, page, textNote } from './fixtures/records.ts'
import { startTestServer, storedDoc, type TestServer, waitForDoc } from './helpers.ts'
import { allRows } from './tableRows.ts'

/**
 * Snapshots and the documentation made from them, over the real server: a facilitator's
 * stock provider writes the board, the HTTP API takes, lists, exports and publishes.
 */
let server: TestServer
const cleanups: Array<() => void> = []
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server.dispose()
})

const note = (id: string, parentId: string, text: string, y = 0) =>
  textNote(id, parentId, text, 0, y)

async function meetingWithBoard() {
  const res = await fetch(`${server.url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Samling 2 – digital',
      group: 'kraftsamling',
      date: '2026-02-13',
      format: 'digital',
    }),
  })
  const created = (await res.json()) as CreatedMeeting
  const token = (role: keyof CreatedMeeting['links']) =>
    new URL(created.links[role]).hash.replace('#k=', '')
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(
    `${server.url.replace(/^http/, 'ws')}/ws`,
    created.meeting.boardId,
    doc,
    {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token: token('facilitator') },
    },
  )
  cleanups.push(() => {
    provider.destroy()
    doc.destroy()
  })
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()))
  const records = doc.getMap<unknown>('records')
  const controls = doc.getMap<unknown>('meeting')
  doc.transact(() => {
    records.set('page:one', page('page:one', 'Öppna upp', 'a1'))
    records.set('page:two', page('page:two', 'Lära', 'a2'))
    records.set(
      'shape:q',
      frame('shape:q', 'page:two', 'Vad kan du göra redan i morgon?', 0, 0, 'prompt'),
    )
    records.set('shape:a', note('shape:a', 'shape:q', 'Sprida kunskapen i mina nätverk'))
    controls.set(ControlKey.templatesVersion, 1)
    controls.set(ControlKey.currentPhase, 'page:one')
  })
  const api = (
    path: string,
    init: RequestInit = {},
    role: keyof CreatedMeeting['links'] = 'facilitator',
  ) =>
    fetch(`${server.url}/api/meetings/${created.meeting.id}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token(role)}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    })
  return { ...created, token, doc, records, controls, api }
}

/** A structurally whole 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

describe('snapshots', () => {
  it('the server takes one at every phase change, of the phase that ended, labelled with the phases it lies between', async () => {
    const m = await meetingWithBoard()
    m.controls.set(ControlKey.currentPhase, 'page:two')
    const list = await vi.waitFor(async () => {
      const found = (await (await m.api('/snapshots')).json()) as SnapshotSummary[]
      if (found.length === 0) throw new Error('no snapshot yet')
      return found
    })
    expect(list).toMatchObject([
      { reason: 'phase-change', pageId: 'page:one', label: 'Öppna upp → Lära' },
    ])
  })

  it('a manual snapshot keeps the board as it was; later edits do not change it', async () => {
    const m = await meetingWithBoard()
    const res = await m.api('/snapshots', {
      method: 'POST',
      body: JSON.stringify({ label: 'Efter gruppdiskussion' }),
    })
    expect(res.status).toBe(201)
    const taken = (await res.json()) as Snapshot
    expect(taken).toMatchObject({
      label: 'Efter gruppdiskussion',
      reason: 'manual',
      pageId: 'page:one',
    })

    m.records.set('shape:a', note('shape:a', 'shape:q', 'Ändrad efteråt'))
    m.records.set('shape:b', note('shape:b', 'shape:q', 'Ny lapp', 300))
    await waitForDoc(m.doc, () => m.records.has('shape:b'))
    await vi.waitFor(async () =>
      expect((await storedDoc(server, m.meeting.boardId)).getMap('records').has('shape:b')).toBe(
        true,
      ),
    )

    const again = (await (await m.api(`/snapshots/${taken.id}`)).json()) as Snapshot
    expect(again.content.phases[1]?.frames[0]?.notes.map((n) => n.text)).toEqual([
      'Sprida kunskapen i mina nätverk',
    ])
    // Compared with the board now: one note added, one changed.
    const diff = (await (
      await m.api(`/snapshots/${taken.id}/compare`)
    ).json()) as SnapshotComparison
    expect(diff.added.map((n) => n.note.text)).toEqual(['Ny lapp'])
    expect(diff.removed).toEqual([])
    expect(diff.changed.map((c) => [c.before.note.text, c.after.note.text])).toEqual([
      ['Sprida kunskapen i mina nätverk', 'Ändrad efteråt'],
    ])
    // Its Yjs state, too, is the board before the edits.
    const state = new Uint8Array(await (await m.api(`/snapshots/${taken.id}/state`)).arrayBuffer())
    const old = new Y.Doc()
    Y.applyUpdate(old, state)
    expect(old.getMap('records').has('shape:b')).toBe(false)
    // Only the facilitator may take or read them.
    expect((await m.api('/snapshots', { method: 'POST', body: '{}' }, 'participant')).status).toBe(
      401,
    )
  })

  it('takes a picture per phase once, refuses bad or oversized pictures, and serves them inert', async () => {
    const m = await meetingWithBoard()
    const { id } = (await (
      await m.api('/snapshots', { method: 'POST', body: '{}' })
    ).json()) as Snapshot
    const put = (
      body: string | Buffer,
      type: string,
      page = 'page:two',
      role: 'facilitator' | 'participant' = 'facilitator',
    ) =>
      m.api(
        `/snapshots/${id}/images/${page}`,
        { method: 'PUT', body, headers: { 'content-type': type } },
        role,
      )
    expect((await put(PNG, 'image/png', 'page:two', 'participant')).status).toBe(401)
    expect((await put(PNG, 'image/png', 'page:nope')).status).toBe(404)
    expect((await put('<svg', 'image/svg+xml')).status).toBe(400)
    expect((await put(PNG, 'image/gif')).status).toBe(415)
    expect((await put(Buffer.alloc(9 * 1024 * 1024), 'image/png')).status).toBe(413)
    expect((await put(PNG, 'image/png')).status).toBe(201)
    expect((await put(PNG, 'image/png')).status).toBe(409)
    const svg = await put(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="1" height="1"/></svg>',
      'image/svg+xml',
      'page:one',
    )
    expect(svg.status).toBe(201)

    const listed = (await (await m.api('/snapshots')).json()) as SnapshotSummary[]
    expect(listed[0]?.images.sort()).toEqual(['page:one', 'page:two'])
    const view = (await (await m.api('/documentation')).json()) as DocumentationView
    const paths = Object.fromEntries(view.images.map((i) => [i.pageId, i.path]))
    const image = await m.api(paths['page:one']?.replace(`/api/meetings/${m.meeting.id}`, '') ?? '')
    expect(image.headers.get('content-type')).toBe('image/svg+xml')
    expect(image.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(image.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await image.text()).not.toContain('script')
  })

  it('restores a snapshot as a new board without touching the live one', async () => {
    const m = await meetingWithBoard()
    const { id } = (await (
      await m.api('/snapshots', { method: 'POST', body: '{}' })
    ).json()) as Snapshot
    m.records.delete('shape:a')
    const res = await m.api(`/snapshots/${id}/restore`, { method: 'POST' })
    expect(res.status).toBe(201)
    const board = (await res.json()) as { id: string; url: string }
    expect(board.id).not.toBe(m.meeting.boardId)
    expect((await storedDoc(server, board.id)).getMap('records').has('shape:a')).toBe(true)
    await vi.waitFor(async () =>
      expect((await storedDoc(server, m.meeting.boardId)).getMap('records').has('shape:a')).toBe(
        false,
      ),
    )
  })
})

describe('documentation', () => {
  it('exports in four formats named after the meeting, and publishes a revocable public link', async () => {
    const m = await meetingWithBoard()
    await m.api('/snapshots', { method: 'POST', body: JSON.stringify({ reason: 'end' }) })
    const md = await m.api('/export/md')
    expect(md.headers.get('content-disposition')).toBe(
      'attachment; filename="samling-2-digital-2026-02-13.md"',
    )
    expect(await md.text()).toContain(
      '### Vad kan du göra redan i morgon?\n\n- Sprida kunskapen i mina nätverk',
    )
    for (const format of ['html', 'csv', 'json'])
      expect(await (await m.api(`/export/${format}?lang=en`)).text()).toContain(
        'Sprida kunskapen i mina nätverk',
      )
    expect((await m.api('/export/pdf')).status).toBe(404)
    expect((await m.api('/export/md?lang=de')).status).toBe(400)
    expect((await m.api('/export/md', {}, 'participant')).status).toBe(401)

    const { url } = (await (await m.api('/publication', { method: 'PUT' })).json()) as {
      url: string
    }
    const token = url.split('/d/')[1]
    expect(url).toBe(`${server.url}/d/${token}`)
    const publicView = await fetch(`${server.url}/api/published/${token}/documentation`)
    const view = (await publicView.json()) as DocumentationView
    expect(view.publishedUrl).toBeNull()
    expect(view.content.phases.map((p) => p.name)).toEqual(['Öppna upp', 'Lära'])
    expect((await fetch(`${server.url}${view.exports.csv}`)).status).toBe(200)

    expect((await m.api('/publication', { method: 'DELETE' })).status).toBe(204)
    expect((await fetch(`${server.url}/api/published/${token}/documentation`)).status).toBe(404)
    expect((await fetch(`${server.url}${view.exports.csv}`)).status).toBe(404)
  })

  it('deleting the meeting erases its snapshots, pictures and publication with it', async () => {
    const m = await meetingWithBoard()
    const { id } = (await (
      await m.api('/snapshots', { method: 'POST', body: '{}' })
    ).json()) as Snapshot
    await m.api(`/snapshots/${id}/images/page:two`, {
      method: 'PUT',
      body: PNG,
      headers: { 'content-type': 'image/png' },
    })
    const { url } = (await (await m.api('/publication', { method: 'PUT' })).json()) as {
      url: string
    }
    const token = url.split('/d/')[1] ?? ''
    expect((await m.api('', { method: 'DELETE' })).status).toBe(204)

    const rows = await allRows(server.config)
    for (const table of [
      'snapshots',
      'snapshot_images',
      'votes',
      'vote_rounds',
      'capabilities',
      'meetings',
      'boards',
      'document_states',
      'document_updates',
    ]) {
      const mentions = (rows[table] ?? []).filter((row) =>
        Object.values(row).some((v) =>
          [m.meeting.id, m.meeting.boardId, id, token].some((needle) => String(v).includes(needle)),
        ),
      )
      expect({ table, mentions }).toEqual({ table, mentions: [] })
    }
    expect(rows.snapshot_images).toEqual([])
    expect((await fetch(`${server.url}/api/published/${token}/documentation`)).status).toBe(404)
  })
})
