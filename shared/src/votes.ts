import { z } from 'zod'
import { shapeIdSchema } from './controls.ts'

/**
 * A voter is a browser, not a person: no accounts, so each browser keeps a random id in
 * localStorage and the server counts votes per id and round.
 */
export const voterIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)
/** The voter ids the server issues (POST /api/meetings/:id/voters): 128 random bits. */
export const VOTER_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/

/** The credential travels in this header on every call to /api/meetings/:id/votes. */
export const VOTER_HEADER = 'X-Samla-Voter'

/** The answer to POST /api/meetings/:id/voters; the secret is shown this once only. */
export const voterCredentialSchema = z
  .object({
    voterId: z.string().regex(VOTER_ID_PATTERN),
    secret: z.string().regex(VOTER_ID_PATTERN),
  })
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
export const voteRequest = z.object({ voterId: voterIdSchema, shapeId: shapeIdSchema }).strict()
export type VoteRequest = z.infer<typeof voteRequest>

/** GET /api/meetings/:id/votes?voter=<id>, and the answer to every vote change. */
export const voteStatusSchema = z.object({
  /** The running round, or null when no voting is open or closed-but-unrevealed. */
  round: z.string().nullable(),
  pageId: z.string().nullable(),
  state: z.enum(['none', 'open', 'closed', 'revealed']),
  votesPerPerson: z.number().int(),
  /** This voter's votes per note. */
  mine: z.record(z.string(), z.number().int()),
  remaining: z.number().int(),
  /** Everyone's votes per note: for the facilitator always, for others only once revealed. */
  tally: z.record(z.string(), z.number().int()).nullable(),
  /** How many distinct voters took part (facilitator only, else null). */
  voters: z.number().int().nullable(),
})
export type VoteStatus = z.infer<typeof voteStatusSchema>
