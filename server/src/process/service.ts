import { randomUUID } from 'node:crypto'
import {
  CONTROLS_MAP,
  ControlKey,
  type Crossing,
  IDEA_VOTE_FRAME_TITLE,
  IDEA_VOTE_NOTE_PREFIX,
  type Idea,
  ideaLabel,
  ideaVoteNoteId,
  type Meeting,
  type MeetingStatus,
  parseControls,
  RECORDS_MAP,
  type SendNotesRequest,
  type SendNotesResult,
} from '@samla/shared'
import { ApiError } from '../http/errors.ts'
import { IdeaDocuments } from '../ideas/documents.ts'
import type { Logger } from '../logger.ts'
import type { Room } from '../rooms/Room.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import { takeSnapshot } from '../snapshots/take.ts'
import type { VoteRoundEntry } from '../storage/repositories.ts'
import type { SamlaStore } from '../storage/store.ts'
import { type BoardNote, selectedNotes } from './boardNotes.ts'
import { isLaidOut, removeShapes, setThreads, writeFrame, writeIntoInbox } from './boardWrites.ts'
import { dueCommitmentNotes } from './handslagCarry.ts'
import { carriedFrameId, carriedNoteId, receivedShapeId, threadsOf } from './threads.ts'

export const CARRIED_FRAME_TITLE = 'Från förra samlingen'
const IDEA_SNAPSHOT_LABEL = 'Gör till idé'
const IDEA_TITLE_CHARS = 120

