import {
  EMPTY_DESCRIPTION,
  type Idea,
  type IdeaStatus,
  isIdeaTransition,
  type UpdateIdeaRequest,
} from '@samla/shared'
import { and, asc, desc, eq, inArray, isNotNull, isNull, max } from 'drizzle-orm'
import { newBoardId } from '../../boards.ts'
import { type SamlaDatabase, truncateWal } from '../../db/client.ts'
import { ideaEvents, ideaPriorities, ideas } from '../../db/schema.ts'
import { FORGOTTEN_ORIGIN, priorityRow, toIdea } from '../ideaRows.ts'
import type {
  IdeaDocumentRef,
  IdeaRepository,
  NewIdea,
  NewPriorities,
  StatusChange,
} from '../repositories.ts'

/** Ideas in SQLite: one connection, so each method's transaction is the whole of it. */
export class SqliteIdeas implements IdeaRepository {
  constructor(private readonly db: SamlaDatabase) {}

  private withHistory(rows: (typeof ideas.$inferSelect)[]): Idea[] {
    if (rows.length === 0) return []
    const events = this.db
      .select()
      .from(ideaEvents)
      .where(
        inArray(
          ideaEvents.ideaId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(ideaEvents.id))
      .all()
    const priorities = this.db
      .select()
      .from(ideaPriorities)
      .where(
        inArray(
          ideaPriorities.ideaId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(ideaPriorities.at), asc(ideaPriorities.id))
      .all()
    return rows.map((row) =>
      toIdea(
        row,
        events.filter((e) => e.ideaId === row.id),
        priorities.filter((p) => p.ideaId === row.id),
      ),
    )
  }

  async create(input: NewIdea): Promise<Idea> {
    const now = new Date()
    const id = newBoardId()
    this.db.transaction((tx) => {
      const top = tx
        .select({ n: max(ideas.number) })
        .from(ideas)
        .where(eq(ideas.processId, input.processId))
        .get()
      tx.insert(ideas)
        .values({
          id,
          processId: input.processId,
          number: (top?.n ?? 0) + 1,
          title: input.title,
          status: 'ide',
          ownerOrganisation: '',
          originMeetingId: input.origin.meetingId,
          originGroup: input.origin.group,
          originMeetingTitle: input.origin.meetingTitle,
          originPhase: input.origin.phase,
          originSnapshotId: input.origin.snapshotId,
          originNotes: input.origin.notes,
          description: EMPTY_DESCRIPTION,
          createdAt: now,
          updatedAt: now,
        })
        .run()
      tx.insert(ideaEvents).values({ ideaId: id, status: 'ide', reason: '', at: now }).run()
    })
    return (await this.get(input.processId, id)) as Idea
  }

  async get(processId: string, id: string): Promise<Idea | null> {
    const row = this.db
      .select()
      .from(ideas)
      .where(and(eq(ideas.processId, processId), eq(ideas.id, id)))
      .get()
    return row ? (this.withHistory([row])[0] ?? null) : null
  }

  async list(processId: string): Promise<Idea[]> {
    return this.withHistory(
      this.db
        .select()
        .from(ideas)
        .where(eq(ideas.processId, processId))
        .orderBy(desc(ideas.updatedAt), desc(ideas.number))
        .all(),
    )
  }

  async ofMeeting(meetingId: string): Promise<Idea[]> {
    return this.withHistory(
      this.db
        .select()
        .from(ideas)
        .where(eq(ideas.originMeetingId, meetingId))
        .orderBy(asc(ideas.number))
        .all(),
    )
  }

  async update(processId: string, id: string, changes: UpdateIdeaRequest): Promise<Idea | null> {
    this.db
      .update(ideas)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(ideas.processId, processId), eq(ideas.id, id)))
      .run()
    return this.get(processId, id)
  }

  async changeStatus(
    processId: string,
    id: string,
    status: IdeaStatus,
    reason: string,
  ): Promise<StatusChange> {
    const outcome = this.db.transaction((tx): StatusChange | 'changed' => {
      const row = tx
        .select({ status: ideas.status })
        .from(ideas)
        .where(and(eq(ideas.processId, processId), eq(ideas.id, id)))
        .get()
      if (!row) return { ok: false, reason: 'not_found' }
      const from = row.status as IdeaStatus
      if (!isIdeaTransition(from, status)) return { ok: false, reason: 'invalid_transition', from }
      const now = new Date()
      tx.update(ideas).set({ status, updatedAt: now }).where(eq(ideas.id, id)).run()
      tx.insert(ideaEvents).values({ ideaId: id, status, reason, at: now }).run()
      return 'changed'
    })
    if (outcome !== 'changed') return outcome
    return { ok: true, idea: (await this.get(processId, id)) as Idea }
  }

  async forgetMeeting(meetingId: string): Promise<void> {
    this.db.transaction((tx) => {
      tx.update(ideas).set(FORGOTTEN_ORIGIN).where(eq(ideas.originMeetingId, meetingId)).run()
      tx.update(ideaPriorities)
        .set({ meetingTitle: null })
        .where(eq(ideaPriorities.meetingId, meetingId))
        .run()
    })
    truncateWal(this.db)
  }

  async documentOf(processId: string, id: string): Promise<IdeaDocumentRef | null> {
    return (
      this.db
        .select({ documentId: ideas.documentId, editTokenHash: ideas.editTokenHash })
        .from(ideas)
        .where(and(eq(ideas.processId, processId), eq(ideas.id, id)))
        .get() ?? null
    )
  }

  async attachDocument(processId: string, id: string, documentId: string): Promise<string | null> {
    this.db
      .update(ideas)
      .set({ documentId })
      .where(and(eq(ideas.processId, processId), eq(ideas.id, id), isNull(ideas.documentId)))
      .run()
    return (await this.documentOf(processId, id))?.documentId ?? null
  }

  async byDocument(documentId: string) {
    return (
      this.db
        .select({
          processId: ideas.processId,
          ideaId: ideas.id,
          documentId: ideas.documentId,
          editTokenHash: ideas.editTokenHash,
        })
        .from(ideas)
        .where(eq(ideas.documentId, documentId))
        .get() ?? null
    )
  }

  async setEditToken(processId: string, id: string, tokenHash: string | null): Promise<boolean> {
    const result = this.db
      .update(ideas)
      .set({ editTokenHash: tokenHash })
      .where(and(eq(ideas.processId, processId), eq(ideas.id, id)))
      .run()
    return result.changes > 0
  }

  async documentsOfProcess(processId: string): Promise<string[]> {
    return this.db
      .select({ documentId: ideas.documentId })
      .from(ideas)
      .where(and(eq(ideas.processId, processId), isNotNull(ideas.documentId)))
      .all()
      .map((r) => r.documentId as string)
  }

  async recordPriorities(input: NewPriorities): Promise<void> {
    this.db.transaction((tx) => {
      for (const r of input.results)
        tx.insert(ideaPriorities)
          .values({ ...priorityRow(input, r) })
          .onConflictDoUpdate({
            target: [ideaPriorities.ideaId, ideaPriorities.meetingId, ideaPriorities.round],
            set: { votes: r.votes, rank: r.rank, of: r.of, voters: input.voters, at: input.at },
          })
          .run()
    })
  }
}
