import {
  type BlueListSource,
  type CreateBlueListItemRequest,
  MAX_NEED_CHARS,
  type Meeting,
} from '@samla/shared'
import { ApiError } from '../http/errors.ts'
import type { NewBlueListItem } from '../storage/repositories.ts'
import type { SamlaStore } from '../storage/store.ts'
import type { ProcessService } from './service.ts'

/**
 * Blå listan's items as they are made: from notes on a meeting's board (read there on the
 * server, never taken from the client), or on the process page from one of the process's
 * ideas or meetings, whose number and title the server looks up itself.
 */

/** A need from notes' text: as it reads, cut at a word if it is longer than a need may be. */
function needOf(text: string): string {
  if (text.length <= MAX_NEED_CHARS) return text
  const cut = text.slice(0, MAX_NEED_CHARS - 2)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), MAX_NEED_CHARS / 2))} …`
}

/** "Till Blå listan": the selected notes (or the notes of selected frames) become one need. */
export async function itemFromNotes(
  service: ProcessService,
  meeting: Meeting,
  shapeIds: readonly string[],
): Promise<NewBlueListItem> {
  if (!meeting.processId)
    throw new ApiError(409, 'not_in_process', 'This meeting is not part of a Kraftsamling process')
  const notes = await service.readNotes(meeting, shapeIds)
  if (notes.length === 0)
    throw new ApiError(400, 'empty_selection', 'The selection holds no note with text')
  const text = notes.map((n) => n.text).join('\n')
  return {
    processId: meeting.processId,
    need: needOf(text),
    needFromSource: true,
    source: { kind: 'note', meetingId: meeting.id, meetingTitle: meeting.title, text },
    raisedTo: '',
  }
}

/** Where a need the process link writes came from: an idea or a meeting of this process. */
export async function sourceOf(
  store: SamlaStore,
  processId: string,
  request: Pick<CreateBlueListItemRequest, 'ideaId' | 'meetingId'>,
): Promise<BlueListSource> {
  if (request.ideaId) {
    const idea = await store.ideas.get(processId, request.ideaId)
    if (!idea) throw new ApiError(404, 'idea_not_found', 'No such idea in this process')
    return { kind: 'idea', ideaId: idea.id, ideaNumber: idea.number, ideaTitle: idea.title }
  }
  if (request.meetingId) {
    const meeting = await store.meetings.get(request.meetingId)
    if (!meeting || meeting.processId !== processId)
      throw new ApiError(404, 'meeting_not_found', 'No such meeting in this process')
    return { kind: 'meeting', meetingId: meeting.id, meetingTitle: meeting.title }
  }
  return { kind: 'none' }
}
