import {
  criteriaProblems,
  DESCRIPTION_TEXT_FIELDS,
  type Idea,
  type IdeaStatus,
  ideaLabel,
} from '@samla/shared'
import { escapeHtml, escapeMarkdown, htmlDocument } from './exports.ts'
import { ideaTexts } from './ideaTexts.ts'
import { processTexts } from './processTexts.ts'
import { type ExportLanguage, exportTexts } from './texts.ts'

/**
 * An idea's idébeskrivning as a document to send in: the template's fields as headings in
 * the seed's order, the actors with their sectors, and what the criteria still miss. Every
 * text is the writers' own and made inert as in the meeting's exports (exports.ts).
 */
export interface IdeaExportInput {
  idea: Idea
  language: ExportLanguage
}

/** "idébeskrivning · Demokratilabb · Träff 1 · Ägare: Karlskrona kommun" */
function metaLine(idea: Idea, language: ExportLanguage): string {
  const t = exportTexts(language)
  const p = processTexts(language)
  const i = ideaTexts(language)
  const origin = idea.origin.meetingId
    ? [t.group[idea.origin.group], idea.origin.meetingTitle, idea.origin.phase]
        .filter(Boolean)
        .join(' · ')
    : p.deletedOrigin
  const owner = idea.ownerOrganisation ? ` · ${i.owner}: ${idea.ownerOrganisation}` : ''
  return `${p.ideaStatus[idea.status as IdeaStatus]} · ${i.bornAt}: ${origin}${owner}`
}

function criteriaLines(idea: Idea, language: ExportLanguage): string[] {
  const i = ideaTexts(language)
  const problems = criteriaProblems(idea.description)
  if (problems.length === 0) return [i.criteriaOk]
  return problems.map((problem) =>
    problem.kind === 'missing' ? i.missing(i.fields[problem.field]) : i.municipalAndRegional,
  )
}

/** The actors as [organisation (the writers' words), sector (ours)]. */
const actorsOf = (idea: Idea, language: ExportLanguage) =>
  idea.description.aktorer.map(
    (a) => [a.organisation, `(${ideaTexts(language).sectors[a.sector]})`] as const,
  )

export function ideaToMarkdown({ idea, language }: IdeaExportInput): string {
  const i = ideaTexts(language)
  const lines = [
    `# ${ideaLabel(idea.number).replace('-', '\\-')} ${escapeMarkdown(idea.title)}`,
    '',
    `*${i.kind}*`,
    '',
    escapeMarkdown(metaLine(idea, language)),
    '',
  ]
  for (const field of DESCRIPTION_TEXT_FIELDS) {
    // Headings and sectors are our own words (a parenthesis stays a parenthesis).
    lines.push(`## ${i.fields[field]}`, '')
    const text = idea.description[field].trim()
    lines.push(text ? text.split('\n').map(escapeMarkdown).join('  \n') : `*${i.empty}*`, '')
    // The actors follow the target group, as in the template.
    if (field === 'malgrupp') {
      lines.push(`## ${i.fields.aktorer}`, '')
      const actors = actorsOf(idea, language)
      if (actors.length === 0) lines.push(`*${i.noActors}*`, '')
      else lines.push(...actors.map(([org, sector]) => `- ${escapeMarkdown(org)} ${sector}`), '')
    }
  }
  lines.push(`## ${i.criteria}`, '', ...criteriaLines(idea, language).map((l) => `- ${l}`), '')
  return lines.join('\n')
}

export function ideaToHtml({ idea, language }: IdeaExportInput): string {
  const i = ideaTexts(language)
  const body = [
    `<h1>${escapeHtml(`${ideaLabel(idea.number)} ${idea.title}`)}</h1>`,
    `<p class="meta">${i.kind} · ${escapeHtml(metaLine(idea, language))}</p>`,
  ]
  for (const field of DESCRIPTION_TEXT_FIELDS) {
    body.push(`<h2>${escapeHtml(i.fields[field])}</h2>`)
    const text = idea.description[field].trim()
    body.push(
      text
        ? text
            .split(/\n{2,}/)
            .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
            .join('')
        : `<p class="info">${i.empty}</p>`,
    )
    if (field === 'malgrupp') {
      body.push(`<h2>${escapeHtml(i.fields.aktorer)}</h2>`)
      const actors = actorsOf(idea, language)
      body.push(
        actors.length === 0
          ? `<p class="info">${i.noActors}</p>`
          : `<ul>${actors.map(([org, sector]) => `<li>${escapeHtml(`${org} ${sector}`)}</li>`).join('')}</ul>`,
      )
    }
  }
  body.push(
    `<h2>${i.criteria}</h2>`,
    `<ul>${criteriaLines(idea, language)
      .map((l) => `<li>${escapeHtml(l)}</li>`)
      .join('')}</ul>`,
  )
  return htmlDocument(language, `${ideaLabel(idea.number)} ${idea.title}`, body)
}

export const IDEA_EXPORT_FORMATS = {
  md: { render: ideaToMarkdown, type: 'text/markdown; charset=utf-8' },
  html: { render: ideaToHtml, type: 'text/html; charset=utf-8' },
} as const
