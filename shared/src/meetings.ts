import { z } from 'zod'

/** Kraftsamling (the adults' process) or Demokratilabb (the youth group, anonymous by default). */
export const meetingGroup = z.enum(['kraftsamling', 'demokratilabb'])
export type MeetingGroup = z.infer<typeof meetingGroup>
export const meetingFormat = z.enum(['physical', 'digital', 'hybrid'])
/** What a link lets its holder do; checked by the server on every message. */
export const meetingRole = z.enum(['facilitator', 'participant', 'projector'])
export type MeetingRole = z.infer<typeof meetingRole>

export const createMeetingRequest = z
  .object({
    title: z.string().trim().min(1).max(200),
    group: meetingGroup,
    date: z.iso.date(),
    format: meetingFormat,
  })
  .strict()
export type CreateMeetingRequest = z.infer<typeof createMeetingRequest>

export const meetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  group: meetingGroup,
  date: z.string(),
  format: meetingFormat,
  boardId: z.string(),
  anonymous: z.boolean(),
  /** Short code people type on a phone; null when switched off. */
  joinCode: z.string().nullable(),
  createdAt: z.string(),
  /** The Kraftsamling process the meeting is part of, if any. */
  processId: z.string().nullable(),
  /**
   * When the facilitator ended it ("Avsluta samlingen"): every phase locked, the final
   * snapshot taken, participants' edits refused; null while it runs or after it was reopened.
   */
  endedAt: z.string().nullable(),
})
export type Meeting = z.infer<typeof meetingSchema>

export const meetingLinksSchema = z.object({
  facilitator: z.string(),
  participant: z.string(),
  projector: z.string(),
})
export type MeetingLinks = z.infer<typeof meetingLinksSchema>

export const createdMeetingSchema = z.object({ meeting: meetingSchema, links: meetingLinksSchema })
export type CreatedMeeting = z.infer<typeof createdMeetingSchema>

/** PATCH /api/meetings/:id: any of the fields a meeting was created with. */
export const updateMeetingRequest = z
  .object({
    title: z.string().trim().min(1).max(200),
    group: meetingGroup,
    date: z.iso.date(),
    format: meetingFormat,
  })
  .partial()
  .strict()
export type UpdateMeetingRequest = z.infer<typeof updateMeetingRequest>

/**
 * GET /api/meetings/:id/join-info, for any of the meeting's links: what the projector puts
 * under its QR code. The participant link is public by design: it is on the wall.
 */
export const joinInfoSchema = z.object({
  /** The short code, or null when the facilitator switched it off. */
  joinCode: z.string().nullable(),
  /** Where a code is typed: `<origin>/j`. */
  joinUrl: z.string(),
  /** The phone page with the participant token: what the QR code holds. */
  phoneLink: z.string(),
})
export type JoinInfo = z.infer<typeof joinInfoSchema>

/** GET /api/join/:code */
export const joinResultSchema = z.object({
  title: z.string(),
  /** The full canvas, for a laptop. */
  link: z.string(),
  /** The phone page. */
  phoneLink: z.string(),
})
export type JoinResult = z.infer<typeof joinResultSchema>

export const updateJoinCodeRequest = z.object({ enabled: z.boolean() }).strict()

/** Unambiguous on a phone keyboard and when read aloud: no 0/O, 1/I/L. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const JOIN_CODE_LENGTH = 6
export const JOIN_CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/
/** Capability tokens: 128 random bits, base64url. */
export const CAPABILITY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/
