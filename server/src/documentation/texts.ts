import type { Meeting } from '@samla/shared'

/** The words of exported documents, in the meeting's two languages (Swedish first). */
export const EXPORT_LANGUAGES = ['sv', 'en'] as const
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number]

const texts = {
  sv: {
    documentation: 'Dokumentation',
    loose: 'Utanför ramarna',
    inbox: 'Inkorg',
    noNotes: 'Inga lappar.',
    votes: (n: number) => (n === 1 ? '1 röst' : `${n} röster`),
    by: 'av',
    picture: (phase: string) => `Bild av tavlan i fasen ${phase}`,
    taken: 'Ögonblicksbild tagen',
    generated: 'Skapad med Samla',
    group: { kraftsamling: 'Kraftsamling', demokratilabb: 'Demokratilabb' },
    format: { physical: 'fysisk', digital: 'digital', hybrid: 'hybrid' },
    csv: ['fas', 'ram', 'lapp', 'färg', 'röster', 'författare', 'skapad'],
    sectors: 'Sektorer',
    spaning: 'Spaning för dagen',
    closing: 'Avslutning',
    links: 'Tips på rapporter, material, initiativ',
  },
  en: {
    documentation: 'Documentation',
    loose: 'Outside the frames',
    inbox: 'Inbox',
    noNotes: 'No notes.',
    votes: (n: number) => (n === 1 ? '1 vote' : `${n} votes`),
    by: 'by',
    picture: (phase: string) => `Picture of the board in the phase ${phase}`,
    taken: 'Snapshot taken',
    generated: 'Made with Samla',
    group: { kraftsamling: 'Kraftsamling', demokratilabb: 'Demokratilabb' },
    format: { physical: 'in person', digital: 'digital', hybrid: 'hybrid' },
    csv: ['phase', 'frame', 'note', 'colour', 'votes', 'author', 'created'],
    sectors: 'Sectors',
    spaning: 'Talk of the day',
    closing: 'Closing words',
    links: 'Reports, material and initiatives',
  },
} as const

export type ExportTexts = (typeof texts)[ExportLanguage]

export function exportTexts(language: ExportLanguage): ExportTexts {
  return texts[language]
}

/** "Kraftsamling · hybrid · 2026-02-13" */
export function meetingLine(meeting: Meeting, t: ExportTexts): string {
  return `${t.group[meeting.group]} · ${t.format[meeting.format]} · ${meeting.date}`
}
