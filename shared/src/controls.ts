import { z } from 'zod'

/**
 * The layout of a board's Y.Doc, shared by the client (which reads and writes it) and the
 * server (which enforces who may write what).
 *
 * - `records`: every document-scope tldraw record, keyed by record id, as plain JSON.
 * - `meta`: `schema`, the tldraw schema the records are written in.
 * - `meeting`: a meeting's live controls (below). On a meeting's board only facilitator
 *   connections may change it; the server refuses anyone else's update that touches it.
 *
 * Every phase of a meeting is one tldraw page (its name is the phase's name, its index the
 * order), so phases are renamed, added, removed and reordered as pages, by the facilitator:
 * the server refuses page records from participants.
 */
export const RECORDS_MAP = 'records'
export const META_MAP = 'meta'
export const CONTROLS_MAP = 'meeting'

/** Keys of the `meeting` map; each value is plain JSON, validated by the schema beside it. */
export const ControlKey = {
  /** Page id of the phase everyone is in; participants and the projector move to it. */
  currentPhase: 'currentPhase',
  /** Page ids of phases participants may not edit (enforced by the server). */
  lockedPhases: 'lockedPhases',
  /**
   * Which phases participants may see and write on (enforced by the server): null for every
   * phase up to and including the current one, or the page ids the facilitator opened. See
   * `visiblePhases` in phases.ts.
   */
  shownPhases: 'shownPhases',
  timer: 'timer',
  voting: 'voting',
  /** "Bring everyone to me": a request everyone follows once, identified by its seq. */
  bring: 'bring',
  projector: 'projector',
  /** No names on notes or cursors (on by default for Demokratilabb meetings). */
  anonymous: 'anonymous',
  /** Set once the facilitator's client has laid out the phase templates. */
  templatesVersion: 'templatesVersion',
  /** Participants may answer notes sent from the other group (the process issue). */
  answersOpen: 'answersOpen',
  /** A chime when the timer runs out, on the facilitator's page and the projector. */
  timerChime: 'timerChime',
  /**
   * The meeting was ended: participants may change nothing, whatever phase is unlocked. Only
   * the server writes it (POST /api/meetings/:id/end and /reopen); a client's write is refused.
   */
  ended: 'ended',
  /**
   * "Skriv enskilt": the page id of the phase whose new notes participants write privately
   * (their text held by the server until the facilitator reveals it), or absent. Only the
   * server writes it (POST /api/meetings/:id/private-writing and …/reveal).
   */
  privateWriting: 'privateWriting',
} as const
export type ControlKey = (typeof ControlKey)[keyof typeof ControlKey]

export const pageIdSchema = z.string().regex(/^page:[A-Za-z0-9_-]{1,64}$/)
export const shapeIdSchema = z.string().regex(/^shape:[A-Za-z0-9_-]{1,64}$/)

export const currentPhaseSchema = pageIdSchema.nullable()
export const lockedPhasesSchema = z.array(pageIdSchema)
export const shownPhasesSchema = z.array(pageIdSchema).nullable()

/**
 * A countdown in the server's clock (GET /api/time gives each client its offset), so every
 * screen shows the same time left whatever its own clock says.
 */
export const timerSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('stopped'), durationMs: z.number().int().nonnegative() }),
  z.object({
    state: z.literal('running'),
    durationMs: z.number().int().nonnegative(),
    /** Server time (ms since epoch) at which it reaches zero. */
    endsAt: z.number(),
  }),
  z.object({
    state: z.literal('paused'),
    durationMs: z.number().int().nonnegative(),
    remainingMs: z.number().int().nonnegative(),
  }),
])
export type Timer = z.infer<typeof timerSchema>

export const MAX_VOTES_PER_PERSON = 20

/**
 * Dot voting on one phase's notes. Votes themselves go through the HTTP API (the server
 * counts them per person); the facilitator sees the tally while voting runs, and on reveal
 * writes the results here so that everyone sees them.
 */
export const votingSchema = z.object({
  /** Identifies this round: votes from an earlier round on the same phase do not count. */
  round: z.string().regex(/^[A-Za-z0-9_-]{4,64}$/),
  pageId: pageIdSchema,
  votesPerPerson: z.number().int().min(1).max(MAX_VOTES_PER_PERSON),
  state: z.enum(['open', 'closed', 'revealed']),
  /** Votes per note id, present once revealed. */
  results: z.record(shapeIdSchema, z.number().int().nonnegative()).optional(),
})
export type Voting = z.infer<typeof votingSchema>

export const bringSchema = z.object({
  /** Distinct per request (the facilitator's clock); clients act on a seq they have not seen. */
  seq: z.number(),
  pageId: pageIdSchema,
  bounds: z.object({ x: z.number(), y: z.number(), w: z.number(), h: z.number() }),
})
export type Bring = z.infer<typeof bringSchema>

/**
 * What the projector shows: the whole phase, the facilitator's view (by tldraw user id), or one
 * question frame of it filling the screen (presentation); and whether the QR code shows.
 */
export const projectorSchema = z.object({
  mode: z.enum(['follow', 'fit', 'frame']),
  followUserId: z.string().nullable(),
  /** The frame presented in 'frame' mode. */
  frameId: shapeIdSchema.nullable().default(null),
  /** The QR code and join code on the wall; folded away to give the board the room. */
  showJoin: z.boolean().default(true),
})
export type ProjectorSetting = z.infer<typeof projectorSchema>

