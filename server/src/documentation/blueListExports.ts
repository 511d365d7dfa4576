import { blueListLabel, ideaLabel, type ProcessRecord } from '@samla/shared'
// processExports.ts imports this module too; only functions cross, and none runs at load.
import { csvCell, escapeHtml, escapeMarkdown } from './exports.ts'
import { processTexts } from './processTexts.ts'
import type { ExportLanguage } from './texts.ts'

/**
 * The "Blå listan" section of the process record's exports: every need by number, what it
 * came from, to whom it is raised, and each change of its status with the public comment.
 * Made inert as the rest of the record is.
 */
type Item = ProcessRecord['blueList'][number]

/** "Från en lapp i Träff 1", or '' for an item that came from nothing in particular. */
function sourceLine(item: Item, language: ExportLanguage): string {
  const b = processTexts(language).blueList
  const s = item.source
  if (s.kind === 'idea') return b.fromIdea(ideaLabel(s.ideaNumber), s.ideaTitle)
  if (s.kind === 'none') return ''
  if (s.meetingTitle === null) return b.fromErased
  return s.kind === 'note' ? b.fromNote(s.meetingTitle) : b.fromMeeting(s.meetingTitle)
}

/** "lyft · Lyfts till: Regionens politiker · Från en lapp i Träff 1" */
function itemLine(item: Item, language: ExportLanguage): string {
  const b = processTexts(language).blueList
  return [
    b.status[item.status],
    item.raisedTo && `${b.raisedTo}: ${item.raisedTo}`,
    sourceLine(item, language),
  ]
    .filter(Boolean)
    .join(' · ')
}

/** The note's words when the need was rewritten since (else they are the need itself). */
const noteQuote = (item: Item) =>
  item.source.kind === 'note' && item.source.text && item.source.text !== item.need
    ? item.source.text
    : null

const eventLine = (event: Item['history'][number], language: ExportLanguage) =>
  `${event.at.slice(0, 10)} ${processTexts(language).blueList.status[event.status]}`

export function blueListMarkdown(items: Item[], language: ExportLanguage): string[] {
  const b = processTexts(language).blueList
  const lines = [`## ${escapeMarkdown(b.heading)}`, '', b.intro, '']
  if (items.length === 0) lines.push(b.empty, '')
  for (const item of items) {
    lines.push(`### B\\-${item.number}`, '')
    lines.push(item.need ? escapeMarkdown(item.need).split('\n').join('  \n') : b.erasedNeed, '')
    lines.push(escapeMarkdown(itemLine(item, language)), '')
    const quote = noteQuote(item)
    if (quote)
      lines.push(`${b.note}:`, '', `> ${quote.split('\n').map(escapeMarkdown).join('  \n> ')}`, '')
    for (const event of item.history)
      lines.push(
        `- ${escapeMarkdown(eventLine(event, language))}${event.comment ? `: ${escapeMarkdown(event.comment)}` : ''}`,
      )
    lines.push('')
  }
  return lines
}

export function blueListHtml(items: Item[], language: ExportLanguage): string[] {
  const b = processTexts(language).blueList
  const body = [`<section><h2>${escapeHtml(b.heading)}</h2>`, `<p class="info">${b.intro}</p>`]
  if (items.length === 0) body.push(`<p>${b.empty}</p>`)
  for (const item of items) {
    body.push(`<h3>${blueListLabel(item.number)}</h3>`)
    body.push(item.need ? `<p>${escapeHtml(item.need)}</p>` : `<p class="info">${b.erasedNeed}</p>`)
    body.push(`<p class="meta">${escapeHtml(itemLine(item, language))}</p>`)
    const quote = noteQuote(item)
    if (quote) body.push(`<blockquote>${escapeHtml(quote)}</blockquote>`)
    body.push('<ul>')
    for (const event of item.history)
      body.push(
        `<li>${escapeHtml(eventLine(event, language))}${event.comment ? `: ${escapeHtml(event.comment)}` : ''}</li>`,
      )
    body.push('</ul>')
  }
  body.push('</section>')
  return body
}

/**
 * One row per item in the record's columns (typ, möte, datum, fas, ram, text, till, svar,
 * tid): `blå listan`, where it came from, the date of its last change, its number in the
 * frame column, the need, to whom it is raised, its status with the last comment, and when
 * it was noted.
 */
export function blueListCsv(items: Item[], language: ExportLanguage): string[] {
  const b = processTexts(language).blueList
  return items.map((item) => {
    const last = item.history.at(-1)
    const status = `${b.status[item.status]}${last?.comment ? `: ${last.comment}` : ''}`
    return [
      b.csvKind,
      sourceLine(item, language),
      (last?.at ?? item.updatedAt).slice(0, 10),
      null,
      blueListLabel(item.number),
      item.need,
      item.raisedTo || null,
      status,
      item.createdAt,
    ]
      .map(csvCell)
      .join(',')
  })
}
