import { z } from 'zod'
import { BOARD_ID_PATTERN } from './ids.ts'

/**
 * Handslag (seed 004, Verkstad 3 "Utforma arbetsplan och handslag"): a work plan listing the
 * initiatives a process will work on and, per participating organisation, what it commits to
 * and by when. Each organisation confirms through a link of its own; once every one has, the
 * Handslag is signed, read-only, and part of the process record.
 */

/** An organisation's confirmation page: `/h/<handslag id>#c=<token>`. */
export const HANDSLAG_PATH_PREFIX = '/h/'
/** The fragment key of a confirmation link's token (a process link's is `k`). */
export const CONFIRMATION_LINK_KEY = 'c'

export const MAX_HANDSLAG_PER_PROCESS = 50
export const MAX_HANDSLAG_TITLE_CHARS = 200
export const MAX_INITIATIVES = 40
export const MAX_INITIATIVE_CHARS = 1000
export const MAX_ORGANISATIONS = 30
export const MAX_ORGANISATION_NAME_CHARS = 200
export const MAX_COMMITMENTS = 10
export const MAX_COMMITMENT_CHARS = 1000
/** Name, role and organisation a representative confirms with. */
export const MAX_CONFIRMATION_FIELD_CHARS = 200

const randomId = z.string().regex(BOARD_ID_PATTERN)

export const initiativeSchema = z.object({
  /** The process's idea it is, if it is one (its number then reads I-n); null: free text. */
  ideaId: z.string().nullable(),
  ideaNumber: z.number().int().positive().nullable(),
  text: z.string(),
})
export type Initiative = z.infer<typeof initiativeSchema>

export const commitmentSchema = z
  .object({
    text: z.string().trim().min(1).max(MAX_COMMITMENT_CHARS),
    /** The day it is to be done by (YYYY-MM-DD). */
    due: z.iso.date(),
  })
  .strict()
export type Commitment = z.infer<typeof commitmentSchema>

/** The only personal data of a Handslag: who confirmed for the organisation, and when. */
export const confirmationSchema = z.object({
  name: z.string(),
  role: z.string(),
  organisation: z.string(),
  at: z.string(),
})
export type Confirmation = z.infer<typeof confirmationSchema>

export const handslagOrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  commitments: z.array(commitmentSchema).max(MAX_COMMITMENTS),
  /**
   * Goes up whenever the commitments change: a confirmation names the revision its
   * representative read, so that nobody confirms commitments they were not shown.
   */
  revision: z.number().int().positive(),
  confirmation: confirmationSchema.nullable(),
})
export type HandslagOrganisation = z.infer<typeof handslagOrganisationSchema>

