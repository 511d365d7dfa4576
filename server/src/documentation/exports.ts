import {
  type BoardContent,
  type DocumentedFrame,
  type DocumentedNote,
  type DocumentedPhase,
  type Meeting,
  noteColourName,
  noteSwatch,
  type VotingRound,
} from '@samla/shared'
import { localTime } from './localTime.ts'
import {
  type MeetingRecordParts,
  recordHeadHtml,
  recordHeadMarkdown,
  recordJson,
  recordTailHtml,
  recordTailMarkdown,
} from './recordExports.ts'
import { roundsCsv, roundsHtml, roundsMarkdown } from './roundExports.ts'
import { type ExportLanguage, type ExportTexts, exportTexts, meetingLine } from './texts.ts'

/**
 * The published record of a meeting in four formats. Every piece of text came from someone
 * typing on a board, so each format makes it inert in its own way: Markdown escapes its
 * syntax and HTML, HTML escapes entities, CSV defuses spreadsheet formulas, JSON is JSON.
 */
export interface DocumentationInput {
  meeting: Meeting
  content: BoardContent
  /** When the snapshot the record is made from was taken (ISO), or null for the live board. */
  takenAt: string | null
  /** Pictures per phase (page id), already validated; inlined into the HTML and JSON. */
  images: Map<string, { mime: string; data: Uint8Array }>
  language: ExportLanguage
  /** Whether the meeting ran anonymously (the live setting, not only the default). */
  anonymous: boolean
  /** Every voting round the server recorded, oldest first (roundExports.ts). */
  votingRounds: VotingRound[]
  /** The deployment's time zone, for times people read (JSON keeps them ISO, in UTC). */
  timeZone: string
  /** The organisers' texts and who took part (recordExports.ts). */
  record: MeetingRecordParts
}

/** Format 2 added the organisers' texts and who took part (`record`). */
export const ARCHIVE_FORMAT = 'samla.documentation/2'

const frameTitle = (frame: DocumentedFrame, t: ExportTexts) =>
  frame.kind === 'loose' ? t.loose : frame.name || (frame.kind === 'inbox' ? t.inbox : '–')

function noteSuffix(note: DocumentedNote, t: ExportTexts): string[] {
  const parts: string[] = []
  if (note.votes !== null && note.votes > 0) parts.push(t.votes(note.votes))
  if (note.author) parts.push(`${t.by} ${note.author}`)
  return parts
}

// ---------------------------------------------------------------------------------- Markdown

/**
 * Escapes Markdown syntax and HTML so that a note reads as the text it is, nothing more. A dash
 * means something only at the start of a line (a list, a rule, a heading underlined), and
 * equals signs only as a line of their own (underlining a heading): elsewhere they stay, so
 * that "2026-12-01" reads as typed.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+.!|~])/g, '\\$1')
    .replace(/^([ \t]*)(-|=+[ \t]*$)/gm, '$1\\$2')
}

export function toMarkdown(input: DocumentationInput): string {
  const t = exportTexts(input.language)
  const { meeting, content } = input
  // The meeting line and the time are our own words and a validated date: escaping them
  // would only print "2026\-10\-20" where the file is read as text.
  const lines = [`# ${escapeMarkdown(meeting.title)}`, '', meetingLine(meeting, t), '']
  if (input.takenAt) lines.push(`${t.taken}: ${localTime(input.takenAt, input.timeZone)}`, '')
  lines.push(...recordHeadMarkdown(input.record, input.language, 2))
  lines.push(...phasesMarkdown(content.phases, t, 2))
  lines.push(...roundsMarkdown(input.votingRounds, input.language, 2))
  lines.push(...recordTailMarkdown(input.record, input.language, 2))
  lines.push(`---`, '', `*${t.generated}*`, '')
  return lines.join('\n')
}

/** The phases, their questions and notes, with phase headings at `level` (## for a meeting). */
export function phasesMarkdown(phases: DocumentedPhase[], t: ExportTexts, level: number): string[] {
  const lines: string[] = []
  const h = (depth: number) => '#'.repeat(depth)
  for (const phase of phases) {
    lines.push(`${h(level)} ${escapeMarkdown(phase.name)}`, '')
    if (phase.frames.length === 0) lines.push(t.noNotes, '')
    for (const frame of phase.frames) {
      lines.push(`${h(level + 1)} ${escapeMarkdown(frameTitle(frame, t))}`, '')
      if (frame.notes.length === 0) lines.push(t.noNotes)
      for (const note of frame.notes) {
        // A note of several lines stays one list item: continuation lines are indented.
        const text = note.text.split('\n').map(escapeMarkdown).join('  \n  ')
        const suffix = noteSuffix(note, t)
        lines.push(
          `- ${text}${suffix.length ? ` *(${suffix.map(escapeMarkdown).join(', ')})*` : ''}`,
        )
      }
      lines.push('')
    }
  }
  return lines
}

// ---------------------------------------------------------------------------------- CSV

