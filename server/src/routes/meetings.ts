import { getConnInfo } from '@hono/node-server/conninfo'
import {
  BOARD_PATH_PREFIX,
  CloseCode,
  createMeetingRequest,
  JOIN_CODE_PATTERN,
  JOIN_PATH,
  type JoinInfo,
  type JoinResult,
  type MeetingLinks,
  type MeetingRole,
  meetingRole,
  PHONE_PATH_PREFIX,
  updateJoinCodeRequest,
  updateMeetingRequest,
} from '@samla/shared'
import { type Context, Hono } from 'hono'
import { AttemptLimiter } from '../http/attemptLimiter.ts'
import { ApiError } from '../http/errors.ts'
import { readJson } from '../http/json.ts'
import { requireMeetingRole } from '../meetings/auth.ts'
import type { MeetingStore } from '../meetings/store.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'

/** The token travels in the link's fragment, which browsers never send to any server. */
const link = (origin: string, boardId: string, token: string) =>
  `${origin}${BOARD_PATH_PREFIX}${boardId}#k=${token}`
const phoneLink = (origin: string, boardId: string, token: string) =>
  `${origin}${PHONE_PATH_PREFIX}${boardId}#k=${token}`

/** 20 join-code guesses a minute per address: plenty for a phone, useless for enumerating 31⁶ codes. */
const JOIN_ATTEMPTS_PER_MINUTE = 20

export function meetingRoutes(
  store: MeetingStore,
  rooms: RoomManager,
  publicUrl: string | undefined,
) {
  const joinAttempts = new AttemptLimiter(JOIN_ATTEMPTS_PER_MINUTE, 60_000)
  const origin = (c: Context) => publicUrl ?? new URL(c.req.url).origin

  const requireRole = (c: Context, allowed: readonly MeetingRole[]) =>
    requireMeetingRole(store, c, allowed)
  /** Only the facilitator's link may change a meeting. */
  const requireFacilitator = (c: Context) => requireRole(c, ['facilitator']).meeting

  return new Hono()
    .post('/meetings', async (c) => {
      const body = await readJson(c, createMeetingRequest)
      const { meeting, tokens } = store.create(body)
      const links: MeetingLinks = {
        facilitator: link(origin(c), meeting.boardId, tokens.facilitator),
        participant: link(origin(c), meeting.boardId, tokens.participant),
        projector: link(origin(c), meeting.boardId, tokens.projector),
      }
      return c.json({ meeting, links }, 201)
    })
    .get('/meetings/:id', (c) => c.json(requireFacilitator(c)))
    .patch('/meetings/:id', async (c) => {
      const meeting = requireFacilitator(c)
      const changes = await readJson(c, updateMeetingRequest)
      return c.json(store.update(meeting.id, changes))
    })
    .delete('/meetings/:id', async (c) => {
      const meeting = requireFacilitator(c)
      // Everyone on the board is told it is gone, then the board and all of it is erased.
      await rooms.erase(meeting.boardId, () => store.delete(meeting.id))
      return c.body(null, 204)
    })
    .get('/meetings/:id/join-info', (c) => {
      const { meeting } = requireRole(c, ['facilitator', 'participant', 'projector'])
      const participant = store.participantToken(meeting.id)
      return c.json({
        joinCode: meeting.joinCode,
        joinUrl: `${origin(c)}${JOIN_PATH}`,
        phoneLink: phoneLink(origin(c), meeting.boardId, participant),
      } satisfies JoinInfo)
    })
    .post('/meetings/:id/links/:role/rotate', (c) => {
      const meeting = requireFacilitator(c)
      const role = meetingRole.safeParse(c.req.param('role'))
      if (!role.success)
        throw new ApiError(
          400,
          'invalid_role',
          'The role must be facilitator, participant or projector',
        )
      const { token, revokedHashes } = store.rotate(meeting.id, role.data)
      // Cut off whoever is connected with an old link, not only future connections.
      const revoked = new Set(revokedHashes)
      rooms.disconnectWhere(
        meeting.boardId,
        (conn) => conn.access.tokenHash !== null && revoked.has(conn.access.tokenHash),
        CloseCode.CapabilityRevoked,
      )
      return c.json({ role: role.data, link: link(origin(c), meeting.boardId, token) })
    })
    .put('/meetings/:id/join-code', async (c) => {
      const meeting = requireFacilitator(c)
      const { enabled } = await readJson(c, updateJoinCodeRequest)
      return c.json(store.setJoinCode(meeting.id, enabled))
    })
    .get('/join/:code', (c) => {
      // In-process requests (tests through app.request) have no socket: they share one key.
      const fromSocket = (c.env as { incoming?: unknown } | undefined)?.incoming !== undefined
      const address = fromSocket ? (getConnInfo(c).remote.address ?? 'unknown') : 'local'
      if (!joinAttempts.tryAttempt(address)) {
        throw new ApiError(429, 'too_many_attempts', 'Too many join codes tried; wait a minute')
      }
      const code = c.req.param('code').toUpperCase()
      const found = JOIN_CODE_PATTERN.test(code) ? store.participantByJoinCode(code) : null
      if (!found) throw new ApiError(404, 'join_code_not_found', 'No meeting with that code')
      return c.json({
        title: found.meeting.title,
        link: link(origin(c), found.meeting.boardId, found.token),
        phoneLink: phoneLink(origin(c), found.meeting.boardId, found.token),
      } satisfies JoinResult)
    })
}
