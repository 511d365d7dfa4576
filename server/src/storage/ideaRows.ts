import {
  EMPTY_DESCRIPTION,
  type Idea,
  type IdeaDescription,
  type IdeaStatus,
  ideaDescriptionSchema,
} from '@samla/shared'
import type { ideaEvents, ideaPriorities, ideas } from '../db/schema.ts'
import type { NewPriorities } from './repositories.ts'

/**
 * Rows of the idea tables as the API speaks of them; the PostgreSQL tables have the same
 * columns (db/pg/schema.ts), so both dialects map through here.
 */
export type IdeaRow = typeof ideas.$inferSelect
export type IdeaEventRow = typeof ideaEvents.$inferSelect
export type IdeaPriorityRow = typeof ideaPriorities.$inferSelect

/** A description as stored, read leniently: a field a later version added reads as empty. */
function description(value: unknown): IdeaDescription {
  const parsed = ideaDescriptionSchema.safeParse({ ...EMPTY_DESCRIPTION, ...(value as object) })
  return parsed.success ? parsed.data : EMPTY_DESCRIPTION
}

export function toIdea(
  row: IdeaRow,
  events: IdeaEventRow[],
  priorities: IdeaPriorityRow[] = [],
): Idea {
  return {
    id: row.id,
    processId: row.processId,
    number: row.number,
    title: row.title,
    status: row.status as IdeaStatus,
    ownerOrganisation: row.ownerOrganisation,
    origin: {
      meetingId: row.originMeetingId,
      meetingTitle: row.originMeetingTitle,
      group: row.originGroup,
      phase: row.originPhase,
      snapshotId: row.originSnapshotId,
      notes: Array.isArray(row.originNotes) ? (row.originNotes as Idea['origin']['notes']) : [],
    },
    description: description(row.description),
    history: events.map((e) => ({
      status: e.status as IdeaStatus,
      reason: e.reason,
      at: e.at.toISOString(),
    })),
    priorities: priorities.map((p) => ({
      meetingId: p.meetingId,
      meetingTitle: p.meetingTitle,
      round: p.round,
      votes: p.votes,
      rank: p.rank,
      of: p.of,
      voters: p.voters,
      at: p.at.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** What erasing the origin meeting leaves of an idea's origin. */
export const FORGOTTEN_ORIGIN = {
  originMeetingId: null,
  originMeetingTitle: null,
  originPhase: null,
  originSnapshotId: null,
  originNotes: [],
} as const

/** A row of idea_priorities for one idea of a recorded vote over ideas. */
export const priorityRow = (input: NewPriorities, result: NewPriorities['results'][number]) => ({
  ideaId: result.ideaId,
  meetingId: input.meetingId,
  meetingTitle: input.meetingTitle,
  round: input.round,
  votes: result.votes,
  rank: result.rank,
  of: result.of,
  voters: input.voters,
  at: input.at,
})
