import {
  type Commitment,
  type Confirmation,
  type Handslag,
  MAX_HANDSLAG_PER_PROCESS,
  MAX_ORGANISATIONS,
} from '@samla/shared'
import { and, asc, count, eq, inArray, max, sql } from 'drizzle-orm'
import { newBoardId } from '../../boards.ts'
import type { PgSamlaDatabase } from '../../db/pg/client.ts'
import { handslag, handslagOrganisations as organisations, processes } from '../../db/pg/schema.ts'
import { hashToken, newToken } from '../../meetings/tokens.ts'
import {
  allConfirmed,
  type HandslagRow,
  NO_CONFIRMATION,
  sameCommitments,
  toHandslag,
} from '../handslagRows.ts'
import type {
  ConfirmOutcome,
  HandslagChanges,
  HandslagRepository,
  HandslagWrite,
  NewHandslag,
  OrganisationChanges,
} from '../repositories.ts'

type Tx = Parameters<Parameters<PgSamlaDatabase['transaction']>[0]>[0]
type Db = Tx | PgSamlaDatabase
type Refused = Extract<HandslagWrite<never>, { ok: false }>

const refuse = (reason: Refused['reason']): Refused => ({ ok: false, reason })
const isRefused = (value: unknown): value is Refused =>
  typeof value === 'object' && value !== null && (value as Refused).ok === false

/**
 * Handslag in PostgreSQL; the same behaviour as sqlite/handslag.ts. Every change and every
 * confirmation first locks the Handslag's row (FOR UPDATE), so that they run one at a time
 * per Handslag across instances: the second of two last confirmations waits, then sees the
 * first (READ COMMITTED reads anew after the wait) and signs; it is never signed twice.
 */
export class PgHandslag implements HandslagRepository {
  constructor(private readonly db: PgSamlaDatabase) {}

  private async read(db: Db, rows: HandslagRow[]): Promise<Handslag[]> {
    if (rows.length === 0) return []
    const orgs = await db
      .select()
      .from(organisations)
      .where(
        inArray(
          organisations.handslagId,
          rows.map((r) => r.id),
        ),
      )
    return rows.map((row) => toHandslag(row, orgs))
  }

  private async locked(tx: Tx, processId: string | null, id: string) {
    const where = processId
      ? and(eq(handslag.processId, processId), eq(handslag.id, id))
      : eq(handslag.id, id)
    const [row] = await tx.select().from(handslag).where(where).for('update')
    return row
  }

  /** Runs `change` on an unsigned Handslag of the process, in one transaction under its lock. */
  private async edit<T>(
    processId: string,
    id: string,
    change: (tx: Tx, row: HandslagRow) => Promise<T | Refused>,
  ): Promise<HandslagWrite<T>> {
    return this.db.transaction(async (tx): Promise<HandslagWrite<T>> => {
      const row = await this.locked(tx, processId, id)
      if (!row) return refuse('not_found')
      if (row.signedAt) return refuse('signed')
      // Every change refuses before it writes anything.
      const value = await change(tx, row)
      if (isRefused(value)) return value
      await tx.update(handslag).set({ updatedAt: new Date() }).where(eq(handslag.id, id))
      return { ok: true, value }
    })
  }

  private async signIfComplete(tx: Tx, id: string, at: Date): Promise<boolean> {
    const rows = await tx
      .select({ confirmedAt: organisations.confirmedAt })
      .from(organisations)
      .where(eq(organisations.handslagId, id))
    if (!allConfirmed(rows)) return false
    await tx.update(handslag).set({ signedAt: at }).where(eq(handslag.id, id))
    return true
  }

  private async current(processId: string, id: string): Promise<Handslag> {
    const rows = await this.db
      .select()
      .from(handslag)
      .where(and(eq(handslag.processId, processId), eq(handslag.id, id)))
    return (await this.read(this.db, rows))[0] as Handslag
  }

  async create(input: NewHandslag): Promise<Handslag | null> {
    const now = new Date()
    const id = newBoardId()
    const made = await this.db.transaction(async (tx) => {
      // The process row's lock counts its Handslag one at a time, across instances.
      await tx.execute(
        sql`select 1 from ${processes} where ${processes.id} = ${input.processId} for update`,
      )
      const [top] = await tx
        .select({ n: count() })
        .from(handslag)
        .where(eq(handslag.processId, input.processId))
      if ((top?.n ?? 0) >= MAX_HANDSLAG_PER_PROCESS) return false
      await tx
        .insert(handslag)
        .values({ id, ...input, signedAt: null, createdAt: now, updatedAt: now })
      return true
    })
    return made ? this.current(input.processId, id) : null
  }

  async get(processId: string, id: string): Promise<Handslag | null> {
    const rows = await this.db
      .select()
      .from(handslag)
      .where(and(eq(handslag.processId, processId), eq(handslag.id, id)))
    return (await this.read(this.db, rows))[0] ?? null
  }

  async list(processId: string): Promise<Handslag[]> {
    const rows = await this.db
      .select()
      .from(handslag)
      .where(eq(handslag.processId, processId))
      .orderBy(asc(handslag.createdAt), asc(handslag.id))
    return this.read(this.db, rows)
  }

