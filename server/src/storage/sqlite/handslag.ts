import {
  type Confirmation,
  type Handslag,
  MAX_HANDSLAG_PER_PROCESS,
  MAX_ORGANISATIONS,
} from '@samla/shared'
import { and, asc, count, eq, inArray, max } from 'drizzle-orm'
import { newBoardId } from '../../boards.ts'
import { type SamlaDatabase, truncateWal } from '../../db/client.ts'
import { handslag, handslagOrganisations as organisations } from '../../db/schema.ts'
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

type Tx = Parameters<Parameters<SamlaDatabase['transaction']>[0]>[0]
type Refused = Extract<HandslagWrite<never>, { ok: false }>

const refuse = (reason: Refused['reason']): Refused => ({ ok: false, reason })

/**
 * Handslag in SQLite: one connection, so each method's transaction is the whole of it and
 * two confirmations never interleave. After anything that drops a confirmation's name, the
 * WAL is truncated, so that the old page versions with it leave the disk too.
 */
export class SqliteHandslag implements HandslagRepository {
  constructor(private readonly db: SamlaDatabase) {}

  private read(db: Tx | SamlaDatabase, rows: HandslagRow[]): Handslag[] {
    if (rows.length === 0) return []
    const orgs = db
      .select()
      .from(organisations)
      .where(
        inArray(
          organisations.handslagId,
          rows.map((r) => r.id),
        ),
      )
      .all()
    return rows.map((row) => toHandslag(row, orgs))
  }

  private one(db: Tx | SamlaDatabase, processId: string | null, id: string) {
    const where = processId
      ? and(eq(handslag.processId, processId), eq(handslag.id, id))
      : eq(handslag.id, id)
    return db.select().from(handslag).where(where).get()
  }

  /** Runs `change` on an unsigned Handslag of the process, in one transaction. */
  private edit<T>(
    processId: string,
    id: string,
    change: (tx: Tx, row: HandslagRow) => T | Refused,
  ): HandslagWrite<T> {
    return this.db.transaction((tx): HandslagWrite<T> => {
      const row = this.one(tx, processId, id)
      if (!row) return refuse('not_found')
      if (row.signedAt) return refuse('signed')
      // Every change refuses before it writes anything.
      const value = change(tx, row)
      if (isRefused(value)) return value
      tx.update(handslag).set({ updatedAt: new Date() }).where(eq(handslag.id, id)).run()
      return { ok: true, value }
    }) as HandslagWrite<T>
  }

  private signIfComplete(tx: Tx, id: string, at: Date): boolean {
    const rows = tx
      .select({ confirmedAt: organisations.confirmedAt })
      .from(organisations)
      .where(eq(organisations.handslagId, id))
      .all()
    if (!allConfirmed(rows)) return false
    tx.update(handslag).set({ signedAt: at }).where(eq(handslag.id, id)).run()
    return true
  }

  private current(processId: string, id: string): Handslag {
    const row = this.one(this.db, processId, id)
    return this.read(this.db, row ? [row] : [])[0] as Handslag
  }

  async create(input: NewHandslag): Promise<Handslag | null> {
    const now = new Date()
    const id = newBoardId()
    const made = this.db.transaction((tx) => {
      const [top] = tx
        .select({ n: count() })
        .from(handslag)
        .where(eq(handslag.processId, input.processId))
        .all()
      if ((top?.n ?? 0) >= MAX_HANDSLAG_PER_PROCESS) return false
      tx.insert(handslag)
        .values({ id, ...input, signedAt: null, createdAt: now, updatedAt: now })
        .run()
      return true
    })
    return made ? this.current(input.processId, id) : null
  }

  async get(processId: string, id: string): Promise<Handslag | null> {
    const row = this.one(this.db, processId, id)
    return row ? (this.read(this.db, [row])[0] ?? null) : null
  }

  async list(processId: string): Promise<Handslag[]> {
    const rows = this.db
      .select()
      .from(handslag)
      .where(eq(handslag.processId, processId))
      .orderBy(asc(handslag.createdAt), asc(handslag.id))
      .all()
    return this.read(this.db, rows)
  }

  async update(processId: string, id: string, changes: HandslagChanges) {
    const done = this.edit(processId, id, (tx) => {
      if (Object.keys(changes).length > 0)
        tx.update(handslag).set(changes).where(eq(handslag.id, id)).run()
    })
    return done.ok ? { ok: true as const, value: this.current(processId, id) } : done
  }

