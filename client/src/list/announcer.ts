import type { BoardContent, Controls } from '@samla/shared'

/** How long a new note's text must stay unchanged before it is read out: not every keystroke. */
export const SETTLE_MS = 1500

export type Announcement =
  | { key: 'list.announce.note'; params: { frame: string; text: string } }
  | { key: 'list.announce.looseNote'; params: { text: string } }
  | { key: 'list.announce.phase'; params: { phase: string } }
  | { key: 'list.announce.locked'; params: { phase: string } }
  | { key: 'list.announce.unlocked'; params: { phase: string } }
  | { key: 'list.announce.timeUp'; params: Record<string, never> }

export interface BoardMoment {
  content: BoardContent
  controls: Controls
  /** The server's clock now (ms), for the timer. */
  now: number
  /** Notes this browser wrote: a person is not told of their own. */
  mine: ReadonlySet<string>
}

/**
 * What a screen reader should hear of what others do on the board, each event once: a note
 * someone else wrote (once its text has settled), a change of phase, a lock or unlock of the
 * current phase, and the timer running out. Fed every change and a tick; returns what is due.
 */
export class Announcer {
  private started = false
  private readonly known = new Set<string>()
  private readonly settling = new Map<string, { text: string; frame: string; since: number }>()
  private phase: string | null = null
  private locked = false
  private timeUpAt: number | null = null

  observe({ content, controls, now, mine }: BoardMoment): Announcement[] {
    const due: Announcement[] = []
    const present = new Set<string>()
    const phaseName = (pageId: string | null) =>
      content.phases.find((p) => p.pageId === pageId)?.name ?? ''
    for (const phase of content.phases) {
      for (const frame of phase.frames) {
        for (const note of frame.notes) {
          present.add(note.id)
          // What was there before this page looked is not news; nor is one's own note.
          if (!this.started || mine.has(note.id)) this.known.add(note.id)
          if (this.known.has(note.id)) continue
          const pending = this.settling.get(note.id)
          if (!pending || pending.text !== note.text) {
            this.settling.set(note.id, { text: note.text, frame: frame.name, since: now })
          } else if (now - pending.since >= SETTLE_MS && note.text.trim()) {
            due.push(
              frame.name
                ? { key: 'list.announce.note', params: { frame: frame.name, text: note.text } }
                : { key: 'list.announce.looseNote', params: { text: note.text } },
            )
            this.known.add(note.id)
            this.settling.delete(note.id)
          }
        }
      }
    }
    for (const id of this.settling.keys()) if (!present.has(id)) this.settling.delete(id)

    const current = controls.currentPhase
    const locked = current !== null && controls.lockedPhases.includes(current)
    if (this.started && current !== this.phase && current !== null)
      due.push({ key: 'list.announce.phase', params: { phase: phaseName(current) } })
    else if (this.started && locked !== this.locked && current !== null)
      due.push({
        key: locked ? 'list.announce.locked' : 'list.announce.unlocked',
        params: { phase: phaseName(current) },
      })
    this.phase = current
    this.locked = locked

    const { timer } = controls
    if (timer.state === 'running' && now >= timer.endsAt && this.timeUpAt !== timer.endsAt) {
      // A timer that ran out before the page opened is not news either.
      if (this.started) due.push({ key: 'list.announce.timeUp', params: {} })
      this.timeUpAt = timer.endsAt
    }
    this.started = true
    return due
  }
}
