import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ErrorBody } from '@samla/shared'
import { Hono } from 'hono'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createErrorHandler } from '../http/errors.ts'
import { createLogger } from '../logger.ts'
import type { MeetingRepository } from '../storage/repositories.ts'
import { openSqliteStore } from '../storage/sqlite/store.ts'
import type { SamlaStore } from '../storage/store.ts'
import { createMeetingAccess, MEETING_ROLES } from './meetingAccess.ts'

let dir: string
let opened: SamlaStore
let store: MeetingRepository

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-access-'))
  opened = openSqliteStore({ file: path.join(dir, 'samla.sqlite') })
  store = opened.meetings
})
afterEach(async () => {
  await opened.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** The gate of app.ts, and behind it a route with its own check and one that forgot it. */
function appWithGate() {
  const access = createMeetingAccess(store)
  const app = new Hono()
  app.use('/meetings/:id/*', access.requireRole(...MEETING_ROLES))
  app.get('/meetings/:id/facilitated', access.requireRole('facilitator'), (c) =>
    c.json({ meeting: c.get('meeting').id, role: c.get('role') }),
  )
  app.get('/meetings/:id/forgotten', (c) => c.text('reached'))
  app.onError(createErrorHandler(createLogger('silent')))
  return app
}

const created = () =>
  store.create({ title: 'Samling', group: 'kraftsamling', date: '2026-02-13', format: 'digital' })
const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error

describe('meeting access', () => {
  it('resolves the link once per request, however many role checks run', async () => {
    const { meeting, tokens } = await created()
    const roleOf = vi.spyOn(store, 'roleOf')
    const res = await appWithGate().request(
      `/meetings/${meeting.id}/facilitated`,
      as(tokens.facilitator),
    )
    expect(await res.json()).toEqual({ meeting: meeting.id, role: 'facilitator' })
    expect(roleOf).toHaveBeenCalledTimes(1)
  })

  it('a route that forgot its own check still needs one of the meeting’s links', async () => {
    const { meeting, tokens } = await created()
    const app = appWithGate()
    const forgotten = `/meetings/${meeting.id}/forgotten`
    expect((await app.request(forgotten)).status).toBe(401)
    expect((await app.request(forgotten, as('B'.repeat(22)))).status).toBe(401)
    expect((await app.request(forgotten, as(tokens.projector))).status).toBe(200)
  })

  it('answers "no such meeting" and "wrong token" alike, a malformed id with 400', async () => {
    const { meeting, tokens } = await created()
    const other = await created()
    const app = appWithGate()
    const url = (id: string) => `/meetings/${id}/facilitated`
    const refusals = await Promise.all([
      app.request(url(meeting.id), as(other.tokens.facilitator)),
      app.request(url('A'.repeat(22)), as(tokens.facilitator)),
      app.request(url(meeting.id)),
    ])
    const bodies = await Promise.all(refusals.map(async (r) => [r.status, await r.json()]))
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1)
    expect(bodies[0]?.[0]).toBe(401)
    // A link of the meeting, but not the role the route needs: 401 as well.
    const participant = await app.request(url(meeting.id), as(tokens.participant))
    expect(participant.status).toBe(401)
    expect((await errorOf(participant)).code).toBe('unauthorized')

    const malformed = await app.request(url('constructor'), as(tokens.facilitator))
    expect(malformed.status).toBe(400)
    expect((await errorOf(malformed)).code).toBe('invalid_meeting_id')
  })

  it('never looks up a token of the wrong shape', async () => {
    const { meeting } = await created()
    const roleOf = vi.spyOn(store, 'roleOf')
    const res = await appWithGate().request(
      `/meetings/${meeting.id}/facilitated`,
      as('x'.repeat(5000)),
    )
    expect(res.status).toBe(401)
    expect(roleOf).not.toHaveBeenCalled()
  })
})
