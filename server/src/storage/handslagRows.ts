import { isDeepStrictEqual } from 'node:util'
import {
  type Commitment,
  commitmentSchema,
  type Handslag,
  type HandslagOrganisation,
  type Initiative,
  initiativeSchema,
} from '@samla/shared'
import { z } from 'zod'
import type { handslag, handslagOrganisations } from '../db/schema.ts'

/**
 * Rows of the Handslag tables as the API speaks of them; the PostgreSQL tables have the same
 * columns (db/pg/schema.ts), so both dialects map through here.
 */
export type HandslagRow = typeof handslag.$inferSelect
export type OrganisationRow = typeof handslagOrganisations.$inferSelect

// Read leniently: a row a later version wrote differently reads as empty, never as a 500.
const initiatives = z.array(initiativeSchema).catch([])
const commitments = z.array(commitmentSchema).catch([])

export const readCommitments = (value: unknown): Commitment[] => commitments.parse(value)

export function toOrganisation(row: OrganisationRow): HandslagOrganisation {
  return {
    id: row.id,
    name: row.name,
    commitments: readCommitments(row.commitments),
    revision: row.revision,
    confirmation:
      row.confirmedAt && row.confirmedName !== null
        ? {
            name: row.confirmedName,
            role: row.confirmedRole ?? '',
            organisation: row.confirmedOrganisation ?? '',
            at: row.confirmedAt.toISOString(),
          }
        : null,
  }
}

/** A Handslag from its row and its organisations' rows (any order: they are put in theirs). */
export function toHandslag(row: HandslagRow, organisations: readonly OrganisationRow[]): Handslag {
  return {
    id: row.id,
    processId: row.processId,
    title: row.title,
    meetingId: row.meetingId,
    initiatives: initiatives.parse(row.initiatives) as Initiative[],
    organisations: [...organisations]
      .filter((o) => o.handslagId === row.id)
      .sort((a, b) => a.position - b.position)
      .map(toOrganisation),
    signedAt: row.signedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

export const sameCommitments = (stored: unknown, next: readonly Commitment[]) =>
  isDeepStrictEqual(readCommitments(stored), next)

/** What a cleared (or not yet given) confirmation is in the row. */
export const NO_CONFIRMATION = {
  confirmedName: null,
  confirmedRole: null,
  confirmedOrganisation: null,
  confirmedAt: null,
} as const

/** A Handslag is complete once it has organisations and every one of them confirmed. */
export const allConfirmed = (rows: ReadonlyArray<Pick<OrganisationRow, 'confirmedAt'>>) =>
  rows.length > 0 && rows.every((r) => r.confirmedAt !== null)
