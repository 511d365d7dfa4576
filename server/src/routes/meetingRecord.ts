import {
  attendanceRequest,
  CONTROLS_MAP,
  type LiveAttendance,
  type Meeting,
  parseControls,
  type RecordTextsView,
  recordTextsSchema,
} from '@samla/shared'
import { type Context, Hono } from 'hono'
import type { MeetingAccess, MeetingEnv } from '../access/meetingAccess.ts'
import { requireVoter } from '../access/voterCredential.ts'
import { ApiError } from '../http/errors.ts'
import { readJson } from '../http/json.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import type { MeetingRecordRepository, VoterRepository } from '../storage/repositories.ts'

export interface MeetingRecordDeps {
  access: MeetingAccess
  records: MeetingRecordRepository
  voters: VoterRepository
  rooms: RoomManager
}

/**
 * Who took part and the organisers' own texts of a meeting's record. A participant's browser
 * says, once it joins, that it takes part and (if its holder wants) from which organisation;
 * the facilitator sees the count live and writes the texts. Organisations are never asked or
 * kept in a meeting that is anonymous, or of Demokratilabb.
 */
export function meetingRecordRoutes({ access, records, voters, rooms }: MeetingRecordDeps) {
  const facilitator = access.requireRole('facilitator')
  const participant = access.requireRole('participant')

  /** Anonymous right now: the youth group always, any other meeting by its live setting. */
  const isAnonymous = async (meeting: Meeting) => {
    if (meeting.group === 'demokratilabb') return true
    const room = await rooms.acquire(meeting.boardId)
    try {
      const map = room.doc.getMap<unknown>(CONTROLS_MAP)
      return parseControls((key) => map.get(key), meeting.anonymous).anonymous
    } finally {
      rooms.release(meeting.boardId)
    }
  }

  const voterOf = (c: Context<MeetingEnv>) => requireVoter(voters, c)

  return new Hono<MeetingEnv>()
    .post('/meetings/:id/attendance', participant, async (c) => {
      const meeting = c.var.meeting
      const voterId = await voterOf(c)
      const said = await readJson(c, attendanceRequest)
      if (await isAnonymous(meeting))
        throw new ApiError(
          409,
          'anonymous_meeting',
          'Nobody is counted or asked for an organisation in an anonymous meeting',
        )
      await records.attend(meeting.id, voterId, said)
      return c.body(null, 204)
    })
    .get('/meetings/:id/organisations', participant, async (c) => {
      const meeting = c.var.meeting
      c.header('Cache-Control', 'no-store')
      if (await isAnonymous(meeting)) return c.json({ organisations: [] })
      return c.json({
        organisations: await records.organisationSuggestions(meeting.id, meeting.processId),
      })
    })
    .get('/meetings/:id/attendance', facilitator, async (c) => {
      const meeting = c.var.meeting
      const room = await rooms.peek(meeting.boardId)
      const body: LiveAttendance = {
        counted: await records.attendance(meeting.id),
        // This instance's connections: with several instances, those on the others are not seen.
        present: room?.connectionsWhere((conn) => conn.role === 'participant') ?? 0,
      }
      c.header('Cache-Control', 'no-store')
      return c.json(body)
    })
    .get('/meetings/:id/record-texts', facilitator, async (c) => {
      const { draft, published } = await records.texts(c.var.meeting.id)
      const body: RecordTextsView = { draft, published: published?.texts ?? null }
      c.header('Cache-Control', 'no-store')
      return c.json(body)
    })
    .put('/meetings/:id/record-texts', facilitator, async (c) => {
      const draft = await readJson(c, recordTextsSchema)
      await records.saveDraft(c.var.meeting.id, draft)
      return c.json({ draft })
    })
}
