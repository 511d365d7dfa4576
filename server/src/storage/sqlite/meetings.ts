import type {
  CreateMeetingRequest,
  Meeting,
  MeetingLinks,
  MeetingRole,
  UpdateMeetingRequest,
} from '@samla/shared'
import { and, asc, eq, isNotNull, isNull, lt, or } from 'drizzle-orm'
import { newBoardId } from '../../boards.ts'
import { type SamlaDatabase, truncateWal } from '../../db/client.ts'
import { boards, capabilities, meetings, processes } from '../../db/schema.ts'
import { hashToken, newJoinCode, newToken } from '../../meetings/tokens.ts'
import type { MeetingPlacement, MeetingRepository } from '../repositories.ts'

const ROLES: readonly MeetingRole[] = ['facilitator', 'participant', 'projector']

type MeetingRow = typeof meetings.$inferSelect

function toMeeting(row: MeetingRow): Meeting {
  return {
    id: row.id,
    title: row.title,
    group: row.group,
    date: row.date,
    format: row.format,
    boardId: row.boardId,
    anonymous: row.anonymous,
    joinCode: row.joinCode,
    createdAt: row.createdAt.toISOString(),
    processId: row.processId,
    endedAt: row.endedAt?.toISOString() ?? null,
  }
}

/** Meetings, their board and their capability links, in the same SQLite database as boards. */
export class SqliteMeetings implements MeetingRepository {
  constructor(private readonly db: SamlaDatabase) {}

  /** A meeting, its board, a token per role and a join code, all in one transaction. */
  async create(
    request: CreateMeetingRequest,
    placement?: MeetingPlacement,
  ): Promise<{ meeting: Meeting; tokens: MeetingLinks }> {
    const now = new Date()
    const tokens = { facilitator: newToken(), participant: newToken(), projector: newToken() }
    const row: MeetingRow = {
      id: newBoardId(),
      boardId: newBoardId(),
      title: request.title,
      group: request.group,
      date: request.date,
      format: request.format,
      // Youth meetings are anonymous unless the facilitator says otherwise.
      anonymous: request.group === 'demokratilabb',
      joinCode: newJoinCode(),
      participantToken: tokens.participant,
      publicationToken: null,
      createdAt: now,
      processId: placement?.processId ?? null,
      carryFrom: placement?.carryFrom ?? null,
      carriedAt: null,
      endedAt: null,
    }
    this.db.transaction((tx) => {
      tx.insert(boards).values({ id: row.boardId, title: row.title, createdAt: now }).run()
      tx.insert(meetings).values(row).run()
      for (const role of ROLES) {
        tx.insert(capabilities)
          .values({ tokenHash: hashToken(tokens[role]), meetingId: row.id, role, createdAt: now })
          .run()
      }
    })
    return { meeting: toMeeting(row), tokens }
  }

  async get(id: string): Promise<Meeting | null> {
    const row = this.db.select().from(meetings).where(eq(meetings.id, id)).get()
    return row ? toMeeting(row) : null
  }

  /** Changes title, group, date or format; the board's title follows the meeting's. */
  async update(id: string, changes: UpdateMeetingRequest): Promise<Meeting | null> {
    this.db.transaction((tx) => {
      if (Object.keys(changes).length > 0)
        tx.update(meetings).set(changes).where(eq(meetings.id, id)).run()
      const row = tx.select().from(meetings).where(eq(meetings.id, id)).get()
      if (changes.title && row)
        tx.update(boards).set({ title: changes.title }).where(eq(boards.id, row.boardId)).run()
    })
    return this.get(id)
  }

  /**
   * Deletes the meeting by deleting its board: the foreign keys cascade to the meeting, its
   * capabilities, votes, snapshots, pictures, the board's stored state and its update log.
   * secure_delete zeroes the rows in the file; the WAL, which still holds them as they were,
   * is then checkpointed and truncated. The retention purge erases through here too.
   */
  async delete(id: string): Promise<void> {
    const row = this.db.select().from(meetings).where(eq(meetings.id, id)).get()
    if (!row) return
    this.db.delete(boards).where(eq(boards.id, row.boardId)).run()
    truncateWal(this.db)
  }

  /** Publishes the documentation: the existing public token, or a new one. */
  async publish(id: string): Promise<string> {
    const current = this.db
      .select({ token: meetings.publicationToken })
      .from(meetings)
      .where(eq(meetings.id, id))
      .get()
    if (current?.token) return current.token
    const token = newToken()
    this.db.update(meetings).set({ publicationToken: token }).where(eq(meetings.id, id)).run()
    return token
  }

  /** Revokes the public link; a later publish gives a new one. */
  async unpublish(id: string): Promise<void> {
    this.db.update(meetings).set({ publicationToken: null }).where(eq(meetings.id, id)).run()
  }

  async publicationToken(id: string): Promise<string | null> {
    const row = this.db
      .select({ token: meetings.publicationToken })
      .from(meetings)
      .where(eq(meetings.id, id))
      .get()
    return row?.token ?? null
  }

