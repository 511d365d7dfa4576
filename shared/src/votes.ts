import { z } from 'zod'
import { shapeIdSchema } from './controls.ts'

/**
 * A voter is a browser, not a person: there are no accounts. The server hands each browser a
 * credential once (POST /api/meetings/:id/voters), a random voter id and a secret of 128 bits
 * each, and counts votes per voter id; only the credential's holder can vote under its id.
 */
export const VOTER_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/
export const voterIdSchema = z.string().regex(VOTER_ID_PATTERN)

/** The credential travels in this header on every call to /api/meetings/:id/votes. */
export const VOTER_HEADER = 'X-Samla-Voter'

/** The answer to POST /api/meetings/:id/voters; the secret is shown this once only. */
export const voterCredentialSchema = z
  .object({ voterId: voterIdSchema, secret: z.string().regex(VOTER_ID_PATTERN) })
  .strict()
export type VoterCredential = z.infer<typeof voterCredentialSchema>

/** The X-Samla-Voter header's value: `<voterId>.<secret>`. */
export const voterHeaderValue = (credential: VoterCredential) =>
  `${credential.voterId}.${credential.secret}`

/** Reads an X-Samla-Voter header; null when it is missing or not of that shape. */
export function parseVoterHeader(value: string | undefined | null): VoterCredential | null {
  const [voterId = '', secret = '', ...rest] = (value ?? '').trim().split('.')
  const parsed = voterCredentialSchema.safeParse({ voterId, secret })
  return rest.length === 0 && parsed.success ? parsed.data : null
}

/** POST (add one vote) and DELETE (take one back) /api/meetings/:id/votes. */
export const voteRequest = z.object({ shapeId: shapeIdSchema }).strict()
export type VoteRequest = z.infer<typeof voteRequest>

/** GET /api/meetings/:id/votes, and the answer to every vote change. */
export const voteStatusSchema = z.object({
  /** The running round, or null when no voting is open or closed-but-unrevealed. */
  round: z.string().nullable(),
  pageId: z.string().nullable(),
  state: z.enum(['none', 'open', 'closed', 'revealed']),
  votesPerPerson: z.number().int(),
  /** This voter's votes per note (empty when asked without a credential). */
  mine: z.record(z.string(), z.number().int()),
  remaining: z.number().int(),
  /** Everyone's votes per note: for the facilitator always, for others only once revealed. */
  tally: z.record(z.string(), z.number().int()).nullable(),
  /** How many distinct voters took part (facilitator only, else null). */
  voters: z.number().int().nullable(),
})
export type VoteStatus = z.infer<typeof voteStatusSchema>
