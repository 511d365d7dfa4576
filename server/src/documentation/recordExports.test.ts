import { EMPTY_RECORD_TEXTS, type Meeting, type RecordTexts } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import { ARCHIVE_FORMAT, type DocumentationInput, toHtml, toJson, toMarkdown } from './exports.ts'

const meeting: Meeting = {
  id: 'm1',
  title: 'Möte 8',
  group: 'kraftsamling',
  date: '2026-10-20',
  format: 'digital',
  boardId: 'b1',
  anonymous: false,
  joinCode: null,
  createdAt: '2026-10-01T08:00:00.000Z',
  processId: null,
  endedAt: null,
}

const texts: RecordTexts = {
  ...EMPTY_RECORD_TEXTS,
  introduction:
    'Vi genomförde det åttonde mötet den 20 oktober.\n\nSammanfattning och länkar hittar du nedan.',
  spaning: {
    speaker: 'Charlotte Nylander, barnhälsovårdsöverläkare',
    title: 'Kraftsamling för ungas psykiska hälsa',
    text: 'Svenska läkarsällskapet har tagit initiativet. <img src=x onerror=alert(1)>',
  },
  closing: 'Tack till alla som var med!',
  links: [
    {
      title: 'Samverkanswebben',
      url: 'https://samverkan.regionsormland.se/osbr/',
      description: 'Presentationen och rapporterna',
    },
    { title: '[klicka](javascript:alert(1))', url: 'mailto:info@example.se', description: '' },
  ],
}

const input = (language: 'sv' | 'en' = 'sv'): DocumentationInput => ({
  meeting,
  content: {
    phases: [
      {
        pageId: 'page:lara',
        name: 'Lära',
        frames: [
          {
            id: 'shape:q',
            name: 'Vad kan du göra i morgon?',
            kind: 'prompt',
            notes: [
              {
                id: 'shape:n',
                text: 'Sprida kunskapen.',
                color: 'yellow',
                votes: null,
                author: null,
                createdAt: null,
              },
            ],
          },
        ],
      },
    ],
  },
  takenAt: null,
  images: new Map(),
  language,
  anonymous: false,
  votingRounds: [],
  timeZone: 'Europe/Stockholm',
  record: {
    texts,
    attendance: {
      count: 3,
      organisations: [
        { name: 'Region Blekinge', count: 2 },
        { name: 'Karlskrona kommun', count: 1 },
      ],
      sectors: [
        { sector: 'region', count: 2 },
        { sector: 'kommun', count: 1 },
      ],
    },
  },
})

describe('the organisers’ parts of a meeting record', () => {
  it('Markdown: in the seed’s order, every text inert, links as autolinks', () => {
    expect(toMarkdown(input())).toBe(
      [
        '# Möte 8',
        '',
        'Kraftsamling · digital · 2026-10-20',
        '',
        'Vi genomförde det åttonde mötet den 20 oktober\\.',
        '',
        'Sammanfattning och länkar hittar du nedan\\.',
        '',
        'Ca 3 personer från Region Blekinge och Karlskrona kommun deltog\\.',
        '',
        'Sektorer: region 2, kommun 1',
        '',
        '## Spaning för dagen',
        '',
        '**Kraftsamling för ungas psykiska hälsa**',
        '',
        '*Charlotte Nylander, barnhälsovårdsöverläkare*',
        '',
        'Svenska läkarsällskapet har tagit initiativet\\. &lt;img src=x onerror=alert\\(1\\)&gt;',
        '',
        '## Lära',
        '',
        '### Vad kan du göra i morgon?',
        '',
        '- Sprida kunskapen\\.',
        '',
        '## Avslutning',
        '',
        'Tack till alla som var med\\!',
        '',
        '## Tips på rapporter, material, initiativ',
        '',
        '- **Samverkanswebben**: <https://samverkan.regionsormland.se/osbr/> – Presentationen och rapporterna',
        '- **\\[klicka\\]\\(javascript:alert\\(1\\)\\)**: <mailto:info@example.se>',
        '',
        '---',
        '',
        '*Skapad med Samla*',
        '',
      ].join('\n'),
    )
  })

  it('HTML: the same order, links with rel="noopener noreferrer" and their address as text', () => {
    const html = toHtml(input('en'))
    const body = html.slice(html.indexOf('<h1>'), html.indexOf('<footer>'))
    expect(body).toBe(
      [
        '<h1>Möte 8</h1>',
        '<p class="meta">Kraftsamling · digital · 2026-10-20</p>',
        '<p>Vi genomförde det åttonde mötet den 20 oktober.</p>',
        '<p>Sammanfattning och länkar hittar du nedan.</p>',
        '<p class="attendance">About 3 people took part, from Region Blekinge and Karlskrona kommun.</p>',
        '<p class="meta">Sectors: region 2, municipality 1</p>',
        '<section class="spaning"><h2>Talk of the day</h2>',
        '<h3>Kraftsamling för ungas psykiska hälsa</h3>',
        '<p class="meta">Charlotte Nylander, barnhälsovårdsöverläkare</p>',
        '<p>Svenska läkarsällskapet har tagit initiativet. &lt;img src=x onerror=alert(1)&gt;</p>',
        '</section>',
        '<section><h2>Lära</h2>',
        '<h3>Vad kan du göra i morgon?</h3>',
        '<ul>',
        '<li style="--c:#fed49a">Sprida kunskapen.</li>',
        '</ul>',
        '</section>',
        '<section><h2>Closing words</h2>',
        '<p>Tack till alla som var med!</p>',
        '</section>',
        '<section><h2>Reports, material and initiatives</h2>',
        '<ul class="links">',
        '<li><a href="https://samverkan.regionsormland.se/osbr/" rel="noopener noreferrer">Samverkanswebben</a><br><span class="info">https://samverkan.regionsormland.se/osbr/</span><br>Presentationen och rapporterna</li>',
        '<li><a href="mailto:info@example.se" rel="noopener noreferrer">[klicka](javascript:alert(1))</a><br><span class="info">mailto:info@example.se</span></li>',
        '</ul></section>',
        '',
      ].join('\n'),
    )
    expect(html).not.toMatch(/<img|<script|href="javascript/i)
  })

  it('JSON: format 2 carries the texts and who took part as typed', () => {
    const archive = JSON.parse(toJson(input()))
    expect(archive.format).toBe(ARCHIVE_FORMAT)
    expect(ARCHIVE_FORMAT).toBe('samla.documentation/2')
    expect(archive.record).toEqual({
      introduction: texts.introduction,
      spaning: texts.spaning,
      closing: texts.closing,
      links: texts.links,
      attendance: input().record.attendance,
    })
  })

  it('leaves out every part nobody wrote', () => {
    const empty = {
      ...input(),
      record: {
        texts: EMPTY_RECORD_TEXTS,
        attendance: { count: 0, organisations: [], sectors: [] },
      },
    }
    const markdown = toMarkdown(empty)
    for (const heading of ['Spaning för dagen', 'Avslutning', 'Tips på rapporter', 'deltog'])
      expect(markdown).not.toContain(heading)
  })
})
