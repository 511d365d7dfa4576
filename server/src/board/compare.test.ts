import type { BoardContent, DocumentedNote } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import { compareContent } from './compare.ts'

const note = (id: string, text: string, color = 'yellow'): DocumentedNote => ({
  id,
  text,
  color,
  votes: null,
  author: null,
  createdAt: null,
})
const board = (frames: Record<string, DocumentedNote[]>): BoardContent => ({
  phases: [
    {
      pageId: 'page:a',
      name: 'Lära',
      frames: Object.entries(frames).map(([name, notes]) => ({
        id: name,
        name,
        kind: 'prompt',
        notes,
      })),
    },
  ],
})

describe('comparing a snapshot with the board now', () => {
  it('lists notes added, removed, and changed in text, colour or frame; unchanged ones not at all', () => {
    const before = board({
      Q1: [note('shape:same', 'Samma'), note('shape:gone', 'Borta'), note('shape:edit', 'Före')],
      Q2: [note('shape:moved', 'Flyttad'), note('shape:paint', 'Färg')],
    })
    const after = board({
      Q1: [
        note('shape:same', 'Samma'),
        note('shape:edit', 'Efter'),
        note('shape:moved', 'Flyttad'),
      ],
      Q2: [note('shape:paint', 'Färg', 'green'), note('shape:new', 'Ny')],
    })
    const diff = compareContent(before, after)
    expect(diff.added.map((n) => n.note.id)).toEqual(['shape:new'])
    expect(diff.removed.map((n) => n.note.id)).toEqual(['shape:gone'])
    expect(diff.changed.map((c) => [c.before.note.id, c.before.frame, c.after.frame])).toEqual([
      ['shape:edit', 'Q1', 'Q1'],
      ['shape:moved', 'Q2', 'Q1'],
      ['shape:paint', 'Q2', 'Q2'],
    ])
  })
})
