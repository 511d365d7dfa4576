import { type VotingRound, type VotingRoundResult, votingRoundResultSchema } from '@samla/shared'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import type { voteRounds } from '../db/schema.ts'
import type { VoteRoundEntry } from './repositories.ts'

/**
 * Rows of `vote_rounds` as the API speaks of them. The PostgreSQL table has the same columns
 * with the same types (db/pg/schema.ts), so both dialects map and upsert through here.
 */
export type VoteRoundRow = typeof voteRounds.$inferSelect

const resultsSchema = z.array(votingRoundResultSchema)

/** Most votes first; the sort is stable, so ties keep the order they were given in. */
const ranked = (results: VotingRoundResult[]) => [...results].sort((a, b) => b.votes - a.votes)

/** The row a round's first entry inserts. */
export function voteRoundRow(meetingId: string, entry: VoteRoundEntry): VoteRoundRow {
  return {
    meetingId,
    round: entry.round,
    pageId: entry.pageId,
    phase: entry.phase,
    votesPerPerson: entry.votesPerPerson,
    voters: entry.outcome?.voters ?? 0,
    results: ranked(entry.outcome?.results ?? []),
    startedAt: entry.at,
    closedAt: entry.state === 'open' ? null : entry.at,
    revealedAt: entry.state === 'revealed' ? entry.at : null,
  }
}

/**
 * What a later entry of a recorded round changes (the upsert's SET, written the same in both
 * dialects): each time stays the first one seen; an outcome replaces the count and the phase
 * name with what they were when the round ended.
 */
export function voteRoundUpdate(
  table: { closedAt: unknown; revealedAt: unknown },
  entry: VoteRoundEntry,
) {
  return {
    closedAt: sql`coalesce(${table.closedAt}, excluded.closed_at)`,
    revealedAt: sql`coalesce(${table.revealedAt}, excluded.revealed_at)`,
    ...(entry.outcome
      ? { phase: sql`excluded.phase`, voters: sql`excluded.voters`, results: sql`excluded.results` }
      : {}),
  }
}

export function toVotingRound(row: VoteRoundRow): VotingRound {
  return {
    round: row.round,
    pageId: row.pageId,
    phase: row.phase,
    votesPerPerson: row.votesPerPerson,
    startedAt: row.startedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    revealedAt: row.revealedAt?.toISOString() ?? null,
    voters: row.voters,
    results: resultsSchema.parse(row.results),
  }
}

/** A row's results with the text of `noteIds` cleared, or null when none of them is there. */
export function withoutTexts(
  results: unknown,
  noteIds: ReadonlySet<string>,
): VotingRoundResult[] | null {
  const parsed = resultsSchema.parse(results)
  if (!parsed.some((r) => noteIds.has(r.noteId) && r.text !== null)) return null
  return parsed.map((r) => (noteIds.has(r.noteId) ? { ...r, text: null } : r))
}
