import { type BoardContent, type Controls, DEFAULT_CONTROLS } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import { Announcer, SETTLE_MS } from './announcer.ts'

const board = (notes: Array<{ id: string; text: string }>): BoardContent => ({
  phases: [
    {
      pageId: 'page:a',
      name: 'Öppna upp',
      frames: [
        {
          id: 'shape:q',
          name: 'Vad ser vi?',
          kind: 'prompt',
          notes: notes.map((n) => ({
            ...n,
            color: 'yellow',
            votes: null,
            author: null,
            createdAt: null,
          })),
        },
      ],
    },
    { pageId: 'page:b', name: 'Testa', frames: [] },
  ],
})
const controls = (changes: Partial<Controls> = {}): Controls => ({
  ...DEFAULT_CONTROLS,
  currentPhase: 'page:a',
  ...changes,
})
const none = new Set<string>()

describe('the list view’s announcements', () => {
  it('reads a note someone else types once, when its text has settled, not per keystroke', () => {
    const announcer = new Announcer()
    const heard = []
    heard.push(
      ...announcer.observe({ content: board([]), controls: controls(), now: 0, mine: none }),
    )
    let now = 1000
    for (const text of ['', 'F', 'Fl', 'Fle', 'Fler vuxna']) {
      now += 100
      heard.push(
        ...announcer.observe({
          content: board([{ id: 'shape:n', text }]),
          controls: controls(),
          now,
          mine: none,
        }),
      )
    }
    expect(heard).toEqual([])
    for (const later of [now + SETTLE_MS, now + SETTLE_MS + 500, now + 10 * SETTLE_MS])
      heard.push(
        ...announcer.observe({
          content: board([{ id: 'shape:n', text: 'Fler vuxna' }]),
          controls: controls(),
          now: later,
          mine: none,
        }),
      )
    expect(heard).toEqual([
      { key: 'list.announce.note', params: { frame: 'Vad ser vi?', text: 'Fler vuxna' } },
    ])
  })

  it('never reads notes that were there before, nor one’s own', () => {
    const announcer = new Announcer()
    const content = board([{ id: 'shape:old', text: 'Fanns redan' }])
    expect(announcer.observe({ content, controls: controls(), now: 0, mine: none })).toEqual([])
    const withMine = board([
      { id: 'shape:old', text: 'Fanns redan' },
      { id: 'shape:mine', text: 'Min egen' },
    ])
    const mine = new Set(['shape:mine'])
    expect(announcer.observe({ content: withMine, controls: controls(), now: 10, mine })).toEqual(
      [],
    )
    expect(
      announcer.observe({ content: withMine, controls: controls(), now: 10 * SETTLE_MS, mine }),
    ).toEqual([])
  })

  it('says a change of phase, a lock and the end of the time once each', () => {
    const announcer = new Announcer()
    const content = board([])
    const running = { state: 'running' as const, durationMs: 60_000, endsAt: 5000 }
    const moments: Array<[Partial<Controls>, number]> = [
      [{ timer: running }, 0],
      [{ timer: running }, 4000],
      [{ timer: running }, 5000],
      [{ timer: running }, 6000],
      [{ timer: running, lockedPhases: ['page:a'] }, 7000],
      [{ timer: running, lockedPhases: ['page:a'] }, 8000],
      [{ timer: running, currentPhase: 'page:b', lockedPhases: ['page:a'] }, 9000],
      [{ timer: running, currentPhase: 'page:b', lockedPhases: ['page:a'] }, 9500],
    ]
    const heard = moments.flatMap(([changes, now]) =>
      announcer.observe({ content, controls: controls(changes), now, mine: none }),
    )
    expect(heard.map((a) => [a.key, a.params])).toEqual([
      ['list.announce.timeUp', {}],
      ['list.announce.locked', { phase: 'Öppna upp' }],
      ['list.announce.phase', { phase: 'Testa' }],
    ])
  })
})
