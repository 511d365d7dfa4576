import type { Crossing } from '@samla/shared'
import { and, asc, eq, isNull, or } from 'drizzle-orm'
import type { PgSamlaDatabase } from '../../db/pg/client.ts'
import { crossings } from '../../db/pg/schema.ts'
import { crossingRow, toCrossing } from '../processRows.ts'
import type { CrossingRepository, NewCrossing } from '../repositories.ts'

/** Notes sent across and their answers, in PostgreSQL; as sqlite/crossings.ts. */
export class PgCrossings implements CrossingRepository {
  constructor(private readonly db: PgSamlaDatabase) {}

  async send(notes: NewCrossing[]): Promise<{ created: Crossing[]; existing: Crossing[] }> {
    const now = new Date()
    return this.db.transaction(async (tx) => {
      const created: Crossing[] = []
      const existing: Crossing[] = []
      for (const note of notes) {
        const [inserted] = await tx
          .insert(crossings)
          .values(crossingRow(note, now))
          .onConflictDoNothing()
          .returning()
        if (inserted) created.push(toCrossing(inserted))
        else {
          const [row] = await tx
            .select()
            .from(crossings)
            .where(
              and(
                eq(crossings.fromMeetingId, note.fromMeetingId),
                eq(crossings.toMeetingId, note.toMeetingId),
                eq(crossings.sourceShapeId, note.sourceShapeId),
              ),
            )
          if (row) existing.push(toCrossing(row))
        }
      }
      return { created, existing }
    })
  }

  async get(id: string): Promise<Crossing | null> {
    const [row] = await this.db.select().from(crossings).where(eq(crossings.id, id))
    return row ? toCrossing(row) : null
  }

  async ofProcess(processId: string): Promise<Crossing[]> {
    const rows = await this.db
      .select()
      .from(crossings)
      .where(eq(crossings.processId, processId))
      .orderBy(asc(crossings.createdAt), asc(crossings.id))
    return rows.map(toCrossing)
  }

  async touching(meetingId: string): Promise<Crossing[]> {
    const rows = await this.db
      .select()
      .from(crossings)
      .where(or(eq(crossings.fromMeetingId, meetingId), eq(crossings.toMeetingId, meetingId)))
      .orderBy(asc(crossings.createdAt), asc(crossings.id))
    return rows.map(toCrossing)
  }

  async delivered(id: string, shapeId: string): Promise<boolean> {
    const changed = await this.db
      .update(crossings)
      .set({ deliveredShapeId: shapeId })
      .where(and(eq(crossings.id, id), isNull(crossings.deliveredShapeId)))
      .returning({ id: crossings.id })
    return changed.length > 0
  }

  async answer(id: string, text: string): Promise<Crossing | null> {
    const [row] = await this.db
      .update(crossings)
      .set({ answerText: text, answeredAt: new Date() })
      .where(eq(crossings.id, id))
      .returning()
    return row ? toCrossing(row) : null
  }
}
