import type { Meeting, MeetingRole } from '@samla/shared'
import type { Context } from 'hono'
import { ApiError } from '../http/errors.ts'
import type { MeetingStore } from './store.ts'

/** The capability token of a meeting link, sent as `Authorization: Bearer <token>`. */
export const bearerToken = (c: Context): string | undefined =>
  c.req.header('authorization')?.match(/^Bearer (\S+)$/)?.[1]

/**
 * The meeting named by the route's `:id` and the role of the request's link, if that role is
 * one of `allowed`. "No such meeting" and "wrong token" get the same 401: ids are not to be
 * probed.
 */
export function requireMeetingRole(
  store: MeetingStore,
  c: Context,
  allowed: readonly MeetingRole[],
): { meeting: Meeting; role: MeetingRole } {
  const meeting = store.get(c.req.param('id') ?? '')
  const token = bearerToken(c)
  const role = meeting && token ? store.roleOf(meeting.id, token) : null
  if (!meeting || !role || !allowed.includes(role)) {
    throw new ApiError(401, 'unauthorized', `A valid ${allowed.join(' or ')} link is needed`)
  }
  return { meeting, role }
}
