import {
  CONTROLS_MAP,
  type Controls,
  type MeetingRole,
  parseControls,
  RECORDS_MAP,
  type VoteStatus,
  voteRequest,
  voterIdSchema,
} from '@samla/shared'
import { Hono } from 'hono'
import type { MeetingAccess } from '../access/meetingAccess.ts'
import { pageOf } from '../board/records.ts'
import { ApiError } from '../http/errors.ts'
import { readJson } from '../http/json.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import type { VoteStore } from '../votes/store.ts'

/**
 * Dot voting. The round (which phase, how many dots each, open or not) is the facilitator's,
 * in the board's meeting controls; the dots are counted here, per voter, so that nobody can
 * vote more than the round allows and nobody but the facilitator sees the tally before it is
 * revealed.
 */
export function voteRoutes(access: MeetingAccess, rooms: RoomManager, store: VoteStore) {
  const canVote = access.requireRole('facilitator', 'participant')

  /** Reads the board's controls and, for a vote, where the note is; the room is held meanwhile. */
  const withBoard = async <T>(
    boardId: string,
    read: (controls: Controls, noteIsOnPage: (shapeId: string, pageId: string) => boolean) => T,
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
      return read(
        parseControls((key) => controlsMap.get(key)),
        isNoteOn,
      )
    } finally {
      rooms.release(boardId)
    }
  }

  const status = (
    meetingId: string,
    role: MeetingRole,
    voterId: string,
    controls: Controls,
  ): VoteStatus => {
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
    const mine = store.mine(meetingId, voting.round, voterId)
    const used = Object.values(mine).reduce((a, b) => a + b, 0)
    const facilitator = role === 'facilitator'
    const tally = facilitator
      ? store.tally(meetingId, voting.round)
      : voting.state === 'revealed'
        ? (voting.results ?? store.tally(meetingId, voting.round))
        : null
    return {
      round: voting.round,
      pageId: voting.pageId,
      state: voting.state,
      votesPerPerson: voting.votesPerPerson,
      mine,
      remaining: voting.state === 'open' ? Math.max(0, voting.votesPerPerson - used) : 0,
      tally,
      voters: facilitator ? store.voterCount(meetingId, voting.round) : null,
    }
  }

  return new Hono()
    .get(
      '/meetings/:id/votes',
      access.requireRole('facilitator', 'participant', 'projector'),
      async (c) => {
        const { meeting, role } = c.var
        const voter = voterIdSchema.safeParse(c.req.query('voter') ?? '')
        if (!voter.success && role !== 'projector')
          throw new ApiError(400, 'invalid_voter', 'voter must be 8–64 characters [A-Za-z0-9_-]')
        const voterId = voter.success ? voter.data : ''
        const controls = await withBoard(meeting.boardId, (controls) => controls)
        c.header('Cache-Control', 'no-store')
        return c.json(status(meeting.id, role, voterId, controls))
      },
    )
    .post('/meetings/:id/votes', canVote, async (c) => {
      const { meeting, role } = c.var
      const { voterId, shapeId } = await readJson(c, voteRequest)
      const controls = await withBoard(meeting.boardId, (controls, isNoteOn) => {
        const voting = controls.voting
        if (voting?.state !== 'open') throw new ApiError(409, 'voting_closed', 'No voting is open')
        if (!isNoteOn(shapeId, voting.pageId))
          throw new ApiError(404, 'note_not_found', 'No such note in the phase being voted on')
        if (!store.add(meeting.id, voting.round, voterId, shapeId, voting.votesPerPerson))
          throw new ApiError(409, 'no_votes_left', 'All your votes are used')
        return controls
      })
      return c.json(status(meeting.id, role, voterId, controls))
    })
    .delete('/meetings/:id/votes', canVote, async (c) => {
      const { meeting, role } = c.var
      const { voterId, shapeId } = await readJson(c, voteRequest)
      const controls = await withBoard(meeting.boardId, (controls) => {
        const voting = controls.voting
        if (voting?.state !== 'open') throw new ApiError(409, 'voting_closed', 'No voting is open')
        if (!store.remove(meeting.id, voting.round, voterId, shapeId))
          throw new ApiError(404, 'vote_not_found', 'You have no vote on that note')
        return controls
      })
      return c.json(status(meeting.id, role, voterId, controls))
    })
}
