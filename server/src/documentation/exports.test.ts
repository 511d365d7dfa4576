import { type Meeting, parseControls } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import { seededBoard } from '../../test/fixtures/seededBoard.ts'
import { extractContent } from '../board/extract.ts'
import {
  ARCHIVE_FORMAT,
  csvCell,
  type DocumentationInput,
  escapeMarkdown,
  exportFileName,
  toCsv,
  toHtml,
  toJson,
  toMarkdown,
} from './exports.ts'

const meeting: Meeting = {
  id: 'm1',
  title: 'Möte 8: Kraftsamling – utblick',
  group: 'kraftsamling',
  date: '2026-10-20',
  format: 'hybrid',
  boardId: 'b1',
  anonymous: false,
  joinCode: null,
  processId: null,
  createdAt: '2026-10-01T00:00:00.000Z',
}

function input(language: 'sv' | 'en' = 'sv', timeZone = 'Europe/Stockholm'): DocumentationInput {
  const doc = seededBoard()
  const controls = doc.getMap<unknown>('meeting')
  return {
    meeting,
    content: extractContent(
      doc,
      parseControls((k) => controls.get(k)),
    ),
    takenAt: '2026-10-20T10:00:00.000Z',
    images: new Map([
      ['page:lara', { mime: 'image/png', data: new Uint8Array([137, 80, 78, 71]) }],
    ]),
    language,
    anonymous: false,
    timeZone,
  }
}

describe('exports of a seeded board', () => {
  it('Markdown: exactly the expected report, with every payload escaped', () => {
    expect(toMarkdown(input())).toBe(
      [
        '# Möte 8: Kraftsamling – utblick',
        '',
        // Dates and times are ours, never escaped; times in the deployment's zone (CEST).
        'Kraftsamling · hybrid · 2026-10-20',
        '',
        'Ögonblicksbild tagen: 2026-10-20 12:00',
        '',
        '## Öppna upp',
        '',
        '### Utanför ramarna',
        '',
        '- Vad ser vi i skolan?',
        '',
        '## Lära',
        '',
        '### Vad kan du göra i din verksamhet?',
        '',
        '- Bidra med en helhetssyn på barnet  \n  och dess rättigheter\\. *(4 röster)*',
        '- Fortsätta verka för en god barnhälsovård till alla barn\\.',
        '- &lt;script&gt;alert\\(1\\)&lt;/script&gt; &amp; \\*\\*fetstil\\*\\*',
        '',
        '### Vad kan du göra redan i morgon?',
        '',
        '- =HYPERLINK\\("http://evil\\.example","klicka"\\) *(1 röst)*',
        '',
        '### Inkorg',
        '',
        '- Länka till rapporterna internt\\. *(av Charlotte)*',
        '',
        '### Utanför ramarna',
        '',
        '- Utanför ramarna',
        '',
        '---',
        '',
        '*Skapad med Samla*',
        '',
      ].join('\n'),
    )
  })

  it('Markdown escapes what could start a list, rule or heading, and leaves dates and times as typed', () => {
    expect(escapeMarkdown('Möte 2026-12-01 kl. 19:54, Anna-Karin')).toBe(
      'Möte 2026-12-01 kl\\. 19:54, Anna-Karin',
    )
    expect(escapeMarkdown('- inte en lista')).toBe('\\- inte en lista')
    expect(escapeMarkdown('1. inte heller')).toBe('1\\. inte heller')
    // Setext headings and rules: a line of = or - under a line of text.
    expect(escapeMarkdown('Rubrik\n===\n  ---')).toBe('Rubrik\n\\===\n  \\---')
  })

  it('CSV: exactly the expected rows; formulas defused, quotes doubled, UTF-8 BOM and CRLF', () => {
    expect(toCsv(input('en'))).toBe(
      '\uFEFF' +
        [
          'phase,frame,note,colour,votes,author,created',
          'Öppna upp,Outside the frames,Vad ser vi i skolan?,yellow,,,',
          'Lära,Vad kan du göra i din verksamhet?,"Bidra med en helhetssyn på barnet\noch dess rättigheter.",yellow,4,,',
          'Lära,Vad kan du göra i din verksamhet?,Fortsätta verka för en god barnhälsovård till alla barn.,green,0,,',
          'Lära,Vad kan du göra i din verksamhet?,<script>alert(1)</script> & **fetstil**,light-red,0,,',
          `Lära,Vad kan du göra redan i morgon?,"'=HYPERLINK(""http://evil.example"",""klicka"")",violet,1,,`,
          'Lära,Inkorg,Länka till rapporterna internt.,light-blue,0,Charlotte,2026-10-20 11:15:00',
          'Lära,Outside the frames,Utanför ramarna,orange,0,,',
        ].join('\r\n') +
        '\r\n',
    )
    // Another deployment, another zone.
    expect(toCsv(input('en', 'America/New_York'))).toContain(',Charlotte,2026-10-20 05:15:00\r\n')
    for (const dangerous of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(dangerous).replace(/^"/, '').startsWith("'")).toBe(true)
  })

  it('JSON: the open archive format, enough to rebuild the record', () => {
    const archive = JSON.parse(toJson(input()))
    expect(archive.format).toBe(ARCHIVE_FORMAT)
    expect(archive.meeting).toEqual({
      title: 'Möte 8: Kraftsamling – utblick',
      group: 'kraftsamling',
      date: '2026-10-20',
      format: 'hybrid',
      anonymous: false,
    })
    expect(archive.phases.map((p: { name: string }) => p.name)).toEqual(['Öppna upp', 'Lära'])
    expect(archive.phases[1].image).toEqual({ mime: 'image/png', data: 'iVBORw==' })
    expect(archive.phases[1].frames[0].notes[2].text).toBe(
      '<script>alert(1)</script> & **fetstil**',
    )
    // The archive is for machines: ISO times in UTC, as stored.
    expect(archive.takenAt).toBe('2026-10-20T10:00:00.000Z')
    expect(archive.phases[1].frames[2].notes[0].createdAt).toBe('2026-10-20T09:15:00.000Z')
  })

  it('HTML: one self-contained file, text inert, picture inline, no script and no request possible', () => {
    const html = toHtml(input('en'))
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; **fetstil**')
    expect(html).toContain(
      '<img src="data:image/png;base64,iVBORw==" alt="Picture of the board in the phase Lära">',
    )
    expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`)
    expect(html).toContain('<html lang="en">')
    expect(html).toContain('<p class="meta">Snapshot taken: 2026-10-20 12:00</p>')
    // Headings a screen reader can navigate: one h1, a h2 per phase, a h3 per frame.
    expect(html.match(/<h1>/g)).toHaveLength(1)
    expect(html.match(/<h2>/g)).toHaveLength(2)
    expect(html.match(/<h3>/g)).toHaveLength(5)
    expect(html).not.toMatch(/(src|href)="(?!data:)/)
    // A note in tldraw's default colour has the yellow stripe it had on the board.
    expect(html).toContain('<li style="--c:#fce19c">Vad ser vi i skolan?</li>')
  })

  it('names files after the meeting and its date', () => {
    expect(exportFileName(meeting, 'md')).toBe('mote-8-kraftsamling-utblick-2026-10-20.md')
    expect(exportFileName({ ...meeting, title: '!!!' }, 'csv')).toBe('samling-2026-10-20.csv')
  })
})