  async addOrganisation(
    processId: string,
    id: string,
    organisation: { name: string; commitments: Handslag['organisations'][number]['commitments'] },
  ) {
    const token = newToken()
    const organisationId = newBoardId()
    const done = this.edit(processId, id, (tx) => {
      const [top] = tx
        .select({ n: count(), last: max(organisations.position) })
        .from(organisations)
        .where(eq(organisations.handslagId, id))
        .all()
      if ((top?.n ?? 0) >= MAX_ORGANISATIONS) return refuse('full')
      tx.insert(organisations)
        .values({
          id: organisationId,
          handslagId: id,
          position: (top?.last ?? 0) + 1,
          name: organisation.name,
          commitments: organisation.commitments,
          revision: 1,
          tokenHash: hashToken(token),
          ...NO_CONFIRMATION,
        })
        .run()
    })
    if (!done.ok) return done
    return {
      ok: true as const,
      value: { handslag: this.current(processId, id), organisationId, token },
    }
  }

  async updateOrganisation(
    processId: string,
    id: string,
    organisationId: string,
    changes: OrganisationChanges,
  ) {
    let cleared = false
    const done = this.edit(processId, id, (tx) => {
      const org = tx
        .select()
        .from(organisations)
        .where(and(eq(organisations.handslagId, id), eq(organisations.id, organisationId)))
        .get()
      if (!org) return refuse('organisation_not_found')
      const fresh =
        changes.commitments !== undefined && !sameCommitments(org.commitments, changes.commitments)
      cleared = fresh && org.confirmedAt !== null
      tx.update(organisations)
        .set({
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(fresh
            ? { commitments: changes.commitments, revision: org.revision + 1, ...NO_CONFIRMATION }
            : {}),
        })
        .where(eq(organisations.id, organisationId))
        .run()
    })
    if (!done.ok) return done
    if (cleared) truncateWal(this.db)
    return { ok: true as const, value: this.current(processId, id) }
  }

  async removeOrganisation(processId: string, id: string, organisationId: string) {
    const done = this.edit(processId, id, (tx) => {
      const removed = tx
        .delete(organisations)
        .where(and(eq(organisations.handslagId, id), eq(organisations.id, organisationId)))
        .run()
      if (removed.changes === 0) return refuse('organisation_not_found')
      this.signIfComplete(tx, id, new Date())
    })
    if (!done.ok) return done
    truncateWal(this.db)
    return { ok: true as const, value: this.current(processId, id) }
  }

  async rotate(processId: string, id: string, organisationId: string) {
    const token = newToken()
    return this.edit(processId, id, (tx) => {
      const changed = tx
        .update(organisations)
        .set({ tokenHash: hashToken(token) })
        .where(and(eq(organisations.handslagId, id), eq(organisations.id, organisationId)))
        .run()
      return changed.changes === 0 ? refuse('organisation_not_found') : token
    })
  }

  async delete(processId: string, id: string) {
    const done = this.edit(processId, id, (tx) => {
      tx.delete(handslag).where(eq(handslag.id, id)).run()
      return null
    })
    if (done.ok) truncateWal(this.db)
    return done
  }

  async byToken(id: string, token: string) {
    const org = this.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.handslagId, id), eq(organisations.tokenHash, hashToken(token))))
      .get()
    const row = org ? this.one(this.db, null, id) : undefined
    if (!org || !row) return null
    return { handslag: this.read(this.db, [row])[0] as Handslag, organisationId: org.id }
  }

  async confirm(
    id: string,
    token: string,
    who: Omit<Confirmation, 'at'>,
    revision: number,
  ): Promise<ConfirmOutcome> {
    const at = new Date()
    const outcome = this.db.transaction((tx): ConfirmOutcome | { signed: boolean } => {
      const org = tx
        .select()
        .from(organisations)
        .where(and(eq(organisations.handslagId, id), eq(organisations.tokenHash, hashToken(token))))
        .get()
      if (!org) return { ok: false, reason: 'unauthorized' }
      if (org.confirmedAt) return { ok: false, reason: 'already_confirmed' }
      if (org.revision !== revision) return { ok: false, reason: 'changed' }
      tx.update(organisations)
        .set({
          confirmedName: who.name,
          confirmedRole: who.role,
          confirmedOrganisation: who.organisation,
          confirmedAt: at,
        })
        .where(eq(organisations.id, org.id))
        .run()
      tx.update(handslag).set({ updatedAt: at }).where(eq(handslag.id, id)).run()
      return { signed: this.signIfComplete(tx, id, at) }
    })
    if ('ok' in outcome) return outcome
    const row = this.one(this.db, null, id) as HandslagRow
    return {
      ok: true,
      handslag: this.read(this.db, [row])[0] as Handslag,
      confirmation: { ...who, at: at.toISOString() },
      signed: outcome.signed,
    }
  }
}

const isRefused = (value: unknown): value is Refused =>
  typeof value === 'object' && value !== null && (value as Refused).ok === false
