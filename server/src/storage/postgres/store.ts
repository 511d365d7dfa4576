import { sql } from 'drizzle-orm'
import { type OpenPgDatabaseOptions, openPgDatabase } from '../../db/pg/client.ts'
import type { SamlaStore } from '../store.ts'
import { PgBlueList } from './blueList.ts'
import { PgCrossings } from './crossings.ts'
import { PgDocumentStorage } from './documents.ts'
import { PgHandslag } from './handslag.ts'
import { PgIdeas } from './ideas.ts'
import { PgMeetingRecords } from './meetingRecords.ts'
import { PgMeetingRepository } from './meetings.ts'
import { PgPrivateNotes } from './privateNotes.ts'
import { PgProcesses } from './processes.ts'
import { PgSnapshotRepository } from './snapshots.ts'
import { PgVoteRounds } from './voteRounds.ts'
import { PgVoterRepository } from './voters.ts'
import { PgVoteRepository } from './votes.ts'

/** Every table on one pool of the PostgreSQL database at `url`, migrated before it resolves. */
export async function openPostgresStore(
  url: string,
  options: OpenPgDatabaseOptions = {},
): Promise<SamlaStore> {
  const { db, close } = await openPgDatabase(url, options)
  const documents = new PgDocumentStorage(db)
  return {
    kind: 'postgres',
    documents,
    meetings: new PgMeetingRepository(db),
    records: new PgMeetingRecords(db),
    privateNotes: new PgPrivateNotes(db),
    votes: new PgVoteRepository(db),
    voters: new PgVoterRepository(db),
    voteRounds: new PgVoteRounds(db),
    snapshots: new PgSnapshotRepository(db),
    processes: new PgProcesses(db),
    crossings: new PgCrossings(db),
    ideas: new PgIdeas(db),
    blueList: new PgBlueList(db),
    handslag: new PgHandslag(db),
    async scrub() {},
    async ping() {
      await db.execute(sql`select 1`)
    },
    async close() {
      await documents.close()
      await close()
    },
  }
}
