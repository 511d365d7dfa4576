import { and, count, countDistinct, eq, type SQL, sql } from 'drizzle-orm'
import type { PgSamlaDatabase } from '../../db/pg/client.ts'
import { votes } from '../../db/pg/schema.ts'
import type { Tally, VoteRepository } from '../repositories.ts'

/** Dot votes in PostgreSQL; the same behaviour as the SQLite repository (votes/store.ts). */
export class PgVoteRepository implements VoteRepository {
  constructor(private readonly db: PgSamlaDatabase) {}

  mine(meetingId: string, round: string, voterId: string): Promise<Tally> {
    return this.count(
      and(eq(votes.meetingId, meetingId), eq(votes.round, round), eq(votes.voterId, voterId)),
    )
  }

  tally(meetingId: string, round: string): Promise<Tally> {
    return this.count(and(eq(votes.meetingId, meetingId), eq(votes.round, round)))
  }

  async voterCount(meetingId: string, round: string): Promise<number> {
    const [row] = await this.db
      .select({ n: countDistinct(votes.voterId) })
      .from(votes)
      .where(and(eq(votes.meetingId, meetingId), eq(votes.round, round)))
    return row?.n ?? 0
  }

  /**
   * The count and the insert would not keep the limit on their own: two transactions could
   * each count one vote short of it. An advisory lock on (meeting, round + voter) makes one
   * voter's adds take turns across instances; each then counts what the one before committed.
   * The two-key form keeps these locks apart from the boards' one-key locks.
   */
  add(
    meetingId: string,
    round: string,
    voterId: string,
    shapeId: string,
    limit: number,
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtext(${meetingId}), hashtext(${round} || '/' || ${voterId}))`,
      )
      const [used] = await tx
        .select({ n: count() })
        .from(votes)
        .where(
          and(eq(votes.meetingId, meetingId), eq(votes.round, round), eq(votes.voterId, voterId)),
        )
      if ((used?.n ?? 0) >= limit) return false
      await tx.insert(votes).values({ meetingId, round, voterId, shapeId, createdAt: new Date() })
      return true
    })
  }

  async remove(
    meetingId: string,
    round: string,
    voterId: string,
    shapeId: string,
  ): Promise<boolean> {
    // SKIP LOCKED: two removals at once each take a different vote rather than both the same.
    const one = this.db
      .select({ id: votes.id })
      .from(votes)
      .where(
        and(
          eq(votes.meetingId, meetingId),
          eq(votes.round, round),
          eq(votes.voterId, voterId),
          eq(votes.shapeId, shapeId),
        ),
      )
      .limit(1)
      .for('update', { skipLocked: true })
    const deleted = await this.db
      .delete(votes)
      .where(eq(votes.id, sql`(${one})`))
      .returning({ id: votes.id })
    return deleted.length > 0
  }

  private async count(where: SQL | undefined): Promise<Tally> {
    const rows = await this.db
      .select({ shapeId: votes.shapeId, n: count() })
      .from(votes)
      .where(where)
      .groupBy(votes.shapeId)
    return Object.fromEntries(rows.map((r) => [r.shapeId, r.n]))
  }
}
