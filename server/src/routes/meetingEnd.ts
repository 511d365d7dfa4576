import { Hono } from 'hono'
import type { MeetingAccess } from '../access/meetingAccess.ts'
import { endMeeting, type MeetingEndDeps, reopenMeeting } from '../meetings/end.ts'

/**
 * Ending a meeting ("Avsluta samlingen") and reopening it, the facilitator's. A sub-app of its
 * own: it needs the rooms and the snapshots, which the meeting's other routes do not.
 */
export function meetingEndRoutes(deps: MeetingEndDeps & { access: MeetingAccess }) {
  const facilitator = deps.access.requireRole('facilitator')
  return new Hono()
    .post('/meetings/:id/end', facilitator, async (c) =>
      c.json(await endMeeting(deps, c.var.meeting)),
    )
    .post('/meetings/:id/reopen', facilitator, async (c) =>
      c.json(await reopenMeeting(deps, c.var.meeting)),
    )
}
