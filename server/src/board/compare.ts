import type { BoardContent, PlacedNote, SnapshotComparison } from '@samla/shared'

/** Every note with the phase and frame it sits in, by note id. */
function placed(content: BoardContent): Map<string, PlacedNote> {
  const notes = new Map<string, PlacedNote>()
  for (const phase of content.phases) {
    for (const frame of phase.frames) {
      for (const note of frame.notes)
        notes.set(note.id, { phase: phase.name, frame: frame.name, note })
    }
  }
  return notes
}

/**
 * What changed between a snapshot and the board now, note by note: added, removed, and
 * changed in text, colour or place. Votes and authors are not edits of a note.
 */
export function compareContent(before: BoardContent, after: BoardContent): SnapshotComparison {
  const then = placed(before)
  const now = placed(after)
  const result: SnapshotComparison = { added: [], removed: [], changed: [] }
  for (const [id, was] of then) {
    const is = now.get(id)
    if (!is) result.removed.push(was)
    else if (
      is.note.text !== was.note.text ||
      is.note.color !== was.note.color ||
      is.phase !== was.phase ||
      is.frame !== was.frame
    )
      result.changed.push({ before: was, after: is })
  }
  for (const [id, is] of now) if (!then.has(id)) result.added.push(is)
  return result
}
