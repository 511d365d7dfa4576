import { and, asc, count, eq } from 'drizzle-orm'
import type { PgSamlaDatabase } from '../../db/pg/client.ts'
import { privateNotes } from '../../db/pg/schema.ts'
import type { NewPrivateNote, PrivateNoteRepository } from '../repositories.ts'

/** Private notes' texts until they are revealed, in PostgreSQL (as in SQLite). */
export class PgPrivateNotes implements PrivateNoteRepository {
  constructor(private readonly db: PgSamlaDatabase) {}

  async put(meetingId: string, voterId: string, note: NewPrivateNote, max: number) {
    const ofVoter = and(eq(privateNotes.meetingId, meetingId), eq(privateNotes.voterId, voterId))
    const key = and(ofVoter, eq(privateNotes.shapeId, note.shapeId))
    const updatedAt = new Date()
    const updated = await this.db
      .update(privateNotes)
      .set({
        text: note.text,
        author: note.author,
        updatedAt,
        ...(note.proof ? { proof: note.proof } : {}),
      })
      .where(key)
      .returning({ shapeId: privateNotes.shapeId })
    if (updated.length > 0) return 'kept' as const
    // Counted, then inserted: two new notes of one voter at once may both pass the count. The
    // bound is against flooding by one browser, which an overshoot by a request or two is not.
    const [row] = await this.db.select({ n: count() }).from(privateNotes).where(ofVoter)
    if ((row?.n ?? 0) >= max) return 'full' as const
    const proof = note.proof
    if (!proof) return 'no_proof' as const
    await this.db
      .insert(privateNotes)
      .values({ meetingId, voterId, ...note, proof, updatedAt })
      .onConflictDoUpdate({
        target: [privateNotes.meetingId, privateNotes.shapeId, privateNotes.voterId],
        set: { text: note.text, author: note.author, proof, updatedAt },
      })
    return 'kept' as const
  }

  async ofVoter(meetingId: string, voterId: string) {
    return this.db
      .select({
        shapeId: privateNotes.shapeId,
        text: privateNotes.text,
        author: privateNotes.author,
      })
      .from(privateNotes)
      .where(and(eq(privateNotes.meetingId, meetingId), eq(privateNotes.voterId, voterId)))
      .orderBy(asc(privateNotes.updatedAt), asc(privateNotes.shapeId))
  }

  async remove(meetingId: string, voterId: string, shapeId: string) {
    await this.db
      .delete(privateNotes)
      .where(
        and(
          eq(privateNotes.meetingId, meetingId),
          eq(privateNotes.voterId, voterId),
          eq(privateNotes.shapeId, shapeId),
        ),
      )
  }

  async all(meetingId: string) {
    return this.db
      .select({
        shapeId: privateNotes.shapeId,
        proof: privateNotes.proof,
        text: privateNotes.text,
        author: privateNotes.author,
      })
      .from(privateNotes)
      .where(eq(privateNotes.meetingId, meetingId))
  }

  async clear(meetingId: string) {
    await this.db.delete(privateNotes).where(eq(privateNotes.meetingId, meetingId))
  }
}
