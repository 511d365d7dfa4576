import { noteSwatch, type VotingRound } from '@samla/shared'
// exports.ts imports this module too; only functions cross, and none runs at load.
import { csvCell, escapeHtml, escapeMarkdown } from './exports.ts'
import type { ExportLanguage } from './texts.ts'

/**
 * The "Röstningar" section of a meeting's exports: every voting round the server recorded,
 * in the order they were held, with the phase, the time in Sweden, the votes each person had,
 * how many voted and every note with its votes, most first. Made inert as the rest is.
 */
const texts = {
  sv: {
    heading: 'Röstningar',
    round: (n: number, phase: string) => `Röstning ${n}: ${phase || '–'}`,
    perPerson: (n: number) => (n === 1 ? '1 röst per person' : `${n} röster per person`),
    voters: (n: number) => `${n} röstande`,
    revealed: 'resultatet visat för alla',
    notRevealed: 'resultatet visades inte för deltagarna',
    running: 'pågår',
    votes: (n: number) => (n === 1 ? '1 röst' : `${n} röster`),
    deleted: '(lappen är borttagen)',
    empty: '(tom lapp)',
    noResults: 'Inga resultat än.',
    csv: ['röstning', 'fas', 'start', 'slut', 'röster per person', 'röstande', 'lapp', 'röster'],
  },
  en: {
    heading: 'Voting rounds',
    round: (n: number, phase: string) => `Round ${n}: ${phase || '–'}`,
    perPerson: (n: number) => (n === 1 ? '1 vote per person' : `${n} votes per person`),
    voters: (n: number) => (n === 1 ? '1 voter' : `${n} voters`),
    revealed: 'results shown to everyone',
    notRevealed: 'results not shown to the participants',
    running: 'still running',
    votes: (n: number) => (n === 1 ? '1 vote' : `${n} votes`),
    deleted: '(the note was deleted)',
    empty: '(empty note)',
    noResults: 'No results yet.',
    csv: ['round', 'phase', 'started', 'closed', 'votes per person', 'voters', 'note', 'votes'],
  },
} as const

/** "2026-02-13 10:02", in Swedish time whatever the server's zone. */
const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})
export const stockholmTime = (iso: string) => stockholm.format(new Date(iso))

/** "2026-02-13 10:02–10:07": when the round ran (the end's date only if it is another day). */
export function roundPeriod(round: VotingRound): string {
  const start = stockholmTime(round.startedAt)
  if (!round.closedAt) return start
  const end = stockholmTime(round.closedAt)
  return end.slice(0, 10) === start.slice(0, 10) ? `${start}–${end.slice(11)}` : `${start} – ${end}`
}

function roundLine(round: VotingRound, language: ExportLanguage): string {
  const t = texts[language]
  const outcome = round.revealedAt ? t.revealed : round.closedAt ? t.notRevealed : t.running
  return [
    roundPeriod(round),
    t.perPerson(round.votesPerPerson),
    t.voters(round.voters),
    outcome,
  ].join(' · ')
}

const noteText = (text: string | null, language: ExportLanguage) =>
  text === null ? texts[language].deleted : text || texts[language].empty

export function roundsMarkdown(
  rounds: VotingRound[],
  language: ExportLanguage,
  level: number,
): string[] {
  if (rounds.length === 0) return []
  const t = texts[language]
  const h = (depth: number) => '#'.repeat(depth)
  const lines = [`${h(level)} ${t.heading}`, '']
  rounds.forEach((round, i) => {
    lines.push(`${h(level + 1)} ${escapeMarkdown(t.round(i + 1, round.phase))}`, '')
    lines.push(escapeMarkdown(roundLine(round, language)), '')
    if (round.results.length === 0) lines.push(t.noResults)
    for (const result of round.results) {
      const text = noteText(result.text, language).split('\n').map(escapeMarkdown).join('  \n  ')
      lines.push(`- ${text} *(${escapeMarkdown(t.votes(result.votes))})*`)
    }
    lines.push('')
  })
  return lines
}

export function roundsHtml(rounds: VotingRound[], language: ExportLanguage, level: number) {
  if (rounds.length === 0) return []
  const t = texts[language]
  const body = [`<section><h${level}>${t.heading}</h${level}>`]
  rounds.forEach((round, i) => {
    body.push(`<h${level + 1}>${escapeHtml(t.round(i + 1, round.phase))}</h${level + 1}>`)
    body.push(`<p class="meta">${escapeHtml(roundLine(round, language))}</p>`)
    if (round.results.length === 0) {
      body.push(`<p>${t.noResults}</p>`)
      return
    }
    body.push('<ul>')
    for (const result of round.results)
      body.push(
        `<li style="--c:${noteSwatch(result.color)}">${escapeHtml(noteText(result.text, language))}<br><span class="info">${escapeHtml(t.votes(result.votes))}</span></li>`,
      )
    body.push('</ul>')
  })
  body.push('</section>')
  return body
}

/**
 * After the notes' table, an empty line and a table of its own: a row per note of each round
 * (a round without results has one row with no note).
 */
export function roundsCsv(rounds: VotingRound[], language: ExportLanguage): string[] {
  if (rounds.length === 0) return []
  const t = texts[language]
  const rows = ['', t.csv.map(csvCell).join(',')]
  rounds.forEach((round, i) => {
    const head = [
      i + 1,
      round.phase,
      stockholmTime(round.startedAt),
      round.closedAt ? stockholmTime(round.closedAt) : null,
      round.votesPerPerson,
      round.voters,
    ]
    const results = round.results.length ? round.results : [null]
    for (const result of results)
      rows.push(
        [...head, result && noteText(result.text, language), result?.votes ?? null]
          .map(csvCell)
          .join(','),
      )
  })
  return rows
}
