import { type Crossing, type Idea, ideaVoteNoteId, type NoteThread } from '@samla/shared'

/** The id of the note a crossing puts on the receiving board: the same on every delivery. */
export const receivedShapeId = (crossingId: string) => `shape:samla-in-${crossingId}`
/** The ids of the carried-forward frame and its notes on a new Samling's board. */
export const carriedFrameId = (meetingId: string) => `shape:samla-carried-${meetingId}`
export const carriedNoteId = (crossingId: string) => `shape:samla-carried-${crossingId}`

/**
 * What a meeting's board shows beside its notes, derived from the database alone, so that
 * writing it again after any change (a sending, an answer, an idea, an erasure) gives the
 * same map: on each received note where it came from and its answer; on each sent note
 * where it went and what came back; on each note an idea was made of or is voted on as, the
 * idea's badge.
 */
export function threadsOf(
  meetingId: string,
  crossings: readonly Crossing[],
  titleOf: (meetingId: string) => string,
  ideas: readonly Idea[] = [],
  /** Whether the board has a shape: an idea's vote note is badged only where it is. */
  has: (shapeId: string) => boolean = () => true,
): Map<string, NoteThread> {
  const threads = new Map<string, NoteThread>()
  // The notes an idea was made of carry its badge (the latest idea, if several were).
  for (const idea of ideas) {
    // The note it is voted on as, and (on the board it was born on) the notes it came from.
    const notes = idea.origin.meetingId === meetingId ? idea.origin.notes.map((n) => n.shapeId) : []
    if (has(ideaVoteNoteId(idea.id))) notes.push(ideaVoteNoteId(idea.id))
    for (const shapeId of notes) {
      threads.set(shapeId, {
        ...threads.get(shapeId),
        idea: { id: idea.id, number: idea.number, status: idea.status },
      })
    }
  }
  for (const c of crossings) {
    if (c.toMeetingId === meetingId && c.deliveredShapeId) {
      threads.set(c.deliveredShapeId, {
        ...threads.get(c.deliveredShapeId),
        received: { crossingId: c.id, origin: c.origin, message: c.message, answer: c.answer },
      })
    }
    if (c.fromMeetingId === meetingId) {
      const thread = threads.get(c.sourceShapeId) ?? {}
      thread.sent = [
        ...(thread.sent ?? []),
        { crossingId: c.id, toTitle: titleOf(c.toMeetingId), answer: c.answer },
      ]
      threads.set(c.sourceShapeId, thread)
    }
  }
  return threads
}
