import type { Crossing } from '@samla/shared'
import { and, asc, eq, isNull, or } from 'drizzle-orm'
import type { SamlaDatabase } from '../../db/client.ts'
import { crossings } from '../../db/schema.ts'
import { crossingRow, toCrossing } from '../processRows.ts'
import type { CrossingRepository, NewCrossing } from '../repositories.ts'

const sameNote = (note: NewCrossing) =>
  and(
    eq(crossings.fromMeetingId, note.fromMeetingId),
    eq(crossings.toMeetingId, note.toMeetingId),
    eq(crossings.sourceShapeId, note.sourceShapeId),
  )

/** Notes sent across and their answers, in SQLite. */
export class SqliteCrossings implements CrossingRepository {
  constructor(private readonly db: SamlaDatabase) {}

  async send(notes: NewCrossing[]): Promise<{ created: Crossing[]; existing: Crossing[] }> {
    const now = new Date()
    return this.db.transaction((tx) => {
      const created: Crossing[] = []
      const existing: Crossing[] = []
      for (const note of notes) {
        const inserted = tx
          .insert(crossings)
          .values(crossingRow(note, now))
          .onConflictDoNothing()
          .returning()
          .get()
        if (inserted) created.push(toCrossing(inserted))
        else {
          const row = tx.select().from(crossings).where(sameNote(note)).get()
          if (row) existing.push(toCrossing(row))
        }
      }
      return { created, existing }
    })
  }

  async get(id: string): Promise<Crossing | null> {
    const row = this.db.select().from(crossings).where(eq(crossings.id, id)).get()
    return row ? toCrossing(row) : null
  }

  async ofProcess(processId: string): Promise<Crossing[]> {
    return this.db
      .select()
      .from(crossings)
      .where(eq(crossings.processId, processId))
      .orderBy(asc(crossings.createdAt), asc(crossings.id))
      .all()
      .map(toCrossing)
  }

  async touching(meetingId: string): Promise<Crossing[]> {
    return this.db
      .select()
      .from(crossings)
      .where(or(eq(crossings.fromMeetingId, meetingId), eq(crossings.toMeetingId, meetingId)))
      .orderBy(asc(crossings.createdAt), asc(crossings.id))
      .all()
      .map(toCrossing)
  }

  async delivered(id: string, shapeId: string): Promise<boolean> {
    const changed = this.db
      .update(crossings)
      .set({ deliveredShapeId: shapeId })
      .where(and(eq(crossings.id, id), isNull(crossings.deliveredShapeId)))
      .run()
    return changed.changes > 0
  }

  async answer(id: string, text: string): Promise<Crossing | null> {
    const row = this.db
      .update(crossings)
      .set({ answerText: text, answeredAt: new Date() })
      .where(eq(crossings.id, id))
      .returning()
      .get()
    return row ? toCrossing(row) : null
  }
}
