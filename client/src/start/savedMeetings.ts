import type { CreatedMeeting } from '@samla/shared'

/**
 * Meetings created in this browser. There are no accounts: the facilitator link kept here is
 * the only key to a meeting, so the list lives where the facilitator created it.
 */
export interface SavedMeeting {
  id: string
  title: string
  date: string
  group: CreatedMeeting['meeting']['group']
  format: CreatedMeeting['meeting']['format']
  joinCode: string | null
  links: CreatedMeeting['links']
}

const KEY = 'samla.meetings'

export function loadMeetings(storage: Storage = localStorage): SavedMeeting[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]')
    return Array.isArray(parsed) ? (parsed as SavedMeeting[]).filter((m) => m?.id && m.links) : []
  } catch {
    return []
  }
}

/** Adds or replaces one; newest date first. */
export function saveMeeting(
  meeting: SavedMeeting,
  storage: Storage = localStorage,
): SavedMeeting[] {
  const list = [meeting, ...loadMeetings(storage).filter((m) => m.id !== meeting.id)].sort((a, b) =>
    b.date.localeCompare(a.date),
  )
  storage.setItem(KEY, JSON.stringify(list))
  return list
}

export function forgetMeeting(id: string, storage: Storage = localStorage): SavedMeeting[] {
  const list = loadMeetings(storage).filter((m) => m.id !== id)
  storage.setItem(KEY, JSON.stringify(list))
  return list
}

export function toSaved({ meeting, links }: CreatedMeeting): SavedMeeting {
  return {
    id: meeting.id,
    title: meeting.title,
    date: meeting.date,
    group: meeting.group,
    format: meeting.format,
    joinCode: meeting.joinCode,
    links,
  }
}
