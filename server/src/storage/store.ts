import type {
  BlueListRepository,
  CrossingRepository,
  HandslagRepository,
  IdeaRepository,
  MeetingRecordRepository,
  MeetingRepository,
  PrivateNoteRepository,
  ProcessRepository,
  SnapshotRepository,
  VoteRepository,
  VoteRoundRepository,
  VoterRepository,
} from './repositories.ts'
import type { Storage } from './types.ts'

/**
 * Every table of Samla behind one connection (or pool): what server.ts and the tests open
 * through `openStore` (storage/open.ts), and close once.
 */
export interface SamlaStore {
  readonly kind: 'sqlite' | 'postgres'
  readonly documents: Storage
  readonly meetings: MeetingRepository
  readonly records: MeetingRecordRepository
  readonly privateNotes: PrivateNoteRepository
  readonly votes: VoteRepository
  readonly voters: VoterRepository
  readonly voteRounds: VoteRoundRepository
  readonly snapshots: SnapshotRepository
  readonly processes: ProcessRepository
  readonly crossings: CrossingRepository
  readonly ideas: IdeaRepository
  readonly blueList: BlueListRepository
  readonly handslag: HandslagRepository
  /**
   * After content was erased from a board that lives on (a sent note of a deleted meeting):
   * makes the old versions of what was deleted unreadable on disk. SQLite: the WAL, which
   * still holds them, is copied into the zeroed file and truncated. PostgreSQL: nothing yet
   * (see the erasure note in storage/postgres/meetings.ts).
   */
  scrub(): Promise<void>
  /** Resolves when the database answers a query (for /api/health); rejects otherwise. */
  ping(): Promise<void>
  close(): Promise<void>
}
