import { z } from 'zod'

/**
 * Blå listan (seed 004, "Identifierade behov som inte kan mötas inom delarenan"): the needs
 * the process cannot meet itself, each numbered within the process (B-1, B-2 …), with where
 * it came from, to whom it is raised, and a status along a small path with public comments.
 */

/** Noted, raised, answered; `avslutad` ends it from anywhere. */
export const BLUE_LIST_PATH = ['ny', 'lyft', 'besvarad'] as const
export const BLUE_LIST_ENDING = 'avslutad'
export const blueListStatus = z.enum([...BLUE_LIST_PATH, BLUE_LIST_ENDING])
export type BlueListStatus = z.infer<typeof blueListStatus>
export const BLUE_LIST_STATUSES = blueListStatus.options

/**
 * Whether an item may go from `from` to `to`: forward along the path (answered before it was
 * formally raised skips a step), to `avslutad` from anywhere, and from `avslutad` back to
 * `ny` (opened again). Never to where it is, never backwards along the path.
 */
export function isBlueListTransition(from: BlueListStatus, to: BlueListStatus): boolean {
  if (from === to) return false
  if (from === BLUE_LIST_ENDING) return to === 'ny'
  if (to === BLUE_LIST_ENDING) return true
  return (
    BLUE_LIST_PATH.indexOf(to as (typeof BLUE_LIST_PATH)[number]) >
    BLUE_LIST_PATH.indexOf(from as (typeof BLUE_LIST_PATH)[number])
  )
}

export const MAX_NEED_CHARS = 2000
export const MAX_RAISED_TO_CHARS = 200
export const MAX_BLUE_COMMENT_CHARS = 600
/** Most notes one item may be made of: a frame's worth, not a board. */
export const MAX_NOTES_PER_BLUE_ITEM = 50

/**
 * Where a need came from. A note's or a meeting's source keeps its kind when that meeting is
 * erased, but reads `meetingId: null, meetingTitle: null` (and a note's `text: ''`): "från en
 * raderad samling".
 */
export const blueListSourceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('idea'),
    ideaId: z.string(),
    ideaNumber: z.number().int().positive(),
    ideaTitle: z.string(),
  }),
  z.object({
    kind: z.literal('note'),
    meetingId: z.string().nullable(),
    meetingTitle: z.string().nullable(),
    /** The notes' text as the board held it when the item was made. */
    text: z.string(),
  }),
  z.object({
    kind: z.literal('meeting'),
    meetingId: z.string().nullable(),
    meetingTitle: z.string().nullable(),
  }),
  z.object({ kind: z.literal('none') }),
])
export type BlueListSource = z.infer<typeof blueListSourceSchema>

/** Whether the source was a meeting that has been erased since. */
export const isFromErasedMeeting = (source: BlueListSource) =>
  (source.kind === 'note' || source.kind === 'meeting') && source.meetingId === null

export const blueListEventSchema = z.object({
  status: blueListStatus,
  /** A short public comment, or ''. */
  comment: z.string(),
  at: z.string(),
})
export type BlueListEvent = z.infer<typeof blueListEventSchema>

export const blueListItemSchema = z.object({
  id: z.string(),
  processId: z.string(),
  /** B-<number>, stable within the process: a deleted item's number is never given again. */
  number: z.number().int().positive(),
  /**
   * The need in words. Made from notes it is their text until the process link rewrites it;
   * erased with their meeting until then (''), since it is that meeting's text.
   */
  need: z.string().max(MAX_NEED_CHARS),
  source: blueListSourceSchema,
  /** "Till vem det lyfts": free text, '' until someone is named. */
  raisedTo: z.string(),
  status: blueListStatus,
  /** Every change of status, oldest first: the first is `ny` when the item was made. */
  history: z.array(blueListEventSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type BlueListItem = z.infer<typeof blueListItemSchema>

const need = z.string().trim().min(1).max(MAX_NEED_CHARS)
const raisedTo = z.string().trim().max(MAX_RAISED_TO_CHARS)
const id = z.string().max(64)

/**
 * POST /api/processes/:id/blue-list: a need in the process link's words, from one of the
 * process's ideas (`ideaId`: the server fills in its number and title), one of its meetings
 * (`meetingId`), or neither.
 */
export const createBlueListItemRequest = z
  .object({ need, raisedTo: raisedTo.default(''), ideaId: id.optional(), meetingId: id.optional() })
  .strict()
  .refine((r) => !(r.ideaId && r.meetingId), {
    message: 'An item comes from an idea or a meeting, not both',
    path: ['meetingId'],
  })
export type CreateBlueListItemRequest = z.input<typeof createBlueListItemRequest>

/** POST /api/meetings/:id/blue-list: the selected notes (or frames), read on the server. */
export const createBlueListFromNotesRequest = z
  .object({ shapeIds: z.array(z.string().max(80)).min(1).max(MAX_NOTES_PER_BLUE_ITEM) })
  .strict()

/** PATCH /api/processes/:id/blue-list/:itemId */
export const updateBlueListItemRequest = z.object({ need, raisedTo }).partial().strict()
export type UpdateBlueListItemRequest = z.infer<typeof updateBlueListItemRequest>

/** POST /api/processes/:id/blue-list/:itemId/status */
export const changeBlueListStatusRequest = z
  .object({
    status: blueListStatus,
    comment: z.string().trim().max(MAX_BLUE_COMMENT_CHARS).default(''),
  })
  .strict()
export type ChangeBlueListStatusRequest = z.input<typeof changeBlueListStatusRequest>

export const blueListLabel = (number: number) => `B-${number}`

/** An item as the process record gives it (docs/ARCHIVE-FORMAT.md): no ids, the rest as is. */
export const recordBlueListItemSchema = z.object({
  number: z.number().int(),
  need: z.string(),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('idea'), ideaNumber: z.number().int(), ideaTitle: z.string() }),
    z.object({ kind: z.literal('note'), meetingTitle: z.string().nullable(), text: z.string() }),
    z.object({ kind: z.literal('meeting'), meetingTitle: z.string().nullable() }),
    z.object({ kind: z.literal('none') }),
  ]),
  raisedTo: z.string(),
  status: blueListStatus,
  history: z.array(blueListEventSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type RecordBlueListItem = z.infer<typeof recordBlueListItemSchema>

/** The record's form of an item: a meeting erased since reads `meetingTitle: null`. */
export function recordBlueListItem(item: BlueListItem): RecordBlueListItem {
  const s = item.source
  const source: RecordBlueListItem['source'] =
    s.kind === 'idea'
      ? { kind: 'idea', ideaNumber: s.ideaNumber, ideaTitle: s.ideaTitle }
      : s.kind === 'note'
        ? { kind: 'note', meetingTitle: s.meetingTitle, text: s.text }
        : s.kind === 'meeting'
          ? { kind: 'meeting', meetingTitle: s.meetingTitle }
          : { kind: 'none' }
  return {
    number: item.number,
    need: item.need,
    source,
    raisedTo: item.raisedTo,
    status: item.status,
    history: item.history,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  }
}
