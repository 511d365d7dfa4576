import {
  type CreatedMeeting,
  type CreateMeetingRequest,
  createdMeetingSchema,
  type JoinInfo,
  joinInfoSchema,
  type Meeting,
  type MeetingRole,
  meetingSchema,
  type UpdateMeetingRequest,
} from '@samla/shared'
import { z } from 'zod'
import { ApiError, bearer, request } from '../api.ts'

/** Client calls for /api/meetings; the facilitator's token goes in the Authorization header. */
export async function createMeeting(body: CreateMeetingRequest): Promise<CreatedMeeting> {
  return createdMeetingSchema.parse(
    await request('/api/meetings', { method: 'POST', body: JSON.stringify(body) }),
  )
}

export async function getMeeting(id: string, token: string): Promise<Meeting> {
  return meetingSchema.parse(
    await request(`/api/meetings/${encodeURIComponent(id)}`, { headers: bearer(token) }),
  )
}

export async function updateMeeting(
  id: string,
  token: string,
  body: UpdateMeetingRequest,
): Promise<Meeting> {
  return meetingSchema.parse(
    await request(`/api/meetings/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      headers: bearer(token),
      body: JSON.stringify(body),
    }),
  )
}

/** Deletes the meeting, its board and everything stored with it. */
export async function deleteMeeting(id: string, token: string): Promise<void> {
  await request(`/api/meetings/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    headers: bearer(token),
  })
}

/** A new link for `role`; the old one stops working, open connections included. */
export async function rotateLink(id: string, token: string, role: MeetingRole): Promise<string> {
  const body = z.object({ link: z.string() }).parse(
    await request(`/api/meetings/${encodeURIComponent(id)}/links/${role}/rotate`, {
      method: 'POST',
      headers: bearer(token),
    }),
  )
  return body.link
}

export async function setJoinCode(id: string, token: string, enabled: boolean): Promise<Meeting> {
  return meetingSchema.parse(
    await request(`/api/meetings/${encodeURIComponent(id)}/join-code`, {
      method: 'PUT',
      headers: bearer(token),
      body: JSON.stringify({ enabled }),
    }),
  )
}

/** The join code, its URL and the phone link, for any of the meeting's links. */
export async function getJoinInfo(id: string, token: string): Promise<JoinInfo> {
  return joinInfoSchema.parse(
    await request(`/api/meetings/${encodeURIComponent(id)}/join-info`, { headers: bearer(token) }),
  )
}

/**
 * "Avsluta samlingen": every phase locked, the final snapshot taken, the meeting marked
 * ended. Ended already (another tab, a second click) counts as done.
 */
export async function endMeeting(id: string, token: string): Promise<void> {
  try {
    await request(`/api/meetings/${encodeURIComponent(id)}/end`, {
      method: 'POST',
      headers: bearer(token),
    })
  } catch (err) {
    if (!(err instanceof ApiError && err.code === 'meeting_ended')) throw err
  }
}

/** Opens an ended meeting again; its phases stay locked until the facilitator opens them. */
export async function reopenMeeting(id: string, token: string): Promise<Meeting> {
  return meetingSchema.parse(
    await request(`/api/meetings/${encodeURIComponent(id)}/reopen`, {
      method: 'POST',
      headers: bearer(token),
    }),
  )
}

/** "Skriv enskilt" on for a phase: participants' new notes there are private until revealed. */
export async function startPrivateWriting(id: string, token: string, phaseId: string) {
  await request(`/api/meetings/${encodeURIComponent(id)}/private-writing`, {
    method: 'POST',
    headers: bearer(token),
    body: JSON.stringify({ phaseId }),
  })
}

/** Writes every private note's text into its card for everyone; returns how many. */
export async function revealPrivateWriting(id: string, token: string): Promise<number> {
  const body = (await request(`/api/meetings/${encodeURIComponent(id)}/private-writing/reveal`, {
    method: 'POST',
    headers: bearer(token),
  })) as { revealed?: unknown }
  return typeof body.revealed === 'number' ? body.revealed : 0
}
