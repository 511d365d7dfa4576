import { type VoteStatus, voteStatusSchema } from '@samla/shared'
import { bearer, request } from '../api.ts'

const VOTER_KEY = 'samla.voterId'

/**
 * This browser's voter id. There are no accounts: the server counts votes per id, so a
 * person votes once per browser.
 */
export function voterId(): string {
  let id = localStorage.getItem(VOTER_KEY)
  if (!id || !/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
    const bytes = crypto.getRandomValues(new Uint8Array(12))
    id = btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
    localStorage.setItem(VOTER_KEY, id)
  }
  return id
}

const path = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/votes`

export async function getVotes(meetingId: string, token: string): Promise<VoteStatus> {
  return voteStatusSchema.parse(
    await request(`${path(meetingId)}?voter=${encodeURIComponent(voterId())}`, {
      headers: bearer(token),
    }),
  )
}

/** One more vote on a note; fails with code "no_votes_left" or "voting_closed". */
export async function addVote(
  meetingId: string,
  token: string,
  shapeId: string,
): Promise<VoteStatus> {
  return voteStatusSchema.parse(
    await request(path(meetingId), {
      method: 'POST',
      headers: bearer(token),
      body: JSON.stringify({ voterId: voterId(), shapeId }),
    }),
  )
}

/** Takes back one of this browser's votes on a note. */
export async function removeVote(
  meetingId: string,
  token: string,
  shapeId: string,
): Promise<VoteStatus> {
  return voteStatusSchema.parse(
    await request(path(meetingId), {
      method: 'DELETE',
      headers: bearer(token),
      body: JSON.stringify({ voterId: voterId(), shapeId }),
    }),
  )
}
