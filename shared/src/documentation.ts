import { z } from 'zod'
import { attendanceSchema, recordTextsSchema } from './meetingRecord.ts'

/**
 * What a meeting's board said, in a form that needs neither tldraw nor Samla to read: the
 * phases (pages) in order, in each the frames (the questions) and the notes written in them.
 * It is the body of a snapshot and of the JSON export (docs/ARCHIVE-FORMAT.md).
 */
export const documentedNoteSchema = z.object({
  id: z.string(),
  text: z.string(),
  /** tldraw's colour name: yellow, orange, green, light-blue, violet, light-red, … */
  color: z.string(),
  /** Dot votes, when a vote on this phase was revealed; otherwise null. */
  votes: z.number().int().nullable(),
  /** The name written with the note, never in anonymous meetings. */
  author: z.string().nullable(),
  /** ISO time the note was first written, when known. */
  createdAt: z.string().nullable(),
})
export type DocumentedNote = z.infer<typeof documentedNoteSchema>

export const documentedFrameSchema = z.object({
  /** null for the notes outside any frame. */
  id: z.string().nullable(),
  name: z.string(),
  /** prompt: a template question; inbox: where phone notes land; frame: any other frame. */
  kind: z.enum(['prompt', 'inbox', 'frame', 'loose']),
  notes: z.array(documentedNoteSchema),
})
export type DocumentedFrame = z.infer<typeof documentedFrameSchema>

export const documentedPhaseSchema = z.object({
  pageId: z.string(),
  name: z.string(),
  frames: z.array(documentedFrameSchema),
})
export type DocumentedPhase = z.infer<typeof documentedPhaseSchema>

export const boardContentSchema = z.object({
  phases: z.array(documentedPhaseSchema),
})
export type BoardContent = z.infer<typeof boardContentSchema>

export const snapshotReason = z.enum(['manual', 'phase-change', 'end'])
export type SnapshotReason = z.infer<typeof snapshotReason>

/** A snapshot as listed: what was taken when, and which phases have a picture. */
export const snapshotSummarySchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  /** The phase that was current when it was taken (for a phase change: the one that ended). */
  pageId: z.string().nullable(),
  label: z.string(),
  reason: snapshotReason,
  createdAt: z.string(),
  /** Page ids with a picture. */
  images: z.array(z.string()),
})
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>

export const snapshotSchema = snapshotSummarySchema.extend({ content: boardContentSchema })
export type Snapshot = z.infer<typeof snapshotSchema>

export const createSnapshotRequest = z
  .object({
    label: z.string().trim().max(200).optional(),
    /** A facilitator takes one by hand, or ends the meeting; phase changes are taken by the server. */
    reason: z.enum(['manual', 'end']).default('manual'),
  })
  .strict()

/** A note's count in a voting round, as the server recorded it when the round ended. */
export const votingRoundResultSchema = z.object({
  noteId: z.string(),
  /**
   * The note's text when the round was closed or revealed (the later of the two), kept so
   * that editing or deleting the note afterwards changes nothing; null if it was gone by then.
   */
  text: z.string().nullable(),
  color: z.string(),
  votes: z.number().int().nonnegative(),
})
export type VotingRoundResult = z.infer<typeof votingRoundResultSchema>

/**
 * One round of dot voting of a meeting, recorded by the server from the facilitator's
 * controls and counted from the votes themselves (never from what a client wrote).
 */
export const votingRoundSchema = z.object({
  round: z.string(),
  pageId: z.string(),
  /** The phase's name when the round was last recorded. */
  phase: z.string(),
  votesPerPerson: z.number().int(),
  /** ISO times; closedAt null while the round runs, revealedAt null unless everyone saw it. */
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  revealedAt: z.string().nullable(),
  /** Distinct voters who cast at least one vote. */
  voters: z.number().int().nonnegative(),
  /**
   * Every note of the phase when the round ended, and any other note that got votes: most
   * votes first, ties in reading order. Empty while the round runs.
   */
  results: z.array(votingRoundResultSchema),
})
export type VotingRound = z.infer<typeof votingRoundSchema>

/** GET /api/meetings/:id/documentation and /api/published/:token/documentation */
export const documentationViewSchema = z.object({
  meeting: z.object({
    title: z.string(),
    group: z.enum(['kraftsamling', 'demokratilabb']),
    date: z.string(),
    format: z.enum(['physical', 'digital', 'hybrid']),
  }),
  anonymous: z.boolean(),
  /** The snapshot the record is made from (the latest), or null: read from the live board. */
  source: z.object({ snapshotId: z.string(), takenAt: z.string(), label: z.string() }).nullable(),
  content: boardContentSchema,
  /** Every voting round of the meeting, oldest first, whatever the snapshot shows. */
  votingRounds: z.array(votingRoundSchema),
  /**
   * The organisers' texts and who took part (counted, with their corrections): the draft on
   * the facilitator's page, the copy of the last publication on the public link.
   */
  record: z.object({ texts: recordTextsSchema, attendance: attendanceSchema }),
  /** Facilitator's view: the texts or the count differ from what the public link shows. */
  unpublishedChanges: z.boolean(),
  /** A picture per phase, where one was rendered: an API path, relative to the origin. */
  images: z.array(z.object({ pageId: z.string(), path: z.string() })),
  /** Export downloads by format: API paths. */
  exports: z.object({ md: z.string(), html: z.string(), csv: z.string(), json: z.string() }),
  /** The public link while published (facilitator's view only), else null. */
  publishedUrl: z.string().nullable(),
})
export type DocumentationView = z.infer<typeof documentationViewSchema>

/** A note located in its phase and frame, for comparisons. */
export const placedNoteSchema = z.object({
  phase: z.string(),
  frame: z.string(),
  note: documentedNoteSchema,
})
export type PlacedNote = z.infer<typeof placedNoteSchema>

/** GET /api/meetings/:id/snapshots/:sid/compare: what changed on the live board since. */
export const snapshotComparisonSchema = z.object({
  added: z.array(placedNoteSchema),
  removed: z.array(placedNoteSchema),
  /** Notes whose text, colour, phase or frame changed: as they were, and as they are. */
  changed: z.array(z.object({ before: placedNoteSchema, after: placedNoteSchema })),
})
export type SnapshotComparison = z.infer<typeof snapshotComparisonSchema>

/**
 * tldraw's note colours as light swatches, for the stripe or square beside a note in the
 * documentation (the page and the HTML export); the note's text carries the meaning.
 */
const NOTE_SWATCHES: Record<string, string> = {
  yellow: '#fed49a',
  orange: '#fbc185',
  green: '#a5d9b4',
  'light-green': '#c1eac3',
  blue: '#aac3f4',
  'light-blue': '#b4dcf5',
  violet: '#d3b5f0',
  'light-violet': '#e4c9f7',
  red: '#f7a5a1',
  'light-red': '#fbc8c5',
  grey: '#d6d9dd',
  // A note in tldraw's default colour is "black", and tldraw paints it pale yellow.
  black: '#fce19c',
  white: '#ffffff',
}

/**
 * A note colour by the name of what people saw: tldraw's default note colour is called
 * "black" but painted pale yellow (its notes have no black), so it is "yellow" too.
 */
export function noteColourName(color: string): string {
  return color === 'black' ? 'yellow' : color
}

/** The swatch of a note colour; tldraw's default (yellow) for one it does not know. */
export function noteSwatch(color: string): string {
  return NOTE_SWATCHES[color] ?? '#fed49a'
}
