import type { ErrorBody, Snapshot } from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inProcessApp } from './inProcessApp.ts'

/**
 * Every path parameter of the API is validated before its handler runs: a prototype key, or
 * any other malformed value, gets a clear JSON 4xx, never a 500.
 */
const PROTOTYPE_KEYS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']

/** What a malformed value of each parameter is answered with. */
const REFUSAL: Record<string, { status: number; code: string }> = {
  'boards:id': { status: 400, code: 'invalid_board_id' },
  'meetings:id': { status: 400, code: 'invalid_meeting_id' },
  sid: { status: 400, code: 'invalid_snapshot_id' },
  pageId: { status: 400, code: 'invalid_page_id' },
  format: { status: 404, code: 'unknown_format' },
  role: { status: 400, code: 'invalid_role' },
  token: { status: 404, code: 'not_published' },
  code: { status: 404, code: 'join_code_not_found' },
  'processes:id': { status: 400, code: 'invalid_process_id' },
  cid: { status: 404, code: 'crossing_not_found' },
  ideaId: { status: 404, code: 'idea_not_found' },
  itemId: { status: 404, code: 'blue_item_not_found' },
  handslagId: { status: 404, code: 'handslag_not_found' },
  organisationId: { status: 404, code: 'organisation_not_found' },
  'handslag:id': { status: 400, code: 'invalid_handslag_id' },
  shapeId: { status: 400, code: 'invalid_shape' },
}

let fixture: Awaited<ReturnType<typeof inProcessApp>>
beforeEach(async () => {
  fixture = await inProcessApp()
})
afterEach(() => fixture.dispose())

/** A meeting with a snapshot and a publication: a valid value for every parameter. */
async function validValues() {
  const m = await fixture.createMeeting()
  const auth = { authorization: `Bearer ${m.token('facilitator')}` }
  const api = (path: string, method: string) =>
    fixture.app.request(`/api/meetings/${m.meeting.id}${path}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      body: method === 'POST' ? '{}' : undefined,
    })
  const snapshot = (await (await api('/snapshots', 'POST')).json()) as Snapshot
  const { url } = (await (await api('/publication', 'PUT')).json()) as { url: string }
  return {
    auth,
    values: {
      'boards:id': m.meeting.boardId,
      'meetings:id': m.meeting.id,
      sid: snapshot.id,
      pageId: 'page:one',
      format: 'md',
      role: 'participant',
      token: url.split('/d/')[1] ?? '',
      code: m.meeting.joinCode ?? '',
      'processes:id': 'A'.repeat(22),
      cid: 'A'.repeat(22),
      ideaId: 'A'.repeat(22),
      itemId: 'A'.repeat(22),
      handslagId: 'A'.repeat(22),
      organisationId: 'A'.repeat(22),
      'handslag:id': 'A'.repeat(22),
      shapeId: 'shape:one',
    } as Record<string, string>,
  }
}

/** The parametrised API routes, each once, with the names of their parameters. */
const parametrisedRoutes = () =>
  [
    ...new Set(
      fixture.app.routes
        .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && r.path.includes(':'))
        .map((r) => `${r.method} ${r.path}`),
    ),
  ].map((route) => {
    const [method = '', path = ''] = route.split(' ')
    const resource = path.split('/')[2]
    const key = (name: string) => (name === 'id' ? `${resource}:id` : name)
    const names = [...path.matchAll(/:(\w+)/g)].map((m) => key(m[1] ?? ''))
    const fill = (values: Record<string, string>) =>
      path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[key(name)] ?? ''))
    return { method, path, names, fill }
  })

describe('route parameters', () => {
  it('answers prototype keys in every parameter of every route with a clear 4xx', async () => {
    const { auth, values } = await validValues()
    const routes = parametrisedRoutes()
    expect(routes.length).toBeGreaterThan(20)
    for (const route of routes) {
      for (const name of route.names) {
        for (const bad of PROTOTYPE_KEYS) {
          const res = await fixture.app.request(route.fill({ ...values, [name]: bad }), {
            method: route.method,
            headers: { ...auth, 'content-type': 'application/json' },
            body: ['GET', 'DELETE'].includes(route.method) ? undefined : '{}',
          })
          const body = (await res.json()) as ErrorBody
          expect({
            route: route.path,
            name,
            bad,
            status: res.status,
            code: body.error.code,
          }).toEqual({ route: route.path, name, bad, ...REFUSAL[name] })
        }
      }
    }
  })

  it('exports answer an unknown format with 404 unknown_format, also on the public link', async () => {
    const { auth, values } = await validValues()
    for (const format of ['constructor', 'toString', '__proto__', 'pdf']) {
      const own = await fixture.app.request(
        `/api/meetings/${values['meetings:id']}/export/${format}`,
        { headers: auth },
      )
      const published = await fixture.app.request(`/api/published/${values.token}/export/${format}`)
      for (const res of [own, published]) {
        expect(res.status).toBe(404)
        expect(((await res.json()) as ErrorBody).error.code).toBe('unknown_format')
      }
    }
    const md = await fixture.app.request(`/api/published/${values.token}/export/md?lang=en`)
    expect(md.status).toBe(200)
  })
})
