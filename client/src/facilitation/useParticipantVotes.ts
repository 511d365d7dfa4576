import type { VoteStatus, Voting } from '@samla/shared'
import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../api.ts'
import { addVote, getVotes, removeVote } from '../meeting/votes.ts'

export type VoteError =
  | 'facilitation.vote.noneLeft'
  | 'facilitation.vote.addressFull'
  | 'facilitation.vote.noCredential'
  | 'facilitation.vote.failed'

/** What the server's refusal means to the person voting. */
function messageOf(err: unknown): VoteError {
  switch (err instanceof ApiError ? err.code : null) {
    case 'no_votes_left':
      return 'facilitation.vote.noneLeft'
    case 'too_many_votes':
      return 'facilitation.vote.addressFull'
    case 'too_many_voters':
      return 'facilitation.vote.noCredential'
    default:
      return 'facilitation.vote.failed'
  }
}

/**
 * This browser's dots in the running round, as the server counts them: read afresh for each
 * round and state, changed one dot at a time. Shared by the voting panel and the list view.
 */
export function useParticipantVotes(meetingId: string, token: string, voting: Voting) {
  const [status, setStatus] = useState<VoteStatus | null>(null)
  const [error, setError] = useState<VoteError | null>(null)
  const refresh = useCallback(
    () =>
      getVotes(meetingId, token).then(setStatus, (err: unknown) => {
        // Without a credential there is nothing to vote with: say why. Other failures of a
        // read pass unnoticed; the next round or state reads again.
        const message = messageOf(err)
        if (message === 'facilitation.vote.noCredential') setError(message)
      }),
    [meetingId, token],
  )
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round or state is read afresh
  useEffect(() => {
    void refresh()
  }, [refresh, voting.round, voting.state])

  const change = (shapeId: string, add: boolean) => {
    setError(null)
    return (add ? addVote : removeVote)(meetingId, token, shapeId).then(setStatus, (err: unknown) =>
      setError(messageOf(err)),
    )
  }
  const current = status?.round === voting.round
  return {
    status,
    error,
    change,
    open: voting.state === 'open' && current,
    mine: current ? (status?.mine ?? {}) : ({} as Record<string, number>),
    remaining: status?.remaining ?? voting.votesPerPerson,
    results: voting.state === 'revealed' ? (voting.results ?? {}) : null,
  }
}
