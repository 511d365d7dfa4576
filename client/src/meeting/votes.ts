import {
  VOTER_HEADER,
  type VoterCredential,
  type VoteStatus,
  voterCredentialSchema,
  voterHeaderValue,
  voteStatusSchema,
} from '@samla/shared'
import { ApiError, bearer, request } from '../api.ts'

/** Before voter credentials, the browser chose its own id and kept it here; no longer read. */
const LEGACY_VOTER_KEY = 'samla.voterId'
const storageKey = (meetingId: string) => `samla.voter.${meetingId}`
const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}`

/** Credentials of this page, in case localStorage refuses to keep them (a private window). */
const known = new Map<string, VoterCredential>()
/** The request for a meeting's credential under way: concurrent votes wait for the same one. */
const issuing = new Map<string, Promise<VoterCredential>>()

function stored(meetingId: string): VoterCredential | null {
  const inPage = known.get(meetingId)
  if (inPage) return inPage
  try {
    const parsed = voterCredentialSchema.safeParse(
      JSON.parse(localStorage.getItem(storageKey(meetingId)) ?? 'null'),
    )
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function keep(meetingId: string, credential: VoterCredential): void {
  known.set(meetingId, credential)
  try {
    localStorage.setItem(storageKey(meetingId), JSON.stringify(credential))
    localStorage.removeItem(LEGACY_VOTER_KEY)
  } catch {
    // Kept for this page only: the next visit asks for a new credential.
  }
}

/**
 * This browser's voter credential for the meeting: the server issues one per browser (there
 * are no accounts) and counts votes per credential. A new one is fetched when there is none,
 * or when `replacing` is the one the server no longer knows.
 */
function credential(
  meetingId: string,
  token: string,
  replacing?: VoterCredential,
): Promise<VoterCredential> {
  const current = stored(meetingId)
  if (current && current.voterId !== replacing?.voterId) return Promise.resolve(current)
  let pending = issuing.get(meetingId)
  if (!pending) {
    pending = request(`${base(meetingId)}/voters`, { method: 'POST', headers: bearer(token) })
      .then((body) => {
        const issued = voterCredentialSchema.parse(body)
        keep(meetingId, issued)
        return issued
      })
      .finally(() => issuing.delete(meetingId))
    issuing.set(meetingId, pending)
  }
  return pending
}

/**
 * A call made as this browser's voter. If the server does not know the credential (its
 * database was reset, or the meeting restored elsewhere), one new credential is fetched and
 * the call made again, once.
 */
export async function asVoter<T>(
  meetingId: string,
  token: string,
  call: (headers: Record<string, string>) => Promise<T>,
): Promise<T> {
  const headers = (c: VoterCredential) => ({
    ...bearer(token),
    [VOTER_HEADER]: voterHeaderValue(c),
  })
  const first = await credential(meetingId, token)
  try {
    return await call(headers(first))
  } catch (err) {
    if (!(err instanceof ApiError && err.code === 'invalid_voter')) throw err
    return call(headers(await credential(meetingId, token, first)))
  }
}

/** The round as this browser's voter sees it: its own dots and how many it has left. */
export async function getVotes(meetingId: string, token: string): Promise<VoteStatus> {
  return asVoter(meetingId, token, async (headers) =>
    voteStatusSchema.parse(await request(`${base(meetingId)}/votes`, { headers })),
  )
}

/** The round as the facilitator follows it (the tally, how many voted), without voting. */
export async function getRound(meetingId: string, token: string): Promise<VoteStatus> {
  return voteStatusSchema.parse(
    await request(`${base(meetingId)}/votes`, { headers: bearer(token) }),
  )
}

/**
 * One more vote on a note; fails with code "no_votes_left", "voting_closed", "too_many_votes"
 * (this address has cast its share of the round) or "too_many_voters" (no credential now).
 */
export async function addVote(
  meetingId: string,
  token: string,
  shapeId: string,
): Promise<VoteStatus> {
  return changeVote('POST', meetingId, token, shapeId)
}

/** Takes back one of this browser's votes on a note. */
export async function removeVote(
  meetingId: string,
  token: string,
  shapeId: string,
): Promise<VoteStatus> {
  return changeVote('DELETE', meetingId, token, shapeId)
}

function changeVote(
  method: 'POST' | 'DELETE',
  meetingId: string,
  token: string,
  shapeId: string,
): Promise<VoteStatus> {
  return asVoter(meetingId, token, async (headers) =>
    voteStatusSchema.parse(
      await request(`${base(meetingId)}/votes`, {
        method,
        headers,
        body: JSON.stringify({ shapeId }),
      }),
    ),
  )
}
