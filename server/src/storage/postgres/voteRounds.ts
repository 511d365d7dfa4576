import type { VotingRound } from '@samla/shared'
import { and, asc, eq } from 'drizzle-orm'
import type { PgSamlaDatabase } from '../../db/pg/client.ts'
import { voteRounds } from '../../db/pg/schema.ts'
import type { VoteRoundEntry, VoteRoundRepository } from '../repositories.ts'
import { toVotingRound, voteRoundRow, voteRoundUpdate, withoutTexts } from '../voteRoundRows.ts'

/**
 * Every voting round of a meeting, in PostgreSQL. An upsert is one statement on one row, so
 * entries of one round from several instances at once take turns on that row's lock.
 */
export class PgVoteRounds implements VoteRoundRepository {
  constructor(private readonly db: PgSamlaDatabase) {}

  async record(meetingId: string, entry: VoteRoundEntry): Promise<void> {
    await this.db
      .insert(voteRounds)
      .values(voteRoundRow(meetingId, entry))
      .onConflictDoUpdate({
        target: [voteRounds.meetingId, voteRounds.round],
        set: voteRoundUpdate(voteRounds, entry),
      })
  }

  async list(meetingId: string): Promise<VotingRound[]> {
    const rows = await this.db
      .select()
      .from(voteRounds)
      .where(eq(voteRounds.meetingId, meetingId))
      .orderBy(asc(voteRounds.startedAt), asc(voteRounds.round))
    return rows.map(toVotingRound)
  }

  async forgetNotes(meetingId: string, noteIds: readonly string[]): Promise<void> {
    const ids = new Set(noteIds)
    const rows = await this.db.select().from(voteRounds).where(eq(voteRounds.meetingId, meetingId))
    for (const row of rows) {
      const results = withoutTexts(row.results, ids)
      if (results)
        await this.db
          .update(voteRounds)
          .set({ results })
          .where(and(eq(voteRounds.meetingId, meetingId), eq(voteRounds.round, row.round)))
    }
  }
}
