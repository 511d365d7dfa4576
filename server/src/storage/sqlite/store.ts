import { sql } from 'drizzle-orm'
import { truncateWal } from '../../db/client.ts'
import { SqliteStorage } from '../sqlite.ts'
import type { SamlaStore } from '../store.ts'
import { SqliteBlueList } from './blueList.ts'
import { SqliteCrossings } from './crossings.ts'
import { SqliteHandslag } from './handslag.ts'
import { SqliteIdeas } from './ideas.ts'
import { SqliteMeetingRecords } from './meetingRecords.ts'
import { SqliteMeetings } from './meetings.ts'
import { SqlitePrivateNotes } from './privateNotes.ts'
import { SqliteProcesses } from './processes.ts'
import { SqliteSnapshots } from './snapshots.ts'
import { SqliteVoteRounds } from './voteRounds.ts'
import { SqliteVoters } from './voters.ts'
import { SqliteVotes } from './votes.ts'

export interface SqliteStoreOptions {
  file: string
  synchronous?: 'NORMAL' | 'FULL'
}

/**
 * Every table on one SQLite connection (the compaction worker has its own, on its thread).
 * better-sqlite3 is synchronous: each method has done its work by the time its promise settles.
 */
export function openSqliteStore(options: SqliteStoreOptions): SamlaStore {
  const documents = new SqliteStorage(options)
  const db = documents.database
  return {
    kind: 'sqlite',
    documents,
    meetings: new SqliteMeetings(db),
    records: new SqliteMeetingRecords(db),
    privateNotes: new SqlitePrivateNotes(db),
    votes: new SqliteVotes(db),
    voters: new SqliteVoters(db),
    voteRounds: new SqliteVoteRounds(db),
    snapshots: new SqliteSnapshots(db),
    processes: new SqliteProcesses(db),
    crossings: new SqliteCrossings(db),
    ideas: new SqliteIdeas(db),
    blueList: new SqliteBlueList(db),
    handslag: new SqliteHandslag(db),
    async scrub() {
      truncateWal(db)
    },
    async ping() {
      db.get(sql`select 1`)
    },
    close: () => documents.close(),
  }
}
