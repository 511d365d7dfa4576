import { z } from 'zod'

export const createBoardRequest = z
  .object({
    title: z.string().trim().max(200).optional(),
  })
  .strict()
export type CreateBoardRequest = z.infer<typeof createBoardRequest>

export const boardSchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  /** Absolute URL a person opens to join the board. */
  url: z.string(),
  /** Path of the board's y-websocket endpoint, relative to the server's origin. */
  wsPath: z.string(),
})
export type Board = z.infer<typeof boardSchema>

/** Run-time configuration the server hands to the browser (never baked into the build). */
export const clientConfigSchema = z.object({
  tldrawLicenseKey: z.string().nullable(),
  maxMessageBytes: z.number(),
  /** Most characters of text the relay takes in one shape (SAMLA_MAX_NOTE_CHARS). */
  maxNoteChars: z.number(),
  /** Who runs this deployment (SAMLA_ORGANISATION_NAME, SAMLA_ORGANISATION_CONTACT). */
  organisation: z.object({ name: z.string().nullable(), contact: z.string().nullable() }),
  /** Days after its date a meeting is erased (SAMLA_RETENTION_DAYS); null: kept until deleted. */
  retentionDays: z.number().nullable(),
})

export type ClientConfig = z.infer<typeof clientConfigSchema>

/** GET /api/time: the server's clock, so that timers agree across devices. */
export const serverTimeSchema = z.object({ now: z.number() })

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>

/** What the holder of a link may do on a board: 'editor' on a plain board, else the meeting role. */
export const boardAccessSchema = z.object({
  role: z.enum(['editor', 'facilitator', 'participant', 'projector']),
  meetingId: z.string().nullable(),
  /** The meeting's details for any of its links (null on a plain board). */
  meeting: z
    .object({
      id: z.string(),
      title: z.string(),
      group: z.enum(['kraftsamling', 'demokratilabb']),
      date: z.string(),
      format: z.enum(['physical', 'digital', 'hybrid']),
      /** The meeting's default for anonymous mode; the live setting is in the controls. */
      anonymous: z.boolean(),
      /** The Kraftsamling process it is part of, if any. */
      processId: z.string().nullable(),
    })
    .nullable(),
})
export type BoardAccess = z.infer<typeof boardAccessSchema>
