import {
  PROCESS_ARCHIVE_FORMAT,
  type Process,
  type ProcessRecord,
  recordBlueListItem,
} from '@samla/shared'
import type { SamlaStore } from '../storage/store.ts'
import { recordHandslag } from './handslagRecord.ts'
import { statusOf, today } from './service.ts'

/**
 * The process record, from the database alone: each meeting's documentation is its latest
 * snapshot (taken at a phase change, at the end or by hand), as a meeting's published
 * documentation is; a meeting without one is listed with no phases yet.
 */
export async function buildProcessRecord(
  store: SamlaStore,
  process: Process,
  /** The process link's view: unsigned Handslag too (the published record has signed ones). */
  { withUnsigned = false }: { withUnsigned?: boolean } = {},
): Promise<ProcessRecord> {
  const now = today()
  const meetings = await store.meetings.inProcess(process.id)
  const title = new Map(meetings.map((m) => [m.id, m.title]))
  const documented = await Promise.all(
    meetings.map(async (meeting) => {
      const list = await store.snapshots.list(meeting.id)
      const latest = list[0] ? await store.snapshots.get(meeting.id, list[0].id) : null
      return {
        title: meeting.title,
        group: meeting.group,
        date: meeting.date,
        format: meeting.format,
        status: statusOf(
          meeting,
          list.some((s) => s.reason === 'end'),
          now,
        ),
        takenAt: latest?.createdAt ?? null,
        phases: latest?.content.phases ?? [],
      }
    }),
  )
  const crossings = (await store.crossings.ofProcess(process.id)).map((c) => ({
    from: title.get(c.fromMeetingId) ?? c.origin.meetingTitle,
    to: title.get(c.toMeetingId) ?? '',
    text: c.text,
    origin: c.origin,
    author: c.author,
    message: c.message,
    sentAt: c.createdAt,
    answer: c.answer,
  }))
  const ideas = (await store.ideas.list(process.id))
    .sort((a, b) => a.number - b.number)
    .map((idea) => ({
      number: idea.number,
      title: idea.title,
      status: idea.status,
      ownerOrganisation: idea.ownerOrganisation,
      origin: idea.origin.meetingId
        ? {
            group: idea.origin.group,
            meetingTitle: idea.origin.meetingTitle,
            phase: idea.origin.phase,
          }
        : null,
      history: idea.history,
      priorities: idea.priorities.map(({ meetingTitle, votes, rank, of, at }) => ({
        meetingTitle,
        votes,
        rank,
        of,
        at,
      })),
    }))
  const blueList = (await store.blueList.list(process.id)).map(recordBlueListItem)
  const handslag = recordHandslag(
    await store.handslag.list(process.id),
    (id) => title.get(id),
    withUnsigned,
  )
  return {
    format: PROCESS_ARCHIVE_FORMAT,
    ideas,
    blueList,
    handslag,
    process: {
      name: process.name,
      description: process.description,
      organisers: process.organisers,
    },
    meetings: documented,
    crossings,
  }
}
