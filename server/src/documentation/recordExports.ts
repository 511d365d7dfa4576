import {
  type Attendance,
  attendanceSentence,
  paragraphs,
  type RecordTexts,
  sectorsLine,
} from '@samla/shared'
import { escapeHtml, escapeMarkdown } from './exports.ts'
import { type ExportLanguage, exportTexts } from './texts.ts'

/**
 * The organisers' own parts of a meeting's record, in the order of seed 002: after the heading
 * the introduction and who took part, then the "Spaning för dagen"; after the questions and
 * votes the closing words and the tips and links. Each part appears only when it has words.
 */
export interface MeetingRecordParts {
  texts: RecordTexts
  /** Counted, with the facilitator's corrections applied. */
  attendance: Attendance
}

const markdownParagraphs = (text: string) =>
  paragraphs(text).flatMap((p) => [p.split('\n').map(escapeMarkdown).join('  \n'), ''])

const htmlParagraphs = (text: string, className?: string) =>
  paragraphs(text).map(
    (p) =>
      `<p${className ? ` class="${className}"` : ''}>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`,
  )

const hasSpaning = ({ spaning }: RecordTexts) =>
  Boolean(spaning.speaker.trim() || spaning.title.trim() || spaning.text.trim())

// ---------------------------------------------------------------------------------- Markdown

export function recordHeadMarkdown(
  record: MeetingRecordParts,
  language: ExportLanguage,
  level: number,
): string[] {
  const t = exportTexts(language)
  const h = '#'.repeat(level)
  const lines = markdownParagraphs(record.texts.introduction)
  const sentence = attendanceSentence(record.attendance, language)
  // Our own sentence, from names people typed: the names are escaped.
  if (sentence) lines.push(escapeMarkdown(sentence), '')
  const sectors = sectorsLine(record.attendance, language)
  if (sectors) lines.push(`${t.sectors}: ${sectors}`, '')
  if (hasSpaning(record.texts)) {
    const { speaker, title, text } = record.texts.spaning
    lines.push(`${h} ${t.spaning}`, '')
    if (title.trim()) lines.push(`**${escapeMarkdown(title.trim())}**`, '')
    if (speaker.trim()) lines.push(`*${escapeMarkdown(speaker.trim())}*`, '')
    lines.push(...markdownParagraphs(text))
  }
  return lines
}

export function recordTailMarkdown(
  record: MeetingRecordParts,
  language: ExportLanguage,
  level: number,
): string[] {
  const t = exportTexts(language)
  const h = '#'.repeat(level)
  const lines: string[] = []
  if (paragraphs(record.texts.closing).length) {
    lines.push(`${h} ${t.closing}`, '', ...markdownParagraphs(record.texts.closing))
  }
  if (record.texts.links.length) {
    lines.push(`${h} ${t.links}`, '')
    for (const link of record.texts.links) {
      // The address is an autolink: shown as itself, and only http(s) or mailto got this far.
      const title = link.title ? `**${escapeMarkdown(link.title)}**: ` : ''
      const about = link.description ? ` – ${escapeMarkdown(link.description)}` : ''
      lines.push(`- ${title}<${link.url}>${about}`)
    }
    lines.push('')
  }
  return lines
}

// ---------------------------------------------------------------------------------- HTML

export function recordHeadHtml(
  record: MeetingRecordParts,
  language: ExportLanguage,
  level: number,
): string[] {
  const t = exportTexts(language)
  const body = htmlParagraphs(record.texts.introduction)
  const sentence = attendanceSentence(record.attendance, language)
  if (sentence) body.push(`<p class="attendance">${escapeHtml(sentence)}</p>`)
  const sectors = sectorsLine(record.attendance, language)
  if (sectors) body.push(`<p class="meta">${t.sectors}: ${escapeHtml(sectors)}</p>`)
  if (hasSpaning(record.texts)) {
    const { speaker, title, text } = record.texts.spaning
    body.push(`<section class="spaning"><h${level}>${t.spaning}</h${level}>`)
    if (title.trim()) body.push(`<h${level + 1}>${escapeHtml(title.trim())}</h${level + 1}>`)
    if (speaker.trim()) body.push(`<p class="meta">${escapeHtml(speaker.trim())}</p>`)
    body.push(...htmlParagraphs(text), '</section>')
  }
  return body
}

export function recordTailHtml(
  record: MeetingRecordParts,
  language: ExportLanguage,
  level: number,
): string[] {
  const t = exportTexts(language)
  const body: string[] = []
  if (paragraphs(record.texts.closing).length) {
    body.push(`<section><h${level}>${t.closing}</h${level}>`)
    body.push(...htmlParagraphs(record.texts.closing), '</section>')
  }
  if (record.texts.links.length) {
    body.push(`<section><h${level}>${t.links}</h${level}>`, '<ul class="links">')
    for (const link of record.texts.links) {
      const url = escapeHtml(link.url)
      const title = escapeHtml(link.title || link.url)
      const about = link.description ? `<br>${escapeHtml(link.description)}` : ''
      // Shown as a link and as its address, so that a printed record still says where.
      body.push(
        `<li><a href="${url}" rel="noopener noreferrer">${title}</a><br><span class="info">${url}</span>${about}</li>`,
      )
    }
    body.push('</ul></section>')
  }
  return body
}

// ---------------------------------------------------------------------------------- JSON

/** The record's own parts in the archive (docs/ARCHIVE-FORMAT.md, format 2). */
export function recordJson(record: MeetingRecordParts) {
  const { introduction, spaning, closing, links } = record.texts
  return {
    introduction,
    spaning,
    closing,
    links,
    attendance: record.attendance,
  }
}
