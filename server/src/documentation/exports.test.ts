import { EMPTY_RECORD_TEXTS, type Meeting, parseControls, type VotingRound } from '@samla/shared'
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
  endedAt: null,
}

/**
 * Three rounds as the server recorded them (times in UTC; 10:02 in Stockholm): one revealed
 * on Lära with a note deleted before it ended, one on Öppna upp that was never revealed, and
 * one still running. Their texts are the payloads of the board, as they were.
 */
const votingRounds: VotingRound[] = [
  {
    round: 'round-lara',
    pageId: 'page:lara',
    phase: 'Lära',
    votesPerPerson: 3,
    startedAt: '2026-10-20T08:02:00.000Z',
    closedAt: '2026-10-20T08:07:30.000Z',
    revealedAt: '2026-10-20T08:08:00.000Z',
    voters: 2,
    results: [
      {
        noteId: 'shape:n1',
        text: 'Bidra med en helhetssyn på barnet\noch dess rättigheter.',
        color: 'yellow',
        votes: 4,
      },
      {
        noteId: 'shape:n4',
        text: '=HYPERLINK("http://evil.example","klicka")',
        color: 'violet',
        votes: 1,
      },
      { noteId: 'shape:gone', text: null, color: 'yellow', votes: 1 },
      {
        noteId: 'shape:n3',
        text: '<script>alert(1)</script> & **fetstil**',
        color: 'light-red',
        votes: 0,
      },
    ],
  },
  {
    round: 'round-oppna',
    pageId: 'page:oppna',
    phase: 'Öppna upp',
    votesPerPerson: 1,
    startedAt: '2026-10-20T09:00:00.000Z',
    closedAt: '2026-10-20T09:04:00.000Z',
    revealedAt: null,
    voters: 1,
    results: [{ noteId: 'shape:o1', text: 'Vad ser vi i skolan?', color: 'yellow', votes: 1 }],
  },
  {
    round: 'round-igen',
    pageId: 'page:oppna',
    phase: 'Öppna upp',
    votesPerPerson: 2,
    startedAt: '2026-10-20T09:10:00.000Z',
    closedAt: null,
    revealedAt: null,
    voters: 0,
    results: [],
  },
]

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
    votingRounds,
    timeZone,
    record: {
      texts: EMPTY_RECORD_TEXTS,
      attendance: { count: 0, organisations: [], sectors: [] },
    },
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
        '## Röstningar',
        '',
        '### Röstning 1: Lära',
        '',
        '2026-10-20 10:02–10:07 · 3 röster per person · 2 röstande · resultatet visat för alla',
        '',
        '- Bidra med en helhetssyn på barnet  \n  och dess rättigheter\\. *(4 röster)*',
        '- =HYPERLINK\\("http://evil\\.example","klicka"\\) *(1 röst)*',
        '- \\(lappen är borttagen\\) *(1 röst)*',
        '- &lt;script&gt;alert\\(1\\)&lt;/script&gt; &amp; \\*\\*fetstil\\*\\* *(0 röster)*',
        '',
        '### Röstning 2: Öppna upp',
        '',
        '2026-10-20 11:00–11:04 · 1 röst per person · 1 röstande · resultatet visades inte för deltagarna',
        '',
        '- Vad ser vi i skolan? *(1 röst)*',
        '',
        '### Röstning 3: Öppna upp',
        '',
        '2026-10-20 11:10 · 2 röster per person · 0 röstande · pågår',
        '',
        'Inga resultat än.',
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
          // The voting rounds: a table of their own after an empty line, times in Stockholm.
          '',
          'round,phase,started,closed,votes per person,voters,note,votes',
          '1,Lära,2026-10-20 10:02,2026-10-20 10:07,3,2,"Bidra med en helhetssyn på barnet\noch dess rättigheter.",4',
          `1,Lära,2026-10-20 10:02,2026-10-20 10:07,3,2,"'=HYPERLINK(""http://evil.example"",""klicka"")",1`,
          '1,Lära,2026-10-20 10:02,2026-10-20 10:07,3,2,(the note was deleted),1',
          '1,Lära,2026-10-20 10:02,2026-10-20 10:07,3,2,<script>alert(1)</script> & **fetstil**,0',
          '2,Öppna upp,2026-10-20 11:00,2026-10-20 11:04,1,1,Vad ser vi i skolan?,1',
          '3,Öppna upp,2026-10-20 11:10,,2,0,,',
        ].join('\r\n') +
        '\r\n',
    )
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
    // Every round as recorded: ISO times, texts as typed (not escaped), a deleted note's null.
    expect(archive.votingRounds).toEqual(votingRounds)
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
    // Headings a screen reader can navigate: one h1, a h2 per phase and for the voting
    // rounds, a h3 per frame and per round.
    expect(html.match(/<h1>/g)).toHaveLength(1)
    expect(html.match(/<h2>/g)).toHaveLength(3)
    expect(html.match(/<h3>/g)).toHaveLength(8)
    const rounds = html.slice(
      html.indexOf('<section><h2>Voting rounds</h2>'),
      html.indexOf('<footer>'),
    )
    expect(rounds).toBe(
      [
        '<section><h2>Voting rounds</h2>',
        '<h3>Round 1: Lära</h3>',
        '<p class="meta">2026-10-20 10:02–10:07 · 3 votes per person · 2 voters · results shown to everyone</p>',
        '<ul>',
        '<li style="--c:#fed49a">Bidra med en helhetssyn på barnet\noch dess rättigheter.<br><span class="info">4 votes</span></li>',
        '<li style="--c:#d3b5f0">=HYPERLINK(&quot;http://evil.example&quot;,&quot;klicka&quot;)<br><span class="info">1 vote</span></li>',
        '<li style="--c:#fed49a">(the note was deleted)<br><span class="info">1 vote</span></li>',
        '<li style="--c:#fbc8c5">&lt;script&gt;alert(1)&lt;/script&gt; &amp; **fetstil**<br><span class="info">0 votes</span></li>',
        '</ul>',
        '<h3>Round 2: Öppna upp</h3>',
        '<p class="meta">2026-10-20 11:00–11:04 · 1 vote per person · 1 voter · results not shown to the participants</p>',
        '<ul>',
        '<li style="--c:#fed49a">Vad ser vi i skolan?<br><span class="info">1 vote</span></li>',
        '</ul>',
        '<h3>Round 3: Öppna upp</h3>',
        '<p class="meta">2026-10-20 11:10 · 2 votes per person · 0 voters · still running</p>',
        '<p>No results yet.</p>',
        '</section>',
        '',
      ].join('\n'),
    )
    expect(html).not.toMatch(/(src|href)="(?!data:)/)
  })

  it('names files after the meeting and its date', () => {
    expect(exportFileName(meeting, 'md')).toBe('mote-8-kraftsamling-utblick-2026-10-20.md')
    expect(exportFileName({ ...meeting, title: '!!!' }, 'csv')).toBe('samling-2026-10-20.csv')
  })
})
