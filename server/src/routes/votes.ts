import {
  CONTROLS_MAP,
  type Controls,
  type MeetingRole,
  parseControls,
  parseVoterHeader,
  RECORDS_MAP,
  VOTER_HEADER,
  type VoteStatus,
  voteRequest,
} from '@samla/shared'
import { type Context, Hono } from 'hono'
import type { MeetingAccess, MeetingEnv } from '../access/meetingAccess.ts'
import { pageOf } from '../board/records.ts'
import { clientAddress } from '../http/clientAddress.ts'
import { ApiError } from '../http/errors.ts'
import { readJson } from '../http/json.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import type { VoteRepository, VoterRepository } from '../storage/repositories.ts'
import { AddressBudget } from '../votes/addressBudget.ts'

export interface VoteRouteDeps {
  access: MeetingAccess
  rooms: RoomManager
  store: VoteRepository
  voters: VoterRepository
  /** SAMLA_VOTERS_PER_ADDRESS_PER_HOUR; × votesPerPerson, an address's votes in a round. */
  votersPerAddress: number
  trustProxy: boolean
}

/** The votes of an ended meeting stand as they were, like its board (meetings/end.ts). */
const meetingEnded = () =>
  new ApiError(409, 'meeting_ended', 'The meeting has ended; votes no longer change')

/**
 * Dot voting. The round (which phase, how many dots each, open or not) is the facilitator's,
 * in the board's meeting controls; the dots are counted here, per voter credential, so that
 * nobody can vote more than the round allows and nobody but the facilitator sees the tally
 * before it is revealed.
 */
export function voteRoutes({
  access,
  rooms,
  store,
  voters,
  votersPerAddress,
  trustProxy,
}: VoteRouteDeps) {
  const canVote = access.requireRole('facilitator', 'participant')
  const perAddress = new AddressBudget()

  const refuse = () =>
    new ApiError(
      401,
      'invalid_voter',
      `A voter credential of this meeting is needed in ${VOTER_HEADER} (POST …/voters issues one)`,
    )
  /** The voter id of the request's credential, null if it sent none; one it sent must be valid. */
  const voterOf = async (c: Context<MeetingEnv>): Promise<string | null> => {
    const header = c.req.header(VOTER_HEADER)
    if (header === undefined) return null
    const credential = parseVoterHeader(header)
    if (!credential || !(await voters.verify(c.var.meeting.id, credential))) throw refuse()
    return credential.voterId
  }
  const requireVoter = async (c: Context<MeetingEnv>): Promise<string> => {
    const voterId = await voterOf(c)
    if (!voterId) throw refuse()
    return voterId
  }

  /** Reads the board's controls and, for a vote, where the note is; the room is held meanwhile. */
  const withBoard = async <T>(
    boardId: string,
    read: (
      controls: Controls,
      noteIsOnPage: (shapeId: string, pageId: string) => boolean,
    ) => T | Promise<T>,
  ): Promise<T> => {
    const room = await rooms.acquire(boardId)
    try {
      const doc = room.doc
      const controlsMap = doc.getMap<unknown>(CONTROLS_MAP)
      const records = doc.getMap<unknown>(RECORDS_MAP)
      const isNoteOn = (shapeId: string, pageId: string) => {
        const record = records.get(shapeId) as { typeName?: unknown; type?: unknown } | undefined
        return (
          record?.typeName === 'shape' &&
          record.type === 'note' &&
          pageOf(record, (id) => records.get(id)) === pageId
        )
      }
      return await read(
        parseControls((key) => controlsMap.get(key)),
        isNoteOn,
      )
    } finally {
      rooms.release(boardId)
    }
  }

  const status = async (
    meetingId: string,
    role: MeetingRole,
    voterId: string | null,
    controls: Controls,
  ): Promise<VoteStatus> => {
    const voting = controls.voting
    if (!voting)
      return {
        round: null,
        pageId: null,
        state: 'none',
        votesPerPerson: 0,
        mine: {},
        remaining: 0,
        tally: null,
        voters: null,
      }
    const mine = voterId ? await store.mine(meetingId, voting.round, voterId) : {}
    const used = Object.values(mine).reduce((a, b) => a + b, 0)
    const facilitator = role === 'facilitator'
    const tally = facilitator
      ? await store.tally(meetingId, voting.round)
      : voting.state === 'revealed'
        ? (voting.results ?? (await store.tally(meetingId, voting.round)))
        : null
    return {
      round: voting.round,
      pageId: voting.pageId,
      state: voting.state,
      votesPerPerson: voting.votesPerPerson,
      mine,
      remaining: voting.state === 'open' ? Math.max(0, voting.votesPerPerson - used) : 0,
      tally,
      voters: facilitator ? await store.voterCount(meetingId, voting.round) : null,
    }
  }

  return new Hono()
    .get(
      '/meetings/:id/votes',
      access.requireRole('facilitator', 'participant', 'projector'),
      async (c) => {
        const { meeting, role } = c.var
        // A participant asks about its own dots; the facilitator and the projector may ask
        // about the round alone.
        const voterId = role === 'participant' ? await requireVoter(c) : await voterOf(c)
        const controls = await withBoard(meeting.boardId, (controls) => controls)
        c.header('Cache-Control', 'no-store')
        return c.json(await status(meeting.id, role, voterId, controls))
      },
    )
    .post('/meetings/:id/votes', canVote, async (c) => {
      const { meeting, role } = c.var
      const voterId = await requireVoter(c)
      const { shapeId } = await readJson(c, voteRequest)
      const address = clientAddress(c, trustProxy)
      const controls = await withBoard(meeting.boardId, async (controls, isNoteOn) => {
        if (controls.ended) throw meetingEnded()
        const voting = controls.voting
        if (voting?.state !== 'open') throw new ApiError(409, 'voting_closed', 'No voting is open')
        if (!isNoteOn(shapeId, voting.pageId))
          throw new ApiError(404, 'note_not_found', 'No such note in the phase being voted on')
        const cap = voting.votesPerPerson * votersPerAddress
        if (!perAddress.allows(meeting.id, voting.round, address, cap))
          throw new ApiError(
            429,
            'too_many_votes',
            'This address has cast all the votes it may in this round',
          )
        // Taken before the store's await and given back if no vote was added, so that votes
        // of one address arriving together cannot all pass the check above.
        perAddress.take(meeting.id, voting.round, address)
        let added = false
        try {
          added = await store.add(meeting.id, voting.round, voterId, shapeId, voting.votesPerPerson)
        } finally {
          if (!added) perAddress.giveBack(meeting.id, voting.round, address)
        }
        if (!added) throw new ApiError(409, 'no_votes_left', 'All your votes are used')
        return controls
      })
      return c.json(await status(meeting.id, role, voterId, controls))
    })
    .delete('/meetings/:id/votes', canVote, async (c) => {
      const { meeting, role } = c.var
      const voterId = await requireVoter(c)
      const { shapeId } = await readJson(c, voteRequest)
      const controls = await withBoard(meeting.boardId, async (controls) => {
        if (controls.ended) throw meetingEnded()
        const voting = controls.voting
        if (voting?.state !== 'open') throw new ApiError(409, 'voting_closed', 'No voting is open')
        if (!(await store.remove(meeting.id, voting.round, voterId, shapeId)))
          throw new ApiError(404, 'vote_not_found', 'You have no vote on that note')
        perAddress.giveBack(meeting.id, voting.round, clientAddress(c, trustProxy))
        return controls
      })
      return c.json(await status(meeting.id, role, voterId, controls))
    })
}
