import type { Attendance, RecordTexts, Sector } from '@samla/shared'
import { asc, eq } from 'drizzle-orm'
import type { PgSamlaDatabase } from '../../db/pg/client.ts'
import { attendees, meetingRecords, meetings } from '../../db/pg/schema.ts'
import { countAttendance, draftOf, publishedOf, suggestionsOf } from '../meetingRecordRows.ts'
import type { MeetingRecordRepository, PublishedRecord } from '../repositories.ts'

/** Attendance and the organisers' texts of a meeting's record, in PostgreSQL (as in SQLite). */
export class PgMeetingRecords implements MeetingRecordRepository {
  constructor(private readonly db: PgSamlaDatabase) {}

  async attend(
    meetingId: string,
    voterId: string,
    said: { organisation: string | null; sector: Sector | null },
  ): Promise<void> {
    await this.db
      .insert(attendees)
      .values({ meetingId, voterId, ...said, joinedAt: new Date() })
      .onConflictDoUpdate({ target: [attendees.meetingId, attendees.voterId], set: said })
  }

  async attendance(meetingId: string): Promise<Attendance> {
    const rows = await this.db
      .select({ organisation: attendees.organisation, sector: attendees.sector })
      .from(attendees)
      .where(eq(attendees.meetingId, meetingId))
      // In the order they joined: a tie between two spellings goes to the first.
      .orderBy(asc(attendees.joinedAt))
    return countAttendance(rows)
  }

  async organisationSuggestions(meetingId: string, processId: string | null): Promise<string[]> {
    const rows = await this.db
      .select({ organisation: attendees.organisation, sector: attendees.sector })
      .from(attendees)
      .innerJoin(meetings, eq(meetings.id, attendees.meetingId))
      .where(processId ? eq(meetings.processId, processId) : eq(meetings.id, meetingId))
      .orderBy(asc(attendees.joinedAt))
    return suggestionsOf(rows)
  }

  async texts(meetingId: string) {
    const [row] = await this.db
      .select()
      .from(meetingRecords)
      .where(eq(meetingRecords.meetingId, meetingId))
    return { draft: draftOf(row?.draft), published: publishedOf(row?.published) }
  }

  async saveDraft(meetingId: string, draft: RecordTexts): Promise<void> {
    const updatedAt = new Date()
    await this.db
      .insert(meetingRecords)
      .values({ meetingId, draft, updatedAt })
      .onConflictDoUpdate({ target: meetingRecords.meetingId, set: { draft, updatedAt } })
  }

  async publish(meetingId: string, published: PublishedRecord): Promise<void> {
    const updatedAt = new Date()
    await this.db
      .insert(meetingRecords)
      .values({ meetingId, draft: published.texts, published, updatedAt })
      .onConflictDoUpdate({ target: meetingRecords.meetingId, set: { published, updatedAt } })
  }
}
