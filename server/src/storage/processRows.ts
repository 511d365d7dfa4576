import type { Crossing, Process } from '@samla/shared'
import { newBoardId } from '../boards.ts'
import type { crossings, processes } from '../db/schema.ts'
import type { NewCrossing } from './repositories.ts'

/**
 * Rows of the process tables as the API speaks of them. The PostgreSQL tables have the same
 * columns with the same types (db/pg/schema.ts), so both dialects map through here.
 */
export type ProcessRow = typeof processes.$inferSelect

export const toProcess = (row: ProcessRow): Process => ({
  id: row.id,
  name: row.name,
  description: row.description,
  organisers: row.organisers,
  createdAt: row.createdAt.toISOString(),
})

export type CrossingRow = typeof crossings.$inferSelect

export function toCrossing(row: CrossingRow): Crossing {
  return {
    id: row.id,
    processId: row.processId,
    fromMeetingId: row.fromMeetingId,
    toMeetingId: row.toMeetingId,
    sourceShapeId: row.sourceShapeId,
    text: row.text,
    color: row.color,
    origin: {
      group: row.originGroup,
      meetingTitle: row.originTitle,
      phase: row.originPhase,
      date: row.originDate,
    },
    author: row.author,
    message: row.message,
    createdAt: row.createdAt.toISOString(),
    deliveredShapeId: row.deliveredShapeId,
    answer:
      row.answerText !== null && row.answeredAt
        ? { text: row.answerText, at: row.answeredAt.toISOString() }
        : null,
  }
}

export function crossingRow(note: NewCrossing, createdAt: Date): CrossingRow {
  return {
    id: newBoardId(),
    processId: note.processId,
    fromMeetingId: note.fromMeetingId,
    toMeetingId: note.toMeetingId,
    sourceShapeId: note.sourceShapeId,
    text: note.text,
    color: note.color,
    originGroup: note.origin.group,
    originTitle: note.origin.meetingTitle,
    originPhase: note.origin.phase,
    originDate: note.origin.date,
    author: note.author,
    message: note.message,
    createdAt,
    deliveredShapeId: null,
    answerText: null,
    answeredAt: null,
  }
}
