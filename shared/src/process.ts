import { z } from 'zod'
import { recordBlueListItemSchema } from './blueList.ts'
import { boardContentSchema } from './documentation.ts'
import { recordHandslagSchema } from './handslag.ts'
import { ideaEventSchema, ideaPrioritySchema, ideaStatus } from './ideas.ts'
import { meetingFormat, meetingGroup, meetingSchema } from './meetings.ts'

/**
 * A Kraftsamling as a process over months: its meetings in a timeline (Samlingar of the
 * adults, Träffar of the Demokratilabb), notes sent across between the two groups, and the
 * answers that travel back. The process link gives the facilitator role on every meeting in it.
 */
export const PROCESS_PATH_PREFIX = '/k/'
/** The youth group's page of what they said and how the adults answered: `/svar/<meeting id>`. */
export const FEEDBACK_PATH_PREFIX = '/svar/'
/** The published process record: `/kd/<public token>`. */
export const PUBLISHED_PROCESS_PATH_PREFIX = '/kd/'

export const MAX_CROSSING_MESSAGE_CHARS = 500
export const MAX_ANSWER_CHARS = 2000
/** Most notes one sending may carry: a whole frame of a busy question, not a board. */
export const MAX_NOTES_PER_SENDING = 200

export const createProcessRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000).default(''),
    organisers: z.string().trim().max(500).default(''),
  })
  .strict()
export type CreateProcessRequest = z.infer<typeof createProcessRequest>

export const updateProcessRequest = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().max(2000),
    organisers: z.string().trim().max(500),
  })
  .partial()
  .strict()
export type UpdateProcessRequest = z.infer<typeof updateProcessRequest>

export const processSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  organisers: z.string(),
  createdAt: z.string(),
})
export type Process = z.infer<typeof processSchema>

export const createdProcessSchema = z.object({ process: processSchema, link: z.string() })
export type CreatedProcess = z.infer<typeof createdProcessSchema>

/** POST /api/processes/:id/meetings: a Samling or a Träff in one step. */
export const addProcessMeetingRequest = z
  .object({
    title: z.string().trim().min(1).max(200),
    group: meetingGroup,
    date: z.iso.date(),
    format: meetingFormat,
    /** Start the board with "Från förra samlingen": the last meeting's open threads. */
    carryForward: z.boolean().default(false),
  })
  .strict()
export type AddProcessMeetingRequest = z.infer<typeof addProcessMeetingRequest>

/** POST /api/processes/:id/meetings/adopt: the existing meeting's facilitator link. */
export const adoptMeetingRequest = z.object({ facilitatorLink: z.string().max(2000) }).strict()

export const meetingStatus = z.enum(['planned', 'running', 'ended'])
export type MeetingStatus = z.infer<typeof meetingStatus>

/** Where a note came from, as the receiving board shows it: never a person in an anonymous meeting. */
export const provenanceSchema = z.object({
  group: meetingGroup,
  meetingTitle: z.string(),
  phase: z.string(),
  date: z.string(),
})
export type Provenance = z.infer<typeof provenanceSchema>

export const answerSchema = z.object({ text: z.string(), at: z.string() })

/** A note sent from one meeting's board to another's, and the answer to it. */
export const crossingSchema = z.object({
  id: z.string(),
  processId: z.string(),
  fromMeetingId: z.string(),
  toMeetingId: z.string(),
  sourceShapeId: z.string(),
  text: z.string(),
  color: z.string(),
  origin: provenanceSchema,
  /** The writer's name, only from a named note of a non-anonymous Kraftsamling meeting. */
  author: z.string().nullable(),
  message: z.string().nullable(),
  createdAt: z.string(),
  /** The note on the receiving board, once it is laid out and the note written there. */
  deliveredShapeId: z.string().nullable(),
  answer: answerSchema.nullable(),
})
export type Crossing = z.infer<typeof crossingSchema>

/**
 * A meeting in the timeline. Its board and documentation open with the process link, which
 * only the page holds (the server keeps its hash): the page makes those links itself.
 */
export const timelineEntrySchema = z.object({
  meeting: meetingSchema,
  status: meetingStatus,
  /** Snapshots taken: documentation exists once there is one. */
  snapshots: z.number().int(),
})
export type TimelineEntry = z.infer<typeof timelineEntrySchema>

/** GET /api/processes/:id */
export const processOverviewSchema = z.object({
  process: processSchema,
  timeline: z.array(timelineEntrySchema),
  crossings: z.array(crossingSchema),
  publishedLink: z.string().nullable(),
})
export type ProcessOverview = z.infer<typeof processOverviewSchema>

/** GET /api/meetings/:id/partners: where this board's notes can be sent. */
export const partnersSchema = z.object({
  processId: z.string().nullable(),
  meetings: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      group: meetingGroup,
      date: z.string(),
      status: meetingStatus,
    }),
  ),
  /** The partner group's running meeting, else its next one, else its last one. */
  suggested: z.string().nullable(),
})
export type Partners = z.infer<typeof partnersSchema>

