import { parseControls } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { frame, note, page } from '../../test/fixtures/records.ts'
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

  it('lists the Inkorg after the questions of its phase, wherever it stands', () => {
    // As the templates lay a phase out: questions on the left, one under the other, and the
    // Inkorg beside them at full height, level with the first question.
    const doc = new Y.Doc()
    const records = doc.getMap<unknown>('records')
    records.set('page:a', page('page:a', 'Öppna upp', 'a1'))
    records.set('shape:ytan', frame('shape:ytan', 'page:a', 'Vad ser vi?', 0, 0, 'prompt'))
    records.set(
      'shape:under',
      frame('shape:under', 'page:a', 'Vad ligger under ytan?', 0, 480, 'prompt'),
    )
    records.set('shape:inkorg', frame('shape:inkorg', 'page:a', 'Inkorg', 1280, 0, 'inbox'))
    records.set('shape:egen', frame('shape:egen', 'page:a', 'Egen ram', 0, 1300))
    records.set('shape:lapp', note('shape:lapp', 'page:a', 3000, 0, ['Utanför']))
    expect(contentOf(doc).phases[0]?.frames.map((f) => f.name || f.kind)).toEqual([
      'Vad ser vi?',
      'Vad ligger under ytan?',
      'Egen ram',
      'Inkorg',
      'loose',
    ])
  })

  it('takes a creation time only as an ISO time: anyone on the board can write the meta', () => {
    const doc = seededBoard()
    const records = doc.getMap<unknown>('records')
    const at = (time: unknown) => {
      records.set(
        'shape:o1',
        note('shape:o1', 'page:oppna', 0, 0, ['x'], 'black', { samlaCreatedAt: time }),
      )
      return contentOf(doc).phases[0]?.frames[0]?.notes[0]?.createdAt
    }
    expect(at('2026-10-20T09:15:00.000Z')).toBe('2026-10-20T09:15:00.000Z')
    expect(at('2026-10-20T11:15:00+02:00')).toBe('2026-10-20T11:15:00+02:00')
    expect(at('i morse')).toBeNull()
    expect(at('2026-13-45T99:00:00Z')).toBeNull()
    expect(at(1760000000000)).toBeNull()
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
