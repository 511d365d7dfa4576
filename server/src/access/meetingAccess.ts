import type { Meeting, MeetingRole } from '@samla/shared'
import type { MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import { ApiError } from '../http/errors.ts'
import { meetingIdParam } from '../http/params.ts'
import type { MeetingRepository } from '../storage/repositories.ts'
import { bearerToken } from './bearer.ts'

/** What a meeting route's handler reads with `c.get(…)` once its role check has passed. */
export interface MeetingVariables {
  meeting: Meeting
  role: MeetingRole
}
export type MeetingEnv = { Variables: MeetingVariables }

export const MEETING_ROLES = ['facilitator', 'participant', 'projector'] as const

/**
 * The role a request has on a board: `editor` on a plain board and on an idea's
 * idébeskrivning (`idea`, which needs its link), null without a valid link.
 */
export type BoardRole =
  | { role: 'editor'; meeting: null; idea?: true }
  | { role: MeetingRole; meeting: Meeting }
  | null

export interface MeetingAccess {
  /**
   * Middleware for routes under `/meetings/:id`: the request's link must grant one of `roles`
   * in that meeting, else 401. "No such meeting" and "wrong token" get the same 401, so ids
   * cannot be probed. Sets `meeting` and `role` for the handler; the token is resolved once
   * per request however many of these run.
   */
  requireRole(...roles: [MeetingRole, ...MeetingRole[]]): MiddlewareHandler<MeetingEnv>
  /** What the request's link may do on a board (GET /api/boards/:id/access). */
  onBoard(boardId: string, token: string | null): Promise<BoardRole>
}

/** Whether a board is an idea's idébeskrivning, and if so whether the token may write it. */
export type IdeaDocumentCheck = (
  boardId: string,
  token: string | null,
) => Promise<'not-idea' | 'denied' | 'granted'>

export function createMeetingAccess(
  meetings: MeetingRepository,
  ideaDocument: IdeaDocumentCheck = async () => 'not-idea',
): MeetingAccess {
  const resolve = async (meetingId: string, token: string | null) => {
    const meeting = token ? await meetings.get(meetingId) : null
    const role = meeting && token ? await meetings.roleOf(meeting.id, token) : null
    return meeting && role ? { meeting, role } : null
  }

  return {
    requireRole: (...roles) => {
      const needed =
        roles.length === MEETING_ROLES.length
          ? 'One of the meeting’s links is needed'
          : `A valid ${roles.join(' or ')} link is needed`
      return createMiddleware<MeetingEnv>(async (c, next) => {
        // Set by an earlier role check of the same request (the gate in app.ts).
        if (!(c.get('role') as MeetingRole | undefined)) {
          const id = meetingIdParam.schema.safeParse(c.req.param('id'))
          if (!id.success) throw meetingIdParam.refuse()
          const found = await resolve(id.data, bearerToken(c))
          if (found) {
            c.set('meeting', found.meeting)
            c.set('role', found.role)
          }
        }
        const role = c.get('role') as MeetingRole | undefined
        if (!role || !roles.includes(role)) throw new ApiError(401, 'unauthorized', needed)
        await next()
      })
    },

    onBoard: async (boardId, token) => {
      const meeting = await meetings.byBoard(boardId)
      if (meeting) return resolve(meeting.id, token)
      const idea = await ideaDocument(boardId, token)
      if (idea === 'denied') return null
      return idea === 'granted'
        ? { role: 'editor', meeting: null, idea: true }
        : { role: 'editor', meeting: null }
    },
  }
}
