import type { ProcessRecord } from '@samla/shared'
import { blueListCsv, blueListHtml, blueListMarkdown } from './blueListExports.ts'
import {
  csvCell,
  escapeHtml,
  escapeMarkdown,
  htmlDocument,
  phasesHtml,
  phasesMarkdown,
} from './exports.ts'
import { handslagCsvRows, handslagHtml, handslagMarkdown } from './handslagExports.ts'
import { processTexts } from './processTexts.ts'
import { type ExportLanguage, exportTexts } from './texts.ts'

/**
 * The process record in the formats of a meeting's documentation, made inert the same way
 * (exports.ts): the process, each meeting in timeline order with its phases, then every note
 * sent between the groups with its answer.
 */
export interface ProcessExportInput {
  record: ProcessRecord
  language: ExportLanguage
  /** Where the times of confirmations are read (SAMLA_TIME_ZONE); Stockholm if not given. */
  timeZone?: string
}

const handslagOf = ({ record, language, timeZone = 'Europe/Stockholm' }: ProcessExportInput) => ({
  handslag: record.handslag,
  language,
  timeZone,
})

type RecordMeeting = ProcessRecord['meetings'][number]
type RecordCrossing = ProcessRecord['crossings'][number]

const meetingLine = (m: RecordMeeting, language: ExportLanguage) => {
  const t = exportTexts(language)
  return `${t.group[m.group]} · ${t.format[m.format]} · ${m.date} · ${processTexts(language).status[m.status]}`
}

export function processToMarkdown(input: ProcessExportInput): string {
  const { record, language } = input
  const t = exportTexts(language)
  const p = processTexts(language)
  const lines = [`# ${escapeMarkdown(record.process.name)}`, '', `*${p.record}*`, '']
  if (record.process.description) lines.push(escapeMarkdown(record.process.description), '')
  if (record.process.organisers)
    lines.push(`${p.organisers}: ${escapeMarkdown(record.process.organisers)}`, '')
  for (const meeting of record.meetings) {
    // The meeting line is our own words and a validated date: nothing to escape (exports.ts).
    lines.push(`## ${escapeMarkdown(meeting.title)}`, '', meetingLine(meeting, language), '')
    if (meeting.phases.length === 0) lines.push(p.noDocumentation, '')
    else lines.push(...phasesMarkdown(meeting.phases, t, 3))
  }
  lines.push(`## ${p.crossings}`, '')
  if (record.crossings.length === 0) lines.push(p.noCrossings, '')
  for (const c of record.crossings) {
    lines.push(`### ${escapeMarkdown(p.from(c.from, c.to))}`, '')
    lines.push(`> ${c.text.split('\n').map(escapeMarkdown).join('  \n> ')}`, '')
    if (c.message) lines.push(`${p.message}: ${escapeMarkdown(c.message)}`, '')
    lines.push(c.answer ? `**${p.answer}:** ${escapeMarkdown(c.answer.text)}` : p.noAnswer, '')
  }
  lines.push(`## ${p.ideas}`, '')
  if (record.ideas.length === 0) lines.push(p.noIdeas, '')
  for (const idea of record.ideas) {
    lines.push(`### I\\-${idea.number} ${escapeMarkdown(idea.title)}`, '')
    lines.push(escapeMarkdown(ideaLine(idea, language)), '')
    for (const event of idea.history)
      lines.push(
        `- ${escapeMarkdown(`${event.at.slice(0, 10)} ${p.ideaStatus[event.status]}`)}${event.reason ? `: ${escapeMarkdown(event.reason)}` : ''}`,
      )
    for (const r of idea.priorities)
      lines.push(
        `- ${escapeMarkdown(`${r.at.slice(0, 10)} ${p.priority(r.meetingTitle, r.votes, r.rank, r.of)}`)}`,
      )
    lines.push('')
  }
  lines.push(...blueListMarkdown(record.blueList, language))
  lines.push(...handslagMarkdown(handslagOf(input)))
  lines.push('---', '', `*${t.generated}*`, '')
  return lines.join('\n')
}

type RecordIdea = ProcessRecord['ideas'][number]

/** "dialogforum · Demokratilabb · Träff 1 · Öppna upp · Ägare: Karlskrona kommun" */
function ideaLine(idea: RecordIdea, language: ExportLanguage): string {
  const t = exportTexts(language)
  const p = processTexts(language)
  const origin = idea.origin
    ? [t.group[idea.origin.group], idea.origin.meetingTitle, idea.origin.phase]
        .filter(Boolean)
        .join(' · ')
    : p.deletedOrigin
  const owner = idea.ownerOrganisation ? ` · ${p.owner}: ${idea.ownerOrganisation}` : ''
  return `${p.ideaStatus[idea.status]} · ${origin}${owner}`
}