  async update(processId: string, id: string, changes: HandslagChanges) {
    const done = await this.edit(processId, id, async (tx) => {
      if (Object.keys(changes).length > 0)
        await tx.update(handslag).set(changes).where(eq(handslag.id, id))
    })
    return done.ok ? { ok: true as const, value: await this.current(processId, id) } : done
  }

  async addOrganisation(
    processId: string,
    id: string,
    organisation: { name: string; commitments: Commitment[] },
  ) {
    const token = newToken()
    const organisationId = newBoardId()
    const done = await this.edit(processId, id, async (tx) => {
      const [top] = await tx
        .select({ n: count(), last: max(organisations.position) })
        .from(organisations)
        .where(eq(organisations.handslagId, id))
      if ((top?.n ?? 0) >= MAX_ORGANISATIONS) return refuse('full')
      await tx.insert(organisations).values({
        id: organisationId,
        handslagId: id,
        position: (top?.last ?? 0) + 1,
        name: organisation.name,
        commitments: organisation.commitments,
        revision: 1,
        tokenHash: hashToken(token),
        ...NO_CONFIRMATION,
      })
    })
    if (!done.ok) return done
    return {
      ok: true as const,
      value: { handslag: await this.current(processId, id), organisationId, token },
    }
  }

  async updateOrganisation(
    processId: string,
    id: string,
    organisationId: string,
    changes: OrganisationChanges,
  ) {
    const done = await this.edit(processId, id, async (tx) => {
      const [org] = await tx
        .select()
        .from(organisations)
        .where(and(eq(organisations.handslagId, id), eq(organisations.id, organisationId)))
      if (!org) return refuse('organisation_not_found')
      const fresh =
        changes.commitments !== undefined && !sameCommitments(org.commitments, changes.commitments)
      await tx
        .update(organisations)
        .set({
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(fresh
            ? { commitments: changes.commitments, revision: org.revision + 1, ...NO_CONFIRMATION }
            : {}),
        })
        .where(eq(organisations.id, organisationId))
    })
    return done.ok ? { ok: true as const, value: await this.current(processId, id) } : done
  }

  async removeOrganisation(processId: string, id: string, organisationId: string) {
    const done = await this.edit(processId, id, async (tx) => {
      const removed = await tx
        .delete(organisations)
        .where(and(eq(organisations.handslagId, id), eq(organisations.id, organisationId)))
        .returning({ id: organisations.id })
      if (removed.length === 0) return refuse('organisation_not_found')
      await this.signIfComplete(tx, id, new Date())
    })
    return done.ok ? { ok: true as const, value: await this.current(processId, id) } : done
  }

  async rotate(processId: string, id: string, organisationId: string) {
    const token = newToken()
    return this.edit(processId, id, async (tx) => {
      const changed = await tx
        .update(organisations)
        .set({ tokenHash: hashToken(token) })
        .where(and(eq(organisations.handslagId, id), eq(organisations.id, organisationId)))
        .returning({ id: organisations.id })
      return changed.length === 0 ? refuse('organisation_not_found') : token
    })
  }

  async delete(processId: string, id: string) {
    return this.edit(processId, id, async (tx) => {
      await tx.delete(handslag).where(eq(handslag.id, id))
      return null
    })
  }

  async byToken(id: string, token: string) {
    const [org] = await this.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.handslagId, id), eq(organisations.tokenHash, hashToken(token))))
    if (!org) return null
    const rows = await this.db.select().from(handslag).where(eq(handslag.id, id))
    const [found] = await this.read(this.db, rows)
    return found ? { handslag: found, organisationId: org.id } : null
  }

  async confirm(
    id: string,
    token: string,
    who: Omit<Confirmation, 'at'>,
    revision: number,
  ): Promise<ConfirmOutcome> {
    const at = new Date()
    const outcome = await this.db.transaction(
      async (tx): Promise<ConfirmOutcome | { signed: boolean }> => {
        if (!(await this.locked(tx, null, id))) return { ok: false, reason: 'unauthorized' }
        const [org] = await tx
          .select()
          .from(organisations)
          .where(
            and(eq(organisations.handslagId, id), eq(organisations.tokenHash, hashToken(token))),
          )
        if (!org) return { ok: false, reason: 'unauthorized' }
        if (org.confirmedAt) return { ok: false, reason: 'already_confirmed' }
        if (org.revision !== revision) return { ok: false, reason: 'changed' }
        await tx
          .update(organisations)
          .set({
            confirmedName: who.name,
            confirmedRole: who.role,
            confirmedOrganisation: who.organisation,
            confirmedAt: at,
          })
          .where(eq(organisations.id, org.id))
        await tx.update(handslag).set({ updatedAt: at }).where(eq(handslag.id, id))
        return { signed: await this.signIfComplete(tx, id, at) }
      },
    )
    if ('ok' in outcome) return outcome
    const rows = await this.db.select().from(handslag).where(eq(handslag.id, id))
    return {
      ok: true,
      handslag: (await this.read(this.db, rows))[0] as Handslag,
      confirmation: { ...who, at: at.toISOString() },
      signed: outcome.signed,
    }
  }
}
