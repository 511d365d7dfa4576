import { parseVoterHeader, VOTER_HEADER } from '@samla/shared'
import type { Context } from 'hono'
import { ApiError } from '../http/errors.ts'
import type { VoterRepository } from '../storage/repositories.ts'
import type { MeetingEnv } from './meetingAccess.ts'

/**
 * The voter id of a request's credential (the browser's own, issued by POST …/voters), or 401:
 * what a browser says about itself (its attendance, its private notes) is kept under it.
 */
export async function requireVoter(
  voters: VoterRepository,
  c: Context<MeetingEnv>,
): Promise<string> {
  const credential = parseVoterHeader(c.req.header(VOTER_HEADER))
  if (!credential || !(await voters.verify(c.var.meeting.id, credential)))
    throw new ApiError(
      401,
      'invalid_voter',
      `A voter credential of this meeting is needed in ${VOTER_HEADER} (POST …/voters issues one)`,
    )
  return credential.voterId
}