/**
 * A cell a spreadsheet will not run: text starting with = + - @ (or a tab or carriage
 * return, which some strip first) gets a leading apostrophe, as OWASP recommends.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

export function toCsv(input: DocumentationInput): string {
  const t = exportTexts(input.language)
  const rows = [t.csv.map(csvCell).join(',')]
  for (const phase of input.content.phases) {
    for (const frame of phase.frames) {
      for (const note of frame.notes) {
        rows.push(
          [
            phase.name,
            frameTitle(frame, t),
            note.text,
            noteColourName(note.color),
            note.votes,
            note.author,
            note.createdAt && localTime(note.createdAt, input.timeZone, { seconds: true }),
          ]
            .map(csvCell)
            .join(','),
        )
      }
    }
  }
  rows.push(...roundsCsv(input.votingRounds, input.language))
  // A byte-order mark so that Excel reads UTF-8 (å, ä, ö); CRLF as RFC 4180 says.
  return `\uFEFF${rows.join('\r\n')}\r\n`
}

// ---------------------------------------------------------------------------------- HTML

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const dataUrl = (image: { mime: string; data: Uint8Array }) =>
  `data:${image.mime};base64,${Buffer.from(image.data).toString('base64')}`

export const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1d1d1f;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:2rem;margin-bottom:.25rem}h2{margin-top:2.5rem;border-bottom:2px solid #1d1d1f}h3{margin-top:1.5rem}
.meta{color:#4a4a4f}ul{padding-left:0;list-style:none}li{margin:.4rem 0;padding:.5rem .75rem;border-left:.6rem solid var(--c,#fed49a);background:#f6f6f7;white-space:pre-wrap}
.info{color:#4a4a4f;font-size:.9rem}.links li{border-left-color:#6b6b70;background:none}a{color:#0b57a4}figure{margin:1rem 0}img{max-width:100%;height:auto;border:1px solid #ccc}
@page{size:A4;margin:18mm}@media print{body{margin:0;max-width:none}h2,h3,h4{break-after:avoid}li{break-inside:avoid}}
`

export function toHtml(input: DocumentationInput): string {
  const t = exportTexts(input.language)
  const { meeting, content } = input
  const body: string[] = [
    `<h1>${escapeHtml(meeting.title)}</h1>`,
    `<p class="meta">${escapeHtml(meetingLine(meeting, t))}</p>`,
  ]
  if (input.takenAt) {
    const taken = localTime(input.takenAt, input.timeZone)
    body.push(`<p class="meta">${t.taken}: ${escapeHtml(taken)}</p>`)
  }
  body.push(...recordHeadHtml(input.record, input.language, 2))
  body.push(...phasesHtml(content.phases, input.images, t, 2))
  body.push(...roundsHtml(input.votingRounds, input.language, 2))
  body.push(...recordTailHtml(input.record, input.language, 2))
  body.push(`<footer><p class="info">${t.generated}</p></footer>`)
  // The file is opened from disk or mail: its own CSP forbids scripts and every network
  // request; pictures are inline data URLs.
  return htmlDocument(input.language, `${meeting.title} – ${t.documentation}`, body)
}

/** The phases as HTML sections, phase headings at `level` (h2 for a meeting's own record). */
export function phasesHtml(
  phases: DocumentedPhase[],
  images: ReadonlyMap<string, { mime: string; data: Uint8Array }>,
  t: ExportTexts,
  level: number,
): string[] {
  const body: string[] = []
  for (const phase of phases) {
    body.push(`<section><h${level}>${escapeHtml(phase.name)}</h${level}>`)
    const image = images.get(phase.pageId)
    if (image) {
      body.push(
        `<figure><img src="${dataUrl(image)}" alt="${escapeHtml(t.picture(phase.name))}"></figure>`,
      )
    }
    if (phase.frames.length === 0) body.push(`<p>${t.noNotes}</p>`)
    for (const frame of phase.frames) {
      body.push(`<h${level + 1}>${escapeHtml(frameTitle(frame, t))}</h${level + 1}>`)
      if (frame.notes.length === 0) {
        body.push(`<p>${t.noNotes}</p>`)
        continue
      }
      body.push('<ul>')
      for (const note of frame.notes) {
        const swatch = noteSwatch(note.color)
        const suffix = noteSuffix(note, t)
        body.push(
          `<li style="--c:${swatch}">${escapeHtml(note.text)}${
            suffix.length ? `<br><span class="info">${escapeHtml(suffix.join(', '))}</span>` : ''
          }</li>`,
        )
      }
      body.push('</ul>')
    }
    body.push('</section>')
  }
  return body
}

/** The page around an exported body: its own CSP forbids scripts and every request. */
export function htmlDocument(language: ExportLanguage, title: string, body: string[]): string {
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body.join('\n')}
</main>
</body>
</html>
`
}

// ---------------------------------------------------------------------------------- JSON

/** The open archive format (docs/ARCHIVE-FORMAT.md). */
export function toJson(input: DocumentationInput): string {
  const { meeting } = input
  const archive = {
    format: ARCHIVE_FORMAT,
    meeting: {
      title: meeting.title,
      group: meeting.group,
      date: meeting.date,
      format: meeting.format,
      anonymous: input.anonymous,
    },
    takenAt: input.takenAt,
    phases: input.content.phases.map((phase) => {
      const image = input.images.get(phase.pageId)
      return {
        ...phase,
        image: image
          ? { mime: image.mime, data: Buffer.from(image.data).toString('base64') }
          : null,
      }
    }),
    votingRounds: input.votingRounds,
    record: recordJson(input.record),
  }
  return `${JSON.stringify(archive, null, 2)}\n`
}

export const EXPORT_FORMATS = {
  md: { render: toMarkdown, type: 'text/markdown; charset=utf-8' },
  html: { render: toHtml, type: 'text/html; charset=utf-8' },
  csv: { render: toCsv, type: 'text/csv; charset=utf-8' },
  json: { render: toJson, type: 'application/json; charset=utf-8' },
} as const
export type ExportFormat = keyof typeof EXPORT_FORMATS

/** "samling-2-digital-2026-02-13.md": the meeting's title, ASCII only, and its date. */
export function exportFileName(meeting: Meeting, format: ExportFormat): string {
  return `${fileSlug(meeting.title) || 'samling'}-${meeting.date}.${format}`
}

/** A title as ASCII letters, digits and dashes, for a file name. */
export function fileSlug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
}