  async byPublicationToken(token: string): Promise<Meeting | null> {
    const row = this.db.select().from(meetings).where(eq(meetings.publicationToken, token)).get()
    return row ? toMeeting(row) : null
  }

  /** Meetings held before `date` (YYYY-MM-DD), for the retention purge. */
  async heldBefore(date: string): Promise<Meeting[]> {
    return this.db.select().from(meetings).where(lt(meetings.date, date)).all().map(toMeeting)
  }

  /** The participant token in clear (it is on the projector's QR code anyway). */
  async participantToken(id: string): Promise<string> {
    const row = this.db
      .select({ token: meetings.participantToken })
      .from(meetings)
      .where(eq(meetings.id, id))
      .get()
    if (!row) throw new Error(`no meeting ${id}`)
    return row.token
  }

  async byBoard(boardId: string): Promise<Meeting | null> {
    const row = this.db.select().from(meetings).where(eq(meetings.boardId, boardId)).get()
    return row ? toMeeting(row) : null
  }

  /** The role a token grants in a meeting, or null if it is unknown or rotated away. */
  async roleOf(meetingId: string, token: string): Promise<MeetingRole | null> {
    const row = this.db
      .select({ role: capabilities.role })
      .from(capabilities)
      .where(
        and(
          eq(capabilities.tokenHash, hashToken(token)),
          eq(capabilities.meetingId, meetingId),
          isNull(capabilities.revokedAt),
        ),
      )
      .get()
    if (row) return row.role
    // The process link is a facilitator's on every meeting of its process.
    const viaProcess = this.db
      .select({ id: processes.id })
      .from(meetings)
      .innerJoin(processes, eq(processes.id, meetings.processId))
      .where(and(eq(meetings.id, meetingId), eq(processes.tokenHash, hashToken(token))))
      .get()
    return viaProcess ? 'facilitator' : null
  }

  async inProcess(processId: string): Promise<Meeting[]> {
    return this.db
      .select()
      .from(meetings)
      .where(eq(meetings.processId, processId))
      .orderBy(asc(meetings.date), asc(meetings.createdAt))
      .all()
      .map(toMeeting)
  }

  async adopt(meetingId: string, processId: string): Promise<boolean> {
    const changed = this.db
      .update(meetings)
      .set({ processId })
      .where(
        and(
          eq(meetings.id, meetingId),
          or(isNull(meetings.processId), eq(meetings.processId, processId)),
        ),
      )
      .run()
    return changed.changes > 0
  }

  async takeCarryForward(meetingId: string): Promise<string | null> {
    const row = this.db
      .update(meetings)
      .set({ carriedAt: new Date() })
      .where(
        and(eq(meetings.id, meetingId), isNotNull(meetings.carryFrom), isNull(meetings.carriedAt)),
      )
      .returning({ from: meetings.carryFrom })
      .get()
    return row?.from ?? null
  }

  /** Replaces a role's link: the old token stops working; returns the new one and the old hashes. */
  async rotate(
    meetingId: string,
    role: MeetingRole,
  ): Promise<{ token: string; revokedHashes: string[] }> {
    const now = new Date()
    const token = newToken()
    const revokedHashes = this.db.transaction((tx) => {
      const active = and(
        eq(capabilities.meetingId, meetingId),
        eq(capabilities.role, role),
        isNull(capabilities.revokedAt),
      )
      const old = tx
        .select({ tokenHash: capabilities.tokenHash })
        .from(capabilities)
        .where(active)
        .all()
      tx.update(capabilities).set({ revokedAt: now }).where(active).run()
      tx.insert(capabilities)
        .values({ tokenHash: hashToken(token), meetingId, role, createdAt: now })
        .run()
      if (role === 'participant')
        tx.update(meetings).set({ participantToken: token }).where(eq(meetings.id, meetingId)).run()
      return old.map((o) => o.tokenHash)
    })
    return { token, revokedHashes }
  }

  /** Switches the join code on (a new code) or off. */
  async setJoinCode(meetingId: string, enabled: boolean): Promise<Meeting | null> {
    this.db
      .update(meetings)
      .set({ joinCode: enabled ? newJoinCode() : null })
      .where(eq(meetings.id, meetingId))
      .run()
    return this.get(meetingId)
  }

  async markEnded(meetingId: string, at: Date): Promise<Meeting | null> {
    const row = this.db
      .update(meetings)
      .set({ endedAt: at })
      .where(and(eq(meetings.id, meetingId), isNull(meetings.endedAt)))
      .returning()
      .get()
    return row ? toMeeting(row) : null
  }

  async reopen(meetingId: string): Promise<Meeting | null> {
    const row = this.db
      .update(meetings)
      .set({ endedAt: null })
      .where(eq(meetings.id, meetingId))
      .returning()
      .get()
    return row ? toMeeting(row) : null
  }

  /** The participant token a join code stands for. */
  async participantByJoinCode(code: string): Promise<{ meeting: Meeting; token: string } | null> {
    const row = this.db.select().from(meetings).where(eq(meetings.joinCode, code)).get()
    return row ? { meeting: toMeeting(row), token: row.participantToken } : null
  }
}
