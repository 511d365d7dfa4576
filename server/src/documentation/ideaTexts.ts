import type { ACTOR_SECTORS, DESCRIPTION_TEXT_FIELDS } from '@samla/shared'
import type { ExportLanguage } from './texts.ts'

type Fields = Record<(typeof DESCRIPTION_TEXT_FIELDS)[number] | 'aktorer', string>
type Sectors = Record<(typeof ACTOR_SECTORS)[number], string>

/** The words of an exported idébeskrivning: the template's headings (seed 003), Swedish first. */
const texts = {
  sv: {
    kind: 'Idébeskrivning',
    owner: 'Ägare',
    bornAt: 'Född',
    empty: '(inte ifyllt)',
    noActors: '(inga aktörer)',
    criteria: 'Kriterierna',
    criteriaOk: 'Idébeskrivningen uppfyller kriterierna.',
    missing: (field: string) => `Saknas: ${field}`,
    municipalAndRegional: 'Minst en kommunal och en regional verksamhet måste medverka.',
    fields: {
      bakgrund: 'Bakgrund',
      syfte: 'Syfte',
      mal: 'Mål',
      matt: 'Mått för utvärdering (effektmått och målgruppernas kvalitetsmått)',
      malgrupp: 'Målgrupp',
      aktorer: 'Medverkande aktörer',
      barnratt: 'Barnrättsperspektiv',
      brukarmedverkan: 'Brukarmedverkan',
      evidens: 'Evidens eller beprövad erfarenhet',
      budget: 'Budget och ekonomiska effekter',
      plan: 'Plan för utvärdering, redovisning och implementering i ordinarie verksamhet',
    } satisfies Fields,
    sectors: {
      kommun: 'kommun',
      region: 'region',
      civilsamhalle: 'civilsamhälle',
      skola: 'skola',
      naringsliv: 'näringsliv',
      unga: 'unga / brukarorganisation',
      myndighet: 'myndighet',
      forskning: 'forskning',
      annat: 'annat',
    } satisfies Sectors,
  },
  en: {
    kind: 'Idea description',
    owner: 'Owner',
    bornAt: 'Born',
    empty: '(not filled in)',
    noActors: '(no actors)',
    criteria: 'The criteria',
    criteriaOk: 'The idea description meets the criteria.',
    missing: (field: string) => `Missing: ${field}`,
    municipalAndRegional: 'At least one municipal and one regional service must take part.',
    fields: {
      bakgrund: 'Background',
      syfte: 'Purpose',
      mal: 'Goals',
      matt: 'Measures for evaluation (effect measures and target groups’ quality measures)',
      malgrupp: 'Target group',
      aktorer: 'Actors taking part',
      barnratt: 'Children’s rights perspective',
      brukarmedverkan: 'User participation',
      evidens: 'Evidence or proven experience',
      budget: 'Budget and economic effects',
      plan: 'Plan for evaluation, reporting and implementation in ordinary work',
    } satisfies Fields,
    sectors: {
      kommun: 'municipality',
      region: 'region',
      civilsamhalle: 'civil society',
      skola: 'school',
      naringsliv: 'business',
      unga: 'young people / user organisation',
      myndighet: 'government agency',
      forskning: 'research',
      annat: 'other',
    } satisfies Sectors,
  },
} as const

export const ideaTexts = (language: ExportLanguage) => texts[language]
