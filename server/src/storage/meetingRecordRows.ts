import {
  type Attendance,
  EMPTY_RECORD_TEXTS,
  type RecordTexts,
  recordTextsSchema,
  type Sector,
  sectorSchema,
} from '@samla/shared'
import { z } from 'zod'
import type { PublishedRecord } from './repositories.ts'

/** What both stores share of the meeting record's rows: counting, and reading the JSON back. */

interface AttendeeRow {
  organisation: string | null
  sector: string | null
}

/**
 * Counts the attendees: an organisation typed as "region blekinge" by one and "Region
 * Blekinge" by another is one, under the spelling most of them used (the first on a tie).
 */
export function countAttendance(rows: readonly AttendeeRow[]): Attendance {
  const organisations = new Map<string, { spellings: Map<string, number>; count: number }>()
  const sectors = new Map<Sector, number>()
  for (const row of rows) {
    if (row.organisation) {
      const key = row.organisation.toLocaleLowerCase('sv')
      const entry = organisations.get(key) ?? { spellings: new Map(), count: 0 }
      entry.count += 1
      entry.spellings.set(row.organisation, (entry.spellings.get(row.organisation) ?? 0) + 1)
      organisations.set(key, entry)
    }
    const sector = sectorSchema.safeParse(row.sector)
    if (sector.success) sectors.set(sector.data, (sectors.get(sector.data) ?? 0) + 1)
  }
  const byCount =
    <T extends { count: number }>(key: (item: T) => string) =>
    (a: T, b: T) =>
      b.count - a.count || key(a).localeCompare(key(b), 'sv')
  return {
    count: rows.length,
    organisations: [...organisations.values()]
      .map(({ spellings, count }) => ({
        name: [...spellings.entries()].reduce((best, next) => (next[1] > best[1] ? next : best))[0],
        count,
      }))
      .sort(byCount((o) => o.name)),
    sectors: [...sectors.entries()]
      .map(([sector, count]) => ({ sector, count }))
      .sort(byCount((s) => s.sector)),
  }
}

/** Suggestions: each organisation once (whatever its case), most used first. */
export function suggestionsOf(rows: readonly AttendeeRow[], limit = 50): string[] {
  return countAttendance(rows)
    .organisations.slice(0, limit)
    .map((o) => o.name)
}

const publishedSchema = z.object({
  texts: recordTextsSchema,
  attendance: z.object({
    count: z.number(),
    organisations: z.array(z.object({ name: z.string(), count: z.number() })),
    sectors: z.array(z.object({ sector: sectorSchema, count: z.number() })),
  }),
})

/** A stored draft; one written by an older version, or damaged, reads as empty texts. */
export function draftOf(value: unknown): RecordTexts {
  const parsed = recordTextsSchema.safeParse(value)
  return parsed.success ? parsed.data : EMPTY_RECORD_TEXTS
}

export function publishedOf(value: unknown): PublishedRecord | null {
  const parsed = publishedSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}
