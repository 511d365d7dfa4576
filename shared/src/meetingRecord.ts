import { z } from 'zod'

/**
 * The parts of a meeting's record that the organisers write themselves, and who took part, as
 * seed 002 (a published Kraftsamling record) has them: "Ca 15 personer från bland annat …
 * deltog", a "Spaning för dagen", closing words, and "Tips på rapporter, material, initiativ"
 * with links.
 */

/** The sectors a participant may say their organisation belongs to. */
export const SECTORS = [
  'kommun',
  'region',
  'civilsamhalle',
  'skola',
  'naringsliv',
  'myndighet',
  'forskning',
  'annat',
] as const
export const sectorSchema = z.enum(SECTORS)
export type Sector = z.infer<typeof sectorSchema>

export const SECTOR_LABELS: Record<'sv' | 'en', Record<Sector, string>> = {
  sv: {
    kommun: 'kommun',
    region: 'region',
    civilsamhalle: 'civilsamhälle',
    skola: 'skola',
    naringsliv: 'näringsliv',
    myndighet: 'myndighet',
    forskning: 'forskning',
    annat: 'annat',
  },
  en: {
    kommun: 'municipality',
    region: 'region',
    civilsamhalle: 'civil society',
    skola: 'school',
    naringsliv: 'business',
    myndighet: 'government agency',
    forskning: 'research',
    annat: 'other',
  },
}

export const MAX_ORGANISATION_CHARS = 120

/** Spaces collapsed and trimmed: "  Region   Blekinge " and "Region Blekinge" are one. */
export const normaliseOrganisation = (name: string) => name.replace(/\s+/g, ' ').trim()

const organisationSchema = z
  .string()
  .transform(normaliseOrganisation)
  .pipe(z.string().min(1).max(MAX_ORGANISATION_CHARS))

/**
 * POST /api/meetings/:id/attendance, as the browser's voter (X-Samla-Voter): this browser
 * takes part, and, if its holder said so, from which organisation and sector. Both may be
 * null (skipped); a second call replaces the first.
 */
export const attendanceRequest = z
  .object({
    organisation: organisationSchema.nullable(),
    sector: sectorSchema.nullable(),
  })
  .strict()
export type AttendanceRequest = z.infer<typeof attendanceRequest>

/** Who took part in a meeting, counted by the server from the browsers that joined it. */
export const attendanceSchema = z.object({
  /** Browsers that joined as participants (the facilitator's correction, where given). */
  count: z.number().int().nonnegative(),
  /** Organisations named, most participants first (ties by name). */
  organisations: z.array(z.object({ name: z.string(), count: z.number().int().positive() })),
  sectors: z.array(z.object({ sector: sectorSchema, count: z.number().int().positive() })),
})
export type Attendance = z.infer<typeof attendanceSchema>

/** GET /api/meetings/:id/attendance (the facilitator's live view). */
export const liveAttendanceSchema = z.object({
  /** As counted, before any correction. */
  counted: attendanceSchema,
  /** Participant connections on the board right now. */
  present: z.number().int().nonnegative(),
})
export type LiveAttendance = z.infer<typeof liveAttendanceSchema>

/** Addresses a record may link to: the web and mail, never `javascript:` or `data:`. */
export function isSafeLink(address: string): boolean {
  try {
    const url = new URL(address)
    return (
      (url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:') &&
      !/[\s<>"]/.test(address)
    )
  } catch {
    return false
  }
}

export const recordLinkSchema = z
  .object({
    title: z.string().trim().max(300),
    url: z
      .string()
      .trim()
      .max(2000)
      .refine(isSafeLink, 'Only http(s) and mailto addresses may be linked'),
    description: z.string().trim().max(1000),
  })
  .strict()
export type RecordLink = z.infer<typeof recordLinkSchema>

export const MAX_RECORD_LINKS = 30

/**
 * What the organisers write on the documentation page: plain text (paragraphs split at blank
 * lines), saved as they type and published as a copy, so that the published record changes
 * only when they publish again.
 */
export const recordTextsSchema = z
  .object({
    introduction: z.string().max(5000),
    spaning: z
      .object({
        speaker: z.string().max(300),
        title: z.string().max(300),
        text: z.string().max(10_000),
      })
      .strict(),
    closing: z.string().max(5000),
    links: z.array(recordLinkSchema).max(MAX_RECORD_LINKS),
    /** The facilitator's corrections of what was counted; null keeps the count. */
    attendance: z
      .object({
        count: z.number().int().min(0).max(100_000).nullable(),
        /** Organisations to name instead of those given, one per entry. */
        organisations: z.array(organisationSchema).max(50).nullable(),
      })
      .strict(),
  })
  .strict()
export type RecordTexts = z.infer<typeof recordTextsSchema>

export const EMPTY_RECORD_TEXTS: RecordTexts = {
  introduction: '',
  spaning: { speaker: '', title: '', text: '' },
  closing: '',
  links: [],
  attendance: { count: null, organisations: null },
}

/** GET /api/meetings/:id/record-texts: the draft, and what is published (null until then). */
export const recordTextsViewSchema = z.object({
  draft: recordTextsSchema,
  published: recordTextsSchema.nullable(),
})
export type RecordTextsView = z.infer<typeof recordTextsViewSchema>

/** Plain text as paragraphs: split at blank lines, each kept with its own line breaks. */
export const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)

/** The counted attendance with the facilitator's corrections applied. */
export function correctedAttendance(counted: Attendance, texts: RecordTexts): Attendance {
  const { count, organisations } = texts.attendance
  return {
    count: count ?? counted.count,
    organisations: organisations
      ? organisations.map((name) => ({
          name,
          count: counted.organisations.find((o) => o.name === name)?.count ?? 1,
        }))
      : counted.organisations,
    sectors: counted.sectors,
  }
}

/** Organisations named "bland annat": the record names at most this many. */
export const NAMED_ORGANISATIONS = 6

function list(items: string[], and: string): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`
}

/**
 * The record's sentence on who took part, in the seed's form: "Ca 15 personer från bland annat
 * Eskilstuna kommun, Barnhälsovården och Länsstyrelsen Sörmland deltog." Null when nobody was
 * counted.
 */
export function attendanceSentence(attendance: Attendance, language: 'sv' | 'en'): string | null {
  const { count } = attendance
  if (count === 0) return null
  const named = attendance.organisations.slice(0, NAMED_ORGANISATIONS)
  const names = named.map((o) => o.name)
  // "bland annat" when the names do not cover everyone: more organisations than are named,
  // or people who gave none.
  const among =
    attendance.organisations.length > named.length ||
    named.reduce((sum, o) => sum + o.count, 0) < count
  if (language === 'en') {
    const people = count === 1 ? '1 person' : `About ${count} people`
    if (names.length === 0) return `${people} took part.`
    return `${people} took part, from ${list(names, 'and')}${among ? ', among others' : ''}.`
  }
  const people = count === 1 ? '1 person' : `Ca ${count} personer`
  if (names.length === 0) return `${people} deltog.`
  return `${people} från ${among ? 'bland annat ' : ''}${list(names, 'och')} deltog.`
}

/** The sectors as a short list: "region 2, kommun 1". */
export function sectorsLine(attendance: Attendance, language: 'sv' | 'en'): string | null {
  if (attendance.sectors.length === 0) return null
  return attendance.sectors.map((s) => `${SECTOR_LABELS[language][s.sector]} ${s.count}`).join(', ')
}
