import type { VoterCredential } from '@samla/shared'
import { Hono } from 'hono'
import type { MeetingAccess } from '../access/meetingAccess.ts'
import { type AttemptCounters, memoryAttemptCounters } from '../http/attemptCounter.ts'
import { clientAddress } from '../http/clientAddress.ts'
import { errorBody } from '../http/errors.ts'
import type { VoterRepository } from '../storage/repositories.ts'

const HOUR_MS = 60 * 60 * 1000

export interface VoterRouteDeps {
  access: MeetingAccess
  voters: VoterRepository
  /** Credentials one address may fetch per meeting an hour (SAMLA_VOTERS_PER_ADDRESS_PER_HOUR). */
  perAddressPerHour: number
  trustProxy: boolean
  /** Where they are counted: in memory, or in Redis for several instances. */
  counters?: AttemptCounters
}

/**
 * POST /api/meetings/:id/voters: a voter credential for this browser, which keeps it. Each one
 * is a fresh set of votes, so they are counted per address and meeting: a browser that clears
 * its storage gets a new one, a script that asks a thousand times does not.
 */
export function voterRoutes({
  access,
  voters,
  perAddressPerHour,
  trustProxy,
  counters = memoryAttemptCounters,
}: VoterRouteDeps) {
  const issued = counters('voters', perAddressPerHour, HOUR_MS)

  return new Hono().post(
    '/meetings/:id/voters',
    access.requireRole('facilitator', 'participant'),
    async (c) => {
      const meeting = c.var.meeting
      const attempt = await issued.attempt(`${meeting.id}:${clientAddress(c, trustProxy)}`)
      if (!attempt.allowed) {
        const seconds = Math.max(1, Math.ceil(attempt.retryAfterMs / 1000))
        return c.json(
          errorBody(
            'too_many_voters',
            'This address has fetched too many voter credentials for this meeting; try again later',
          ),
          429,
          { 'Retry-After': String(seconds) },
        )
      }
      const credential: VoterCredential = await voters.issue(meeting.id)
      c.header('Cache-Control', 'no-store')
      return c.json(credential, 201)
    },
  )
}
