import { ideaLabel, type RecordHandslag } from '@samla/shared'
import { csvCell, escapeHtml, escapeMarkdown } from './exports.ts'
import { localTime } from './localTime.ts'
import { processTexts } from './processTexts.ts'
import type { ExportLanguage } from './texts.ts'

/**
 * The Handslag section of the process record's exports (processExports.ts): each work plan
 * with its state, its initiatives, and per organisation its commitments with their due
 * dates and who confirmed, when. Everything people typed is escaped as the notes are.
 */
export interface HandslagExportInput {
  handslag: readonly RecordHandslag[]
  language: ExportLanguage
  timeZone: string
}

const confirmedCount = (h: RecordHandslag) => h.organisations.filter((o) => o.confirmation).length

/** "Undertecknat 2027-03-20 14:05 · Gjort på Verkstad 3" */
function stateLine(h: RecordHandslag, language: ExportLanguage, timeZone: string): string {
  const t = processTexts(language).handslag
  const state = h.signedAt
    ? t.signed(localTime(h.signedAt, timeZone))
    : t.unsigned(confirmedCount(h), h.organisations.length)
  return h.meetingTitle ? `${state} · ${t.madeAt(h.meetingTitle)}` : state
}

const initiativeText = (i: RecordHandslag['initiatives'][number]) =>
  i.ideaNumber ? `${ideaLabel(i.ideaNumber)} ${i.text}` : i.text

type Organisation = RecordHandslag['organisations'][number]
const confirmer = (o: Organisation) =>
  o.confirmation
    ? [o.confirmation.name, o.confirmation.role, o.confirmation.organisation].join(', ')
    : ''

export function handslagMarkdown({ handslag, language, timeZone }: HandslagExportInput): string[] {
  const t = processTexts(language).handslag
  const lines = [`## ${t.heading}`, '']
  if (handslag.length === 0) lines.push(t.none, '')
  for (const h of handslag) {
    lines.push(`### ${escapeMarkdown(h.title)}`, '')
    const state = escapeMarkdown(stateLine(h, language, timeZone))
    lines.push(h.signedAt ? state : `*${state}*`, '')
    if (h.initiatives.length > 0) {
      lines.push(`**${t.initiatives}**`, '')
      for (const i of h.initiatives) lines.push(`- ${escapeMarkdown(initiativeText(i))}`)
      lines.push('')
    }
    for (const o of h.organisations) {
      lines.push(`#### ${escapeMarkdown(o.name)}`, '')
      if (o.commitments.length === 0) lines.push(t.noCommitments, '')
      for (const c of o.commitments) lines.push(`- ${escapeMarkdown(c.text)} (${t.due(c.due)})`)
      if (o.commitments.length > 0) lines.push('')
      lines.push(
        o.confirmation
          ? escapeMarkdown(t.confirmedBy(confirmer(o), localTime(o.confirmation.at, timeZone)))
          : t.notConfirmed,
        '',
      )
    }
  }
  return lines
}

export function handslagHtml({ handslag, language, timeZone }: HandslagExportInput): string[] {
  const t = processTexts(language).handslag
  const body = [`<section><h2>${t.heading}</h2>`]
  if (handslag.length === 0) body.push(`<p>${t.none}</p>`)
  for (const h of handslag) {
    body.push(`<article><h3>${escapeHtml(h.title)}</h3>`)
    body.push(`<p class="meta">${escapeHtml(stateLine(h, language, timeZone))}</p>`)
    if (h.initiatives.length > 0) {
      body.push(`<h4>${t.initiatives}</h4><ul>`)
      for (const i of h.initiatives) body.push(`<li>${escapeHtml(initiativeText(i))}</li>`)
      body.push('</ul>')
    }
    for (const o of h.organisations) {
      body.push(`<h4>${escapeHtml(o.name)}</h4>`)
      if (o.commitments.length === 0) body.push(`<p class="info">${t.noCommitments}</p>`)
      else {
        body.push('<ul>')
        for (const c of o.commitments)
          body.push(`<li>${escapeHtml(c.text)} <span class="info">(${t.due(c.due)})</span></li>`)
        body.push('</ul>')
      }
      body.push(
        o.confirmation
          ? `<p>${escapeHtml(t.confirmedBy(confirmer(o), localTime(o.confirmation.at, timeZone)))}</p>`
          : `<p class="info">${t.notConfirmed}</p>`,
      )
    }
    body.push('</article>')
  }
  body.push('</section>')
  return body
}

/** One row per commitment, in the record's CSV columns (typ, möte, datum, fas, ram, text, …). */
export function handslagCsvRows({ handslag, language }: HandslagExportInput): string[] {
  const t = processTexts(language).handslag
  return handslag.flatMap((h) =>
    h.organisations.flatMap((o) =>
      o.commitments.map((c) =>
        [t.csv, h.title, c.due, null, o.name, c.text, null, null, o.confirmation?.at ?? null]
          .map(csvCell)
          .join(','),
      ),
    ),
  )
}
