import {
  createMeetingRequest,
  JOIN_PATH,
  type JoinInfo,
  type JoinResult,
  type Meeting,
  updateJoinCodeRequest,
  updateMeetingRequest,
} from '@samla/shared'
import { type Context, Hono, type MiddlewareHandler } from 'hono'
import { MEETING_ROLES, type MeetingAccess } from '../access/meetingAccess.ts'
import { ApiError } from '../http/errors.ts'
import { readJson } from '../http/json.ts'
import { joinCodeParam, params, roleParam } from '../http/params.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import type { MeetingRepository } from '../storage/repositories.ts'
import { link, meetingLinks, phoneLink } from './links.ts'

export interface MeetingRouteDeps {
  store: MeetingRepository
  rooms: RoomManager
  access: MeetingAccess
  publicUrl: string | undefined
  /** Per-address limit on creating meetings (http/rateLimit.ts). */
  createLimit: MiddlewareHandler
  /** Per-address limit on join-code guesses. */
  joinLimit: MiddlewareHandler
  /** Erases a meeting everywhere (process/service.ts). */
  eraseMeeting: (meeting: Meeting) => Promise<void>
}

export function meetingRoutes({
  store,
  rooms,
  access,
  publicUrl,
  createLimit,
  joinLimit,
  eraseMeeting,
}: MeetingRouteDeps) {
  const origin = (c: Context) => publicUrl ?? new URL(c.req.url).origin
  /** Only the facilitator's link may change a meeting. */
  const facilitator = access.requireRole('facilitator')

  return (
    new Hono()
      .post('/meetings', createLimit, async (c) => {
        const body = await readJson(c, createMeetingRequest)
        const { meeting, tokens } = await store.create(body)
        return c.json({ meeting, links: meetingLinks(origin(c), meeting, tokens) }, 201)
      })
      .get('/meetings/:id', facilitator, (c) => c.json(c.var.meeting))
      .patch('/meetings/:id', facilitator, async (c) => {
        const meeting = c.var.meeting
        const changes = await readJson(c, updateMeetingRequest)
        return c.json(await store.update(meeting.id, changes))
      })
      .delete('/meetings/:id', facilitator, async (c) => {
        const meeting = c.var.meeting
        // Everyone on the board is told it is gone, then the board and all of it is erased,
        // with what it sent to or answered on other boards of its process.
        await eraseMeeting(meeting)
        return c.body(null, 204)
      })
      .get('/meetings/:id/join-info', access.requireRole(...MEETING_ROLES), async (c) => {
        const meeting = c.var.meeting
        const participant = await store.participantToken(meeting.id)
        return c.json({
          joinCode: meeting.joinCode,
          joinUrl: `${origin(c)}${JOIN_PATH}`,
          phoneLink: phoneLink(origin(c), meeting.boardId, participant),
        } satisfies JoinInfo)
      })
      .post(
        '/meetings/:id/links/:role/rotate',
        facilitator,
        params({ role: roleParam }),
        async (c) => {
          const meeting = c.var.meeting
          const { role } = c.req.valid('param')
          const { token, revokedHashes } = await store.rotate(meeting.id, role)
          // Cut off whoever is connected with an old link, on every instance, not only
          // future connections.
          await rooms.revoke(meeting.boardId, revokedHashes)
          return c.json({ role, link: link(origin(c), meeting.boardId, token) })
        },
      )
      .put('/meetings/:id/join-code', facilitator, async (c) => {
        const meeting = c.var.meeting
        const { enabled } = await readJson(c, updateJoinCodeRequest)
        return c.json(await store.setJoinCode(meeting.id, enabled))
      })
      // Every guess counts, well-formed or not: the limit comes before the code is looked at.
      .get('/join/:code', joinLimit, params({ code: joinCodeParam }), async (c) => {
        const found = await store.participantByJoinCode(c.req.valid('param').code)
        if (!found) throw new ApiError(404, 'join_code_not_found', 'No meeting with that code')
        return c.json({
          title: found.meeting.title,
          link: link(origin(c), found.meeting.boardId, found.token),
          phoneLink: phoneLink(origin(c), found.meeting.boardId, found.token),
        } satisfies JoinResult)
      })
  )
}
