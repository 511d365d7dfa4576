import {
  type AddProcessMeetingRequest,
  type CreatedMeeting,
  type CreatedProcess,
  type CreateProcessRequest,
  type Crossing,
  createdMeetingSchema,
  createdProcessSchema,
  crossingSchema,
  type Feedback,
  feedbackSchema,
  type Meeting,
  meetingSchema,
  type Partners,
  type ProcessOverview,
  partnersSchema,
  processOverviewSchema,
  type SendNotesRequest,
  type SendNotesResult,
  sendNotesResultSchema,
} from '@samla/shared'
import { z } from 'zod'
import { bearer, request } from '../api.ts'

/** Client calls for /api/processes and the crossings of a meeting; tokens go in Authorization. */
const processPath = (id: string, rest = '') => `/api/processes/${encodeURIComponent(id)}${rest}`
const meetingPath = (id: string, rest = '') => `/api/meetings/${encodeURIComponent(id)}${rest}`

export async function createProcess(body: CreateProcessRequest): Promise<CreatedProcess> {
  return createdProcessSchema.parse(
    await request('/api/processes', { method: 'POST', body: JSON.stringify(body) }),
  )
}

export async function getProcess(id: string, token: string): Promise<ProcessOverview> {
  return processOverviewSchema.parse(await request(processPath(id), { headers: bearer(token) }))
}

export async function addProcessMeeting(
  id: string,
  token: string,
  body: AddProcessMeetingRequest,
): Promise<CreatedMeeting> {
  return createdMeetingSchema.parse(
    await request(processPath(id, '/meetings'), {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify(body),
    }),
  )
}

export async function adoptMeeting(
  id: string,
  token: string,
  facilitatorLink: string,
): Promise<Meeting> {
  return meetingSchema.parse(
    await request(processPath(id, '/meetings/adopt'), {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ facilitatorLink }),
    }),
  )
}

export async function publishProcess(id: string, token: string): Promise<string> {
  const body = await request(processPath(id, '/publication'), {
    method: 'PUT',
    headers: bearer(token),
  })
  return z.object({ link: z.string() }).parse(body).link
}

export async function unpublishProcess(id: string, token: string): Promise<void> {
  await fetch(processPath(id, '/publication'), { method: 'DELETE', headers: bearer(token) })
}

export async function deleteProcess(id: string, token: string): Promise<void> {
  const res = await fetch(processPath(id), { method: 'DELETE', headers: bearer(token) })
  if (!res.ok) throw new Error(`DELETE process: ${res.status}`)
}

export async function getPartners(meetingId: string, token: string): Promise<Partners> {
  return partnersSchema.parse(
    await request(meetingPath(meetingId, '/partners'), { headers: bearer(token) }),
  )
}

export async function sendNotes(
  meetingId: string,
  token: string,
  body: SendNotesRequest,
): Promise<SendNotesResult> {
  return sendNotesResultSchema.parse(
    await request(meetingPath(meetingId, '/crossings'), {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify(body),
    }),
  )
}

export async function answerCrossing(
  meetingId: string,
  token: string,
  crossingId: string,
  text: string,
): Promise<Crossing> {
  return crossingSchema.parse(
    await request(meetingPath(meetingId, `/crossings/${encodeURIComponent(crossingId)}/answer`), {
      method: 'PUT',
      headers: bearer(token),
      body: JSON.stringify({ text }),
    }),
  )
}

export async function getFeedback(meetingId: string, token: string): Promise<Feedback> {
  return feedbackSchema.parse(
    await request(meetingPath(meetingId, '/feedback'), { headers: bearer(token) }),
  )
}
