import { z } from 'zod'
import { meetingGroup } from './meetings.ts'

/**
 * Ideas followed from a sticky note to a decision (seed 003, "från idé till färdig satsning"):
 * each has a number within its process (I-7), where it was born, an idébeskrivning in the
 * template's fields, and a status along the seed's path, each change with a public reason.
 */

/** The seed's path, in order; `avslutad` and `inte-aktuell` end it from anywhere. */
export const IDEA_PATH = [
  'ide',
  'idebeskrivning',
  'samordningsgrupp',
  'dialogforum',
  'underlag',
  'beslut',
  'genomforande',
  'uppfoljning',
  'spridning',
] as const
export const IDEA_ENDINGS = ['avslutad', 'inte-aktuell'] as const
export const ideaStatus = z.enum([...IDEA_PATH, ...IDEA_ENDINGS])
export type IdeaStatus = z.infer<typeof ideaStatus>

/**
 * Whether an idea may go from `from` to `to`: forward along the path (a step the idea does
 * not need may be skipped), to an ending from any status on the path, and from an ending
 * back to the start ("väckt igen"). Never to where it is, never backwards along the path.
 */
export function isIdeaTransition(from: IdeaStatus, to: IdeaStatus): boolean {
  if (from === to) return false
  const ended = (s: IdeaStatus) => (IDEA_ENDINGS as readonly string[]).includes(s)
  if (ended(from)) return to === 'ide'
  if (ended(to)) return true
  return (
    IDEA_PATH.indexOf(to as (typeof IDEA_PATH)[number]) >
    IDEA_PATH.indexOf(from as (typeof IDEA_PATH)[number])
  )
}

/** Sectors of the actors an idea involves (the seed's criteria speak of kommun and region). */
export const ACTOR_SECTORS = [
  'kommun',
  'region',
  'civilsamhalle',
  'skola',
  'naringsliv',
  'unga',
  'myndighet',
  'forskning',
  'annat',
] as const
export const actorSector = z.enum(ACTOR_SECTORS)

const field = z.string().max(5000)

/** The template's fields (seed 003, step 8 and the criteria). */
export const ideaDescriptionSchema = z
  .object({
    bakgrund: field,
    syfte: field,
    mal: field,
    /** Effect measures, with the target groups' quality measures. */
    matt: field,
    malgrupp: field,
    aktorer: z
      .array(z.object({ organisation: z.string().trim().max(200), sector: actorSector }).strict())
      .max(40),
    barnratt: field,
    brukarmedverkan: field,
    evidens: field,
    budget: field,
    /** Plan for evaluation, reporting and implementation in ordinary work. */
    plan: field,
  })
  .strict()
export type IdeaDescription = z.infer<typeof ideaDescriptionSchema>

export const EMPTY_DESCRIPTION: IdeaDescription = {
  bakgrund: '',
  syfte: '',
  mal: '',
  matt: '',
  malgrupp: '',
  aktorer: [],
  barnratt: '',
  brukarmedverkan: '',
  evidens: '',
  budget: '',
  plan: '',
}

export const DESCRIPTION_TEXT_FIELDS = [
  'bakgrund',
  'syfte',
  'mal',
  'matt',
  'malgrupp',
  'barnratt',
  'brukarmedverkan',
  'evidens',
  'budget',
  'plan',
] as const

/** What the seed's criteria find missing: a text field left empty, or a required actor. */
export type CriteriaProblem =
  | { kind: 'missing'; field: (typeof DESCRIPTION_TEXT_FIELDS)[number] }
  | { kind: 'municipalAndRegional' }

/**
 * The hard criteria of the seed: every field of the template filled in, and "minst ett
 * kommunalt och ett regionalt verksamhetsområde medverkar tillsammans i satsningen".
 */
export function criteriaProblems(description: IdeaDescription): CriteriaProblem[] {
  const problems: CriteriaProblem[] = DESCRIPTION_TEXT_FIELDS.filter(
    (f) => description[f].trim() === '',
  ).map((f) => ({ kind: 'missing', field: f }))
  const sectors = new Set(
    description.aktorer.filter((a) => a.organisation.trim()).map((a) => a.sector),
  )
  if (!sectors.has('kommun') || !sectors.has('region'))
    problems.push({ kind: 'municipalAndRegional' })
  return problems
}