/** An idea's title from its first note: its first line, cut at a word if it is long. */
function firstLine(text: string): string {
  const line = text.split('\n')[0]?.trim() ?? ''
  if (line.length <= IDEA_TITLE_CHARS) return line || 'Idé'
  const cut = line.slice(0, IDEA_TITLE_CHARS)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40))} …`
}

/** planned / running / ended, from the meeting's date and whether it has been ended. */
export function statusOf(meeting: Meeting, ended: boolean, today: string): MeetingStatus {
  if (ended || meeting.date < today) return 'ended'
  return meeting.date === today ? 'running' : 'planned'
}

export const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' })

/**
 * A Kraftsamling's meetings talk to each other through here: notes sent across, answers sent
 * back, the frame a new Samling starts with, and erasure that follows a meeting's words onto
 * the boards they reached. The database is the record; each board's notes and `process` map
 * are written from it, so writing a board again after any change is always safe.
 */
export class ProcessService {
  /** The ideas' idébeskrivningar, each a Yjs document of its own. */
  readonly ideaDocuments: IdeaDocuments

  constructor(
    private readonly store: SamlaStore,
    private readonly rooms: RoomManager,
    private readonly log: Logger,
  ) {
    this.ideaDocuments = new IdeaDocuments(store, rooms)
    // Notes sent to a board that was not laid out yet appear once it is (on whichever
    // instance sees the layout first; the notes' ids are fixed, so two never duplicate).
    rooms.on('controls', (boardId, keys) => {
      if (keys.has(ControlKey.templatesVersion)) this.refreshBoard(boardId)
    })
  }

  private refreshBoard(boardId: string): void {
    void (async () => {
      const meeting = await this.store.meetings.byBoard(boardId)
      if (meeting?.processId) await this.sync(meeting)
    })().catch((err: unknown) =>
      this.log.error('bringing a board up to date failed', { room: boardId, err }),
    )
  }

  /** Runs `work` on the meeting's room, loaded if need be, and waits until what it wrote is stored. */
  private async withRoom<T>(meeting: Meeting, work: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.rooms.acquire(meeting.boardId)
    try {
      const result = await work(room)
      await room.persisted()
      return result
    } finally {
      this.rooms.release(meeting.boardId)
    }
  }

  /** The partner group's meetings of the process, and the one a sending goes to by default. */
  async partners(meeting: Meeting) {
    if (!meeting.processId) return { processId: null, meetings: [], suggested: null }
    const now = today()
    const all = await this.store.meetings.inProcess(meeting.processId)
    const partners = all
      .filter((m) => m.group !== meeting.group)
      .map((m) => ({
        id: m.id,
        title: m.title,
        group: m.group,
        date: m.date,
        status: statusOf(m, false, now),
      }))
    const suggested =
      partners.find((m) => m.status === 'running') ??
      partners.find((m) => m.status === 'planned') ??
      partners.at(-1) ??
      null
    return { processId: meeting.processId, meetings: partners, suggested: suggested?.id ?? null }
  }

  async send(from: Meeting, request: SendNotesRequest): Promise<SendNotesResult> {
    if (!from.processId)
      throw new ApiError(
        409,
        'not_in_process',
        'This meeting is not part of a Kraftsamling process',
      )
    const to = await this.store.meetings.get(request.to)
    if (!to)
      throw new ApiError(404, 'meeting_not_found', 'No such meeting: it may have been deleted')
    if (to.processId !== from.processId)
      throw new ApiError(409, 'other_process', 'Notes can only be sent within the same process')
    if (to.id === from.id)
      throw new ApiError(400, 'same_meeting', 'Notes cannot be sent to their own board')

    const { notes, anonymous } = await this.withRoom(from, (room) => ({
      notes: selectedNotes(room.doc, request.shapeIds),
      anonymous: parseControls((k) => room.doc.getMap(CONTROLS_MAP).get(k), from.anonymous)
        .anonymous,
    }))
    if (notes.length === 0)
      throw new ApiError(400, 'empty_selection', 'The selection holds no note with text')
    // A youth note carries no author at all; an anonymous meeting's never does.
    const named = from.group === 'kraftsamling' && !anonymous
    const { created, existing } = await this.store.crossings.send(
      notes.map((note) => ({
        processId: from.processId as string,
        fromMeetingId: from.id,
        toMeetingId: to.id,
        sourceShapeId: note.shapeId,
        text: note.text,
        color: note.color,
        origin: {
          group: from.group,
          meetingTitle: from.title,
          phase: note.phaseName,
          date: from.date,
        },
        author: named ? note.author : null,
        message: request.message || null,
      })),
    )
    const waiting = !(await this.sync(to))
    await this.sync(from)
    return { sent: created.length, alreadySent: existing.length, waiting }
  }

  /** Whether participants of the receiving meeting may answer (the facilitator's switch). */
  async answersOpen(meeting: Meeting): Promise<boolean> {
    return this.withRoom(
      meeting,
      (room) => room.doc.getMap(CONTROLS_MAP).get(ControlKey.answersOpen) === true,
    )
  }

  async answer(receiving: Meeting, crossingId: string, text: string): Promise<Crossing> {
    const crossing = await this.store.crossings.get(crossingId)
    if (!crossing || crossing.toMeetingId !== receiving.id)
      throw new ApiError(404, 'crossing_not_found', 'No note sent to this meeting has that id')
    const answered = await this.store.crossings.answer(crossingId, text)
    if (!answered) throw new ApiError(404, 'crossing_not_found', 'The note was erased meanwhile')
    await this.sync(receiving)
    const sender = await this.store.meetings.get(crossing.fromMeetingId)
    if (sender) await this.sync(sender)
    return answered
  }

  /**
   * Brings a meeting's board up to date with the database: notes waiting for it written into
   * its Inkorg (once laid out), the carried-forward frame, and the `process` map. Returns
   * whether the board is laid out.
   */
  async sync(meeting: Meeting): Promise<boolean> {
    if (!meeting.processId) return false
    const touching = await this.store.crossings.touching(meeting.id)
    return this.withRoom(meeting, async (room) => {
      const doc = room.doc
      const laidOut = isLaidOut(doc)
      if (laidOut) {
        const waiting = touching.filter((c) => c.toMeetingId === meeting.id && !c.deliveredShapeId)
        writeIntoInbox(
          doc,
          waiting.map((c) => ({ id: receivedShapeId(c.id), text: c.text, color: c.color })),
        )
        for (const c of waiting) {
          await this.store.crossings.delivered(c.id, receivedShapeId(c.id))
          c.deliveredShapeId = receivedShapeId(c.id)
        }
        const carryFrom = await this.store.meetings.takeCarryForward(meeting.id)
        if (carryFrom) await this.carryForward(doc, meeting, carryFrom)
      }
      const titles = new Map(
        (await this.store.meetings.inProcess(meeting.processId as string)).map((m) => [
          m.id,
          m.title,
        ]),
      )
      const records = doc.getMap<unknown>(RECORDS_MAP)
      // Born here, or on this board to be voted on.
      const ideas = (await this.store.ideas.list(meeting.processId as string)).filter(
        (idea) => idea.origin.meetingId === meeting.id || records.has(ideaVoteNoteId(idea.id)),
      )
      setThreads(
        doc,
        threadsOf(
          meeting.id,
          touching,
          (id) => titles.get(id) ?? '',
          ideas,
          (id) => records.has(id),
        ),
      )
      return laidOut
    })
  }

  /**
   * "Från förra samlingen": notes received and not answered yet, answers received, and the
   * Handslag commitments due before the group's next meeting (process/handslagCarry.ts).
   */
  private async carryForward(doc: Room['doc'], meeting: Meeting, fromId: string) {
    const previous = await this.store.crossings.touching(fromId)
    const open = previous.filter(
      (c) => (c.toMeetingId === fromId && !c.answer) || (c.fromMeetingId === fromId && c.answer),
    )
    const notes = open.map((c) => ({
      id: carriedNoteId(c.id),
      color: c.color,
      text:
        c.fromMeetingId === fromId && c.answer
          ? `${c.text}\n— Svar: ${c.answer.text}`
          : `${c.text}\n— ${c.origin.meetingTitle}`,
    }))
    const processId = meeting.processId as string
    const commitments = dueCommitmentNotes(
      meeting,
      await this.store.meetings.inProcess(processId),
      await this.store.handslag.list(processId),
    )
    writeFrame(doc, carriedFrameId(meeting.id), CARRIED_FRAME_TITLE, [...notes, ...commitments])
  }

  /**
   * Erases a meeting everywhere: its notes on other boards (the received copies and what was
   * carried forward of them), the answers it gave (gone from the senders' boards), then the
   * meeting itself; each board it reached is compacted, so the text leaves its log too.
   */
  async eraseMeeting(meeting: Meeting): Promise<void> {
    const touching = meeting.processId ? await this.store.crossings.touching(meeting.id) : []
    const others = meeting.processId
      ? (await this.store.meetings.inProcess(meeting.processId)).filter((m) => m.id !== meeting.id)
      : []
    const copies = touching
      .filter((c) => c.fromMeetingId === meeting.id)
      .flatMap((c) => [receivedShapeId(c.id), carriedNoteId(c.id)])
    // Answers it gave and notes it received travel on in carried frames too.
    const carried = touching
      .filter((c) => c.toMeetingId === meeting.id)
      .map((c) => carriedNoteId(c.id))
    await this.store.ideas.forgetMeeting(meeting.id)
    await this.store.blueList.forgetMeeting(meeting.id)
    await this.rooms.erase(meeting.boardId, () => this.store.meetings.delete(meeting.id))
    // Nothing of it crossed to another board: no other board is loaded or compacted.
    if (touching.length === 0) return
    const partners = new Set(touching.flatMap((c) => [c.fromMeetingId, c.toMeetingId]))
    for (const other of others) {
      const removed = await this.withRoom(other, (room) =>
        removeShapes(room.doc, [...copies, ...carried]),
      )
      // Its notes' text kept in the partner's voting rounds goes too (the votes stay).
      await this.store.voteRounds.forgetNotes(other.id, copies)
      // Only a board that held some of it is written again and compacted.
      if (!removed && !partners.has(other.id)) continue
      await this.sync(other)
      await this.withRoom(other, (room) => room.compact())
    }
    await this.store.scrub()
  }

  /**
   * "Gör till idé": the selected notes (or the notes of selected frames), read from the board,
   * become an idea of the process, with a snapshot of the board as it was, so that the idea
   * can always show where it was born. The notes get the idea's badge.
   */
  async createIdea(meeting: Meeting, shapeIds: readonly string[], title?: string): Promise<Idea> {
    if (!meeting.processId)
      throw new ApiError(
        409,
        'not_in_process',
        'This meeting is not part of a Kraftsamling process',
      )
    const { notes, snapshot } = await this.withRoom(meeting, async (room) => {
      const notes = selectedNotes(room.doc, shapeIds)
      if (notes.length === 0) return { notes, snapshot: null }
      const snapshot = await takeSnapshot(this.store.snapshots, meeting, room, {
        reason: 'manual',
        label: IDEA_SNAPSHOT_LABEL,
      })
      return { notes, snapshot }
    })
    if (notes.length === 0)
      throw new ApiError(400, 'empty_selection', 'The selection holds no note with text')
    const idea = await this.store.ideas.create({
      processId: meeting.processId,
      title: title ?? firstLine(notes[0]?.text ?? ''),
      origin: {
        meetingId: meeting.id,
        meetingTitle: meeting.title,
        group: meeting.group,
        phase: notes[0]?.phaseName ?? null,
        snapshotId: snapshot?.id ?? null,
        notes: notes.map((n) => ({ shapeId: n.shapeId, text: n.text })),
      },
    })
    await this.sync(meeting)
    return idea
  }

  /** The notes a selection stands for, read from the meeting's board on the server. */
  async readNotes(meeting: Meeting, shapeIds: readonly string[]): Promise<BoardNote[]> {
    return this.withRoom(meeting, (room) => selectedNotes(room.doc, shapeIds))
  }

  /**
   * After an idea changed status: its badges follow, on the board it was born on and on the
   * boards it was voted on.
   */
  async ideaChanged(idea: Idea): Promise<void> {
    const ids = new Set(
      [idea.origin.meetingId, ...idea.priorities.map((p) => p.meetingId)].filter(
        (id): id is string => id !== null,
      ),
    )
    for (const id of ids) {
      const meeting = await this.store.meetings.get(id)
      if (meeting) await this.sync(meeting)
    }
  }

  /**
   * Verkstad 2: puts the chosen ideas of the process on the meeting's board, one locked note
   * each ("I-3 Lugna rum på rasterna") in a frame of the phase, so that the meeting's dot
   * voting runs over ideas; what each gets is kept with the idea when the round ends
   * (`roundEnded`). An idea already on this board is not written twice.
   */
  async prioritiseIdeas(meeting: Meeting, ideaIds: readonly string[], pageId: string) {
    if (!meeting.processId)
      throw new ApiError(
        409,
        'not_in_process',
        'This meeting is not part of a Kraftsamling process',
      )
    const ideas = await this.store.ideas.list(meeting.processId)
    const chosen = ideaIds
      .map((id) => ideas.find((i) => i.id === id))
      .filter((i): i is Idea => i !== undefined)
    if (chosen.length !== new Set(ideaIds).size)
      throw new ApiError(404, 'idea_not_found', 'An idea is not one of this process')
    const written = await this.withRoom(meeting, (room) => {
      const doc = room.doc
      const records = doc.getMap<unknown>(RECORDS_MAP)
      if ((records.get(pageId) as { typeName?: unknown } | undefined)?.typeName !== 'page')
        throw new ApiError(404, 'phase_not_found', 'No such phase on this board')
      const fresh = chosen.filter((idea) => !records.has(ideaVoteNoteId(idea.id)))
      if (fresh.length === 0) return { count: 0, frameId: null }
      const frameId = `shape:samla-ideas-${randomUUID()}`
      writeFrame(
        doc,
        frameId,
        IDEA_VOTE_FRAME_TITLE,
        fresh.map((idea) => ({
          id: ideaVoteNoteId(idea.id),
          text: `${ideaLabel(idea.number)} ${idea.title}`,
          color: 'violet',
        })),
        { pageId, mark: 'idea-vote', lockNotes: true },
      )
      return { count: fresh.length, frameId }
    })
    await this.sync(meeting)
    // The frame's id, so that the facilitator's page can show it.
    return {
      written: written.count,
      alreadyThere: chosen.length - written.count,
      frameId: written.frameId,
    }
  }

  /** A voting round of the meeting ended (closed or revealed): the ideas' votes are kept. */
  async roundEnded(meeting: Meeting, entry: VoteRoundEntry): Promise<void> {
    if (!meeting.processId || !entry.outcome) return
    const voted = entry.outcome.results.filter((r) => r.noteId.startsWith(IDEA_VOTE_NOTE_PREFIX))
    if (voted.length === 0) return
    const ideas = new Set((await this.store.ideas.list(meeting.processId)).map((i) => i.id))
    const results = voted
      .map((r) => ({ ideaId: r.noteId.slice(IDEA_VOTE_NOTE_PREFIX.length), votes: r.votes }))
      .filter((r) => ideas.has(r.ideaId))
    const of = results.length
    await this.store.ideas.recordPriorities({
      meetingId: meeting.id,
      meetingTitle: meeting.title,
      round: entry.round,
      voters: entry.outcome.voters,
      at: entry.at,
      // Ideas with as many votes share a place: 7, 7, 3 are 1, 1, 3.
      results: results.map((r) => ({
        ...r,
        rank: 1 + results.filter((o) => o.votes > r.votes).length,
        of,
      })),
    })
  }

  /** Erases every meeting of the process and its ideas' documents, then the process. */
  async eraseProcess(processId: string): Promise<void> {
    await this.ideaDocuments.eraseOfProcess(processId)
    for (const meeting of await this.store.meetings.inProcess(processId))
      await this.rooms.erase(meeting.boardId, () => this.store.meetings.delete(meeting.id))
    await this.store.processes.delete(processId)
  }
}
