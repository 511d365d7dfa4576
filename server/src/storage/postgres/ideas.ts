import {
  EMPTY_DESCRIPTION,
  type Idea,
  type IdeaStatus,
  isIdeaTransition,
  type UpdateIdeaRequest,
} from '@samla/shared'
import { and, asc, desc, eq, inArray, isNotNull, isNull, max, sql } from 'drizzle-orm'
import { newBoardId } from '../../boards.ts'
import type { PgSamlaDatabase } from '../../db/pg/client.ts'
import { ideaEvents, ideaPriorities, ideas, processes } from '../../db/pg/schema.ts'
import { FORGOTTEN_ORIGIN, priorityRow, toIdea } from '../ideaRows.ts'
import type {
  IdeaDocumentRef,
  IdeaRepository,
  NewIdea,
  NewPriorities,
  StatusChange,
} from '../repositories.ts'

/** Ideas in PostgreSQL; the same behaviour as sqlite/ideas.ts. */
export class PgIdeas implements IdeaRepository {
  constructor(private readonly db: PgSamlaDatabase) {}

  private async withHistory(rows: (typeof ideas.$inferSelect)[]): Promise<Idea[]> {
    if (rows.length === 0) return []
    const events = await this.db
      .select()
      .from(ideaEvents)
      .where(
        inArray(
          ideaEvents.ideaId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(ideaEvents.id))
    const priorities = await this.db
      .select()
      .from(ideaPriorities)
      .where(
        inArray(
          ideaPriorities.ideaId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(ideaPriorities.at), asc(ideaPriorities.id))
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
    await this.db.transaction(async (tx) => {
      // The process row's lock numbers its ideas one at a time, across instances.
      await tx.execute(
        sql`select 1 from ${processes} where ${processes.id} = ${input.processId} for update`,
      )
      const [top] = await tx
        .select({ n: max(ideas.number) })
        .from(ideas)
        .where(eq(ideas.processId, input.processId))
      await tx.insert(ideas).values({
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
      await tx.insert(ideaEvents).values({ ideaId: id, status: 'ide', reason: '', at: now })
    })
    return (await this.get(input.processId, id)) as Idea
  }

  async get(processId: string, id: string): Promise<Idea | null> {
    const rows = await this.db
      .select()
      .from(ideas)
      .where(and(eq(ideas.processId, processId), eq(ideas.id, id)))
    return (await this.withHistory(rows))[0] ?? null
  }

  async list(processId: string): Promise<Idea[]> {
    return this.withHistory(
      await this.db
        .select()
        .from(ideas)
        .where(eq(ideas.processId, processId))
        .orderBy(desc(ideas.updatedAt), desc(ideas.number)),
    )
  }

  async ofMeeting(meetingId: string): Promise<Idea[]> {
    return this.withHistory(
      await this.db
        .select()
        .from(ideas)
        .where(eq(ideas.originMeetingId, meetingId))
        .orderBy(asc(ideas.number)),
    )
  }

  async update(processId: string, id: string, changes: UpdateIdeaRequest): Promise<Idea | null> {
    await this.db
      .update(ideas)
      .set({ ...changes, updatedAt: new Date() })
      .where(and(eq(ideas.processId, processId), eq(ideas.id, id)))
    return this.get(processId, id)
  }

  async changeStatus(
    processId: string,
    id: string,
    status: IdeaStatus,
    reason: string,
  ): Promise<StatusChange> {
    const outcome = await this.db.transaction(async (tx): Promise<StatusChange | 'changed'> => {
      const [row] = await tx
        .select({ status: ideas.status })
        .from(ideas)
        .where(and(eq(ideas.processId, processId), eq(ideas.id, id)))
        .for('update')
      if (!row) return { ok: false, reason: 'not_found' }
      const from = row.status as IdeaStatus
      if (!isIdeaTransition(from, status)) return { ok: false, reason: 'invalid_transition', from }
      const now = new Date()
      await tx.update(ideas).set({ status, updatedAt: now }).where(eq(ideas.id, id))
      await tx.insert(ideaEvents).values({ ideaId: id, status, reason, at: now })
      return 'changed'
    })
    if (outcome !== 'changed') return outcome
    return { ok: true, idea: (await this.get(processId, id)) as Idea }
  }

  async forgetMeeting(meetingId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.update(ideas).set(FORGOTTEN_ORIGIN).where(eq(ideas.originMeetingId, meetingId))
      await tx
        .update(ideaPriorities)
        .set({ meetingTitle: null })
        .where(eq(ideaPriorities.meetingId, meetingId))
    })
  }

  async documentOf(processId: string, id: string): Promise<IdeaDocumentRef | null> {
    const [row] = await this.db
      .select({ documentId: ideas.documentId, editTokenHash: ideas.editTokenHash })
      .from(ideas)
      .where(and(eq(ideas.processId, processId), eq(ideas.id, id)))
    return row ?? null
  }

  async attachDocument(processId: string, id: string, documentId: string): Promise<string | null> {
    await this.db
      .update(ideas)
      .set({ documentId })
      .where(and(eq(ideas.processId, processId), eq(ideas.id, id), isNull(ideas.documentId)))
    return (await this.documentOf(processId, id))?.documentId ?? null
  }

  async byDocument(documentId: string) {
    const [row] = await this.db
      .select({
        processId: ideas.processId,
        ideaId: ideas.id,
        documentId: ideas.documentId,
        editTokenHash: ideas.editTokenHash,
      })
      .from(ideas)
      .where(eq(ideas.documentId, documentId))
    return row ?? null
  }

  async setEditToken(processId: string, id: string, tokenHash: string | null): Promise<boolean> {
    const rows = await this.db
      .update(ideas)
      .set({ editTokenHash: tokenHash })
      .where(and(eq(ideas.processId, processId), eq(ideas.id, id)))
      .returning({ id: ideas.id })
    return rows.length > 0
  }

  async documentsOfProcess(processId: string): Promise<string[]> {
    const rows = await this.db
      .select({ documentId: ideas.documentId })
      .from(ideas)
      .where(and(eq(ideas.processId, processId), isNotNull(ideas.documentId)))
    return rows.map((r) => r.documentId as string)
  }

  async recordPriorities(input: NewPriorities): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const r of input.results)
        await tx
          .insert(ideaPriorities)
          .values({ ...priorityRow(input, r) })
          .onConflictDoUpdate({
            target: [ideaPriorities.ideaId, ideaPriorities.meetingId, ideaPriorities.round],
            set: { votes: r.votes, rank: r.rank, of: r.of, voters: input.voters, at: input.at },
          })
    })
  }
}