export const ideaEventSchema = z.object({ status: ideaStatus, reason: z.string(), at: z.string() })
export type IdeaEvent = z.infer<typeof ideaEventSchema>

/**
 * One vote over ideas (Verkstad 2): the dot voting of a meeting, run on notes the server wrote
 * for the chosen ideas; what each idea got, kept with the idea.
 */
export const ideaPrioritySchema = z.object({
  /** Null once that meeting was erased (the votes stay, with nothing of its board). */
  meetingId: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  round: z.string(),
  votes: z.number().int().nonnegative(),
  /** 1 for the most votes; ideas with as many votes share a place. */
  rank: z.number().int().positive(),
  /** How many ideas were voted on in that round. */
  of: z.number().int().positive(),
  voters: z.number().int().nonnegative(),
  at: z.string(),
})
export type IdeaPriority = z.infer<typeof ideaPrioritySchema>

export const ideaSchema = z.object({
  id: z.string(),
  processId: z.string(),
  /** I-<number>, stable within the process. */
  number: z.number().int().positive(),
  title: z.string(),
  status: ideaStatus,
  ownerOrganisation: z.string(),
  origin: z.object({
    /** Null once that meeting was erased: "från en raderad samling". */
    meetingId: z.string().nullable(),
    meetingTitle: z.string().nullable(),
    group: meetingGroup,
    phase: z.string().nullable(),
    snapshotId: z.string().nullable(),
    /** The notes it came from, as they read then (erased with their meeting). */
    notes: z.array(z.object({ shapeId: z.string(), text: z.string() })),
  }),
  description: ideaDescriptionSchema,
  history: z.array(ideaEventSchema),
  /** Every vote over ideas it took part in, oldest first. */
  priorities: z.array(ideaPrioritySchema),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Idea = z.infer<typeof ideaSchema>

export const MAX_NOTES_PER_IDEA = 50

/** POST /api/meetings/:id/ideas */
export const createIdeaRequest = z
  .object({
    shapeIds: z.array(z.string().max(80)).min(1).max(MAX_NOTES_PER_IDEA),
    title: z.string().trim().min(1).max(200).optional(),
  })
  .strict()

/** PATCH /api/processes/:id/ideas/:ideaId (the idébeskrivning itself is a Yjs document: ideaDocument.ts) */
export const updateIdeaRequest = z
  .object({
    title: z.string().trim().min(1).max(200),
    ownerOrganisation: z.string().trim().max(200),
  })
  .partial()
  .strict()
export type UpdateIdeaRequest = z.infer<typeof updateIdeaRequest>

/** POST /api/processes/:id/ideas/:ideaId/status: where it goes, and why, in public words. */
export const changeIdeaStatusRequest = z
  .object({ status: ideaStatus, reason: z.string().trim().min(1).max(600) })
  .strict()

export const ideaLabel = (number: number) => `I-${number}`

export const MAX_IDEAS_PER_VOTE = 30

/** POST /api/meetings/:id/idea-votes: the ideas to vote on, as notes in a frame of that phase. */
export const prioritiseIdeasRequest = z
  .object({
    ideaIds: z.array(z.string().max(80)).min(1).max(MAX_IDEAS_PER_VOTE),
    pageId: z.string().regex(/^page:[A-Za-z0-9_-]{1,64}$/),
  })
  .strict()
export type PrioritiseIdeasRequest = z.infer<typeof prioritiseIdeasRequest>

/** The note an idea is voted on as, on any board (one per idea and board). */
export const ideaVoteNoteId = (ideaId: string) => `shape:samla-idea-${ideaId}`
export const IDEA_VOTE_NOTE_PREFIX = 'shape:samla-idea-'
/** The frame those notes are written in: "Prioritera idéerna". */
export const IDEA_VOTE_FRAME_TITLE = 'Prioritera idéerna'