export function processToHtml(input: ProcessExportInput): string {
  const { record, language } = input
  const t = exportTexts(language)
  const p = processTexts(language)
  const body = [`<h1>${escapeHtml(record.process.name)}</h1>`, `<p class="meta">${p.record}</p>`]
  if (record.process.description) body.push(`<p>${escapeHtml(record.process.description)}</p>`)
  if (record.process.organisers)
    body.push(`<p class="meta">${p.organisers}: ${escapeHtml(record.process.organisers)}</p>`)
  for (const meeting of record.meetings) {
    body.push(`<article><h2>${escapeHtml(meeting.title)}</h2>`)
    body.push(`<p class="meta">${escapeHtml(meetingLine(meeting, language))}</p>`)
    if (meeting.phases.length === 0) body.push(`<p>${p.noDocumentation}</p>`)
    else body.push(...phasesHtml(meeting.phases, new Map(), t, 3))
    body.push('</article>')
  }
  body.push(`<section><h2>${p.crossings}</h2>`)
  if (record.crossings.length === 0) body.push(`<p>${p.noCrossings}</p>`)
  for (const c of record.crossings) body.push(crossingHtml(c, language))
  body.push('</section>', `<section><h2>${p.ideas}</h2>`)
  if (record.ideas.length === 0) body.push(`<p>${p.noIdeas}</p>`)
  for (const idea of record.ideas) {
    body.push(`<h3>I-${idea.number} ${escapeHtml(idea.title)}</h3>`)
    body.push(`<p class="meta">${escapeHtml(ideaLine(idea, language))}</p><ul>`)
    for (const event of idea.history)
      body.push(
        `<li>${escapeHtml(`${event.at.slice(0, 10)} ${p.ideaStatus[event.status]}`)}${event.reason ? `: ${escapeHtml(event.reason)}` : ''}</li>`,
      )
    for (const r of idea.priorities)
      body.push(
        `<li>${escapeHtml(`${r.at.slice(0, 10)} ${p.priority(r.meetingTitle, r.votes, r.rank, r.of)}`)}</li>`,
      )
    body.push('</ul>')
  }
  body.push('</section>', ...blueListHtml(record.blueList, language))
  body.push('</section>', ...handslagHtml(handslagOf(input)))
  body.push(`<footer><p class="info">${t.generated}</p></footer>`)
  return htmlDocument(language, `${record.process.name} – ${p.record}`, body)
}

function crossingHtml(c: RecordCrossing, language: ExportLanguage): string {
  const p = processTexts(language)
  return [
    `<h3>${escapeHtml(p.from(c.from, c.to))}</h3>`,
    `<ul><li>${escapeHtml(c.text)}</li></ul>`,
    c.message ? `<p class="info">${p.message}: ${escapeHtml(c.message)}</p>` : '',
    c.answer
      ? `<p><strong>${p.answer}:</strong> ${escapeHtml(c.answer.text)}</p>`
      : `<p class="info">${p.noAnswer}</p>`,
  ].join('')
}

export function processToCsv(input: ProcessExportInput): string {
  const { record, language } = input
  const p = processTexts(language)
  const rows = [p.csv.map(csvCell).join(',')]
  for (const m of record.meetings)
    for (const phase of m.phases)
      for (const frame of phase.frames)
        for (const note of frame.notes)
          rows.push(
            [p.note, m.title, m.date, phase.name, frame.name, note.text, null, null, note.createdAt]
              .map(csvCell)
              .join(','),
          )
  for (const c of record.crossings)
    rows.push(
      [
        p.crossing,
        c.from,
        c.origin.date,
        c.origin.phase,
        null,
        c.text,
        c.to,
        c.answer?.text ?? null,
        c.sentAt,
      ]
        .map(csvCell)
        .join(','),
    )
  rows.push(...blueListCsv(record.blueList, language))
  rows.push(...handslagCsvRows(handslagOf(input)))
  return `\uFEFF${rows.join('\r\n')}\r\n`
}

export const processToJson = ({ record }: ProcessExportInput) =>
  `${JSON.stringify(record, null, 2)}\n`

export const PROCESS_EXPORT_FORMATS = {
  md: { render: processToMarkdown, type: 'text/markdown; charset=utf-8' },
  html: { render: processToHtml, type: 'text/html; charset=utf-8' },
  csv: { render: processToCsv, type: 'text/csv; charset=utf-8' },
  json: { render: processToJson, type: 'application/json; charset=utf-8' },
} as const