/** The schema of each key of the `meeting` map; the server refuses any other key or value. */
export const CONTROL_SCHEMAS: Record<ControlKey, z.ZodType> = {
  currentPhase: currentPhaseSchema,
  lockedPhases: lockedPhasesSchema,
  shownPhases: shownPhasesSchema,
  timer: timerSchema,
  voting: votingSchema.nullable(),
  bring: bringSchema.nullable(),
  projector: projectorSchema,
  anonymous: z.boolean(),
  templatesVersion: z.number().int(),
  answersOpen: z.boolean(),
  timerChime: z.boolean(),
  ended: z.boolean(),
  privateWriting: pageIdSchema.nullable(),
}

export interface Controls {
  currentPhase: string | null
  lockedPhases: string[]
  shownPhases: string[] | null
  timer: Timer
  voting: Voting | null
  bring: Bring | null
  projector: ProjectorSetting
  anonymous: boolean
  templatesVersion: number
  answersOpen: boolean
  timerChime: boolean
  ended: boolean
  /** The phase participants write privately on, or null. */
  privateWriting: string | null
}

export const DEFAULT_CONTROLS: Controls = {
  currentPhase: null,
  lockedPhases: [],
  shownPhases: null,
  timer: { state: 'stopped', durationMs: 5 * 60_000 },
  voting: null,
  bring: null,
  projector: { mode: 'fit', followUserId: null, frameId: null, showJoin: true },
  anonymous: false,
  templatesVersion: 0,
  answersOpen: false,
  ended: false,
  timerChime: true,
  privateWriting: null,
}

/**
 * The controls in a `meeting` map's entries; a missing or malformed value reads as its
 * default, so a hand-edited or older document never breaks a page.
 */
export function parseControls(get: (key: string) => unknown, anonymousDefault = false): Controls {
  const read = <T>(key: string, schema: z.ZodType<T>, fallback: T): T => {
    const parsed = schema.safeParse(get(key))
    return parsed.success ? parsed.data : fallback
  }
  return {
    currentPhase: read(ControlKey.currentPhase, currentPhaseSchema, null),
    lockedPhases: read(ControlKey.lockedPhases, lockedPhasesSchema, []),
    shownPhases: read(ControlKey.shownPhases, shownPhasesSchema, null),
    timer: read(ControlKey.timer, timerSchema, DEFAULT_CONTROLS.timer),
    voting: read(ControlKey.voting, votingSchema.nullable(), null),
    bring: read(ControlKey.bring, bringSchema.nullable(), null),
    projector: read(ControlKey.projector, projectorSchema, DEFAULT_CONTROLS.projector),
    anonymous: read(
      ControlKey.anonymous,
      CONTROL_SCHEMAS.anonymous as z.ZodType<boolean>,
      anonymousDefault,
    ),
    templatesVersion: read(
      ControlKey.templatesVersion,
      CONTROL_SCHEMAS.templatesVersion as z.ZodType<number>,
      0,
    ),
    answersOpen: read(ControlKey.answersOpen, z.boolean(), false),
    timerChime: read(ControlKey.timerChime, z.boolean(), true),
    ended: read(ControlKey.ended, z.boolean(), false),
    privateWriting: read(ControlKey.privateWriting, pageIdSchema.nullable(), null),
  }
}

/** Milliseconds left on a timer at server time `now`. */
export function timerRemainingMs(timer: Timer, now: number): number {
  if (timer.state === 'running') return Math.max(0, timer.endsAt - now)
  if (timer.state === 'paused') return timer.remainingMs
  return timer.durationMs
}

/**
 * Marks on tldraw shapes (in `shape.meta.samla`) that Samla's own features look for: the
 * Inkorg frame where phone notes land, and the template's prompt frames (the questions).
 */
export const ShapeMark = {
  inbox: 'inbox',
  prompt: 'prompt',
} as const
export type ShapeMark = (typeof ShapeMark)[keyof typeof ShapeMark]

/** Where a shape's mark is kept: `shape.meta.samla`. */
export const SHAPE_MARK_META_KEY = 'samla'

/**
 * The facilitator's lock on a shape, in `shape.meta.samlaLocked`: `true` locks it for
 * participants, `false` opens it (also a template frame), absent leaves it to the mark.
 * Participants may neither change a locked shape nor set, change or remove this flag or a
 * mark on any shape; the server enforces it (EditRefusal.LayoutLocked).
 */
export const LAYOUT_LOCK_META_KEY = 'samlaLocked'

/** Marks of the frames a template lays out; they are locked unless the facilitator opens them. */
const TEMPLATE_MARKS: ReadonlySet<unknown> = new Set<ShapeMark>([ShapeMark.inbox, ShapeMark.prompt])

const metaOf = (record: unknown): Record<string, unknown> | null => {
  const meta = (record as { meta?: unknown } | null | undefined)?.meta
  return meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : null
}

/**
 * Whether participants may not change or delete this record (a shape, in practice): locked by
 * the facilitator, or a template frame the facilitator has not opened. Its children are not
 * locked: notes go into a locked frame and out of it.
 */
export function isLockedForParticipants(record: unknown): boolean {
  const meta = metaOf(record)
  if (!meta) return false
  const flag = meta[LAYOUT_LOCK_META_KEY]
  if (typeof flag === 'boolean') return flag
  return TEMPLATE_MARKS.has(meta[SHAPE_MARK_META_KEY])
}

/** A note's author in `shape.meta.samlaAuthor`, written only when the meeting is not anonymous. */
export const AUTHOR_META_KEY = 'samlaAuthor'
/** When a note was made (ISO), in `shape.meta.samlaCreatedAt`: by the phone, the board, the server. */
export const CREATED_AT_META_KEY = 'samlaCreatedAt'
