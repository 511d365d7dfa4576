import type { RecordHandslag } from '@samla/shared'
import { describe, expect, it } from 'vitest'
import { handslagHtml, handslagMarkdown } from './handslagExports.ts'

const handslag: RecordHandslag[] = [
  {
    title: 'Handslag *NPF*',
    meetingTitle: null,
    signedAt: null,
    initiatives: [{ ideaNumber: 3, text: 'Fem budskap' }],
    organisations: [
      {
        name: '<b>Skola</b>',
        commitments: [{ text: '# Rubrik? Nej', due: '2027-03-01' }],
        confirmation: {
          name: 'Anna [länk](x)',
          role: 'Rektor',
          organisation: 'Skola',
          at: '2027-02-28T23:30:00.000Z',
        },
      },
      { name: 'Region', commitments: [], confirmation: null },
    ],
  },
]
const input = { handslag, language: 'sv' as const, timeZone: 'Europe/Stockholm' }

describe('Handslag in the process record’s exports', () => {
  it('Markdown escapes what people typed, marks an unsigned one, and reads times in the time zone', () => {
    const md = handslagMarkdown(input).join('\n')
    expect(md).toContain('### Handslag \\*NPF\\*')
    expect(md).toContain('*Ej undertecknat: 1 av 2 har bekräftat*')
    expect(md).toContain('- I-3 Fem budskap')
    expect(md).toContain('#### &lt;b&gt;Skola&lt;/b&gt;')
    expect(md).toContain('- \\# Rubrik? Nej (senast 2027-03-01)')
    expect(md).toContain('Bekräftat av Anna \\[länk\\]\\(x\\), Rektor, Skola, 2027-03-01 00:30')
    expect(md).toContain('Inte bekräftat än.')
  })

  it('HTML escapes it too, in both languages', () => {
    const html = handslagHtml({ ...input, language: 'en' }).join('')
    expect(html).toContain('<h4>&lt;b&gt;Skola&lt;/b&gt;</h4>')
    expect(html).toContain('Not signed: 1 of 2 have confirmed')
    expect(html).toContain('(by 2027-03-01)')
    expect(html).not.toContain('<b>')
  })
})
