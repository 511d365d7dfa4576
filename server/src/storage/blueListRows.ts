import type { BlueListItem, BlueListSource, BlueListStatus } from '@samla/shared'
import { type Column, sql } from 'drizzle-orm'
import type { blueListEvents, blueListItems } from '../db/schema.ts'

/**
 * Rows of Blå listan's tables as the API speaks of them; the PostgreSQL tables have the same
 * columns (db/pg/schema.ts), so both dialects map through here.
 */
export type BlueListItemRow = typeof blueListItems.$inferSelect
export type BlueListEventRow = typeof blueListEvents.$inferSelect

function sourceOf(row: BlueListItemRow): BlueListSource {
  switch (row.sourceKind) {
    case 'idea':
      return {
        kind: 'idea',
        ideaId: row.sourceIdeaId ?? '',
        ideaNumber: row.sourceIdeaNumber ?? 0,
        ideaTitle: row.sourceIdeaTitle ?? '',
      }
    case 'note':
      return {
        kind: 'note',
        meetingId: row.sourceMeetingId,
        meetingTitle: row.sourceMeetingTitle,
        text: row.sourceText ?? '',
      }
    case 'meeting':
      return {
        kind: 'meeting',
        meetingId: row.sourceMeetingId,
        meetingTitle: row.sourceMeetingTitle,
      }
    default:
      return { kind: 'none' }
  }
}

export function toBlueListItem(row: BlueListItemRow, events: BlueListEventRow[]): BlueListItem {
  return {
    id: row.id,
    processId: row.processId,
    number: row.number,
    need: row.need,
    source: sourceOf(row),
    raisedTo: row.raisedTo,
    status: row.status as BlueListStatus,
    history: events.map((e) => ({
      status: e.status as BlueListStatus,
      comment: e.comment,
      at: e.at.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** The source's columns of a new item. */
export function sourceColumns(source: BlueListSource) {
  return {
    sourceKind: source.kind,
    sourceIdeaId: source.kind === 'idea' ? source.ideaId : null,
    sourceIdeaNumber: source.kind === 'idea' ? source.ideaNumber : null,
    sourceIdeaTitle: source.kind === 'idea' ? source.ideaTitle : null,
    sourceMeetingId: source.kind === 'note' || source.kind === 'meeting' ? source.meetingId : null,
    sourceMeetingTitle:
      source.kind === 'note' || source.kind === 'meeting' ? source.meetingTitle : null,
    sourceText: source.kind === 'note' ? source.text : null,
  }
}

/**
 * What erasing the source meeting leaves of an item, for both dialects: no meeting, no title,
 * no notes' text, and no need that is still the notes' text (SQL reads the old values on the
 * right of every assignment, so the order does not matter).
 */
export const forgottenSource = (t: {
  need: Column
  needFromSource: Column
  sourceText: Column
}) => ({
  sourceMeetingId: null,
  sourceMeetingTitle: null,
  sourceText: sql`case when ${t.sourceText} is null then null else '' end`,
  need: sql`case when ${t.needFromSource} then '' else ${t.need} end`,
  needFromSource: false,
})
