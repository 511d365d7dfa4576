import type {
  CreateMeetingRequest,
  Meeting,
  MeetingLinks,
  MeetingRole,
  UpdateMeetingRequest,
} from '@samla/shared'
import { and, asc, eq, isNotNull, isNull, or, sql } from 'drizzle-orm'
import { newBoardId } from '../../boards.ts'
import type { PgSamlaDatabase } from '../../db/pg/client.ts'
import { boards, capabilities, meetings, processes } from '../../db/pg/schema.ts'
import { hashToken, newJoinCode, newToken } from '../../meetings/tokens.ts'
import type { MeetingPlacement, MeetingRepository } from '../repositories.ts'

const ROLES: readonly MeetingRole[] = ['facilitator', 'participant', 'projector']

type MeetingRow = typeof meetings.$inferSelect

/** The id of a meeting's board, as a subquery. */
const boardOf = (meetingId: string) =>
  sql`(select ${meetings.boardId} from ${meetings} where ${meetings.id} = ${meetingId})`

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

/** Meetings in PostgreSQL; the same behaviour as the SQLite repository (meetings/store.ts). */
export class PgMeetingRepository implements MeetingRepository {
  constructor(private readonly db: PgSamlaDatabase) {}

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
    await this.db.transaction(async (tx) => {
      await tx.insert(boards).values({ id: row.boardId, title: row.title, createdAt: now })
      await tx.insert(meetings).values(row)
      await tx.insert(capabilities).values(
        ROLES.map((role) => ({
          tokenHash: hashToken(tokens[role]),
          meetingId: row.id,
          role,
          createdAt: now,
        })),
      )
    })
    return { meeting: toMeeting(row), tokens }
  }

  async get(id: string): Promise<Meeting | null> {
    const [row] = await this.db.select().from(meetings).where(eq(meetings.id, id))
    return row ? toMeeting(row) : null
  }

  async update(id: string, changes: UpdateMeetingRequest): Promise<Meeting | null> {
    const set = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    ) as UpdateMeetingRequest
    const row = await this.db.transaction(async (tx) => {
      // The board's row first, then the meeting's: the order a deletion takes them in
      // (board, then the meeting by cascade), so that the two never wait for each other.
      if (set.title)
        await tx
          .update(boards)
          .set({ title: set.title })
          .where(eq(boards.id, boardOf(id)))
      const [updated] =
        Object.keys(set).length > 0
          ? await tx.update(meetings).set(set).where(eq(meetings.id, id)).returning()
          : await tx.select().from(meetings).where(eq(meetings.id, id))
      return updated
    })
    return row ? toMeeting(row) : null
  }

  /**
   * Deletes the board, which cascades to the meeting and everything of it. PostgreSQL keeps
   * the deleted rows in its files (and its WAL) until VACUUM reuses the space; SQLite's
   * secure_delete and WAL truncation have no counterpart here.
   */
  async delete(id: string): Promise<void> {
    await this.db.delete(boards).where(eq(boards.id, boardOf(id)))
  }

  async publish(id: string): Promise<string> {
    // One statement, so that two instances publishing at once agree on one token.
    const [row] = await this.db
      .update(meetings)
      .set({ publicationToken: sql`coalesce(${meetings.publicationToken}, ${newToken()})` })
      .where(eq(meetings.id, id))
      .returning({ token: meetings.publicationToken })
    if (!row?.token) throw new Error(`no meeting ${id}`)
    return row.token
  }

  async unpublish(id: string): Promise<void> {
    await this.db.update(meetings).set({ publicationToken: null }).where(eq(meetings.id, id))
  }

  async publicationToken(id: string): Promise<string | null> {
    const [row] = await this.db
      .select({ token: meetings.publicationToken })
      .from(meetings)
      .where(eq(meetings.id, id))
    return row?.token ?? null
  }

  async byPublicationToken(token: string): Promise<Meeting | null> {
    const [row] = await this.db.select().from(meetings).where(eq(meetings.publicationToken, token))
    return row ? toMeeting(row) : null
  }

  async heldBefore(date: string): Promise<Meeting[]> {
    // Byte order, as in SQLite: a locale's collation could order dates differently.
    const rows = await this.db
      .select()
      .from(meetings)
      .where(sql`${meetings.date} collate "C" < ${date}`)
    return rows.map(toMeeting)
  }

  async participantToken(id: string): Promise<string> {
    const [row] = await this.db
      .select({ token: meetings.participantToken })
      .from(meetings)
      .where(eq(meetings.id, id))
    if (!row) throw new Error(`no meeting ${id}`)
    return row.token
  }

  async byBoard(boardId: string): Promise<Meeting | null> {
    const [row] = await this.db.select().from(meetings).where(eq(meetings.boardId, boardId))
    return row ? toMeeting(row) : null
  }

  async roleOf(meetingId: string, token: string): Promise<MeetingRole | null> {
    const [row] = await this.db
      .select({ role: capabilities.role })
      .from(capabilities)
      .where(
        and(
          eq(capabilities.tokenHash, hashToken(token)),
          eq(capabilities.meetingId, meetingId),
          isNull(capabilities.revokedAt),
        ),
      )
    if (row) return row.role
    const [viaProcess] = await this.db
      .select({ id: processes.id })
      .from(meetings)
      .innerJoin(processes, eq(processes.id, meetings.processId))
      .where(and(eq(meetings.id, meetingId), eq(processes.tokenHash, hashToken(token))))
    return viaProcess ? 'facilitator' : null
  }

  async inProcess(processId: string): Promise<Meeting[]> {
    const rows = await this.db
      .select()
      .from(meetings)
      .where(eq(meetings.processId, processId))
      .orderBy(asc(meetings.date), asc(meetings.createdAt))
    return rows.map(toMeeting)
  }

  async adopt(meetingId: string, processId: string): Promise<boolean> {
    const changed = await this.db
      .update(meetings)
      .set({ processId })
      .where(
        and(
          eq(meetings.id, meetingId),
          or(isNull(meetings.processId), eq(meetings.processId, processId)),
        ),
      )
      .returning({ id: meetings.id })
    return changed.length > 0
  }

  async takeCarryForward(meetingId: string): Promise<string | null> {
    const [row] = await this.db
      .update(meetings)
      .set({ carriedAt: new Date() })
      .where(
        and(eq(meetings.id, meetingId), isNotNull(meetings.carryFrom), isNull(meetings.carriedAt)),
      )
      .returning({ from: meetings.carryFrom })
    return row?.from ?? null
  }

  async rotate(
    meetingId: string,
    role: MeetingRole,
  ): Promise<{ token: string; revokedHashes: string[] }> {
    const now = new Date()
    const token = newToken()
    const revokedHashes = await this.db.transaction(async (tx) => {
      // Two rotations at once (on two instances) take turns on the meeting's row; otherwise
      // each would revoke only the old token and both new ones would stay valid.
      await tx
        .select({ id: meetings.id })
        .from(meetings)
        .where(eq(meetings.id, meetingId))
        .for('update')
      const old = await tx
        .update(capabilities)
        .set({ revokedAt: now })
        .where(
          and(
            eq(capabilities.meetingId, meetingId),
            eq(capabilities.role, role),
            isNull(capabilities.revokedAt),
          ),
        )
        .returning({ tokenHash: capabilities.tokenHash })
      await tx
        .insert(capabilities)
        .values({ tokenHash: hashToken(token), meetingId, role, createdAt: now })
      if (role === 'participant')
        await tx.update(meetings).set({ participantToken: token }).where(eq(meetings.id, meetingId))
      return old.map((o) => o.tokenHash)
    })
    return { token, revokedHashes }
  }

  async setJoinCode(meetingId: string, enabled: boolean): Promise<Meeting | null> {
    const [row] = await this.db
      .update(meetings)
      .set({ joinCode: enabled ? newJoinCode() : null })
      .where(eq(meetings.id, meetingId))
      .returning()
    return row ? toMeeting(row) : null
  }

  async markEnded(meetingId: string, at: Date): Promise<Meeting | null> {
    const [row] = await this.db
      .update(meetings)
      .set({ endedAt: at })
      .where(and(eq(meetings.id, meetingId), isNull(meetings.endedAt)))
      .returning()
    return row ? toMeeting(row) : null
  }

  async reopen(meetingId: string): Promise<Meeting | null> {
    const [row] = await this.db
      .update(meetings)
      .set({ endedAt: null })
      .where(eq(meetings.id, meetingId))
      .returning()
    return row ? toMeeting(row) : null
  }

  async participantByJoinCode(code: string): Promise<{ meeting: Meeting; token: string } | null> {
    const [row] = await this.db.select().from(meetings).where(eq(meetings.joinCode, code))
    return row ? { meeting: toMeeting(row), token: row.participantToken } : null
  }
}