export const sendNotesRequest = z
  .object({
    to: z.string().max(64),
    /** Notes, or frames whose notes are all sent. */
    shapeIds: z.array(z.string().max(80)).min(1).max(MAX_NOTES_PER_SENDING),
    message: z.string().trim().max(MAX_CROSSING_MESSAGE_CHARS).optional(),
  })
  .strict()
export type SendNotesRequest = z.infer<typeof sendNotesRequest>

export const sendNotesResultSchema = z.object({
  sent: z.number().int(),
  /** Notes sent to that meeting before: not sent again. */
  alreadySent: z.number().int(),
  /** True when the receiving board is not laid out yet: the notes wait and appear then. */
  waiting: z.boolean(),
})
export type SendNotesResult = z.infer<typeof sendNotesResultSchema>

export const answerRequest = z
  .object({ text: z.string().trim().min(1).max(MAX_ANSWER_CHARS) })
  .strict()

/** GET /api/meetings/:id/feedback, for any link of a Demokratilabb meeting of a process. */
export const feedbackSchema = z.object({
  processName: z.string(),
  /** Ideas made of the group's notes: where each is now, and why (the public reasons). */
  ideas: z.array(
    z.object({
      number: z.number().int(),
      title: z.string(),
      status: ideaStatus,
      history: z.array(ideaEventSchema),
    }),
  ),
  items: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      fromTitle: z.string(),
      toTitle: z.string(),
      sentAt: z.string(),
      answer: answerSchema.nullable(),
    }),
  ),
})
export type Feedback = z.infer<typeof feedbackSchema>

/**
 * What a board shows beside its notes, in the board's `process` map, keyed by shape id: only
 * the server writes it (clients are refused), from the database, whenever it changes.
 */
export const PROCESS_MAP = 'process'

export const noteThreadSchema = z.object({
  /** On a received note: where it came from, the sender's message, and the answer. */
  received: z
    .object({
      crossingId: z.string(),
      origin: provenanceSchema,
      message: z.string().nullable(),
      answer: answerSchema.nullable(),
    })
    .optional(),
  /** On a sent note: where it went, and the answers that came back. */
  sent: z
    .array(
      z.object({ crossingId: z.string(), toTitle: z.string(), answer: answerSchema.nullable() }),
    )
    .optional(),
  /** On a note an idea was made of: its number and where it is on the seed's path. */
  idea: z.object({ id: z.string(), number: z.number().int(), status: ideaStatus }).optional(),
})
export type NoteThread = z.infer<typeof noteThreadSchema>

/**
 * The process record (GET /api/processes/:id/record, the published link, and the JSON
 * export, docs/ARCHIVE-FORMAT.md): every meeting in timeline order with its documentation,
 * and every note sent across with its answer.
 */
export const PROCESS_ARCHIVE_FORMAT = 'samla.process-record/1'

export const processRecordSchema = z.object({
  format: z.literal(PROCESS_ARCHIVE_FORMAT),
  process: z.object({ name: z.string(), description: z.string(), organisers: z.string() }),
  meetings: z.array(
    z.object({
      title: z.string(),
      group: meetingGroup,
      date: z.string(),
      format: meetingFormat,
      status: meetingStatus,
      /** When the snapshot the documentation comes from was taken; null: none yet. */
      takenAt: z.string().nullable(),
      phases: boardContentSchema.shape.phases,
    }),
  ),
  crossings: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      text: z.string(),
      origin: provenanceSchema,
      author: z.string().nullable(),
      message: z.string().nullable(),
      sentAt: z.string(),
      answer: answerSchema.nullable(),
    }),
  ),
  /** The process's ideas by number, each with its status history and public reasons. */
  ideas: z.array(
    z.object({
      number: z.number().int(),
      title: z.string(),
      status: ideaStatus,
      ownerOrganisation: z.string(),
      /** Where it was born, or null once that meeting was erased. */
      origin: z
        .object({
          group: meetingGroup,
          meetingTitle: z.string().nullable(),
          phase: z.string().nullable(),
        })
        .nullable(),
      history: z.array(ideaEventSchema),
      /** What it got in each vote over ideas (Verkstad 2), oldest first. */
      priorities: z
        .array(
          ideaPrioritySchema.pick({
            meetingTitle: true,
            votes: true,
            rank: true,
            of: true,
            at: true,
          }),
        )
        .default([]),
    }),
  ),
  /** Blå listan by number: needs the process cannot meet itself, with their status history. */
  blueList: z.array(recordBlueListItemSchema).default([]),
  /** The process's Handslag, oldest first (shared/src/handslag.ts); added in format /1. */
  handslag: z.array(recordHandslagSchema).default([]),
})
export type ProcessRecord = z.infer<typeof processRecordSchema>
