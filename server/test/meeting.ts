import { ControlKey, type CreatedMeeting } from '@samla/shared'
import type * as Y from 'yjs'
import { frame, page, textNote } from './fixtures/records.ts'

export type Role = keyof CreatedMeeting['links']

/** A meeting made through the API, with each role's token. */
export async function createMeeting(serverUrl: string) {
  const res = await fetch(`${serverUrl}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Samling 1',
      group: 'kraftsamling',
      date: '2026-02-13',
      format: 'hybrid',
    }),
  })
  if (res.status !== 201) throw new Error(`creating a meeting: ${res.status}`)
  const created = (await res.json()) as CreatedMeeting
  const token = (role: Role) => new URL(created.links[role]).hash.replace('#k=', '')
  return { ...created, boardId: created.meeting.boardId, token }
}

/**
 * What a facilitator's first visit lays out, in small: two phases (Öppna upp with a question
 * frame and a note in it, Testa with a note), phases laid out, Öppna upp current.
 */
export function layOutPhases(doc: Y.Doc): void {
  const records = doc.getMap<unknown>('records')
  const controls = doc.getMap<unknown>('meeting')
  doc.transact(() => {
    records.set('page:one', page('page:one', 'Öppna upp', 'a1'))
    records.set('page:two', page('page:two', 'Testa', 'a2'))
    records.set('shape:q', frame('shape:q', 'page:one', 'Vad ser vi?', 0, 0, 'prompt'))
    records.set('shape:a', textNote('shape:a', 'shape:q', 'Fler vuxna på rasterna', 20, 60))
    records.set('shape:b', textNote('shape:b', 'page:two', 'Läxhjälp'))
    controls.set(ControlKey.templatesVersion, 1)
    controls.set(ControlKey.currentPhase, 'page:one')
  })
}
