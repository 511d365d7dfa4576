import {
  type BlueListItem,
  type BlueListStatus,
  isBlueListTransition,
  type UpdateBlueListItemRequest,
} from '@samla/shared'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { newBoardId } from '../../boards.ts'
import { type SamlaDatabase, truncateWal } from '../../db/client.ts'
import { blueListEvents, blueListItems, blueListNumbers } from '../../db/schema.ts'
import { forgottenSource, sourceColumns, toBlueListItem } from '../blueListRows.ts'
import type { BlueListRepository, BlueListStatusChange, NewBlueListItem } from '../repositories.ts'

/** Blå listan in SQLite: one connection, so each method's transaction is the whole of it. */
export class SqliteBlueList implements BlueListRepository {
  constructor(private readonly db: SamlaDatabase) {}

  private withHistory(rows: (typeof blueListItems.$inferSelect)[]): BlueListItem[] {
    if (rows.length === 0) return []
    const events = this.db
      .select()
      .from(blueListEvents)
      .where(
        inArray(
          blueListEvents.itemId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(blueListEvents.id))
      .all()
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
    this.db.transaction((tx) => {
      const [counter] = tx
        .insert(blueListNumbers)
        .values({ processId: input.processId, lastNumber: 1 })
        .onConflictDoUpdate({
          target: blueListNumbers.processId,
          set: { lastNumber: sql`${blueListNumbers.lastNumber} + 1` },
        })
        .returning({ number: blueListNumbers.lastNumber })
        .all()
      tx.insert(blueListItems)
        .values({
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
        .run()
      tx.insert(blueListEvents).values({ itemId: id, status: 'ny', comment: '', at: now }).run()
    })
    return (await this.get(input.processId, id)) as BlueListItem
  }

  async get(processId: string, id: string): Promise<BlueListItem | null> {
    const row = this.db
      .select()
      .from(blueListItems)
      .where(and(eq(blueListItems.processId, processId), eq(blueListItems.id, id)))
      .get()
    return row ? (this.withHistory([row])[0] ?? null) : null
  }

  async list(processId: string): Promise<BlueListItem[]> {
    return this.withHistory(
      this.db
        .select()
        .from(blueListItems)
        .where(eq(blueListItems.processId, processId))
        .orderBy(asc(blueListItems.number))
        .all(),
    )
  }

  async update(
    processId: string,
    id: string,
    changes: UpdateBlueListItemRequest,
  ): Promise<BlueListItem | null> {
    this.db
      .update(blueListItems)
      .set({
        ...changes,
        ...(changes.need === undefined ? {} : { needFromSource: false }),
        updatedAt: new Date(),
      })
      .where(and(eq(blueListItems.processId, processId), eq(blueListItems.id, id)))
      .run()
    return this.get(processId, id)
  }

  async changeStatus(
    processId: string,
    id: string,
    status: BlueListStatus,
    comment: string,
  ): Promise<BlueListStatusChange> {
    const outcome = this.db.transaction((tx): BlueListStatusChange | 'changed' => {
      const row = tx
        .select({ status: blueListItems.status })
        .from(blueListItems)
        .where(and(eq(blueListItems.processId, processId), eq(blueListItems.id, id)))
        .get()
      if (!row) return { ok: false, reason: 'not_found' }
      const from = row.status as BlueListStatus
      if (!isBlueListTransition(from, status))
        return { ok: false, reason: 'invalid_transition', from }
      const now = new Date()
      tx.update(blueListItems).set({ status, updatedAt: now }).where(eq(blueListItems.id, id)).run()
      tx.insert(blueListEvents).values({ itemId: id, status, comment, at: now }).run()
      return 'changed'
    })
    if (outcome !== 'changed') return outcome
    return { ok: true, item: (await this.get(processId, id)) as BlueListItem }
  }

  async delete(processId: string, id: string): Promise<boolean> {
    const { changes } = this.db
      .delete(blueListItems)
      .where(and(eq(blueListItems.processId, processId), eq(blueListItems.id, id)))
      .run()
    // secure_delete zeroes the rows; the WAL still holds them until it is truncated.
    if (changes > 0) truncateWal(this.db)
    return changes > 0
  }

  async forgetMeeting(meetingId: string): Promise<void> {
    this.db
      .update(blueListItems)
      .set(forgottenSource(blueListItems))
      .where(eq(blueListItems.sourceMeetingId, meetingId))
      .run()
    truncateWal(this.db)
  }
}
