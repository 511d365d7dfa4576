import { and, asc, count, eq } from 'drizzle-orm'
import type { SamlaDatabase } from '../../db/client.ts'
import { privateNotes } from '../../db/schema.ts'
import type { NewPrivateNote, PrivateNoteRepository } from '../repositories.ts'

/** Private notes' texts until they are revealed, in SQLite. */
export class SqlitePrivateNotes implements PrivateNoteRepository {
  constructor(private readonly db: SamlaDatabase) {}

  async put(meetingId: string, voterId: string, note: NewPrivateNote, max: number) {
    const key = and(
      eq(privateNotes.meetingId, meetingId),
      eq(privateNotes.voterId, voterId),
      eq(privateNotes.shapeId, note.shapeId),
    )
    const updatedAt = new Date()
    // One transaction: two requests of one voter at once cannot both take the last place.
    return this.db.transaction((tx) => {
      const held = tx.select({ shapeId: privateNotes.shapeId }).from(privateNotes).where(key).get()
      if (held) {
        tx.update(privateNotes)
          .set({
            text: note.text,
            author: note.author,
            updatedAt,
            ...(note.proof ? { proof: note.proof } : {}),
          })
          .where(key)
          .run()
        return 'kept' as const
      }
      const [row] = tx
        .select({ n: count() })
        .from(privateNotes)
        .where(and(eq(privateNotes.meetingId, meetingId), eq(privateNotes.voterId, voterId)))
        .all()
      if ((row?.n ?? 0) >= max) return 'full' as const
      const proof = note.proof
      if (!proof) return 'no_proof' as const
      tx.insert(privateNotes)
        .values({ meetingId, voterId, ...note, proof, updatedAt })
        .run()
      return 'kept' as const
    })
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
      .all()
  }

  async remove(meetingId: string, voterId: string, shapeId: string) {
    this.db
      .delete(privateNotes)
      .where(
        and(
          eq(privateNotes.meetingId, meetingId),
          eq(privateNotes.voterId, voterId),
          eq(privateNotes.shapeId, shapeId),
        ),
      )
      .run()
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
      .all()
  }

  async clear(meetingId: string) {
    this.db.delete(privateNotes).where(eq(privateNotes.meetingId, meetingId)).run()
  }
}
