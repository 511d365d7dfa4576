import type { ErrorBody, MeetingRole } from '@samla/shared'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { inProcessApp } from './inProcessApp.ts'

/**
 * Who may call what under /api/meetings/:id. Every route the app serves there must be in
 * this table, so that a new route is a decision about its roles, not an accident.
 */
const ALL: MeetingRole[] = ['facilitator', 'participant', 'projector']
const FACILITATOR: MeetingRole[] = ['facilitator']
const ROLES: Record<string, MeetingRole[]> = {
  'GET /api/meetings/:id': FACILITATOR,
  'PATCH /api/meetings/:id': FACILITATOR,
  'DELETE /api/meetings/:id': FACILITATOR,
  'GET /api/meetings/:id/join-info': ALL,
  'POST /api/meetings/:id/links/:role/rotate': FACILITATOR,
  'PUT /api/meetings/:id/join-code': FACILITATOR,
  'POST /api/meetings/:id/end': FACILITATOR,
  'POST /api/meetings/:id/reopen': FACILITATOR,
  'POST /api/meetings/:id/voters': ['facilitator', 'participant'],
  'GET /api/meetings/:id/votes': ALL,
  'POST /api/meetings/:id/votes': ['facilitator', 'participant'],
  'DELETE /api/meetings/:id/votes': ['facilitator', 'participant'],
  'GET /api/meetings/:id/snapshots': FACILITATOR,
  'POST /api/meetings/:id/snapshots': FACILITATOR,
  'GET /api/meetings/:id/snapshots/:sid': FACILITATOR,
  'GET /api/meetings/:id/snapshots/:sid/state': FACILITATOR,
  'GET /api/meetings/:id/snapshots/:sid/compare': FACILITATOR,
  'POST /api/meetings/:id/snapshots/:sid/restore': FACILITATOR,
  'PUT /api/meetings/:id/snapshots/:sid/images/:pageId': FACILITATOR,
  'GET /api/meetings/:id/images/:sid/:pageId': FACILITATOR,
  'GET /api/meetings/:id/documentation': FACILITATOR,
  'GET /api/meetings/:id/export/:format': FACILITATOR,
  'PUT /api/meetings/:id/publication': FACILITATOR,
  'DELETE /api/meetings/:id/publication': FACILITATOR,
  // Sending notes across is the sending meeting's facilitator's; answering the receiving
  // meeting's (participants too once allowed, checked by the route); the youth feedback page
  // is for anyone holding one of the group's links.
  'GET /api/meetings/:id/partners': FACILITATOR,
  'POST /api/meetings/:id/crossings': FACILITATOR,
  'PUT /api/meetings/:id/crossings/:cid/answer': ['facilitator', 'participant'],
  'GET /api/meetings/:id/feedback': ALL,
  // Making an idea of notes is the facilitator's (or the process link's).
  'POST /api/meetings/:id/ideas': FACILITATOR,
  'GET /api/meetings/:id/ideas': FACILITATOR,
  'POST /api/meetings/:id/idea-votes': FACILITATOR,
  // So is putting notes on the process's Blå listan.
  'POST /api/meetings/:id/blue-list': FACILITATOR,
  // Who took part: a participant's browser says so (the organisers are not counted), and
  // sees what others in the process typed; the count and the record's texts are the
  // facilitator's.
  'POST /api/meetings/:id/attendance': ['participant'],
  'GET /api/meetings/:id/organisations': ['participant'],
  'GET /api/meetings/:id/attendance': FACILITATOR,
  'GET /api/meetings/:id/record-texts': FACILITATOR,
  'PUT /api/meetings/:id/record-texts': FACILITATOR,
  // "Skriv enskilt": the facilitator starts and reveals it; whoever writes keeps their own
  // texts (under their voter credential); the projector writes nothing.
  'POST /api/meetings/:id/private-writing': FACILITATOR,
  'POST /api/meetings/:id/private-writing/reveal': FACILITATOR,
  'GET /api/meetings/:id/private-notes': ['facilitator', 'participant'],
  'PUT /api/meetings/:id/private-notes/:shapeId': ['facilitator', 'participant'],
  'DELETE /api/meetings/:id/private-notes/:shapeId': ['facilitator', 'participant'],
}

let fixture: Awaited<ReturnType<typeof inProcessApp>>
beforeEach(async () => {
  fixture = await inProcessApp()
})
afterEach(() => fixture.dispose())

/** Every method and path the app routes under a meeting (handlers, not the gate). */
const meetingRoutes = () => [
  ...new Set(
    fixture.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/meetings/:id'))
      .map((r) => `${r.method} ${r.path}`),
  ),
]

const sample: Record<string, string> = {
  sid: 'A'.repeat(22),
  pageId: 'page:one',
  format: 'md',
  role: 'projector',
  cid: 'A'.repeat(22),
  shapeId: 'shape:one',
}

describe('access to meeting routes', () => {
  it('lists every route under /api/meetings/:id with its roles', () => {
    expect(meetingRoutes().sort()).toEqual(Object.keys(ROLES).sort())
  })

  it.each(Object.entries(ROLES))('%s: only %j, everyone else 401', async (route, allowed) => {
    const [method = '', pattern = ''] = route.split(' ')
    const m = await fixture.createMeeting()
    const url = pattern.replace(/:(\w+)/g, (_, name: string) =>
      name === 'id' ? m.meeting.id : (sample[name] ?? ''),
    )
    const call = (role: MeetingRole | null) =>
      fixture.app.request(url, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(role ? { authorization: `Bearer ${m.token(role)}` } : {}),
        },
        body: ['GET', 'DELETE'].includes(method) ? undefined : '{}',
      })
    // Refusals first: an allowed call may change the meeting (rotate, delete).
    for (const role of [null, ...ALL.filter((r) => !allowed.includes(r))]) {
      const res = await call(role)
      expect({ role, status: res.status }).toEqual({ role, status: 401 })
      expect(((await res.json()) as ErrorBody).error.code).toBe('unauthorized')
    }
    // Past the role check a route may still refuse (a vote without its voter credential is
    // 401 invalid_voter), but not with the role check's own refusal.
    for (const role of allowed) {
      const res = await call(role)
      const code = res.status === 401 ? ((await res.json()) as ErrorBody).error.code : null
      expect({ role, passed: code !== 'unauthorized' && res.status < 500 }).toEqual({
        role,
        passed: true,
      })
    }
  })
})
