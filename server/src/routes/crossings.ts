import {
  answerRequest,
  type Feedback,
  type Meeting,
  type Partners,
  sendNotesRequest,
} from '@samla/shared'
import { Hono } from 'hono'
import { MEETING_ROLES, type MeetingAccess } from '../access/meetingAccess.ts'
import { ApiError } from '../http/errors.ts'
import { readJson } from '../http/json.ts'
import { crossingIdParam, params } from '../http/params.ts'
import type { ProcessService } from '../process/service.ts'
import type { SamlaStore } from '../storage/store.ts'

export interface CrossingRouteDeps {
  store: SamlaStore
  service: ProcessService
  access: MeetingAccess
}

/**
 * Sending notes across between a process's meetings, answering them, and the youth group's
 * feedback page. Who may do what is decided here, not by the buttons a page shows: only a
 * facilitator of the sending meeting sends; the receiving meeting's facilitator answers, and
 * its participants only while the facilitator allows it.
 */
export function crossingRoutes({ store, service, access }: CrossingRouteDeps) {
  const facilitator = access.requireRole('facilitator')
  const anyRole = access.requireRole(...MEETING_ROLES)
  const answerer = access.requireRole('facilitator', 'participant')

  return new Hono()
    .get('/meetings/:id/partners', facilitator, async (c) =>
      c.json((await service.partners(c.var.meeting)) satisfies Partners),
    )
    .post('/meetings/:id/crossings', facilitator, async (c) => {
      const request = await readJson(c, sendNotesRequest)
      return c.json(await service.send(c.var.meeting, request), 201)
    })
    .put(
      '/meetings/:id/crossings/:cid/answer',
      answerer,
      params({ cid: crossingIdParam }),
      async (c) => {
        const meeting = c.var.meeting
        if (c.var.role === 'participant' && !(await service.answersOpen(meeting)))
          throw new ApiError(
            403,
            'answers_closed',
            'The facilitator has not opened answers to participants',
          )
        const { text } = await readJson(c, answerRequest)
        return c.json(await service.answer(meeting, c.req.valid('param').cid, text))
      },
    )
    .get('/meetings/:id/feedback', anyRole, async (c) => {
      const meeting = c.var.meeting
      if (!meeting.processId || meeting.group !== 'demokratilabb')
        throw new ApiError(
          404,
          'no_feedback',
          'Feedback is kept for Demokratilabb meetings of a process',
        )
      return c.json(await feedbackOf(store, meeting))
    })
}

/**
 * What the youth group said and how it was answered: every note sent from one of the
 * group's meetings, newest first, with its answer, and every idea made of the group's notes
 * with where it is and why. Nothing else of the adults' boards.
 */
async function feedbackOf(store: SamlaStore, meeting: Meeting): Promise<Feedback> {
  const processId = meeting.processId as string
  const process = await store.processes.get(processId)
  const meetings = await store.meetings.inProcess(processId)
  const title = new Map(meetings.map((m) => [m.id, m.title]))
  const group = new Set(meetings.filter((m) => m.group === meeting.group).map((m) => m.id))
  const items = (await store.crossings.ofProcess(processId))
    .filter((c) => group.has(c.fromMeetingId))
    .map((c) => ({
      id: c.id,
      text: c.text,
      fromTitle: title.get(c.fromMeetingId) ?? '',
      toTitle: title.get(c.toMeetingId) ?? '',
      sentAt: c.createdAt,
      answer: c.answer,
    }))
    .reverse()
  const ideas = (await store.ideas.list(processId))
    .filter((idea) => idea.origin.group === meeting.group)
    .map(({ number, title, status, history }) => ({ number, title, status, history }))
  return { processName: process?.name ?? '', ideas, items }
}
