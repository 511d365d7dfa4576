import { CONTROLS_MAP, ControlKey } from '@samla/shared'
import * as Y from 'yjs'
import { seededBoard } from '../../../server/test/fixtures/seededBoard.ts'
import { writeBoard } from '../../../server/test/writeBoard.ts'

/** When a view counts as usable: controls visible and enabled, and a text on screen. */
export interface Usable {
  /** CSS selectors; the first match of each must be visible and enabled (and writable). */
  controls?: string[]
  /** A text whose element must be visible inside the first match of `within`. */
  text?: { within: string; text: string }
}

export interface View {
  id: string
  label: string
  url: string
  viewport: { width: number; height: number }
  usable: Usable
  /** Reached later, reported beside "usable" (the phone page once the board is synced). */
  later?: { label: string; usable: Usable }
  target?: { jsKB?: number; usableS?: number; text: string }
}

/** A note of the seeded board's current phase (Lära), in its first question. */
const NOTE = 'Bidra med en helhetssyn på barnet'

/**
 * One meeting on `server`, its board seeded (two phases, notes, a revealed vote) with Lära
 * as the current phase, and the six views the issue names as each is opened.
 */
export async function prepareViews(server: string): Promise<View[]> {
  const res = await fetch(`${server}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Samling 2 – hybrid',
      group: 'kraftsamling',
      date: '2026-02-13',
      format: 'hybrid',
    }),
  })
  if (res.status !== 201) throw new Error(`creating a meeting: ${res.status}`)
  const created = (await res.json()) as {
    meeting: { id: string; boardId: string; joinCode: string }
    links: { facilitator: string; participant: string; projector: string }
  }
  const token = new URL(created.links.facilitator).hash.replace('#k=', '')
  const doc = seededBoard()
  doc.getMap(CONTROLS_MAP).set(ControlKey.currentPhase, 'page:lara')
  await writeBoard(server, created.meeting.boardId, token, Y.encodeStateAsUpdate(doc))
  doc.destroy()
  const joined = (await (await fetch(`${server}/api/join/${created.meeting.joinCode}`)).json()) as {
    phoneLink: string
  }

  const phone = { width: 360, height: 740 }
  const laptop = { width: 1280, height: 800 }
  return [
    {
      id: 'start',
      label: 'start /',
      url: `${server}/`,
      viewport: laptop,
      usable: { controls: ['#root form input', '#root form button[type=submit]'] },
    },
    {
      id: 'join',
      label: 'join /j',
      url: `${server}/j`,
      viewport: phone,
      usable: { controls: ['input.phone__code', 'form button[type=submit]'] },
      target: { jsKB: 60, usableS: 2, text: '≤ 60 KB JS, ≤ 2 s' },
    },
    {
      id: 'phone',
      label: 'phone /p/…',
      url: joined.phoneLink,
      viewport: phone,
      usable: { controls: ['textarea.phone__text', 'form button[type=submit]'] },
      later: { label: 'board synced', usable: { controls: ['.phone__phase'] } },
      target: { jsKB: 200, usableS: 4, text: '≤ 200 KB JS, ≤ 4 s' },
    },
    {
      id: 'board',
      label: 'board (participant)',
      url: created.links.participant,
      viewport: laptop,
      usable: { text: { within: '.tl-canvas', text: NOTE } },
      target: { text: 'no worse than before' },
    },
    {
      id: 'projector',
      label: 'projector',
      url: created.links.projector,
      viewport: { width: 1920, height: 1080 },
      usable: {
        controls: ['.projector-overlay__phase'],
        text: { within: '.tl-canvas', text: NOTE },
      },
    },
    {
      id: 'docs',
      label: 'documentation',
      url: `${server}/docs/${created.meeting.id}#k=${token}`,
      viewport: { width: 1280, height: 900 },
      usable: { text: { within: 'main', text: NOTE } },
    },
  ]
}