export const handslagSchema = z.object({
  id: z.string(),
  processId: z.string(),
  title: z.string(),
  /** The Verkstad meeting of the process it was made at; null if none (or it was erased). */
  meetingId: z.string().nullable(),
  initiatives: z.array(initiativeSchema).max(MAX_INITIATIVES),
  organisations: z.array(handslagOrganisationSchema).max(MAX_ORGANISATIONS),
  /** When the last organisation confirmed; from then on the Handslag is read-only. */
  signedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Handslag = z.infer<typeof handslagSchema>

/** confirmed of all: what the process page lists. */
export const confirmedCount = (h: Pick<Handslag, 'organisations'>) =>
  h.organisations.filter((o) => o.confirmation).length

const title = z.string().trim().min(1).max(MAX_HANDSLAG_TITLE_CHARS)
/** An initiative as sent: one of the process's ideas (by id) or free text, always with its text. */
export const initiativeInput = z
  .object({
    ideaId: randomId.nullable().default(null),
    text: z.string().trim().min(1).max(MAX_INITIATIVE_CHARS),
  })
  .strict()
export type InitiativeInput = z.infer<typeof initiativeInput>

/** POST /api/processes/:id/handslag */
export const createHandslagRequest = z
  .object({
    title,
    meetingId: randomId.nullable().default(null),
    initiatives: z.array(initiativeInput).max(MAX_INITIATIVES).default([]),
  })
  .strict()
export type CreateHandslagRequest = z.input<typeof createHandslagRequest>

/** PATCH /api/processes/:id/handslag/:handslagId: the work plan itself. */
export const updateHandslagRequest = z
  .object({
    title,
    meetingId: randomId.nullable(),
    initiatives: z.array(initiativeInput).max(MAX_INITIATIVES),
  })
  .partial()
  .strict()
export type UpdateHandslagRequest = z.input<typeof updateHandslagRequest>

const organisationName = z.string().trim().min(1).max(MAX_ORGANISATION_NAME_CHARS)
const commitments = z.array(commitmentSchema).max(MAX_COMMITMENTS)

/** POST /api/processes/:id/handslag/:handslagId/organisations */
export const addOrganisationRequest = z
  .object({ name: organisationName, commitments: commitments.default([]) })
  .strict()
export type AddOrganisationRequest = z.input<typeof addOrganisationRequest>

/** PATCH …/organisations/:organisationId: new commitments clear its confirmation. */
export const updateOrganisationRequest = z
  .object({ name: organisationName, commitments })
  .partial()
  .strict()
export type UpdateOrganisationRequest = z.input<typeof updateOrganisationRequest>

/** The organisation's confirmation link, shown when it is made or made anew. */
export const confirmationLinkSchema = z.object({
  organisationId: z.string(),
  link: z.string(),
})
export type ConfirmationLink = z.infer<typeof confirmationLinkSchema>

/** POST …/organisations: the Handslag as it is now, and the new organisation's link. */
export const addedOrganisationSchema = z.object({
  handslag: handslagSchema,
  confirmationLink: confirmationLinkSchema,
})
export type AddedOrganisation = z.infer<typeof addedOrganisationSchema>

/** GET /api/handslag/:id/confirmation with an organisation's token: what its page shows. */
export const confirmationViewSchema = z.object({
  processName: z.string(),
  title: z.string(),
  meetingTitle: z.string().nullable(),
  initiatives: z.array(initiativeSchema),
  /** Every organisation taking part, and whether it has confirmed (never by whom). */
  organisations: z.array(z.object({ name: z.string(), confirmed: z.boolean() })),
  organisation: handslagOrganisationSchema,
  signedAt: z.string().nullable(),
})
export type ConfirmationView = z.infer<typeof confirmationViewSchema>

const confirmationField = z.string().trim().min(1).max(MAX_CONFIRMATION_FIELD_CHARS)
/** POST /api/handslag/:id/confirmation */
export const confirmRequest = z
  .object({
    name: confirmationField,
    role: confirmationField,
    organisation: confirmationField,
    /** The revision of the commitments the page showed. */
    revision: z.number().int().positive(),
  })
  .strict()
export type ConfirmRequest = z.infer<typeof confirmRequest>

export const confirmResultSchema = z.object({
  confirmation: confirmationSchema,
  /** Whether this was the last confirmation, so that the Handslag is signed now. */
  signed: z.boolean(),
})
export type ConfirmResult = z.infer<typeof confirmResultSchema>

/**
 * A Handslag in the process record (docs/ARCHIVE-FORMAT.md): the published record holds the
 * signed ones only; the record read with the process link holds every one, an unsigned one
 * with `signedAt: null` ("ej undertecknat").
 */
export const recordHandslagSchema = z.object({
  title: z.string(),
  /** The meeting it was made at, or null. */
  meetingTitle: z.string().nullable(),
  signedAt: z.string().nullable(),
  initiatives: z.array(z.object({ ideaNumber: z.number().int().nullable(), text: z.string() })),
  organisations: z.array(
    z.object({
      name: z.string(),
      commitments: z.array(z.object({ text: z.string(), due: z.string() })),
      confirmation: confirmationSchema.nullable(),
    }),
  ),
})
export type RecordHandslag = z.infer<typeof recordHandslagSchema>
