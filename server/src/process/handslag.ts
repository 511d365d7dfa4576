import type {
  ConfirmationView,
  Handslag,
  Initiative,
  InitiativeInput,
  Process,
} from '@samla/shared'
import { ApiError } from '../http/errors.ts'
import type { HandslagRefusal, HandslagWrite } from '../storage/repositories.ts'
import type { SamlaStore } from '../storage/store.ts'

/**
 * What the Handslag routes check against the rest of the process before anything is written:
 * an initiative that names an idea must be one of the process's (its number is taken from
 * there), and the meeting it was made at one of its meetings.
 */
export async function resolveInitiatives(
  store: SamlaStore,
  processId: string,
  initiatives: readonly InitiativeInput[],
): Promise<Initiative[]> {
  const ideas = initiatives.some((i) => i.ideaId) ? await store.ideas.list(processId) : []
  return initiatives.map(({ ideaId, text }) => {
    if (!ideaId) return { ideaId: null, ideaNumber: null, text }
    const idea = ideas.find((i) => i.id === ideaId)
    if (!idea)
      throw new ApiError(400, 'unknown_idea', 'An initiative names no idea of this process')
    return { ideaId, ideaNumber: idea.number, text }
  })
}

export async function checkMeeting(
  store: SamlaStore,
  processId: string,
  meetingId: string | null | undefined,
): Promise<void> {
  if (!meetingId) return
  const meeting = await store.meetings.get(meetingId)
  if (meeting?.processId !== processId)
    throw new ApiError(400, 'unknown_meeting', 'That meeting is not part of this process')
}

const REFUSALS: Record<HandslagRefusal, () => ApiError> = {
  not_found: () => new ApiError(404, 'handslag_not_found', 'No such Handslag in this process'),
  organisation_not_found: () =>
    new ApiError(404, 'organisation_not_found', 'No such organisation in this Handslag'),
  signed: () => new ApiError(409, 'signed', 'The Handslag is signed: it can no longer change'),
  full: () =>
    new ApiError(409, 'too_many_organisations', 'The Handslag has the most organisations it may'),
}

/** The value of a write, or the refusal as the API answers it. */
export function written<T>(write: HandslagWrite<T>): T {
  if (!write.ok) throw REFUSALS[write.reason]()
  return write.value
}

/**
 * What an organisation's confirmation page shows: the work plan, which organisations take
 * part and whether each has confirmed (never who confirmed for another), and its own
 * commitments and confirmation.
 */
export async function confirmationView(
  store: SamlaStore,
  handslag: Handslag,
  organisationId: string,
): Promise<ConfirmationView> {
  const [process, meeting] = await Promise.all([
    store.processes.get(handslag.processId) as Promise<Process>,
    handslag.meetingId ? store.meetings.get(handslag.meetingId) : null,
  ])
  const organisation = handslag.organisations.find((o) => o.id === organisationId)
  if (!organisation) throw new ApiError(401, 'unauthorized', 'The confirmation link is needed')
  return {
    processName: process?.name ?? '',
    title: handslag.title,
    meetingTitle: meeting?.title ?? null,
    initiatives: handslag.initiatives,
    organisations: handslag.organisations.map((o) => ({
      name: o.name,
      confirmed: o.confirmation !== null,
    })),
    organisation,
    signedAt: handslag.signedAt,
  }
}
