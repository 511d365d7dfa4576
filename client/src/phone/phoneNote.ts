// Without tldraw: the phone page's form uses these before the editor has arrived.

/** The colours a phone offers for a note: tldraw's own names, so the canvas shows them as is. */
export const NOTE_COLOURS = [
  'yellow',
  'orange',
  'green',
  'light-blue',
  'violet',
  'light-red',
] as const
export type NoteColour = (typeof NOTE_COLOURS)[number]

/** A note as the phone's form hands it over (postNote.ts puts it on the board). */
export interface PhoneNote {
  text: string
  color: NoteColour
  author: string | null
  /** The question (frame) chosen on the phone; the phase's Inkorg when absent. */
  frameId?: string
}

/** A question of the current phase a phone may write into. */
export interface PhoneQuestion {
  id: string
  name: string
  inbox: boolean
}

/** A note this phone wrote, still on the board. */
export interface OwnPhoneNote {
  id: string
  text: string
}
