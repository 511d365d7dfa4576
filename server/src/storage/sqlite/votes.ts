import { and, eq, sql } from 'drizzle-orm'
import type { SamlaDatabase } from '../../db/client.ts'
import { votes } from '../../db/schema.ts'
import type { Tally, VoteRepository } from '../repositories.ts'

/** Dot votes per meeting and round; limits are checked and written in one transaction. */
export class SqliteVotes implements VoteRepository {
  constructor(private readonly db: SamlaDatabase) {}

  /** One voter's votes per note in a round. */
  async mine(meetingId: string, round: string, voterId: string): Promise<Tally> {
    return this.count(
      and(eq(votes.meetingId, meetingId), eq(votes.round, round), eq(votes.voterId, voterId)),
    )
  }

  /** Everyone's votes per note in a round. */
  async tally(meetingId: string, round: string): Promise<Tally> {
    return this.count(and(eq(votes.meetingId, meetingId), eq(votes.round, round)))
  }

  async voterCount(meetingId: string, round: string): Promise<number> {
    const row = this.db
      .select({ n: sql<number>`count(distinct ${votes.voterId})` })
      .from(votes)
      .where(and(eq(votes.meetingId, meetingId), eq(votes.round, round)))
      .get()
    return row?.n ?? 0
  }

  /** Adds one vote unless the voter has used `limit` already; false if none was left. */
  async add(
    meetingId: string,
    round: string,
    voterId: string,
    shapeId: string,
    limit: number,
  ): Promise<boolean> {
    return this.db.transaction((tx) => {
      const used = tx
        .select({ n: sql<number>`count(*)` })
        .from(votes)
        .where(
          and(eq(votes.meetingId, meetingId), eq(votes.round, round), eq(votes.voterId, voterId)),
        )
        .get()
      if ((used?.n ?? 0) >= limit) return false
      tx.insert(votes).values({ meetingId, round, voterId, shapeId, createdAt: new Date() }).run()
      return true
    })
  }

  /** Takes back one of the voter's votes on a note; false if there was none. */
  async remove(
    meetingId: string,
    round: string,
    voterId: string,
    shapeId: string,
  ): Promise<boolean> {
    const mine = and(
      eq(votes.meetingId, meetingId),
      eq(votes.round, round),
      eq(votes.voterId, voterId),
      eq(votes.shapeId, shapeId),
    )
    const row = this.db.select({ id: votes.id }).from(votes).where(mine).limit(1).get()
    if (!row) return false
    this.db.delete(votes).where(eq(votes.id, row.id)).run()
    return true
  }

  private count(where: ReturnType<typeof and>): Tally {
    const rows = this.db
      .select({ shapeId: votes.shapeId, n: sql<number>`count(*)` })
      .from(votes)
      .where(where)
      .groupBy(votes.shapeId)
      .all()
    return Object.fromEntries(rows.map((r) => [r.shapeId, r.n]))
  }
}
