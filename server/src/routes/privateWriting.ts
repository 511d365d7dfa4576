import {
  MAX_PRIVATE_NOTES_PER_VOTER,
  type Meeting,
  type PrivateNotesView,
  privateNoteRequest,
  privateWritingRequest,
  shapeIdSchema,
} from '@samla/shared'
import { type Context, Hono } from 'hono'
import type { MeetingAccess, MeetingEnv } from '../access/meetingAccess.ts'
import { requireVoter } from '../access/voterCredential.ts'
import { ApiError } from '../http/errors.ts'
import { readJson } from '../http/json.ts'
import {
  type PrivateWritingDeps,
  privatePhaseOf,
  proofOf,
  revealPrivateWriting,
  startPrivateWriting,
} from '../meetings/privateWriting.ts'
import type { VoterRepository } from '../storage/repositories.ts'

export interface PrivateWritingRouteDeps extends PrivateWritingDeps {
  access: MeetingAccess
  voters: VoterRepository
}

/**
 * "Skriv enskilt": the facilitator turns it on for a phase and reveals it; each participant's
 * browser keeps the texts of its own notes here meanwhile, under its voter credential, and
 * reads back only those. Nobody's request, facilitator or participant, reads anyone else's text
 * before the reveal: it exists only in this table and in its writer's browser.
 */
export function privateWritingRoutes(deps: PrivateWritingRouteDeps) {
  const { access, voters, privateNotes, rooms } = deps
  const facilitator = access.requireRole('facilitator')
  const writer = access.requireRole('facilitator', 'participant')

  const phaseNow = async (meeting: Meeting) => {
    const room = await rooms.acquire(meeting.boardId)
    try {
      return privatePhaseOf(room.doc)
    } finally {
      rooms.release(meeting.boardId)
    }
  }
  const cardOf = (c: Context<MeetingEnv>) => {
    const parsed = shapeIdSchema.safeParse(c.req.param('shapeId'))
    if (!parsed.success) throw new ApiError(400, 'invalid_shape', 'Not a shape id')
    return parsed.data
  }

  return new Hono<MeetingEnv>()
    .post('/meetings/:id/private-writing', facilitator, async (c) => {
      const { phaseId } = await readJson(c, privateWritingRequest)
      await startPrivateWriting(deps, c.var.meeting, phaseId)
      return c.json({ phaseId })
    })
    .post('/meetings/:id/private-writing/reveal', facilitator, async (c) =>
      c.json({ revealed: await revealPrivateWriting(deps, c.var.meeting) }),
    )
    .get('/meetings/:id/private-notes', writer, async (c) => {
      const voterId = await requireVoter(voters, c)
      c.header('Cache-Control', 'no-store')
      const view: PrivateNotesView = {
        phaseId: await phaseNow(c.var.meeting),
        notes: await privateNotes.ofVoter(c.var.meeting.id, voterId),
      }
      return c.json(view)
    })
    .put('/meetings/:id/private-notes/:shapeId', writer, async (c) => {
      const meeting = c.var.meeting
      const shapeId = cardOf(c)
      const voterId = await requireVoter(voters, c)
      const note = await readJson(c, privateNoteRequest)
      if (meeting.endedAt) throw new ApiError(409, 'meeting_ended', 'The meeting has ended')
      if (!(await phaseNow(meeting)))
        throw new ApiError(409, 'private_writing_off', 'Nothing is written privately now')
      const anonymous = meeting.group === 'demokratilabb'
      const kept = await privateNotes.put(
        meeting.id,
        voterId,
        {
          shapeId,
          proof: note.secret ? proofOf(note.secret) : null,
          text: note.text,
          author: anonymous ? null : note.author || null,
        },
        MAX_PRIVATE_NOTES_PER_VOTER,
      )
      if (kept === 'no_proof')
        throw new ApiError(400, 'secret_required', 'A new private note needs its secret')
      if (kept === 'full')
        throw new ApiError(
          409,
          'too_many_notes',
          `At most ${MAX_PRIVATE_NOTES_PER_VOTER} private notes per person in a meeting`,
        )
      return c.body(null, 204)
    })
    .delete('/meetings/:id/private-notes/:shapeId', writer, async (c) => {
      const shapeId = cardOf(c)
      const voterId = await requireVoter(voters, c)
      await privateNotes.remove(c.var.meeting.id, voterId, shapeId)
      return c.body(null, 204)
    })
}
