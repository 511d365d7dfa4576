import { parseControls } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { seededBoard } from '../../test/fixtures/seededBoard.ts'
import { extractContent, plainText } from './extract.ts'

const contentOf = (doc: Y.Doc) => {
  const controls = doc.getMap<unknown>('meeting')
  return extractContent(
    doc,
    parseControls((k) => controls.get(k)),
  )
}

describe('the text of a board, read on the server', () => {
  it('gives phases in order, frames in reading order, notes grouped by their frame with votes and authors', () => {
    expect(contentOf(seededBoard())).toEqual({
      phases: [
        {
          pageId: 'page:oppna',
          name: 'Öppna upp',
          frames: [
            {
              id: null,
              name: '',
              kind: 'loose',
              notes: [
                {
                  id: 'shape:o1',
                  text: 'Vad ser vi i skolan?',
                  // tldraw's own name, kept for the archive (the CSV says what people saw).
                  color: 'black',
                  votes: null,
                  author: null,
                  createdAt: null,
                },
              ],
            },
          ],
        },
        {
          pageId: 'page:lara',
          name: 'Lära',
          frames: [
            {
              id: 'shape:q1',
              name: 'Vad kan du göra i din verksamhet?',
              kind: 'prompt',
              notes: [
                {
                  id: 'shape:n1',
                  text: 'Bidra med en helhetssyn på barnet\noch dess rättigheter.',
                  color: 'yellow',
                  votes: 4,
                  author: null,
                  createdAt: null,
                },
                {
                  id: 'shape:n2',
                  text: 'Fortsätta verka för en god barnhälsovård till alla barn.',
                  color: 'green',
                  votes: 0,
                  author: null,
                  createdAt: null,
                },
                {
                  id: 'shape:n3',
                  text: '<script>alert(1)</script> & **fetstil**',
                  color: 'light-red',
                  votes: 0,
                  author: null,
                  createdAt: null,
                },
              ],
            },
            {
              id: 'shape:q2',
              name: 'Vad kan du göra redan i morgon?',
              kind: 'prompt',
              notes: [
                {
                  id: 'shape:n4',
                  text: '=HYPERLINK("http://evil.example","klicka")',
                  color: 'violet',
                  votes: 1,
                  author: null,
                  createdAt: null,
                },
              ],
            },
            {
              id: 'shape:inbox',
              name: 'Inkorg',
              kind: 'inbox',
              notes: [
                {
                  id: 'shape:n5',
                  text: 'Länka till rapporterna internt.',
                  color: 'light-blue',
                  votes: 0,
                  author: 'Charlotte',
                  createdAt: '2026-10-20T09:15:00.000Z',
                },
              ],
            },
            {
              id: null,
              name: '',
              kind: 'loose',
              notes: [
                {
                  id: 'shape:loose',
                  text: 'Utanför ramarna',
                  color: 'orange',
                  votes: 0,
                  author: null,
                  createdAt: null,
                },
              ],
            },
          ],
        },
      ],
    })
  })

  it('names no one in an anonymous meeting, even when a note carries a name', () => {
    const content = contentOf(seededBoard({ anonymous: true }))
    const authors = content.phases.flatMap((p) =>
      p.frames.flatMap((f) => f.notes.map((n) => n.author)),
    )
    expect(authors.every((a) => a === null)).toBe(true)
  })

  it('turns rich text into lines: paragraphs, hard breaks, lists; marks dropped', () => {
    expect(
      plainText({
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Ett ' },
              { type: 'text', text: 'fett', marks: [{ type: 'bold' }] },
            ],
          },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'två' },
              { type: 'hardBreak' },
              { type: 'text', text: 'tre' },
            ],
          },
          {
            type: 'bulletList',
            content: [
              {
                type: 'listItem',
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'punkt' }] }],
              },
            ],
          },
        ],
      }),
    ).toBe('Ett fett\ntvå\ntre\npunkt')
    expect(plainText('gammal text')).toBe('gammal text')
    expect(plainText(undefined)).toBe('')
  })
})
