import type {
  CrossingRepository,
  MeetingRepository,
  ProcessRepository,
  SnapshotRepository,
  VoteRepository,
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
  readonly votes: VoteRepository
  readonly voters: VoterRepository
  readonly snapshots: SnapshotRepository
  readonly processes: ProcessRepository
  readonly crossings: CrossingRepository
  /** Resolves when the database answers a query (for /api/health); rejects otherwise. */
  ping(): Promise<void>
  close(): Promise<void>
}
