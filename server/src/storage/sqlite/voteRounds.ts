import type { VotingRound } from '@samla/shared'
import { and, asc, eq } from 'drizzle-orm'
import type { SamlaDatabase } from '../../db/client.ts'
import { voteRounds } from '../../db/schema.ts'
import type { VoteRoundEntry, VoteRoundRepository } from '../repositories.ts'
import { toVotingRound, voteRoundRow, voteRoundUpdate, withoutTexts } from '../voteRoundRows.ts'

/** Every voting round of a meeting, in SQLite: one upsert per entry. */
export class SqliteVoteRounds implements VoteRoundRepository {
  constructor(private readonly db: SamlaDatabase) {}

  async record(meetingId: string, entry: VoteRoundEntry): Promise<void> {
    this.db
      .insert(voteRounds)
      .values(voteRoundRow(meetingId, entry))
      .onConflictDoUpdate({
        target: [voteRounds.meetingId, voteRounds.round],
        set: voteRoundUpdate(voteRounds, entry),
      })
      .run()
  }

  async list(meetingId: string): Promise<VotingRound[]> {
    return this.db
      .select()
      .from(voteRounds)
      .where(eq(voteRounds.meetingId, meetingId))
      .orderBy(asc(voteRounds.startedAt), asc(voteRounds.round))
      .all()
      .map(toVotingRound)
  }

  async forgetNotes(meetingId: string, noteIds: readonly string[]): Promise<void> {
    const ids = new Set(noteIds)
    const rows = this.db.select().from(voteRounds).where(eq(voteRounds.meetingId, meetingId)).all()
    for (const row of rows) {
      const results = withoutTexts(row.results, ids)
      if (results)
        this.db
          .update(voteRounds)
          .set({ results })
          .where(and(eq(voteRounds.meetingId, meetingId), eq(voteRounds.round, row.round)))
          .run()
    }
  }
}
