import {
  CONTROLS_MAP,
  ControlKey,
  type Meeting,
  parseControls,
  RECORDS_MAP,
  type Voting,
  type VotingRoundResult,
  votingSchema,
} from '@samla/shared'
import type * as Y from 'yjs'
import { extractContent } from '../board/extract.ts'
import type { Logger } from '../logger.ts'
import { Connection } from '../rooms/Connection.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import type {
  MeetingRepository,
  VoteRepository,
  VoteRoundEntry,
  VoteRoundRepository,
} from '../storage/repositories.ts'

/** A round's state as the repository is to record it, and whether this is where it ends. */
export interface RoundChange {
  voting: Voting
  state: Voting['state']
  /** Closed or revealed just now: the count is taken. */
  ends: boolean
}

/**
 * What a change of the `voting` control means for the record. The controls hold one round at
 * a time: a round that was running when it is ended (null) or replaced by another one ends
 * there, closed; the new value is recorded when it is a new round or a new state of it.
 */
export function roundChanges(before: Voting | null, now: Voting | null): RoundChange[] {
  const changes: RoundChange[] = []
  if (before && before.round !== now?.round && before.state === 'open')
    changes.push({ voting: before, state: 'closed', ends: true })
  if (now && (now.round !== before?.round || now.state !== before.state))
    changes.push({ voting: now, state: now.state, ends: now.state !== 'open' })
  return changes
}

interface NoteText {
  text: string | null
  color: string
}

/**
 * Keeps the record of every voting round of every meeting (vote_rounds), on the server: the
 * facilitator's controls say when a round starts, closes, is revealed, ended or replaced; the
 * count comes from the votes themselves, never from the results a client wrote. Only changes
 * a connection of this instance made are recorded (loading a board replays old ones, and
 * another instance records its own clients'), in order per board.
 *
 * A round's results keep each note's text as it was at that moment, read from the board in
 * the same turn as the change: the record says what was voted on even after the note is
 * edited or deleted. A reveal takes the count and the texts again, so a vote that was being
 * stored while the round closed is in the revealed count.
 */
export function watchVotingRounds(
  rooms: RoomManager,
  store: { meetings: MeetingRepository; votes: VoteRepository; voteRounds: VoteRoundRepository },
  log: Logger,
  /** After an ended round is recorded (its ideas' votes are kept: process/service.ts). */
  onEnded: (meeting: Meeting, entry: VoteRoundEntry) => Promise<void> = async () => {},
): () => Promise<void> {
  const pending = new Set<Promise<void>>()

  const onLoaded = async (boardId: string) => {
    const room = await rooms.peek(boardId)
    if (!room) return
    const doc = room.doc
    const controls = doc.getMap<unknown>(CONTROLS_MAP)
    // Watching before the meeting is looked up, so that no change made meanwhile is missed;
    // each change's work waits for the lookup (a failed one is logged there).
    const meetingOf = store.meetings.byBoard(boardId)
    meetingOf.catch(() => {})
    let queue: Promise<void> = Promise.resolve()

    const observer = (event: Y.YMapEvent<unknown>, tx: Y.Transaction) => {
      if (!(tx.origin instanceof Connection)) return
      const change = event.changes.keys.get(ControlKey.voting)
      if (!change) return
      const changes = roundChanges(
        parseVoting(change.oldValue),
        parseVoting(controls.get(ControlKey.voting)),
      )
      if (changes.length === 0) return
      const at = new Date()
      const phaseName = (pageId: string) =>
        (doc.getMap<unknown>(RECORDS_MAP).get(pageId) as { name?: unknown } | undefined)?.name
      const notes = changes.some((c) => c.ends) ? notesOnBoard(doc) : null
      const entries = changes.map((c) => ({
        change: c,
        phase: String(phaseName(c.voting.pageId) ?? ''),
        phaseNotes: notes?.byPage.get(c.voting.pageId) ?? [],
      }))
      queue = queue
        .then(async () => {
          const meeting = await meetingOf
          if (!meeting) return
          for (const { change, phase, phaseNotes } of entries) {
            const { voting, state, ends } = change
            const entry: VoteRoundEntry = {
              round: voting.round,
              pageId: voting.pageId,
              phase,
              votesPerPerson: voting.votesPerPerson,
              state,
              at,
            }
            if (ends && notes) {
              const [tally, voters] = await Promise.all([
                store.votes.tally(meeting.id, voting.round),
                store.votes.voterCount(meeting.id, voting.round),
              ])
              entry.outcome = { voters, results: results(phaseNotes, tally, notes.all) }
            }
            await store.voteRounds.record(meeting.id, entry)
            if (entry.outcome) await onEnded(meeting, entry)
          }
        })
        .catch((err: unknown) =>
          log.error('recording a voting round failed', { room: boardId, err }),
        )
      const done = queue
      pending.add(done)
      void done.finally(() => pending.delete(done))
    }
    controls.observe(observer)
  }
  const listener = (id: string) =>
    void onLoaded(id).catch((err: unknown) =>
      log.error('watching voting rounds failed', { room: id, err }),
    )
  rooms.on('loaded', listener)
  return async () => {
    rooms.off('loaded', listener)
    await Promise.all(pending)
  }
}

function parseVoting(value: unknown): Voting | null {
  const parsed = votingSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

/** Every note of the board by id, and each phase's in reading order (as documented). */
function notesOnBoard(doc: Y.Doc) {
  const map = doc.getMap<unknown>(CONTROLS_MAP)
  const content = extractContent(
    doc,
    parseControls((key) => map.get(key)),
  )
  const byPage = new Map(
    content.phases.map((phase) => [
      phase.pageId,
      phase.frames.flatMap((frame) =>
        frame.notes.map((n) => ({ id: n.id, text: n.text, color: n.color })),
      ),
    ]),
  )
  const all = new Map<string, NoteText>()
  for (const list of byPage.values()) for (const n of list) all.set(n.id, n)
  return { byPage, all }
}

/**
 * Every note of the phase with its votes, then any other note that got votes (moved to
 * another phase, or deleted: no text then, and tldraw's default colour).
 */
function results(
  phaseNotes: Array<{ id: string } & NoteText>,
  tally: Record<string, number>,
  all: Map<string, NoteText>,
): VotingRoundResult[] {
  const listed = new Set(phaseNotes.map((n) => n.id))
  const others = Object.keys(tally)
    .filter((id) => !listed.has(id) && (tally[id] ?? 0) > 0)
    .sort()
    .map((id) => ({ id, ...(all.get(id) ?? { text: null, color: 'yellow' }) }))
  return [...phaseNotes, ...others].map((n) => ({
    noteId: n.id,
    text: n.text,
    color: n.color,
    votes: tally[n.id] ?? 0,
  }))
}
