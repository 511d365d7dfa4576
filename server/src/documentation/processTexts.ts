import type { ExportLanguage } from './texts.ts'

/** The words of the exported process record, Swedish first. */
const texts = {
  sv: {
    record: 'Processens dokumentation',
    organisers: 'Arrangörer',
    timeline: 'Tidslinje',
    status: { planned: 'planerad', running: 'pågår', ended: 'avslutad' },
    noDocumentation: 'Ingen dokumentation än.',
    crossings: 'Skickat mellan grupperna',
    noCrossings: 'Inget har skickats mellan grupperna.',
    from: (from: string, to: string) => `Från ${from} till ${to}`,
    answer: 'Svar',
    noAnswer: 'Inte besvarad.',
    message: 'Meddelande',
    csv: ['typ', 'möte', 'datum', 'fas', 'ram', 'text', 'till', 'svar', 'tid'],
    note: 'lapp',
    crossing: 'skickad',
  },
  en: {
    record: 'Process record',
    organisers: 'Organisers',
    timeline: 'Timeline',
    status: { planned: 'planned', running: 'running', ended: 'ended' },
    noDocumentation: 'No documentation yet.',
    crossings: 'Sent between the groups',
    noCrossings: 'Nothing was sent between the groups.',
    from: (from: string, to: string) => `From ${from} to ${to}`,
    answer: 'Answer',
    noAnswer: 'Not answered.',
    message: 'Message',
    csv: ['kind', 'meeting', 'date', 'phase', 'frame', 'text', 'to', 'answer', 'time'],
    note: 'note',
    crossing: 'sent',
  },
} as const

export type ProcessTexts = (typeof texts)[ExportLanguage]
export const processTexts = (language: ExportLanguage): ProcessTexts => texts[language]
