import type { Handslag, Meeting } from '@samla/shared'
import type { NoteToWrite } from './boardWrites.ts'

/** The id of a carried commitment's note: the same however often the frame is written. */
export const carriedCommitmentId = (organisationId: string, index: number) =>
  `shape:samla-carried-h-${organisationId}-${index}`

/** A frame of a few rows, not a wall: the earliest due come first. */
export const MAX_CARRIED_COMMITMENTS = 60
const COLOR = 'light-green'

/**
 * The commitments a new meeting's "Från förra samlingen" frame carries: what organisations
 * have confirmed in the process's Handslag and is due before the next meeting of the same
 * group after this one (by then it should be done, so this is the meeting to follow it up);
 * when no later meeting is planned, every confirmed commitment. Earliest due first, as
 * "Organisation: commitment (senast YYYY-MM-DD)".
 */
export function dueCommitmentNotes(
  meeting: Meeting,
  timeline: readonly Meeting[],
  handslag: readonly Handslag[],
): NoteToWrite[] {
  const next = timeline.find((m) => m.group === meeting.group && m.date > meeting.date)
  const due = handslag.flatMap((h) =>
    h.organisations
      .filter((o) => o.confirmation)
      .flatMap((o) =>
        o.commitments.map((c, i) => ({ id: carriedCommitmentId(o.id, i), name: o.name, ...c })),
      ),
  )
  return due
    .filter((c) => !next || c.due < next.date)
    .sort((a, b) => a.due.localeCompare(b.due) || a.name.localeCompare(b.name, 'sv'))
    .slice(0, MAX_CARRIED_COMMITMENTS)
    .map((c) => ({ id: c.id, color: COLOR, text: `${c.name}: ${c.text} (senast ${c.due})` }))
}
