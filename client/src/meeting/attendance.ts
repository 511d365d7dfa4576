import type { AttendanceRequest } from '@samla/shared'
import { z } from 'zod'
import { bearer, request } from '../api.ts'
import { asVoter } from './votes.ts'

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`
const storageKey = (meetingId: string) => `samla.attendance.${meetingId}`

/** What this browser said on joining the meeting, kept so that it is asked once. */
export function storedAnswer(meetingId: string): AttendanceRequest | null {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey(meetingId)) ?? 'null')
    return value && typeof value === 'object' ? (value as AttendanceRequest) : null
  } catch {
    return null
  }
}

/** Tells the server this browser takes part, and from which organisation if its holder said. */
export async function attend(
  meetingId: string,
  token: string,
  answer: AttendanceRequest,
): Promise<void> {
  await asVoter(meetingId, token, (headers) =>
    request(`${base(meetingId)}/attendance`, {
      method: 'POST',
      headers,
      body: JSON.stringify(answer),
    }),
  )
  try {
    localStorage.setItem(storageKey(meetingId), JSON.stringify(answer))
  } catch {
    // Asked again on the next visit; the server keeps one row per browser all the same.
  }
}

const suggestionsSchema = z.object({ organisations: z.array(z.string()) })

/** Organisations others in the process already gave: suggestions while typing. */
export async function organisationSuggestions(meetingId: string, token: string) {
  return suggestionsSchema.parse(
    await request(`${base(meetingId)}/organisations`, { headers: bearer(token) }),
  ).organisations
}
