import {
  type AddProcessMeetingRequest,
  ControlKey,
  type CreatedMeeting,
  type CreatedProcess,
} from '@samla/shared'
import type * as Y from 'yjs'
import { frame, page, textNote } from './fixtures/records.ts'

/** A process made through the API, with its link's token and calls made with it. */
export async function createProcess(serverUrl: string, name = 'Kraftsamling Blekinge') {
  const res = await fetch(`${serverUrl}/api/processes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      description: 'Unga och psykisk hälsa',
      organisers: 'Region Blekinge',
    }),
  })
  if (res.status !== 201) throw new Error(`creating a process: ${res.status}`)
  const created = (await res.json()) as CreatedProcess
  const token = new URL(created.link).hash.replace('#k=', '')
  const call = (path: string, init: RequestInit = {}, as = token) =>
    fetch(`${serverUrl}/api/processes/${created.process.id}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${as}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    })
  const addMeeting = async (request: Partial<AddProcessMeetingRequest> & { title: string }) => {
    const res = await call('/meetings', {
      method: 'POST',
      body: JSON.stringify({
        group: 'kraftsamling',
        date: '2027-02-13',
        format: 'physical',
        ...request,
      }),
    })
    if (res.status !== 201) throw new Error(`adding a meeting: ${res.status} ${await res.text()}`)
    const meeting = (await res.json()) as CreatedMeeting
    const tokenOf = (role: keyof CreatedMeeting['links']) =>
      new URL(meeting.links[role]).hash.replace('#k=', '')
    return { ...meeting, boardId: meeting.meeting.boardId, token: tokenOf }
  }
  return { ...created, token, call, addMeeting }
}

/** A meeting API call with a link's token. */
export const meetingCall =
  (serverUrl: string, meetingId: string) =>
  (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${serverUrl}/api/meetings/${meetingId}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        ...init.headers,
      },
    })

/**
 * What a facilitator's first visit lays out, in small, with an Inkorg: one phase "Öppna upp"
 * with a question frame and the Inkorg, plus the given notes in the question frame.
 */
export function layOutWithInbox(
  doc: Y.Doc,
  notes: Array<{ id: string; text: string; meta?: Record<string, unknown> }> = [],
) {
  const records = doc.getMap<unknown>('records')
  const controls = doc.getMap<unknown>('meeting')
  doc.transact(() => {
    records.set('page:one', page('page:one', 'Öppna upp', 'a1'))
    records.set('shape:q', frame('shape:q', 'page:one', 'Vad behöver unga?', 0, 0, 'prompt'))
    records.set('shape:inbox', frame('shape:inbox', 'page:one', 'Inkorg', 900, 0, 'inbox'))
    notes.forEach((n, i) => {
      const record = textNote(n.id, 'shape:q', n.text, 20 + i * 220, 80)
      records.set(n.id, n.meta ? { ...record, meta: { ...record.meta, ...n.meta } } : record)
    })
    controls.set(ControlKey.templatesVersion, 1)
    controls.set(ControlKey.currentPhase, 'page:one')
  })
}
