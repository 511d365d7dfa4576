import type { CreatedMeeting, CreateMeetingRequest } from '@samla/shared'

/**
 * Creates a meeting through the API, as the start page does, and returns it with the
 * facilitator's token (for API calls and for writing a prepared board).
 */
export async function createMeeting(
  serverUrl: string,
  details: CreateMeetingRequest,
): Promise<CreatedMeeting & { facilitatorToken: string }> {
  const res = await fetch(`${serverUrl}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(details),
  })
  if (res.status !== 201) throw new Error(`creating a meeting: ${res.status} ${await res.text()}`)
  const created = (await res.json()) as CreatedMeeting
  const facilitatorToken = new URL(created.links.facilitator).hash.replace('#k=', '')
  return { ...created, facilitatorToken }
}
