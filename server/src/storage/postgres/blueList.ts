import {
  type BlueListItem,
  type BlueListStatus,
  isBlueListTransition,
  type UpdateBlueListItemRequest,
} from '@samla/shared'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { newBoardId } from '../../boards.ts'
import type { PgSamlaDatabase } from '../../db/pg/client.ts'
import { blueListEvents, blueListItems, blueListNumbers } from '../../db/pg/schema.ts'
import { forgottenSource, sourceColumns, toBlueListItem } from '../blueListRows.ts'
import type { BlueListRepository, BlueListStatusChange, NewBlueListItem } from '../repositories.ts'

/** Blå listan in PostgreSQL; the same behaviour as sqlite/blueList.ts. */
export class PgBlueList implements BlueListRepository {
  constructor(private readonly db: PgSamlaDatabase) {}

  private async withHistory(rows: (typeof blueListItems.$inferSelect)[]): Promise<BlueListItem[]> {
    if (rows.length === 0) return []
    const events = await this.db
      .select()
      .from(blueListEvents)
      .where(
        inArray(
          blueListEvents.itemId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(blueListEvents.id))
    return rows.map((row) =>
      toBlueListItem(
        row,
        events.filter((e) => e.itemId === row.id),
      ),
    )
  }

  async create(input: NewBlueListItem): Promise<BlueListItem> {
    const now = new Date()
    const id = newBoardId()
    await this.db.transaction(async (tx) => {
      // The upsert locks the process's counter row until commit: one number at a time, across
      // instances, and never one given before.
      const [counter] = await tx
        .insert(blueListNumbers)
        .values({ processId: input.processId, lastNumber: 1 })
        .onConflictDoUpdate({
          target: blueListNumbers.processId,
          set: { lastNumber: sql`${blueListNumbers.lastNumber} + 1` },
        })
        .returning({ number: blueListNumbers.lastNumber })
      await tx.insert(blueListItems).values({
        id,
        processId: input.processId,
        number: counter?.number ?? 1,
        need: input.need,
        needFromSource: input.needFromSource,
        ...sourceColumns(input.source),
        raisedTo: input.raisedTo,
        status: 'ny',
        createdAt: now,
        updatedAt: now,
      })
      await tx.insert(blueListEvents).values({ itemId: id, status: 'ny', comment: '', at: now })
    })
    return (await this.get(input.processId, id)) as BlueListItem
  }

  async get(processId: string, id: string): Promise<BlueListItem | null> {
    const rows = await this.db
      .select()
      .from(blueListItems)
      .where(and(eq(blueListItems.processId, processId), eq(blueListItems.id, id)))
    return (await this.withHistory(rows))[0] ?? null
  }

  async list(processId: string): Promise<BlueListItem[]> {
    return this.withHistory(
      await this.db
        .select()
        .from(blueListItems)
        .where(eq(blueListItems.processId, processId))
        .orderBy(asc(blueListItems.number)),
    )
  }

  async update(
    processId: string,
    id: string,
    changes: UpdateBlueListItemRequest,
  ): Promise<BlueListItem | null> {
    await this.db
      .update(blueListItems)
      .set({
        ...changes,
        ...(changes.need === undefined ? {} : { needFromSource: false }),
        updatedAt: new Date(),
      })
      .where(and(eq(blueListItems.processId, processId), eq(blueListItems.id, id)))
    return this.get(processId, id)
  }

  async changeStatus(
    processId: string,
    id: string,
    status: BlueListStatus,
    comment: string,
  ): Promise<BlueListStatusChange> {
    const outcome = await this.db.transaction(
      async (tx): Promise<BlueListStatusChange | 'changed'> => {
        const [row] = await tx
          .select({ status: blueListItems.status })
          .from(blueListItems)
          .where(and(eq(blueListItems.processId, processId), eq(blueListItems.id, id)))
          .for('update')
        if (!row) return { ok: false, reason: 'not_found' }
        const from = row.status as BlueListStatus
        if (!isBlueListTransition(from, status))
          return { ok: false, reason: 'invalid_transition', from }
        const now = new Date()
        await tx
          .update(blueListItems)
          .set({ status, updatedAt: now })
          .where(eq(blueListItems.id, id))
        await tx.insert(blueListEvents).values({ itemId: id, status, comment, at: now })
        return 'changed'
      },
    )
    if (outcome !== 'changed') return outcome
    return { ok: true, item: (await this.get(processId, id)) as BlueListItem }
  }

  async delete(processId: string, id: string): Promise<boolean> {
    const deleted = await this.db
      .delete(blueListItems)
      .where(and(eq(blueListItems.processId, processId), eq(blueListItems.id, id)))
      .returning({ id: blueListItems.id })
    return deleted.length > 0
  }

  async forgetMeeting(meetingId: string): Promise<void> {
    await this.db
      .update(blueListItems)
      .set(forgottenSource(blueListItems))
      .where(eq(blueListItems.sourceMeetingId, meetingId))
  }
}
