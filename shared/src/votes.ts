import { z } from 'zod'
import { shapeIdSchema } from './controls.ts'

/**
 * A voter is a browser, not a person: no accounts, so each browser keeps a random id in
 * localStorage and the server counts votes per id and round.
 */
export const voterIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/)

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
